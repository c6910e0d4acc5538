"""Shared state and small predicates of the parser (context, warnings, type lines, names, sentence ends)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Warning_
from ..normalize import (
    Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_PART, RE_POINT, RE_RECIPIENTS, RE_SECTION,
    RE_SIGN_AUTH, is_caps,
)
from .patterns import DOC_TYPES, POSITION_WORDS, PREAMBLE_KIND, RE_ENACTING, RE_ENACTING_ISSUER, RE_TYPE_LINE


@dataclass
class _Ctx:
    warnings: list
    unplaced: list
    used_anchors: set
    anchor_lines: dict = field(default_factory=dict)   # anchor -> source line of the node that holds it


def _warn(ctx: _Ctx, code: str, msg: str, line: int | None = None, severity: str = "warning"):
    ctx.warnings.append(Warning_(code=code, message=msg, line=line, severity=severity))


# --- helpers ------------------------------------------------------------------------------------------------

def _type_of(text: str) -> tuple[str, str, str] | None:
    """'QUY CHẾ' -> ('Quy chế', 'QUY CHẾ', rest). Only upper-case type lines count."""
    m = RE_TYPE_LINE.match(text)
    if not m:
        return None
    head = text[: m.end(1)]
    rest = m.group(2).strip()
    if rest and not (is_caps(rest) or rest[0].islower() or rest.lower().startswith(("về", "v/v"))):
        return None
    if rest.startswith(("số", "Số", "SỐ")) and any(c.isdecimal() for c in rest):
        return None
    return DOC_TYPES[m.group(1)], head, rest


def _is_signature_start(p: Para) -> bool:
    t = p.text
    if RE_SIGN_AUTH.match(t) and is_caps(t.split()[0] + " " + " ".join(t.split()[1:3])):
        return True
    if not is_caps(t) or len(t) > 120:
        return False
    last = p.lines[-1] if p.lines else t
    return bool(POSITION_WORDS.search(last)) and len(t.split()) <= 14


def _is_name(t: str) -> bool:
    words = t.strip().rstrip(".").split()
    if not 2 <= len(words) <= 6:
        return False
    def name_word(w: str) -> bool:  # "Nguyễn", "Phuoc", "A", "A." — str methods, not ranges (cases interleave)
        w = w.rstrip(".")
        return w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower())
    return all(name_word(w) for w in words) and not all(len(w.rstrip(".")) == 1 for w in words) \
        and not RE_RECIPIENTS.match(t)


def _clean_item(t: str) -> str:
    m = RE_BULLET.match(t)
    if m:
        t = m.group(2)
    return t.strip()



def _structural_kind(t: str) -> bool:
    return bool(RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_SECTION.match(t) or RE_PART.match(t)
                or RE_CLAUSE.match(t) or RE_POINT.match(t))


def _ends_sentence(s: str) -> bool:
    s = s.rstrip("”\"’')*»")
    return bool(s) and s[-1] in ".;!?:"



def _preamble_kind(t: str) -> str:
    s = t.lstrip("-–+• ").strip()
    for r, k in PREAMBLE_KIND:
        if r.search(s):
            return k
    if RE_ENACTING.search(s) and len(s) < 700 or RE_ENACTING_ISSUER.match(s) and len(s) < 700:
        return "enacting"
    return "paragraph"


