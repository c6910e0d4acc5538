"""The link stage in the JSON export: per document `relations` and `cited_by`, per node and preamble item
`references` (character spans into the node's own text). (`alignment` of articles: danvan.align.export.)"""
from __future__ import annotations

from . import Links, Reference


def reference_dict(r: Reference) -> dict:
    c = r.citation
    out = {"start": c.start, "end": c.end, "text": c.text, "kind": c.kind, "field": r.place.field,
           "type": r.relation if not r.internal else "nội bộ", "target": r.target, "doc_id": r.doc_id,
           "anchor": r.anchor}
    if c.number:
        out["number"] = c.number
    if c.name:
        out["name"] = c.name
    if c.provision:
        out["provision"] = dict(c.provision)
    for f in ("date", "issuer", "term"):
        if getattr(c, f):
            out[f] = getattr(c, f)
    return out


def relation_dicts(doc_id: str, links: Links) -> list[dict]:
    """One object per citing place of another document: type, number (normalized) or name, target (registry
    key), doc_id when the cited document is in the corpus, anchor of the citing node (null for the title)."""
    out = []
    for r in links.references.get(doc_id, []):
        if r.internal or not r.target:
            continue
        c = r.citation
        d = {"type": r.relation, "target": r.target, "anchor": r.place.anchor, "field": r.place.field}
        if c.number:
            d["number"] = c.number
        else:
            d["name"] = c.name
        if r.doc_id:
            d["doc_id"] = r.doc_id
            if r.anchor:
                d["target_anchor"] = r.anchor
        out.append(d)
    return out


def add_links(data: dict, doc, links: Links) -> dict:
    """Adds the link stage's fields to a document's JSON (to_dict(doc)), in place; returns it."""
    data["relations"] = relation_dicts(doc.id, links)
    incoming = []
    for r in links.incoming.get(doc.id, []):
        if r.place.doc_id != doc.id and r.relation:
            incoming.append({"type": r.relation, "doc_id": r.place.doc_id, "anchor": r.place.anchor,
                             "target_anchor": r.anchor})
    data["cited_by"] = incoming

    def nodes(objs: list, dicts: list):
        for n, d in zip(objs, dicts):
            refs = links.by_text.get((id(n), "text", 0), []) + links.by_text.get((id(n), "title", 0), [])
            d["references"] = [reference_dict(r) for r in refs]
            nodes(n.children, d.get("children", []))

    nodes(doc.body, data.get("body", []))
    for a, ad in zip(doc.annexes, data.get("annexes", [])):
        nodes(a.body, ad.get("body", []))
    for items, dicts in [(doc.preamble, data.get("preamble", []))] + \
            [(a.preamble, ad.get("preamble", [])) for a, ad in zip(doc.annexes, data.get("annexes", []))]:
        for p, pd in zip(items, dicts):
            pd["references"] = [reference_dict(r) for r in links.by_text.get((id(p), "preamble", 0), [])]
    return data
