"""Package data: translations (.qm), the application icon and the user guide (help/guide_<language>.html)."""
