"""The alignment in the JSON export: every article of an aligned provincial text gets
    "alignment": {"doc_id": central doc id, "anchor": central article anchor, "class": "giu-nguyen"|"dieu-chinh",
                  "similarity": combined score, "moved": bool}
or null when it has no central counterpart (bổ sung). Articles of texts that implement no central text of the
corpus get no key. When a text implements several central texts, an article takes its best-scoring counterpart.
"""
from __future__ import annotations

from .model import Alignments


def article_alignments(alignments: Alignments, doc_id: str) -> dict[str, dict | None]:
    """{provincial article anchor: alignment object or None} for one document."""
    out: dict[str, dict | None] = {}
    best: dict[str, float] = {}
    for a in alignments.for_provincial(doc_id):
        for p in a.pairs:
            if p.provincial is None or not p.provincial.anchor:
                continue
            key = p.provincial.anchor
            if p.central is None:
                out.setdefault(key, None)
                continue
            if key not in best or p.score > best[key]:
                best[key] = p.score
                out[key] = {"doc_id": a.central_id, "anchor": p.central.anchor, "class": p.cls,
                            "similarity": p.score, "moved": p.moved}
    return out


def add_alignment(data: dict, alignments: Alignments) -> dict:
    """Add the `alignment` key to the article nodes of one exported document (to_dict output), in place."""
    found = article_alignments(alignments, data.get("id", ""))
    if not found:
        return data

    def walk(nodes: list) -> None:
        for n in nodes:
            if n.get("kind") == "article" and n.get("anchor") in found:
                n["alignment"] = found[n["anchor"]]
            walk(n.get("children", []))

    walk(data.get("body", []))
    for annex in data.get("annexes", []):
        walk(annex.get("body", []))
    return data
