"""The page of one document: its text (nodes, preamble, closing block, annexes, unplaced text) laid out by
templates/nodes.html, framed by templates/document.html.

Nodes are rendered by layout: ``NODE_LAYOUTS`` maps each node kind to a layout, and each layout is a
method here (which decides ids, labels and references) plus a macro of the same name in nodes.html (which
holds the markup). A node kind the renderer does not know is shown as a paragraph.
"""
from __future__ import annotations

import re

from ..ids import row_anchor
from ..ids import slugify as ids_slug
from ..link import preamble_anchor
from ..model import Annex, Document, Node, PreambleItem
from ..normalize import is_recipients_label
from .fold import fold_summary, folded_count
from . import meta, teach, toc
from .align import AlignContext, article_aside, document_panel
from .links import CiteView
from .common import (HEADING_KINDS, KIND_NAMES, annex_kicker, node_label, page_title, running_head,
                     sort_key_text, split_type)
from .markup import EMPTY, Html, concat, macros, page_source, render_template

NODE_LAYOUTS = {"part": "heading", "chapter": "heading", "section": "heading", "article": "article",
                "clause": "block", "point": "block", "item": "block", "paragraph": "block", "table": "table",
                "heading": "page_heading", "quote": "quote"}
assert set(HEADING_KINDS) <= set(NODE_LAYOUTS) and set(NODE_LAYOUTS) <= set(KIND_NAMES)

_PREAMBLE_KIND = re.compile(r"[a-z]+")


def text_lines(text: str | None) -> list[str]:
    """The non-empty lines of a text, stripped: each becomes one paragraph."""
    if not text:
        return []
    return [ln.strip() for ln in str(text).split("\n") if ln.strip()]


