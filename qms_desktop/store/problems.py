"""Why a database cannot be used, in words a person can act on (never a driver traceback)."""

from __future__ import annotations

import re

from alembic.util.exc import CommandError
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError, SQLAlchemyError

from qms_desktop.store.engine import mask_url

_UNKNOWN_REVISION = re.compile(r"Can't locate revision identified by '([^']+)'")


class DatabaseProblem(RuntimeError):
    """The configured database cannot be opened, read or upgraded; the message says what to do."""


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


_USERINFO_PASSWORD = re.compile(r"(://[^:/@]*):[^@/]*@")


def _safe_url(url: str) -> str:
    """The URL without its password (a SQLite URL as its file path), even when it cannot be parsed."""
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    try:
        return mask_url(url)
    except (ArgumentError, ValueError):
        return _USERINFO_PASSWORD.sub(r"\1:***@", url)


def explain(error: BaseException, url: str) -> DatabaseProblem:
    """A DatabaseProblem for an error met while opening, upgrading or using the database at `url`."""
    where = _safe_url(url)
    sqlite = url.startswith("sqlite")
    reason = _first_line(error)
    if isinstance(error, DatabaseProblem):
        return error
    if isinstance(error, ArgumentError | ValueError) and not isinstance(error, SQLAlchemyError | CommandError):
        return DatabaseProblem(
            f"The database URL {where!r} is not valid ({reason}). Write it as "
            "postgresql://USER@HOST:5432/DATABASE (the password goes in ~/.pgpass), or unset QMS_DATABASE_URL "
            "to use the local SQLite file"
        )
    if isinstance(error, CommandError):
        found = _UNKNOWN_REVISION.search(str(error))
        if found:
            return DatabaseProblem(
                f"The database {where} has schema revision {found.group(1)}, which this version of QMS Desktop "
                "does not know: a newer version upgraded it. Install that version (or a newer one) here"
            )
        return DatabaseProblem(f"The database {where} could not be upgraded: {reason}")
    if sqlite and isinstance(error, DatabaseError) and not isinstance(error, OperationalError):
        return DatabaseProblem(
            f"The database file {where} is damaged or is not a QMS Desktop database ({reason}). Move the file "
            "away and restore it from a backup; without the file a new, empty database is created "
            "(then sync again)"
        )
    if sqlite and isinstance(error, OperationalError):
        return DatabaseProblem(
            f"The database file {where} cannot be opened or written ({reason}). Check that its folder exists, "
            "is writable and has free space, or point QMS_HOME at a folder that does"
        )
    if isinstance(error, OperationalError):
        return DatabaseProblem(
            f"Could not use the database {where}: {reason}. Check that the server is running and that the host, "
            "port, database and user are right (`qms-desktop db check` tells more)"
        )
    return DatabaseProblem(f"The database {where} failed: {reason}")


DATABASE_ERRORS: tuple[type[Exception], ...] = (SQLAlchemyError, CommandError, DatabaseProblem)
# Opening also meets a URL that does not parse (a ValueError from the URL or the driver).
OPEN_ERRORS: tuple[type[Exception], ...] = (*DATABASE_ERRORS, ValueError)
