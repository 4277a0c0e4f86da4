"""Coded core messages behave as the plain English strings they are."""

from __future__ import annotations

import copy
import json
import pickle

from qms_desktop.mediasense.diagnostics import validate_urls
from qms_desktop.mediasense.errors import AuthenticationFailed
from qms_desktop.mediasense.messages import Message, code_of, hint_of


def test_a_message_is_its_english_text_with_a_code() -> None:
    message = Message("url.no_host", "{url!r} has no host name", url="https://")
    assert message == "'https://' has no host name"
    assert (message.code, message.args) == ("url.no_host", {"url": "https://"})
    assert json.dumps([message]) == json.dumps(["'https://' has no host name"])
    for clone in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert clone == message and clone.code == message.code and clone.args == message.args


def test_joined_keeps_its_parts_and_hints_carry_the_error_class() -> None:
    problems, advice = validate_urls(("ftp://a", "http://b"))
    assert [code_of(p) for p in problems] == ["url.scheme"]
    assert [code_of(a) for a in advice] == ["url.plain_http", "url.no_port"]
    joined = Message.joined("; ", advice)
    assert joined == "; ".join(advice) and joined.parts == tuple(advice)
    assert pickle.loads(pickle.dumps(joined)).parts == tuple(advice)
    hint = hint_of(AuthenticationFailed("no"))
    assert hint == AuthenticationFailed.hint and hint.code == "hint.AuthenticationFailed"
    assert code_of("plain") is None
