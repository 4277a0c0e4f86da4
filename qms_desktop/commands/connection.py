"""`qms-desktop test-connection` and `qms-desktop connection ...`: MediaSense connection settings."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any
from urllib.parse import urlsplit

from qms_desktop import config
from qms_desktop.app import runtime
from qms_desktop.app.connection import ConnectionUseCases, fetch_given_certificate, test_given_connection
from qms_desktop.app.credentials import (
    PASSWORD_ENVIRONMENT,
    PASSWORD_KEYRING,
    PASSWORD_NONE,
    PASSWORD_SESSION,
    PASSWORD_UNAVAILABLE,
    Credentials,
    PasswordState,
)
from qms_desktop.commands._acting import acting_principal, add_acting_user_flags, refusals_exit_2, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.mediasense.diagnostics import ConnectionTestResult
from qms_desktop.mediasense.errors import ConfigurationError, MediaSenseError
from qms_desktop.mediasense.tls import normalize_fingerprint
from qms_desktop.security.errors import SecurityError


def register(sub: argparse._SubParsersAction) -> None:
    test = sub.add_parser(
        "test-connection",
        help="run the three-step MediaSense connection test",
        description="URL validation, authentication and API access, with recommendations. Exit 0 when all pass. "
        "With --url, --user and the password all given it needs no signed-in user; otherwise it tests the "
        "saved settings as --as NAME (that user's password in QMS_PASSWORD).",
    )
    _add_connection_args(test)
    add_acting_user_flags(test, stdin=False)
    add_json_flag(test)
    test.set_defaults(func=run_test)

    conn = sub.add_parser("connection", help="show the effective connection settings or a server certificate")
    conn_sub = conn.add_subparsers(dest="connection_command", required=True)
    show = conn_sub.add_parser("show", help="effective settings and where each value comes from")
    add_acting_user_flags(show)
    add_json_flag(show)
    show.set_defaults(func=run_show)
    cert = conn_sub.add_parser("certificate", help="fetch the certificate a server presents (to pin it)")
    cert.add_argument("url")
    add_json_flag(cert)
    cert.set_defaults(func=run_certificate)


def _add_connection_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", action="append", help="MediaSense base URL; repeat for cluster nodes")
    parser.add_argument("--user", help="MediaSense API user")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    tls = parser.add_mutually_exclusive_group()
    tls.add_argument("--ca-file", help="trust the CA certificates in this PEM file")
    tls.add_argument(
        "--pin", action="append", metavar="SHA256", help="trust only the certificate with this fingerprint"
    )
    tls.add_argument(
        "--insecure", action="store_true", help="accept any certificate (self-signed, expired): only for a test"
    )
    parser.add_argument("--timeout", type=float, help="seconds per request (default 10)")


def _given_settings(args: argparse.Namespace, base: config.ConnectionSettings) -> config.ConnectionSettings:
    """Command-line flags win over `base` (the saved settings, or the defaults)."""
    for url in args.url or ():
        config.check_url(url, "The MediaSense URL given with --url")
    values: dict[str, Any] = {
        "urls": tuple(u.rstrip("/") for u in args.url) if args.url else base.urls,
        "username": args.user or base.username,
        "timeout": args.timeout or base.timeout,
        "ca_file": args.ca_file or (None if (args.pin or args.insecure) else base.ca_file),
        "allow_self_signed": True
        if args.insecure
        else (False if (args.ca_file or args.pin) else base.allow_self_signed),
        "pinned_sha256": tuple(normalize_fingerprint(p) for p in args.pin) if args.pin else base.pinned_sha256,
    }
    return config.ConnectionSettings(**values, sources=base.sources)


def _typed_password(args: argparse.Namespace) -> str | None:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    return config.password_from_environment()


def run_test(args: argparse.Namespace) -> int:
    password = _typed_password(args)
    if args.url and args.user and password:
        # Everything was typed: nothing stored is read, so nobody needs to be signed in.
        try:
            settings = _given_settings(args, config.load_connection_settings({}))
            result = asyncio.run(test_given_connection(settings, password))
        except (ConfigurationError, ValueError) as exc:
            return fail(str(exc), 2)
    else:
        engine = runtime.open_database()
        try:
            connection = ConnectionUseCases(engine, acting_principal(args, engine))
            settings = _given_settings(args, connection.settings())
            result = asyncio.run(connection.test(Credentials(), settings, password))
        except (SecurityError, runtime.NotConfigured, ConfigurationError, ValueError) as exc:
            return fail(str(exc), 2)
        finally:
            engine.dispose()
    emit(args, result.to_dict(), lambda _d: format_result(result))
    return 0 if result.success else 1


def format_result(result: ConnectionTestResult) -> str:
    lines = [f"MediaSense connection test: {'OK' if result.success else 'FAILED'} — {result.message}"]
    if result.category is not None:
        lines.append(f"  failure: {result.category.title} ({result.category.key})")
    for step in result.details:
        duration = f"{step.duration_ms} ms" if step.duration_ms is not None else ""
        lines.append(f"  [{step.status:^7}] {step.step:<15} {duration:>8}  {step.message}")
    if result.clock_skew_ms is not None:
        lines.append(f"  clock skew: {result.clock_skew_ms} ms")
    if result.certificate is not None:
        cert = result.certificate
        lines.append(f"  certificate: {cert.subject}, valid until {cert.not_after:%Y-%m-%d}")
        lines.append(f"  fingerprint (SHA-256): {cert.sha256}")
    if result.recommendations:
        lines.append("Recommendations:")
        lines.extend(f"  - {item}" for item in result.recommendations)
    return "\n".join(lines)


@refusals_exit_2
def run_show(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        settings, password = ConnectionUseCases(engine, principal).load(Credentials())
    data = {
        "configured": settings.configured,
        "settings": settings.to_dict(),
        "password": password.source,
        "keyring": password.keyring.to_dict(),
    }
    emit(args, data, lambda _d: show_text(settings, password))
    return 0


PASSWORD_WORDS = {
    PASSWORD_KEYRING: "saved in the keyring",
    PASSWORD_ENVIRONMENT: "from MEDIASENSE_PASSWORD",
    PASSWORD_SESSION: "typed for this session only",
    PASSWORD_NONE: "not saved",
    PASSWORD_UNAVAILABLE: "unknown: the keyring cannot be read",
}


def show_text(settings: config.ConnectionSettings, password: PasswordState) -> str:
    """What is configured, in words: servers, user, TLS, the password's whereabouts (never the password)."""
    sources = settings.to_dict()

    def row(name: str, value: str, key: str | None = None) -> str:
        where = f"  ({sources[key]['source']})" if key else ""
        return f"{name:<15} {value}{where}"

    lines = ["MediaSense connection: " + ("configured" if settings.configured else "not configured")]
    if not settings.urls:
        lines.append(row("server", "- (set it in the Connection tab, or MEDIASENSE_URL)", "urls"))
    for number, url in enumerate(settings.urls, 1):
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            port = None
        name = "server" if len(settings.urls) == 1 else f"server {number}"
        lines.append(row(name, f"{url} (host {parts.hostname or '?'}, port {port or '?'}, {parts.scheme})", "urls"))
    lines.append(row("user", settings.username or "-", "username"))
    if settings.allow_self_signed:
        tls = "any certificate accepted (for a test only)"
        tls_key = "allow_self_signed"
    elif settings.pinned_sha256:
        tls = "pinned certificate"
        tls_key = "pinned_sha256"
    elif settings.ca_file:
        tls = "verified against the CA file"
        tls_key = "ca_file"
    else:
        tls = "verified against the system's CAs"
        tls_key = "allow_self_signed"
    lines.append(row("TLS", tls, tls_key))
    if settings.ca_file:
        lines.append(row("CA file", settings.ca_file, "ca_file"))
    for fingerprint in settings.pinned_sha256:
        lines.append(row("pin (SHA-256)", fingerprint, "pinned_sha256"))
    lines.append(row("timeout", f"{settings.timeout:g} s", "timeout"))
    word = PASSWORD_WORDS.get(password.source, password.source)
    if password.source == PASSWORD_KEYRING:
        word += f" ({password.keyring.name})"
    lines.append(row("password", word))
    return "\n".join(lines)


def run_certificate(args: argparse.Namespace) -> int:
    try:
        info = asyncio.run(fetch_given_certificate(args.url))
    except (MediaSenseError, ValueError) as exc:
        return fail(str(exc))
    emit(
        args,
        info.to_dict(),
        lambda _d: "\n".join(
            [
                f"subject:     {info.subject}",
                f"issuer:      {info.issuer}",
                f"valid:       {info.not_before:%Y-%m-%d} .. {info.not_after:%Y-%m-%d}",
                f"self-signed: {info.self_signed}",
                f"SHA-256:     {info.sha256}",
            ]
        ),
    )
    return 0
