"""The two export dialogs started from a screen: the week's callback list, and a participant's
summary for a responsibility-group meeting. Writing and printing: export_delivery.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tp_tui.i18n import t
from tp_tui.views.export_delivery import deliver_export
from tp_tui.views.refresh import refresh

if TYPE_CHECKING:
    from tp_tui.app import TpApp
    from tp_tui.export.deliver import Delivered


def export_callback_list(app: TpApp, team: bool = False) -> None:
    """The week's callback list: format, week, initials, file, printer; my calls unless
    ``team`` (the Callbacks screen passes what it shows)."""
    from tp_tui.dates import DateParseError
    from tp_tui.export import callback_list as render
    from tp_tui.export.deliver import exports_dir
    from tp_tui.services.callback_list import callback_week, list_owner, parse_week
    from tp_tui.views.export_dialog import ExportDialog, ExportRequest

    now = app.clock.now()
    year, week = now.isocalendar().year, now.isocalendar().week
    suffix = {"pdf": "pdf", "html": "html", "text": "txt", "ics": "ics"}
    paths = {
        fmt: str(exports_dir() / f"ringeliste-{year}-W{week:02d}.{ext}")
        for fmt, ext in suffix.items()
    }

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        try:
            iso_year, iso_week = parse_week(request.week or None, now.date())
        except DateParseError as error:
            app.notify(t(error.key, **error.params), markup=False, severity="error")
            return
        sheet = callback_week(
            iso_year,
            iso_week,
            now,
            initials="initials" in request.options,
            mine=list_owner(team),
        )
        renderers: dict[str, Callable[[Any], str | bytes]] = {
            "pdf": render.render_pdf,
            "html": render.render_html,
            "text": render.render_text,
            "ics": render.render_ics,
        }
        render_chosen = renderers[request.fmt]
        deliver_export(
            app,
            lambda: render_chosen(sheet),
            Path(request.path).expanduser(),
            "print" in request.options,
            lambda _: None,
        )

    formats = [
        ("pdf", "PDF"),
        ("html", "HTML"),
        ("text", t("export.format_text")),
        ("ics", t("export.format_ics")),
    ]
    options = [("print", t("export.option_print")), ("initials", t("export.option_initials"))]
    app.push_screen(
        ExportDialog(t("export.callbacks_title"), formats, options, paths, with_week=True), chosen
    )


def export_summary(app: TpApp, participant_id: int) -> None:
    """The summary for a responsibility-group meeting; recorded on the participant."""
    from tp_tui.export import summary as render
    from tp_tui.export.deliver import exports_dir
    from tp_tui.services.summary import participant_summary, record_export, record_print
    from tp_tui.views.export_dialog import ExportDialog, ExportRequest

    now = app.clock.now()
    # No name in the file name: the file list of a shared folder says nothing about anyone.
    stem = f"utdrag-{participant_id}-{now.strftime('%Y%m%d')}"
    paths = {fmt: str(exports_dir() / f"{stem}.{fmt}") for fmt in ("pdf", "html", "md")}

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        summary = participant_summary(
            participant_id, now, since=request.since, include_notes="notes" in request.options
        )
        if "notes" in request.options and not summary.include_notes:
            app.notify(t("consent.notes_left_out"), markup=False, severity="warning", timeout=10)
        renderers: dict[str, Callable[[Any], str | bytes]] = {
            "pdf": render.render_pdf,
            "html": render.render_html,
            "md": render.render_markdown,
        }
        render_chosen = renderers[request.fmt]

        def recorded(delivered: Delivered) -> None:
            record_export(participant_id, "summary", request.fmt, app.clock)
            if delivered.printed is not None:
                record_print(participant_id, delivered.printed.ok, app.clock)
            refresh(app)

        deliver_export(
            app,
            lambda: render_chosen(summary),
            Path(request.path).expanduser(),
            "print" in request.options,
            recorded,
        )

    formats = [("pdf", "PDF"), ("html", "HTML"), ("md", "Markdown")]
    options = [("print", t("export.option_print")), ("notes", t("export.option_notes"))]
    dialog = ExportDialog(t("export.summary_title"), formats, options, paths, with_since=True)
    app.push_screen(dialog, chosen)
