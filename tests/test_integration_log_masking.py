"""Property: a secret logged in any of the usual ways never reaches the file, the ring buffer,
query() results or a formatted exception.

Two properties: registered secrets (the client registers the configured password) of any printable
text, and unregistered token-like secrets that only the patterns can catch.
"""

from __future__ import annotations

import json
import logging
import string
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from qms_desktop.integration_log import (
    FILE_NAME,
    MASK,
    IntegrationLog,
    register_secret,
    setup_integration_log,
    shutdown_integration_log,
    unregister_secret,
)

log = logging.getLogger("qms.auth")
http = logging.getLogger("qms.http.client")  # a grandchild: masked by the handler's filter too


class _Keep(logging.Handler):
    """A handler added after the integration log's, like a console or Sentry handler would be."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Harness:
    log: IntegrationLog
    keep: _Keep
    offset: int = 0
    last_seq: int = 0
    checked: list[int] = field(default_factory=list)

    def new_texts(self) -> list[str]:
        """Every text value recorded since the previous call: decoded file entries, buffer entries,
        query results and what a later handler formats. Values, not JSON keys or syntax: those are
        fixed by the code, and Hypothesis, which also tries the test's own string constants, would
        otherwise "find" `messag` in `"message":`."""
        texts: list[str] = []
        with open(self.log.log_dir / FILE_NAME, "rb") as f:
            f.seek(self.offset)
            raw = f.read()
            self.offset += len(raw)
        lines = raw.splitlines()
        for line in lines:
            data = json.loads(line)
            texts += [data["message"], data["exc"] or "", *leaves(data["extra"])]
        new_buffer = [e for e in self.log.entries() if e.seq > self.last_seq]
        new_query = [e for e in self.log.query(limit=50).entries if e.seq > self.last_seq]
        assert len(new_buffer) == len(new_query) == len(lines) > 0
        for entry in new_buffer + new_query:
            texts += [entry.message, entry.exc or "", *leaves(entry.extra)]
        formatter = logging.Formatter("%(message)s")
        for record in self.keep.records:
            texts.append(formatter.format(record))
            texts += leaves(getattr(record, "password", None))
            if record.exc_info:  # must have been consumed by the masking
                texts.append(formatter.formatException(record.exc_info))
        self.keep.records.clear()
        self.last_seq = max(e.seq for e in new_buffer)
        self.checked.append(len(new_buffer))
        return texts


def leaves(value: object) -> list[str]:
    if isinstance(value, dict):
        return [text for v in value.values() for text in leaves(v)]
    if isinstance(value, list | tuple):
        return [text for v in value for text in leaves(v)]
    return [value] if isinstance(value, str) else []


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    directory = tmp_path_factory.mktemp("masking") / "logs"
    # One instance for all examples; big enough never to rotate, so new lines are at the end.
    integration = setup_integration_log(directory, level="DEBUG", buffer_size=200, max_bytes=1 << 30)
    keep = _Keep()
    logging.getLogger("qms").addHandler(keep)
    try:
        yield Harness(integration, keep)
    finally:
        logging.getLogger("qms").removeHandler(keep)
        shutdown_integration_log()


def log_everywhere(secret: str) -> None:
    """The ways a secret tends to slip into a log."""
    log.info("login user=%s password=%s", "admin", secret)
    log.debug("config", extra={"password": secret, "apiSecret": secret, "nested": {"apiKey": [secret]}})
    http.info(
        "request %s",
        f"https://admin:{secret}@mediasense.local:8440/ora/authenticationService/authentication/signIn",
        extra={"headers": {"Authorization": f"Basic {secret}", "Cookie": f"JSESSIONID={secret}"}},
    )
    http.debug("Authorization: Bearer %s\nAccept: application/json", secret)
    http.info("Set-Cookie: JSESSIONID=%s; Path=/; Secure", secret)
    http.info("JSESSIONID: %s", secret)
    http.info("payload %s", json.dumps({"username": "admin", "password": secret}))
    http.info("payload %r", {"username": "admin", "password": secret})
    try:
        try:
            raise ConnectionError(f"password={secret} rejected")
        except ConnectionError as inner:
            raise RuntimeError(f"sign-in with password={secret} failed") from inner
    except RuntimeError:
        http.exception("sign-in failed for token=%s", secret)
    http.error("failed", exc_info=ValueError(f"token={secret}"))


def assert_hidden(harness: Harness, secret: str) -> None:
    for text in harness.new_texts():
        assert secret not in text


printable_secrets = st.text(
    st.one_of(st.sampled_from(string.printable), st.characters(exclude_categories=("C", "Z"))),
    min_size=6,
    max_size=40,
).filter(lambda s: s.strip() != "")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(secret=printable_secrets)
def test_registered_secrets_never_leak(harness: Harness, secret: str) -> None:
    register_secret(secret)
    try:
        log_everywhere(secret)
        # Also where no pattern could know it is a secret.
        http.info("opaque %s and %r", secret, secret, extra={"note": f"x{secret}y", "list": [secret]})
        try:
            raise KeyError(secret)
        except KeyError:
            http.exception("lookup of %s failed", secret)
        assert_hidden(harness, secret)
    finally:
        unregister_secret(secret)


# Token-like: what passwords, session ids and API keys usually look like, without the characters
# that end a value in free text (spaces, quotes, & , ; brackets).
token_secrets = st.text(string.ascii_letters + string.digits + "!$%*+-._~^|:=@", min_size=6, max_size=40).filter(
    lambda s: MASK not in s
)


@pytest.fixture(scope="module")
def fixed_text(harness: Harness) -> str:
    """The text the logging calls produce around the secret (templates, tracebacks, paths)."""
    log_everywhere("\x01")
    return "\x00".join(t.replace(MASK, "\x00") for t in harness.new_texts())


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(secret=token_secrets)
def test_unregistered_secrets_are_caught_by_the_patterns(harness: Harness, fixed_text: str, secret: str) -> None:
    # Without the registry only the patterns protect; a "secret" that is part of the surrounding
    # text (say `mediasense`) cannot be told apart from it.
    assume(secret not in fixed_text)
    log_everywhere(secret)
    for text in harness.new_texts():
        # A mask next to fixed text can look like a secret made of `*` (`word=***`): not a leak.
        assert secret not in text.replace(MASK, "\x00")


def test_properties_checked_many_entries(harness: Harness) -> None:
    # Guards against a vacuous pass (nothing logged, nothing checked).
    assert len(harness.checked) >= 1500 and min(harness.checked) >= 10
