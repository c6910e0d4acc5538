"""The data of an alignment: article references, classified pairs, word-level diff segments, and the
alignments of a whole corpus with their lookups. Plain dataclasses, no HTML."""
from __future__ import annotations

from dataclasses import dataclass, field

# The four classes of a row, as stable ASCII codes (JSON, CSS) and their Vietnamese names (UI).
SAME, CHANGED, ADDED, MISSING = "giu-nguyen", "dieu-chinh", "bo-sung", "khong-tuong-ung"
CLASS_NAMES = {SAME: "giữ nguyên", CHANGED: "điều chỉnh", ADDED: "bổ sung", MISSING: "không có tương ứng"}
CLASSES = tuple(CLASS_NAMES)


@dataclass
class Segment:
    """A run of text in a diff: op 'equal' (in both texts), 'del' (central text only), 'ins' (provincial only)."""
    op: str
    text: str


@dataclass
class ArticleRef:
    doc_id: str
    anchor: str | None
    num: str | None
    title: str | None
    index: int                    # position among the articles of its part, from 0
    lines: list[str] = field(default_factory=list)   # the article's text, one line per node (labels kept)

    @property
    def label(self) -> str:
        return f"Điều {self.num}" if self.num else "Điều"


@dataclass
class Pair:
    """One row of an alignment. `provincial` is None for a central article nobody took (MISSING), `central`
    None for a provincial article of its own (ADDED)."""
    cls: str
    provincial: ArticleRef | None
    central: ArticleRef | None
    score: float = 0.0            # combined similarity of a matched pair (see match.py)
    text_sim: float = 0.0
    title_sim: float | None = None
    moved: bool = False           # matched against the central order (not on the longest common order)
    central_title: list[Segment] = field(default_factory=list)      # diff of the titles, central side
    provincial_title: list[Segment] = field(default_factory=list)
    central_lines: list[list[Segment]] = field(default_factory=list)     # diff of the texts, line by line
    provincial_lines: list[list[Segment]] = field(default_factory=list)


@dataclass
class Alignment:
    provincial_id: str
    central_id: str
    provincial_part: str | None   # anchor prefix of the annex whose articles were aligned; None: the body
    central_part: str | None
    pairs: list[Pair] = field(default_factory=list)   # rows in reading order (see match.row_order)

    def counts(self) -> dict[str, int]:
        out = {c: 0 for c in CLASSES}
        for p in self.pairs:
            out[p.cls] += 1
        return out

    @property
    def slug(self) -> str:
        """The compare page's name: 'doi-chieu/<slug>.html'."""
        return f"{self.provincial_id}--{self.central_id}"


@dataclass
class CitedCentral:
    """A central document a text says it implements, as the text cites it."""
    number: str                   # as written, spacing normalized: '23-QĐ/TW'
    year: str | None              # from the date cited with it, when there is one
    text: str                     # the line that cites it
    doc_id: str | None = None     # the corpus document it is, when it is there
    kind: str | None = None       # the type the line gives it: 'Quyết định' of 'Quyết định số 23-QĐ/TW'

    @property
    def name(self) -> str:
        """'Quyết định số 23-QĐ/TW' (or 'số 23-QĐ/TW' when the line names no type)."""
        return f"{self.kind} số {self.number}" if self.kind else f"số {self.number}"


@dataclass
class Alignments:
    alignments: list[Alignment] = field(default_factory=list)
    missing: dict[str, list[CitedCentral]] = field(default_factory=dict)   # provincial id -> cited, not in corpus
    seconds: float = 0.0

    def for_provincial(self, doc_id: str) -> list[Alignment]:
        return [a for a in self.alignments if a.provincial_id == doc_id]

    def for_central(self, doc_id: str) -> list[Alignment]:
        return [a for a in self.alignments if a.central_id == doc_id]

    def __bool__(self) -> bool:
        return bool(self.alignments or self.missing)
