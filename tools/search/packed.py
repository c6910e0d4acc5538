"""Compact encodings of the browser index (devdocs/search-index.md, "Browser index files"): integers packed into
JSON strings, which a browser parses far faster than arrays of numbers and which take a third of the bytes.

A packed string is a run of base-45 varints over a 90-character alphabet of printable ASCII that needs no
escaping in JSON or JavaScript (no `"`, no `\\`) and cannot open a tag (no `<`): a digit d < 45 is written
ALPHABET[d] when it ends the number and ALPHABET[45 + d] when more digits follow (most significant first).
So 0…44 take one character, 45…2 024 two, and so on. `danvan-search-engine.js` (`unpack`) decodes the same.
"""
from __future__ import annotations

ALPHABET = "".join(chr(c) for c in range(0x23, 0x7F) if chr(c) not in "\\<")
BASE = 45
assert len(ALPHABET) == 2 * BASE
_INDEX = {c: i for i, c in enumerate(ALPHABET)}


def pack(values) -> str:
    """Non-negative integers -> a packed string."""
    out = []
    for v in values:
        v = int(v)
        if v < 0:
            raise ValueError(f"pack: số âm {v}")
        digits = [v % BASE]
        v //= BASE
        while v:
            digits.append(v % BASE)
            v //= BASE
        out += [ALPHABET[BASE + d] for d in reversed(digits[1:])]
        out.append(ALPHABET[digits[0]])
    return "".join(out)


def unpack(s: str) -> list[int]:
    """A packed string -> its integers."""
    out, v = [], 0
    for ch in s:
        i = _INDEX[ch]
        if i >= BASE:
            v = v * BASE + i - BASE
        else:
            out.append(v * BASE + i)
            v = 0
    if v:
        raise ValueError("unpack: chuỗi bị cắt giữa một số")
    return out


def pack_deltas(sorted_values) -> str:
    """Increasing integers as their differences (the first from 0)."""
    prev, out = 0, []
    for v in sorted_values:
        out.append(v - prev)
        prev = v
    return pack(out)


def unpack_deltas(s: str) -> list[int]:
    out, u = [], 0
    for d in unpack(s):
        u += d
        out.append(u)
    return out


def pack_postings(postings) -> str:
    """[(unit, tf×10), …] by increasing unit -> Δunit, tf×10, Δunit, tf×10, … packed."""
    flat, prev = [], 0
    for u, tf in postings:
        flat += [u - prev, tf]
        prev = u
    return pack(flat)


def unpack_postings(s: str) -> list[tuple[int, int]]:
    flat, out, u = unpack(s), [], 0
    for i in range(0, len(flat), 2):
        u += flat[i]
        out.append((u, flat[i + 1]))
    return out


def runs(counts) -> list[int]:
    """Run lengths [3, 2] -> owner of each position [0, 0, 0, 1, 1]."""
    return [k for k, n in enumerate(counts) for _ in range(n)]
