"""Citations on the document pages: the legal text as segments (citations as links, the text unchanged),
previews of cited provisions, the places that cite each article, the relations panel and the JSON-LD.
Data only here; the markup is in templates/links.html. The link stage (danvan.link) finds what is shown."""
from __future__ import annotations

from ..link import Links, Reference, text_key
from ..model import Document, Node
from .common import KIND_NAMES, clip, fmt_date, short_title
from .markup import EMPTY, Html, json_ld, macros

REGISTRY_DIR = "dan-chieu"
PREVIEW_CHARS = 600


def registry_href(key: str, from_doc: bool = True) -> str:
    return f"../{REGISTRY_DIR}/{key}.html" if from_doc else f"{key}.html"


def doc_href(doc_id: str, anchor: str | None = None, from_registry: bool = False) -> str:
    base = f"../van-ban/{doc_id}.html" if from_registry else f"{doc_id}.html"
    return f"{base}#{anchor}" if anchor else base


def _node_text(n: Node) -> str:
    parts = []
    for x in n.walk():
        head = " ".join(p for p in (x.label, x.title) if p)
        body = " ".join(x.text.split()) if x.text else ""
        if x.rows:
            body = " ".join(" | ".join(r) for r in x.rows)
        parts.append(" ".join(p for p in (head, body) if p))
    return " ".join(p for p in parts if p)


