"""The link stage: citations in the texts, what they point to, typed relations between documents.

Stages, as in eyecite: ``find`` (text -> Citation with character spans), ``resolve`` (citations -> registry
keys, corpus documents and anchors, with scope), ``relations`` (the type of each document citation). Public
function: ``link(documents) -> Links`` (plain dataclasses, see ``model``), read by render and export.
Patterns are data: tools/data/citations.json.
"""
from __future__ import annotations

from collections import defaultdict

from .. import ids
from ..model import Annex, Document, Node
from .find import find
from .model import Citation, Links, Place, Reference, RegistryEntry, Relation
from .relations import inverse, relation_types
from .resolve import CorpusIndex, resolve

__all__ = ["Citation", "Links", "Place", "Reference", "RegistryEntry", "Relation", "central_implements", "find", "link", "places",
           "preamble_anchor", "text_key"]

PREAMBLE = "loi-dan"
KIND_REF = {"article": "Điều", "clause": "khoản", "point": "điểm"}


def preamble_anchor(i: int, annex: str | None = None) -> str:
    """The address of the i-th (from 0) preamble paragraph: 'loi-dan-doan-1', 'qc-loi-dan-doan-1'."""
    return ids.anchor([("paragraph", i + 1)], f"{annex}-{PREAMBLE}" if annex else PREAMBLE)


def text_key(obj, field: str, index: int = 0) -> tuple:
    """Key of one text of one object (a Node, a PreambleItem, a recipients list) in Links.by_text."""
    return (id(obj), field, index)


def _node_places(doc: Document, nodes: list[Node], annex: Annex | None, path: list[Node], label: str):
    for n in nodes:
        p = path + [n]
        art = next((x.num for x in reversed(p) if x.kind == "article"), None)
        cl = next((x.num for x in reversed(p) if x.kind == "clause"), None)
        ref = " ".join(f"{KIND_REF[x.kind]} {x.num}" for x in reversed(p) if x.kind in KIND_REF and x.num)
        quote = next((x for x in reversed(p) if x.kind == "quote"), None)
        if ref and label:
            ref = f"{ref} {label}"
        for field in ("text", "title"):
            txt = getattr(n, field)
            if txt:
                yield (Place(doc.id, field, n.anchor, 0, annex.anchor if annex else None, art, cl, ref or label or "",
                             quoted=(quote.source or "") if quote is not None else None),
                       txt, text_key(n, field), None)
        yield from _node_places(doc, n.children, annex, p, label)


def places(doc: Document):
    """Every text of a document that may cite: (Place, text, key, preamble kind)."""
    if doc.title:
        yield Place(doc.id, "doc_title", None, 0, ref="trích yếu"), doc.title, text_key(doc, "doc_title"), None
    for i, it in enumerate(doc.preamble):
        yield (Place(doc.id, "preamble", preamble_anchor(i), i, ref="phần mở đầu"), it.text,
               text_key(it, "preamble"), it.kind)
    yield from _node_places(doc, doc.body, None, [], "")
    for i, r in enumerate(doc.recipients):
        yield Place(doc.id, "recipients", None, i, ref="nơi nhận"), r, text_key(doc.recipients, "recipients", i), None
    for a in doc.annexes:
        label = a.type or ""
        if a.note:
            yield Place(doc.id, "note", a.anchor, 0, a.anchor, ref=label), a.note, text_key(a, "note"), None
        for i, it in enumerate(a.preamble):
            yield (Place(doc.id, "preamble", preamble_anchor(i, a.anchor), i, a.anchor, ref=f"phần mở đầu {label}"),
                   it.text, text_key(it, "preamble"), it.kind)
        yield from _node_places(doc, a.body, a, [], label)
        for i, r in enumerate(a.recipients):
            yield (Place(doc.id, "recipients", a.anchor, i, a.anchor, ref=f"nơi nhận {label}"), r,
                   text_key(a.recipients, "recipients", i), None)


