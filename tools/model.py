"""Plain dataclasses for the document model, and their JSON form.

The JSON form is documented in tools/schema/document.schema.json and devdocs/json-export.md.
Later stages add fields; they never remove or rename these.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

NODE_KINDS = ("part", "chapter", "section", "article", "clause", "point", "item", "paragraph", "table",
              "quote", "heading")  # quote, heading: only in pages (see tools/parse/page.py)
GENRES = ("regulation", "page", "consolidated")
LEVELS = ("central", "province", "district", "commune")
ANNEX_KINDS = ("annex", "appendix", "form")


@dataclass
class Warning_:
    """A parser remark shown to editors. `code` is stable and machine-readable."""
    code: str
    message: str
    line: int | None = None
    severity: str = "warning"  # "warning" | "error"


@dataclass
class Node:
    kind: str                     # one of NODE_KINDS
    num: str | None = None        # "5", "2", "a", "dd" is never used here: num keeps "đ"; "1.1"
    title: str | None = None      # heading title (articles, chapters…); None when the article has no title
    text: str = ""               # own text, children excluded
    anchor: str | None = None     # stable ASCII id, e.g. "dieu-5-khoan-2-diem-a"
    label: str | None = None      # the marker as written: "Điều 5.", "1-", "a)", "Chương III", "-"
    line: int | None = None       # 1-based source line where the node starts
    children: list[Node] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # table nodes: cell texts, row by row (ragged as written)
    header_rows: int = 0          # table nodes: how many leading rows are header rows
    source: str | None = None     # quote nodes: the quoted document as the text names it ("Bộ luật Dân sự 2015")

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class Signer:
    name: str | None = None
    title: str | None = None       # position: "BÍ THƯ", "PHÓ CHỦ TỊCH"
    on_behalf: str | None = None   # authority: "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    lines: list[str] = field(default_factory=list)  # every line of the block, as written


@dataclass
class Issuer:
    name: str
    parent: str | None = None  # superior body written above it ("TỈNH ỦY ĐỒNG NAI" above "BAN DÂN VẬN")


@dataclass
class PreambleItem:
    kind: str   # "basis" (Căn cứ), "implementing" (Thực hiện), "proposal" (Xét/Theo đề nghị), "enacting", "paragraph"
    text: str
    line: int | None = None


@dataclass
class Unplaced:
    text: str
    line: int | None = None
    reason: str = ""


@dataclass
class Annex:
    kind: str                      # one of ANNEX_KINDS: "annex" (văn bản kèm theo: Quy chế, Quy định…),
                                   # "appendix" (Phụ lục), "form" (Mẫu số …: a form or model document)
    type: str | None               # "Quy chế", "Quy định", "Phụ lục", "Mẫu"…
    title: str
    anchor: str                    # prefix of every anchor inside: "qc", "qd", "pl-2", "pl-1-mau-4"…
    heading: list[str] = field(default_factory=list)  # the heading lines as written
    note: str | None = None        # "(Ban hành kèm theo Quyết định số …)"
    preamble: list[PreambleItem] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    line: int | None = None
    num: str | None = None         # the printed number: "II" of "PHỤ LỤC II", "04" of "Mẫu số 04"; None if unnumbered
    parent: str | None = None      # anchor of the annex it belongs to (an appendix of the annexed Quy chế, a form of
                                   # an appendix, the Phụ lục I of a model contract); None at the top level


@dataclass
class Source:
    path: str
    sha256: str
    encoding: str = "utf-8"
    bytes: int = 0


@dataclass
class Document:
    id: str
    url: str
    title: str
    type: str | None
    number: str | None
    date: str | None               # ISO yyyy-mm-dd or None
    place: str | None
    locality: str | None
    level: str | None              # central | province | district | commune | None
    issuers: list[Issuer] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)           # "Đồng kính gửi"
    preamble: list[PreambleItem] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)   # every annex, appendix and form in reading order;
                                                          # a nested one names its parent
    warnings: list[Warning_] = field(default_factory=list)
    source: Source | None = None
    motto: list[str] = field(default_factory=list)        # "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI…", "Độc lập - …"
    letterhead: list[str] = field(default_factory=list)   # every header line as written, before the title
    title_lines: list[str] = field(default_factory=list)  # type line and trích yếu, as written
    closing: list[str] = field(default_factory=list)      # closing lines that are neither signers nor recipients
    unplaced: list[Unplaced] = field(default_factory=list)
    joins: list[dict] = field(default_factory=list)       # page-break joins: {"line": n, "before": "...", "after": "..."}
    metadata: dict = field(default_factory=dict)          # facts from the sidecar, with their origin
    adoption: dict | None = None  # "Nghị quyết này đã được … thông qua ngày …": {"text", "date" (ISO or None), "line"}
    genre: str = "regulation"     # one of GENRES: a regulation, a web page that quotes regulations, a consolidated text
    notes: list[dict] = field(default_factory=list)       # endnotes: {"label": "1", "text": "...", "line": n}

    @property
    def has_errors(self) -> bool:
        return any(w.severity == "error" for w in self.warnings)

    def all_nodes(self):
        for n in self.body:
            yield from n.walk()
        for a in self.annexes:
            for n in a.body:
                yield from n.walk()


def to_dict(obj: Any) -> Any:
    """JSON-ready dict of a Document (or any model object). Warning_ is exported as a plain object."""
    d = asdict(obj)
    return d


def node_from_dict(d: dict) -> Node:
    return Node(
        kind=d["kind"], num=d.get("num"), title=d.get("title"), text=d.get("text", ""),
        anchor=d.get("anchor"), label=d.get("label"), line=d.get("line"),
        children=[node_from_dict(c) for c in d.get("children", [])],
        rows=[list(r) for r in d.get("rows", [])], header_rows=d.get("header_rows", 0), source=d.get("source"),
    )


def document_from_dict(d: dict) -> Document:
    """Inverse of to_dict, so the renderer can work from exported JSON too."""
    src = d.get("source")
    return Document(
        id=d["id"], url=d["url"], title=d["title"], type=d.get("type"), number=d.get("number"),
        date=d.get("date"), place=d.get("place"), locality=d.get("locality"), level=d.get("level"),
        issuers=[Issuer(**i) for i in d.get("issuers", [])],
        signers=[Signer(**s) for s in d.get("signers", [])],
        recipients=list(d.get("recipients", [])), cc=list(d.get("cc", [])),
        preamble=[PreambleItem(**p) for p in d.get("preamble", [])],
        body=[node_from_dict(n) for n in d.get("body", [])],
        annexes=[Annex(**{**a, "preamble": [PreambleItem(**p) for p in a.get("preamble", [])],
                          "body": [node_from_dict(n) for n in a.get("body", [])],
                          "signers": [Signer(**s) for s in a.get("signers", [])]})
                 for a in d.get("annexes", [])],
        warnings=[Warning_(**w) for w in d.get("warnings", [])],
        source=Source(**src) if src else None,
        motto=list(d.get("motto", [])), letterhead=list(d.get("letterhead", [])),
        title_lines=list(d.get("title_lines", [])), closing=list(d.get("closing", [])),
        unplaced=[Unplaced(**u) for u in d.get("unplaced", [])], joins=list(d.get("joins", [])),
        metadata=dict(d.get("metadata", {})), adoption=dict(d["adoption"]) if d.get("adoption") else None,
        genre=d.get("genre", "regulation"), notes=[dict(x) for x in d.get("notes", [])],
    )
