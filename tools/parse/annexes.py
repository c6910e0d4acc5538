"""Annexes and appendices: where they start, their headings and notes, and their own bodies."""
from __future__ import annotations

import re

from ..model import Annex, PreambleItem, Unplaced
from ..normalize import (
    Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_KEM_THEO, RE_MOTTO, RE_PART, RE_RECIPIENTS,
    RE_ROMAN_HEAD, RE_SECTION, RE_SIGN_AUTH, is_caps,
)
from .body import _Builder
from .closing import _parse_closing, _split_closing
from .common import (
    _Ctx, _clean_item, _ends_sentence, _is_name, _is_signature_start, _preamble_kind, _structural_kind,
    _type_of, _warn,
)
from .patterns import ANNEX_PREFIX, PREAMBLE_KIND, RE_ANNEX_HEAD, RE_DATE, RE_NUMBER


def _is_annex_start(paras: list[Para], i: int, seen_articles: bool, in_closing: bool = False) -> bool:
    p = paras[i]
    t = p.text
    if RE_KEM_THEO.match(t) and len(t) < 400:
        return True
    if RE_ANNEX_HEAD.match(t) and (is_caps(t[:8]) or p.bold or p.heading) and len(t) < 300:
        return True
    ty = _type_of(t)
    if ty and (is_caps(t) or p.bold or p.heading) and seen_articles:
        prev = paras[i - 1].text if i > 0 else ""
        if RE_CHAPTER.fullmatch(prev) or RE_SECTION.match(prev) or RE_PART.match(prev):
            m = RE_CHAPTER.match(prev) or RE_SECTION.match(prev) or RE_PART.match(prev)
            if m and not m.group(m.lastindex).strip():
                return False  # the title of a bare "Chương II" heading
        # a new document heading: followed (within 4 paragraphs) by a "kèm theo" note, or after the closing
        for j in range(i + 1, min(i + 5, len(paras))):
            q = paras[j].text
            if RE_KEM_THEO.match(q):
                return True
            if RE_ARTICLE.match(q) or RE_CLAUSE.match(q):
                break
        return in_closing
    if RE_MOTTO.match(t) and seen_articles:
        return True
    return False



def _split_segments(paras: list[Para], start: int, ctx: _Ctx) -> list[list[Para]]:
    """Split the rest of the document into the main body and annex segments."""
    segs: list[list[Para]] = [[]]
    seen_articles = False
    i = start
    n = len(paras)
    in_closing = False
    fresh = False  # the current segment is an annex heading with no body yet
    while i < n:
        p = paras[i]
        t = p.text
        if fresh and RE_KEM_THEO.match(t):
            segs[-1].append(p)
            i += 1
            continue
        if (seen_articles or in_closing) and _is_annex_start(paras, i, True, in_closing):
            # include heading lines just before a "kèm theo" note (type line + title) in the new segment
            if RE_KEM_THEO.match(t):
                back = []
                cur = segs[-1]
                while cur and len(back) < 5:
                    q = cur[-1]
                    if (is_caps(q.text) or q.bold or q.heading or q.text[:1].islower()) and not _structural_kind(q.text) \
                            and not RE_SIGN_AUTH.match(q.text) and not _is_name(q.text) and len(q.text) < 400:
                        back.insert(0, cur.pop())
                        if _type_of(q.text) or RE_ANNEX_HEAD.match(q.text):
                            break
                    else:
                        break
                if back and not (_type_of(back[0].text) or RE_ANNEX_HEAD.match(back[0].text)):
                    # not a heading after all: put them back
                    cur.extend(back)
                    back = []
                segs.append(back + [p])
            else:
                # motto / letterhead before an annex heading: start the segment at the letterhead
                segs.append([p])
            seen_articles = False
            in_closing = False
            fresh = True
            i += 1
            continue
        if _structural_kind(t) or len(t) > 300:
            fresh = False
        if RE_ARTICLE.match(t) or RE_CLAUSE.match(t):
            seen_articles = True
        if _is_signature_start(p) or RE_RECIPIENTS.match(t):
            in_closing = True
        segs[-1].append(p)
        i += 1
    # merge segments that hold only letterhead lines into the next one
    out: list[list[Para]] = []
    carry: list[Para] = []
    for s in segs:
        if out and not any(_structural_kind(p.text) or len(p.text) > 200 for p in s) and s is not segs[-1] \
                and all(RE_MOTTO.search(p.text) or is_caps(p.text) or RE_DATE.search(p.text) or RE_NUMBER.match(p.text)
                        for p in s):
            carry.extend(s)
            continue
        out.append(carry + s if carry else s)
        carry = []
    if carry:
        out.append(carry)
    return out



