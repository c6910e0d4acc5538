"""The home page (templates/home.html): what the site is, counts, the ways in (the list, by level, other
pages) and the newest documents. Short whatever the corpus size: the full list is danh-sach.html (browse.py)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Document
from .common import (LEVEL_LABELS, LEVEL_ORDER, LEVEL_SLUGS, SITE_NAME, UNKNOWN,
                     count_nodes, doc_html_path, fmt_date, sort_key_text)
from .browse import BROWSE_HTML, display_title
from .markup import page_source, render_template

RECENT = 8          # newest documents shown on the home page


def source_name(d: Document) -> str:
    return d.source.path.rsplit("/", 1)[-1] if d.source and d.source.path else d.id


@dataclass
class Card:
    href: str
    title: str             # in sentence case (titles.sentence_case); the stored title is unchanged
    has_errors: bool
    type: str
    number: str
    date: str
    articles: int
    source: str | None     # the file name, when several documents share this title


def card(d: Document, show_source: bool) -> Card:
    return Card(doc_html_path(d), display_title(d), d.has_errors,
                d.type or UNKNOWN, d.number or UNKNOWN, fmt_date(d.date) if d.date else UNKNOWN,
                sum(1 for n in d.all_nodes() if n.kind == "article"),
                source_name(d) if show_source else None)


@dataclass
class LevelLink:
    label: str
    count: int
    href: str


def newest(docs: list[Document], n: int = RECENT) -> list[Document]:
    """Newest first; undated documents only when there are too few dated ones."""
    ds = sorted(docs, key=lambda d: sort_key_text(d.title))
    ds.sort(key=lambda d: d.date or "", reverse=True)
    ds.sort(key=lambda d: d.date is None)
    return ds[:n]


def render_home(docs: list[Document], errors: list[str], build_info: dict,
                entry_points: list[tuple[str, str, str]] = ()) -> str:
    """`entry_points`: other pages of the site as (label, href from the root, what it is for), shown among the
    ways in (render_site passes the pages it makes)."""
    counts = count_nodes(docs)
    title_count = Counter(d.title for d in docs)
    levels = Counter(d.level if d.level in LEVEL_LABELS else None for d in docs)
    level_links = [LevelLink(LEVEL_LABELS[k], levels[k], f"{BROWSE_HTML}?cap={LEVEL_SLUGS[k]}")
                   for k in LEVEL_ORDER if levels[k]]
    recent = [card(d, title_count[d.title] > 1) for d in newest(docs)]
    html = render_template(
        "home.html", site_name=SITE_NAME, documents=len(docs), articles=counts.get("article", 0),
        clauses=counts.get("clause", 0), browse=BROWSE_HTML, levels=level_links, entry_points=list(entry_points),
        recent=recent, errors=list(errors), error_count=len(errors),
        build_date=build_info.get("build_date"),
        corpus_version=str(build_info["corpus_version"])[:12] if build_info.get("corpus_version") else None,
        git_describe=build_info.get("git_describe"))
    return page_source(SITE_NAME, html)
