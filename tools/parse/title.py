"""Title: the type line and the trích yếu that follows it."""
from __future__ import annotations

from ..normalize import (
    Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_KEM_THEO, RE_PART, RE_RECIPIENTS, RE_ROMAN_HEAD,
    RE_SECTION, is_caps,
)
from .common import _ends_sentence
from .patterns import PREAMBLE_KIND, RE_AUTHORITY, RE_ENACTING




def _title_span(paras: list[Para], start: int) -> int:
    """Index after the trích yếu that follows the type line at `start`."""
    i = start + 1
    n = 0
    seen_mixed = False
    while i < len(paras) and n < 4:
        p = paras[i]
        t = p.text
        if seen_mixed and is_caps(t) and not p.bold and not p.heading:
            break  # "HỘI ĐỒNG NHÂN DÂN TỈNH …" after the trích yếu starts the preamble
        if n > 0 and RE_AUTHORITY.match(t) and len(t) < 160:
            break  # "ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …", "QUỐC HỘI": the enacting authority
        seen_mixed = seen_mixed or not is_caps(t)
        if any(r.match(t) for r, _ in PREAMBLE_KIND) or RE_ENACTING.search(t) or RE_KEM_THEO.match(t):
            break
        if RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_PART.match(t) or RE_SECTION.match(t):
            break
        if RE_CLAUSE.match(t) or RE_ROMAN_HEAD.match(t) or RE_BULLET.match(t) or RE_RECIPIENTS.match(t):
            break
        if len(t) > (900 if is_caps(t) else 400):
            break
        if not (is_caps(t) or p.bold or p.heading or t[:1].islower() or t.lower().startswith(("về ", "v/v"))
                or (n == 0 and len(t) < 300 and not _ends_sentence(t.rstrip(";,")))):
            break
        i += 1
        n += 1
    return i


