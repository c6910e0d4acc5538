"""Documents -> search units. The unit of a result is the article (Điều); besides articles:

- one `document` unit per document: title, type, number, issuers, date, preamble and the loose paragraphs
  that belong to no article (a document without articles is searchable through it);
- one `annex` unit per annex with text outside articles (tables of a Phụ lục…);
- one `section` unit per anchored node outside any article (a top-level khoản in a document without Điều).

Each unit keeps its passages, (anchor, text) pairs: the article's own text, then one per clause (points and
paragraphs included), so a hit can link to its best-matching clause and show a snippet from it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Annex, Document, Node

CONTAINERS = ("part", "chapter", "section", "heading")
UNIT_KINDS = ("article", "quote")   # a quote: an article quoted by a web page (danvan.parse.page)
LOOSE = ("paragraph", "item", "clause", "point", "table")   # what a quote takes along after its heading
BLOCKS = ("paragraph", "item", "table")   # addressed blocks (parse/addresses.py): text of the unit they stand in


@dataclass
class Unit:
    uid: str                       # "<doc id>#<anchor>" ("<doc id>#" for the document unit)
    kind: str                      # "article" | "document" | "annex" | "section"
    doc: Document
    anchor: str | None             # None: the top of the document page
    heading: str                   # "Điều 5. Ban Dân vận Tỉnh ủy" / the document title
    title_text: str                # what the title field indexes
    context: str                   # chapter/section/annex headings above the unit
    passages: list[tuple[str | None, str]] = field(default_factory=list)
    article_num: str | None = None
    annex_index: int | None = None  # None: in the body; i: in doc.annexes[i]
    node: Node | None = None        # the article (or section) node

    @property
    def url(self) -> str:
        return self.doc.url + (f"#{self.anchor}" if self.anchor else "")

    @property
    def body_text(self) -> str:
        return "\n".join(t for _, t in self.passages if t)


def doc_meta_text(doc: Document) -> str:
    """Document metadata as searchable text: type, title, number, issuers, locality, date in usual forms."""
    parts = [doc.type or "", doc.title or "", doc.number or "", doc.locality or ""]
    for i in doc.issuers:
        parts += [i.name, i.parent or ""]
    if doc.date:
        y, m, d = doc.date.split("-")
        parts += [f"{d}/{m}/{y}", f"{int(d)}/{int(m)}/{y}", f"{m}/{y}", y]
    return " \n".join(p for p in parts if p)


def _subtree_text(n: Node) -> str:
    out = []
    for x in n.walk():
        if x is n:
            continue
        bits = [x.label or "", x.title or "", x.text or ""]
        out.append(" ".join(b for b in bits if b))
    return "\n".join(out)


def _heading(n: Node) -> str:
    label = (n.label or "").strip()
    title = (n.title or "").strip()
    if label and title:
        return f"{label.rstrip('.:')}. {title}"
    return label or title


def _has_article(n: Node) -> bool:
    return any(x.kind in UNIT_KINDS for x in n.walk())


def _node_text(n: Node) -> str:
    return "\n".join(t for t in (" ".join(b for b in (n.label or "", n.title or "", n.text or "") if b),
                                  _subtree_text(n)) if t)


def article_passages(n: Node) -> list[tuple[str | None, str]]:
    """The article's own text, then one passage per clause (its points and paragraphs folded in). Children that
    are not clauses (paragraphs of an article without khoản, points straight under the article) keep their own
    anchor when they have one, else join the article's passage."""
    own = [n.text or ""]
    out: list[tuple[str | None, str]] = []
    for c in n.children:
        text = " ".join(b for b in (c.label or "", c.title or "", c.text or "") if b)
        sub = _subtree_text(c)
        full = "\n".join(t for t in (text, sub) if t)
        if c.anchor and c.kind not in BLOCKS:
            out.append((c.anchor, full))
        else:
            own.append(full)
    return [(n.anchor, "\n".join(t for t in own if t))] + out


