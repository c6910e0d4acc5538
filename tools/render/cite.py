"""Citations in the form officials write them: the provision from small to large, then the document.

    điểm a khoản 2 Điều 5 Quy chế công tác dân vận … ban hành kèm theo Quyết định số 1234-QĐ/TU ngày 5/6/2020
    của Ban Thường vụ Tỉnh ủy Bình Thuận

The rule, in order:
* the provision: the cited kinds of the path from the inside out ("điểm a", "khoản 2", "Điều 5"; "Mục 1",
  "Chương II" when a heading itself is cited), numbers as written;
* inside an annexed text: the annexed text by its title ("Quy chế …"), a numbered appendix or form by its number
  ("Phụ lục II", "Mẫu số 04"), tied to the text it comes with by "ban hành kèm theo" (an annexed Quy chế/Quy định)
  or "kèm theo" (appendix, form), up the chain of parents to the document;
* the document: "<type> số <number>" when it has a number, else its title; then "ngày d/m/yyyy" when dated;
  then "của <issuers>" (or "do <issuers> ban hành" after a title that already says "của …"). What the document
  does not carry (number, date, issuer) is left out, never guessed.
Names printed in capitals are put in normal case by ``normal_case`` (data: ``danvan/data/cite.json``).

On a page (render/teach.py, templates/teach.html) every article, clause, point and heading carries its whole
citation in ``data-cite``, the text the copy button copies: ``compose(provision part, document part)``. It is
written out on each provision rather than composed in the browser so that the page itself states the citation
(a stable hook for tests and for anyone reading the HTML); gzip makes the repeated document part nearly free in
the offline archive. danvan-teach.js reads it (``danvanTeach.citation``) for every copy, print source line,
handout and slide.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..model import Annex, Document, Node
from .common import date_parts

DATA = json.loads((Path(__file__).resolve().parent.parent / "data" / "cite.json").read_text(encoding="utf-8"))

# The name a kind is cited by; kinds missing here (items, paragraphs, tables) are cited by their parent.
CITED_KINDS = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều", "clause": "khoản",
               "point": "điểm"}


def _is_caps(s: str) -> bool:
    return s == s.upper() and s != s.lower()


@lru_cache(maxsize=1)
def _fixed_names() -> list[tuple[re.Pattern, str]]:
    names = sorted(set(DATA["fixed_names"]), key=lambda n: (-len(n), n))
    return [(re.compile(r"(?<!\w)" + re.escape(n.lower()) + r"(?!\w)"), n) for n in names]


@lru_cache(maxsize=1)
def _short_forms() -> re.Pattern:
    keys = sorted(DATA["short_forms"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


def expand_short_forms(s: str) -> str:
    """'BCS ĐẢNG UBND TỈNH' -> 'Ban Cán sự ĐẢNG Ủy ban nhân dân TỈNH' (short forms of an issuer's name)."""
    return _short_forms().sub(lambda m: DATA["short_forms"][m.group(1)], s)


def normal_case(text: str, locality: str | None = None) -> str:
    """A name or trích yếu printed in capitals, in normal case: lower case, fixed names with their capitals
    (longest first), the locality capitalised after a place word. Text not in capitals is returned as is."""
    if not text or not _is_caps(text):
        return text
    s = expand_short_forms(text).lower()
    taken: list[tuple[int, int, str]] = []           # spans already given their capitals
    for pat, name in _fixed_names():
        for m in pat.finditer(s):
            if all(m.end() <= a or m.start() >= b for a, b, _ in taken):
                taken.append((m.start(), m.end(), name))
    for a, b, name in taken:
        s = s[:a] + name + s[b:]
    if locality:
        places = "|".join(re.escape(p) for p in sorted(DATA["place_words"], key=len, reverse=True))
        s = re.sub(r"(?i)(?<!\w)(" + places + r")\s+" + re.escape(locality.lower()) + r"(?!\w)",
                   lambda m: m.group(1) + " " + locality, s)
    return s


def _sentence(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def fmt_cite_date(iso: str | None) -> str | None:
    """'2020-06-05' -> '5/6/2020' (as dates are written in a sentence); '2020-06' -> 'tháng 6/2020'."""
    p = date_parts(iso)
    if p is None:
        return None
    day, month, year = p
    return f"{day}/{month}/{year}" if day else f"tháng {month}/{year}"


def provision(path: list[Node]) -> str:
    """'điểm a khoản 2 Điều 5' from a node path (outside in). Articles are numbered through the whole text, so
    the citation stops at the article; a heading is cited with the headings around it ('Mục 1 Chương II').
    Kinds that are not cited (items, paragraphs) are skipped."""
    parts = []
    for n in reversed(path):
        if n.kind in CITED_KINDS and n.num:
            parts.append(f"{CITED_KINDS[n.kind]} {n.num}")
            if n.kind == "article":
                break
    return " ".join(parts)


def issuers_name(doc: Document) -> str | None:
    """'Ban Thường vụ Tỉnh ủy Bình Thuận'; joint issuers joined with 'và'. None when no issuer is known."""
    names = []
    for i in doc.issuers:
        full = i.name
        if i.parent and i.parent.strip() and i.parent.strip().upper() not in i.name.upper():
            full = f"{i.name} {i.parent}"
        full = " ".join(full.split())
        if full:
            names.append(normal_case(full, doc.locality))
    return " và ".join(names) or None


def title_name(title: str | None, type_: str | None, locality: str | None) -> str | None:
    """A title in normal case, starting with its type when it has one ('Quy chế công tác dân vận …')."""
    if not title:
        return type_
    t = " ".join(title.split())
    if type_ and t.upper().startswith(type_.upper()) and len(t) > len(type_):
        return f"{type_} {normal_case(t[len(type_):].strip(), locality)}"
    return _sentence(normal_case(t, locality))


def document_name(doc: Document) -> str:
    """'Quyết định số 1234-QĐ/TU ngày 5/6/2020 của Ban Thường vụ Tỉnh ủy Bình Thuận'; without a number the
    title stands for it; what the document does not carry is left out."""
    if doc.number:
        name = f"{doc.type or 'Văn bản'} số {doc.number}"
    else:
        name = title_name(doc.title, doc.type, doc.locality) or doc.id
    when = fmt_cite_date(doc.date)
    if when:
        name += f" ngày {when}" if not when.startswith("tháng") else f" {when}"
    who = issuers_name(doc)
    if who and doc.genre != "page":
        titled_with_cua = not doc.number and re.search(r"(?<!\w)của(?!\w)", name)
        name += f" do {who} ban hành" if titled_with_cua else f" của {who}"
    return name


def annex_name(a: Annex) -> str:
    """'Phụ lục II', 'Mẫu số 04', or the annexed text by its title."""
    if a.kind == "appendix" and a.num:
        return f"Phụ lục {a.num}"
    if a.kind == "form" and a.num:
        return f"Mẫu số {a.num}"
    return title_name(a.title, a.type, None) or a.type or "Văn bản kèm theo"


def scope_name(doc: Document, annex: Annex | None = None) -> str:
    """The document part of a citation: the document, or an annex tied to the text it comes with."""
    chain: list[Annex] = []
    by_anchor = {a.anchor: a for a in doc.annexes}
    a = annex
    while a is not None and a not in chain:
        chain.append(a)
        a = by_anchor.get(a.parent) if a.parent else None
    if not chain:
        return document_name(doc)
    # inside out: 'Mẫu số 01 Phụ lục I kèm theo Nghị định …'; only the outermost annex takes the connector
    names = [title_name(a.title, a.type, doc.locality) if a.kind == "annex" else annex_name(a) for a in chain]
    connector = DATA["annex_connector"].get(chain[-1].kind, "kèm theo")
    return f"{' '.join(names)} {connector} {document_name(doc)}"


def compose(part: str, scope: str) -> str:
    """The citation from its provision part and its document part: 'khoản 2 Điều 5' + ' ' + 'Quy chế …'."""
    return f"{part} {scope}" if part else scope


def citation(doc: Document, path: list[Node], annex: Annex | None = None) -> str:
    """The full citation of the provision at the end of `path` (outside in)."""
    return compose(provision(path), scope_name(doc, annex))


def source_line(doc: Document) -> str:
    """For printouts and handouts: the document by type, number, date, issuer (the title when unnumbered)."""
    return document_name(doc)
