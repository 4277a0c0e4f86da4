"""Fault knobs, set in-process and through the /__sim admin endpoints."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from qms_desktop.simulator import Faults, parse_faults

from .conftest import ANCHOR_MS, DAY_MS, GET_SESSIONS, PASSWORD, USER, sign_in, window

TIME = "/ora/infoService/info/getSystemTime"


def test_error_5xx_next_fails_exactly_n(cisco, api) -> None:
    cisco.faults.update(error_5xx_next=2)
    assert [api.get(TIME).status_code for _ in range(3)] == [503, 503, 200]
    assert cisco.stats.faults["error_5xx"] == 2


def test_error_5xx_after_lets_requests_through_first(cisco, api) -> None:
    cisco.faults.update(error_5xx_after=2, error_5xx_next=1)
    assert [api.get(TIME).status_code for _ in range(4)] == [200, 200, 503, 200]
    assert cisco.stats.faults["error_5xx"] == 1


def test_error_rate_is_reproducible(make_sim, client_for) -> None:
    outcomes = []
    for _ in range(2):
        sim = make_sim(faults={"error_5xx_rate": 0.5}, fault_seed=3)
        client = client_for(sim.api_url)
        outcomes.append([client.get(TIME).status_code for _ in range(12)])
    assert outcomes[0] == outcomes[1] and {200, 503} == set(outcomes[0])


def test_busy_next_cisco_5042_and_spec_429(cisco, api, make_sim, client_for) -> None:
    cisco.faults.update(busy_next=1)
    assert api.get(TIME).json()["responseCode"] == 5042
    assert api.get(TIME).json()["responseCode"] == 2000
    spec = make_sim(profile="spec", faults={"busy_next": 1, "retry_after": 2})
    client = client_for(spec.api_url, auth=(USER, PASSWORD))
    r = client.get("/ora/serviceInfo")
    assert r.status_code == 429 and r.headers["retry-after"] == "2"
    assert client.get("/ora/serviceInfo").status_code == 200


def test_expire_session_after_n_requests(cisco, api) -> None:
    cisco.faults.update(expire_session_after=2)
    assert [api.get(TIME).json()["responseCode"] for _ in range(3)] == [2000, 2000, 4021]
    sign_in(api)
    assert api.get(TIME).json()["responseCode"] == 2000


def test_malformed_json_next(cisco, api) -> None:
    cisco.faults.update(malformed_json_next=1)
    r = api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS))
    with pytest.raises(json.JSONDecodeError):
        json.loads(r.content)
    assert api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS)).json()["responseCode"] == 2000


def test_malformed_records_by_id_and_rate(cisco, api) -> None:
    truth = cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
    broken = {truth[0]["sessionId"], truth[1]["sessionId"]}
    cisco.faults.update(malformed_records=broken)
    rows = api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=5)).json()
    bad = [
        s
        for s in rows["responseBody"]["sessions"]
        if "sessionId" not in s or not isinstance(s["sessionStartDate"], int)
    ]
    assert len(bad) == 2
    cisco.faults.update(malformed_records=0.2)
    rows = api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=200)).json()
    again = api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=200)).json()
    assert rows == again  # the same records stay broken on retry
    n_bad = sum(
        "sessionId" not in s or not isinstance(s["sessionStartDate"], int) for s in rows["responseBody"]["sessions"]
    )
    assert 10 < n_bad < 80


def test_drop_mid_body_on_json_and_media(cisco, api, client_for) -> None:
    cisco.faults.update(drop_mid_body_rate=1.0)
    with pytest.raises(httpx.RemoteProtocolError):
        api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS))
    row = next(
        r
        for r in cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
        if r["state"] == "CLOSED_NORMAL" and not r["pruned"]
    )
    media = client_for(cisco.media_url, auth=(USER, PASSWORD))
    with pytest.raises(httpx.RemoteProtocolError):
        media.get(f"/recordedMedia/oramedia/wav/{row['sessionId']}.wav")
    cisco.faults.update(drop_mid_body_rate=0.0)
    assert media.head(f"/recordedMedia/oramedia/wav/{row['sessionId']}.wav").status_code == 200
    assert cisco.stats.faults["drop_mid_body"] == 2


def test_latency(cisco, api) -> None:
    cisco.faults.update(latency_ms=150)
    t0 = time.perf_counter()
    api.get(TIME)
    assert time.perf_counter() - t0 >= 0.15


def test_admin_endpoints_set_faults_and_clock(cisco, api, client_for) -> None:
    admin = client_for(cisco.api_url)
    r = admin.post("/__sim/faults", json={"error_5xx_next": 1})
    assert r.status_code == 200 and r.json()["error_5xx_next"] == 1
    assert api.get(TIME).status_code == 503
    assert admin.post("/__sim/faults", json={"nonsense": 1}).status_code == 400
    assert admin.post("/__sim/clock", json={"advance": 60}).json()["now"] == ANCHOR_MS + 60_000
    assert admin.post("/__sim/clock", json={"set": ANCHOR_MS}).json()["now"] == ANCHOR_MS
    assert api.get(TIME).json()["responseBody"]["currentSystemTime"] == ANCHOR_MS
    stats = admin.get("/__sim/stats").json()
    assert stats["requests"][TIME] == 2 and "/__sim/stats" not in stats["requests"]
    count = admin.get("/__sim/count", params={"start": ANCHOR_MS - DAY_MS, "end": ANCHOR_MS}).json()
    assert count["count"] == cisco.count(ANCHOR_MS - DAY_MS, ANCHOR_MS)


def _listed(api: httpx.Client, start_ms: int, end_ms: int) -> set[str]:
    body = api.post(GET_SESSIONS, json=window(start_ms, end_ms, limit=1000)).json()
    return {s["sessionId"] for s in body.get("responseBody", {}).get("sessions", [])}


def test_late_visible_calls_appear_only_minutes_after_they_end(make_sim, client_for) -> None:
    knobs = {"late_visible_rate": 0.1, "late_visible_min_s": 120, "late_visible_max_s": 5400}
    sim = make_sim(faults=knobs, fault_seed=5)
    api = client_for(sim.api_url)
    sign_in(api)
    start, end = ANCHOR_MS - 2 * DAY_MS, ANCHOR_MS - DAY_MS
    sim.clock.set(ANCHOR_MS + DAY_MS)  # long after: every call of that day is visible
    every = {t["sessionId"]: t for t in sim.ground_truth(start, end)}
    late = {
        sid: t for sid, t in every.items() if t["late"] and t["visible_from_ms"] > t["planned_end_ms"] + 20 * 60_000
    }
    assert 5 <= len(late) <= 40  # about a tenth of 200 calls (plus the built-in few)
    for t in late.values():
        assert t["planned_end_ms"] + 120_000 <= t["visible_from_ms"] <= t["planned_end_ms"] + 5_400_000

    target = max(late.values(), key=lambda t: t["visible_from_ms"] - t["planned_end_ms"])
    sim.clock.set(target["visible_from_ms"] - 1)
    assert target["sessionId"] not in _listed(api, start, end)
    assert sim.session(target["sessionId"])["visible"] is False
    sim.clock.set(target["visible_from_ms"])
    assert target["sessionId"] in _listed(api, start, end)

    # The same seed picks the same calls; another seed picks others; off means none.
    again = make_sim(faults=knobs, fault_seed=5)
    again.clock.set(ANCHOR_MS + DAY_MS)
    assert {t["sessionId"] for t in again.ground_truth(start, end) if t["late"]} == {
        sid for sid, t in every.items() if t["late"]
    }
    other = make_sim(faults=knobs, fault_seed=6)
    other.clock.set(ANCHOR_MS + DAY_MS)
    assert {t["sessionId"] for t in other.ground_truth(start, end) if t["late"]} != {
        sid for sid, t in every.items() if t["late"]
    }
    sim.faults.update(late_visible_rate=0.0)
    assert not [
        t
        for t in sim.ground_truth(start, end)
        if t["late"] and t["visible_from_ms"] > t["planned_end_ms"] + 20 * 60_000
    ]


def test_parse_faults_and_unknown_knob() -> None:
    parsed = parse_faults("latency_ms=20,error_5xx_next=2,malformed_records=aa;bb")
    assert parsed == {"latency_ms": 20.0, "error_5xx_next": 2, "malformed_records": frozenset({"aa", "bb"})}
    assert parse_faults("late_visible_rate=0.02,late_visible_max_s=5400") == {
        "late_visible_rate": 0.02,
        "late_visible_max_s": 5400.0,
    }
    with pytest.raises(ValueError, match="unknown"):
        Faults().update(bogus=1)
