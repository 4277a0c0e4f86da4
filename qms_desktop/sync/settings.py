"""The sync engine's knobs, with the specification's defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SyncSettings:
    interval_s: float = 300.0  # the periodic cycle: every 5 minutes
    overlap_s: float = 1800.0  # re-read 30 minutes before the watermark so late sessions "ripen"
    safety_delay_s: float = 60.0  # the run's upper bound is now minus this, frozen at its start
    page_size: int = 100
    max_pages: int = 50  # incremental pages per cycle
    backfill_days: int = 180
    backfill_days_per_cycle: int = 7
    open_sessions_per_cycle: int = 500  # ACTIVE sessions re-fetched per cycle, oldest first
    lease_ttl_s: float = 120.0  # a SQLite lease not renewed for this long belongs to a dead process
    # Sessions MediaSense shows later than the overlap: this often, re-check the last
    # `reconcile_window_s` (and each day once more when it leaves that window). 0: never.
    reconcile_interval_s: float = 3600.0
    reconcile_window_s: float = 86400.0
    # Once a run has committed this many sessions, its later pages are written by a process of their
    # own (reading and writing then use both cores; `sync.write_process`). 0: never.
    write_process_after: int = 5000

    def __post_init__(self) -> None:
        if not 1 <= self.page_size <= 1000:
            raise ValueError("page size must be between 1 and 1000 (MediaSense's limit)")
        if self.max_pages < 1 or self.backfill_days < 0 or self.backfill_days_per_cycle < 1:
            raise ValueError("sync limits must be positive")
        if self.overlap_s < 0 or self.safety_delay_s < 0:
            raise ValueError("overlap and safety delay cannot be negative")
        if self.write_process_after < 0:
            raise ValueError("the writer process threshold cannot be negative")
        if self.reconcile_interval_s < 0 or self.reconcile_window_s < 0:
            raise ValueError("the reconciliation interval and window cannot be negative")
