"""Topic pages (chu-de/): an index and one page per topic listing its provisions; the topic tags shown under an
article's heading on document pages. Markup: templates/duties.html."""
from __future__ import annotations

from collections import defaultdict

from ..enrich import Enrichment
from ..enrich.export import cite
from ..enrich.topics import load_topics
from ..model import Document
from .common import clip, doc_html_path, doc_page_path, short_title
from .duties import rel
from .markup import EMPTY, Html, macros, page_source

DIR = "chu-de"
INDEX = f"{DIR}/index.md"


def topic_path(topic_id: str) -> str:
    return f"{DIR}/{topic_id}.md"


def topic_pages(docs: list[Document], enr: Enrichment) -> dict[str, str]:
    tp = load_topics()
    by_id = {d.id: d for d in docs}
    nodes = {}
    for d in docs:
        for n in d.all_nodes():
            if n.anchor:
                nodes[(d.id, n.anchor)] = n
    provisions: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for (doc_id, anchor), tags in enr.topics.items():
        n = nodes.get((doc_id, anchor))
        if n is None or n.kind == "article" and any(c.kind == "clause" for c in n.children):
            continue          # an article with clauses is listed through its clauses
        for t in tags:
            provisions[t][doc_id].append((anchor, n))
    pages = {}
    index = []
    for t in tp.topics:
        here = topic_path(t.id)
        groups = []
        for doc_id, items in provisions.get(t.id, {}).items():
            doc = by_id[doc_id]
            groups.append({"short": short_title(doc), "href": rel(here, doc_html_path(doc)), "provisions": [
                {"ref": cite(anchor), "href": rel(here, f"{doc_html_path(doc)}#{anchor}"),
                 "text": clip(" ".join(x for x in (n.title, n.text) if x), 320)} for anchor, n in items]})
        count = sum(len(g["provisions"]) for g in groups)
        index.append({"name": t.name, "description": t.description, "href": rel(INDEX, here), "count": count})
        pages[here] = page_source(t.name, macros("duties.html").topic_page(
            {"name": t.name, "description": t.description}, groups, rel(here, INDEX)))
    pages[INDEX] = page_source("Chủ đề", macros("duties.html").topic_index(index))
    return pages


def tag_renderer(doc: Document, enr: Enrichment):
    """For document pages: a function (article anchor) -> the article's topic tags (HTML), linked to topic pages."""
    names = {t.id: t.name for t in load_topics().topics}
    here = doc_page_path(doc)

    def tags(anchor: str | None) -> Html:
        ids = enr.topics.get((doc.id, anchor or ""), [])
        if not ids:
            return EMPTY
        return macros("duties.html").topic_tags([{"name": names[i], "href": rel(here, topic_path(i))} for i in ids])
    return tags
