"""The small subset of CBOR (RFC 8949) that Pagefind's index files use.

Pagefind stores its metadata and filter files as gzip-compressed CBOR. We decode and re-encode
them only to put their entries into a stable order (see canonical.py); a general CBOR library
would be a dependency for forty lines of code.
"""

from __future__ import annotations

import struct
from typing import Any

_UINT, _NEGINT, _BYTES, _TEXT, _ARRAY, _MAP, _SIMPLE = 0, 1, 2, 3, 4, 5, 7


class CborError(ValueError):
    """Bytes that are not in the subset of CBOR this module reads."""


def decode(data: bytes) -> Any:
    value, end = _decode(data, 0)
    if end != len(data):
        raise CborError(f"{len(data) - end} trailing bytes")
    return value


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 0x1F
    if major == _SIMPLE:
        return _decode_simple(data, at, info)
    length, at = _argument(data, at + 1, info)
    if major == _UINT:
        return length, at
    if major == _NEGINT:
        return -1 - length, at
    if major in (_BYTES, _TEXT):
        chunk = data[at : at + length]
        return (chunk.decode("utf-8") if major == _TEXT else bytes(chunk)), at + length
    if major == _ARRAY:
        items = []
        for _ in range(length):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == _MAP:
        pairs = []
        for _ in range(length):
            key, at = _decode(data, at)
            value, at = _decode(data, at)
            pairs.append((key, value))
        return CborMap(pairs), at
    raise CborError(f"unsupported CBOR major type {major}")


def _argument(data: bytes, at: int, info: int) -> tuple[int, int]:
    if info < 24:
        return info, at
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise CborError("indefinite lengths are not supported")
    return int.from_bytes(data[at : at + size], "big"), at + size


def _decode_simple(data: bytes, at: int, info: int) -> tuple[Any, int]:
    simple = {20: False, 21: True, 22: None}
    if info in simple:
        return simple[info], at + 1
    if info == 27:
        return struct.unpack(">d", data[at + 1 : at + 9])[0], at + 9
    raise CborError(f"unsupported CBOR simple value {info}")


class CborMap(list[tuple[Any, Any]]):
    """A CBOR map kept as its ordered pairs, so re-encoding keeps the original order."""


def encode(value: Any) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 + [False, True, None].index(value)])
    if isinstance(value, int):
        return _head(_UINT, value) if value >= 0 else _head(_NEGINT, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(_TEXT, len(raw)) + raw
    if isinstance(value, bytes):
        return _head(_BYTES, len(value)) + value
    if isinstance(value, CborMap):
        return _head(_MAP, len(value)) + b"".join(encode(k) + encode(v) for k, v in value)
    if isinstance(value, list):
        return _head(_ARRAY, len(value)) + b"".join(encode(v) for v in value)
    raise CborError(f"cannot encode {type(value).__name__}")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise CborError("integer too large")
