"""`qms-desktop reviews coverage | mark | unmark | settings` as real processes on a SQLite file: the
figures, the CSV file, the required coverage refusing a mark (exit 2), team scope and the audit."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qms_desktop.app import runtime
from qms_desktop.app.reviews import ReviewUseCases
from qms_desktop.security import list_audit
from qms_desktop.security.roles import Principal, Role
from qms_desktop.store import begin_write
from qms_desktop.store.recordings import upsert_sessions
from tests.acting import add_user, database_in, run_as
from tests.store.factory import make_spec_session

MONDAY = datetime(2026, 11, 23, tzinfo=UTC)


def test_coverage_mark_and_settings_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url = database_in(home)
    add_user(url, "root", Role.ADMIN)
    add_user(url, "sup", Role.SUPERVISOR, ["SALES"])
    add_user(url, "other", Role.SUPERVISOR, ["SUPPORT"])
    engine = runtime.open_database(url)
    try:
        with begin_write(engine) as conn:
            upsert_sessions(
                conn,
                [
                    make_spec_session("c1", start=MONDAY + timedelta(hours=9), minutes=2),
                    make_spec_session("c2", start=MONDAY + timedelta(hours=10), minutes=1),
                    make_spec_session("c3", start=MONDAY + timedelta(hours=11), minutes=1, team_code="SUPPORT"),
                ],
                fetched_at_ms=1,
                now_ms=1,
            )
        ReviewUseCases(engine, Principal("sup", Role.SUPERVISOR, frozenset({"SALES"}))).record_heard(
            "c1", [(0, 100_500)]
        )
    finally:
        engine.dispose()

    refused = run_as(home, "sup", "reviews", "settings", "--required-coverage", "80")
    assert refused.returncode == 2 and "may not settings write" in refused.stderr
    done = run_as(home, "root", "reviews", "settings", "--required-coverage", "80", "--weekly-target", "3", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"required_coverage_percent": 80, "weekly_target": 3}

    too_little = run_as(home, "sup", "reviews", "mark", "c2")
    assert too_little.returncode == 2 and "you heard 0 % of it and 80 % is required" in too_little.stderr
    other = run_as(home, "other", "reviews", "mark", "c1")
    assert other.returncode == 2 and "does not supervise" in other.stderr
    marked = run_as(home, "sup", "reviews", "mark", "c1")
    assert marked.returncode == 0 and "c1 marked reviewed by sup" in marked.stdout, marked.stderr

    week = ("--from", "2026-11-23", "--to", "2026-11-30")
    shown = run_as(home, "sup", "reviews", "coverage", *week, "--json")
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    (agent,) = report["agents"]
    assert (agent["team"], agent["recordings"], agent["reviewed"], agent["heard_s"], agent["target"]) == (
        "SALES",
        2,
        1,
        100,
        3.0,
    )
    text = run_as(home, "root", "reviews", "coverage", *week)
    assert text.returncode == 0 and "team SUPPORT" in text.stdout and "total" in text.stdout

    out = tmp_path / "coverage.csv"
    exported = run_as(home, "root", "reviews", "coverage", *week, "--team", "SALES", "--csv", str(out))
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [(r["level"], r["team"], r["recordings"], r["reviewed"], r["heard_s"]) for r in rows] == [
        ("agent", "SALES", "2", "1", "100"),
        ("team", "SALES", "2", "1", "100"),
        ("total", "", "2", "1", "100"),
    ]
    backwards = run_as(home, "root", "reviews", "coverage", "--from", "2026-11-30", "--to", "2026-11-23")
    assert backwards.returncode == 2 and "swap them" in backwards.stderr

    not_theirs = run_as(home, "root", "reviews", "unmark", "c1")
    assert not_theirs.returncode == 0 and "mark removed" in not_theirs.stdout

    engine = runtime.open_database(url)
    try:
        actions = {(r.actor, r.action) for r in list_audit(engine, limit=None)}
    finally:
        engine.dispose()
    assert {
        ("root", "review.settings"),
        ("sup", "review.mark"),
        ("sup", "review.coverage"),
        ("root", "review.coverage_export"),
        ("root", "review.unmark"),
    } <= actions
