"""The reviewer window (PySide6).  The only package that imports Qt.

Entry points: :func:`reviewer.gui.app.run_window`, :func:`reviewer.gui.app.self_test`
(reached through ``reviewer``, ``reviewer gui`` and ``reviewer --self-test``).
"""
