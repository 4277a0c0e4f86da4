"""The integration log on disk: JSON lines in `integration.log`, rotated to `integration.log.1` … `.N`
(`.1` newest), archived by `clear` to `integration-<UTC timestamp>.log`.

One line per entry, always starting with `{"seq": N, ` so that a line's sequence number can be read
without decoding JSON; within a file `seq` only grows. Reading goes newest first, from the end of the
file backwards, after a binary search for the cursor, so paging deep into 30 MB stays cheap.
"""

from __future__ import annotations

import json
import os
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from qms_desktop.integration_log.entries import (
    LogEntry,
    LogPage,
    decode_cursor,
    encode_cursor,
    level_rank,
    normalize_level,
)

FILE_NAME = "integration.log"
LEVEL_FILE = "log-level"
_PREFIX = b'{"seq": '
_CHUNK = 256 * 1024


def encode_body(entry_fields: dict[str, Any]) -> bytes:
    """Everything of a line but the sequence number, which is only known under the writer's lock."""
    # ensure_ascii=False keeps Ukrainian text readable in the file; lone surrogates (undecodable file
    # names) become JSON \\u escapes instead of failing the write.
    return json.dumps(entry_fields, ensure_ascii=False).encode("utf-8", "backslashreplace")


def make_line(seq: int, body: bytes) -> bytes:
    return b'{"seq": %d, ' % seq + body[1:] + b"\n"


def line_seq(line: bytes) -> int | None:
    if not line.startswith(_PREFIX):
        return None
    end = line.find(b",", len(_PREFIX), len(_PREFIX) + 24)
    try:
        return int(line[len(_PREFIX) : end])
    except ValueError:
        return None


def _line_level(line: bytes) -> str | None:
    start = line.find(b'"level": "', 0, 120)
    if start < 0:
        return None
    start += 10
    return line[start : line.find(b'"', start)].decode("ascii", "replace")


def decode_line(line: bytes) -> LogEntry | None:
    try:
        return LogEntry.from_dict(json.loads(line))
    except (ValueError, KeyError, TypeError):
        return None  # a torn last line or a foreign file: skip it rather than fail the page


def backup_path(log_dir: Path, index: int) -> Path:
    return log_dir / f"{FILE_NAME}.{index}"


def backup_indices(log_dir: Path) -> list[int]:
    found = []
    for path in log_dir.glob(FILE_NAME + ".*"):
        suffix = path.name[len(FILE_NAME) + 1 :]
        if suffix.isdecimal() and suffix.isascii():
            found.append(int(suffix))
    return sorted(found)


def _first_line_at_or_after(f: Any, pos: int) -> int:
    if pos == 0:
        return 0
    f.seek(pos - 1)
    f.readline()
    return int(f.tell())


def _end_offset(f: Any, size: int, below: int) -> int:
    """Offset of the first line whose seq is >= `below` (or the file size): every line before it
    has a smaller seq. A binary search over byte positions, each mapped to the next line start."""

    def reached(pos: int) -> bool:
        start = _first_line_at_or_after(f, pos)
        if start >= size:
            return True
        f.seek(start)
        seq = line_seq(f.readline())
        return seq is None or seq >= below

    lo, hi = 0, size
    while lo < hi:
        mid = (lo + hi) // 2
        if reached(mid):
            hi = mid
        else:
            lo = mid + 1
    return min(_first_line_at_or_after(f, lo), size)


def _reverse_lines(f: Any, end: int) -> Iterator[bytes]:
    pos, tail = end, b""
    while pos > 0:
        size = min(_CHUNK, pos)
        pos -= size
        f.seek(pos)
        lines = (f.read(size) + tail).split(b"\n")
        tail = lines[0]
        for line in reversed(lines[1:]):
            if line:
                yield line
    if tail:
        yield tail


def iter_lines(log_dir: Path, below: int | None = None) -> Generator[tuple[int, bytes], None, None]:
    """(seq, raw line) for every entry with seq < `below` (all when None), newest first, across the
    current file and its backups.

    Safe against a rotation happening meanwhile: files are looked up one at a time (the next
    existing backup index), an open file keeps its content when renamed, and a seq is only
    accepted when it is smaller than the last one, so nothing repeats.
    """
    index = 0
    while True:
        path = log_dir / FILE_NAME if index == 0 else backup_path(log_dir, index)
        try:
            with open(path, "rb") as f:
                size = f.seek(0, os.SEEK_END)
                end = size if below is None else _end_offset(f, size, below)
                for line in _reverse_lines(f, end):
                    seq = line_seq(line)
                    if seq is None or (below is not None and seq >= below):
                        continue
                    below = seq
                    yield seq, line
        except FileNotFoundError:
            pass  # not created yet, or rotated away between listing and opening
        later = [i for i in backup_indices(log_dir) if i > index]
        if not later:
            return
        index = later[0]


