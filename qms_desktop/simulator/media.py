"""Serving a virtual media file: HEAD, single byte ranges, chunked streaming, mid-body drops."""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

from qms_desktop.simulator import audio
from qms_desktop.simulator.audio import MediaBody
from qms_desktop.simulator.data import Call
from qms_desktop.simulator.ranges import RangeDecision, decide
from qms_desktop.simulator.responses import sim_of

log = logging.getLogger("qms.simulator")


def not_found(reason: str = "no such recording") -> web.Response:
    return web.Response(status=404, text=reason)


async def serve_media(request: web.Request, body: MediaBody) -> web.StreamResponse:
    sim = sim_of(request)
    range_header = request.headers.get("Range")
    # Some servers answer a ranged request with the whole file (ignore_range); clients must cope.
    full = RangeDecision(200, 0, body.total - 1)
    decision = full if sim.ignore_range else decide(range_header, body.total)
    sim.stats.count_range(request.path_qs, range_header, decision.status)
    headers = {"ETag": body.etag, "Content-Type": body.content_type, "Cache-Control": "no-store"}
    if not sim.ignore_range:
        headers["Accept-Ranges"] = "bytes"
    if decision.status == 416:
        headers["Content-Range"] = f"bytes */{body.total}"
        return web.Response(status=416, headers=headers)
    if decision.status == 206:
        headers["Content-Range"] = f"bytes {decision.start}-{decision.end}/{body.total}"
    response = web.StreamResponse(status=decision.status, headers=headers)
    response.content_length = decision.length
    await response.prepare(request)
    if request.method == "HEAD":
        return response
    end = decision.end + 1
    drop_at = decision.start + decision.length // 2 if sim.faults.take_drop() else None
    if drop_at is not None:
        sim.stats.count_fault("drop_mid_body")
        end = drop_at
    try:
        for chunk in body.iter_range(decision.start, end):
            if request.transport is None or request.transport.is_closing():
                raise ConnectionResetError("the client closed the connection")
            await response.write(chunk)
            await asyncio.sleep(0)  # a lost connection is noticed between chunks, not after the whole body
    except ConnectionError:  # a client that seeks drops its request: routine, not an error
        log.debug("Media client closed the connection (%s)", request.path)
        return response
    if drop_at is not None:
        # Close after what was written is flushed: the client sees a short body, then EOF.
        if request.transport is not None:
            request.transport.close()
        return response
    await response.write_eof()
    return response


def closed_call(request: web.Request, session_id: str) -> Call | None:
    """A visible, finished, unpruned call whose media exists; None means 404."""
    sim = sim_of(request)
    call = sim.visible_call(session_id)
    if call is None or call.pruned or call.active(sim.clock.now_ms()):
        return None
    return call


def whole_call_wav(call: Call) -> MediaBody:
    return audio.stereo_wav(call.key, call.duration_ms, call.session_id)


def raw_track(call: Call, track: int) -> MediaBody:
    return audio.g711_raw(call.key, call.duration_ms, track, call.codec, call.session_id)


def spec_track(call: Call, track: int) -> MediaBody:
    if track == 0:
        return whole_call_wav(call)
    return audio.mulaw_wav(call.key, call.duration_ms, track, call.session_id)
