"""The glossary page (templates/glossary.html), made at build time from the corpus (danvan.glossary).

Two parts: the terms of the structure of a text (tools/data/glossary.json: our own short explanation, a link
to the section of the reading guide that explains it, and a link to the first instance found in the corpus),
then every term the documents define in their "Giải thích từ ngữ" articles, in Vietnamese dictionary order,
each definition shown as written with a link to the provision that gives it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import glossary
from ..ids import slugify
from ..model import Document, Node
from .common import KIND_NAMES, short_title
from .markup import page_source, render_template

PAGE = "tim-hieu/thuat-ngu.md"
TITLE = "Thuật ngữ"
GUIDE = "doc-van-ban.html"          # the reading guide, next to this page (docs/tim-hieu/doc-van-ban.md)
GUIDE_PAGE = "tim-hieu/doc-van-ban.md"
DOC_PREFIX = "../van-ban/"          # document pages, seen from tim-hieu/
# Authority marks in a signature block ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" holds both)
ON_BEHALF = re.compile(r"(?<![A-ZĐ])(?:T/M|TM\.)")
SIGNING_FOR = re.compile(r"(?<![A-ZĐ])(?:K/T|KT\.)")


@dataclass
class Link:
    page: str                 # relative to the glossary page
    anchor: str | None        # an id on that page (ids.anchor), or None for the top
    label: str

    @property
    def href(self) -> str:
        return self.page + (f"#{self.anchor}" if self.anchor else "")


def doc_link(doc: Document, anchor: str | None = None, where: str = "") -> Link:
    label = f"{where}, {short_title(doc)}" if where else short_title(doc)
    return Link(f"{DOC_PREFIX}{doc.id}.html", anchor, label)


def _walk(nodes: list[Node], path: list[Node]):
    for n in nodes:
        yield n, path + [n]
        yield from _walk(n.children, path + [n])


def _node_where(n: Node, path: list[Node], annex_type: str | None) -> str:
    if n.kind in ("part", "chapter", "section"):
        where = f"{KIND_NAMES[n.kind]} {n.num}" if n.num else (n.label or KIND_NAMES[n.kind])
        return f"{where} {annex_type}" if annex_type else where
    return glossary._ref(path, annex_type)


def _first_node(docs: list[Document], kind: str) -> Link | None:
    for d in docs:
        for body, annex_type in [(d.body, None)] + [(a.body, a.type) for a in d.annexes]:
            for n, path in _walk(body, []):
                if n.kind == kind and n.anchor:
                    return doc_link(d, n.anchor, _node_where(n, path, annex_type))
    return None


def _signed(d: Document, mark: re.Pattern) -> bool:
    signers = list(d.signers) + [s for a in d.annexes for s in a.signers]
    return any(mark.search((s.on_behalf or "").upper()) for s in signers)


def example(docs: list[Document], spec: dict) -> Link | None:
    """Where the corpus shows a structure term: the first provision of a kind, the first annex of a kind, or
    the first document with the part (the page itself: these parts carry no anchor of their own)."""
    if "node" in spec:
        return _first_node(docs, spec["node"])
    if "annex" in spec:
        for d in docs:
            for a in d.annexes:
                if a.kind == spec["annex"] and a.anchor:
                    return doc_link(d, a.anchor, a.title or a.type or "")
        return None
    part = spec.get("part")
    tests = {
        "basis": (lambda d: any(p.kind == "basis" for p in d.preamble), "phần mở đầu"),
        "recipients": (lambda d: bool(d.recipients), "cuối văn bản"),
        "on_behalf": (lambda d: _signed(d, ON_BEHALF), "chữ ký"),
        "signing_for": (lambda d: _signed(d, SIGNING_FOR), "chữ ký"),
        "title": (lambda d: bool(d.title_lines), "đầu văn bản"),
        "number": (lambda d: bool(d.number), "đầu văn bản"),
    }
    if part not in tests:
        raise ValueError(f"glossary.json: unknown example part {part!r}")
    test, where = tests[part]
    return next((doc_link(d, None, where) for d in docs if test(d)), None)


def structure_entries(docs: list[Document], guide: bool = True) -> list[dict]:
    """The structure terms; with `guide`, each links to its section of the reading guide."""
    out = []
    for t in glossary.rules()["structure_terms"]["terms"]:
        out.append({"term": t["term"], "explain": t["explain"],
                    "guide": Link(GUIDE, t["guide"], "Xem giải thích") if guide else None,
                    "example": example(docs, t["example"])})
    return out


def defined_entries(docs: list[Document]) -> tuple[list[dict], int]:
    """Letter groups of defined terms, and how many documents define terms."""
    defs = glossary.extract_definitions(docs)
    groups: list[dict] = []
    used: set[str] = set()
    for e in glossary.group_terms(defs):
        letter = glossary.initial(e.term)
        if not groups or groups[-1]["letter"] != letter:
            groups.append({"letter": letter, "id": f"chu-{slugify(letter) or 'khac'}", "entries": []})
        base = f"tn-{slugify(e.term, 60) or 'x'}"
        id_, k = base, 2
        while id_ in used:
            id_, k = f"{base}-{k}", k + 1
        used.add(id_)
        groups[-1]["entries"].append({
            "id": id_, "term": e.term,
            "definitions": [{"connective": d.connective, "text": d.definition, "points": d.items, "more": d.more,
                             "source": doc_link(d.doc, d.anchor, d.ref)} for d in e.definitions]})
    # one index entry per letter (Ă, Â fall under their own letter; ids stay unique)
    seen: dict[str, int] = {}
    for g in groups:
        n = seen.get(g["id"], 0)
        seen[g["id"]] = n + 1
        if n:
            g["id"] = f"{g['id']}-{n + 1}"
    return groups, len({d.doc_id for d in defs})


def render_glossary(docs: list[Document], guide: bool = True) -> str:
    """The page; `guide` says whether the reading guide is published next to it (links to it only then)."""
    groups, defining_docs = defined_entries(docs)
    terms = sum(len(g["entries"]) for g in groups)
    html = render_template("glossary.html", title=TITLE, structure=structure_entries(docs, guide), groups=groups,
                           terms=terms, defining_docs=defining_docs, documents=len(docs),
                           guide=Link(GUIDE, None, "Cách đọc một văn bản") if guide else None)
    return page_source(TITLE, html)
