"""Real `qms-desktop recordings serve` processes against one database and the simulator."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from qms_desktop.app import runtime
from qms_desktop.domain.sessions import SessionRecord
from qms_desktop.security.roles import Role
from tests.acting import PASSWORD, add_user
from tests.playback.helpers import SimData, store_records

USER = "sue"


@dataclass
class ServeWorld:
    """A database holding the simulator's recordings and the supervisor USER (team T1)."""

    data: SimData
    database_url: str
    home: Path
    ca_file: str
    records: list[SessionRecord]
    processes: list[subprocess.Popen[str]] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIASENSE_", "QMS_"))}
        env.update(
            QMS_HOME=str(self.home),
            QMS_DATABASE_URL=self.database_url,
            QMS_PASSWORD=PASSWORD,
            MEDIASENSE_URL=self.data.sim.api_url,
            MEDIASENSE_USERNAME=self.data.config.username,
            MEDIASENSE_PASSWORD=self.data.config.password,
            MEDIASENSE_CA_FILE=self.ca_file,
        )
        env.update(extra)
        return env

    def serve(
        self, record: SessionRecord, *, stderr: int | IO[Any] = subprocess.PIPE, **env: str
    ) -> subprocess.Popen[str]:
        """Start `recordings serve` as USER; read the URL (or EOF, refused) with `url_of`."""
        process = subprocess.Popen(
            [sys.executable, "-m", "qms_desktop", "recordings", "serve", record.session_id, "--as", USER],
            env=self.env(**env),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
        self.processes.append(process)
        return process

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()


def url_of(process: subprocess.Popen[str]) -> str | None:
    """The playback URL the process printed, or None when it ended without one (refused)."""
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if line:
        return line
    process.wait()
    return None


def serve_world(data: SimData, database_url: str, home: Path, ca_file: str) -> ServeWorld:
    engine = runtime.open_database(database_url)
    try:
        stored = store_records(engine, data.sim, data.closed())
    finally:
        engine.dispose()
    add_user(database_url, USER, Role.SUPERVISOR, ["T1"])
    mine = [r for r in stored if r.team_code == "T1"]
    return ServeWorld(data, database_url, home, ca_file, mine)