class DocumentRenderer:
    """Renders the text of one document. Keeps what spans the whole page: the ids given out (an anchor
    that repeats gets no second id), unplaced text still to show, notes found while rendering."""

    def __init__(self, doc: Document, align: AlignContext | None = None, topic_tags=None, links=None,
                 docs: dict | None = None):
        self.doc = doc
        self.align = align                      # central ↔ provincial alignment (render/align.py)
        self.topic_tags = topic_tags            # anchor -> topic tags of an article (render/topics.py), or None
        self.cite = CiteView(doc, links, docs)   # citations as links, cited-by, relations (render/links.py)
        self.m = macros("nodes.html")
        self.ids: set[str] = set()
        self.notes: list[str] = []              # editorial notes found while rendering
        self.unplaced = sorted(
            ((u.line if u.line is not None else 10 ** 12, i, u) for i, u in enumerate(doc.unplaced)),
            key=lambda t: (t[0], t[1]))
        self.unplaced_pos = 0
        self.annex_label: str | None = None     # "Quy chế" while rendering an annex
        self.citer = teach.Citer(doc)           # the full citation of each provision (data-cite)
        self.layouts = {"heading": self.heading, "article": self.article, "block": self.block, "table": self.table,
                        "page_heading": self.page_heading, "quote": self.quote}

    # -- ids and references -----------------------------------------------------------------
    def take_id(self, anchor: str | None) -> str | None:
        """The anchor as the element's id, unless an earlier element has it already."""
        if not anchor:
            return None
        if anchor in self.ids:
            self.notes.append(f"Mã neo “{anchor}” bị trùng; chỉ phần đầu tiên giữ mã này.")
            return None
        self.ids.add(anchor)
        return anchor

    def ref(self, path: list[Node]) -> str:
        """'khoản 2 Điều 5' (+ 'Quy chế' inside an annex), for copy/print buttons."""
        parts = [f"{KIND_NAMES[n.kind]} {n.num}" if n.kind != "quote" else
                 " ".join(x for x in (f"Điều {n.num}", n.source) if x)         # a quoted law's article
                 for n in reversed(path) if n.kind in ("article", "clause", "point", "quote") and n.num]
        if self.annex_label and parts:
            parts.append(self.annex_label)
        return " ".join(parts)

    # -- unplaced text, shown where it stood in the source ------------------------------------
    def flush_unplaced(self, before_line: int | None) -> Html:
        out = []
        while self.unplaced_pos < len(self.unplaced):
            line, idx, u = self.unplaced[self.unplaced_pos]
            if before_line is not None and line >= before_line:
                break
            self.unplaced_pos += 1
            out.append(self.m.unplaced(idx + 1, u.line, text_lines(u.text)))
        return concat(out)

    # -- nodes ------------------------------------------------------------------------------
    def nodes(self, nodes: list[Node], hdepth: int, path: list[Node]) -> Html:
        return concat([self.node(n, hdepth, path) for n in nodes])

    def node(self, n: Node, hdepth: int, path: list[Node]) -> Html:
        before = self.flush_unplaced(n.line) if self.unplaced_pos < len(self.unplaced) else EMPTY
        kind = n.kind if n.kind in NODE_LAYOUTS else "paragraph"
        html = self.layouts[NODE_LAYOUTS[kind]](n, kind, hdepth, path + [n])
        return before + html if before else html

    def heading(self, n: Node, kind: str, hdepth: int, path: list[Node]) -> Html:
        id_ = self.take_id(n.anchor)
        children = self.nodes(n.children, hdepth + 1, path)
        ref, cite = self.citer.heading(path) if id_ else (None, None)
        return self.m.heading(kind, id_, min(hdepth, 6), node_label(n, kind), n.title, KIND_NAMES[kind],
                              self.cite.lines(n, "text", n.text), children, ref, cite)

    def page_heading(self, n: Node, kind: str, hdepth: int, path: list[Node]) -> Html:
        """A web page's own heading (genre 'page'): its title only, what follows nested inside."""
        id_ = self.take_id(n.anchor)
        children = self.nodes(n.children, hdepth + 1, path)
        return self.m.page_heading(id_, min(hdepth, 6), n.title, self.cite.lines(n, "text", n.text), children)

    def quote(self, n: Node, kind: str, hdepth: int, path: list[Node]) -> Html:
        """An article a web page quotes from another text ("Điều 426 Bộ luật Dân sự 2015"): shown as a quotation
        that names its source, never as an article of the page."""
        id_ = self.take_id(n.anchor)
        children = self.nodes(n.children, hdepth + 1, path)
        return self.m.quote(id_, n.label or (f"Điều {n.num}" if n.num else ""), n.title, n.source,
                            self.cite.lines(n, "text", n.text), children)

    def endnotes(self, notes: list[dict]) -> Html:
        """Endnotes of the text ("[1] …" at the end of a consolidated text), each with its own address."""
        items = [(str(x.get("label") or k), text_lines(x.get("text"))) for k, x in enumerate(notes or [], 1)]
        return self.m.endnotes([(self.take_id(f"chu-thich-{ids_slug(label) or k}"), label, lines)
                                for k, (label, lines) in enumerate(items, 1)]) if items else EMPTY

    def article(self, n: Node, kind: str, hdepth: int, path: list[Node]) -> Html:
        id_ = self.take_id(n.anchor)
        ref = (self.ref(path) or "điều này") if id_ else None
        children = self.nodes(n.children, hdepth + 1, path) + self.cite.cited_by(n)
        if self.topic_tags is not None:
            children = self.topic_tags(n.anchor) + children
        return self.m.article(id_, min(hdepth, 6), node_label(n, kind), n.title, ref,
                              self.cite.lines(n, "text", n.text), children,
                              article_aside(self.align, self.doc, id_), self.citer.cite(path) if id_ else None)

    def block(self, n: Node, kind: str, hdepth: int, path: list[Node]) -> Html:
        id_ = self.take_id(n.anchor)
        label = node_label(n, kind)
        lines = self.cite.lines(n, "text", n.text)
        if kind == "paragraph" and not label and not n.title and not n.children and len(lines) <= 1:
            return self.m.para(lines[0], id_) if lines else EMPTY
        tool_ref = (self.ref(path) or f"{KIND_NAMES[kind]} này") if id_ and kind in ("clause", "point") else None
        children = self.nodes(n.children, hdepth, path)
        return self.m.block(kind, id_, label, n.title, lines, tool_ref, children,
                            self.citer.cite(path) if tool_ref is not None else None)

    def table(self, n: Node, kind: str, hdepth: int, path: list[Node]) -> Html:
        """A data table: header rows in <thead>, a cell's lines as line breaks, in a wrapper that scrolls
        sideways on a phone (danvan.css). The table and each row carry their address (ids.row_anchor)."""
        id_ = self.take_id(n.anchor)
        head = max(0, min(n.header_rows, len(n.rows) - 1)) if len(n.rows) > 1 else 0
        rows = [[text_lines(c) for c in r] for r in n.rows]
        row_ids = [self.take_id(row_anchor(n.anchor, k)) if n.anchor else None for k in range(1, len(rows) + 1)]
        return self.m.table(id_, rows[:head], rows[head:], row_ids[:head], row_ids[head:])

    # -- blocks -----------------------------------------------------------------------------
    def preamble(self, items: list[PreambleItem], annex: str | None = None) -> Html:
        summary = fold_summary(items) if annex is None else None     # the document's own: folds on a phone
        return self.m.preamble([(p.kind if _PREAMBLE_KIND.fullmatch(p.kind or "") else "paragraph",
                                 self.cite.lines(p, "preamble", p.text)) for p in items],
                               [self.take_id(preamble_anchor(i, annex)) for i in range(len(items))],
                               (summary, folded_count(items)) if summary else None)

    def closing(self, recipients, cc, signers, closing) -> Html:
        lines = [ln.strip() for ln in closing if ln and ln.strip() and not is_recipients_label(ln)]
        recipients = [concat(self.cite.lines(recipients, "recipients", r, i)) or r for i, r in enumerate(recipients)]
        return self.m.closing(lines, recipients, cc or [], signers)

    def adoption(self, adoption: dict | None) -> Html:
        """The adoption formula ("Nghị quyết này đã được … thông qua ngày …"), under the body."""
        return self.m.adoption(text_lines(adoption.get("text"))) if adoption else EMPTY

    def annexes(self, annexes: list[Annex]) -> Html:
        """Annexes in reading order; one that names a parent (Annex.parent) is set inside its parent's section,
        after its parent's own text."""
        tree: list[tuple[Annex, list]] = []
        by_anchor: dict[str, list] = {}
        for a in annexes:
            kids: list = []
            parent = by_anchor.get(a.parent) if a.parent else None
            (parent if parent is not None else tree).append((a, kids))
            by_anchor.setdefault(a.anchor, kids)
        return self._annex_items(tree, 0)

    def _annex_items(self, items: list, depth: int) -> Html:
        return concat([self.annex(a, depth, self._annex_items(kids, depth + 1)) for a, kids in items])

    def annex(self, a: Annex, depth: int = 0, nested: Html = EMPTY) -> Html:
        self.annex_label = (f"Mẫu số {a.num}" if a.kind == "form" and a.num else a.type) or annex_kicker(a.kind)
        id_ = self.take_id(a.anchor)
        self.citer.enter(a)
        kicker = annex_kicker(a.kind)
        known = " | ".join(sort_key_text(x) for x in (a.title, a.type, a.note) if x)
        heading = [h for h in a.heading if h and h.strip() and sort_key_text(h).strip() not in known]
        title = self.m.title_line("h2" if depth == 0 else "h3", "dv-annex-title",
                                  *split_type(a.title or a.type or kicker, a.type))
        preamble = self.preamble(a.preamble, a.anchor)
        body = self.nodes(a.body, 3, [])
        closing = self.closing(a.recipients, [], a.signers, a.closing)
        self.annex_label = None
        self.citer.enter(None)
        return self.m.annex(a.kind if a.kind in ("appendix", "form") else "annex", id_, kicker, heading, title,
                            a.note, preamble, body, closing, nested)


