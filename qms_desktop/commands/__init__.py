"""CLI subcommands, one module per area; see `qms_desktop.cli`."""
