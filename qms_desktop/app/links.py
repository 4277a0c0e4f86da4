"""Opening a link to a moment (`qms://recording/<session id>?t=<seconds>`) as the signed-in user.

The link is parsed strictly (`domain.links`), then the recording is shown through
`RecordingUseCases.show` (permission, team scope, its own `recordings.view` row). Every attempt is
audited as `link.open`: allowed, refused (another team's recording, no permission, unknown id) or a
link that is not one.
"""

from __future__ import annotations

from dataclasses import dataclass

from qms_desktop.app.access import RecordingNotFound, UseCase
from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.domain.links import BadLink, MomentLink, format_link, parse_link
from qms_desktop.search.query import RecordingDetail
from qms_desktop.security import audit
from qms_desktop.security.errors import SecurityError
from qms_desktop.security.roles import Permission

LINK_OPEN = "link.open"


@dataclass(frozen=True, slots=True)
class OpenedLink:
    link: MomentLink
    detail: RecordingDetail


class LinkUseCases(UseCase):
    def copy(self, session_id: str, seconds: float) -> str:
        """The link to a moment of a recording the principal may see (nothing stored, nothing audited)."""
        self.require(Permission.RECORDINGS_READ, session_id)
        return format_link(session_id, max(0.0, seconds))

    def open(self, text: str) -> OpenedLink:
        """The recording a link names, if the principal may see it; BadLink, PermissionDenied or
        RecordingNotFound otherwise (each audited)."""
        try:
            link = parse_link(text)
        except BadLink as exc:
            self.audit(LINK_OPEN, None, outcome=audit.FAILED, error=str(exc)[:200])
            raise
        try:
            detail = RecordingUseCases(self.engine, self.principal).show(link.session_id)
        except (SecurityError, RecordingNotFound) as exc:
            self.audit(LINK_OPEN, link.session_id, outcome=audit.DENIED, seconds=link.seconds,
                       refused=type(exc).__name__)  # fmt: skip
            raise
        self.audit(LINK_OPEN, link.session_id, seconds=link.seconds)
        return OpenedLink(link, detail)
