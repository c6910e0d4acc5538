"""The "Tìm hiểu" part of the site: hand-written pages (docs/tim-hieu/*.md, Markdown) and the glossary made
from the corpus (render.glossary), grouped in one navigation section.

The plugin hands over the hand-written pages it finds ({src_uri: Markdown source}); everything else is here.
"""
from __future__ import annotations

import re

from typing import Iterable

from ..model import Document
from .glossary import GUIDE_PAGE
from .glossary import PAGE as GLOSSARY_PAGE
from .glossary import TITLE as GLOSSARY_TITLE
from .glossary import render_glossary
from .knowledge_links import absent_without_citation, cite_absent_documents
from .markup import plain_label

SECTION = "Tìm hiểu"
FOLDER = "tim-hieu"
# Reading order of the section; a page of the folder not named here comes after these, by file name.
ORDER = ("tim-hieu/gioi-thieu.md", "tim-hieu/doc-van-ban.md", "tim-hieu/huong-dan.md", GLOSSARY_PAGE)
# Link targets in a hand-written page's Markdown: inline '](target)' and reference definitions '[ref]: target'.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?[^)]*\)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_PAGE_TARGET = re.compile(r"^([a-z0-9-]+\.md)$")
_FRONT_TITLE = re.compile(r"\A---\s*\n(?:.*\n)*?title:\s*(.+?)\s*\n(?:.*\n)*?---\s*\n")
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def generated_pages(docs: list[Document], handwritten: Iterable[str] = ()) -> dict[str, str]:
    """Pages of the section made from the corpus: {src_uri: page source}. `handwritten` are the hand-written
    pages that will be published (the glossary links to the reading guide only if it is one of them)."""
    return {GLOSSARY_PAGE: render_glossary(docs, guide=GUIDE_PAGE in set(handwritten))}


def link_targets(markdown: str) -> list[str]:
    """The targets of the links of a hand-written page, anchors removed."""
    out = []
    for m in _LINK_TARGET.finditer(markdown):
        target = (m.group(1) or m.group(2) or "").split("#", 1)[0]
        if target:
            out.append(target)
    return out


def withheld_pages(handwritten: dict[str, str], doc_ids: Iterable[str]) -> dict[str, str]:
    """Hand-written pages that cannot be published with this corpus, and why (Vietnamese, for the build log).

    A knowledge page says only what documents say and links each claim to its provision. A link to a document
    the corpus does not hold becomes text that cites it (knowledge_links.cite_absent_documents) when the page
    writes that document's citation; a page that cites an absent document without writing its citation would
    state things the site can neither show nor cite, so it is left out, and so is a page that links to a page
    left out (until nothing changes). Pages linking to no document always stay."""
    present = set(doc_ids)
    out: dict[str, str] = {}
    missing_docs = {}
    for uri, md in handwritten.items():
        ids = absent_without_citation(md, present)     # absent documents it cites by name are made text instead
        if ids:
            missing_docs[uri] = ids
            out[uri] = (f"danvan: trang {uri} không được đưa lên vì dẫn tới văn bản không có trong kho: "
                        + ", ".join(ids))
    changed = True
    while changed:
        changed = False
        for uri, md in handwritten.items():
            if uri in out:
                continue
            folder = uri.rsplit("/", 1)[0]
            gone = sorted({f"{folder}/{m.group(1)}" for t in link_targets(md) if (m := _PAGE_TARGET.match(t))}
                          & set(out))
            if gone:
                out[uri] = f"danvan: trang {uri} không được đưa lên vì dẫn tới trang không được đưa lên: " + ", ".join(gone)
                changed = True
    return out


def published_source(markdown: str, doc_ids: Iterable[str]) -> str:
    """A hand-written page as this build publishes it: links to absent documents made text that cites them."""
    return cite_absent_documents(markdown, set(doc_ids))


def page_title(src_uri: str, markdown: str) -> str:
    """A hand-written page's title: front matter `title:`, else its first '# ' heading, else its file name."""
    m = _FRONT_TITLE.match(markdown)
    if m:
        return plain_label(m.group(1).strip("'\""))
    m = _H1.search(markdown)
    if m:
        return plain_label(m.group(1))
    return plain_label(src_uri.rsplit("/", 1)[-1].removesuffix(".md"))


def is_knowledge_page(src_uri: str) -> bool:
    return src_uri.startswith(FOLDER + "/") and src_uri.endswith(".md")


def knowledge_nav(handwritten: dict[str, str]) -> dict:
    """The navigation section: {'Tìm hiểu': [{title: src_uri}, …]} from the hand-written pages
    ({src_uri: Markdown}) and the glossary."""
    titles = {uri: page_title(uri, md) for uri, md in handwritten.items() if is_knowledge_page(uri)}
    titles[GLOSSARY_PAGE] = GLOSSARY_TITLE
    rank = {uri: i for i, uri in enumerate(ORDER)}
    uris = sorted(titles, key=lambda u: (rank.get(u, len(ORDER)), u))
    return {SECTION: [{titles[u]: u} for u in uris]}
