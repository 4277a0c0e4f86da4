"""Links to a moment: strict parsing (good and bad links), and opening one through the use case
(allowed, another team's recording refused, unknown and malformed links), each attempt audited."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from qms_desktop.app.access import NotSignedIn, RecordingNotFound
from qms_desktop.app.links import LINK_OPEN, LinkUseCases
from qms_desktop.domain.links import BadLink, MomentLink, format_link, parse_link
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from tests.playback.helpers import SimData, store_records


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("qms://recording/abc123?t=42", MomentLink("abc123", 42.0)),
        ("qms://recording/abc123?t=42.5", MomentLink("abc123", 42.5)),
        ("qms://recording/abc123", MomentLink("abc123", 0.0)),
        ("QMS://Recording/1564a-f7.c2:1?t=0", MomentLink("1564a-f7.c2:1", 0.0)),
        ("  qms://recording/x1?t=7.125  ", MomentLink("x1", 7.125)),
    ],
)
def test_good_links_parse(text: str, expected: MomentLink) -> None:
    assert parse_link(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("https://recording/abc?t=1", "starts with qms://recording/"),
        ("qms:recording/abc", "Only qms://recording/"),
        ("qms://playlist/abc?t=1", "Only qms://recording/"),
        ("qms://recording/?t=3", "names no recording"),
        ("qms://recording", "names no recording"),
        ("qms://recording/abc?t=-1", "t must be a number"),
        ("qms://recording/abc?t=abc", "t must be a number"),
        ("qms://recording/abc?t=nan", "t must be a number"),
        ("qms://recording/abc?t=1e3", "t must be a number"),
        ("qms://recording/abc?t=", "t must be a number"),
        ("qms://recording/abc?t=1&t=2", "more than once"),
        ("qms://recording/abc?x=1", "Unknown link parameter"),
        ("qms://recording/abc?t=99999999999", "t must be a number"),
        ("qms://recording/a%20b?t=1", "Not a session id"),
        ("qms://recording/a/b?t=1", "Not a session id"),
        ("qms://recording/abc?t=1#x", "fragment"),
        ("qms://recording/" + "a" * 3000, "longer than"),
    ],
)
def test_bad_links_are_refused_with_a_reason(text: str, words: str) -> None:
    with pytest.raises(BadLink) as caught:
        parse_link(text)
    assert words in str(caught.value)


def test_format_round_trips() -> None:
    link = format_link("1564a6f7c2b4d1", 83.4567)
    assert link == "qms://recording/1564a6f7c2b4d1?t=83.457"
    assert parse_link(link) == MomentLink("1564a6f7c2b4d1", 83.457)
    assert format_link("x", 0) == "qms://recording/x?t=0"
    with pytest.raises(BadLink):
        format_link("a b", 1)
    with pytest.raises(BadLink):
        format_link("abc", float("inf"))


def _rows(engine: Engine, target: str | None) -> list[audit.AuditRow]:
    return [e for e in audit.list_audit(engine, action=LINK_OPEN) if e.target == target]


def test_opening_a_link_checks_team_and_audits(engine: Engine, sim_data: SimData) -> None:
    stored = store_records(engine, sim_data.sim, sim_data.closed())
    mine = next(r for r in stored if r.team_code == "T1")
    other = next(r for r in stored if r.team_code == "T2")
    sue = Principal("sue", Role.SUPERVISOR, frozenset({"T1"}))

    opened = LinkUseCases(engine, sue).open(f"qms://recording/{mine.session_id}?t=12.5")
    assert opened.detail.row.session_id == mine.session_id and opened.link.position_ms == 12500
    (row,) = _rows(engine, mine.session_id)
    assert row.actor == "sue" and row.outcome == audit.OK and row.detail["seconds"] == 12.5

    with pytest.raises(PermissionDenied, match="does not supervise"):
        LinkUseCases(engine, sue).open(f"qms://recording/{other.session_id}?t=3")
    (refused,) = _rows(engine, other.session_id)
    assert refused.actor == "sue" and refused.outcome == audit.DENIED
    denied = [e for e in audit.list_audit(engine, action=audit.ACCESS_DENIED) if e.target == other.session_id]
    assert denied and denied[0].detail.get("reason") == "team"

    with pytest.raises(RecordingNotFound):
        LinkUseCases(engine, sue).open("qms://recording/nosuchsession?t=1")
    assert _rows(engine, "nosuchsession")[0].outcome == audit.DENIED

    with pytest.raises(BadLink):
        LinkUseCases(engine, sue).open("qms://recording/x?t=-5")
    bad = _rows(engine, None)
    assert bad and bad[0].outcome == audit.FAILED and "t must be" in bad[0].detail["error"]

    with pytest.raises(NotSignedIn):
        LinkUseCases(engine, None).open(f"qms://recording/{mine.session_id}")
    admin = Principal("boss", Role.ADMIN)
    assert LinkUseCases(engine, admin).open(f"qms://recording/{other.session_id}").link.seconds == 0.0
    assert LinkUseCases(engine, admin).copy(other.session_id, 61.25) == f"qms://recording/{other.session_id}?t=61.25"
    it = Principal("ian", Role.IT)
    with pytest.raises(PermissionDenied):
        LinkUseCases(engine, it).open(f"qms://recording/{mine.session_id}")


def test_open_refuses_a_bad_link_before_any_window(capsys: pytest.CaptureFixture[str]) -> None:
    from qms_desktop.cli import main

    assert main(["open", "qms://recording/?t=1"]) == 2
    assert "names no recording" in capsys.readouterr().err
    # The desktop entry's form, `qms-desktop %u`: a bare link is opened the same way.
    assert main(["qms://recording/abc?t=soon"]) == 2
    assert "t must be a number" in capsys.readouterr().err
    assert main(["open", "https://example.org/x"]) == 2
    assert "starts with qms://recording/" in capsys.readouterr().err
