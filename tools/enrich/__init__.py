"""The enrich stage: responsibility tables (duties of agencies) and topics, over parsed Documents.

    enrich(documents) -> Enrichment

Pure: documents are not changed. Data: corpus/agencies.json (gazetteer), corpus/topics.json,
tools/data/duties.json (cue phrases); acronyms come from corpus/acronyms.json.
Modules: ``gazetteer`` (agencies, matching, scoping), ``cues`` (cue phrases, roles, periods), ``duties``
(extraction from a clause's text), ``topics``, ``export`` (JSON keys, CSV), ``bench`` (gold figures).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, Node
from .cues import load_cues
from .duties import TEXT_KINDS, UNIT_KINDS, Extractor, RawDuty, _unique
from .gazetteer import AgencyKind, body_id, fold_tones, load_gazetteer, nfc, scope_of
from .topics import load_topics

__all__ = ["Agency", "Duty", "Enrichment", "enrich", "enrich_document", "facets_for", "node_text"]


@dataclass
class Duty:
    doc_id: str
    anchor: str                 # the clause or point ('dieu-5-khoan-2'); an article without clauses: 'dieu-3'
    agency_id: str              # scoped body id: 'binh-thuan/ban-dan-van-tinh-uy'
    agency: str                 # canonical name: 'Ban Dân vận Tỉnh ủy'
    kind: str                   # gazetteer id: 'ban-dan-van-tinh-uy'
    role: str                   # role id of the verb that opens the duty: 'chu-tri', 'phoi-hop', …
    roles: list[str]            # every role the duty's text names, in order
    counterparts: list[str]     # canonical names
    counterpart_ids: list[str]  # scoped body ids
    period: list[str]           # normalized: 'hang-thang', 'hang-quy', '6-thang', '9-thang', 'hang-nam', 'thang-12',
                                # 'dinh-ky', 'dot-xuat' (tools/data/duties.json)
    deadline: str | None        # '15/12' of 'trước ngày 15/12'
    text: str
    reports: bool               # the duty includes reporting


@dataclass
class Agency:
    """One body: a kind of agency in one place ('Ban Dân vận Tỉnh ủy' of Bình Thuận)."""
    id: str                     # 'binh-thuan/ban-dan-van-tinh-uy'
    kind: str
    name: str                   # 'Ban Dân vận Tỉnh ủy'
    scope: str                  # 'binh-thuan', 'trung-uong', 'chung'
    locality: str | None        # 'Bình Thuận'
    type: str
    level: str
    family: str
    generic: bool
    central: str | None         # body id of the central counterpart ('trung-uong/ban-dan-van-trung-uong')
    docs: list[str] = field(default_factory=list)

    @property
    def display(self) -> str:
        return f"{self.name} ({self.locality})" if self.locality and self.scope != "trung-uong" else self.name


@dataclass
class Enrichment:
    duties: dict[tuple[str, str], list[Duty]] = field(default_factory=dict)    # (doc id, anchor) -> duties
    topics: dict[tuple[str, str], list[str]] = field(default_factory=dict)     # (doc id, anchor) -> topic ids
    agencies: dict[str, Agency] = field(default_factory=dict)                  # body id -> Agency

    def all_duties(self) -> list[Duty]:
        return [d for ds in self.duties.values() for d in ds]


def node_text(n: Node) -> str:
    """A unit's own text with the paragraphs and items under it (not its points)."""
    parts = [n.text or ""]
    for c in n.children:
        if c.kind in TEXT_KINDS:
            parts.append(node_text(c))
    return "\n".join(p for p in parts if p and p.strip())


