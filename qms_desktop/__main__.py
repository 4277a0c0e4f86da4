"""`python -m qms_desktop` is the same as the `qms-desktop` command."""

from qms_desktop.cli import main

raise SystemExit(main())
