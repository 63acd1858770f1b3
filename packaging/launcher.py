"""Entry point of the PyInstaller bundle: runs the installed ``desktop_app`` like the ``bounceback`` script."""

import sys

from desktop_app.app import main

if __name__ == "__main__":
    sys.exit(main())
