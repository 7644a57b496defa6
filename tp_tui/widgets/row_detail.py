"""One line (two at most) under a list with everything in the row under the cursor.

A narrow terminal cuts the reason or the note in its column; the trust person still reads all
of it here, for the row they are on.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowKey


class RowDetail(Static):
    DEFAULT_CSS = """
    RowDetail { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__("", id=id, markup=False)

    def show_row(self, table: DataTable[Any], row_key: RowKey) -> None:
        """Show every cell of the row, in column order, the empty ones left out."""
        if row_key.value is None or row_key.value == "empty" or row_key not in table.rows:
            self.update("")
            return
        parts = (str(getattr(value, "plain", value)).strip() for value in table.get_row(row_key))
        self.update(" · ".join(part for part in parts if part))


class ShowsRowDetail:
    """For a screen with a RowDetail: it follows the row under the cursor of the focused list."""

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.has_focus:
            self.query_one(RowDetail).show_row(event.data_table, event.row_key)  # type: ignore[attr-defined]

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        detail: RowDetail = self.query_one(RowDetail)  # type: ignore[attr-defined]
        table = event.widget
        if isinstance(table, DataTable) and table.row_count:
            detail.show_row(table, table.coordinate_to_cell_key(table.cursor_coordinate).row_key)
        else:
            detail.update("")
