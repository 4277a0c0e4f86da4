"""Fast construction of the frozen, slotted session dataclasses the normalizers build.

A sync normalizes hundreds of thousands of sessions; the dataclasses' own __init__ would cost more
than all the parsing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from qms_desktop.domain.sessions import MediaUrls, Participant, SessionRecord, Tag, Track

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_T = TypeVar("_T", bound="DataclassInstance")


def slot_builder(cls: type[_T]) -> Callable[..., _T]:
    """A keyword-only constructor for a frozen, slotted dataclass that fills the slots through
    their descriptors.

    Why: a frozen dataclass's __init__ routes every field through object.__setattr__, which on a
    24-field SessionRecord costs more than all the parsing; writing the slots directly is about 3x
    quicker and yields equal, equally hashable objects (a test checks). Classes with
    __post_init__ or without slots get their own constructor back, so model changes stay safe."""
    if hasattr(cls, "__post_init__") or "__slots__" not in cls.__dict__:
        return cls
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_MISSING": dataclasses.MISSING}
    params: list[str] = []
    body: list[str] = ["    o = _new(_cls)"]
    for f in dataclasses.fields(cls):
        name = f.name
        env[f"_set_{name}"] = cls.__dict__[name].__set__
        if f.default is not dataclasses.MISSING:
            env[f"_d_{name}"] = f.default
            params.append(f"{name}=_d_{name}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"_f_{name}"] = f.default_factory
            params.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING: {name} = _f_{name}()")
        else:
            params.append(name)
        body.append(f"    _set_{name}(o, {name})")
    src = f"def build(*, {', '.join(params)}):\n" + "\n".join(body) + "\n    return o\n"
    exec(src, env)  # our own generated source from the dataclass fields, nothing external
    build: Callable[..., _T] = env["build"]
    return build


new_record = slot_builder(SessionRecord)
new_track = slot_builder(Track)
new_participant = slot_builder(Participant)
new_tag = slot_builder(Tag)
new_urls = slot_builder(MediaUrls)
NO_URLS = MediaUrls()
