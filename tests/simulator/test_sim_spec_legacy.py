"""The `spec` and `legacy` profiles describe the same calls as `cisco`, in their own shapes."""

from __future__ import annotations

import struct

from qms_desktop.simulator.render import iso

from .conftest import ANCHOR_MS, DAY_MS, PASSWORD, USER

LOGIN = "/ora/authenticationService/authentication/login"
SPEC_QUERY = "/ora/queryService/query/sessions"


def _spec_body(start_ms: int, end_ms: int, **extra) -> dict:
    return {"startTime": iso(start_ms), "endTime": iso(end_ms), "limit": 1000, "offset": 0, **extra}


def test_spec_login_query_and_shapes(make_sim, client_for) -> None:
    sim = make_sim(profile="spec")
    assert sim.media_url == sim.api_url
    api = client_for(sim.api_url)
    assert api.post(LOGIN, json={"username": USER, "password": "bad"}).status_code == 401
    r = api.post(LOGIN, json={"username": USER, "password": PASSWORD})
    assert r.status_code == 200 and r.json() == {"success": True} and r.cookies["JSESSIONID"]
    assert api.get("/ora/serviceInfo").json()["name"] == "MediaSense"
    assert api.get("/ora/infoService/info/getSystemTime").status_code == 404
    r = api.post(SPEC_QUERY, json=_spec_body(ANCHOR_MS - DAY_MS, ANCHOR_MS))
    data = r.json()
    truth = sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
    assert data["success"] is True and data["total"] == len(truth) and data["limit"] == 1000
    assert [s["sessionId"] for s in data["data"]] == [t["sessionId"] for t in truth]
    by_id = {t["sessionId"]: t for t in truth}
    for s in data["data"]:
        t = by_id[s["sessionId"]]
        assert s["agent"]["id"] == t["agent_id"] and s["team"]["id"] == t["team_id"]
        assert s["callDirection"] == t["direction"]
        assert {s["callerNumber"], s["calledNumber"]} == set(t["deviceRefs"])
        assert {p["role"] for p in s["participants"]} <= {"agent", "customer"}
        if s["state"] == "ACTIVE":
            assert s["sessionEndTime"] is None and s["duration"] is None and s["media"]["url"] is None
        else:
            assert s["duration"] == t["duration_ms"] / 1000
            assert s["media"]["url"].endswith(f"/session/{s['sessionId']}/track/0")
        if s["callDirection"] == "inbound":
            assert s["queue"].startswith("CSQ_")
    assert api.post(SPEC_QUERY, json={"limit": 10}).status_code == 400
    assert api.post(SPEC_QUERY, json=_spec_body(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=1001)).status_code == 400
    agent = data["data"][0]["agent"]["id"]
    only = api.post(SPEC_QUERY, json=_spec_body(ANCHOR_MS - DAY_MS, ANCHOR_MS, agentId=agent)).json()
    assert [s["sessionId"] for s in only["data"]] == [t["sessionId"] for t in truth if t["agent_id"] == agent]
    inbound = api.post(SPEC_QUERY, json=_spec_body(ANCHOR_MS - DAY_MS, ANCHOR_MS, direction="inbound")).json()
    assert inbound["total"] == sum(t["direction"] == "inbound" for t in truth)


def test_spec_media_tracks_and_expiry(make_sim, client_for) -> None:
    sim = make_sim(profile="spec")
    api = client_for(sim.api_url)
    api.post(LOGIN, json={"username": USER, "password": PASSWORD})
    row = next(
        r for r in sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS) if r["state"] == "CLOSED_NORMAL" and not r["pruned"]
    )
    base = f"/ora/mediaService/media/session/{row['sessionId']}/track"
    stereo = api.get(f"{base}/0", headers={"Range": "bytes=0-43"})
    assert stereo.status_code == 206 and struct.unpack("<HH", stereo.content[20:24]) == (1, 2)
    mono = api.head(f"{base}/1")
    assert int(mono.headers["content-length"]) == 44 + row["duration_ms"] * 8
    assert struct.unpack("<H", api.get(f"{base}/2", headers={"Range": "bytes=20-21"}).content)[0] == 7
    assert api.get(f"{base}/3").status_code == 404
    basic = client_for(sim.api_url, auth=(USER, PASSWORD))
    assert basic.head(f"{base}/0").status_code == 200
    sim.clock.advance(31 * 60)
    assert api.post(SPEC_QUERY, json=_spec_body(ANCHOR_MS - DAY_MS, ANCHOR_MS)).status_code == 401


def test_legacy_basic_paths_and_string_numbers(make_sim, client_for) -> None:
    sim = make_sim(profile="legacy")
    anon = client_for(sim.api_url)
    assert anon.get("/ora/serviceInfo").status_code == 401
    api = client_for(sim.api_url, auth=(USER, PASSWORD))
    assert api.get("/ora/serviceInfo").status_code == 200
    assert api.post("/ora/authenticationService/authentication/signIn", json={}).status_code == 404
    t = api.get("/ora/infoService/info/getSystemTime").json()
    assert t["responseCode"] == "2000" and t["responseBody"]["currentSystemTime"] == str(ANCHOR_MS)
    truth = sim.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
    for path in ("/ora/api/v1/sessions", "/ora/recording/api/sessions"):
        data = api.post(path, json=_spec_body(ANCHOR_MS - DAY_MS, ANCHOR_MS)).json()
        assert data["responseCode"] == "2000"
        sessions = data["responseBody"]["sessions"]
        assert [s["sessionId"] for s in sessions] == [t["sessionId"] for t in truth]
    closed = next(s for s in sessions if s["sessionState"] == "CLOSED_NORMAL" and not s["pruned"])
    assert isinstance(closed["sessionStartDate"], str) and closed["sessionStartDate"].isdigit()
    assert isinstance(closed["sessionDuration"], str)
    assert isinstance(closed["tracks"][0]["trackNumber"], str)
    assert closed["pruned"] is False and closed["tracks"][0]["participants"][0]["isConference"] is False
    empty = api.post("/ora/api/v1/sessions", json=_spec_body(ANCHOR_MS + 5 * DAY_MS, ANCHOR_MS + 6 * DAY_MS))
    assert empty.json()["responseCode"] == "2001"
    media = client_for(sim.media_url, auth=(USER, PASSWORD))
    assert media.head(closed["urls"]["wavUrl"]).status_code == 200
    assert client_for(sim.media_url).head(closed["urls"]["wavUrl"]).status_code == 401
