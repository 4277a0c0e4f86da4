"""Demo mode: the built-in MediaSense simulator and a fresh database under QMS_HOME.

The simulator's history is anchored at the first demo start and kept in QMS_HOME, so running the demo
again in the same home sees the same calls (a second `sync now --demo` creates nothing).
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from qms_desktop import config, paths
from qms_desktop.simulator import RunningSimulator, SimulatorConfig, start_simulator

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-password"  # the simulator's own credential, not a secret of anyone's
DEMO_SESSIONS_PER_DAY = 200
DEMO_DAYS = 7


def ensure_demo_home() -> Path:
    """Use QMS_HOME when given, else a new temporary one (a demo never touches the real folders)."""
    home = os.environ.get("QMS_HOME")
    if not home:
        home = tempfile.mkdtemp(prefix="qms-demo-")
        os.environ["QMS_HOME"] = home
    return Path(home)


def _demo_state() -> dict[str, Any]:
    path = paths.data_dir() / "demo.json"
    if path.exists():
        return dict(json.loads(path.read_text()))
    state = {"anchor_ms": int(time.time() * 1000) // 60_000 * 60_000}
    path.write_text(json.dumps(state))
    return state


def _save_ports(state: dict[str, Any], api_port: int, media_port: int) -> None:
    # The same ports next time keep the media URLs stored by earlier demo syncs playable.
    state.update(api_port=api_port, media_port=media_port)
    (paths.data_dir() / "demo.json").write_text(json.dumps(state))


def start_demo_simulator(*, frozen: bool = False, **overrides: Any) -> RunningSimulator:
    """The cisco-profile simulator over HTTPS with its own self-signed certificate."""
    state = _demo_state()
    anchor = int(state["anchor_ms"])
    options: dict[str, Any] = {
        "profile": "cisco",
        "sessions_per_day": DEMO_SESSIONS_PER_DAY,
        "days": DEMO_DAYS,
        "seed": 1,
        "username": DEMO_USER,
        "password": DEMO_PASSWORD,
        "tls": True,
        "cert_dir": paths.data_dir() / "simulator",
        "anchor": anchor,
        "now": anchor if frozen else None,
        "freeze_clock": frozen,
    }
    options.update(overrides)
    if "port" not in overrides and state.get("api_port"):
        try:
            sim = start_simulator(SimulatorConfig(**options, port=state["api_port"], media_port=state["media_port"]))
        except OSError:  # taken by something else meanwhile: new ports (old media URLs go stale)
            pass
        else:
            return sim
    sim = start_simulator(SimulatorConfig(**options))
    _save_ports(state, urlsplit(sim.api_url).port or 0, urlsplit(sim.media_url).port or 0)
    return sim


def demo_settings(sim: RunningSimulator) -> config.ConnectionSettings:
    """Connection settings that trust exactly the simulator's certificate (pinned, not 'insecure')."""
    return config.ConnectionSettings(
        urls=(sim.api_url,),
        username=DEMO_USER,
        timeout=10.0,
        ca_file=None,
        allow_self_signed=False,
        pinned_sha256=(sim.fingerprint_sha256,),
        sources=dict.fromkeys(config.DEFAULTS, "demo"),
    )


def import_demo_directory(engine: Any, sim: RunningSimulator) -> int:
    """The simulator's agents and teams into the directory, as an admin would import them from CSV,
    so demo recordings show agents and teams and the demo supervisor sees their team's calls."""
    from qms_desktop.store.directory import import_agents_csv, relink_recordings
    from qms_desktop.store.engine import begin_write

    with begin_write(engine) as conn:
        result = import_agents_csv(conn, sim.agents_csv())
        relink_recordings(conn)
    return result.created + result.updated
