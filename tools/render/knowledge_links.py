"""Knowledge pages in a copy of the site that lacks the documents they cite (a provincial copy with other
documents): the page is still published, and each link to an absent document becomes plain text that cites it.

The rule, over the page's Markdown:
* a link's target ``../van-ban/<id>.md#…`` (inline ``[text](target)`` or by reference ``[text][ref]`` with
  ``[ref]: target "title"``) names document ``<id>``;
* the document part of its citation is the title of a reference definition of that document (the page writes it
  once, on the definition of the whole document: ``[bt]: ../van-ban/bt.md "Quy chế … tỉnh Bình Thuận"``);
* when ``<id>`` is not in this build, the link becomes its text followed by that citation: after a provision
  ("khoản 2 Điều 19" → "khoản 2 Điều 19 Quy chế …"); a text that names the document itself (its first two words
  are those of the citation: "Quy chế Bình Thuận") stays alone; any other text takes the citation in brackets
  ("căn cứ (Quy chế …)").
A page with a link to an absent document whose citation it does not write is withheld, as before
(``knowledge.withheld_pages``): it would state things the copy can neither show nor cite.
"""
from __future__ import annotations

import re

_DOC = re.compile(r"^(?:\.\./)+van-ban/([a-z0-9-]+)\.(?:md|html)(?:#\S*)?$")
_DEF = re.compile(r'^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+"([^"]*)")?\s*$', re.MULTILINE)
_REF_LINK = re.compile(r"\[([^\]]+)\]\[([^\]]*)\]")
_INLINE_LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# a link text that names a provision: the citation follows it without brackets
_PROVISION = re.compile(r"^(?:Phần|Chương|Mục|Điều|khoản|điểm|Phụ lục)\s")


def _doc_id(target: str) -> str | None:
    m = _DOC.match(target)
    return m.group(1) if m else None


def citations(markdown: str) -> dict[str, str]:
    """{document id: the document part of its citation}, from the titles of the page's reference definitions."""
    out: dict[str, str] = {}
    for m in _DEF.finditer(markdown):
        doc = _doc_id(m.group(2))
        if doc and m.group(3) and doc not in out:
            out[doc] = " ".join(m.group(3).split())
    return out


def _plain(text: str, cite: str) -> str:
    if _PROVISION.match(text):
        return f"{text} {cite}"
    if text.lower().split()[:2] == cite.lower().split()[:2]:       # the text names the document itself
        return text
    return f"{text} ({cite})"


def absent_without_citation(markdown: str, present: set[str]) -> list[str]:
    """Absent documents the page links to but does not write a citation for (the page cannot be published)."""
    known = citations(markdown)
    targets = [m.group(2) for m in _DEF.finditer(markdown)] + [m.group(2) for m in _INLINE_LINK.finditer(markdown)]
    return sorted({d for t in targets if (d := _doc_id(t)) and d not in present and d not in known})


def cite_absent_documents(markdown: str, present: set[str]) -> str:
    """The page with every link to a document absent from `present` turned into text that cites it."""
    known = citations(markdown)
    defs = {m.group(1).lower(): m.group(2) for m in _DEF.finditer(markdown)}

    def absent(target: str | None) -> str | None:
        doc = _doc_id(target or "")
        return doc if doc and doc not in present and doc in known else None

    def ref_link(m: re.Match) -> str:
        doc = absent(defs.get((m.group(2) or m.group(1)).lower()))
        return _plain(m.group(1), known[doc]) if doc else m.group(0)

    def inline_link(m: re.Match) -> str:
        doc = absent(m.group(2))
        return _plain(m.group(1), known[doc]) if doc else m.group(0)

    body = _REF_LINK.sub(ref_link, markdown)
    return _INLINE_LINK.sub(inline_link, body)
