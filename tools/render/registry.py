"""Pages of the cited documents that are not in the corpus (the registry), and their index
"Văn bản được dẫn chiếu". Data here; markup in templates/links.html."""
from __future__ import annotations

from dataclasses import dataclass

from ..link import Links
from ..model import Document
from .links import REGISTRY_DIR, doc_href, registry_rows
from .common import clip, short_title, sort_key_text
from .markup import macros, page_source, render_template

INDEX_TITLE = "Văn bản được dẫn chiếu"


@dataclass
class RegistryView:
    key: str
    label: str
    rows: list
    groups: list          # (citing doc title, href, [(href, where, relation, quote)])
    count: int


def registry_path(key: str) -> str:
    return f"{REGISTRY_DIR}/{key}.md"


def render_registry(links: Links | None, docs: list[Document]) -> dict[str, str]:
    """{'dan-chieu/index.md': …, 'dan-chieu/<key>.md': …}: one page per cited document outside the corpus."""
    m = macros("links.html")
    by_id = {d.id: d for d in docs}
    entries = sorted((links.registry.values() if links else []), key=lambda e: sort_key_text(e.label))
    pages: dict[str, str] = {}
    rows = []
    for e in entries:
        groups: dict[str, tuple] = {}
        for r in e.references:
            d = by_id.get(r.place.doc_id)
            if d is None:
                continue
            g = groups.setdefault(d.id, (short_title(d, 90), doc_href(d.id, from_registry=True), []))
            quote = r.context or clip(r.citation.text, 120)
            g[2].append((doc_href(d.id, r.place.anchor, from_registry=True), r.place.ref or "văn bản",
                         r.relation if r.relation and r.relation != "dẫn chiếu" else None, quote))
        view = RegistryView(e.key, e.label, registry_rows(e), list(groups.values()), len(e.references))
        html = render_template("registry.html", body=m.registry_page(view))
        pages[registry_path(e.key)] = page_source(e.label, html)
        rows.append((f"{e.key}.html", e.label, "Trung ương" if e.scope == "national" else e.scope, len(e.references)))
    pages[f"{REGISTRY_DIR}/index.md"] = page_source(INDEX_TITLE, render_template(
        "registry.html", body=m.registry_index(rows, len(rows))))
    return pages


__all__ = ["INDEX_TITLE", "registry_path", "render_registry"]
