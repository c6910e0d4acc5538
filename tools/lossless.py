"""Word accounting: every word of the source must land in exactly one place of the Document.

Placement fields: letterhead, title_lines, preamble, node label/title/text (and table cells), signer lines, recipients, cc,
closing, adoption text, unplaced, notes (label and text), and the same fields of each annex (plus its heading and
note).
Derived fields (number, date, issuers, motto, the source of a quote…) repeat words already placed and are not
counted.
Public function: check_lossless(source_text, doc) -> LosslessReport
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .model import Document
from .normalize import RE_GLUED_ARTICLE, split_glued_bold

_WORD = re.compile(r"\w+")


def words(text: str, markup: bool = True) -> list[str]:
    """Words of a text. With markup=True (source text) Markdown markup is read as Markdown renders it."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u200b", "")
    if not markup:
        return _WORD.findall(text)
    text = re.sub(r"<br[ \t]*/?>", "\n", text, flags=re.I)   # a line break, as normalize reads it
    # emphasis markers glue what they separate, as Markdown renders it ("qu**á**" is one word)
    text = "\n".join(RE_GLUED_ARTICLE.sub(lambda m: m.group(1) + "\n", split_glued_bold(x)) for x in text.split("\n"))
    text = text.replace("\\*", "\uE010").replace("*", "").replace("\uE010", "*")
    return _WORD.findall(text)


def _zone_texts(z):
    """Texts of the zones a Document and an Annex share: preamble, body, signers, recipients, closing."""
    for p in z.preamble:
        yield p.text
    for n in z.body:
        for x in n.walk():
            yield from (x.label or "", x.title or "", x.text or "")
            for row in x.rows:              # table nodes: every cell
                yield from row
    for s in z.signers:
        yield from s.lines
    yield from z.recipients
    yield from z.closing


def placed_texts(doc: Document):
    yield from doc.letterhead
    yield from doc.title_lines
    yield from _zone_texts(doc)
    yield from doc.cc
    if doc.adoption:                        # "Nghị quyết này đã được … thông qua ngày …"
        yield doc.adoption["text"]
    for u in doc.unplaced:
        yield u.text
    for note in doc.notes:                  # endnotes "[1] …": the label is a word of the source too
        yield note.get("label") or ""
        yield note.get("text") or ""
    for a in doc.annexes:
        yield from a.heading
        if a.note:
            yield a.note
        yield from _zone_texts(a)


@dataclass
class LosslessReport:
    missing: Counter     # in the source, not in the document
    extra: Counter       # in the document more often than in the source

    @property
    def ok(self) -> bool:
        return not self.missing and not self.extra


def check_lossless(source_text: str, doc: Document) -> LosslessReport:
    src = Counter(words(source_text))
    got = Counter()
    for t in placed_texts(doc):
        got.update(words(t, markup=False))
    return LosslessReport(missing=src - got, extra=got - src)
