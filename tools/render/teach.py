"""Cite, print and teach: what the document page needs for its citation, print, handout and presentation
controls (templates/teach.html; behaviour in site_plugins/assets/danvan-teach.js), and the handout page.

* ``Citer`` gives each article, clause, point and heading its full citation (``cite.citation``), carried by the
  page in ``data-cite``;
* ``doc_tools`` is the source line a printout carries and the links of the page's toolbar;
* ``render_handout_page`` is the page of the handout basket ("Tài liệu phát tay"), filled in the browser from
  localStorage (it works from file://: no request is made).
"""
from __future__ import annotations

from ..model import Annex, Document, Node
from . import cite
from .common import DOC_DIR
from .markup import page_source, render_template

HANDOUT_PAGE = "tai-lieu-phat-tay.md"          # site-relative source path of the handout page
HANDOUT_HTML = "tai-lieu-phat-tay.html"


def docx_name(doc: Document) -> str:
    """File name of a document's Word export (``danvan export --format docx``; the page's button uses the same)."""
    return f"{doc.id}.docx"


class Citer:
    """Citations of the provisions of one document, in the scope being rendered (the document or an annex)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.body_scope = cite.scope_name(doc)
        self.scope = self.body_scope

    def enter(self, annex: Annex | None) -> None:
        self.scope = cite.scope_name(self.doc, annex) if annex is not None else self.body_scope

    def cite(self, path: list[Node]) -> str:
        """The whole citation of an article, clause or point: 'khoản 2 Điều 5 Quy chế …'."""
        return cite.compose(cite.provision(path), self.scope)

    def heading(self, path: list[Node]) -> tuple[str, str]:
        """(short reference, citation) of a Phần/Chương/Mục: 'Chương II', 'Chương II Quy chế …'."""
        where = cite.provision(path) or (path[-1].label or "").strip() or "phần này"
        return where, f"{where} {self.scope}"


def doc_tools(doc: Document) -> dict:
    """The source facts a printout carries and the links of the page toolbar. The page's Word file is made in
    the browser from the page (danvan-teach.js); ``danvan export --format docx`` writes it with python-docx."""
    return {"source": cite.source_line(doc), "title": " ".join((doc.title or doc.id).split()),
            "page": f"{DOC_DIR}/{doc.id}.html", "basket_href": f"../{HANDOUT_HTML}"}


def extra_pages() -> dict[str, str]:
    """Pages the site gets besides the home and document pages: {site-relative path: Markdown source}."""
    return {HANDOUT_PAGE: render_handout_page()}


def render_handout_page() -> str:
    """The handout page: an empty list the browser fills from localStorage."""
    return page_source("Tài liệu phát tay", render_template("handout.html", page=HANDOUT_HTML))


def public_link(site_url: str | None, doc: Document) -> str | None:
    """The document page at the public address, or None without one."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + f"{DOC_DIR}/{doc.id}.html"
