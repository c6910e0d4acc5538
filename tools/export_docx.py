"""Word (.docx) export of a document, for trainers who edit their material: title, source line, preamble,
headings, articles, clauses, points, tables, closing lines and annexes, with python-docx.

Public: ``document_docx(doc) -> bytes``. The site build writes one beside each document page
(``van-ban/<id>.docx``, linked from the page). Text is written as runs, never interpreted.
"""
from __future__ import annotations

import io
import re

from docx import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .model import Annex, Document, Node
from .render.cite import annex_name, source_line, title_name
from .render.common import KIND_NAMES, node_label

# Characters XML 1.0 cannot hold (python-docx would refuse them): dropped.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
HEADING_LEVEL = {"part": 1, "chapter": 1, "section": 2, "heading": 2}


def _clean(s: object) -> str:
    return _BAD_XML.sub("", " ".join(str(s or "").split()))


def _lines(text: str | None) -> list[str]:
    return [_clean(ln) for ln in str(text or "").split("\n") if ln.strip()]


class _Writer:
    def __init__(self) -> None:
        self.d = DocxDocument()
        st = self.d.styles["Normal"]
        st.font.name = "Times New Roman"
        st.font.size = Pt(13)
        for s in self.d.sections:
            s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Cm(3), Cm(2), Cm(2), Cm(2)
        # python-docx's add_paragraph searches the whole body for its end on every call (quadratic: 16 s for a
        # 0.8 MB decree) and its run/font objects are slow: paragraphs are built as WordprocessingML elements and
        # put straight before the section properties (5× faster); style ids are looked up once.
        self._end = self.d.element.body.sectPr
        self._style_ids = {name: self.d.styles[name].style_id for name in ("Title", "Heading 1", "Heading 2", "Heading 3")}

    @staticmethod
    def _el(tag: str, **attrs: str):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(f"w:{k}"), v)
        return el

    def _p(self, style: str | None = None, indent: float = 0, center: bool = False):
        p = OxmlElement("w:p")
        if style or indent or center:
            ppr = p.makeelement(qn("w:pPr"), {})
            p.append(ppr)
            if style:
                ppr.append(self._el("w:pStyle", val=self._style_ids[style]))
            if indent:
                ppr.append(self._el("w:ind", left=str(int(Cm(indent).twips))))
            if center:
                ppr.append(self._el("w:jc", val="center"))
        self._end.addprevious(p)
        return p

    def _run(self, p, text: str, bold: bool = False, italic: bool = False) -> None:
        r = OxmlElement("w:r")
        if bold or italic:
            rpr = OxmlElement("w:rPr")
            if bold:
                rpr.append(OxmlElement("w:b"))
            if italic:
                rpr.append(OxmlElement("w:i"))
            r.append(rpr)
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
        p.append(r)

    def para(self, text: str, bold_lead: str = "", indent: float = 0, italic: bool = False,
             center: bool = False) -> None:
        p = self._p(indent=indent, center=center)
        if bold_lead:
            self._run(p, _clean(bold_lead) + (" " if text else ""), bold=True)
        if text:
            self._run(p, _clean(text), italic=italic)

    def heading(self, text: str, level: int) -> None:
        self._run(self._p("Title" if level == 0 else f"Heading {level}"), _clean(text))

    def page_break(self) -> None:
        p = self._p()
        r = OxmlElement("w:r")
        r.append(self._el("w:br", type="page"))
        p.append(r)

    def table(self, n: Node) -> None:
        rows = [r for r in n.rows if r]
        if not rows:
            return
        cols = max(len(r) for r in rows)
        t = self.d.add_table(rows=len(rows), cols=cols)
        t.style = self.d.styles["Table Grid"]
        for row, r in zip(t.rows, rows):
            for j, cell in enumerate(row.cells):
                cell.text = _clean(r[j]) if j < len(r) else ""

    def node(self, n: Node, depth: int) -> None:
        if n.kind == "table":
            self.table(n)
            return
        label = node_label(n, n.kind) or ""
        lines = _lines(n.text)
        if n.kind in HEADING_LEVEL:
            self.heading(" ".join(x for x in (label, _clean(n.title)) if x) or KIND_NAMES.get(n.kind, ""),
                         HEADING_LEVEL[n.kind])
            for ln in lines:
                self.para(ln)
        elif n.kind == "article":
            self.heading(" ".join(x for x in (label, _clean(n.title)) if x) or "Điều", 3)
            for ln in lines:
                self.para(ln)
        else:
            lead = " ".join(x for x in (label, _clean(n.title)) if x)
            first, rest = (lines[0], lines[1:]) if lines else ("", [])
            if lead or first:
                self.para(first, bold_lead=lead, indent=0.6 * depth)
            for ln in rest:
                self.para(ln, indent=0.6 * depth)
        child_depth = depth + 1 if n.kind in ("clause", "point", "item") else depth
        for c in n.children:
            self.node(c, child_depth)

    def data(self) -> bytes:
        buf = io.BytesIO()
        self.d.save(buf)
        return buf.getvalue()


def _annex(w: _Writer, doc: Document, a: Annex) -> None:
    w.page_break()
    name = title_name(a.title, a.type, doc.locality) if a.kind == "annex" else annex_name(a)
    w.heading(name or "Văn bản kèm theo", 1)
    if a.note:
        w.para(a.note, italic=True, center=True)
    for p in a.preamble:
        w.para(_clean(p.text))
    for n in a.body:
        w.node(n, 0)
    for ln in a.closing:
        w.para(ln)


def document_docx(doc: Document, link: str | None = None) -> bytes:
    """The document as a .docx: title, source line (and link), preamble, body, closing, annexes."""
    w = _Writer()
    w.d.core_properties.title = _clean(doc.title)[:250]
    w.heading(title_name(doc.title, doc.type, doc.locality) or doc.id, 0)
    src = "Nguồn: " + source_line(doc) + (f". {link}" if link else "")
    w.para(src, italic=True)
    for p in doc.preamble:
        w.para(_clean(p.text), italic=p.kind == "basis")
    for n in doc.body:
        w.node(n, 0)
    for ln in doc.closing:
        w.para(ln)
    for s in doc.signers:
        for ln in ([s.on_behalf, s.title, s.name] if (s.on_behalf or s.title or s.name) else s.lines):
            if ln:
                w.para(ln, center=True)
    for a in doc.annexes:
        _annex(w, doc, a)
    return w.data()
