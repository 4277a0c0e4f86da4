"""Entry script of the PyInstaller bundle: the same as the `qms-desktop` command (GUI without a
subcommand, `--demo`, every CLI subcommand)."""

import sys

from qms_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
