"""Title: the type line and the trích yếu that follows it."""
from __future__ import annotations

from ..normalize import (
    Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_KEM_THEO, RE_PART, RE_RECIPIENTS, RE_ROMAN_HEAD,
    RE_SECTION, is_caps,
)
from .common import _ends_sentence
from .patterns import PREAMBLE_KIND, RE_AUTHORITY, RE_ENACTING
from ..model import Document
from ..normalize import RE_MOTTO
from .common import _Ctx, _preamble_kind, _structural_kind, _type_of, _warn
from .letterhead import _parse_letterhead
from .patterns import RE_DATE, RE_NUMBER




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




def parse_head(paras: list[Para], doc: Document, ctx: _Ctx) -> int:
    """Letterhead and title: find the type line within the head of the document; what precedes it is the
    letterhead, the lines after it up to the preamble are the trích yếu. Without a type line, the letterhead is
    the leading run of motto / number / date lines and the title is the following heading-like lines.
    Returns the index of the first paragraph after the title."""
    n = len(paras)
    title_at = None
    limit = min(n, 40)
    for i in range(limit):
        t = paras[i].text
        if RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_PART.match(t) or RE_SECTION.match(t) \
                or any(r.match(t) for r, _ in PREAMBLE_KIND[:2]):
            break
        ty = _type_of(t)
        if ty and (is_caps(ty[1]) and (paras[i].bold or paras[i].heading or len(t) < 200)):
            end = _title_span(paras, i)
            if end < n and RE_KEM_THEO.match(paras[end].text):
                break       # "DANH MỤC … (Ban hành kèm theo Quyết định …)": an annex's heading, the head is missing
            title_at = i
            break
    if title_at is not None:
        head = paras[:title_at]
        _parse_letterhead(head, doc, ctx)
        ty = _type_of(paras[title_at].text)
        doc.type = ty[0]
        end = _title_span(paras, title_at)
        tl = [p.text for p in paras[title_at:end]]
        doc.title_lines = tl
        sub = " ".join(_without_echoes(([ty[2]] if ty[2] else []) + tl[1:]))
        if sub:
            doc.title = (ty[1] + " " + sub) if is_caps(sub) else f"{ty[0]} {sub}"
        else:
            doc.title = ty[0]
        i = end
    else:
        # no type line: letterhead is what precedes the first heading-like / preamble paragraph
        i = 0
        hd = []
        while i < n and i < 12:
            p = paras[i]
            t = p.text
            if p.heading or _structural_kind(t) or _preamble_kind(t) != "paragraph":
                break
            if RE_MOTTO.search(t) or (RE_NUMBER.match(t) and len(t) < 80) or \
                    (RE_DATE.search(t) and len(t) < 80 and "," in t):
                hd.append(p)
                i += 1
                continue
            if hd and is_caps(t) and len(t) < 120 and not p.bold:
                hd.append(p)  # issuer lines of a letterhead already started
                i += 1
                continue
            break
        if hd:
            _parse_letterhead(hd, doc, ctx)
        tl = []
        while i < n and len(tl) < 3:
            p = paras[i]
            t = p.text
            if _structural_kind(t) or _preamble_kind(t) != "paragraph" or len(t) > 300 or RE_KEM_THEO.match(t):
                break
            if not (p.heading or p.bold or is_caps(t)) or (tl and p.heading and p.heading <= paras[i - 1].heading
                                                           and not is_caps(t)):
                break
            tl.append(t)
            i += 1
            if p.heading and not is_caps(t):
                break  # a Markdown page title stands alone
        if tl:
            doc.title_lines = tl
            doc.title = " ".join(_without_echoes(tl))
        else:
            _warn(ctx, "no-title", "không tìm thấy loại văn bản và trích yếu", paras[i].line if i < n else None)

    return i


def _without_echoes(lines: list[str]) -> list[str]:
    """Title parts without a part that repeats the one before it. Web pages converted to text often show the
    trích yếu twice ("**NGHỊ ĐỊNH****Về hợp đồng …**" then "**Về hợp đồng …**"); the title lines keep both, as
    the source has them, but the document's title names it once."""
    out: list[str] = []
    for x in lines:
        if out and " ".join(x.split()).casefold() == " ".join(out[-1].split()).casefold():
            continue
        out.append(x)
    return out
