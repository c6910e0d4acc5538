"""Resolve: citations -> targets, with scope (the second stage of the link pipeline).

Registry keys are made like document ids (danvan.corpus.document_id): the normalized number as a slug, its year
when the number does not carry one, and for a number of a local body the locality of the CITING document
('dong-nai-31-kh-tu-2021': Đồng Nai's 31-KH/TU is not Bình Thuận's). So a cited document that is in the corpus
has the key of its own id's form, and the key of a cited document is the same wherever it is cited. A number
cited without a date takes the year of the other citations of the same number in the same scope when they
agree on one. Provisions resolve to anchors with ids.anchor_for_citation, inside the annex they are written in
(or name), falling back to the nearest enclosing provision that exists.
"""
from __future__ import annotations

from collections import defaultdict

from .. import ids
from ..model import Document
from .model import Citation, Place, Reference
from .patterns import normalize_number, scope_of_number


def _loc_prefix(scope: str, doc: Document) -> str:
    if scope == "national":
        return ""
    return ids.slugify(doc.locality or "") or f"{doc.id}"


def _base(c: Citation) -> str | None:
    if c.number:
        return ids.slugify(c.number)
    if c.name:
        return ids.slugify(c.name)
    return None


def make_key(base: str, year: str | None, prefix: str) -> str:
    key = f"{base}-{year}" if year and year not in base else base
    return f"{prefix}-{key}" if prefix else key


def doc_scope(doc: Document) -> str:
    if doc.level == "central":
        return "national"
    if doc.number:
        return scope_of_number(normalize_number(doc.number))
    return "local" if doc.level in ("province", "district", "commune") else "national"


class CorpusIndex:
    """Corpus documents by registry key, by (scope prefix, number) and by name."""

    def __init__(self, docs: list[Document]):
        self.by_key: dict[str, Document] = {}
        self.loose: dict[tuple[str, str], list[Document]] = defaultdict(list)
        self.by_name: dict[str, Document] = {}
        self.key_of: dict[str, str] = {}
        self.anchors: dict[str, set[str]] = {}
        for d in docs:
            self.anchors[d.id] = {n.anchor for n in d.all_nodes() if n.anchor} | {a.anchor for a in d.annexes}
            if d.number:
                base = ids.slugify(normalize_number(d.number))
                prefix = _loc_prefix(doc_scope(d), d)
                key = make_key(base, d.date[:4] if d.date else None, prefix)
                self.by_key.setdefault(key, d)
                self.loose[(prefix, base)].append(d)
            else:
                key = d.id
            self.key_of[d.id] = key
            for name in (d.title, f"{d.type or ''} {d.title}"):
                if name:
                    self.by_name.setdefault(ids.slugify(name, 200), d)


def resolve(cites: list[tuple[Place, Citation]], docs: dict[str, Document], index: CorpusIndex) -> list[Reference]:
    """One Reference per citation, in the order given."""
    # years known per (scope prefix, number or name): an undated citation takes the only one
    years: dict[tuple[str, str], set[str]] = defaultdict(set)
    for place, c in cites:
        base = _base(c)
        if base and c.year:
            years[(_loc_prefix(c.scope or "national", docs[place.doc_id]), base)].add(c.year)
    for (prefix, base), ds in index.loose.items():
        for d in ds:
            if d.date:
                years[(prefix, base)].add(d.date[:4])
    return [_one(place, c, docs, index, years) for place, c in cites]


