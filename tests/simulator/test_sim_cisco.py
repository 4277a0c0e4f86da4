"""The cisco profile over HTTPS (trustme CA), checked with plain httpx."""

from __future__ import annotations

import re

import httpx

from .conftest import ANCHOR_MS, DAY_MS, GET_SESSIONS, sign_in, window


def _sessions(api: httpx.Client, body: dict) -> tuple[int, list[dict]]:
    r = api.post(GET_SESSIONS, json=body)
    assert r.status_code == 200
    data = r.json()
    return data["responseCode"], (data.get("responseBody") or {}).get("sessions", [])


def test_sign_in_sets_cookie_and_bad_credentials_answer_4020(cisco, client_for) -> None:
    client = client_for(cisco.api_url)
    r = sign_in(client)
    assert r.status_code == 200 and r.json()["responseCode"] == 2000
    assert re.fullmatch(r"[0-9A-F]{32}", r.cookies["JSESSIONID"])
    assert "secure" in r.headers["set-cookie"].lower()
    bad = client_for(cisco.api_url)
    r = sign_in(bad, password="wrong")
    assert r.status_code == 200 and r.json()["responseCode"] == 4020
    assert "JSESSIONID" not in r.cookies
    assert cisco.stats.logins == 1 and cisco.stats.login_failures == 1


def test_without_session_4021_and_header_form_works(cisco, client_for) -> None:
    anon = client_for(cisco.api_url)
    r = anon.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS))
    assert r.status_code == 200 and r.json()["responseCode"] == 4021
    token = sign_in(client_for(cisco.api_url)).cookies["JSESSIONID"]
    r = anon.get("/ora/infoService/info/getSystemTime", headers={"JSESSIONID": token})
    assert r.json() == {
        "responseCode": 2000,
        "responseMessage": r.json()["responseMessage"],
        "responseBody": {"currentSystemTime": ANCHOR_MS},
    }


def test_session_expires_after_30_idle_minutes_of_sim_time(cisco, api) -> None:
    assert api.get("/ora/infoService/info/getSystemTime").json()["responseCode"] == 2000
    cisco.clock.advance(29 * 60)
    assert api.get("/ora/infoService/info/getSystemTime").json()["responseCode"] == 2000
    cisco.clock.advance(30 * 60 + 1)
    assert api.get("/ora/infoService/info/getSystemTime").json()["responseCode"] == 4021
    assert sign_in(api).json()["responseCode"] == 2000
    assert api.get("/ora/infoService/info/getSystemTime").json()["responseCode"] == 2000


def test_sign_out_ends_the_session(api) -> None:
    assert api.post("/ora/authenticationService/authentication/signOut").json()["responseCode"] == 2000
    api.cookies.clear()
    assert api.get("/ora/infoService/info/getSystemTime").json()["responseCode"] == 4021


def test_validation_codes(api) -> None:
    no_window = {"requestParameters": [], "pageParameters": {"offset": 0, "limit": 10}}
    assert _sessions(api, no_window)[0] == 4010
    assert _sessions(api, {"pageParameters": {"limit": 10}})[0] == 4010
    assert _sessions(api, window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=1001))[0] == 4011
    assert _sessions(api, window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=0))[0] == 4011
    assert _sessions(api, window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=1000))[0] == 2000
    r = api.post(GET_SESSIONS, content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.json()["responseCode"] == 4012


def test_unknown_path_404_wrong_method_405(api) -> None:
    assert api.get("/ora/queryService/query/sessions").status_code == 404
    assert api.get(GET_SESSIONS).status_code == 405
    assert api.get("/ora/serviceInfo").status_code == 404


def test_paging_matches_ground_truth_and_ends_with_2001(make_sim, client_for) -> None:
    sim = make_sim(sessions_per_day=1000, days=2)
    api = client_for(sim.api_url)
    sign_in(api)
    start, end = ANCHOR_MS - 2 * DAY_MS, ANCHOR_MS
    seen: list[dict] = []
    offset = 0
    while True:
        code, rows = _sessions(api, window(start, end, offset=offset, limit=1000))
        if code == 2001:
            assert rows == []
            break
        assert code == 2000 and 0 < len(rows) <= 1000
        seen.extend(rows)
        offset += len(rows)
    truth = sim.ground_truth(start, end)
    assert len(truth) > 1900
    assert [s["sessionId"] for s in seen] == [t["sessionId"] for t in truth]
    assert all(start <= s["sessionStartDate"] < end for s in seen)
    # DESC is the exact reverse, ties included.
    desc = window(start, end, limit=1000, sortParameters=[{"byFieldName": "sessionStartDate", "order": "DESC"}])
    assert [s["sessionId"] for s in _sessions(api, desc)[1]] == [t["sessionId"] for t in truth[::-1][:1000]]


def test_between_is_inclusive_on_both_ends(cisco, api) -> None:
    first = cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)[0]
    t = first["start_ms"]
    body = window(t, t + 1)  # between [t, t]
    ids = [s["sessionId"] for s in _sessions(api, body)[1]]
    assert first["sessionId"] in ids


