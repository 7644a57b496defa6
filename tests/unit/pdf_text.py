"""The tests read PDFs through the same reader erasure uses."""

from tp_tui.export.pdf_reading import pdf_strings, shown_text

__all__ = ["pdf_strings", "shown_text"]
