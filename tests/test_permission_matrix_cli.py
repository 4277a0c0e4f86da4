"""The permission matrix through the CLI: every cell a real `qms-desktop` process (see tests/matrix.py)."""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.acting import PASSWORD
from tests.conftest import SIM_PASSWORD
from tests.matrix import OPERATIONS, ROLES, World, audit_rows, build_world, check, copy_database, rows_since


@pytest.fixture(scope="module")
def world(
    server_ssl_context: ssl.SSLContext, ca_file: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    yield from build_world(server_ssl_context, ca_file, tmp_path_factory)


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("role", sorted(ROLES))
def test_cli(world: World, tmp_path: Path, role: str, operation: str) -> None:
    cell = OPERATIONS[operation]
    url = copy_database(world, tmp_path)
    before = {row.id for row in audit_rows(url)}
    principal = ROLES[role]
    values = {"t1": world.t1, "t2": world.t2, "out": str(tmp_path / "audio.wav")}
    args = [part.format(**values) for part in cell.cli]
    if principal is not None:
        args += ["--as", principal.username]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
    env.update(QMS_HOME=str(tmp_path / "home"), QMS_DATABASE_URL=url, QMS_PASSWORD=PASSWORD,
               MEDIASENSE_PASSWORD=SIM_PASSWORD)  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "qms_desktop", *args], env=env, capture_output=True, text=True, timeout=120
    )
    refused = done.returncode == 2
    if role in cell.allowed:
        assert done.returncode == 0, done.stderr[-2000:]
        json.loads(done.stdout)  # a real answer
    else:
        assert refused, (done.returncode, done.stderr[-2000:])
        words = done.stderr
        assert ("signed in" in words) if principal is None else ("may not" in words or "does not supervise" in words)
        assert world.t1 not in done.stdout and SIM_PASSWORD not in done.stdout + done.stderr
    check(role, cell, rows_since(url, before), refused)
