"""Masking of secrets in log text and structured values.

Two layers work together:

* patterns: `password=…` (to the end of the field), `"password": "…"`, `--password X` and
  `["--password", "X"]`, `<password>…</password>`, `Bearer …`, `JSESSIONID=…`,
  `Authorization: Basic …`, `Cookie: …`, `https://user:pass@host`; the key words include
  `passphrase` and the Ukrainian `пароль`. They catch secrets the app never told us about, but free
  text has no reliable end for a value, so they are a heuristic;
* a registry of known secret values (`register_secret`): every password the process learns (the
  MediaSense, PostgreSQL and OpenSearch passwords, local users' passwords as typed) is registered
  where it is read, and any occurrence of it is replaced wherever it appears. This is the guarantee.

A registered secret is also found encoded: JSON-escaped once or twice, as a Python `str` or `bytes`
repr, percent-encoded (either case of hex digit, any set of characters left unencoded, `+` for a
space), HTML-escaped (named, decimal or hex entities), in base64 alone or inside the base64 of
`user:secret` (the whole base64 token is masked), and split: broken by line breaks (a wrapped line,
folded base64, optionally indented) or across adjacent strings of a list (two log arguments kept
apart in `extra`).
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

MASK = "***"
# Registered values shorter than this would mask ordinary words and numbers all over the log.
MIN_SECRET_LENGTH = 4
# Nested structures deeper than this are cut off rather than walked (cycles, pathological payloads).
_MAX_DEPTH = 20

_KEY_WORDS = r"pass(?:word|wd|phrase)|pwd|secret|api[_-]?key|token|authorization|cookie|jsessionid|пароль"
SENSITIVE_KEY = re.compile(_KEY_WORDS, re.IGNORECASE)
# Command-line options whose next argument is a secret (not `--password-stdin`, `--password-file`).
_FLAG_WORDS = r"pass(?:word|wd|phrase)|pwd|secret|api[_-]?key|token"
# What ends an unquoted value: a line break, a separator, a quote or a bracket.
_STOP = r"\r\n&,;\"'<>()\[\]{}"

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
    # the match starts at the key word itself: a prefix (`db_password`) stays as it is anyway.
    # An unquoted value runs to the end of its field: spaces included, up to the next `name=`,
    # a separator or the end of the line (`password=a b c host=x` hides `a b c`).
    (?P<key>(?:"""
    + _KEY_WORDS
    + r""")[\w.\-]*["']?[ \t]*[:=][ \t]*)
        (?:
            (?P<q>["'])(?P<qval>(?:\\.|(?!(?P=q))[^\\])*)(?P=q)
          | (?P<val>[^\s"""
    + _STOP
    + r"""](?:[^"""
    + _STOP
    + r"""]*?[^\s"""
    + _STOP
    + r"""])??)
            (?=[ \t]+[\w.\-]+[ \t]*[=:]|[ \t]*(?:["""
    + _STOP
    + r"""]|$))
        )
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Rarer forms, each a pattern of its own that runs only when its marker is in the text: one
# pattern with every alternative costs each position of every message the sum of them all.
_XML_PATTERN = re.compile(  # <password>…</password>, <db:passphrase kind="x">…</db:passphrase>
    r"(?P<xopen><(?P<tag>[\w.\-]*:?[\w.\-]*?(?:" + _KEY_WORDS + r")[\w.\-]*)(?:\s[^<>]*)?>)"
    r"(?P<xval>[^<]*)(?P<xclose></(?P=tag)[ \t]*>)",
    re.IGNORECASE,
)
_FLAG_PATTERN = re.compile(  # command lines, as text or an argument list: --password X, ["--password", "X"]
    r"(?P<flag>-(?<![\w\-]-)-?[\w\-]*?(?:" + _FLAG_WORDS + r")(?![\w\-]))"
    r"(?P<fsep>[ \t]+|[\"']?[ \t]*,[ \t]*)"
    r"(?:(?P<fq>[\"'])(?P<fqval>(?:\\.|(?!(?P=fq))[^\\])*)(?P=fq)|(?P<fval>[^\s\"',\]\)]+))",
    re.IGNORECASE,
)
_BEARER_PATTERN = re.compile(r"(?P<bearer>(?<!\w)bearer[ \t]+)(?P<bval>[^\s\"'<>,;]+)", re.IGNORECASE)

# Every pattern above needs one of these (lower-cased) in the text; checking them with `in` first
# keeps the common case — a message with nothing to hide — about ten times cheaper than the regex.
_HINTS = ("pass", "pwd", "secret", "key", "token", "auth", "cookie", "jsession", "://", "bearer", "пароль")

# A line break inside a value, with the indentation of the next line (wrapped text, folded base64).
_FOLD = re.compile(r"\r?\n[ \t]*")
_BASE64_CHARS = "[A-Za-z0-9+/_\\-]"
# A percent-encoded, HTML-escaped or broken form needs one of these; a query string's bare `&`
# does not.
_ENCODING_HINTS = ("%", "+", "&#", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "\n")
_NAMED_ENTITIES = {"&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos"}


def _any_case_hex(number: int, width: int) -> str:
    return "".join(f"[{d.lower()}{d.upper()}]" if d.isalpha() else d for d in f"{number:0{width}X}")


def _char_pattern(char: str) -> str:
    """`char` as written, percent-encoded (its UTF-8 bytes, either case) or as an HTML entity."""
    forms = [re.escape(char), "".join("%" + _any_case_hex(b, 2) for b in char.encode())]
    forms.append(f"&#0*{ord(char)};")
    forms.append(f"&#[xX]0*{_any_case_hex(ord(char), 1)};")
    if char == " ":
        forms.append(r"\+")
    if char in _NAMED_ENTITIES:
        forms.append(f"&{_NAMED_ENTITIES[char]};")
    return "(?:" + "|".join(forms) + ")"


def _literal_forms(value: str) -> set[str]:
    """The exact forms: as is, JSON-escaped once and twice, the `str` and `bytes` reprs."""
    forms = {value}
    for first in (False, True):
        once = json.dumps(value, ensure_ascii=first)[1:-1]
        forms.update((once, once.replace("/", "\\/")))
        for second in (False, True):
            forms.add(json.dumps(once, ensure_ascii=second)[1:-1])
    # A repr escapes `'` only when the whole string holds both kinds of quote: both forms occur.
    text_repr = repr("'\"" + value)[4:-1]
    bytes_repr = repr(b"'\"" + value.encode())[5:-1]
    for escaped in (text_repr, bytes_repr):
        forms.update((escaped, escaped.replace("\\'", "'")))
    return {form for form in forms if len(form) >= MIN_SECRET_LENGTH}


def _base64_cores(value: str) -> set[str]:
    """The base64 characters that depend only on the secret, for each of the three alignments it can
    have inside a longer encoded string (`user:secret`), in both alphabets."""
    raw = value.encode()
    cores = set()
    for offset in range(3):
        padded = b"\0" * offset + raw
        start, end = -(-8 * offset // 6), 8 * (offset + len(raw)) // 6
        for encoded in (base64.b64encode(padded), base64.urlsafe_b64encode(padded)):
            cores.add(encoded.decode("ascii")[start:end])
    return {core for core in cores if len(core) >= MIN_SECRET_LENGTH}


# Patterns of registered secrets are compiled when first needed: compiling one takes milliseconds,
# and most never meet a text with `%`, `+`, an HTML entity or a line break.
_compiled = functools.lru_cache(maxsize=1024)(re.compile)


@dataclass(frozen=True, slots=True)
class _Known:
    literals: frozenset[str]
    base64: tuple[tuple[str, str], ...]  # (core, pattern of the whole base64 token around it)
    encoded: str  # pattern: percent-encoded / HTML-escaped / broken by line breaks


def _known(value: str) -> _Known:
    cores = sorted(_base64_cores(value), key=len, reverse=True)
    tokens = tuple((core, f"{_BASE64_CHARS}*{re.escape(core)}{_BASE64_CHARS}*=*") for core in cores)
    encoded = f"(?:{_FOLD.pattern})?".join(_char_pattern(c) for c in value)
    return _Known(frozenset(_literal_forms(value)), tokens, encoded)


@dataclass(frozen=True, slots=True)
class _Registry:
    literals: tuple[str, ...] = ()  # longest first: a secret containing another is replaced whole
    base64: tuple[tuple[str, str], ...] = ()
    encoded: tuple[str, ...] = ()

    @classmethod
    def of(cls, known: Iterable[_Known]) -> _Registry:
        items = list(known)
        literals = sorted({f for k in items for f in k.literals}, key=len, reverse=True)
        tokens = sorted({t for k in items for t in k.base64}, key=lambda t: len(t[0]), reverse=True)
        return cls(tuple(literals), tuple(tokens), tuple(k.encoded for k in items))


_registry_lock = threading.Lock()
# Copy-on-write: readers take the registry without locking.
_current = _Registry()
_registered: dict[str, _Known] = {}


def register_secret(value: str | None) -> None:
    """Mask every later occurrence of `value`, as is and in the encoded forms listed above. Short
    values (under 4 characters) and blank values are ignored."""
    global _current
    if not value or len(value) < MIN_SECRET_LENGTH or not value.strip():
        return
    if value in _registered:
        return
    known = _known(value)
    with _registry_lock:
        if value in _registered:
            return
        _registered[value] = known
        _current = _Registry.of(_registered.values())


def unregister_secret(value: str) -> None:
    """Forget a value registered before (a password that was changed)."""
    global _current
    with _registry_lock:
        if _registered.pop(value, None) is None:
            return
        _current = _Registry.of(_registered.values())


def _replace_known(text: str) -> str:
    registry = _current
    if not registry.literals:
        return text
    for secret in registry.literals:
        # Loop: a replacement can join its neighbours into a new occurrence ("**ab" in "**abab").
        # Each pass shortens the text (len(secret) >= 4 > len(MASK)), so this ends.
        while secret in text:
            text = text.replace(secret, MASK)
    for core, token in registry.base64:
        if core in text:
            text = _compiled(token).sub(MASK, text)
    if any(hint in text for hint in _ENCODING_HINTS):
        for pattern in registry.encoded:
            text = _compiled(pattern).sub(MASK, text)
    if "\n" in text:
        text = _replace_folded(text, registry)
    return text


def _replace_folded(text: str, registry: _Registry) -> str:
    """Mask the exact and base64 forms of secrets that a line break (and indentation) interrupts."""
    segments: list[str] = []
    folded_starts: list[int] = []  # where each segment starts in the folded text …
    original_starts: list[int] = []  # … and in `text`
    position = length = 0
    for match in _FOLD.finditer(text):
        segments.append(text[position : match.start()])
        folded_starts.append(length)
        original_starts.append(position)
        length += match.start() - position
        position = match.end()
    segments.append(text[position:])
    folded_starts.append(length)
    original_starts.append(position)
    folded = "".join(segments)

    def original(index: int) -> int:
        segment = bisect_right(folded_starts, index) - 1
        return original_starts[segment] + index - folded_starts[segment]

    spans: list[tuple[int, int]] = []
    for form in registry.literals:
        start = folded.find(form)
        while start != -1:
            spans.append((start, start + len(form)))
            start = folded.find(form, start + 1)
    for core, token in registry.base64:
        if core in folded:
            spans.extend(m.span() for m in _compiled(token).finditer(folded) if core in m.group())
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for start, end in sorted(spans):
        first, after = original(start), original(end - 1) + 1
        if first >= last:  # else it overlaps the previous span, whose mask now reaches further
            out += [text[last:first], MASK]
        last = max(last, after)
    out.append(text[last:])
    return "".join(out)


def _replace_match(m: re.Match[str]) -> str:
    if m.group("url") is not None:
        return m.group("url") + MASK
    if m.group("hdr") is not None:
        return m.group("hdr") + (m.group("scheme") or "") + MASK
    if m.group("q") is not None:
        return f"{m.group('key')}{m.group('q')}{MASK}{m.group('q')}"
    return m.group("key") + MASK


def _replace_xml(m: re.Match[str]) -> str:
    return m.group("xopen") + MASK + m.group("xclose")


def _replace_flag(m: re.Match[str]) -> str:
    quote = m.group("fq") or ""
    return f"{m.group('flag')}{m.group('fsep')}{quote}{MASK}{quote}"


def mask_text(text: str) -> str:
    """Return `text` with known secrets and secret-looking values replaced by `***`."""
    if not text:
        return text
    text = _replace_known(text)
    lowered = text.lower()
    if not any(hint in lowered for hint in _HINTS):
        return text
    text = _TEXT_PATTERN.sub(_replace_match, text)
    if "</" in text:
        text = _XML_PATTERN.sub(_replace_xml, text)
    if "-" in text:
        text = _FLAG_PATTERN.sub(_replace_flag, text)
    if "bearer" in lowered:
        text = _BEARER_PATTERN.sub(lambda m: m.group("bearer") + MASK, text)
    # Again, in case a pattern's `***` completed a registered value ("d=***").
    return _replace_known(text)


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
        if isinstance(value, list | tuple):
            _mask_split(items)
        return tuple(items) if isinstance(value, tuple) else items
    return mask_text(str(value))


def _mask_split(items: list[Any]) -> None:
    """Mask two adjacent strings that hold a registered secret only between them (in place)."""
    literals = _current.literals
    if not literals:
        return
    for i in range(len(items) - 1):
        first, second = items[i], items[i + 1]
        if isinstance(first, str) and isinstance(second, str) and first and second:
            joined = first + second
            if any(form in joined for form in literals):
                items[i] = items[i + 1] = MASK


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
