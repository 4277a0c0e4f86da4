"""The media port of the `cisco` and `legacy` profiles (8446 on a real server).

Every recording is also served under `/redirected/...`, on both ports, never redirected: that is
where the `media_redirect` switch sends clients (a real client follows redirects on the media port).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from qms_desktop.simulator.auth import COOKIE, basic_credentials, basic_ok, session_token, unauthorized
from qms_desktop.simulator.faults import MediaRequest
from qms_desktop.simulator.media import closed_call, not_found, raw_track, serve_media, whole_call_wav
from qms_desktop.simulator.responses import sim_of

_RECORDING = re.compile(r"^([0-9a-fA-F]{14})-TRACK([01])$")
REDIRECTED = "/redirected"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _authorized(request: web.Request) -> bool:
    """Basic (API user) or, on `cisco`, the API's JSESSIONID: the client sends both in the wild."""
    sim = sim_of(request)
    if basic_ok(request, sim.sessions):
        return True
    return sim.profile == "cisco" and sim.sessions.touch(session_token(request))


def _port(request: web.Request) -> int:
    sockname = request.transport.get_extra_info("sockname") if request.transport is not None else None
    return int(sockname[1]) if sockname else 0


def _logged(handler: Handler) -> Handler:
    """Record the request's method, port, path and header summary with the status it got."""

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        response = await handler(request)
        sim_of(request).stats.log_media_request(
            MediaRequest(
                method=request.method,
                port=_port(request),
                path_qs=request.path_qs,
                accept=request.headers.get("Accept"),
                basic=basic_credentials(request) is not None,
                jsessionid=bool(request.cookies.get(COOKIE) or request.headers.get(COOKIE)),
                range=request.headers.get("Range"),
                status=response.status,
            )
        )
        return response

    return wrapper


def _redirect(request: web.Request) -> web.Response | None:
    """The switched-on redirect for a request on the media port's own paths; None to serve it."""
    sim = sim_of(request)
    mode = sim.media_redirect
    if mode is None or request.path.startswith(REDIRECTED):
        return None
    if mode == "loop":
        location = request.path_qs  # relative: the client resolves it against the URL it asked for
    elif mode == "same_host":
        location = f"{sim.api_base}{REDIRECTED}{request.path_qs}"
    else:  # other_host: the same machine under another name, so the only difference is the host
        parts = urlsplit(sim.media_base)
        other = "127.0.0.1" if parts.hostname == "localhost" else "localhost"
        location = f"{parts.scheme}://{other}:{parts.port}{REDIRECTED}{request.path_qs}"
    sim.stats.count_fault(f"media_redirect_{mode}")
    return web.Response(status=302, headers={"Location": location, "Cache-Control": "no-store"})


@_logged
async def wav(request: web.Request) -> web.StreamResponse:
    if not _authorized(request):
        return unauthorized()
    redirect = _redirect(request)
    if redirect is not None:
        return redirect
    name = request.match_info["name"]
    if not name.endswith(".wav"):
        return not_found()
    call = closed_call(request, name[: -len(".wav")])
    if call is None:
        return not_found()
    return await serve_media(request, whole_call_wav(call))


@_logged
async def mp4(request: web.Request) -> web.Response:
    if not _authorized(request):
        return unauthorized()
    # Synthesising MP4 (AAC) is out of scope; 501 keeps it distinct from "pruned" (404).
    return web.Response(status=501, text="mp4 is not available from the simulator; use wavUrl")


@_logged
async def export_raw(request: web.Request) -> web.StreamResponse:
    if not _authorized(request):
        return unauthorized()
    redirect = _redirect(request)
    if redirect is not None:
        return redirect
    match = _RECORDING.match(request.query.get("recording", ""))
    if match is None:
        return not_found("recording must be <sessionId>-TRACK<n>")
    sim = sim_of(request)
    call = closed_call(request, match.group(1))
    # downloadUrl exists only for CLOSED_NORMAL sessions.
    if call is None or call.state(sim.clock.now_ms()) != "CLOSED_NORMAL":
        return not_found()
    return await serve_media(request, raw_track(call, int(match.group(2))))


def add_routes(app: web.Application) -> None:
    app.router.add_get("/recordedMedia/oramedia/wav/{name}", wav)
    app.router.add_get("/recordedMedia/oramedia/mp4/{name}", mp4)
    app.router.add_get("/mma/ExportRaw", export_raw)
    add_redirect_targets(app)


def add_redirect_targets(app: web.Application) -> None:
    """The never-redirected copies of the media paths (the API port of `cisco`/`legacy` has them too)."""
    app.router.add_get(f"{REDIRECTED}/recordedMedia/oramedia/wav/{{name}}", wav)
    app.router.add_get(f"{REDIRECTED}/mma/ExportRaw", export_raw)
