"""Stage 2: text -> Document tree.

Public function: parse(text, path="<input>", meta=None) -> Document. It never raises: anything it cannot
place is kept as an unplaced paragraph with a warning, so no word of the source is lost.

Zones, in order: letterhead (issuers, motto, number, place and date) -> title (type line + trích yếu) ->
preamble (căn cứ, thực hiện, enacting line) -> body (Phần/Chương/Mục/Điều/khoản/điểm/items) -> closing
(signatures, Nơi nhận, Đồng kính gửi) -> annexes (Quy chế/Quy định kèm theo, Phụ lục), each with the same zones.

Package layout, one module per part of the document: patterns (data), common (context, predicates),
letterhead, title, body, closing, annexes, derive (facts computed from the tree).
"""
from __future__ import annotations

import traceback

from ..model import Document, PreambleItem, Unplaced
from ..normalize import (
    RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_KEM_THEO, RE_MOTTO, RE_PART, RE_POINT, RE_ROMAN_HEAD, RE_SECTION,
    is_caps, normalize,
)
from .annexes import _build_annex, _fill_body, _split_segments
from .common import _Ctx, _clean_item, _preamble_kind, _structural_kind, _type_of, _warn
from .derive import _apply_meta, _derive
from .letterhead import _parse_letterhead
from .patterns import PREAMBLE_KIND, RE_DATE, RE_NUMBER
from .title import _title_span

__all__ = ["parse"]


def parse(text: str, path: str = "<input>", meta: dict | None = None) -> Document:
    """Parse one regulation text. Never raises; errors become warnings and unplaced text."""
    doc = Document(id="", url="", title="", type=None, number=None, date=None, place=None, locality=None, level=None)
    ctx = _Ctx(warnings=doc.warnings, unplaced=doc.unplaced, used_anchors=set())
    try:
        _parse_into(doc, text, ctx)
    except Exception as e:  # pragma: no cover - a safety net; the fuzz test keeps it unused
        _warn(ctx, "parser-error", f"lỗi bộ phân tích: {e.__class__.__name__}: {e}", None, "error")
        _warn(ctx, "parser-trace", traceback.format_exc(limit=3))
        doc.body, doc.annexes, doc.preamble = [], [], []
        doc.letterhead, doc.title_lines, doc.closing = [], [], []
        doc.signers, doc.recipients, doc.cc = [], [], []
        doc.unplaced[:] = [Unplaced(text=p.text, line=p.line, reason="parser-error")
                           for p in normalize(text).paras]
    _apply_meta(doc, meta or {})
    _derive(doc)
    return doc


def _parse_into(doc: Document, text: str, ctx: _Ctx):
    norm = normalize(text)
    doc.joins = norm.joins
    paras = norm.paras
    if not paras:
        _warn(ctx, "empty", "văn bản không có nội dung", None, "error")
        return
    n = len(paras)

    # 1. find the type line (title start) within the head of the document
    title_at = None
    limit = min(n, 40)
    for i in range(limit):
        t = paras[i].text
        if RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_PART.match(t) or RE_SECTION.match(t) \
                or any(r.match(t) for r, _ in PREAMBLE_KIND[:2]):
            break
        ty = _type_of(t)
        if ty and (is_caps(ty[1]) and (paras[i].bold or paras[i].heading or len(t) < 200)):
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
        sub = " ".join(tl[1:]) if len(tl) > 1 else ""
        if ty[2]:
            sub = (ty[2] + " " + sub).strip()
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
            doc.title = " ".join(tl)
        else:
            _warn(ctx, "no-title", "không tìm thấy loại văn bản và trích yếu", paras[i].line if i < n else None)

    # 2. preamble
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

    # 3. body, closing, annexes
    segments = _split_segments(paras, i, ctx)
    main = segments[0]
    _fill_body(doc, main, ctx, prefix="")
    type_counts: dict[str, int] = {}
    for seg in segments[1:]:
        annex = _build_annex(seg, ctx, type_counts)
        doc.annexes.append(annex)