def document_units(doc: Document) -> list[Unit]:
    units: list[Unit] = []
    loose: list[str] = [p.text for p in doc.preamble]
    head = Unit(uid=f"{doc.id}#", kind="document", doc=doc, anchor=None, heading=doc.title or doc.id,
                title_text=" \n".join(x for x in (doc.type or "", doc.title or "", doc.number or "") if x),
                context="")
    units.append(head)

    def walk(nodes: list[Node], ctx: list[str], annex_index: int | None, sink: list[str]):
        i = 0
        while i < len(nodes):
            n = nodes[i]
            i += 1
            if n.kind == "quote":
                # a quoted article: its heading, its own lines, then the paragraphs that follow it up to the
                # next quote or heading
                passages = [(n.anchor, _node_text(n))]
                while i < len(nodes) and nodes[i].kind in LOOSE and not _has_article(nodes[i]):
                    c = nodes[i]
                    passages.append((c.anchor if c.anchor and c.kind in ("clause", "point") else n.anchor,
                                     _node_text(c)))
                    i += 1
                units.append(Unit(uid=f"{doc.id}#{n.anchor}", kind="quote", doc=doc, anchor=n.anchor,
                                  heading=_heading(n) or f"Điều {n.num}",
                                  title_text=" ".join(x for x in (n.label or "", n.title or "") if x),
                                  context=" \n".join(ctx + [getattr(n, "source", None) or ""]).strip(),
                                  passages=passages, article_num=n.num, annex_index=annex_index, node=n))
            elif n.kind == "article":
                units.append(Unit(uid=f"{doc.id}#{n.anchor}", kind="article", doc=doc, anchor=n.anchor,
                                  heading=_heading(n) or f"Điều {n.num}",
                                  title_text=" ".join(x for x in (n.label or "", n.title or "") if x),
                                  context=" \n".join(ctx), passages=article_passages(n), article_num=n.num,
                                  annex_index=annex_index, node=n))
            elif n.kind in CONTAINERS and _has_article(n):
                if n.text:
                    sink.append(n.text)
                walk(n.children, ctx + [_heading(n)], annex_index, sink)
            elif n.anchor and n.kind not in BLOCKS:
                passages = [(n.anchor, " ".join(b for b in (n.label or "", n.title or "", n.text or "") if b))]
                passages += [(c.anchor if c.anchor and c.kind not in BLOCKS else n.anchor,
                              "\n".join(t for t in (" ".join(b for b in (c.label or "", c.title or "", c.text or "") if b),
                                                    _subtree_text(c)) if t)) for c in n.children]
                units.append(Unit(uid=f"{doc.id}#{n.anchor}", kind="section", doc=doc, anchor=n.anchor,
                                  heading=_heading(n) or (n.text or "")[:80], title_text=n.title or "",
                                  context=" \n".join(ctx), passages=passages, annex_index=annex_index, node=n))
            else:
                sink.append("\n".join(t for t in (" ".join(b for b in (n.label or "", n.title or "", n.text or "") if b),
                                                  _subtree_text(n)) if t))

    walk(doc.body, [], None, loose)
    head.passages = [(None, t) for t in _group(loose)] or [(None, "")]
    for i, a in enumerate(doc.annexes):
        annex_loose: list[str] = [p.text for p in a.preamble]
        walk(a.body, [annex_label(a)], i, annex_loose)
        if any(t.strip() for t in annex_loose):
            units.append(Unit(uid=f"{doc.id}#{a.anchor}", kind="annex", doc=doc, anchor=a.anchor,
                              heading=annex_label(a), title_text=annex_label(a), context="",
                              passages=[(a.anchor, t) for t in _group(annex_loose)], annex_index=i))
    # uids must be unique: a repeated anchor (parser slip) keeps its first unit
    seen: set[str] = set()
    out = []
    for u in units:
        if u.uid not in seen:
            seen.add(u.uid)
            out.append(u)
    return out


PASSAGE_CHARS = 1500


def _group(paragraphs: list[str], limit: int = PASSAGE_CHARS) -> list[str]:
    """Consecutive paragraphs joined into passages of about `limit` characters: a long text outside articles
    (an encyclopedia page, a table of procedures) gets snippets from the right place."""
    out: list[str] = []
    cur: list[str] = []
    size = 0
    for p in (p for p in paragraphs if p and p.strip()):
        if cur and size + len(p) > limit:
            out.append("\n".join(cur))
            cur, size = [], 0
        cur.append(p)
        size += len(p)
    if cur:
        out.append("\n".join(cur))
    return out


def annex_label(a: Annex) -> str:
    title, typ = (a.title or "").strip(), (a.type or "").strip()
    if typ and typ.lower() not in title.lower():
        title = f"{typ} {title}".strip()
    return title or a.anchor


def corpus_units(documents: list[Document]) -> list[Unit]:
    return [u for d in documents for u in document_units(d)]
