"""`qms-desktop users ...`: local accounts (add, list, disable, unlock)."""

from __future__ import annotations

import argparse
from typing import Any

from qms_desktop.app import runtime
from qms_desktop.app.users import UserUseCases, create_first_admin, needs_first_admin
from qms_desktop.commands._acting import (
    acting_principal,
    add_acting_user_flags,
    read_stdin_password,
    refusals_exit_2,
    signed_in,
)
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.security.errors import SecurityError
from qms_desktop.security.roles import USER_ROLES, Role


def register(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="local accounts: add, list, disable, unlock")
    users_sub = users.add_subparsers(dest="users_command", required=True)

    add = users_sub.add_parser(
        "add",
        help="add a user (the very first user must be an ADMIN and needs no --as)",
        description="The new user's password is read from standard input (--password-stdin); "
        "the acting administrator's password comes from QMS_PASSWORD.",
    )
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in USER_ROLES], type=str.upper)
    add.add_argument("--teams", default="", help="comma-separated team codes (supervisors)")
    add.add_argument("--password-stdin", action="store_true", help="read the new user's password from stdin")
    add_acting_user_flags(add, stdin=False)
    add_json_flag(add)
    add.set_defaults(func=run_add)

    lst = users_sub.add_parser("list", help="list users, roles, teams")
    add_acting_user_flags(lst)
    add_json_flag(lst)
    lst.set_defaults(func=run_list)

    dis = users_sub.add_parser("disable", help="disable a user (kept for the audit trail)")
    dis.add_argument("name")
    dis.add_argument("--enable", action="store_true", help="enable again instead")
    add_acting_user_flags(dis)
    add_json_flag(dis)
    dis.set_defaults(func=run_disable)

    unlock = users_sub.add_parser(
        "unlock",
        help="let a user sign in again after too many failed sign-ins",
        description="Forgets the user name's failed sign-ins and lifts its lock (audited as user.unlock).",
    )
    unlock.add_argument("name")
    add_acting_user_flags(unlock)
    add_json_flag(unlock)
    unlock.set_defaults(func=run_unlock)


def run_add(args: argparse.Namespace) -> int:
    if not args.password_stdin:
        return fail("pass the new user's password on standard input with --password-stdin", 2)
    password = read_stdin_password()
    teams = [t for t in args.teams.split(",") if t.strip()]
    engine = runtime.open_database()
    try:
        first = needs_first_admin(engine)
        if first and not args.as_user:
            if args.role != Role.ADMIN.value:
                return fail("there is no administrator yet: the first user must have --role ADMIN", 2)
            info = create_first_admin(engine, args.name, password)
        else:
            principal = acting_principal(args, engine, stdin_allowed=False)
            info = UserUseCases(engine, principal).create_user(args.name, args.role, password, teams)
    except SecurityError as exc:
        return fail(str(exc), 2)
    finally:
        engine.dispose()
    emit(args, info.to_dict(), lambda d: f"added {d['username']} ({d['role']})")
    return 0


@refusals_exit_2
def run_list(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        rows = UserUseCases(engine, principal).list_users()
    data: list[dict[str, Any]] = [u.to_dict() for u in rows]

    def text(items: list[dict[str, Any]]) -> str:
        lines = [f"{'user':<24} {'role':<11} {'state':<9} {'failed':>6}  teams"]
        lines += [
            f"{u['username']:<24} {u['role']:<11} {u['state']:<9} {u['failedSignIns']:>6}  "
            f"{','.join(u['teams']) or '-'}"
            for u in items
        ]
        return "\n".join(lines)

    emit(args, data, text)
    return 0


@refusals_exit_2
def run_disable(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        UserUseCases(engine, principal).disable_user(args.name, disabled=not args.enable)
    state = "enabled" if args.enable else "disabled"
    emit(args, {"username": args.name.lower(), "state": state}, lambda d: f"{d['username']} {state}")
    return 0


@refusals_exit_2
def run_unlock(args: argparse.Namespace) -> int:
    with signed_in(args) as (engine, principal):
        was_locked = UserUseCases(engine, principal).unlock_user(args.name)
    data = {"username": args.name.strip().lower(), "wasLocked": was_locked}
    emit(
        args,
        data,
        lambda d: (
            f"{d['username']} unlocked"
            if was_locked
            else f"{d['username']} was not locked (its failed sign-ins, if any, are forgotten)"
        ),
    )
    return 0
