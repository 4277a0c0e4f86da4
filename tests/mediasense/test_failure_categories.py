"""The failures a person must act on, as a scripted session of real processes against the simulator.

Each failure (wrong password, refused port, unknown host, changed pinned certificate) has one category
and one advice whatever the TLS mode (a CA file or a pinned certificate), in the CLI's text and JSON,
and shows in `qms-desktop logs --level WARN` with its reason and advice.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from qms_desktop.mediasense import categories
from qms_desktop.mediasense.tls import fetch_certificate
from qms_desktop.security.roles import Role
from tests.acting import add_user, as_user, database_in
from tests.conftest import SIM_PASSWORD, SIM_USER

WRONG_PASSWORD = "not-the-password-42"
OTHER_PIN = "AB" * 32  # a fingerprint no server presents
UNKNOWN_HOST = "https://qms-test-no-such-host.invalid:8440"


def closed_port_url() -> str:
    """A port on this machine that nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"https://127.0.0.1:{port}"


def cli(home: Path, args: list[str], *, stdin: str | None = None, env: dict[str, str] | None = None) -> Any:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MEDIASENSE_") and k != "QMS_DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**clean, "QMS_HOME": str(home), **(env or {})},
        timeout=120,
        check=False,
    )


def run_test_connection(home: Path, url: str, tls: list[str], password: str, *, as_json: bool) -> Any:
    args = ["test-connection", "--url", url, "--user", SIM_USER, *tls, "--timeout", "5", "--password-stdin"]
    done = cli(home, [*args, "--json"] if as_json else args, stdin=password + "\n")
    assert done.returncode == 1, done.stdout + done.stderr
    return json.loads(done.stdout) if as_json else done.stdout


def warnings_in_log(home: Path) -> list[dict[str, Any]]:
    acting, acting_env = as_user("it-staff")
    done = cli(home, ["logs", "--level", "WARN", "--limit", "500", "--json", *acting], env=acting_env)
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout)["entries"])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh QMS home with one IT account (who may read the log)."""
    path = tmp_path / "fresh-home"
    add_user(database_in(path), "it-staff", Role.IT)
    return path


def sim_fingerprint(sim: Any) -> str:
    return asyncio.run(fetch_certificate(sim.api_url)).sha256


def test_each_failure_is_a_warning_with_its_reason_and_advice(start_sim, ca_file, home: Path) -> None:
    sim = start_sim("cisco")
    pin = sim_fingerprint(sim)
    refused_url = closed_port_url()
    cases = [
        (sim.api_url, ["--ca-file", ca_file], WRONG_PASSWORD, categories.AUTH),
        (refused_url, ["--pin", pin], SIM_PASSWORD, categories.REFUSED),
        (UNKNOWN_HOST, ["--ca-file", ca_file], SIM_PASSWORD, categories.DNS),
        (sim.api_url, ["--pin", OTHER_PIN], SIM_PASSWORD, categories.FINGERPRINT_CHANGED),
    ]
    results = [run_test_connection(home, url, tls, pw, as_json=True) for url, tls, pw, _ in cases]
    assert [r["category"] for r in results] == [expected for *_, expected in cases]

    entries = warnings_in_log(home)
    assert all(e["level"] in ("WARN", "ERROR") for e in entries)
    tests = [e for e in entries if e["message"].startswith("Connection test of ")]
    for (url, _tls, _pw, expected), result in zip(cases, results, strict=True):
        kind = categories.category(expected)
        (line,) = [e for e in tests if e["extra"].get("category") == expected]
        assert url in line["message"] and kind.title in line["message"]
        assert result["message"] in line["message"]  # the reason
        assert kind.advice is not None and kind.advice in line["message"]  # and what to do
    # The failures below the test are warnings too, each with its own reason.
    messages = "\n".join(e["message"] for e in entries)
    assert "rejected the user name or password (responseCode 4020)" in messages  # MediaSense's code
    assert "refused the connection" in messages
    assert "could not be resolved" in messages
    assert "other than the pinned one" in messages and "its SHA-256 fingerprint is" in messages
    changed = next(e for e in tests if e["extra"].get("category") == categories.FINGERPRINT_CHANGED)
    assert changed["level"] == "ERROR"  # possible interception
    assert WRONG_PASSWORD not in json.dumps(entries)


@pytest.mark.parametrize(
    "failure",
    ["wrong password", "refused", "unknown host"],
)
def test_same_failure_reads_the_same_with_or_without_a_pin(start_sim, ca_file, home: Path, failure: str) -> None:
    sim = start_sim("cisco")
    url, password, expected = {
        "wrong password": (sim.api_url, WRONG_PASSWORD, categories.AUTH),
        "refused": (closed_port_url(), SIM_PASSWORD, categories.REFUSED),
        "unknown host": (UNKNOWN_HOST, SIM_PASSWORD, categories.DNS),
    }[failure]
    modes = {"CA file": ["--ca-file", ca_file], "pinned": ["--pin", sim_fingerprint(sim)]}
    if expected != categories.AUTH:  # no server to trust: the system's CAs say the same
        modes["system CAs"] = []
    seen: dict[str, tuple[Any, ...]] = {}
    for mode, tls in modes.items():
        result = run_test_connection(home, url, tls, password, as_json=True)
        text = run_test_connection(home, url, tls, password, as_json=False)
        kind = categories.category(expected)
        assert result["category"] == expected and result["categoryTitle"] == kind.title, mode
        assert kind.advice in result["recommendations"], mode
        auth = next(d for d in result["details"] if d["step"] == "Authentication")
        assert auth["status"] == "failed" and auth["error"]["category"] == expected
        assert f"failure: {kind.title} ({expected})" in text, mode
        for item in result["recommendations"]:
            assert item in text, mode
        # No raw socket error as the reason (the JSON keeps it as the step's low-level detail).
        assert "Errno" not in result["message"] and "Errno" not in text, mode
        seen[mode] = (result["category"], result["message"], result["recommendations"])
    assert all(outcome == seen["CA file"] for outcome in seen.values()), seen
