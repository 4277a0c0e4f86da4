"""The simulator's shape switches: getSessionBySessionId's answers, a getSessions that ignores
sortParameters, sessions without sessionDuration, and sessions gone from the server."""

from __future__ import annotations

import httpx
import pytest

from qms_desktop.simulator import Faults, parse_faults
from qms_desktop.simulator.faults import LOOKUP_SHAPES

from .conftest import ANCHOR_MS, DAY_MS, GET_SESSIONS, window

BY_ID = "/ora/queryService/query/getSessionBySessionId"


def all_rows(api: httpx.Client, **extra: object) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    while True:
        body = api.post(GET_SESSIONS, json=window(ANCHOR_MS - DAY_MS, ANCHOR_MS, offset=len(rows), **extra)).json()
        if body["responseCode"] == 2001:
            return rows
        rows.extend(body["responseBody"]["sessions"])


def test_each_lookup_shape_on_the_wire(cisco, api) -> None:
    sid = cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)[0]["sessionId"]
    seen: dict[str, httpx.Response] = {}
    for shape in LOOKUP_SHAPES:
        cisco.faults.update(lookup_shape=shape)
        seen[shape] = api.get(BY_ID, params={"sessionId": sid})
    body = {shape: r.json() for shape, r in seen.items() if r.status_code == 200}
    assert body["sessions"]["responseBody"]["sessions"][0]["sessionId"] == sid
    assert body["session"]["responseBody"]["session"]["sessionId"] == sid
    assert body["bare"]["responseBody"]["sessionId"] == sid
    assert [s["sessionId"] for s in body["list"]["responseBody"]] == [sid]
    assert seen["http404"].status_code == 404 and seen["http405"].status_code == 405
    assert body["refused"]["responseCode"] == 4010
    assert body["no_rows"]["responseCode"] == 2001
    assert body["unknown"]["responseCode"] == 2000 and "sessionId" not in str(body["unknown"])


def test_a_gone_session_is_absent_everywhere(cisco, api) -> None:
    truth = cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)
    gone = truth[3]["sessionId"]
    cisco.faults.update(gone_sessions=[gone])
    rows = all_rows(api)
    assert gone not in {r["sessionId"] for r in rows} and len(rows) == len(truth) - 1
    assert api.get(BY_ID, params={"sessionId": gone}).json()["responseCode"] == 2001
    assert gone not in {t["sessionId"] for t in cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)}
    assert cisco.count(ANCHOR_MS - DAY_MS, ANCHOR_MS) == len(truth) - 1


@pytest.mark.parametrize("order", ["descending", "shuffled"])
def test_a_server_that_ignores_sort_parameters(cisco, api, order: str) -> None:
    ascending = all_rows(api)
    starts = [r["sessionStartDate"] for r in ascending]
    assert starts == sorted(starts)  # the default server honours ASC
    cisco.faults.update(page_order=order)
    # Whatever the request asks (array, object, ascending), the answer comes in the server's order.
    for sort in ([{"byFieldName": "sessionStartDate", "order": "ASC"}], {"byFieldName": "sessionStartDate"}):
        rows = all_rows(api, sortParameters=sort)
        ids = [r["sessionId"] for r in rows]
        assert sorted(ids) == sorted(r["sessionId"] for r in ascending) and len(set(ids)) == len(ids)
        if order == "descending":
            assert [r["sessionStartDate"] for r in rows] == sorted(starts, reverse=True)
        else:
            assert ids != [r["sessionId"] for r in ascending] and ids == [r["sessionId"] for r in all_rows(api)]


def test_sessions_without_duration_keep_their_track_durations(cisco, api) -> None:
    closed = [r for r in all_rows(api) if r["sessionState"] != "ACTIVE"]
    without = [r for r in closed if "sessionDuration" not in r]
    assert 0 < len(without) < len(closed) / 3  # the cisco profile sends some by default
    truth = {t["sessionId"]: t for t in cisco.ground_truth(ANCHOR_MS - DAY_MS, ANCHOR_MS)}
    for row in without:
        tracks = row["tracks"]
        assert isinstance(tracks, list)
        assert {t["trackDuration"] for t in tracks} == {truth[str(row["sessionId"])]["duration_ms"]}
    cisco.faults.update(no_duration_rate=0)
    assert all("sessionDuration" in r for r in all_rows(api) if r["sessionState"] != "ACTIVE")
    cisco.faults.update(no_duration_rate=1)
    assert not any("sessionDuration" in r for r in all_rows(api))


def test_the_knobs_from_the_command_line_and_their_checks() -> None:
    knobs = parse_faults("lookup_shape=bare,page_order=shuffled,no_duration_rate=0.5,gone_sessions=a1;b2")
    assert knobs == {
        "lookup_shape": "bare",
        "page_order": "shuffled",
        "no_duration_rate": 0.5,
        "gone_sessions": frozenset({"a1", "b2"}),
    }
    faults = Faults()
    faults.update(**knobs)
    assert faults.to_dict()["gone_sessions"] == ["a1", "b2"] and faults.is_gone("A1")
    with pytest.raises(ValueError, match="lookup_shape must be one of"):
        faults.update(lookup_shape="sideways")
    with pytest.raises(ValueError, match="page_order must be one of"):
        faults.update(page_order="random")
    faults.reset()
    assert faults.lookup_shape == "sessions" and faults.page_order == "sorted" and not faults.gone_sessions


def test_the_admin_endpoint_sets_the_shape_knobs(cisco, client_for) -> None:
    admin = client_for(cisco.api_url)
    answer = admin.post("/__sim/faults", json={"lookup_shape": "list", "page_order": "descending"})
    assert answer.status_code == 200 and answer.json()["lookup_shape"] == "list"
    assert cisco.faults.page_order == "descending"
    assert admin.post("/__sim/faults", json={"lookup_shape": "nope"}).status_code == 400
