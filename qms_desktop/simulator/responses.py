"""Shared aiohttp plumbing: app keys and the answer shapes each profile uses."""

from __future__ import annotations

import json
from typing import Any

import orjson
from aiohttp import web

from qms_desktop.simulator.core import Simulator

SIM = web.AppKey("sim", Simulator)
ROLE = web.AppKey("role", str)  # "api" or "media": faults such as busy_next apply to the API only

MESSAGES = {
    2000: "Success: Your request was successfully completed.",
    2001: "Success: No sessions found for the given criteria.",
    2005: "Success: The subscription already exists.",
    4010: "Failure: Missing mandatory parameter.",
    4011: "Failure: Invalid page parameters.",
    4012: "Failure: Malformed request.",
    4020: "Failure: Invalid credentials.",
    4000: "Failure: A subscription already exists for this URI.",
    4021: "Failure: Invalid session. The session may have expired. Sign in again or enter a valid JSESSIONID.",
    4030: "Failure: A subscription already exists for this URI.",
    4031: "Failure: Unknown subscription.",
    5042: "Failure: Too many concurrent requests. Try again later.",
}


def sim_of(request: web.Request) -> Simulator:
    return request.app[SIM]


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # orjson: a 1000-session page renders ~4x quicker than with json.dumps, so the simulator can feed
    # a sync as fast as a real server would. Compact UTF-8, like json.dumps(separators=(",", ":")).
    body = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    return web.Response(body=body, status=status, headers=headers, content_type="application/json")


def envelope(
    code: int,
    body: dict[str, Any] | list[Any] | None = None,
    *,
    detail: str | None = None,
    as_strings: bool = False,
    top: dict[str, Any] | None = None,
) -> web.Response:
    """Cisco's answer: always HTTP 200, the outcome is in responseCode (a string on legacy servers)."""
    data: dict[str, Any] = {
        "responseCode": str(code) if as_strings else code,
        "responseMessage": MESSAGES.get(code, "Failure"),
    }
    if body is not None:
        data["responseBody"] = body
    if detail is not None:
        data["detail"] = detail
    if top is not None:  # fields some answers carry beside the envelope (the deprecated subscribe's id)
        data.update(top)
    return json_response(data)


async def read_json(request: web.Request) -> Any:
    """The request's JSON body, or None when it is missing or not JSON."""
    try:
        raw = await request.read()
        return json.loads(raw) if raw else None
    except (ValueError, UnicodeDecodeError):
        return None
