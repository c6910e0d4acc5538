"""Render Documents into the pages of the static site.

Every page is a Markdown file that holds front matter (a plain title) and ONE raw HTML block, made from
the Jinja2 templates in ``danvan/templates``. Corpus text never reaches Markdown, Jinja or the browser
unescaped, by construction (see ``markup``):

* templates autoescape, with ``esc`` as the escape of every ``{{ value }}`` (``finalize``); ``esc`` also
  turns Markdown/Jinja metacharacters into numeric character references and makes a value one line, so
  even if a later configuration let Markdown into the block (md_in_html), nothing in the corpus could
  become markup, a link or a template expression; the template environment has no filters (no ``|safe``);
* HTML assembled in Python is ``Html`` (a ``Markup`` whose escape is ``esc``), never a formatted string;
* the block never contains a blank line and every text run sits inside an element on one line, so
  Python-Markdown passes the block through untouched;
* titles handed to MkDocs/Material (which prints them unescaped in ``<title>``, the header and the
  navigation) are made plain (``plain_label``) where they are handed over: front matter, navigation.

Modules: ``markup`` (escaping, templates), ``common`` (names, ids, paths), ``document`` (a document's
text), ``meta`` (letterhead, metadata panel, notes), ``toc``, ``home``, ``pages`` (the site, navigation),
``align`` (compare pages, alignment notes and coverage tables: danvan.align).

Public entry point: ``render_site(docs, errors, build_info) -> {site-relative path: content}``.
Helpers the MkDocs plugin uses: ``site_nav``, ``site_data``, ``toc_tokens``, ``valid_documents``, ``doc_page_path``.
"""
from __future__ import annotations

from .common import (DOC_DIR, HEADING_KINDS, KIND_NAMES, LEVEL_LABELS, LEVEL_ORDER, NO_LOCALITY, SITE_NAME,
                     UNKNOWN, check_doc_id, count_nodes, doc_html_path, doc_page_path, fmt_date, page_title,
                     running_head, short_title, valid_documents)
from .document import NODE_LAYOUTS, render_document
from .home import render_home
from .markup import Html, esc, plain_label
from .pages import render_site, site_data, site_files, site_nav
from .toc import toc_tokens

__all__ = [
    "DOC_DIR", "HEADING_KINDS", "KIND_NAMES", "LEVEL_LABELS", "LEVEL_ORDER", "NODE_LAYOUTS", "NO_LOCALITY",
    "SITE_NAME", "UNKNOWN", "Html", "check_doc_id", "count_nodes", "doc_html_path", "doc_page_path", "esc",
    "fmt_date", "group_documents", "page_title", "plain_label", "render_document", "render_home", "render_site",
    "running_head", "short_title", "site_data", "site_files", "site_nav", "toc_tokens", "valid_documents",
]
