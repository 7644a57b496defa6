from __future__ import annotations

import os

# No animations or blinking cursors: screens are the same every run.
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
