"""Responsibility pages: the agency index, one page per agency, the comparison by kind of agency, the matrix
agencies × documents, the reporting calendar and the downloads (CSV, JSON). Markup: templates/duties.html.

Pages sit under co-quan/; every link is relative, so the site opens from file://."""
from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..enrich import Agency, Duty, Enrichment, enrich
from ..enrich.cues import load_cues
from ..enrich.export import cite, duties_csv, duties_json
from ..enrich.gazetteer import load_gazetteer
from ..model import Document
from .common import doc_html_path, short_title, sort_key_text
from .markup import macros, page_source

DIR = "co-quan"
INDEX = f"{DIR}/index.md"
COMPARE = f"{DIR}/so-sanh.md"
MATRIX = f"{DIR}/ma-tran.md"
CALENDAR = f"{DIR}/lich-bao-cao.md"
CSV_PATH = "tai-ve/nhiem-vu.csv"
JSON_PATH = "tai-ve/nhiem-vu.json"
LEVEL_ORDER = ("trung-uong", "tinh", "huyen", "xa", "co-so", "cac-cap")
CALENDAR_ORDER = ("hang-tuan", "hang-thang", "hang-quy", "6-thang", "9-thang", "hang-nam", "thang-12", "dinh-ky",
                  "dot-xuat")


def agency_path(a: Agency | str) -> str:
    aid = a if isinstance(a, str) else a.id
    scope, kind = aid.split("/", 1)
    return f"{DIR}/{scope}/{kind}.md"


def html(md_path: str) -> str:
    return md_path[:-3] + ".html" if md_path.endswith(".md") else md_path


def rel(from_md: str, to: str) -> str:
    """Relative link from one page to a site path ('co-quan/index.md' -> '../van-ban/x.html')."""
    target, _, frag = to.partition("#")
    r = posixpath.relpath(html(target), posixpath.dirname(from_md) or ".")
    return r + (f"#{frag}" if frag else "")


@dataclass
class DutyView:
    ref: str
    href: str
    role: str
    role_id: str
    text: str
    counterparts: list[tuple[str, str | None]]
    periods: list[str]
    deadline: str | None
    agencies: list[tuple[str, str]] = field(default_factory=list)   # (name, href): who, on the calendar
    doc: str = ""


@dataclass
class Ctx:
    docs: dict[str, Document]
    enr: Enrichment
    roles: dict[str, str] = field(default_factory=dict)
    periods: dict[str, str] = field(default_factory=dict)


def _duty_view(ctx: Ctx, d: Duty, here: str, with_agency: bool = False) -> DutyView:
    doc = ctx.docs[d.doc_id]
    cps = [(name, rel(here, agency_path(cid)) if cid in ctx.enr.agencies else None)
           for name, cid in zip(d.counterparts, d.counterpart_ids)]
    return DutyView(ref=cite(d.anchor), href=rel(here, f"{doc_html_path(doc)}#{d.anchor}"),
                    role=ctx.roles.get(d.role, d.role), role_id=d.role, text=d.text, counterparts=cps,
                    periods=[ctx.periods[p] for p in d.period], deadline=d.deadline,
                    agencies=[(ctx.enr.agencies[d.agency_id].display, rel(here, agency_path(d.agency_id)))]
                    if with_agency else [], doc=short_title(doc) if with_agency else "")


def _merged(ctx: Ctx, duties: list[Duty], here: str) -> list[DutyView]:
    """One entry per provision: the agencies a clause gives the same period share it ("HĐND, UBND, MTTQ … báo cáo")."""
    out: dict[tuple[str, str], DutyView] = {}
    for d in duties:
        v = out.get((d.doc_id, d.anchor))
        if v is None:
            out[(d.doc_id, d.anchor)] = _duty_view(ctx, d, here, with_agency=True)
        else:
            v.agencies.append((ctx.enr.agencies[d.agency_id].display, rel(here, agency_path(d.agency_id))))
            if len(d.text) > len(v.text):
                v.text = d.text
    return list(out.values())


