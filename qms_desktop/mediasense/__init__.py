"""Talking to Cisco MediaSense: no Qt and no database in this package."""
