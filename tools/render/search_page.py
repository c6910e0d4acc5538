"""The search page at the site root (search.html): an empty frame that danvan-search.js fills in from the
browser index (assets/search/, written by danvan.search.site)."""
from __future__ import annotations

from ..model import Document
from .markup import page_source, render_template

SEARCH_PAGE = "search.md"
SEARCH_TITLE = "Tìm kiếm"
INDEX_DIR = "assets/search"


def render_search_page(docs: list[Document], available: bool = True) -> str:
    html = render_template("search.html", documents=len(docs), index_dir=INDEX_DIR + "/", available=available)
    return page_source(SEARCH_TITLE, html)
