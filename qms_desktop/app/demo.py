"""Demo mode: the built-in MediaSense simulator, a throw-away home and database, two demo accounts.

A demo never touches a real home or database: `paths.enter_demo_home()` switches the process to a
temporary folder (or QMS_DEMO_HOME, when empty or an earlier demo's) before anything is opened, and
the demo accounts, whose passwords are published, are refused anywhere else. The simulator's
history is anchored at the first demo start in that home, so a demo run again in the same home
sees the same calls.

The demo stays alive: after the anchor the simulator keeps producing calls as its clock runs (a few
a minute, some of them long enough to be still in progress at one sync and closed at a later one),
and the demo syncs every minute. Its backfill reaches back exactly as far as the simulator has
history: a real MediaSense gives no sign of where its oldest call is (an empty day may be a
holiday), so the engine keeps its configured depth and the demo sets that depth to what it knows.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine

from qms_desktop import config, paths
from qms_desktop.app import runtime
from qms_desktop.app.directory import DirectoryUseCases
from qms_desktop.app.sync import ConnectionOverride
from qms_desktop.security import audit
from qms_desktop.security.errors import PermissionDenied
from qms_desktop.security.roles import Principal, Role
from qms_desktop.security.users import create_user, get_user
from qms_desktop.simulator import RunningSimulator, SimulatorConfig, start_simulator
from qms_desktop.simulator.data import DAY_MS
from qms_desktop.store.engine import begin_write

DEMO_USER = "demo"
DEMO_PASSWORD = "demo-password"  # the simulator's own credential, not a secret of anyone's
DEMO_SESSIONS_PER_DAY = 200  # the history before the demo's first start
DEMO_DAYS = 7
DEMO_LIVE_SESSIONS_PER_DAY = 3 * 24 * 60  # from the first start on: three calls a minute on average
DEMO_FUTURE_DAYS = 7  # how long a demo keeps producing calls after its first start
DEMO_SYNC_INTERVAL_S = 60.0
DEMO_ADMIN = "demo-admin"
DEMO_ADMIN_PASSWORD = "demo-admin-password"  # published: only ever created in a demo's throw-away home
DEMO_SUPERVISOR = "demo-supervisor"
DEMO_SUPERVISOR_PASSWORD = "demo-supervisor-password"


class NotInDemoHome(PermissionDenied):
    hint = "Demo accounts exist only in a demo's own throw-away home (start it with --demo)"


def _state_file() -> Any:
    return paths.data_dir() / "demo.json"


def _demo_state() -> dict[str, Any]:
    path = _state_file()
    if path.exists():
        return dict(json.loads(path.read_text()))
    state = {"anchor_ms": int(time.time() * 1000) // 60_000 * 60_000}
    path.write_text(json.dumps(state))
    return state


def start_demo_simulator(*, frozen: bool = False, **overrides: Any) -> RunningSimulator:
    """The cisco-profile simulator over HTTPS with its own self-signed certificate."""
    if not paths.in_demo_home():
        raise NotInDemoHome("The demo simulator runs only in a demo home")
    state = _demo_state()
    anchor = int(state["anchor_ms"])
    options: dict[str, Any] = {
        "profile": "cisco",
        "sessions_per_day": DEMO_SESSIONS_PER_DAY,
        "days": DEMO_DAYS,
        "live_sessions_per_day": DEMO_LIVE_SESSIONS_PER_DAY,
        "future_days": DEMO_FUTURE_DAYS,
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
            return start_simulator(SimulatorConfig(**options, port=state["api_port"], media_port=state["media_port"]))
        except OSError:  # taken by something else meanwhile: new ports (old media URLs go stale)
            pass
    sim = start_simulator(SimulatorConfig(**options))
    # The same ports next time keep the media URLs stored by earlier demo syncs playable.
    state.update(api_port=urlsplit(sim.api_url).port or 0, media_port=urlsplit(sim.media_url).port or 0)
    _state_file().write_text(json.dumps(state))
    return sim


def demo_settings(sim: RunningSimulator) -> config.ConnectionSettings:
    """Connection settings that trust exactly the simulator's certificate (pinned, not 'insecure')."""
    fingerprint = sim.fingerprint_sha256
    assert fingerprint is not None, "the demo simulator serves TLS"
    return config.ConnectionSettings(
        urls=(sim.api_url,),
        username=DEMO_USER,
        timeout=10.0,
        ca_file=None,
        allow_self_signed=False,
        pinned_sha256=(fingerprint,),
        sources=dict.fromkeys(config.DEFAULTS, "demo"),
    )


