"""The audit trail, for administrators: list it, export it, verify its hash chain. Reading it is
itself audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qms_desktop.app.access import UseCase
from qms_desktop.security import audit, audit_chain
from qms_desktop.security.roles import Permission

PAGE_SIZE = 200


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: list[audit.AuditRow]
    has_more: bool


class AuditUseCases(UseCase):
    def page(self, loaded: Sequence[audit.AuditRow] = (), page_size: int = PAGE_SIZE, **filters: Any) -> AuditPage:
        """The page after `loaded` (newest first); the first page of a listing is audited.

        Keyset paging on (at_ms, id): rows of the last loaded millisecond are asked for again and
        skipped, so equal timestamps are neither lost nor repeated."""
        self.require(Permission.AUDIT_READ)
        if not loaded:
            rows = audit.list_audit(self.engine, limit=page_size + 1, **filters)
            self.audit(audit.AUDIT_READ, None, filters=_shown(filters))
            return AuditPage(rows[:page_size], len(rows) > page_size)
        last_ms = loaded[-1].at_ms
        skip = 0
        for row in reversed(loaded):
            if row.at_ms != last_ms:
                break
            skip += 1
        rows = audit.list_audit(self.engine, until_ms=last_ms + 1, limit=skip + page_size + 1, **filters)
        seen = {row.id for row in loaded[-skip:]}
        rows = [row for row in rows[skip:] if row.id not in seen]
        return AuditPage(rows[:page_size], len(rows) > page_size)

    def list(self, **filters: Any) -> list[audit.AuditRow]:
        """Rows newest first (filters: actor, action, outcome, target, since_ms, until_ms, limit)."""
        self.require(Permission.AUDIT_READ)
        rows = audit.list_audit(self.engine, **filters)
        self.audit(audit.AUDIT_READ, None, filters=_shown(filters))
        return rows

    def export_csv(self, path: str | Path, **filters: Any) -> int:
        self.require(Permission.AUDIT_READ)
        filters.setdefault("limit", None)
        written = audit.export_csv(audit.list_audit(self.engine, **filters), path)
        self.audit(audit.AUDIT_EXPORT, str(path), filters=_shown(filters), rows=written)
        return written

    def verify(self, anchor: tuple[int, str] | None = None) -> audit_chain.ChainReport:
        """Walk the whole chain (see `audit_chain.verify`); the check and its finding are audited."""
        self.require(Permission.AUDIT_READ)
        with self.engine.connect() as conn:
            report = audit_chain.verify(conn, anchor)
        detail = {"checked": report.checked, "head": f"{report.head_seq}:{report.head_hash}"}
        if not report.intact:
            detail.update(broken_seq=report.broken_seq, problem=report.problem)
        self.audit(audit.AUDIT_VERIFY, None, outcome=audit.OK if report.intact else audit.FAILED, **detail)
        return report


def _shown(filters: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in filters.items() if value is not None}
