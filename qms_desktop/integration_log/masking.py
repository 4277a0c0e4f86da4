"""Masking of secrets in log text and structured values.

Two layers work together:

* patterns: `password=…`, `"password": "…"`, `JSESSIONID=…`, `Authorization: Basic …`, `Cookie: …`,
  `https://user:pass@host`. They catch secrets the app never told us about, but free text has no
  reliable end for a value, so they are a heuristic;
* a registry of known secret values (`register_secret`): the client registers the configured password
  at start, and any occurrence of it is replaced wherever it appears. This is the guarantee.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, quote_plus

MASK = "***"
# Registered values shorter than this would mask ordinary words and numbers all over the log.
MIN_SECRET_LENGTH = 4
# Nested structures deeper than this are cut off rather than walked (cycles, pathological payloads).
_MAX_DEPTH = 20

_KEY_WORDS = r"pass(?:word|wd)|pwd|secret|api[_-]?key|token|authorization|cookie|jsessionid"
SENSITIVE_KEY = re.compile(_KEY_WORDS, re.IGNORECASE)

_TEXT_PATTERN = re.compile(
    r"""
    # https://user:pass@host -> keep the user, hide the password
    (?P<url>\b[a-z][a-z0-9+.\-]*://[^\s:/?#@]*:)(?P<urlpw>[^\s/?#]*)(?=@)
    |
    # header lines: the value runs to the end of the line (cookies hold several pairs; Digest has
    # several parameters); the scheme word of Authorization stays visible for diagnostics
    (?P<hdr>\b(?:proxy-)?(?:authorization|set-cookie|cookie)["']?[ \t]*[:=][ \t]*)
        (?P<scheme>(?:basic|bearer|digest|negotiate|ntlm|token)[ \t]+)?
        (?P<hval>[^\s"'][^\r\n"']*)
    |
    # key = value / key: value / "key": "value" (JSON, Python reprs, query strings, free text);
    # the match starts at the key word itself: a prefix (`db_password`) stays as it is anyway

    (?P<key>(?:"""
    + _KEY_WORDS
    + r""")[\w.\-]*["']?[ \t]*[:=][ \t]*)
        (?:
            (?P<q>["'])(?P<qval>(?:\\.|(?!(?P=q))[^\\])*)(?P=q)
          | (?P<val>[^\s&,;"'<>()\[\]{}]+)
        )
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Every pattern above needs one of these (lower-cased) in the text; checking them with `in` first
# keeps the common case — a message with nothing to hide — about ten times cheaper than the regex.
_HINTS = ("pass", "pwd", "secret", "key", "token", "auth", "cookie", "jsession", "://")

_registry_lock = threading.Lock()
# Copy-on-write: readers take the tuple without locking; longest first so that a secret containing
# another registered secret is replaced whole.
_secrets: tuple[str, ...] = ()
_registered: dict[str, tuple[str, ...]] = {}


def _variants(value: str) -> tuple[str, ...]:
    """The forms a secret takes once it has been escaped or encoded on its way into a message."""
    forms = {
        value,
        json.dumps(value, ensure_ascii=False)[1:-1],
        json.dumps(value)[1:-1],
        repr(value)[1:-1],
        quote(value, safe=""),
        quote_plus(value, safe=""),
    }
    return tuple(f for f in forms if len(f) >= MIN_SECRET_LENGTH)


def register_secret(value: str | None) -> None:
    """Mask every later occurrence of `value` (and its JSON/repr/URL-escaped forms). Short values
    (under 4 characters) and blank values are ignored."""
    global _secrets
    if not value or len(value) < MIN_SECRET_LENGTH or not value.strip():
        return
    with _registry_lock:
        if value in _registered:
            return
        _registered[value] = _variants(value)
        _secrets = tuple(sorted({f for fs in _registered.values() for f in fs}, key=len, reverse=True))


def unregister_secret(value: str) -> None:
    """Forget a value registered before (a password that was changed)."""
    global _secrets
    with _registry_lock:
        if _registered.pop(value, None) is None:
            return
        _secrets = tuple(sorted({f for fs in _registered.values() for f in fs}, key=len, reverse=True))


def _replace_known(text: str) -> str:
    for secret in _secrets:
        # Loop: a replacement can join its neighbours into a new occurrence ("**ab" in "**abab").
        # Each pass shortens the text (len(secret) >= 4 > len(MASK)), so this ends.
        while secret in text:
            text = text.replace(secret, MASK)
    return text


def _replace_match(m: re.Match[str]) -> str:
    if m.group("url") is not None:
        return m.group("url") + MASK
    if m.group("hdr") is not None:
        return m.group("hdr") + (m.group("scheme") or "") + MASK
    if m.group("q") is not None:
        return f"{m.group('key')}{m.group('q')}{MASK}{m.group('q')}"
    return m.group("key") + MASK


def mask_text(text: str) -> str:
    """Return `text` with known secrets and secret-looking values replaced by `***`."""
    if not text:
        return text
    text = _replace_known(text)
    lowered = text.lower()
    if not any(hint in lowered for hint in _HINTS):
        return text
    text = _TEXT_PATTERN.sub(_replace_match, text)
    # Again, in case a pattern's `***` completed a registered value ("d=***").
    return _replace_known(text) if _secrets else text


def is_sensitive_key(key: object) -> bool:
    if isinstance(key, bytes):  # raw header lists (httpx) carry bytes names
        key = key.decode("latin-1")
    return isinstance(key, str) and _sensitive_name(key)


@functools.lru_cache(maxsize=4096)  # the same few extra/header names come by again and again
def _sensitive_name(key: str) -> bool:
    return SENSITIVE_KEY.search(key) is not None


def _mask_leaf_for_key(value: Any) -> Any:
    # None and "" stay visible: "no password configured" is useful to diagnose and reveals nothing.
    return value if value is None or value == "" else MASK


def mask_value(value: Any, _depth: int = 0) -> Any:
    """Return a masked copy of `value`.

    Strings are masked as text; under keys that look sensitive (password, token, cookie, …) the
    whole value becomes `***`; `(name, value)` pairs such as raw header lists are treated like
    mapping items. Containers are rebuilt (tuples stay tuples), numbers, booleans and None are
    kept, anything else is replaced by its masked `str()`.
    """
    if isinstance(value, str):
        return mask_text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if _depth >= _MAX_DEPTH:
        return "…"
    if isinstance(value, bytes | bytearray):
        return mask_text(bytes(value).decode("utf-8", "replace"))
    if isinstance(value, Mapping):
        return {
            k: _mask_leaf_for_key(v) if is_sensitive_key(k) else mask_value(v, _depth + 1) for k, v in value.items()
        }
    if isinstance(value, list | tuple | set | frozenset):
        items = [_mask_item(item, _depth + 1) for item in value]
        return tuple(items) if isinstance(value, tuple) else items
    return mask_text(str(value))


def _mask_item(item: Any, depth: int) -> Any:
    if isinstance(item, tuple) and len(item) == 2 and is_sensitive_key(item[0]):
        return (item[0], _mask_leaf_for_key(item[1]))
    return mask_value(item, depth)


# Attributes every LogRecord has; anything else on a record came from `extra=`.
_RECORD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
_MASKED_FLAG = "_qms_masked"
# The masked extras, kept on the record so the handler need not collect them again.
MASKED_EXTRAS = "_qms_extras"
_exception_formatter = logging.Formatter()


def record_extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in record.__dict__.items() if k not in _RECORD_ATTRS and not k.startswith("_")}


def mask_record(record: logging.LogRecord) -> logging.LogRecord:
    """Mask a record in place, once: the message (args merged in, so a formatter cannot re-insert
    them), structured extras, the exception and the stack. The exception object is dropped after
    its traceback text is masked: any formatter (ours, a console's, pytest's) then prints the
    masked `exc_text` and can never call `formatException` on the original."""
    if getattr(record, _MASKED_FLAG, False):
        return record
    try:
        message = record.getMessage()
    except Exception:  # bad %-args: keep both parts for diagnosis rather than lose the record
        message = f"{record.msg!r} % {record.args!r}"
    record.msg = mask_text(message)
    record.args = None
    if "message" in record.__dict__:  # a formatter ran before us
        record.message = record.msg
    if record.exc_info:
        if not record.exc_text:
            record.exc_text = _exception_formatter.formatException(record.exc_info)
        record.exc_info = None
    if record.exc_text:
        record.exc_text = mask_text(record.exc_text)
    if record.stack_info:
        record.stack_info = mask_text(record.stack_info)
    extras = {}
    for key, value in record_extras(record).items():
        extras[key] = _mask_leaf_for_key(value) if is_sensitive_key(key) else mask_value(value)
        setattr(record, key, extras[key])
    setattr(record, MASKED_EXTRAS, extras)
    setattr(record, _MASKED_FLAG, True)
    return record


class MaskingFilter(logging.Filter):
    """Masks every record it sees and lets it through. The integration log puts one on its handler
    (which sees the records of all `qms.*` loggers) and on the `qms` logger; add it to any other
    handler attached below `qms` so that it never sees an unmasked record."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask_record(record)
        return True