def render_document(doc: Document, align: AlignContext | None = None, topic_tags=None, links=None,
                    docs: dict | None = None) -> str:
    """The Markdown source of a document page: front matter and one raw HTML block. `topic_tags(anchor)` gives
    an article's topic tags (render/topics.tag_renderer). With the link stage's `links` (and the corpus `docs`
    by id), citations are links and the relations panel is filled."""
    r = DocumentRenderer(doc, align, topic_tags, links, docs)
    preamble = r.preamble(doc.preamble)
    body = r.nodes(doc.body, 2, [])
    first_annex_line = min((a.line for a in doc.annexes if a.line is not None), default=None)
    body += r.flush_unplaced(first_annex_line)
    adoption = r.adoption(doc.adoption)
    endnotes = r.endnotes(getattr(doc, "notes", None))
    closing = r.closing(doc.recipients, doc.cc, doc.signers, doc.closing)
    annexes = r.annexes(doc.annexes)
    tail = r.flush_unplaced(None)
    html = render_template(
        "document.html", doc_id=doc.id, running=running_head(doc),
        letterhead=meta.letterhead(doc), title=split_type(doc.title or doc.id, doc.type), meta_rows=meta.rows(doc),
        teach=teach.doc_tools(doc),
        toc=toc.toc_view(doc, r.ids),    # after the text: links only to ids actually given out
        preamble=preamble, body=body, adoption=adoption, closing=closing, endnotes=endnotes, annexes=annexes, tail=tail,
        notes=meta.notes(doc, r.notes), alignment=document_panel(align, doc), relations=r.cite.relations(),
        jsonld=r.cite.jsonld())
    return page_source(page_title(doc), html)
