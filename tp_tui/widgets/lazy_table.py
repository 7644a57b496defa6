"""A table filled a page at a time: the next page is read when the cursor or the view nears the
last row loaded, so a list of thousands opens as fast as a list of ten."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tp_tui.keys import key
from tp_tui.textual_private import column_widths_changed

# Ask for the next page this many rows before the last one loaded is reached.
NEAR_END = 10
# Names beside a reason or a note: short at 80 columns, longer where there is room.
NARROW_NAME, WIDE_NAME, WIDE_TABLE = 20, 26, 100


class LazyTable(DataTable[object]):
    """A DataTable that calls ``more`` for the next page as the user scrolls towards the end.

    The screen fills the first page itself, then calls :meth:`paged` with a function that adds
    the next page's rows and says whether any remain. End and Home go to the last and first row
    loaded (a list is read top to bottom, not sideways), so End again and again walks to the end.
    """

    BINDINGS = [
        key("end", "scroll_bottom", "table.last_row", "table.last_row", show=False),
        key("home", "scroll_top", "table.first_row", "table.first_row", show=False),
    ]

    flexible: int | None = None
    """The column (the reason, the note) that gets the width the others leave, if any."""
    flexible_minimum = 12
    """The least width that column keeps; a terminal narrower than that scrolls sideways."""

    name_column: int | None = None
    """A column of names: NARROW_NAME wide in a narrow table, WIDE_NAME from WIDE_TABLE on."""

    _more: Callable[[], bool] | None = None
    _busy = False  # a page is being added
    _scheduled = False  # a check for the next page is waiting its turn

    @property
    def has_more(self) -> bool:
        """Whether rows remain that are not loaded yet."""
        return self._more is not None

    def paged(self, more: Callable[[], bool] | None) -> None:
        """Set how the next page is read: ``more`` adds its rows and returns whether any remain
        after them; None when everything is loaded."""
        self._more = more
        self._check()

    def load_more(self) -> bool:
        """Read the next page now; False when there was none."""
        if self._more is None:
            return False
        self._next_page()
        return True

    def clear(self, columns: bool = False) -> Self:
        """Empty the table; the pages of what it held are forgotten too."""
        self._more = None
        return super().clear(columns)

    def _near_end(self) -> bool:
        """The cursor is within a few rows of the last row loaded, the view is scrolled that
        near to it, or a table taller than its rows has empty space under them."""
        rows = self.row_count  # every row here is one line high
        margin = max(1, min(NEAR_END, rows // 4))
        if rows == 0 or self.cursor_row >= rows - margin:
            return True
        header = self.header_height if self.show_header else 0
        view = self.scrollable_content_region.height - header
        height = self.styles.height
        if view >= rows:  # every row in sight: nothing to scroll
            # Empty space under the rows asks for more, unless the table is only ever as high
            # as its rows (height: auto) and the space is a layout not yet redone.
            return view > rows and height is not None and not height.is_auto
        # Scrolled (the wheel, the scroll bar) to within a few rows of the end.
        return self.scroll_y > 0 and self.scroll_y + view >= rows - margin

    def _check(self) -> None:
        """Read the next page soon if the user is near the end (asked again when it is time:
        rows may have come meanwhile)."""
        if self._more is not None and not self._busy and not self._scheduled:
            if self._near_end():
                self._scheduled = True
                self.call_later(self._scheduled_page)

    def _scheduled_page(self) -> None:
        self._scheduled = False
        if self._more is not None and self._near_end():
            self._next_page()

    def _next_page(self) -> None:
        more = self._more
        if more is None or self._busy:
            return
        self._busy = True  # adding rows moves the cursor and the scroll: no checks meanwhile
        try:
            remaining = more()
        finally:
            self._busy = False
        if not remaining and self._more is more:
            self._more = None
        self._check()  # the view may still not be full (a tall terminal, a short page)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        self._check()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._check()

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self._fit()
        self._check()

    async def _on_idle(self, event: events.Idle) -> None:
        await super()._on_idle(event)  # measures the columns of new rows
        self._fit()

    def _fit(self) -> None:
        """Give the flexible column the width the other columns leave in the table's view."""
        columns = list(self.columns.values())
        view = self.scrollable_content_region.width
        if self.name_column is not None and 0 <= self.name_column < len(columns):
            names = columns[self.name_column]
            wanted = WIDE_NAME if view >= WIDE_TABLE else NARROW_NAME
            if names.auto_width or names.width != wanted:
                names.auto_width = False
                names.width = wanted
                column_widths_changed(self)
        if self.flexible is None or not 0 <= self.flexible < len(columns):
            return
        flexible = columns[self.flexible]
        others = sum(c.get_render_width(self) for c in columns if c is not flexible)
        room = view - others - 2 * self.cell_padding
        width = max(self.flexible_minimum, room)
        if flexible.auto_width or flexible.width != width:
            flexible.auto_width = False
            flexible.width = width
            column_widths_changed(self)  # no public way to say a column's width changed