def _fill_body(doc_or_annex, paras: list[Para], ctx: _Ctx, prefix: str):
    body, closing = _split_closing(paras)
    b = _Builder(ctx, prefix)
    for p in body:
        try:
            b.add(p)
        except Exception as e:  # keep the text, say why
            ctx.unplaced.append(Unplaced(text=p.text, line=p.line, reason=f"{e.__class__.__name__}"))
            _warn(ctx, "unplaced", f"không xếp được đoạn văn: {e}", p.line)
    doc_or_annex.body = b.roots
    signers, recipients, cc, other = _parse_closing(closing)
    doc_or_annex.signers = signers
    doc_or_annex.recipients = recipients
    if hasattr(doc_or_annex, "cc"):
        doc_or_annex.cc = cc
    else:
        doc_or_annex.recipients.extend(cc)
    doc_or_annex.closing = other


def _build_annex(seg: list[Para], ctx: _Ctx, type_counts: dict) -> Annex:
    heading: list[str] = []
    note = None
    k = 0
    atype = None
    title_parts: list[str] = []
    kind = "annex"
    other_title = None
    note_idx = next((j for j, q in enumerate(seg[:8]) if RE_KEM_THEO.match(q.text)), None)
    if note_idx is not None and any(_structural_kind(q.text) for q in seg[:note_idx]):
        note_idx = None
    while k < len(seg) and k < 12:
        p = seg[k]
        t = p.text
        if note_idx is not None:
            if k == note_idx:
                note = t
                k += 1
                break
        else:
            if RE_KEM_THEO.match(t):
                note = t
                k += 1
                break
            if _structural_kind(t) or RE_ROMAN_HEAD.match(t) and heading:
                break
            if any(r.match(t) for r, _ in PREAMBLE_KIND[:2]):
                break
            if k > 0 and p.table is not None and not p.table.layout:
                break   # a data table under the heading is the annex's body: its header cells are no title
            first_after_head = atype is not None and len(heading) == 1
            if not (is_caps(t) or p.bold or p.heading or RE_MOTTO.search(t) or RE_DATE.search(t) or
                    RE_NUMBER.match(t) or t[:1].islower()
                    or (first_after_head and len(t) < 200 and not _ends_sentence(t))) or len(t) > 400:
                break
        heading.append(t)
        am = RE_ANNEX_HEAD.match(t)
        ty = _type_of(t)
        if am and atype is None:
            atype, kind = "Phụ lục", "appendix"
            if am.group(2):
                title_parts.append(am.group(2) + (" –" if am.group(3) else ""))
            if am.group(3):
                title_parts.append(am.group(3))
        elif ty and atype is None:
            atype = ty[0]
            if ty[2]:
                title_parts.append(ty[2])
        elif atype is not None and not RE_MOTTO.search(t) and not RE_NUMBER.match(t) and not RE_DATE.search(t):
            title_parts.append(t)
        elif atype is None and not other_title and is_caps(t) and not RE_MOTTO.search(t) and not RE_NUMBER.match(t) \
                and not RE_DATE.search(t):
            other_title = t   # a form or a letter inside an appendix: "GIẤY CHỨNG NHẬN"
        k += 1
    if atype is None:
        atype = "Phụ lục" if note is None else "Văn bản kèm theo"
    base = ANNEX_PREFIX.get(atype, "kt")
    type_counts[base] = type_counts.get(base, 0) + 1
    prefix = base if type_counts[base] == 1 and base != "pl" else f"{base}{type_counts[base]}"
    if len(title_parts) > 1 and re.fullmatch(r"[IVXLC]+|\d+[a-z]?|[A-Z]", title_parts[0]):
        title_parts[0] += " –"   # "Phụ lục I – Cách tính, quy đổi giờ chuẩn"
    title = atype + (" " + " ".join(title_parts) if title_parts else "")
    if other_title and not title_parts and kind == "annex" and note is None:
        # no Phụ lục / type heading: name it by its own heading, keep the appendix prefix
        annex = Annex(kind="appendix", type=None, title=other_title, anchor=prefix, heading=heading, note=note,
                      line=seg[0].line if seg else None)
    else:
        annex = Annex(kind=kind, type=atype, title=title.strip(), anchor=prefix, heading=heading, note=note,
                      line=seg[0].line if seg else None)
    rest = seg[k:]
    # an annex may carry its own căn cứ lines
    j = 0
    while j < len(rest) and _preamble_kind(rest[j].text) in ("basis", "implementing", "proposal", "enacting") \
            and not _structural_kind(rest[j].text):
        annex.preamble.append(PreambleItem(kind=_preamble_kind(rest[j].text), text=_clean_item(rest[j].text)
                                           if RE_BULLET.match(rest[j].text) else rest[j].text, line=rest[j].line))
        j += 1
    _fill_body(annex, rest[j:], ctx, prefix=prefix)
    return annex