class CiteView:
    """What one document page shows of the link stage."""

    def __init__(self, doc: Document, links: Links | None, docs: dict[str, Document] | None):
        self.doc = doc
        self.links = links
        self.docs = docs or {}
        self.m = macros("links.html")
        self._nodes: dict[str, dict[str, Node]] = {}

    # -- text as segments --------------------------------------------------------------------
    def lines(self, obj, field: str, text: str | None, index: int = 0) -> list:
        """The non-empty lines of a text, stripped (as document.text_lines), each with its citations as links."""
        if not text:
            return []
        refs = self.links.by_text.get(text_key(obj, field, index), []) if self.links else []
        out = []
        pos = 0
        for raw in str(text).split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            line = raw.strip()
            if not line:
                continue
            lstart = start + (len(raw) - len(raw.lstrip()))
            lend = lstart + len(line)
            inside = [r for r in refs if lstart <= r.citation.start and r.citation.end <= lend]
            if not inside:
                out.append(line)
                continue
            segs, p = [], lstart
            for r in inside:
                s, e = r.citation.start, r.citation.end
                if s > p:
                    segs.append((text[p:s], None))
                segs.append((text[s:e], self.link(r)))
                p = e
            if p < lend:
                segs.append((text[p:lend], None))
            out.append(self.m.cited_line(segs))
        return out

    def link(self, r: Reference) -> dict | None:
        c = r.citation
        if r.internal:
            if r.anchor:
                href, title = f"#{r.anchor}", "Đến phần được dẫn chiếu trong văn bản này"
            elif r.doc_id == self.doc.id:
                return None              # "Quy chế này" of the whole text: nothing to jump to
            else:
                href, title = doc_href(r.doc_id), "Đến văn bản"
            kind = "noi-bo"
        elif r.doc_id:
            href, title, kind = doc_href(r.doc_id, r.anchor), "Văn bản trong bộ sưu tập", "van-ban"
        elif r.target:
            href, title, kind = registry_href(r.target), "Văn bản được dẫn chiếu (toàn văn chưa có trong bộ sưu tập)", "dan-chieu"
        else:
            return None
        head, preview = self.preview(r)
        return {"href": href, "kind": kind, "title": title, "preview": preview, "preview_head": head}

    def preview(self, r: Reference) -> tuple[str, str]:
        """(heading, text) of a cited provision in the corpus, or of a cited corpus document."""
        target = self.docs.get(r.doc_id) if r.doc_id else None
        if target is None:
            return "", ""
        if r.anchor:
            n = self.node(target, r.anchor)
            if n is not None:
                annex = next((a for a in target.annexes if r.anchor.startswith(a.anchor + "-")), None)
                where = " ".join(x for x in (KIND_NAMES.get(n.kind, ""), n.num or "", annex.type if annex else None) if x)
                if target.id == self.doc.id:
                    # the provision is on this page: the browser reads its text there (danvan-links.js), so a
                    # decree that cites itself a thousand times does not carry its text a second time
                    return where, ""
                return f"{where} – {short_title(target, 60)}", clip(_node_text(n), PREVIEW_CHARS)
        if target.id == self.doc.id:
            return "", ""
        return short_title(target, 80), clip(target.title, PREVIEW_CHARS)

    def node(self, doc: Document, anchor: str) -> Node | None:
        if doc.id not in self._nodes:
            self._nodes[doc.id] = {n.anchor: n for n in doc.all_nodes() if n.anchor}
        return self._nodes[doc.id].get(anchor)

    # -- cited by ----------------------------------------------------------------------------
    def cited_by(self, n: Node) -> Html:
        if not self.links or not n.anchor:
            return EMPTY
        items, seen = [], set()
        for r in self.links.cited_in(self.doc.id, n.anchor):
            p = r.place
            same = p.doc_id == self.doc.id
            href = (f"#{p.anchor}" if p.anchor else "#") if same else doc_href(p.doc_id, p.anchor)
            where = p.ref or "văn bản"
            label = where if same else f"{short_title(self.docs[p.doc_id], 60)} – {where}" \
                if p.doc_id in self.docs else where
            if (href, label) not in seen:
                seen.add((href, label))
                items.append((href, label))
        return self.m.cited_by(items)

    # -- relations panel ---------------------------------------------------------------------
    def relations(self) -> Html:
        if not self.links:
            return EMPTY
        groups: dict[str, list] = {}
        seen = set()
        for rel in self.links.relations.get(self.doc.id, []):
            if rel.direction == "out":
                if rel.other_doc_id and rel.other_doc_id in self.docs:
                    href, text = doc_href(rel.other_doc_id), short_title(self.docs[rel.other_doc_id], 90)
                else:
                    e = self.links.registry.get(rel.target)
                    href, text = registry_href(rel.target), (e.label if e else rel.number or rel.name or rel.target)
                note = None if rel.other_doc_id else "toàn văn chưa có trong bộ sưu tập"
            else:
                other = self.docs.get(rel.other_doc_id)
                href = doc_href(rel.other_doc_id, rel.anchor)
                text, note = (short_title(other, 90) if other else rel.other_doc_id), None
            if (rel.label, href.split("#")[0]) in seen:
                continue
            seen.add((rel.label, href.split("#")[0]))
            groups.setdefault(rel.label[0].upper() + rel.label[1:], []).append((href, text, note))
        order = ["Căn cứ", "Thực hiện", "Hướng dẫn", "Thay thế", "Sửa đổi, bổ sung", "Bãi bỏ"]
        ranked = sorted(groups.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
        return self.m.relations_panel(ranked)

    # -- JSON-LD -----------------------------------------------------------------------------
    def jsonld(self) -> Html:
        d = self.doc
        data = {"@context": "https://schema.org", "@type": "Legislation", "name": d.title,
                "inLanguage": "vi", "url": f"{d.id}.html"}
        if d.number:
            data["legislationIdentifier"] = d.number
        if d.date:
            data["legislationDate"] = d.date
        if d.type:
            data["legislationType"] = d.type
        data["legislationJurisdiction"] = d.locality if d.level != "central" and d.locality else "Việt Nam"
        if d.issuers:
            data["legislationPassedBy"] = [{"@type": "Organization", "name": i.name} for i in d.issuers]
        props = {"thực hiện": "legislationApplies", "hướng dẫn": "legislationApplies", "thay thế": "legislationChanges",
                 "sửa đổi, bổ sung": "legislationChanges", "bãi bỏ": "legislationChanges", "căn cứ": "isBasedOn",
                 "dẫn chiếu": "citation"}
        seen = set()
        for rel in (self.links.relations.get(d.id, []) if self.links else []):
            if rel.direction != "out" or (props.get(rel.type), rel.target) in seen or rel.type not in props:
                continue
            seen.add((props[rel.type], rel.target))
            item = {"@type": "Legislation"}
            if rel.number:
                item["legislationIdentifier"] = rel.number
            other = self.docs.get(rel.other_doc_id) if rel.other_doc_id else None
            e = self.links.registry.get(rel.target)
            item["name"] = other.title if other else (e.label if e else rel.name or rel.number or rel.target)
            if e and e.date:
                item["legislationDate"] = e.date
            item["url"] = doc_href(rel.other_doc_id) if other else registry_href(rel.target)
            data.setdefault(props[rel.type], []).append(item)
        return self.m.jsonld(json_ld(data))


def registry_rows(e) -> list[tuple[str, str | None]]:
    return [("Số hiệu", e.number), ("Tên gọi", e.name), ("Loại văn bản", e.doc_type), ("Cơ quan ban hành", e.issuer),
            ("Ngày ban hành", fmt_date(e.date) or e.year), ("Khóa", e.term),
            ("Phạm vi", "Trung ương (toàn quốc)" if e.scope == "national" else f"Địa phương: {e.scope}")]


__all__ = ["CiteView", "REGISTRY_DIR", "doc_href", "registry_href", "registry_rows"]
