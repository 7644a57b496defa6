"""Renderers for what leaves the app: lists, summaries, calendars. No Textual here.

Each renderer takes the dataclasses a service returns and gives text or bytes; ``files`` writes
them safely. The same code serves the command line and the interface.
"""
