"""The Connection tab: MediaSense URL(s), credentials, TLS trust, the live connection test."""
