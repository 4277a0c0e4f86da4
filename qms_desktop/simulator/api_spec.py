"""The original specification's API (profile `spec`): plain HTTP statuses, ISO times, rich sessions."""

from __future__ import annotations

from aiohttp import web

from qms_desktop.simulator.auth import COOKIE, basic_ok, session_token, unauthorized
from qms_desktop.simulator.media import closed_call, not_found, serve_media, spec_track
from qms_desktop.simulator.query import QueryError, parse_spec_query
from qms_desktop.simulator.render import spec_session
from qms_desktop.simulator.responses import json_response, read_json, sim_of

VERSION = "11.5.1.12001-8 (simulated spec profile)"


def authorized(request: web.Request) -> bool:
    """A live JSESSIONID or valid Basic credentials."""
    sim = sim_of(request)
    return sim.sessions.touch(session_token(request)) or basic_ok(request, sim.sessions)


async def login(request: web.Request) -> web.Response:
    sim = sim_of(request)
    body = await read_json(request)
    if not isinstance(body, dict) or "username" not in body or "password" not in body:
        return json_response({"success": False, "error": "username and password are required"}, status=400)
    if not sim.sessions.credentials_ok(body["username"], body["password"]):
        sim.stats.count_login(False)
        return unauthorized("invalid credentials")
    sim.stats.count_login(True)
    response = json_response({"success": True})
    response.set_cookie(COOKIE, sim.sessions.open(), path="/", httponly=True, secure=sim.secure_cookies)
    return response


async def logout(request: web.Request) -> web.Response:
    sim_of(request).sessions.close(session_token(request))
    response = json_response({"success": True})
    response.del_cookie(COOKIE, path="/")
    return response


async def service_info(request: web.Request) -> web.Response:
    if not authorized(request):
        return unauthorized()
    return json_response({"name": "MediaSense", "version": VERSION})


async def sessions(request: web.Request) -> web.Response:
    if not authorized(request):
        return unauthorized("session expired or missing")
    sim = sim_of(request)
    try:
        query = parse_spec_query(await read_json(request))
    except QueryError as exc:
        return json_response({"success": False, "error": exc.message, "code": exc.code}, status=400)
    now = sim.clock.now_ms()
    total, page = query.run(sim.dataset, now)
    data = [spec_session(c, now, sim.api_base, malformed=sim.faults.record_is_malformed(c.session_id)) for c in page]
    return json_response({"success": True, "total": total, "limit": query.limit, "offset": query.offset, "data": data})


async def media(request: web.Request) -> web.StreamResponse:
    if not authorized(request):
        return unauthorized()
    try:
        track = int(request.match_info["track"])
    except ValueError:
        return not_found("no such track")
    call = closed_call(request, request.match_info["session_id"])
    if call is None or track not in (0, 1, 2):
        return not_found()
    return await serve_media(request, spec_track(call, track))


def add_routes(app: web.Application) -> None:
    app.router.add_post("/ora/authenticationService/authentication/login", login)
    app.router.add_post("/ora/authenticationService/authentication/logout", logout)
    app.router.add_get("/ora/serviceInfo", service_info)
    app.router.add_post("/ora/queryService/query/sessions", sessions)
    app.router.add_get("/ora/mediaService/media/session/{session_id}/track/{track}", media)