def test_closed_and_active_shapes(cisco, api) -> None:
    _, rows = _sessions(api, window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=1000))
    plain = [s for s in rows if s["sessionState"] == "CLOSED_NORMAL" and not s["pruned"]]
    closed = next(s for s in plain if len(s["tracks"]) == 2 and len(s["tracks"][1]["participants"]) == 1)
    assert re.fullmatch(r"[0-9a-f]{14}", closed["sessionId"])
    assert isinstance(closed["sessionStartDate"], int) and isinstance(closed["sessionDuration"], int)
    assert set(closed["urls"]) == {"rtspUrl", "httpUrl", "mp4Url", "wavUrl"}
    assert closed["urls"]["wavUrl"] == f"{cisco.media_url}/recordedMedia/oramedia/wav/{closed['sessionId']}.wav"
    # Numbered as a real server numbers them: 0 the recorded (agent's) phone, 1 the far end.
    for n, track in enumerate(closed["tracks"]):
        assert track["trackNumber"] == n and track["codec"] in ("PCMU", "PCMA")
        assert track["downloadUrl"].endswith(f"recording={closed['sessionId']}-TRACK{n}")
        assert len(track["participants"]) == 1
    assert re.fullmatch(r"\d{4}", closed["tracks"][0]["participants"][0]["deviceRef"])
    assert {t["trackNumber"] for t in closed["tags"] if t["tagName"] == "TrackActive"} == {0, 1}
    # Conferences: three participants, two of them on the far end's track, each marked.
    conference = next(s for s in plain if len(s["tracks"][1]["participants"]) == 2)
    assert [len(t["participants"]) for t in conference["tracks"][:2]] == [1, 2]
    assert all(p["isConference"] for p in conference["tracks"][1]["participants"])
    # Video calls: a VIDEO track besides the two audio ones, without a raw audio download.
    video = next(s for s in plain if any(t["trackMediaType"] == "VIDEO" for t in s["tracks"]))
    (picture,) = [t for t in video["tracks"] if t["trackMediaType"] == "VIDEO"]
    assert picture["trackNumber"] == 2 and "downloadUrl" not in picture
    assert [t["trackMediaType"] for t in video["tracks"][:2]] == ["AUDIO", "AUDIO"]
    active = [s for s in rows if s["sessionState"] == "ACTIVE"]
    assert active
    for s in active:
        assert "sessionDuration" not in s and "urls" not in s
        for track in s["tracks"]:
            assert "downloadUrl" not in track and "trackDuration" not in track
    error = next(s for s in rows if s["sessionState"] == "CLOSED_ERROR")
    assert all("downloadUrl" not in t for t in error["tracks"]) and "sessionDuration" in error


def test_filters_state_device_duration_and_tag(cisco, api) -> None:
    truth = cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
    base = window(ANCHOR_MS - DAY_MS, ANCHOR_MS, limit=1000)

    def with_clause(field: str, op: str, values: list) -> dict:
        body = dict(base)
        body["requestParameters"] = [
            *base["requestParameters"],
            {"fieldName": field, "fieldConditions": [{"fieldOperator": op, "fieldValues": values}]},
        ]
        return body

    _, active = _sessions(api, with_clause("sessionState", "equals", ["ACTIVE"]))
    assert {s["sessionId"] for s in active} == {t["sessionId"] for t in truth if t["state"] == "ACTIVE"}
    ref = truth[0]["deviceRefs"][1]
    _, by_ref = _sessions(api, with_clause("deviceRef", "equals", [ref]))
    assert {s["sessionId"] for s in by_ref} == {t["sessionId"] for t in truth if ref in t["deviceRefs"]}
    _, long_calls = _sessions(api, with_clause("sessionDuration", "greaterThan", [600_000]))
    expected = {t["sessionId"] for t in truth if t["duration_ms"] is not None and t["duration_ms"] > 600_000}
    assert {s["sessionId"] for s in long_calls} == expected
    _, tagged = _sessions(api, with_clause("tagName", "equals", ["QA:review"]))
    assert {s["sessionId"] for s in tagged} == {t["sessionId"] for t in truth if "QA:review" in t["tags"]}
    either = dict(base)
    either["requestParameters"] = [
        *base["requestParameters"],
        {
            "fieldName": "sessionState",
            "fieldConditions": [
                {"fieldOperator": "equals", "fieldValues": ["CLOSED_NORMAL"], "fieldConnector": "OR"},
                {"fieldOperator": "equals", "fieldValues": ["CLOSED_ERROR"]},
            ],
        },
    ]
    _, closed = _sessions(api, either)
    assert {s["sessionId"] for s in closed} == {t["sessionId"] for t in truth if t["state"] != "ACTIVE"}


def test_get_session_by_id_get_and_post(cisco, api) -> None:
    sid = cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)[5]["sessionId"]
    r = api.get("/ora/queryService/query/getSessionBySessionId", params={"sessionId": sid}).json()
    assert r["responseCode"] == 2000 and r["responseBody"]["sessions"][0]["sessionId"] == sid
    r = api.post("/ora/queryService/query/getSessionBySessionId", json={"requestParameters": {"sessionId": sid}}).json()
    assert r["responseBody"]["sessions"][0]["sessionId"] == sid
    r = api.get("/ora/queryService/query/getSessionBySessionId", params={"sessionId": "00000000000000"})
    assert r.json()["responseCode"] == 2001


def test_clock_advance_closes_an_active_session(cisco, api) -> None:
    active = [t for t in cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS) if t["state"] == "ACTIVE"]
    target = max(active, key=lambda t: t["planned_end_ms"] - t["start_ms"])
    assert target["planned_end_ms"] - target["start_ms"] > 30 * 60_000
    cisco.clock.set(target["planned_end_ms"] + 1000)
    sign_in(api)
    r = api.get("/ora/queryService/query/getSessionBySessionId", params={"sessionId": target["sessionId"]})
    session = r.json()["responseBody"]["sessions"][0]
    assert session["sessionState"] in ("CLOSED_NORMAL", "CLOSED_ERROR")
    assert session["sessionDuration"] == target["planned_end_ms"] - target["start_ms"]
    assert "wavUrl" in session["urls"]
