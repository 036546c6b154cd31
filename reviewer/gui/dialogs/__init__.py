"""Dialogs.  All are opened non-modally-blocking (``open()``, never ``exec()``), so the window
and tests keep their event loop; the window keeps the open one in ``active_dialog``."""
