"""Session ids: 14 lowercase hex chars that look random but are a keyed permutation of (block, index).

A Feistel network over 56 bits is a bijection, so ids are unique by construction (no collision
checks) and an id can be decoded back to its day block and index without any lookup table.
"""

from __future__ import annotations

import hashlib

import numpy as np

_HALF = 28
_MASK28 = (1 << _HALF) - 1
_ROUNDS = 6
_MUL = 0x9E3779B1
_INDEX_BITS = 24
_BLOCK_BIAS = 1 << 15
MAX_PER_BLOCK = 1 << _INDEX_BITS


def round_keys(seed: int) -> tuple[int, ...]:
    return tuple(
        int.from_bytes(hashlib.blake2b(f"qms-sim:{seed}:{r}".encode(), digest_size=4).digest()) & _MASK28
        for r in range(_ROUNDS)
    )


def _f_int(x: int, k: int) -> int:
    y = (x ^ k) * _MUL
    return (y ^ (y >> 28) ^ (y >> 41)) & _MASK28


def _f_np(x: np.ndarray, k: int) -> np.ndarray:
    # (x ^ k) < 2**28 and _MUL < 2**32, so the product fits in uint64 without wrapping.
    y = (x ^ np.uint64(k)) * np.uint64(_MUL)
    return (y ^ (y >> np.uint64(28)) ^ (y >> np.uint64(41))) & np.uint64(_MASK28)


def encode_many(keys: tuple[int, ...], block: int, count: int) -> np.ndarray:
    """The 56-bit id numbers of indexes 0..count-1 of `block` (uint64 array)."""
    u = (np.uint64(block + _BLOCK_BIAS) << np.uint64(_INDEX_BITS)) | np.arange(count, dtype=np.uint64)
    left, right = u >> np.uint64(_HALF), u & np.uint64(_MASK28)
    for k in keys:
        left, right = right, left ^ _f_np(right, k)
    return (left << np.uint64(_HALF)) | right


def decode(keys: tuple[int, ...], session_id: str) -> tuple[int, int] | None:
    """(block, index) of an id made by `encode_many`, or None when it cannot be one of ours."""
    if len(session_id) != 14:
        return None
    try:
        n = int(session_id, 16)
    except ValueError:
        return None
    left, right = n >> _HALF, n & _MASK28
    for k in reversed(keys):
        left, right = right ^ _f_int(left, k), left
    u = (left << _HALF) | right
    return (u >> _INDEX_BITS) - _BLOCK_BIAS, u & (MAX_PER_BLOCK - 1)


def format_ids(numbers: np.ndarray) -> list[str]:
    return [f"{n:014x}" for n in numbers.tolist()]
