"""The index's binary encoding (docs/search-index.md): unsigned LEB128 varints, and strings as
a varint byte length and UTF-8 bytes, in gzipped files. Decoding is here too, for reusing an
earlier build's blocks without rebuilding them."""

from __future__ import annotations

import gzip
from collections.abc import Iterable


def packed(data: bytes | bytearray) -> bytes:
    """A file as written: gzip at mtime 0, so the same content gives the same bytes. Postings
    and facets shrink about three- to fourfold, which is most of what a query transfers."""
    return gzip.compress(bytes(data), compresslevel=9, mtime=0)


def unpacked(data: bytes) -> bytes:
    return gzip.decompress(data)


def put_varint(out: bytearray, value: int) -> None:
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def put_string(out: bytearray, text: str) -> None:
    data = text.encode("utf-8")
    put_varint(out, len(data))
    out += data


def put_deltas(out: bytearray, pairs: Iterable[tuple[int, int]]) -> None:
    """(ascending number, value) pairs as (difference from the previous number, value)."""
    previous = 0
    for number, value in pairs:
        put_varint(out, number - previous)
        put_varint(out, value)
        previous = number


def put_ascending(out: bytearray, numbers: Iterable[int]) -> None:
    """Ascending numbers as differences from the previous one (the first from 0)."""
    previous = 0
    for number in numbers:
        put_varint(out, number - previous)
        previous = number


class Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.position = 0

    def at_end(self) -> bool:
        return self.position >= len(self.data)

    def varint(self) -> int:
        value = shift = 0
        while True:
            byte = self.data[self.position]
            self.position += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value
            shift += 7

    def string(self) -> str:
        length = self.varint()
        start = self.position
        self.position += length
        return self.data[start : self.position].decode("utf-8")
