"""The runner's TLS modes and lifecycle, and the `qms-desktop simulator` command."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import ssl
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from qms_desktop.simulator import SimulatorConfig, start_simulator

from .conftest import ANCHOR, GET_SESSIONS, PASSWORD, USER, window

TIME = "/ora/infoService/info/getSystemTime"


def test_self_signed_certificate_is_made_pinned_and_reused(tmp_path: Path) -> None:
    config = SimulatorConfig(cert_dir=tmp_path, sessions_per_day=10, days=1, now=ANCHOR, anchor=ANCHOR)
    with start_simulator(config) as sim:
        assert sim.api_url.startswith("https://127.0.0.1:")
        key = tmp_path / "simulator-key.pem"
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        port = int(sim.api_url.rsplit(":", 1)[1])
        der = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate(("127.0.0.1", port)))
        digest = hashlib.sha256(der).hexdigest()
        assert sim.fingerprint_sha256_hex == digest
        assert sim.fingerprint_sha256 == ":".join(digest[i : i + 2] for i in range(0, 64, 2)).upper()
        ctx = ssl.create_default_context(cafile=str(sim.cert_path))
        with httpx.Client(base_url=sim.api_url, verify=ctx) as client:
            assert client.get(TIME).json()["responseCode"] == 4021
        first = sim.fingerprint_sha256
    with start_simulator(config) as again:
        assert again.fingerprint_sha256 == first


def test_plain_http_and_idempotent_stop() -> None:
    sim = start_simulator(tls=False, profile="legacy", username=USER, password=PASSWORD, sessions_per_day=10, days=1)
    assert sim.api_url.startswith("http://") and sim.cert_path is None
    with httpx.Client(base_url=sim.api_url, auth=(USER, PASSWORD)) as client:
        assert client.get("/ora/serviceInfo").status_code == 200
    sim.stop()
    sim.stop()
    try:
        httpx.get(f"{sim.api_url}/ora/serviceInfo", timeout=2)
        raise AssertionError("still serving after stop()")
    except httpx.ConnectError:
        pass


def test_stop_closes_a_connection_still_in_its_tls_handshake(make_sim: Any) -> None:
    """A client that connected but never finished the handshake when stop() came (a player's request
    cut off mid-seek, a port scanner) is closed by the stop, not left open for the collector to find."""
    sim = make_sim()
    port = int(sim.media_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        time.sleep(0.2)  # not a wait for a condition: give the server time to accept it
        sim.stop()
        assert raw.recv(1) == b"", "the server kept its side of the connection open"


def test_cli_prints_urls_as_json(tmp_path: Path) -> None:
    env = {**os.environ, "QMS_HOME": str(tmp_path)}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    cmd = [
        sys.executable, "-m", "qms_desktop", "simulator", "--profile", "cisco", "--port", "0",
        "--media-port", "0", "--sessions-per-day", "20", "--days", "2", "--seed", "1",
        "--user", USER, "--password", PASSWORD, "--json",
    ]  # fmt: skip
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root) as proc:
        try:
            line = proc.stdout.readline()
            info = json.loads(line)
            assert info["api_url"].startswith("https://127.0.0.1:") and info["media_url"] != info["api_url"]
            assert info["username"] == USER and PASSWORD not in line
            assert Path(info["cert_path"]).is_file() and len(info["fingerprint_sha256_hex"]) == 64
            ctx = ssl.create_default_context(cafile=info["cert_path"])
            with httpx.Client(base_url=info["api_url"], verify=ctx) as client:
                r = client.post(
                    "/ora/authenticationService/authentication/signIn",
                    json={"requestParameters": {"username": USER, "password": PASSWORD}},
                )
                assert r.json()["responseCode"] == 2000
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    assert proc.returncode == 0


def test_cli_cisco_version_8_5_sends_urls_as_arrays(tmp_path: Path) -> None:
    env = {**os.environ, "QMS_HOME": str(tmp_path)}
    root = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    cmd = [
        sys.executable, "-m", "qms_desktop", "simulator", "--cisco-version", "8.5", "--port", "0",
        "--media-port", "0", "--sessions-per-day", "20", "--days", "2", "--no-tls",
        "--user", USER, "--password", PASSWORD, "--json",
    ]  # fmt: skip
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=root) as proc:
        try:
            info = json.loads(proc.stdout.readline())
            assert info["cisco_version"] == "8.5" and info["event_shape"] == "cisco"
            with httpx.Client(base_url=info["api_url"]) as client:
                r = client.post(
                    "/ora/authenticationService/authentication/signIn",
                    json={"requestParameters": {"username": USER, "password": PASSWORD}},
                )
                assert r.json()["responseCode"] == 2000
                now = info["anchor_ms"]
                rows = client.post(GET_SESSIONS, json=window(now - 86_400_000, now, limit=100)).json()
            sessions = rows["responseBody"]["sessions"]
            assert sessions and all(isinstance(s["urls"], list) for s in sessions)
            assert all(len(u) == 1 for s in sessions for u in s["urls"])
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    assert proc.returncode == 0
