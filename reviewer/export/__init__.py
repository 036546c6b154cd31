"""Exports read from the store (never from widgets) and are written atomically."""
