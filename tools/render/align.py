"""Pages and page parts of the central ↔ provincial alignment (danvan.align), as views for
templates/align.html: the compare page of each (provincial, central) pair, the panel on a document page, the
note under a provincial article ("Tương ứng: Điều 5 …, điều chỉnh") and the coverage table under a central
article. Only data here; the markup (and every <ins>/<del>) is in the template.

Hooks: render_site builds one AlignContext (pages.py); render_document takes it (document.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..align import CLASS_NAMES, Alignment, Alignments, ArticleRef, CitedCentral, Pair
from ..model import Document
from .common import DOC_DIR, short_title
from .markup import EMPTY, Html, macros, page_source, render_template

COMPARE_DIR = "doi-chieu"


def compare_page_path(a: Alignment) -> str:
    return f"{COMPARE_DIR}/{a.slug}.md"


def compare_href(a: Alignment) -> str:
    """Link to the compare page from a page one folder down (van-ban/, doi-chieu/)."""
    return f"../{COMPARE_DIR}/{a.slug}.html"


def doc_href(doc_id: str, anchor: str | None = None) -> str:
    return f"../{DOC_DIR}/{doc_id}.html" + (f"#{anchor}" if anchor else "")


def row_id(p: Pair) -> str | None:
    """The id of a row on the compare page: the provincial article's anchor, or 'tw-' + the central one."""
    if p.provincial is not None:
        return p.provincial.anchor
    return f"tw-{p.central.anchor}" if p.central and p.central.anchor else None


@dataclass
class Link:
    href: str | None
    text: str


@dataclass
class Side:
    """One column of a compare row."""
    article: Link | None                    # 'Điều 5', linked to the text; None: no counterpart
    title: list                             # title segments
    lines: list                             # [[segments]]


@dataclass
class Row:
    id: str | None
    cls: str
    cls_name: str
    moved: bool
    central: Side
    provincial: Side


@dataclass
class CompareView:
    title: str
    provincial: Link
    central: Link
    provincial_part: str
    central_part: str
    counts: list[tuple[str, str, int]]      # (code, name, count)
    rows: list[Row]


@dataclass
class NoteItem:
    """Under a provincial article: its counterpart in one central text."""
    central: Link | None                    # None: an article of the province's own (bổ sung)
    central_doc: Link
    cls: str
    cls_name: str
    moved: bool
    compare: str                            # link to the row on the compare page


@dataclass
class CoverageRow:
    doc: Link
    article: Link | None
    cls: str
    cls_name: str
    compare: str


@dataclass
class PanelItem:
    other: Link                             # the central text (on a provincial page) or the provincial one
    counts: list[tuple[str, str, int]]
    compare: str


@dataclass
class PanelView:
    implements: list[PanelItem] = field(default_factory=list)     # this text implements these central texts
    implemented_by: list[PanelItem] = field(default_factory=list)  # these texts implement this one
    missing: list[CitedCentral] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.implements or self.implemented_by or self.missing)


def _counts(a: Alignment) -> list[tuple[str, str, int]]:
    """(code, name, count) of the classes present, in CLASSES order."""
    return [(code, CLASS_NAMES[code], n) for code, n in a.counts().items() if n]