def _by_agency(enr: Enrichment) -> dict[str, list[Duty]]:
    out: dict[str, list[Duty]] = defaultdict(list)
    for d in enr.all_duties():
        out[d.agency_id].append(d)
    return out


def _agency_sort(a: Agency):
    return (LEVEL_ORDER.index(a.level) if a.level in LEVEL_ORDER else 99, sort_key_text(a.name),
            sort_key_text(a.locality or ""))


def index_page(ctx: Ctx, by: dict[str, list[Duty]]) -> str:
    gz = load_gazetteer()
    groups = []
    for type_id, type_name in gz.types.items():
        bodies = [a for a in ctx.enr.agencies.values() if a.type == type_id and by.get(a.id)]
        if not bodies:
            continue
        levels = []
        for lv in LEVEL_ORDER:
            items = sorted((a for a in bodies if a.level == lv), key=_agency_sort)
            if items:
                levels.append({"label": gz.levels[lv], "agencies": [
                    {"href": rel(INDEX, agency_path(a)), "name": a.name, "where": a.locality or
                     ("Trung ương" if a.scope == "trung-uong" else "chung"), "count": len(by[a.id]),
                     "generic": a.generic} for a in items]})
        groups.append({"id": type_id, "label": type_name, "count": len(bodies), "levels": levels})
    links = {"compare": rel(INDEX, COMPARE), "matrix": rel(INDEX, MATRIX), "calendar": rel(INDEX, CALENDAR),
             "csv": rel(INDEX, CSV_PATH), "json": rel(INDEX, JSON_PATH)}
    total = sum(len(v) for v in by.values())
    body = macros("duties.html").agency_index(groups, links, total, len([a for a in by if by[a]]))
    return page_source("Cơ quan và nhiệm vụ", body)


def agency_page(ctx: Ctx, a: Agency, duties: list[Duty]) -> str:
    gz = load_gazetteer()
    here = agency_path(a)
    by_doc: dict[str, list[Duty]] = defaultdict(list)
    for d in duties:
        by_doc[d.doc_id].append(d)
    docs = []
    for doc_id, ds in by_doc.items():
        doc = ctx.docs[doc_id]
        docs.append({"title": doc.title, "short": short_title(doc), "href": rel(here, doc_html_path(doc)),
                     "duties": [_duty_view(ctx, d, here) for d in ds]})
    roles = Counter(d.role for d in duties)
    counterparts: Counter = Counter()
    for d in duties:
        counterparts.update(zip(d.counterparts, d.counterpart_ids))
    partners = [{"name": name, "href": rel(here, agency_path(cid)) if cid in ctx.enr.agencies else None, "count": n}
                for (name, cid), n in counterparts.most_common()]
    reports = [_duty_view(ctx, d, here) for d in duties if d.period or d.reports]
    kind = gz.kinds[a.kind]
    central = None
    if a.central:
        ck = gz.kinds[a.central.split("/", 1)[1]]
        central = {"name": ck.name, "href": rel(here, agency_path(a.central)) if a.central in ctx.enr.agencies else None,
                   "note": ck.note}
    facts = {"type": gz.types.get(a.type, a.type), "level": gz.levels.get(a.level, a.level),
             "locality": a.locality, "generic": a.generic, "note": kind.note,
             "index": rel(here, INDEX), "calendar": rel(here, CALENDAR)}
    body = macros("duties.html").agency_page(a.display, facts, central, [
        {"label": ctx.roles[r], "id": r, "count": roles[r]} for r in ctx.roles if roles[r]], docs, partners, reports)
    return page_source(a.display, body)


