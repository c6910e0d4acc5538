"""Fallback detector: which central documents of the corpus a document implements, from its own words.

A document implements a central document when one of its căn cứ / thực hiện lines (of the document or of its
annexed text) or its title cites the central document's number, and
  * the line is a 'Thực hiện …' line or says 'cụ thể hóa', or the number is in the title; or
  * the implementing text is a Quy chế or a Quy định (ADAPTED_TYPES: the texts a province adapts article by
    article; a Quyết định citing a Quyết định is a legal basis, not an adaptation) and the words after the
    number, up to the next number, say the cited document issued a text of that type ('Căn cứ Quyết định số
    23-QĐ/TW … về việc ban hành Quy chế …' for a Quy chế), or the cited number's type code is that type
    ('Căn cứ Quy chế số 901-QC/TW' for a Quy chế).
Only regulations count (a web page about a document or a consolidated text implements nothing), and never
the document's own number.
A number is central by the parser's rule (a central issuer code, no local one). The number names a corpus
document when both slug alike (danvan.ids.slugify) and that document is central; the year cited with it, when
given, must be the document's year (numbers restart with each term). A central number the document implements
but the corpus lacks is reported as missing: its page says so.
"""
from __future__ import annotations

from ..ids import slugify
from ..model import Document
from ..parse.patterns import CENTRAL_CODES, LOCAL_CODES, RE_TYPE_CODE, TYPE_CODES
from .match import part_type
from .model import CitedCentral
from .patterns import RE_CITED_DATE, RE_CITED_KIND, RE_CITED_NUMBER, RE_IMPLEMENTS, issued_type


ADAPTED_TYPES = ("Quy chế", "Quy định", "Quy chế phối hợp")


def is_central_number(number: str) -> bool:
    return bool(CENTRAL_CODES.search(number)) and not LOCAL_CODES.search(number)


def clean_number(number: str) -> str:
    """'290- QĐ/TW' -> '290-QĐ/TW'; dashes made one."""
    return "".join(number.split()).replace("–", "-")


def citing_lines(doc: Document) -> list[tuple[str, str]]:
    """(source, text): the preamble lines that cite (căn cứ, thực hiện) and the titles."""
    out = [("title", t) for t in [doc.title or ""] + list(doc.title_lines) if t]
    for items in [doc.preamble] + [a.preamble for a in doc.annexes]:
        out.extend((p.kind, p.text) for p in items if p.kind in ("basis", "implementing"))
    return out


def implemented_citations(doc: Document) -> list[CitedCentral]:
    """The central numbers this document says it implements, as it cites them (doc_id not yet known)."""
    if doc.genre != "regulation":
        return []
    kind = part_type(doc)
    adapted = kind if kind in ADAPTED_TYPES else None
    own = slugify(doc.number or "")
    out: dict[str, CitedCentral] = {}
    for source, text in citing_lines(doc):
        found = list(RE_CITED_NUMBER.finditer(text))
        for k, m in enumerate(found):
            number = clean_number(m.group(1))
            if not is_central_number(number) or slugify(number) == own:
                continue
            code = RE_TYPE_CODE.search(number)
            after = text[m.end():found[k + 1].start() if k + 1 < len(found) else len(text)]
            implements = (source in ("title", "implementing") or RE_IMPLEMENTS.search(text)
                          or (adapted and (issued_type(adapted).search(after)
                                           or (code and TYPE_CODES.get(code.group(1)) == adapted))))
            if not implements:
                continue
            date = RE_CITED_DATE.match(text[m.end():])
            key = slugify(number)
            if key not in out or (date and not out[key].year):
                before = RE_CITED_KIND.search(text[:m.start()])
                kind_word = before.group(1) if before else (TYPE_CODES.get(code.group(1)) if code else None)
                out[key] = CitedCentral(number, date.group(1) if date else None, text,
                                        kind=" ".join(kind_word.split()) if kind_word else None)
    return list(out.values())


def _resolve(cited: CitedCentral, central: dict[str, list[Document]]) -> str | None:
    candidates = central.get(slugify(cited.number), [])
    if cited.year:
        candidates = [d for d in candidates if not d.date or d.date[:4] == cited.year]
    return candidates[0].id if len(candidates) == 1 else None


def detect_implements(documents: list[Document]) -> tuple[list[tuple[str, str]], dict[str, list[CitedCentral]]]:
    """(pairs (implementing doc id, central doc id), {doc id: central documents it implements that the corpus
    lacks})."""
    central: dict[str, list[Document]] = {}
    for d in documents:
        if d.level == "central" and d.number:
            central.setdefault(slugify(d.number), []).append(d)
    pairs: list[tuple[str, str]] = []
    missing: dict[str, list[CitedCentral]] = {}
    for d in documents:
        if d.level == "central":
            continue
        for cited in implemented_citations(d):
            cited.doc_id = _resolve(cited, central)
            if cited.doc_id and cited.doc_id != d.id:
                if (d.id, cited.doc_id) not in pairs:
                    pairs.append((d.id, cited.doc_id))
            elif not cited.doc_id:
                missing.setdefault(d.id, []).append(cited)
    return pairs, missing


def implemented_documents(documents: list[Document]) -> list[tuple[str, str]]:
    """(provincial doc id, central doc id) for every document that implements a central document of the corpus."""
    return detect_implements(documents)[0]


def missing_central(documents: list[Document]) -> dict[str, list[CitedCentral]]:
    """{doc id: central documents it implements whose text is not in the corpus}."""
    return detect_implements(documents)[1]
