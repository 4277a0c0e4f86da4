"""Package data: translations (.qm) and the application icon."""
