"""Entry script of the PyInstaller bundle: the same as the `qms-desktop` command (GUI without a
subcommand, `--demo`, every CLI subcommand)."""

import multiprocessing
import sys

from qms_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the sync process and a long run's writer process start this executable again
    sys.exit(main())
