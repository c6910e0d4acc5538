"""The home page (templates/home.html): documents grouped by level and locality, newest first."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Document
from .common import (LEVEL_LABELS, LEVEL_ORDER, LEVEL_SLUGS, NO_LOCALITY, SITE_NAME, UNKNOWN,
                     count_nodes, doc_html_path, fmt_date, sort_key_text)
from .markup import page_source, render_template


def _invert(s: str) -> tuple:
    return tuple(-ord(c) for c in s)


def group_documents(docs: list[Document]) -> list[tuple[str | None, list[tuple[str | None, list[Document]]]]]:
    """[(level, [(locality, [docs newest first])])], levels in LEVEL_ORDER, localities A–Z."""
    by_level: dict[str | None, dict[str | None, list[Document]]] = defaultdict(lambda: defaultdict(list))
    for d in docs:
        level = d.level if d.level in LEVEL_LABELS else None
        by_level[level][d.locality or None].append(d)
    out = []
    for level in LEVEL_ORDER:
        if level not in by_level:
            continue
        locs = by_level[level]
        groups = []
        for loc in sorted(locs, key=lambda x: (x is None, sort_key_text(x))):
            ds = sorted(locs[loc], key=lambda d: (sort_key_text(d.title), d.id))
            ds.sort(key=lambda d: (d.date is None, _invert(d.date or "")))
            groups.append((loc, ds))
        out.append((level, groups))
    return out


def source_name(d: Document) -> str:
    return d.source.path.rsplit("/", 1)[-1] if d.source and d.source.path else d.id


@dataclass
class Card:
    href: str
    title: str
    caps: bool             # an all-capitals title is set in small capitals
    has_errors: bool
    type: str
    number: str
    date: str
    articles: int
    source: str | None     # the file name, when several documents share this title


def card(d: Document, show_source: bool) -> Card:
    title = d.title or d.id
    return Card(doc_html_path(d), title, title.isupper(), d.has_errors,
                d.type or UNKNOWN, d.number or UNKNOWN, fmt_date(d.date) if d.date else UNKNOWN,
                sum(1 for n in d.all_nodes() if n.kind == "article"),
                source_name(d) if show_source else None)


@dataclass
class Locality:
    heading: str | None    # None: no heading (a single unnamed locality, or central documents)
    cards: list[Card]

    @property
    def count(self) -> int:
        return len(self.cards)


@dataclass
class LevelGroup:
    slug: str
    label: str
    count: int
    localities: list[Locality]


def render_home(docs: list[Document], errors: list[str], build_info: dict) -> str:
    counts = count_nodes(docs)
    title_count = Counter(d.title for d in docs)
    levels = []
    for level, locs in group_documents(docs):
        single_unnamed = len(locs) == 1 and locs[0][0] is None
        localities = [
            Locality(None if single_unnamed or (level == "central" and loc is None) else (loc or NO_LOCALITY),
                     [card(d, title_count[d.title] > 1) for d in ds])
            for loc, ds in locs]
        levels.append(LevelGroup(LEVEL_SLUGS[level], LEVEL_LABELS[level], sum(len(ds) for _, ds in locs), localities))
    html = render_template(
        "home.html", site_name=SITE_NAME, documents=len(docs), articles=counts.get("article", 0),
        clauses=counts.get("clause", 0), levels=levels, errors=list(errors), error_count=len(errors),
        build_date=build_info.get("build_date"),
        corpus_version=str(build_info["corpus_version"])[:12] if build_info.get("corpus_version") else None,
        git_describe=build_info.get("git_describe"))
    return page_source(SITE_NAME, html)
