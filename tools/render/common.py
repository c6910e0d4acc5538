"""Names, labels and small helpers shared by the page renderers (no HTML here)."""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date as _date
from typing import Iterable

from ..ids import ascii_fold
from ..model import Document, Node
from .markup import plain_label

UNKNOWN = "chưa rõ"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DOC_DIR = "van-ban"
SITE_NAME = "Văn bản công tác dân vận"

LEVEL_ORDER = ("central", "province", "district", "commune", None)
LEVEL_LABELS = {
    "central": "Trung ương",
    "province": "Tỉnh, thành phố",
    "district": "Huyện",
    "commune": "Xã",
    None: "Chưa rõ cấp",
}
LEVEL_SLUGS = {"central": "trung-uong", "province": "tinh", "district": "huyen", "commune": "xa", None: "chua-ro-cap"}
NO_LOCALITY = "Chưa rõ địa phương"

HEADING_KINDS = ("part", "chapter", "section")
# The name a node kind is cited by ("khoản 2 Điều 5"). A kind missing here is rendered as a paragraph.
KIND_NAMES = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều",
              "clause": "khoản", "point": "điểm", "item": "", "paragraph": "", "table": "",
              "heading": "", "quote": ""}


def date_parts(iso: str | None) -> tuple[int | None, int, int] | None:
    """(day, month, year) of an ISO date; (None, month, year) of a month ('2021-11'); None otherwise."""
    if not iso:
        return None
    try:
        d = _date.fromisoformat(iso)
        return d.day, d.month, d.year
    except (TypeError, ValueError):
        m = re.fullmatch(r"(\d{4})-(\d{2})", str(iso))
        return (None, int(m.group(2)), int(m.group(1))) if m else None


def fmt_date(iso: str | None) -> str | None:
    """'2021-11-05' -> '05/11/2021'; None stays None; anything unparseable is returned as is."""
    if not iso:
        return None
    p = date_parts(iso)
    if p is None:
        return str(iso)
    day, month, year = p
    return f"{day:02d}/{month:02d}/{year:04d}" if day else f"{month:02d}/{year}"


def sort_key_text(s: str | None) -> str:
    return ascii_fold(s or "").casefold()


def clip(s: object, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Ids and page paths
# ---------------------------------------------------------------------------------------------

def check_doc_id(doc_id: object) -> str | None:
    """None if the id may name a page file, otherwise the reason (Vietnamese) it may not."""
    if not isinstance(doc_id, str) or not ID_RE.fullmatch(doc_id):
        return "mã văn bản không hợp lệ (chỉ được dùng chữ thường a-z, chữ số và dấu gạch ngang)"
    return None


def valid_documents(docs: Iterable[Document]) -> tuple[list[Document], list[str]]:
    """Documents whose id can safely name a file, and one error message per refused document."""
    ok: list[Document] = []
    errors: list[str] = []
    seen: set[str] = set()
    for d in docs:
        reason = check_doc_id(getattr(d, "id", None))
        src = d.source.path if getattr(d, "source", None) else None
        where = f" (tệp {src})" if src else ""
        if reason:
            errors.append(f"Bỏ qua văn bản có mã {d.id!r}{where}: {reason}.")
            continue
        if d.id in seen:
            errors.append(f"Bỏ qua văn bản có mã {d.id!r}{where}: trùng mã với một văn bản khác.")
            continue
        seen.add(d.id)
        ok.append(d)
    return ok, errors


def doc_page_path(doc: Document) -> str:
    """Site-relative source path of a document page ('van-ban/<id>.md'); the id must be valid."""
    if check_doc_id(doc.id):
        raise ValueError(f"invalid document id: {doc.id!r}")
    return f"{DOC_DIR}/{doc.id}.md"


def doc_html_path(doc: Document) -> str:
    return f"{DOC_DIR}/{doc.id}.html"


def count_nodes(docs: Iterable[Document]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for d in docs:
        for n in d.all_nodes():
            counts[n.kind] += 1
    return counts


# ---------------------------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------------------------

def short_title(doc: Document, max_len: int = 70) -> str:
    """Navigation label, safe for theme templates: 'Quyết định 165/2025/QĐ-UBND' when the number is
    known (short and distinct within a locality), else the title, shortened."""
    if doc.number:
        return plain_label(f"{doc.type or 'Văn bản'} {doc.number}", max_len)
    return plain_label(doc.title or doc.id, max_len)


def page_title(doc: Document) -> str:
    """Browser-tab title: number and title (an all-capitals title in sentence case, titles.sentence_case)."""
    from .titles import sentence_case
    t = sentence_case(doc.title, [doc.locality or ""]) if doc.title else doc.id
    if doc.number:
        t = f"{doc.number} – {t}"
    return plain_label(t, 140)


def running_head(doc: Document) -> str:
    """Plain text for the print running header: 'Quy chế số 03-QC/…', else the (shortened) title."""
    if doc.number:
        t = f"{doc.type} số {doc.number}" if doc.type else f"Số {doc.number}"
    else:
        t = clip(doc.title or doc.id, 90)
    return " ".join(t.split())


def split_type(title: str, type_: str | None) -> tuple[str | None, str]:
    """('Quy chế', 'phối hợp …') from 'Quy chế phối hợp …' when the title starts with its type."""
    if type_ and sort_key_text(title).startswith(sort_key_text(type_)) and len(title) > len(type_):
        return title[:len(type_)], title[len(type_):].strip(" :-–")
    return type_, title


def annex_kicker(kind: str) -> str:
    return {"appendix": "Phụ lục", "form": "Mẫu"}.get(kind, "Văn bản kèm theo")


def annex_label(a) -> str:
    """'Quy chế quản lý …' for the table of contents (no 'Quy chế: Quy chế …')."""
    if not a.title:
        return a.type or annex_kicker(a.kind)
    kind, subject = split_type(a.title, a.type)
    return f"{kind} {subject}" if kind else subject


def node_label(n: Node, kind: str) -> str | None:
    """The marker as written, else 'Điều 5' / 'khoản 2' made from the number."""
    if n.label is not None:
        return n.label
    return f"{KIND_NAMES[kind]} {n.num}".strip() if n.num and KIND_NAMES.get(kind) else None
