"""Tables of contents: the one on the page (templates/toc.html) and the tokens of the theme's sidebar."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document, Node
from .common import HEADING_KINDS, KIND_NAMES, annex_label
from .markup import esc

OPEN_UP_TO = 0      # the table of contents starts collapsed: the text comes first


def node_toc_label(n: Node) -> str:
    label = n.label or (f"{KIND_NAMES.get(n.kind, '')} {n.num or ''}".strip())
    if n.title:
        sep = " " if n.kind == "article" else ". "
        if label.endswith((".", ":")) or not label:
            sep = " "
        return f"{label}{sep}{n.title}".strip()
    if n.kind == "article":
        # an untitled article ("Điều 1. Dân vận và công tác dân vận là …"): show its opening words
        text = n.text or next((c.text for c in n.children if c.text), "")
        words = text.split()
        if words:
            return f"{label} {' '.join(words[:8])}{' …' if len(words) > 8 else ''}".strip()
    return label or KIND_NAMES.get(n.kind, "")


@dataclass
class Entry:
    kind: str
    anchor: str | None
    text: str
    linked: bool
    children: list["Entry"] = field(default_factory=list)


@dataclass
class Group:
    annex: bool                 # an annex's own line ("Quy chế …") comes first
    anchor: str | None
    label: str | None
    linked: bool
    entries: list[Entry]
    depth: int = 0              # 1, 2, 3: an appendix or form nested in the annex above (Annex.parent)


@dataclass
class TocView:
    groups: list[Group]
    total: int

    @property
    def open(self) -> bool:
        return self.total <= OPEN_UP_TO


def _entries(nodes: list[Node], ids: set[str]) -> list[Entry]:
    """Chapters, sections (with what they hold) and articles."""
    return [Entry(n.kind, n.anchor, node_toc_label(n), bool(n.anchor and n.anchor in ids),
                  _entries(n.children, ids) if n.kind in HEADING_KINDS else [])
            for n in nodes if n.kind in HEADING_KINDS or n.kind == "article"]


def _count(entries: list[Entry]) -> int:
    return sum(1 + _count(e.children) for e in entries)


def toc_view(doc: Document, ids: set[str]) -> TocView:
    """The page's table of contents; links only to the ids the page actually has."""
    groups = [Group(False, None, None, False, _entries(doc.body, ids))]
    depth = annex_depths(doc)
    groups += [Group(True, a.anchor, annex_label(a), a.anchor in ids, _entries(a.body, ids), min(depth[i], 3))
               for i, a in enumerate(doc.annexes)]
    total = sum(_count(g.entries) + (1 if g.anchor else 0) for g in groups)
    return TocView(groups, total)


def annex_depths(doc: Document) -> list[int]:
    """How deep each annex of doc.annexes is nested (0: top level), from Annex.parent."""
    seen: dict[str, int] = {}
    out = []
    for a in doc.annexes:
        d = seen[a.parent] + 1 if a.parent in seen else 0
        seen.setdefault(a.anchor, d)
        out.append(d)
    return out


def toc_tokens(doc: Document) -> list[dict]:
    """Python-Markdown style toc tokens (name is HTML) for the theme's 'on this page' sidebar."""
    seen: set[str] = set()

    def conv(nodes: list[Node], level: int) -> list[dict]:
        res = []
        for n in nodes:
            if n.kind not in HEADING_KINDS and n.kind != "article":
                continue
            children = conv(n.children, level + 1) if n.kind in HEADING_KINDS else []
            if n.anchor and n.anchor not in seen:
                seen.add(n.anchor)
                res.append({"level": level, "id": n.anchor, "name": esc(node_toc_label(n)), "children": children})
            else:
                res.extend(children)
        return res

    tokens = conv(doc.body, 2)
    holder: dict[str, list] = {}      # an annex's token list, where its nested annexes go (Annex.parent)
    for a, depth in zip(doc.annexes, annex_depths(doc)):
        into = holder.get(a.parent, tokens) if a.parent else tokens
        kids = conv(a.body, 3 + depth)
        if a.anchor and a.anchor not in seen:
            seen.add(a.anchor)
            into.append({"level": 2 + depth, "id": a.anchor, "name": esc(annex_label(a)), "children": kids})
            holder.setdefault(a.anchor, kids)
        else:
            into.extend(kids)
    return tokens
