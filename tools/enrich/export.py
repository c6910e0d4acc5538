"""The enrichment in exported data: node-level `duties` and `topics` in the JSON export, and the downloads of
all duties (CSV in UTF-8 with a BOM, so spreadsheet programs read Vietnamese; JSON)."""
from __future__ import annotations

import csv
import io
import json

from . import Duty, Enrichment
from .cues import load_cues

CSV_COLUMNS = ["van_ban", "so_hieu", "dia_phuong", "dieu_khoan", "lien_ket", "co_quan", "ma_co_quan", "vai_tro",
               "phoi_hop_voi", "dinh_ky", "han", "bao_cao", "noi_dung"]
CSV_HEADER = ["Văn bản", "Số hiệu", "Địa phương", "Điều, khoản", "Liên kết", "Cơ quan chịu trách nhiệm", "Mã cơ quan",
              "Vai trò", "Phối hợp với", "Định kỳ", "Thời hạn", "Có báo cáo", "Nội dung nhiệm vụ"]


def duty_json(d: Duty) -> dict:
    """A duty as the JSON export writes it on its node."""
    return {"agency": d.agency, "agency_id": d.agency_id, "role": d.role, "roles": list(d.roles),
            "counterparts": list(d.counterparts), "counterpart_ids": list(d.counterpart_ids),
            "period": list(d.period), "deadline": d.deadline, "reports": d.reports, "text": d.text}


def annotate(doc_dict: dict, enr: Enrichment) -> dict:
    """Adds `duties` (clauses, points, articles without clauses) and `topics` (articles, clauses, points) to the
    nodes of one exported document (the dict of model.to_dict), in place; returns it."""
    doc_id = doc_dict["id"]

    def walk(nodes):
        for n in nodes:
            key = (doc_id, n.get("anchor"))
            if key in enr.duties:
                n["duties"] = [duty_json(d) for d in enr.duties[key]]
            if key in enr.topics:
                n["topics"] = list(enr.topics[key])
            walk(n.get("children", []))

    walk(doc_dict.get("body", []))
    for a in doc_dict.get("annexes", []):
        walk(a.get("body", []))
    return doc_dict


def cite(anchor: str) -> str:
    """'dieu-4-khoan-1-diem-1-2' -> 'Điều 4, khoản 1, điểm 1.2' (from the anchor; annex prefixes kept)."""
    parts = anchor.split("-")
    names = {"dieu": "Điều", "khoan": "khoản", "diem": "điểm"}
    out, i = [], 0
    prefix = []
    while i < len(parts) and parts[i] not in names:
        prefix.append(parts[i])
        i += 1
    while i < len(parts):
        name = names.get(parts[i])
        j = i + 1
        num = []
        while j < len(parts) and parts[j] not in names:
            num.append(parts[j])
            j += 1
        out.append(f"{name} {'.'.join(num)}" if name else "-".join([parts[i], *num]))
        i = j
    text = ", ".join(out)
    return f"{text} ({'-'.join(prefix)})" if prefix else text


def rows(enr: Enrichment, docs: dict, href=None) -> list[dict]:
    """One row per duty, in document and reading order. `docs`: doc id -> Document; `href(doc, anchor)` makes the
    link column (default: the page path)."""
    cues = load_cues()
    out = []
    for (doc_id, anchor), duties in enr.duties.items():
        doc = docs.get(doc_id)
        for d in duties:
            out.append({
                "van_ban": doc.title if doc else doc_id, "so_hieu": (doc.number if doc else None) or "",
                "dia_phuong": (doc.locality if doc else None) or "", "dieu_khoan": cite(anchor),
                "lien_ket": href(doc, anchor) if href and doc else f"van-ban/{doc_id}.html#{anchor}",
                "co_quan": d.agency, "ma_co_quan": d.agency_id, "vai_tro": cues.roles.get(d.role, d.role),
                "phoi_hop_voi": "; ".join(d.counterparts),
                "dinh_ky": "; ".join(cues.periods[p]["name"] for p in d.period), "han": d.deadline or "",
                "bao_cao": "có" if d.reports else "", "noi_dung": d.text})
    return out


def duties_csv(enr: Enrichment, docs: dict, href=None) -> str:
    """All duties as CSV text: a BOM, a Vietnamese header row, every field quoted (texts hold commas, quotes and
    line breaks)."""
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for r in rows(enr, docs, href):
        w.writerow([r[c] for c in CSV_COLUMNS])
    return "\ufeff" + buf.getvalue()


def duties_json(enr: Enrichment, docs: dict) -> str:
    """All duties and agencies as one JSON document."""
    agencies = [{"id": a.id, "name": a.name, "kind": a.kind, "type": a.type, "level": a.level, "family": a.family,
                 "locality": a.locality, "generic": a.generic, "central": a.central, "documents": list(a.docs)}
                for a in enr.agencies.values()]
    duties = [{"document": doc_id, "anchor": anchor, **duty_json(d)}
              for (doc_id, anchor), ds in enr.duties.items() for d in ds]
    return json.dumps({"agencies": agencies, "duties": duties}, ensure_ascii=False, indent=1)