def _aliases(doc: Document, ex: Extractor, parties: list[str]) -> dict[str, str]:
    """Short names of the text's own parties: a generic name written in the capitals that start the full name
    of one party ('Ban Cán sự đảng' in a Quy chế between a Ban Dân vận and the 'Ban Cán sự đảng Ủy ban nhân
    dân tỉnh') means that party."""
    gz = ex.gz
    fulls = {p: [nfc(x) for x in (gz.kinds[p].name, *gz.kinds[p].aliases)] for p in parties if p in gz.kinds}
    out: dict[str, str] = {}
    for n in doc.all_nodes():
        for t in (n.title, n.text):
            if not t:
                continue
            t = nfc(t)
            for m in gz.find(t):
                written = t[m.start:m.end]
                if len(m.ids) != 1 or not gz.kinds[m.ids[0]].generic or not written[:1].isupper():
                    continue
                hits = {p for p, names in fulls.items() if any(x.startswith(written + " ") for x in names)}
                if len(hits) == 1:
                    out[written] = hits.pop()
    return out


_PARTY_MARK = re.compile(r"(?<!\w)(giưa|cua)(?!\w)")                       # giữa, của
_CITED_TEXT = re.compile(r"(?<!\w)(chi thi|nghi quyêt|quyêt đinh|kêt luân|thông bao|thông tư|nghi đinh|luât|sô \d)")  # chỉ thị, nghị quyết…


def _parties(doc: Document, ex: Extractor, aliases) -> list[str]:
    """The bodies a text is between or for: named in its title after 'của'/'giữa' (not a cited text's issuer:
    'Kế hoạch thực hiện Chỉ thị … của Ban Bí thư'), else its joint issuers."""
    title = nfc(" ".join((doc.title or "").split()))
    f = fold_tones(title)
    ms = ex.mentions(title, aliases)
    for m in _PARTY_MARK.finditer(f):
        if _CITED_TEXT.search(f, 0, m.start()):
            break
        # the names right after the mark ('của các cơ quan …', 'giữa A và B'), one after another
        found, cur = [], m.end()
        for mm, ids in ms:
            if mm.start < cur:
                continue
            if len(f[cur:mm.start].split()) > (1 if not found else 1):
                break
            found.extend(ids)
            cur = mm.end
        if found:
            return _unique(found)
    if len(doc.issuers) >= 2:
        return _unique(i for iss in doc.issuers for _, ids in ex.mentions(nfc(iss.name), aliases) for i in ids)
    return []


def enrich_document(doc: Document, ex: Extractor | None = None) -> tuple[list[tuple[Node, list[RawDuty]]],
                                                                      dict[str, list[str]]]:
    """(unit, raw duties) for every clause and point (and article without clauses), and topics per anchor."""
    ex = ex or Extractor(load_gazetteer(), load_cues())
    tp = load_topics()
    parties = _parties(doc, ex, None)
    aliases = _aliases(doc, ex, parties)
    units: list[tuple[Node, list[RawDuty]]] = []
    topics: dict[str, list[str]] = {}

    def walk(nodes: list[Node], context: list[str]) -> list[str]:
        """Tags nodes; returns the topics of the list (for the parent's union)."""
        seen: list[str] = []
        for n in nodes:
            ctx = context
            if n.kind in ("part", "chapter", "section", "article"):
                ctx = ex.heading_agencies(n.title, aliases) or context
            own: list[str] = []
            if n.kind in UNIT_KINDS or (n.kind == "article" and not any(c.kind in UNIT_KINDS for c in n.children)):
                text = node_text(n)
                duties = ex.unit_duties(text, ctx, parties, aliases) if text else []
                units.append((n, duties))
                own = tp.tag(((n.title or "") + "\n" + text) if n.kind == "article" else text)
                # a clause's own subject (or 'Đối với X') is what its points inherit
                inherited = [d.kind for d in duties] or ctx
                ctx = (ex.opening(text, aliases)[0] or inherited) if n.kind != "article" else ctx
            elif n.kind in TEXT_KINDS:
                continue
            else:
                own = tp.tag(n.title or "") if n.kind == "article" else []
            below = walk([c for c in n.children if c.kind not in TEXT_KINDS], ctx)
            tags = _unique(own + below) if n.kind in ("article",) + UNIT_KINDS else []
            if n.anchor and n.kind in ("article",) + UNIT_KINDS:
                topics[n.anchor] = [t for t in (x.id for x in tp.topics) if t in tags]
            seen.extend(tags)
        return _unique(seen)

    walk(doc.body, parties)
    for a in doc.annexes:
        walk(a.body, _parties_of_annex(ex, a, aliases) or parties)
    return units, topics


