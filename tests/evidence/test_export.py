"""Evidence export against the simulator over HTTPS: the CLI end to end (files, hashes, the verifier,
a tampered file, the audit row naming the manifest's hash, a clip and its zip, refusals), and the use
case on both databases (no reason, another team's recording, a bad clip, a folder in the way)."""

from __future__ import annotations

import hashlib
import io
import json
import struct
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from qms_desktop.app import runtime
from qms_desktop.app.export import (
    MANIFEST,
    RECORDING_EXPORT,
    ExportRefused,
    ExportRequest,
    ExportUseCases,
    verify_export,
)
from qms_desktop.cli import main
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from tests.playback.helpers import SimData, store_records

ADMIN_PW = "admin-password-1"
SUP_PW = "supervisor-pw-1"


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wav_data(path: Path) -> tuple[int, int]:
    """(byte rate, data bytes) of a WAV file, read chunk by chunk."""
    body = path.read_bytes()
    assert body[:4] == b"RIFF" and body[8:12] == b"WAVE"
    assert struct.unpack_from("<I", body, 4)[0] == len(body) - 8  # the RIFF size is the file's
    pos, rate = 12, 0
    while pos + 8 <= len(body):
        chunk, size = body[pos : pos + 4], struct.unpack_from("<I", body, pos + 4)[0]
        if chunk == b"fmt ":
            rate = struct.unpack_from("<I", body, pos + 16)[0]
        if chunk == b"data":
            assert pos + 8 + size <= len(body)
            return rate, size
        pos += 8 + size + (size & 1)
    raise AssertionError("no data chunk")


def exports(engine: Engine, target: str) -> list[audit.AuditRow]:
    return [r for r in audit.list_audit(engine, action=RECORDING_EXPORT, limit=None) if r.target == target]


