"""The real MediaSense REST API (profile `cisco`): HTTP 200 envelopes with responseCode."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from qms_desktop.simulator.auth import COOKIE, session_token
from qms_desktop.simulator.events import HUB
from qms_desktop.simulator.query import QueryError, parse_get_sessions
from qms_desktop.simulator.render import cisco_session
from qms_desktop.simulator.responses import envelope, read_json, sim_of

AUTH = "/ora/authenticationService/authentication"
QUERY = "/ora/queryService/query"
EVENTS = "/ora/eventService/event"


def _session_ok(request: web.Request) -> bool:
    return sim_of(request).sessions.touch(session_token(request))


def _expired() -> web.Response:
    return envelope(4021)


async def sign_in(request: web.Request) -> web.Response:
    sim = sim_of(request)
    body = await read_json(request)
    params = body.get("requestParameters") if isinstance(body, dict) else None
    if not isinstance(params, dict) or "username" not in params or "password" not in params:
        return envelope(4012, detail="requestParameters.username and requestParameters.password are required")
    if not sim.sessions.credentials_ok(params["username"], params["password"]):
        sim.stats.count_login(False)
        return envelope(4020)
    sim.stats.count_login(True)
    token = sim.sessions.open()
    response = envelope(2000)
    response.set_cookie(COOKIE, token, path="/", httponly=True, secure=sim.secure_cookies)
    return response


async def sign_out(request: web.Request) -> web.Response:
    sim = sim_of(request)
    token = session_token(request)
    if not sim.sessions.valid_without_touch(token):
        return _expired()
    sim.sessions.close(token)
    response = envelope(2000)
    response.del_cookie(COOKIE, path="/")
    return response


def render_page(request: web.Request, calls: list[Any]) -> list[dict[str, Any]]:
    sim = sim_of(request)
    now = sim.clock.now_ms()
    faults = sim.faults
    return [
        cisco_session(
            c,
            now,
            sim.media_base,
            malformed=faults.record_is_malformed(c.session_id),
            urls_array=sim.urls_array,
            without_duration=faults.without_duration(c.session_id),
        )
        for c in calls
    ]


async def get_sessions(request: web.Request) -> web.Response:
    if not _session_ok(request):
        return _expired()
    sim = sim_of(request)
    try:
        query = parse_get_sessions(await read_json(request))
    except QueryError as exc:
        return envelope(exc.code, detail=exc.message)
    faults = sim.faults
    _, page = query.run(
        sim.dataset, sim.clock.now_ms(), order=faults.page_order, order_key=faults.order_key, gone=faults.gone_sessions
    )
    if not page:
        return envelope(2001)
    return envelope(2000, {"sessions": render_page(request, page)})


async def get_session_by_id(request: web.Request) -> web.Response:
    sim = sim_of(request)
    shape = sim.faults.lookup_shape
    if shape in ("http404", "http405"):  # a server without this endpoint
        return web.Response(status=int(shape[4:]), text="Not Found" if shape == "http404" else "Method Not Allowed")
    if not _session_ok(request):
        return _expired()
    if shape == "refused":
        return envelope(4010, detail="requestParameters is mandatory")
    if request.method == "POST":
        body = await read_json(request)
        params = body.get("requestParameters") if isinstance(body, dict) else None
        session_id = params.get("sessionId") if isinstance(params, dict) else None
    else:
        session_id = request.query.get("sessionId")
    if not session_id:
        return envelope(4010, detail="sessionId is mandatory")
    call = sim.visible_call(str(session_id))
    if shape == "unknown":
        return envelope(2000, {"result": "OK", "count": int(call is not None)})
    if call is None or shape == "no_rows":
        return envelope(2001)
    session = render_page(request, [call])[0]
    if shape == "session":
        return envelope(2000, {"session": session})
    if shape == "bare":
        return envelope(2000, session)
    if shape == "list":
        return envelope(2000, [session])
    return envelope(2000, {"sessions": [session]})


async def get_system_time(request: web.Request) -> web.Response:
    if not _session_ok(request):
        return _expired()
    return envelope(2000, {"currentSystemTime": sim_of(request).clock.now_ms()})


async def subscribe(request: web.Request) -> web.Response:
    if not _session_ok(request):
        return _expired()
    body = await read_json(request)
    params = body.get("requestParameters") if isinstance(body, dict) else None
    if not isinstance(params, dict) or not params.get("subscriptionUri"):
        return envelope(4010, detail="requestParameters.subscriptionUri is mandatory")
    if str(params.get("subscriptionType", "http")).lower() != "http":
        return envelope(4012, detail="only subscriptionType http is supported")
    filters = params.get("subscriptionFilters") or []
    sub_id, outcome = request.app[HUB].subscribe(str(params["subscriptionUri"]), filters)
    if outcome == "exists":
        if sim_of(request).event_shape == "spec":
            return envelope(4030, detail=sub_id)  # the original specification's answer
        return envelope(2005, {"subscriptionId": sub_id})  # 9.0 guide p45-46: not an error
    return envelope(2000, {"subscriptionId": sub_id})


async def subscribe_recording(request: web.Request) -> web.Response:
    """The deprecated subscribeRecordingEvent (9.0 guide p43-44): the id at the top level; the same
    URI again is an error that carries the original id (at the top level too)."""
    if not _session_ok(request):
        return _expired()
    body = await read_json(request)
    params = body.get("requestParameters") if isinstance(body, dict) else None
    if not isinstance(params, dict) or not params.get("subscriptionUri"):
        return envelope(4010, detail="requestParameters.subscriptionUri is mandatory")
    sub_id, created = request.app[HUB].subscribe_recording(str(params["subscriptionUri"]))
    if not created:
        return envelope(4000, detail="a subscription already exists for this URI", top={"subscriptionId": sub_id})
    return envelope(2000, top={"subscriptionId": sub_id})


async def unsubscribe(request: web.Request) -> web.Response:
    if not _session_ok(request):
        return _expired()
    body = await read_json(request)
    params = body.get("requestParameters") if isinstance(body, dict) else None
    sub_id = params.get("subscriptionId") if isinstance(params, dict) else None
    if not sub_id:
        return envelope(4010, detail="requestParameters.subscriptionId is mandatory")
    if not request.app[HUB].unsubscribe(str(sub_id)):
        return envelope(4031, detail=str(sub_id))
    return envelope(2000, {"subscriptionId": sub_id})


def add_routes(app: web.Application) -> None:
    app.router.add_post(f"{AUTH}/signIn", sign_in)
    app.router.add_post(f"{AUTH}/signOut", sign_out)
    app.router.add_post(f"{QUERY}/getSessions", get_sessions)
    app.router.add_get(f"{QUERY}/getSessionBySessionId", get_session_by_id)
    app.router.add_post(f"{QUERY}/getSessionBySessionId", get_session_by_id)
    app.router.add_get("/ora/infoService/info/getSystemTime", get_system_time)
    app.router.add_post(f"{EVENTS}/subscribeToEvents", subscribe)
    app.router.add_post(f"{EVENTS}/unsubscribeFromEvents", unsubscribe)
    app.router.add_post(f"{EVENTS}/subscribeRecordingEvent", subscribe_recording)
    app.router.add_post(f"{EVENTS}/unsubscribeRecordingEvent", unsubscribe)