def _amended_provisions(refs: list[Reference]) -> None:
    """In a text whose title amends one document ("Quyết định sửa đổi, bổ sung một số điều của Quy định ban hành
    kèm theo Quyết định số …"), a bare provision it does not have itself ("Sửa đổi Điều 56 như sau") is the
    amended document's."""
    amended: dict[str, set] = {}
    for r in refs:
        if r.place.field == "doc_title" and r.relation == "sửa đổi, bổ sung" and r.target and not r.internal:
            amended.setdefault(r.place.doc_id, set()).add((r.target, r.doc_id))
    for r in refs:
        target = amended.get(r.place.doc_id)
        if r.internal and r.missing_article and target and len(target) == 1 and r.citation.kind == "provision":
            (key, doc_id), = target
            r.internal, r.target, r.doc_id, r.anchor = False, key, doc_id, None
            r.relation = "sửa đổi, bổ sung"


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")


def link(documents: list[Document]) -> Links:
    """Find, resolve and type every citation of every document."""
    docs = {d.id: d for d in documents}
    index = CorpusIndex(documents)
    cites: list[tuple[Place, Citation]] = []
    keys: list[tuple] = []
    rel_types: list[str | None] = []
    contexts: list[str] = []
    for d in documents:
        for place, text, key, pkind in places(d):
            found = find(text)
            types = relation_types(text, found, pkind)
            for c, t in zip(found, types):
                cites.append((place, c))
                keys.append(key)
                rel_types.append(t)
                contexts.append(_context(text, c.start, c.end))
    refs = resolve(cites, docs, index)
    for ref, t, ctx in zip(refs, rel_types, contexts):
        ref.relation, ref.context = t, ctx          # the type the text gives; settled below
    _amended_provisions(refs)
    links = Links(doc_keys=dict(index.key_of))
    by_text: dict[tuple, list[Reference]] = defaultdict(list)
    for ref, key in zip(refs, keys):
        ref.relation = None if ref.internal else (ref.relation or "dẫn chiếu")
        links.references.setdefault(ref.place.doc_id, []).append(ref)
        by_text[key].append(ref)
        if ref.doc_id:
            links.incoming.setdefault(ref.doc_id, []).append(ref)
        if ref.internal or not ref.target:
            continue
        c = ref.citation
        links.relations.setdefault(ref.place.doc_id, []).append(Relation(
            type=ref.relation, direction="out", label=ref.relation, target=ref.target, other_doc_id=ref.doc_id,
            number=c.number, name=c.name, anchor=ref.place.anchor, citing_doc_id=ref.place.doc_id))
        if ref.doc_id:
            links.relations.setdefault(ref.doc_id, []).append(Relation(
                type=ref.relation, direction="in", label=inverse(ref.relation), target=ref.target,
                other_doc_id=ref.place.doc_id, number=c.number, name=c.name, anchor=ref.place.anchor,
                citing_doc_id=ref.place.doc_id))
        else:
            e = links.registry.get(ref.target)
            if e is None:
                d = docs[ref.place.doc_id]
                e = links.registry[ref.target] = RegistryEntry(
                    key=ref.target, scope="national" if c.scope == "national" else (d.locality or "chưa rõ địa phương"))
            for f in ("number", "name", "doc_type", "issuer", "date", "year", "term"):
                if getattr(e, f) is None and getattr(c, f) is not None:
                    setattr(e, f, getattr(c, f))
            e.references.append(ref)
    links.by_text = dict(by_text)
    return links


IMPLEMENTS = ("thực hiện", "căn cứ", "hướng dẫn")


def central_implements(links: Links, documents: list[Document]):
    """What the alignment stage needs, from the typed relations: ([(doc id, central corpus doc id)],
    {doc id: [(number, year, citing text, type)] of central documents it implements that the corpus lacks}).
    Same shape as danvan.align.detect_implements (whose CitedCentral the caller builds from the tuples)."""
    by_id = {d.id: d for d in documents}
    pairs: list[tuple[str, str]] = []
    missing: dict[str, list[tuple]] = {}
    for d in documents:
        if d.level == "central":
            continue
        for r in links.references.get(d.id, []):
            if r.internal or r.relation not in IMPLEMENTS or not r.citation.number:
                continue
            if r.doc_id and by_id.get(r.doc_id) is not None and by_id[r.doc_id].level == "central":
                if (d.id, r.doc_id) not in pairs:
                    pairs.append((d.id, r.doc_id))
            elif not r.doc_id and r.citation.scope == "national":
                item = (r.citation.number, r.citation.year, r.context, r.citation.doc_type)
                if item[:2] not in [x[:2] for x in missing.get(d.id, [])]:
                    missing.setdefault(d.id, []).append(item)
    return pairs, missing