class AlignContext:
    """The alignments of a site and the documents they name, for every page that shows them."""

    def __init__(self, alignments: Alignments, documents: list[Document]):
        self.alignments = alignments
        self.docs = {d.id: d for d in documents}
        self._notes: dict[tuple[str, str], list[NoteItem]] = {}
        self._coverage: dict[tuple[str, str], list[CoverageRow]] = {}
        for a in alignments.alignments:
            for p in a.pairs:
                href = f"{compare_href(a)}#{row_id(p)}" if row_id(p) else compare_href(a)
                if p.provincial is not None and p.provincial.anchor:
                    self._notes.setdefault((a.provincial_id, p.provincial.anchor), []).append(NoteItem(
                        self.article_link(p.central) if p.central else None,
                        self.part_link(a.central_id, a.central_part), p.cls, CLASS_NAMES[p.cls], p.moved, href))
                if p.central is not None and p.central.anchor:
                    self._coverage.setdefault((a.central_id, p.central.anchor), []).append(CoverageRow(
                        self.part_link(a.provincial_id, a.provincial_part),
                        self.article_link(p.provincial) if p.provincial else None,
                        p.cls, CLASS_NAMES[p.cls], href))

    # -- names and links ------------------------------------------------------------------------------
    def doc_name(self, doc_id: str) -> str:
        d = self.docs.get(doc_id)
        if d is None:
            return doc_id
        name = short_title(d, 90)
        if d.locality and d.level != "central" and d.locality not in name:
            name = f"{name} ({d.locality})"
        return name

    def part_name(self, doc_id: str, part: str | None) -> str:
        """'Quy chế kèm theo Quyết định 23-QĐ/TW' for an annexed text; the document's name for its body."""
        d = self.docs.get(doc_id)
        if part is None or d is None:
            return self.doc_name(doc_id)
        annex = next((x for x in d.annexes if x.anchor == part), None)
        return f"{(annex.type if annex else None) or 'Văn bản'} kèm theo {self.doc_name(doc_id)}"

    def doc_link(self, doc_id: str) -> Link:
        return Link(doc_href(doc_id) if doc_id in self.docs else None, self.doc_name(doc_id))

    def part_link(self, doc_id: str, part: str | None) -> Link:
        """The text whose articles were aligned: 'Quy chế kèm theo Quyết định 23-QĐ/TW', linked to its start."""
        return Link(doc_href(doc_id, part) if doc_id in self.docs else None, self.part_name(doc_id, part))

    def article_link(self, ref: ArticleRef) -> Link:
        return Link(doc_href(ref.doc_id, ref.anchor) if ref.anchor else doc_href(ref.doc_id), ref.label)

    # -- views ------------------------------------------------------------------------------------------
    def compare_view(self, a: Alignment) -> CompareView:
        rows = []
        for p in a.pairs:
            c = Side(self.article_link(p.central), p.central_title, p.central_lines) \
                if p.central else Side(None, [], [])
            v = Side(self.article_link(p.provincial), p.provincial_title, p.provincial_lines) \
                if p.provincial else Side(None, [], [])
            rows.append(Row(row_id(p), p.cls, CLASS_NAMES[p.cls], p.moved, c, v))
        return CompareView(
            f"Đối chiếu {self.doc_name(a.provincial_id)} với {self.doc_name(a.central_id)}",
            self.doc_link(a.provincial_id), self.doc_link(a.central_id),
            self.part_name(a.provincial_id, a.provincial_part), self.part_name(a.central_id, a.central_part),
            _counts(a), rows)

    def panel(self, doc: Document) -> PanelView:
        al = self.alignments
        return PanelView(
            [PanelItem(self.doc_link(a.central_id), _counts(a), compare_href(a)) for a in al.for_provincial(doc.id)],
            [PanelItem(self.doc_link(a.provincial_id), _counts(a), compare_href(a)) for a in al.for_central(doc.id)],
            list(al.missing.get(doc.id, [])))

    def note(self, doc_id: str, anchor: str | None) -> list[NoteItem]:
        return self._notes.get((doc_id, anchor), []) if anchor else []

    def coverage(self, doc_id: str, anchor: str | None) -> list[CoverageRow]:
        return self._coverage.get((doc_id, anchor), []) if anchor else []


# --- hooks for the document page ---------------------------------------------------------------------------
def document_panel(ctx: AlignContext | None, doc: Document) -> Html:
    """The alignment panel of a document page: what it implements (or the honest note that the central text is
    not in the corpus), and which texts implement it."""
    if ctx is None:
        return EMPTY
    view = ctx.panel(doc)
    return macros("align.html").panel(view) if view else EMPTY


def article_aside(ctx: AlignContext | None, doc: Document, anchor: str | None) -> Html:
    """Under an article: its central counterpart(s), or the coverage table of a central article."""
    if ctx is None or not anchor:
        return EMPTY
    m = macros("align.html")
    note, coverage = ctx.note(doc.id, anchor), ctx.coverage(doc.id, anchor)
    return (m.article_note(note) if note else EMPTY) + (m.coverage(coverage) if coverage else EMPTY)


def compare_pages(ctx: AlignContext) -> dict[str, str]:
    """{'doi-chieu/<provincial id>--<central id>.md': page} for every alignment."""
    out = {}
    for a in ctx.alignments.alignments:
        view = ctx.compare_view(a)
        out[compare_page_path(a)] = page_source(view.title, render_template("align_page.html", view=view))
    return out
