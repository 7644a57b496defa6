from __future__ import annotations

from datetime import time
from pathlib import Path

from tp_tui.settings import Settings, load_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_values_are_read_and_wrong_ones_ignored(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'language = "nb"\nnot_heard_days = 10\nworkday_end = "16:00"\nstalled_days = "many"\n'
        "unknown = 1\n",
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert (settings.language, settings.not_heard_days, settings.stalled_days) == ("nb", 10, 30)
    assert settings.workday_end_time == time(16, 0)


def test_broken_file_gives_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("language = [", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert Settings(workday_end="25:99").workday_end_time == time(15, 30)
