"""Preamble: the run of căn cứ / thực hiện / đề nghị / enacting lines between the title and the body."""
from __future__ import annotations
from ..model import Document, PreambleItem
from ..normalize import Para, RE_BULLET, RE_POINT, RE_ROMAN_HEAD, is_caps
from .common import _clean_item, _preamble_kind, _structural_kind


def parse_preamble(paras: list[Para], i: int, doc: Document) -> int:
    """Fill doc.preamble from paras[i:]; returns the index where the body starts."""
    n = len(paras)
    body_start = None
    for j in range(i, n):
        t = paras[j].text
        if _structural_kind(t) and not RE_POINT.match(t) or (RE_ROMAN_HEAD.match(t) and (is_caps(t[:40]) or paras[j].bold)):
            body_start = j
            break
    pre_end = body_start if body_start is not None else i
    if body_start is None:
        # no structure at all: preamble is the leading run of căn cứ-like paragraphs
        j = i
        while j < n and (_preamble_kind(paras[j].text) != "paragraph"):
            j += 1
        pre_end = j
    # The preamble is the run of căn cứ / thực hiện / đề nghị / enacting lines (and short lines among them, such as
    # the enacting authority). Prose that no such line follows belongs to the body (press pages, notes).
    kinds = [_preamble_kind(p.text) for p in paras[i:pre_end]]
    keep = 0
    for k, kind in enumerate(kinds):
        if kind != "paragraph" or any(x != "paragraph" for x in kinds[k + 1:k + 3]):
            keep = k + 1
        else:
            break
    for p, kind in zip(paras[i:i + keep], kinds):
        doc.preamble.append(PreambleItem(kind=kind, text=_clean_item(p.text)
                                         if RE_BULLET.match(p.text) else p.text, line=p.line))
    i = i + keep
    return i
