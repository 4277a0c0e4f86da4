"""The CLI end to end: users, `recordings stream` through the proxy, `audit list`."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from qms_desktop.app import runtime
from qms_desktop.cli import main
from tests.playback.helpers import SimData, store_records

ADMIN_PW = "admin-password-1"
SUP_PW = "supervisor-pw-1"


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_users_stream_and_audit(
    sim_data_factory: Callable[..., SimData],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    ca_file: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = sim_data_factory()
    for name, value in {
        "MEDIASENSE_URL": data.sim.api_url,
        "MEDIASENSE_USERNAME": data.config.username,
        "MEDIASENSE_PASSWORD": data.config.password,
        "MEDIASENSE_CA_FILE": ca_file,
    }.items():
        monkeypatch.setenv(name, value)
    engine = runtime.open_database()
    stored = store_records(engine, data.sim, data.closed())
    engine.dispose()
    mine = next(r for r in stored if r.team_code == "T1")
    other = next(r for r in stored if r.team_code == "T2")

    assert run(["users", "add", "boss", "--role", "admin", "--password-stdin"], monkeypatch, ADMIN_PW + "\n") == 0
    monkeypatch.setenv("QMS_PASSWORD", ADMIN_PW)
    argv = ["users", "add", "sue", "--role", "SUPERVISOR", "--teams", "T1", "--password-stdin", "--as", "boss"]
    assert run(argv, monkeypatch, SUP_PW + "\n") == 0
    capsys.readouterr()
    assert run(["users", "list", "--as", "boss", "--json"], monkeypatch) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(u["username"], u["role"], u["teams"]) for u in listed] == [
        ("boss", "ADMIN", []),
        ("sue", "SUPERVISOR", ["T1"]),
    ]

    out = tmp_path / "part.wav"
    argv = ["recordings", "stream", mine.session_id, "--range", "bytes=0-1023", "-o", str(out)]
    argv += ["--as", "sue", "--password-stdin", "--json"]
    assert run(argv, monkeypatch, SUP_PW + "\n") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == 206 and result["bytes"] == 1024 and out.read_bytes()[:4] == b"RIFF"
    assert result["contentRange"].startswith("bytes 0-1023/")
    assert result["track"] is None  # the whole call: its own choice, not a track number

    # Track 0 is a party (the agent's phone on Unified CM), played from its raw download wrapped as WAV.
    argv = ["recordings", "stream", mine.session_id, "--track", "0", "--range", "bytes=0-99", "-o", str(out)]
    argv += ["--as", "sue", "--password-stdin", "--json"]
    assert run(argv, monkeypatch, SUP_PW + "\n") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["track"] == 0 and result["contentType"] == "audio/wav" and out.read_bytes()[:4] == b"RIFF"

    argv = ["recordings", "stream", other.session_id, "-o", str(tmp_path / "x.wav"), "--as", "sue", "--password-stdin"]
    assert run(argv, monkeypatch, SUP_PW + "\n") == 2
    assert "does not supervise" in capsys.readouterr().err

    assert run(["users", "disable", "sue", "--as", "boss"], monkeypatch) == 0
    capsys.readouterr()
    assert run(["audit", "list", "--as", "boss", "--json", "--limit", "0"], monkeypatch) == 0
    rows = json.loads(capsys.readouterr().out)
    actions = {(r["action"], r["actor"]) for r in rows}
    for expected in [
        ("user.create", "boss"),
        ("login.success", "sue"),
        ("playback.start", "sue"),
        ("playback.stop", "sue"),
        ("access.denied", "sue"),
        ("user.disable", "boss"),
    ]:
        assert expected in actions
    stops = [r for r in rows if r["action"] == "playback.stop"]
    assert sorted(r["detail"]["bytesServed"] for r in stops) == [100, 1024]  # the whole call, then track 0
    assert sorted(r["target"].rsplit("/", 1)[1] for r in stops) == ["track0", "whole"]
    csv_file = tmp_path / "audit.csv"
    assert run(["audit", "list", "--as", "boss", "--csv", str(csv_file)], monkeypatch) == 0
    assert csv_file.read_text().startswith("id,at,actor,action")
    assert run(["audit", "list", "--as", "sue", "--password-stdin"], monkeypatch, SUP_PW + "\n") == 2
