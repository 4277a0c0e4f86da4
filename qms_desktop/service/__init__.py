"""The headless sync service: scheduler + sync against the shared database, metrics, tracing, events.

Kept import-light: the sync engine imports `tracing` from here, so nothing heavy (aiohttp,
prometheus-client) is imported by this package itself.
"""