def _require_demo_database(engine: Engine) -> None:
    home = paths.data_dir()
    database = engine.url.database or ""
    if not paths.in_demo_home() or engine.dialect.name != "sqlite" or not database.startswith(str(home)):
        raise NotInDemoHome(f"Refusing to create demo accounts in {engine.url.render_as_string(hide_password=True)}")


def ensure_demo_users(engine: Engine, supervisor_teams: Sequence[str]) -> dict[str, Principal]:
    """The demo's administrator and supervisor (who sees `supervisor_teams`); idempotent. Only in a
    demo's own database: their passwords are published."""
    _require_demo_database(engine)
    with begin_write(engine) as conn:
        if get_user(conn, DEMO_ADMIN) is None:
            create_user(conn, DEMO_ADMIN, Role.ADMIN, DEMO_ADMIN_PASSWORD)
            audit.record(conn, audit.USER_CREATE, actor="demo", target=DEMO_ADMIN, detail={"role": "ADMIN"})
        if get_user(conn, DEMO_SUPERVISOR) is None:
            create_user(conn, DEMO_SUPERVISOR, Role.SUPERVISOR, DEMO_SUPERVISOR_PASSWORD, supervisor_teams)
            audit.record(conn, audit.USER_CREATE, actor="demo", target=DEMO_SUPERVISOR,
                         detail={"role": "SUPERVISOR", "teams": list(supervisor_teams)})  # fmt: skip
        admin = get_user(conn, DEMO_ADMIN)
        supervisor = get_user(conn, DEMO_SUPERVISOR)
    assert admin is not None and supervisor is not None
    return {"admin": admin.principal(), "supervisor": supervisor.principal()}


@dataclass(frozen=True, slots=True)
class Demo:
    """A running demo: its simulator and what connects to it."""

    simulator: RunningSimulator

    @property
    def settings(self) -> config.ConnectionSettings:
        return demo_settings(self.simulator)

    @property
    def password(self) -> str:
        return DEMO_PASSWORD

    def connection(self) -> ConnectionOverride:
        return ConnectionOverride(self.settings, DEMO_PASSWORD, self.simulator.clock.now)

    def supervisor_teams(self) -> list[str]:
        return [str(t["team_id"]) for t in self.simulator.teams()][:1]  # the demo supervisor sees one team

    def backfill_days(self) -> int:
        """Days the first sync must reach back (from the start of today, UTC) to cover the
        simulator's whole history and no empty day before it."""
        now = self.simulator.clock.now_ms()
        oldest = self.simulator.anchor_ms - DEMO_DAYS * DAY_MS
        today = now - now % DAY_MS
        return max(0, -(-(today - oldest) // DAY_MS))

    def prepare(self, engine: Engine) -> dict[str, Principal]:
        """Demo accounts, and the simulator's agents imported as an administrator would (so demo
        recordings show agents and teams, and the demo supervisor sees their team's calls); the
        sync's backfill depth set to the simulator's history, its interval to a minute."""
        principals = ensure_demo_users(engine, self.supervisor_teams())
        DirectoryUseCases(engine, principals["admin"]).import_csv(self.simulator.agents_csv(), "demo agents")
        runtime.save_sync_settings(
            engine, {"backfill_days": self.backfill_days(), "interval_s": DEMO_SYNC_INTERVAL_S}, DEMO_ADMIN
        )
        return principals

    def stop(self) -> None:
        self.simulator.stop()


def start_demo(*, frozen: bool = False) -> Demo:
    return Demo(start_demo_simulator(frozen=frozen))


def demo_credentials(which: str) -> tuple[str, str]:
    """User name and password of the demo's "admin" or "supervisor"."""
    return {
        "admin": (DEMO_ADMIN, DEMO_ADMIN_PASSWORD),
        "supervisor": (DEMO_SUPERVISOR, DEMO_SUPERVISOR_PASSWORD),
    }[which]
