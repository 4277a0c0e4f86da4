"""Everything Qt: a thin layer over the core packages. Only this package imports PySide6."""
