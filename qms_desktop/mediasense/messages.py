"""Messages that a person reads, with a stable code so a user interface can translate them.

A `Message` *is* the English text (a `str` subclass: printing, joining and JSON stay unchanged) and also
carries `code`, the English `template` it was formatted from and the `args` that filled it. The core
stays Qt-free and English; the desktop UI translates by code (qms_desktop/ui/core_messages.py) and falls
back to the English text for anything it does not know. Plain `str` operations (concatenation, f-strings,
`str.join`) return plain strings, so use `joined` to keep the pieces of a combined message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class Message(str):
    code: str
    template: str
    args: Mapping[str, Any]
    separator: str
    parts: tuple[str, ...]

    def __new__(cls, code: str, template: str, /, **args: Any) -> Message:
        self = super().__new__(cls, template.format(**args) if args else template)
        self.code = code
        self.template = template
        self.args = args
        self.separator = ""
        self.parts = ()
        return self

    @classmethod
    def joined(cls, separator: str, parts: Iterable[str]) -> Message:
        """`separator.join(parts)` that remembers its parts (each possibly a Message)."""
        items = tuple(parts)
        self = cls(JOINED, separator.join(items))
        self.separator = separator
        self.parts = items
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickle/deepcopy: __new__ needs the code and template
        return (_restore, (self.code, self.template, dict(self.args), self.separator, self.parts))


JOINED = "joined"


def _restore(code: str, template: str, args: dict[str, Any], separator: str, parts: tuple[str, ...]) -> Message:
    if code == JOINED:
        return Message.joined(separator, parts)
    return Message(code, template, **args)


def hint_of(error: Any) -> Message:
    """An error's hint; the code is `hint.<error class name>` (a UI checks the text is the class's own)."""
    return Message(f"hint.{type(error).__name__}", str(error.hint))


def code_of(text: object) -> str | None:
    return text.code if isinstance(text, Message) else None
