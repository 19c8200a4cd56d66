"""Entry script of the PyInstaller bundle: app.py itself uses package-relative imports and cannot be run as
a script (`python bochum_desktop/app.py` fails with "attempted relative import")."""

import sys

from bochum_desktop.__main__ import run

if __name__ == "__main__":
    sys.exit(run())
