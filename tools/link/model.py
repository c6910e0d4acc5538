"""Plain dataclasses of the link stage: what the finder sees in a text (Citation), where it stands (Place),
what it points to (Reference), typed document relations (Relation), cited documents outside the corpus
(RegistryEntry), and the whole result (Links) that render and export read."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Citation:
    """One citation in one text, as the finder reads it. `start`/`end` are character offsets into that text."""
    start: int
    end: int
    text: str                              # text[start:end]
    kind: str                              # "document" (a number), "named" (a name), "self" ("Quy chế này"),
                                           # "provision" ("khoản 2 Điều 4", maybe of a document)
    doc_type: str | None = None            # "Quyết định": the type word, or the type the number's code implies
    number: str | None = None              # normalized number: "23-QĐ/TW", "79-Ctr/BDVTW-BCSĐCP"
    name: str | None = None                # named documents: "Điều lệ Đảng", "Luật Thực hiện dân chủ ở cơ sở"
    date: str | None = None                # ISO date as cited
    year: str | None = None                # from the date, the number (102/2025/…) or "năm 2022"
    issuer: str | None = None              # "Bộ Chính trị"
    term: str | None = None                # "XI" of "(khóa XI)"
    scope: str | None = None               # "national" | "local": from the number's issuer code or the name
    provision: dict = field(default_factory=dict)   # {"point": "a", "clause": "2", "article": "4"}
    self_type: str | None = None           # "Quy chế" of "Quy chế này"; "Điều" of "Điều này"; "khoản" of "khoản này"
    annex_type: str | None = None          # "Quy chế" of "… Quy chế ban hành kèm theo Quyết định số …"
    list_of: int | None = None             # index (in the finder's output) of the first citation of its list


@dataclass
class Place:
    """Where a text stands in a document."""
    doc_id: str
    field: str                             # "text" | "title" | "preamble" | "recipients" | "doc_title" | "note"
    anchor: str | None                     # anchor of the node (or preamble paragraph) that holds the text
    index: int = 0                         # which preamble item / recipient line
    annex: str | None = None               # anchor prefix of the annex the text is in; None in the main text
    article: str | None = None             # number of the enclosing article
    clause: str | None = None              # number of the enclosing clause
    ref: str = ""                          # human reference: "khoản 2 Điều 4", "phần căn cứ", "nơi nhận"
    quoted: str | None = None              # inside a quotation of another text (a 'quote' node): what it quotes
                                           # as the page names it ("" when it does not say)


@dataclass
class Reference:
    """A citation with its place and what it resolves to."""
    citation: Citation
    place: Place
    target: str | None = None              # registry key: the same for the same cited document wherever cited
    doc_id: str | None = None              # the corpus document cited (itself, for internal references)
    anchor: str | None = None              # the cited provision's anchor in that document (an existing one)
    wanted_anchor: str | None = None       # the anchor the citation names, even when the document has none such
    relation: str | None = None            # căn cứ, thực hiện, thay thế, sửa đổi, bổ sung, bãi bỏ, hướng dẫn, dẫn chiếu;
                                           # None for a reference inside the same document
    internal: bool = False                 # points into the citing document itself
    context: str = ""                      # the citing text around the citation, for registry pages
    missing_article: bool = False          # a provision whose article the document it points into does not have


@dataclass
class Relation:
    """A typed relation between the citing document and a cited one, seen from one side."""
    type: str                              # "thay thế"…
    direction: str                         # "out" (this document → other) | "in" (other → this document)
    label: str                             # "thay thế" / "bị thay thế bởi"
    target: str                            # registry key of the other document (out) or of this one (in)
    other_doc_id: str | None               # the other document when it is in the corpus
    number: str | None = None
    name: str | None = None
    anchor: str | None = None              # citing node's anchor (in the citing document)
    citing_doc_id: str | None = None


@dataclass
class RegistryEntry:
    """A cited document outside the corpus: what the citations say about it, and every place citing it."""
    key: str
    number: str | None = None
    name: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: str | None = None
    term: str | None = None
    scope: str = "national"                # "national" or the locality name
    references: list[Reference] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.number:
            return " ".join(x for x in (self.doc_type, "số" if self.doc_type else None, self.number) if x)
        return self.name or self.key


@dataclass
class Links:
    """Everything the link stage found, for render and export."""
    references: dict[str, list[Reference]] = field(default_factory=dict)   # citing doc id -> its references
    relations: dict[str, list[Relation]] = field(default_factory=dict)     # doc id -> relations both ways
    registry: dict[str, RegistryEntry] = field(default_factory=dict)       # key -> cited document outside corpus
    incoming: dict[str, list[Reference]] = field(default_factory=dict)     # cited doc id -> references to it
    doc_keys: dict[str, str] = field(default_factory=dict)                 # corpus doc id -> its registry key
    by_text: dict[tuple, list[Reference]] = field(default_factory=dict)    # link.text_key(obj, field, i) -> refs

    def at(self, doc_id: str, field_: str, anchor: str | None, index: int = 0) -> list[Reference]:
        """References of one text of a document, in text order."""
        return [r for r in self.references.get(doc_id, [])
                if r.place.field == field_ and r.place.anchor == anchor and r.place.index == index]

    def cited_in(self, doc_id: str, anchor: str) -> list[Reference]:
        """References (from any document, this one included) to the provision `anchor` or inside it."""
        return [r for r in self.incoming.get(doc_id, [])
                if r.anchor and (r.anchor == anchor or r.anchor.startswith(anchor + "-"))]

    def implements(self, doc_id: str) -> list[tuple[str, str]]:
        """(corpus doc id, relation type) of the corpus documents this one implements or is based on
        ('thực hiện', 'căn cứ', 'hướng dẫn'): what alignment of central and provincial texts starts from."""
        out = []
        for rel in self.relations.get(doc_id, []):
            if rel.direction == "out" and rel.other_doc_id and rel.type in ("thực hiện", "căn cứ", "hướng dẫn") \
                    and (rel.other_doc_id, rel.type) not in out:
                out.append((rel.other_doc_id, rel.type))
        return out
