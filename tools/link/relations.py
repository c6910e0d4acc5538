"""Relations: the type of a document citation from its context (the third stage of the link pipeline).

Preamble lines are typed by their kind (basis -> căn cứ, implementing -> thực hiện) for the first citation of
each part between semicolons and the citations listed with it. Elsewhere a trigger word types the first
citation after it in the same clause ("thay thế Quy chế … kèm theo Quyết định số 2898-QĐ/TU"). Anything else
is a dẫn chiếu. Internal references (a provision of the same text) have no relation.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Citation
from .patterns import data

PREAMBLE_TYPES = {"basis": "căn cứ", "implementing": "thực hiện"}
DEFAULT = "dẫn chiếu"
MAX_GAP = 240
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")


@lru_cache(maxsize=1)
def _triggers() -> list[tuple[re.Pattern, str]]:
    out = []
    for item in data()["relation_triggers"]["items"]:
        for w in sorted(item["words"], key=len, reverse=True):
            # a word written in lower case also opens a sentence ("Bãi bỏ …"); one written with its capital
            # ("Thực hiện", "Căn cứ") only counts there
            head = f"[{w[0]}{w[0].upper()}]" if w[0].islower() else re.escape(w[0])
            body = re.escape(w[1:]).replace(r"\ ", r"\s+")
            out.append((re.compile(r"(?<![\wđ])" + head + body + r"(?![\wđ])"), item["type"]))
    return out


def inverse(rel_type: str) -> str:
    """'thay thế' -> 'bị thay thế bởi'."""
    return data()["relation_triggers"]["inverse"].get(rel_type, "được dẫn chiếu tại")


def _heads(text: str, cits: list[tuple[int, Citation]]) -> set[int]:
    """Indexes of the first citation of each part between semicolons, with the citations listed with it."""
    heads: set[int] = set()
    seg_start = 0
    bounds = [m.start() for m in re.finditer(";", text)] + [len(text)]
    for b in bounds:
        inside = [(k, c) for k, c in cits if seg_start <= c.start < b]
        if inside:
            k0, c0 = inside[0]
            heads.add(k0)
            for k, c in inside[1:]:
                if c.list_of is not None and (c.list_of == k0 or c.list_of in heads):
                    heads.add(k)
        seg_start = b + 1
    return heads


def relation_types(text: str, cits: list[Citation], preamble_kind: str | None = None) -> list[str | None]:
    """The relation type of each citation of a text (None for citations of the text itself)."""
    types: list[str | None] = [None if c.kind == "self" or (c.kind == "provision" and not (c.number or c.name))
                               else DEFAULT for c in cits]
    outward = [(k, c) for k, c in enumerate(cits) if types[k] is not None]
    if preamble_kind in PREAMBLE_TYPES:
        for k in _heads(text, outward):
            types[k] = PREAMBLE_TYPES[preamble_kind]
        return types
    for rx, rel in _triggers():
        for m in rx.finditer(text):
            nxt = next(((k, c) for k, c in outward if c.start >= m.end()), None)
            if nxt is None:
                continue
            k0, c0 = nxt
            gap = text[m.end():c0.start]
            if len(gap) > MAX_GAP or _CLAUSE_END.search(gap) or types[k0] != DEFAULT:
                continue
            types[k0] = rel
            for k, c in outward:
                if c.list_of is not None and c.list_of == (c0.list_of if c0.list_of is not None else k0):
                    types[k] = rel if types[k] == DEFAULT else types[k]
    return types
