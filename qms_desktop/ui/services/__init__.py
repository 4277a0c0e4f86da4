"""Long-lived, app-wide services that turn the async core into Qt signals (no widgets here)."""