def _parties_of_annex(ex: Extractor, annex, aliases) -> list[str]:
    return ex.heading_agencies(None, aliases)


def enrich(documents: list[Document]) -> Enrichment:
    """Duties, topics and agencies of every document."""
    gz = load_gazetteer()
    ex = Extractor(gz, load_cues())
    out = Enrichment()
    for doc in documents:
        units, topics = enrich_document(doc, ex)
        scope = scope_of(doc.locality, doc.level)
        for anchor, tags in topics.items():
            out.topics[(doc.id, anchor)] = tags
        for node, raws in units:
            if not node.anchor or not raws:
                continue
            duties = []
            for r in raws:
                body = _body(out, gz, gz.kinds[r.kind], scope, doc)
                cps = [_body(out, gz, gz.kinds[c], scope, doc, register=False) for c in r.counterparts]
                duties.append(Duty(doc_id=doc.id, anchor=node.anchor, agency_id=body.id, agency=body.name,
                                   kind=r.kind, role=r.role, roles=list(r.roles), counterparts=[c.name for c in cps],
                                   counterpart_ids=[c.id for c in cps], period=list(r.period),
                                   deadline=r.deadline, text=r.text, reports=r.reports))
            out.duties[(doc.id, node.anchor)] = duties
    return out


def _body(out: Enrichment, gz, kind: AgencyKind, scope: str, doc: Document, register: bool = True) -> Agency:
    bid = body_id(kind, scope)
    a = out.agencies.get(bid)
    if a is None:
        central_kind = gz.central_of(kind.id)
        a = Agency(id=bid, kind=kind.id, name=kind.name, scope=bid.split("/", 1)[0],
                   locality=doc.locality if not bid.startswith("trung-uong/") else None,
                   type=kind.type, level=kind.level, family=kind.family, generic=kind.generic,
                   central=body_id(central_kind, scope) if central_kind and central_kind.id != kind.id else None)
        if register:
            out.agencies[bid] = a
    if register:
        out.agencies.setdefault(bid, a)
        if doc.id not in a.docs:
            a.docs.append(doc.id)
    return a


_FACETS: dict[str, dict[str, dict[str, list[str]]]] = {}


def facets_for(doc: Document, node: Node) -> dict[str, list[str]]:
    """Search facets of a provision: {'agency': [agency kind ids responsible in it or below], 'topic': [topic ids]}.
    Agency kinds (gazetteer ids: 'ban-dan-van-tinh-uy') are the same in every locality, so one facet value finds
    the body of that kind in every document."""
    key = f"{doc.id}:{id(doc)}"
    table = _FACETS.get(key)
    if table is None:
        if len(_FACETS) > 256:
            _FACETS.clear()
        units, topics = enrich_document(doc)
        table = {}
        for n, raws in units:
            if n.anchor:
                table[n.anchor] = {"agency": _unique(r.kind for r in raws), "topic": topics.get(n.anchor, [])}
        for anchor, tags in topics.items():
            table.setdefault(anchor, {"agency": [], "topic": tags})
        _FACETS[key] = table
    own = table.get(node.anchor or "", {"agency": [], "topic": []})
    agencies = list(own["agency"])
    for n in node.walk():
        if n is not node and n.anchor in table:
            agencies.extend(a for a in table[n.anchor]["agency"] if a not in agencies)
    return {"agency": agencies, "topic": list(own["topic"])}
