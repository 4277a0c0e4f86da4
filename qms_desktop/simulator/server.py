"""The aiohttp applications: API port (plus media on `spec`) and media port, with fault injection."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from aiohttp import web

from qms_desktop.simulator import admin, api_cisco, api_legacy, api_media, api_spec
from qms_desktop.simulator.core import Simulator
from qms_desktop.simulator.events import HUB, EventHub
from qms_desktop.simulator.responses import ROLE, SIM, envelope, json_response

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def faults_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path.startswith(admin.PREFIX):
        return await handler(request)  # the control plane is never faulted nor counted
    sim: Simulator = request.app[SIM]
    faults, stats = sim.faults, sim.stats
    stats.count_request(request.method, request.path)
    if faults.latency_ms > 0:
        await asyncio.sleep(faults.latency_ms / 1000)
    if faults.take_5xx():
        stats.count_fault("error_5xx")
        return web.Response(status=503, text="Service Unavailable (simulated)")
    if request.app[ROLE] == "api" and not request.path.startswith(api_media.REDIRECTED) and faults.take_busy():
        stats.count_fault("busy")
        if sim.profile == "cisco":
            return envelope(5042, detail=f"retry after {faults.retry_after} s")
        return json_response(
            {"success": False, "error": "too many concurrent requests"},
            status=429,
            headers={"Retry-After": str(faults.retry_after)},
        )
    response = await handler(request)
    if not isinstance(response, web.Response) or response.content_type != "application/json":
        return response
    body = response.body
    if not isinstance(body, bytes | bytearray) or not body:
        return response
    if faults.take_malformed_json():
        stats.count_fault("malformed_json")
        response.body = bytes(body[: max(1, len(body) // 2)])
        return response
    if faults.take_drop():
        stats.count_fault("drop_mid_body")
        return await _drop_mid_body(request, response, bytes(body))
    return response


async def _drop_mid_body(request: web.Request, response: web.Response, body: bytes) -> web.StreamResponse:
    """Announce the full length, send half, close: what a connection reset mid-answer looks like."""
    stream = web.StreamResponse(status=response.status, headers=response.headers)
    stream.content_length = len(body)
    await stream.prepare(request)
    await stream.write(body[: len(body) // 2])
    if request.transport is not None:
        request.transport.close()
    return stream


def _base_app(sim: Simulator, role: str) -> web.Application:
    app = web.Application(middlewares=[faults_middleware])
    app[SIM] = sim
    app[ROLE] = role
    return app


def build_api_app(sim: Simulator) -> web.Application:
    app = _base_app(sim, "api")
    admin.add_routes(app)
    if sim.profile == "cisco":
        hub = EventHub(sim)
        app[HUB] = hub
        app.cleanup_ctx.append(hub.lifecycle)
        api_cisco.add_routes(app)
    elif sim.profile == "spec":
        api_spec.add_routes(app)
    else:
        api_legacy.add_routes(app)
    if sim.profile != "spec":
        api_media.add_redirect_targets(app)  # where a same-host media redirect may send a client
    return app


def build_media_app(sim: Simulator) -> web.Application:
    app = _base_app(sim, "media")
    api_media.add_routes(app)
    return app