def compare_page(ctx: Ctx, by: dict[str, list[Duty]]) -> str:
    gz = load_gazetteer()
    fams = []
    for fam_id, fam in gz.families.items():
        bodies = sorted((a for a in ctx.enr.agencies.values() if a.family == fam_id and by.get(a.id)), key=_agency_sort)
        if not bodies:
            continue
        rows = []
        for a in bodies:
            c = Counter(d.role for d in by[a.id])
            rows.append({"name": a.name, "where": a.locality or ("Trung ương" if a.scope == "trung-uong" else "chung"),
                         "href": rel(COMPARE, agency_path(a)), "total": len(by[a.id]),
                         "roles": [c[r] for r in ctx.roles]})
        central = gz.kinds.get(fam.get("central") or "")
        fams.append({"name": fam["name"], "rows": rows,
                     "central": {"name": central.name, "note": central.note} if central else None,
                     "localities": len({a.locality for a in bodies if a.locality})})
    body = macros("duties.html").compare_page(fams, list(ctx.roles.values()), rel(COMPARE, INDEX))
    return page_source("So sánh theo loại cơ quan", body)


def matrix_page(ctx: Ctx, by: dict[str, list[Duty]]) -> str:
    docs = [d for d in ctx.docs.values() if any(k[0] == d.id for k in ctx.enr.duties)]
    cols = [{"label": short_title(d, 40), "title": d.title, "href": rel(MATRIX, doc_html_path(d))} for d in docs]
    rows = []
    for a in sorted((a for a in ctx.enr.agencies.values() if by.get(a.id)), key=_agency_sort):
        c = Counter(d.doc_id for d in by[a.id])
        rows.append({"name": a.display, "href": rel(MATRIX, agency_path(a)), "cells": [c[d.id] for d in docs]})
    body = macros("duties.html").matrix_page(cols, rows, rel(MATRIX, INDEX))
    return page_source("Ma trận cơ quan × văn bản", body)


def calendar_page(ctx: Ctx) -> str:
    groups = []
    cues = load_cues()
    for p in CALENDAR_ORDER:
        ds = [d for d in ctx.enr.all_duties() if p in d.period]
        views = _merged(ctx, ds, CALENDAR)
        groups.append({"id": p, "label": cues.periods[p]["name"], "count": len(views), "duties": views})
    deadlines = _merged(ctx, [d for d in ctx.enr.all_duties() if d.deadline], CALENDAR)
    body = macros("duties.html").calendar_page(groups, deadlines, rel(CALENDAR, INDEX))
    return page_source("Lịch báo cáo và việc định kỳ", body)


def duty_pages(docs: list[Document], enr: Enrichment) -> dict[str, str]:
    """Every responsibility page and the downloads: {site path: content}."""
    cues = load_cues()
    ctx = Ctx({d.id: d for d in docs}, enr, dict(cues.roles), {k: v["name"] for k, v in cues.periods.items()})
    by = _by_agency(enr)
    pages = {INDEX: index_page(ctx, by), COMPARE: compare_page(ctx, by), MATRIX: matrix_page(ctx, by),
             CALENDAR: calendar_page(ctx)}
    for aid, duties in by.items():
        pages[agency_path(aid)] = agency_page(ctx, enr.agencies[aid], duties)
    return pages


def duty_downloads(docs: list[Document], enr: Enrichment) -> dict[str, str]:
    """All duties as CSV (UTF-8 with BOM) and JSON, at tai-ve/."""
    by_id = {d.id: d for d in docs}
    return {CSV_PATH: duties_csv(enr, by_id, href=lambda doc, anchor: f"{doc_html_path(doc)}#{anchor}"),
            JSON_PATH: duties_json(enr, by_id)}


_LAST: list = []


def enrichment(docs: list[Document]) -> Enrichment:
    """enrich(docs), computed once for the same list of documents (pages, navigation and downloads share it)."""
    key = tuple(id(d) for d in docs)
    if _LAST and _LAST[0][0] == key and all(a is b for a, b in zip(_LAST[0][1], docs)):
        return _LAST[0][2]
    enr = enrich(docs)
    _LAST[:] = [(key, list(docs), enr)]
    return enr


def has_tables(enr: Enrichment) -> bool:
    """Whether the corpus assigns any duty or touches any topic (else no responsibility or topic pages)."""
    return bool(enr.duties) or any(enr.topics.values())
