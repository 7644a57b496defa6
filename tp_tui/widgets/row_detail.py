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
        # A cell whose column is past the edge (or scrolled off to the left) comes with its
        # heading: two bare dates at the end of a line do not say which is the intake.
        start, end = table.scroll_x, table.scroll_x + table.scrollable_content_region.width
        parts = []
        left = 0
        for column, value in zip(table.ordered_columns, table.get_row(row_key), strict=False):
            right = left + column.get_render_width(table)
            text = str(getattr(value, "plain", value)).strip()
            heading = str(getattr(column.label, "plain", column.label)).strip()
            if text and heading and (right > end or left < start):
                text = f"{heading} {text}"
            if text:
                parts.append(text)
            left = right
        self.update(" · ".join(parts))


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
