"""The bundle's entry script (PyInstaller runs it as ``__main__``): the ``reviewer`` command.

On Windows the bundle also has ``reviewer-gui.exe``, the same program built without a console
window, for the Start menu and for opening files from Explorer: it takes file names alone,
like the Linux menu entry's launcher (``reviewer`` alone opens the window, files open with it).
"""

import sys

# Python would cache the few modules it reads as source here (Alembic's migration scripts,
# reviewer.resources) in __pycache__ folders inside the install folder; the app writes nothing there.
sys.dont_write_bytecode = True

from pathlib import Path  # noqa: E402

from reviewer.cli import main  # noqa: E402

args = sys.argv[1:]
if Path(sys.executable).stem.lower() == "reviewer-gui" and args and not args[0].startswith("-"):
    args = ["gui", *args]
raise SystemExit(main(args))
