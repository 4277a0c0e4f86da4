"""An older MediaSense (profile `legacy`): Basic auth on every call, alternative paths, string numbers."""

from __future__ import annotations

from aiohttp import web

from qms_desktop.simulator.auth import basic_ok, unauthorized
from qms_desktop.simulator.query import QueryError, parse_spec_query
from qms_desktop.simulator.render import cisco_session, stringify_numbers
from qms_desktop.simulator.responses import SIM, envelope, json_response, read_json, sim_of

VERSION = "8.5.3 (simulated legacy profile)"


def _authorized(request: web.Request) -> bool:
    return basic_ok(request, sim_of(request).sessions)


async def service_info(request: web.Request) -> web.Response:
    if not _authorized(request):
        return unauthorized()
    return json_response({"name": "MediaSense", "version": VERSION})


async def sessions(request: web.Request) -> web.Response:
    if not _authorized(request):
        return unauthorized()
    sim = sim_of(request)
    try:
        query = parse_spec_query(await read_json(request))
    except QueryError as exc:
        return envelope(exc.code, detail=exc.message, as_strings=True)
    now = sim.clock.now_ms()
    _, page = query.run(sim.dataset, now)
    if not page:
        return envelope(2001, as_strings=True)
    rows = [
        stringify_numbers(
            cisco_session(
                c,
                now,
                sim.media_base,
                malformed=sim.faults.record_is_malformed(c.session_id),
                urls_array=sim.urls_array,
            )
        )
        for c in page
    ]
    return envelope(2000, {"sessions": rows}, as_strings=True)


async def session_by_id(request: web.Request) -> web.Response:
    """The cisco lookup path, in this server's own shapes (string numbers)."""
    if not _authorized(request):
        return unauthorized()
    sim = sim_of(request)
    session_id = request.query.get("sessionId")
    if not session_id:
        return envelope(4010, detail="sessionId is mandatory", as_strings=True)
    call = sim.visible_call(session_id)
    if call is None:
        return envelope(2001, as_strings=True)
    row = stringify_numbers(cisco_session(call, sim.clock.now_ms(), sim.media_base, urls_array=sim.urls_array))
    return envelope(2000, {"sessions": [row]}, as_strings=True)


async def system_time(request: web.Request) -> web.Response:
    if not _authorized(request):
        return unauthorized()
    return envelope(2000, {"currentSystemTime": str(sim_of(request).clock.now_ms())}, as_strings=True)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/ora/serviceInfo", service_info)
    app.router.add_post("/ora/api/v1/sessions", sessions)
    app.router.add_post("/ora/recording/api/sessions", sessions)
    app.router.add_get("/ora/infoService/info/getSystemTime", system_time)
    if app[SIM].lookup_by_id:
        app.router.add_get("/ora/queryService/query/getSessionBySessionId", session_by_id)