def test_cli_export_verify_tamper_and_refusals(
    sim_data: SimData, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ca_file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in {
        "MEDIASENSE_URL": sim_data.sim.api_url,
        "MEDIASENSE_USERNAME": sim_data.config.username,
        "MEDIASENSE_PASSWORD": sim_data.config.password,
        "MEDIASENSE_CA_FILE": ca_file,
    }.items():
        monkeypatch.setenv(name, value)
    engine = runtime.open_database()
    stored = store_records(engine, sim_data.sim, sim_data.closed())
    mine = next(r for r in stored if r.team_code == "T1" and (r.duration_ms or 0) > 20000)
    other = next(r for r in stored if r.team_code == "T2")
    assert run(["users", "add", "boss", "--role", "admin", "--password-stdin"], monkeypatch, ADMIN_PW + "\n") == 0
    monkeypatch.setenv("QMS_PASSWORD", ADMIN_PW)
    argv = ["users", "add", "sue", "--role", "SUPERVISOR", "--teams", "T1", "--password-stdin", "--as", "boss"]
    assert run(argv, monkeypatch, SUP_PW + "\n") == 0
    monkeypatch.setenv("QMS_PASSWORD", SUP_PW)
    capsys.readouterr()

    out = tmp_path / "case-17"
    argv = ["recordings", "export", mine.session_id, "--reason", "Complaint 17 from the caller", "--out", str(out)]
    assert run([*argv, "--as", "sue", "--json"], monkeypatch) == 0
    captured = capsys.readouterr()
    assert "the one deliberate way audio leaves MediaSense" in captured.err
    result = json.loads(captured.out)
    tracks = sorted(t.number for t in mine.tracks if t.number is not None and not t.is_video)
    expected = ["mixed.wav", *(f"track-{n}.wav" for n in tracks)]
    assert sorted(p.name for p in out.iterdir()) == sorted([*expected, MANIFEST])
    assert len(tracks) >= 2  # the agent's phone and the far end: one file per party

    manifest = json.loads((out / MANIFEST).read_text("utf-8"))
    assert [f["name"] for f in manifest["files"]] == expected
    for entry in manifest["files"]:
        assert sha(out / entry["name"]) == entry["sha256"] and (out / entry["name"]).stat().st_size == entry["bytes"]
        rate, size = wav_data(out / entry["name"])
        assert rate > 0 and size > 0
    assert manifest["recording"]["sessionId"] == mine.session_id and manifest["recording"]["team"] == "T1"
    assert manifest["exportedBy"] == {"username": "sue", "role": "SUPERVISOR"}
    assert manifest["reason"] == "Complaint 17 from the caller" and manifest["exportedAt"]
    assert manifest["notes"] == []  # none written on this call
    assert manifest["clip"] is None
    assert "password" not in (out / MANIFEST).read_text("utf-8").lower()
    assert sim_data.config.password not in (out / MANIFEST).read_text("utf-8")
    assert result["manifestSha256"] == sha(out / MANIFEST)

    (row,) = exports(engine, mine.session_id)
    assert row.actor == "sue" and row.outcome == audit.OK
    assert row.detail["manifest_sha256"] == sha(out / MANIFEST)
    assert row.detail["reason"] == "Complaint 17 from the caller"

    assert run(["recordings", "verify-export", str(out), "--json"], monkeypatch) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and sorted(report["checked"]) == sorted(expected)
    assert report["manifestSha256"] == row.detail["manifest_sha256"]

    # One byte changed in one party's file: the verifier says which, and fails.
    victim = out / expected[1]
    body = bytearray(victim.read_bytes())
    body[len(body) // 2] ^= 0xFF
    victim.write_bytes(bytes(body))
    assert run(["recordings", "verify-export", str(out)], monkeypatch) == 1
    assert f"{expected[1]} has changed" in capsys.readouterr().out
    victim.unlink()
    (out / "extra.wav").write_bytes(b"RIFF")
    assert run(["recordings", "verify-export", str(out), "--json"], monkeypatch) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert f"{expected[1]} is missing" in problems and "extra.wav is not in the manifest" in problems

    # A clip, with its zip: the audio is exactly the 3 seconds asked for.
    clip = tmp_path / "clip"
    argv = ["recordings", "export", mine.session_id, "--reason", "QA", "--out", str(clip), "--from", "2", "--to", "5"]
    assert run([*argv, "--zip", "--as", "sue", "--json"], monkeypatch) == 0
    clipped = json.loads(capsys.readouterr().out)
    for name in expected:
        rate, size = wav_data(clip / name)
        assert size == 3 * rate, (name, rate, size)
    assert json.loads((clip / MANIFEST).read_text("utf-8"))["clip"] == {"fromSeconds": 2.0, "toSeconds": 5.0}
    assert verify_export(clip).ok
    with zipfile.ZipFile(clipped["zip"]) as archive:
        names = sorted(archive.namelist())
        assert names == sorted(f"clip/{n}" for n in [*expected, MANIFEST])
        assert hashlib.sha256(archive.read(f"clip/{MANIFEST}")).hexdigest() == clipped["manifestSha256"]

    # Refusals: no reason; another team's recording; both audited, nothing written.
    refused = tmp_path / "refused"
    argv = ["recordings", "export", mine.session_id, "--reason", "   ", "--out", str(refused), "--as", "sue"]
    assert run(argv, monkeypatch) == 2
    assert "needs a reason" in capsys.readouterr().err
    argv = ["recordings", "export", other.session_id, "--reason", "curious", "--out", str(refused), "--as", "sue"]
    assert run(argv, monkeypatch) == 2
    assert "does not supervise" in capsys.readouterr().err
    assert not refused.exists()
    no_reason = [r for r in exports(engine, mine.session_id) if r.outcome == audit.DENIED]
    assert no_reason and no_reason[0].detail["refused"] == "no reason given"
    denied = [r for r in audit.list_audit(engine, action=audit.ACCESS_DENIED) if r.target == other.session_id]
    assert denied and denied[0].actor == "sue" and denied[0].detail["reason"] == "team"
    engine.dispose()


def test_use_case_refusals_and_export_on_both_databases(engine: Engine, sim_data: SimData, tmp_path: Path) -> None:
    stored = store_records(engine, sim_data.sim, sim_data.closed())
    mine = next(r for r in stored if r.team_code == "T1")
    other = next(r for r in stored if r.team_code == "T2")
    sue = Principal("sue", Role.SUPERVISOR, frozenset({"T1"}))
    use = ExportUseCases(engine, sue)

    with pytest.raises(ExportRefused, match="needs a reason"):
        use.plan(ExportRequest(mine.session_id, "", tmp_path / "a"))
    with pytest.raises(PermissionDenied, match="does not supervise"):
        use.plan(ExportRequest(other.session_id, "a reason", tmp_path / "b"))
    with pytest.raises(ExportRefused, match="end must come after"):
        use.plan(ExportRequest(mine.session_id, "a reason", tmp_path / "c", 5, 2))
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    with pytest.raises(ExportRefused, match="not an empty folder"):
        use.plan(ExportRequest(mine.session_id, "a reason", tmp_path / "full"))
    with pytest.raises(PermissionDenied):
        ExportUseCases(engine, Principal("ian", Role.IT)).plan(ExportRequest(mine.session_id, "r", tmp_path / "d"))
    rows = exports(engine, mine.session_id)
    assert {r.detail["refused"] for r in rows} >= {"no reason given", "The clip's end must come after its start"}
    assert all(r.outcome == audit.DENIED for r in rows)

    seen: list[str] = []
    result = ExportUseCases(engine, Principal("boss", Role.ADMIN)).export_blocking(
        sim_data.config,
        ExportRequest(other.session_id, "Legal hold", tmp_path / "out"),
        lambda p: seen.append(p.current),
    )
    assert verify_export(result.folder).ok and "mixed" in seen and seen[-1] == MANIFEST
    (row,) = [r for r in exports(engine, other.session_id) if r.outcome == audit.OK]
    assert row.actor == "boss" and row.detail["manifest_sha256"] == sha(result.folder / MANIFEST)


NOTES_DDL = """CREATE TABLE IF NOT EXISTS recording_notes (
    id {id} PRIMARY KEY, session_id VARCHAR NOT NULL, position_ms BIGINT NOT NULL, kind VARCHAR(16) NOT NULL,
    visibility VARCHAR(16) NOT NULL, category VARCHAR(64), text TEXT NOT NULL, author VARCHAR(64) NOT NULL,
    created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)"""


def test_notes_go_into_the_manifest_private_ones_only_for_their_author(
    engine: Engine, sim_data: SimData, tmp_path: Path
) -> None:
    """Where the database keeps notes (the notes table's shape), the export carries the recording's
    team notes and the exporter's own private ones, in position order; another reviewer's private
    note stays out."""
    stored = store_records(engine, sim_data.sim, sim_data.closed())
    mine = next(r for r in stored if r.team_code == "T1")
    with engine.begin() as conn:
        conn.exec_driver_sql(NOTES_DDL.format(id="BIGSERIAL" if engine.dialect.name == "postgresql" else "INTEGER"))
        rows = [
            (9000, "team", "Greeting skipped", "kim"),
            (3000, "private", "Check with legal", "sue"),
            (5000, "private", "Someone else's own remark", "kim"),
        ]
        for position, visibility, text, author in rows:
            conn.execute(
                sa.text(
                    "INSERT INTO recording_notes (session_id, position_ms, kind, visibility, text, author, created_ms,"
                    " updated_ms) VALUES (:s, :p, 'note', :v, :t, :a, 1, 1)"
                ),
                {"s": mine.session_id, "p": position, "v": visibility, "t": text, "a": author},
            )
    sue = Principal("sue", Role.SUPERVISOR, frozenset({"T1"}))
    result = ExportUseCases(engine, sue).export_blocking(
        sim_data.config, ExportRequest(mine.session_id, "Dispute", tmp_path / "with-notes", 0, 4)
    )
    manifest = json.loads((result.folder / MANIFEST).read_text("utf-8"))
    assert [(n["position_ms"], n["text"]) for n in manifest["notes"]] == [
        (3000, "Check with legal"),
        (9000, "Greeting skipped"),
    ]
    assert result.notes == 2 and verify_export(result.folder).ok
