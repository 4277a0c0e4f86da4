"""The media port of the `cisco` and `legacy` profiles (8446 on a real server)."""

from __future__ import annotations

import re

from aiohttp import web

from qms_desktop.simulator.auth import basic_ok, session_token, unauthorized
from qms_desktop.simulator.media import closed_call, not_found, raw_track, serve_media, whole_call_wav
from qms_desktop.simulator.responses import sim_of

_RECORDING = re.compile(r"^([0-9a-fA-F]{14})-TRACK([01])$")


def _authorized(request: web.Request) -> bool:
    """Basic (API user) or, on `cisco`, the API's JSESSIONID: the client sends both in the wild."""
    sim = sim_of(request)
    if basic_ok(request, sim.sessions):
        return True
    return sim.profile == "cisco" and sim.sessions.touch(session_token(request))


async def wav(request: web.Request) -> web.StreamResponse:
    if not _authorized(request):
        return unauthorized()
    name = request.match_info["name"]
    if not name.endswith(".wav"):
        return not_found()
    call = closed_call(request, name[: -len(".wav")])
    if call is None:
        return not_found()
    return await serve_media(request, whole_call_wav(call))


async def mp4(request: web.Request) -> web.Response:
    if not _authorized(request):
        return unauthorized()
    # Synthesising MP4 (AAC) is out of scope; 501 keeps it distinct from "pruned" (404).
    return web.Response(status=501, text="mp4 is not available from the simulator; use wavUrl")


async def export_raw(request: web.Request) -> web.StreamResponse:
    if not _authorized(request):
        return unauthorized()
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
