"""tp-tui: the trust person's notebook, callback list and participant summaries in a terminal."""

__version__ = "0.1.0"
