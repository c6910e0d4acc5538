"""Facts about a document, as views for templates/meta.html: the letterhead, the metadata panel and the
editorial notes. Only data here; the markup is in the template."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as _date
from typing import NamedTuple

from ..model import Document, Issuer, Signer
from .common import LEVEL_LABELS, NO_LOCALITY, UNKNOWN, clip, fmt_date


def from_sidecar(doc: Document) -> set[str]:
    return set(doc.metadata.get("from_sidecar", []) or [])


# ---------------------------------------------------------------------------------------------
# Letterhead
# ---------------------------------------------------------------------------------------------

@dataclass
class Letterhead:
    issuers: list[Issuer] = field(default_factory=list)
    number: str | None = None
    motto: list[tuple[bool, str]] = field(default_factory=list)   # (subordinate line, text)
    when: list[str] = field(default_factory=list)                 # place, "ngày … tháng … năm …"


def letterhead(doc: Document) -> Letterhead:
    """What the text itself carries; facts from a sidecar go to the panel only."""
    side = from_sidecar(doc)
    v = Letterhead()
    if "issuers" not in side:
        v.issuers = list(doc.issuers)
    if doc.number and "number" not in side:
        v.number = doc.number
    v.motto = [(k > 0, m) for k, m in enumerate(doc.motto) if m and m.strip()]
    if doc.place and "place" not in side:
        v.when.append(doc.place)
    if doc.date and "date" not in side:
        try:
            d = _date.fromisoformat(doc.date)
            v.when.append(f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}")
        except (TypeError, ValueError):
            v.when.append(str(doc.date))
    return v


# ---------------------------------------------------------------------------------------------
# Metadata panel
# ---------------------------------------------------------------------------------------------

class Cell(NamedTuple):
    values: list[str]          # known values; none = "chưa rõ"
    sidecar: bool = False      # the value comes from the editors' sidecar, not from the text

    @property
    def many(self) -> bool:
        return len(self.values) > 1


def _one(value: object, sidecar: bool = False) -> Cell:
    known = value is not None and bool(str(value).strip())
    return Cell([str(value)] if known else [], bool(sidecar and value))


def _many(values: list[str]) -> Cell:
    return Cell([v for v in values if v and v.strip()])


def _issuer_text(doc: Document) -> str | None:
    names = [f"{i.name} ({i.parent})" if i.parent else i.name for i in doc.issuers]
    return "; ".join(n for n in names if n) or None


def _signer_text(s: Signer) -> str:
    if not (s.title or s.name or s.on_behalf):
        return " / ".join(ln for ln in s.lines if ln) or UNKNOWN
    t = s.name or f"({UNKNOWN} tên)"
    if s.title:
        t += f" – {s.title}"
    if s.on_behalf:
        t += f" ({s.on_behalf})"
    return t


def rows(doc: Document) -> list[tuple[str, Cell]]:
    side = from_sidecar(doc)
    level = f"{LEVEL_LABELS.get(doc.level, LEVEL_LABELS[None])} – {doc.locality or NO_LOCALITY}"
    return [
        ("Loại văn bản", _one(doc.type, "type" in side)),
        ("Số hiệu", _one(doc.number, "number" in side)),
        ("Cơ quan ban hành", _one(_issuer_text(doc), "issuers" in side)),
        ("Ngày ban hành", _one(fmt_date(doc.date), "date" in side)),
        ("Nơi ban hành", _one(doc.place, "place" in side)),
        ("Cấp, địa phương", _one(level, bool({"locality", "level"} & side))),
        ("Người ký", _many([_signer_text(s) for s in doc.signers])),
        ("Căn cứ", _many([p.text for p in doc.preamble if p.kind in ("basis", "implementing")])),
        ("Nơi nhận", _one("; ".join(r.strip().rstrip(";.,") for r in doc.recipients if r and r.strip()) or None)),
    ]


# ---------------------------------------------------------------------------------------------
# Editorial notes
# ---------------------------------------------------------------------------------------------

class WarningNote(NamedTuple):
    cls: str            # "error" | "warning"
    severity: str       # "Lỗi" | "Cảnh báo"
    where: str
    message: str
    code: str


class UnplacedNote(NamedTuple):
    number: int         # dv-unplaced-<number> in the text
    where: str
    reason: str
    text: str


class JoinNote(NamedTuple):
    line: object
    before: str
    after: str


class SourceNote(NamedTuple):
    path: str
    sha256: str         # first 16 hex digits


@dataclass
class Notes:
    warnings: list[WarningNote]
    unplaced: list[UnplacedNote]
    joins: list[JoinNote]
    extra: list[str]
    source: SourceNote | None

    @property
    def count(self) -> int:
        return len(self.warnings) + len(self.unplaced) + len(self.joins) + len(self.extra)


def notes(doc: Document, extra: list[str]) -> Notes:
    """Parser warnings, unplaced text, page-break joins and the notes found while rendering."""
    warnings = [WarningNote("error" if w.severity == "error" else "warning",
                            "Lỗi" if w.severity == "error" else "Cảnh báo",
                            f"dòng {w.line}: " if w.line is not None else "", w.message, w.code)
                for w in doc.warnings]
    unplaced = [UnplacedNote(i + 1, f"dòng {u.line}" if u.line is not None else "không rõ dòng", u.reason,
                             clip(u.text, 160))
                for i, u in enumerate(doc.unplaced)]
    joins = [JoinNote(j.get("line"), clip(str(j.get("before", "")), 60), clip(str(j.get("after", "")), 60))
             for j in doc.joins if isinstance(j, dict)]
    source = SourceNote(doc.source.path, doc.source.sha256[:16]) if doc.source else None
    return Notes(warnings, unplaced, joins, list(extra), source)