def _one(place: Place, c: Citation, docs: dict[str, Document], index: CorpusIndex, years) -> Reference:
    doc = docs[place.doc_id]
    ref = Reference(citation=c, place=place)
    base = _base(c)
    if base is None and (place.quoted is not None or doc.genre == "page"):
        # inside a quotation (or on a web page that quotes laws), "Điều này", "khoản 2", "Luật này" are the
        # quoted text's own provisions, never the citing document's: the quoted law when the page names it
        if place.quoted:
            c.name = place.quoted
            ref.target = ids.slugify(place.quoted)
        return ref
    if base is None:                                    # "Quy chế này", "khoản 2 Điều 4", "Điều này"
        ref.internal = True
        ref.doc_id = doc.id
        ref.target = index.key_of.get(doc.id, doc.id)
        prefix = _part(doc, place, c)
        if c.kind == "self":
            ref.anchor = prefix or None
        else:
            _provision_anchor(ref, doc, index, prefix, place, c)
        return ref
    prefix = _loc_prefix(c.scope or "national", doc)
    year = c.year
    if not year:
        known = years.get((prefix, base), set())
        year = next(iter(known)) if len(known) == 1 else None
    ref.target = make_key(base, year, prefix)
    target = index.by_key.get(ref.target)
    if target is None and c.number:
        cands = [d for d in index.loose.get((prefix, base), []) if not year or not d.date or d.date[:4] == year]
        target = cands[0] if len(cands) == 1 else None
    if target is None and c.name:
        target = index.by_name.get(ids.slugify(c.name, 200))
    if target is not None:
        ref.doc_id = target.id
        ref.target = index.key_of.get(target.id, ref.target)
        if target.id == doc.id:
            ref.internal = True
        if c.kind == "provision":
            annex = None
            want = c.annex_type or (c.doc_type if c.doc_type and c.doc_type != target.type else None)
            if want:
                annex = next((a.anchor for a in target.annexes if (a.type or "").lower() == want.lower()), None)
            _provision_anchor(ref, target, index, annex or "", None, c)
    return ref


def _part(doc: Document, place: Place, c: Citation) -> str:
    """The anchor prefix of the part an internal citation points into ('' for the main text)."""
    t = (c.self_type or "").lower()
    if not t or t in ("điều", "khoản", "điểm"):
        return place.annex or ""
    here = next((a for a in doc.annexes if a.anchor == place.annex), None)
    if here is not None and (here.type or "").lower() == t:
        return here.anchor
    if (doc.type or "").lower() == t:
        return ""
    other = next((a for a in doc.annexes if (a.type or "").lower() == t), None)
    return other.anchor if other is not None else (place.annex or "")


def _provision_anchor(ref: Reference, doc: Document, index: CorpusIndex, prefix: str, place: Place | None,
                      c: Citation) -> None:
    p = dict(c.provision)
    if place is not None:
        if "article" not in p and place.article and (c.self_type in ("Điều", "khoản", "điểm") or p):
            p["article"] = place.article
        if "clause" not in p and "point" in p and place.clause:
            p["clause"] = place.clause
        if c.self_type == "khoản" and place.clause:
            p["clause"] = place.clause
    if "article" not in p:
        ref.anchor = prefix or None
        return
    have = index.anchors.get(doc.id, set())
    # an appendix or form without such an article speaks of its parent's, then of the main text's
    # ("Điều 5" in a form annexed to a Quy định); the first part that has the article wins
    parents = {a.anchor: a.parent for a in doc.annexes}
    chain, pre = [], prefix
    while pre:
        chain.append(pre)
        pre = parents.get(pre) or ""
    chain.append("")
    if place is None:           # a provision of another document names its part ("Quy chế ban hành kèm theo")
        chain = [prefix]
    for pre in chain:
        wanted = ids.anchor_for_citation(point=p.get("point"), clause=p.get("clause"), article=p.get("article"),
                                         annex=pre or None)
        art = ids.anchor_for_citation(article=p.get("article"), annex=pre or None)
        if art in have:
            break
    else:
        wanted = ids.anchor_for_citation(point=p.get("point"), clause=p.get("clause"), article=p.get("article"),
                                         annex=prefix or None)
        ref.missing_article = True
    ref.wanted_anchor = wanted
    a = wanted
    while a and a not in have:
        cut = max(a.rfind("-khoan-"), a.rfind("-diem-"))
        a = a[:cut] if cut > 0 else None
    ref.anchor = a
