"""Entry script of the PyInstaller bundle: app.py itself uses package-relative imports and cannot be run as
a script (`python bochum_desktop/app.py` fails with "attempted relative import")."""

import sys

from bochum_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
