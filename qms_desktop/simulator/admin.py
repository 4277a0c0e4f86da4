"""`/__sim/...`: control a simulator running in another process (faults, clock, counters)."""

from __future__ import annotations

from aiohttp import web

from qms_desktop.simulator.core import MEDIA_REDIRECTS, check_media_redirect
from qms_desktop.simulator.events import ACTIONS, HUB, TAG_ACTIONS
from qms_desktop.simulator.responses import json_response, read_json, sim_of

PREFIX = "/__sim"


async def get_faults(request: web.Request) -> web.Response:
    return json_response(sim_of(request).faults.to_dict())


async def set_faults(request: web.Request) -> web.Response:
    body = await read_json(request)
    if not isinstance(body, dict):
        return json_response({"error": "expected a JSON object of fault knobs"}, status=400)
    faults = sim_of(request).faults
    try:
        if body.pop("reset", False):
            faults.reset()
        faults.update(**body)
    except (ValueError, TypeError) as exc:
        return json_response({"error": str(exc)}, status=400)
    return json_response(faults.to_dict())


async def get_clock(request: web.Request) -> web.Response:
    clock = sim_of(request).clock
    return json_response({"now": clock.now_ms(), "frozen": clock.frozen})


async def set_clock(request: web.Request) -> web.Response:
    """{"advance": seconds} or {"set": epoch_ms}; optional {"freeze": true|false}."""
    body = await read_json(request)
    if not isinstance(body, dict):
        return json_response({"error": 'expected {"advance": seconds} or {"set": epoch_ms}'}, status=400)
    clock = sim_of(request).clock
    try:
        if "set" in body:
            clock.set(int(body["set"]))
        if "advance" in body:
            clock.advance(float(body["advance"]))
    except (TypeError, ValueError) as exc:
        return json_response({"error": str(exc)}, status=400)
    if body.get("freeze") is True:
        clock.freeze()
    elif body.get("freeze") is False:
        clock.unfreeze()
    return json_response({"now": clock.now_ms(), "frozen": clock.frozen})


async def set_media(request: web.Request) -> web.Response:
    """{"redirect": "same_host" | "other_host" | "loop" | null}: how the media port answers."""
    body = await read_json(request)
    if not isinstance(body, dict) or "redirect" not in body:
        return json_response({"error": f'expected {{"redirect": one of {", ".join(MEDIA_REDIRECTS)} or null}}'}, 400)
    mode = body["redirect"]
    try:
        check_media_redirect(mode if mode is None else str(mode))
    except ValueError as exc:
        return json_response({"error": str(exc)}, status=400)
    sim_of(request).media_redirect = mode
    return json_response({"redirect": mode})


async def stats(request: web.Request) -> web.Response:
    return json_response(sim_of(request).stats.snapshot())


async def count(request: web.Request) -> web.Response:
    try:
        start, end = int(request.query["start"]), int(request.query["end"])
    except (KeyError, ValueError):
        return json_response({"error": "start and end (epoch ms) are required"}, status=400)
    return json_response({"count": sim_of(request).count(start, end)})


async def emit_event(request: web.Request) -> web.Response:
    body = await read_json(request)
    if request.app.get(HUB) is None:
        return json_response({"error": "events exist only in the cisco profile"}, status=404)
    if isinstance(body, dict) and body.get("tagName"):  # a tag event: {"sessionId", "action", "tagName"}
        if body.get("action") not in TAG_ACTIONS or not body.get("sessionId"):
            return json_response({"error": f"expected sessionId and action in {TAG_ACTIONS}"}, status=400)
        try:
            request.app[HUB].tag(str(body["sessionId"]), str(body["action"]), str(body["tagName"]))
        except KeyError:
            return json_response({"error": "no such session"}, status=404)
        return json_response({"queued": True})
    if not isinstance(body, dict) or body.get("action") not in ACTIONS or not body.get("sessionId"):
        return json_response({"error": f"expected sessionId and action in {ACTIONS}"}, status=400)
    request.app[HUB].emit(str(body["sessionId"]), str(body["action"]))
    return json_response({"queued": True})


def add_routes(app: web.Application) -> None:
    app.router.add_get(f"{PREFIX}/faults", get_faults)
    app.router.add_post(f"{PREFIX}/faults", set_faults)
    app.router.add_get(f"{PREFIX}/clock", get_clock)
    app.router.add_post(f"{PREFIX}/clock", set_clock)
    app.router.add_get(f"{PREFIX}/stats", stats)
    app.router.add_post(f"{PREFIX}/media", set_media)
    app.router.add_get(f"{PREFIX}/count", count)
    app.router.add_post(f"{PREFIX}/events", emit_event)
