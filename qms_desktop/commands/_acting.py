"""Acting as a user from the command line: `--as NAME`, the password on standard input
(`--password-stdin`) or in QMS_PASSWORD. Every command that reads recordings, settings or logs, or
changes anything, acts as a user, exactly as the GUI does after its sign-in dialog."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine

from qms_desktop.app import runtime
from qms_desktop.app.access import NotSignedIn
from qms_desktop.app.runtime import NotConfigured
from qms_desktop.app.users import sign_in
from qms_desktop.commands._output import fail
from qms_desktop.security.errors import SecurityError
from qms_desktop.security.roles import Principal

ENV_PASSWORD = "QMS_PASSWORD"


def add_acting_user_flags(parser: argparse.ArgumentParser, *, stdin: bool = True) -> None:
    parser.add_argument("--as", dest="as_user", metavar="NAME", help="act as this local user (signs in)")
    if stdin:
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the --as user's password from standard input"
        )


def read_stdin_password() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def acting_principal(args: argparse.Namespace, engine: Engine, *, stdin_allowed: bool = True) -> Principal:
    """The signed-in --as user (the sign-in is audited); NotSignedIn when no user or password is given."""
    name = getattr(args, "as_user", None)
    if not name:
        raise NotSignedIn("This command acts as a user: nobody is signed in")
    if stdin_allowed and getattr(args, "password_stdin", False):
        password = read_stdin_password()
    else:
        password = os.environ.get(ENV_PASSWORD, "")
    if not password:
        raise NotSignedIn(f"No password for {name!r}")
    return sign_in(engine, name, password, from_where=None)


@contextmanager
def signed_in(args: argparse.Namespace) -> Iterator[tuple[Engine, Principal]]:
    """The database and the --as user for one command; the engine is disposed afterwards."""
    engine = runtime.open_database()
    try:
        yield engine, acting_principal(args, engine)
    finally:
        engine.dispose()


def refusals_exit_2(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command's handler whose refusals (not signed in, not allowed, not configured) are one line
    on stderr and exit status 2."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (SecurityError, NotConfigured) as exc:
            return fail(str(exc), 2)

    return run
