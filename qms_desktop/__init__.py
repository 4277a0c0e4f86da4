"""QMS Desktop: Cisco MediaSense recordings for the contact centre's quality team."""

__version__ = "0.1.0"
