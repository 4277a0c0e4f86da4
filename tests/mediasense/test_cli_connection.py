"""`qms-desktop test-connection` as a real subprocess against the simulator in the cisco profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SIM_PASSWORD, SIM_USER


def run_cli(args: list[str], password: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIASENSE_")}
    env["QMS_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "qms_desktop", "test-connection", *args, "--password-stdin", "--json"],
        input=password + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_three_steps_pass_and_exit_zero(start_sim, ca_file, qms_home):
    sim = start_sim("cisco")
    done = run_cli(["--url", sim.api_url, "--user", SIM_USER, "--ca-file", ca_file], SIM_PASSWORD, qms_home)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["success"] is True
    assert [(d["step"], d["status"]) for d in result["details"]] == [
        ("URL Validation", "ok"),
        ("Authentication", "ok"),
        ("API Access", "ok"),
    ]
    assert result["loginMethod"] == "cisco" and result["queryDialect"] == "cisco"
    assert abs(result["clockSkewMs"]) < 5000


def test_wrong_password_exits_non_zero_with_a_recommendation(start_sim, ca_file, qms_home):
    sim = start_sim("cisco")
    wrong = "not-the-password-42"
    done = run_cli(["--url", sim.api_url, "--user", SIM_USER, "--ca-file", ca_file], wrong, qms_home)
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert result["success"] is False
    steps = {d["step"]: d["status"] for d in result["details"]}
    assert steps == {"URL Validation": "ok", "Authentication": "failed", "API Access": "skipped"}
    assert any("password" in r for r in result["recommendations"])
    # The password never reaches the output or the integration log.
    assert wrong not in done.stdout + done.stderr
    for path in (qms_home / "logs").rglob("*"):
        if path.is_file():
            assert wrong not in path.read_text(errors="replace")
    assert any((qms_home / "logs").rglob("*.log")), "the CLI writes the integration log"


def test_untrusted_certificate_shows_the_fingerprint_to_pin(start_sim, qms_home):
    sim = start_sim("cisco", ssl_context=None, tls=True)  # the simulator's own self-signed certificate
    done = run_cli(["--url", sim.api_url, "--user", SIM_USER], SIM_PASSWORD, qms_home)
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert result["certificate"]["sha256"] == sim.fingerprint_sha256
    pinned = run_cli(
        ["--url", sim.api_url, "--user", SIM_USER, "--pin", sim.fingerprint_sha256], SIM_PASSWORD, qms_home
    )
    assert pinned.returncode == 0, pinned.stdout