class Matcher:
    """The query's filters: a minimum level and a case-insensitive substring."""

    def __init__(self, level: str | None, search: str | None) -> None:
        self.min_rank = level_rank(normalize_level(level)) if level else 0
        self.needle = search.lower() if search else None
        # Raw-line prefilter: valid only when JSON writes the needle unchanged (ASCII, nothing escaped).
        self.raw_needle = (
            self.needle.encode()
            if self.needle
            and self.needle.isascii()
            and self.needle.isprintable()
            and '"' not in self.needle
            and "\\" not in self.needle
            else None
        )

    def entry(self, e: LogEntry) -> bool:
        if self.min_rank and level_rank(e.level) < self.min_rank:
            return False
        if self.needle is None:
            return True
        n = self.needle
        return (
            n in e.message.lower()
            or n in e.logger.lower()
            or (e.exc is not None and n in e.exc.lower())
            or (bool(e.extra) and n in json.dumps(e.extra, ensure_ascii=False).lower())
        )

    def line(self, line: bytes) -> bool:
        """Cheap test on the raw line: False means the entry certainly does not match."""
        if self.min_rank:
            name = _line_level(line)
            if name is not None and level_rank(name) < self.min_rank:
                return False
        return self.raw_needle is None or self.raw_needle in line.lower()


def read_entries(log_dir: Path, below: int | None, matcher: Matcher, count: int) -> list[LogEntry]:
    found: list[LogEntry] = []
    if count <= 0:
        return found
    lines = iter_lines(log_dir, below)
    try:
        for _seq, line in lines:
            if not matcher.line(line):
                continue
            entry = decode_line(line)
            if entry is not None and matcher.entry(entry):
                found.append(entry)
                if len(found) >= count:
                    break
    finally:
        lines.close()
    return found


def page(found: list[LogEntry], limit: int) -> LogPage:
    """`found` holds up to limit + 1 matches; the extra one only tells that another page exists."""
    entries = tuple(found[:limit])
    more = len(found) > limit and bool(entries)
    return LogPage(entries, encode_cursor(entries[-1].seq) if more else None)


def query_files(
    log_dir: Path,
    level: str | None = None,
    cursor: str | None = None,
    limit: int = 100,
    search: str | None = None,
) -> LogPage:
    """The query of `IntegrationLog.query` over the files alone (the CLI: another process writes)."""
    limit = max(1, int(limit))
    found = read_entries(Path(log_dir), decode_cursor(cursor), Matcher(level, search), limit + 1)
    return page(found, limit)


def last_seq(log_dir: Path) -> int:
    """The highest seq on disk, so a new process continues the sequence (also after a clear)."""
    for seq, _line in iter_lines(log_dir):
        return seq
    archives = sorted(log_dir.glob("integration-*.log"), key=lambda p: p.stat().st_mtime)
    for path in reversed(archives[-3:]):
        try:
            with open(path, "rb") as f:
                for line in _reverse_lines(f, f.seek(0, os.SEEK_END)):
                    archived = line_seq(line)
                    if archived is not None:
                        return archived
        except OSError:
            continue
    return 0


def archive(log_dir: Path, now: datetime | None = None) -> Path | None:
    """Rename the current file (and its backups, so a cleared log shows nothing old) to
    `integration-<UTC timestamp>.log[.N]`. Returns the archive of the current file, None when there
    was nothing to archive. The caller must have closed its stream."""
    current = log_dir / FILE_NAME
    backups = backup_indices(log_dir)
    if not current.exists() and not backups:
        return None
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = log_dir / f"integration-{stamp}.log"
    n = 1
    while target.exists() or any(target.parent.glob(target.name + ".*")):
        n += 1
        target = log_dir / f"integration-{stamp}-{n}.log"
    if current.exists():
        os.replace(current, target)
    else:
        target.touch()
    for index in backups:
        os.replace(backup_path(log_dir, index), target.with_name(f"{target.name}.{index}"))
    return target


def read_persisted_level(log_dir: Path) -> str | None:
    try:
        return normalize_level((log_dir / LEVEL_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def persist_level(log_dir: Path, level: str | int) -> str:
    """Store the level for later processes. (Settings in the database may later take precedence,
    per the configuration order database > environment > defaults; this file is the fallback.)"""
    name = normalize_level(level)
    log_dir.mkdir(parents=True, exist_ok=True)
    tmp = log_dir / f".{LEVEL_FILE}.tmp"
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, log_dir / LEVEL_FILE)
    return name
