"""Letterhead: issuers (joint, parent/child), motto, number, place and date."""
from __future__ import annotations

import re

from ..model import Document, Issuer
from ..normalize import Para, RE_MOTTO, is_caps
from .common import _Ctx, _warn
from .patterns import (
    ISSUER_CHILD, ISSUER_PARENT, PLACE_WORDS, RE_DANGLING_END, RE_DATE, RE_JOINT_SEP, RE_NUMBER, RE_NUMBER_HEAD,
    RE_NUMBER_TOKEN,
)



def _parse_letterhead(paras: list[Para], doc: Document, ctx: _Ctx):
    pieces: list[tuple[str, int]] = []  # (text, line)
    for p in paras:
        doc.letterhead.append(p.text)
        if RE_MOTTO.search(p.text):
            doc.motto.extend(m.group(0) for m in RE_MOTTO.finditer(p.text))
            for c in RE_MOTTO.split(p.text):
                if c and c.strip() and not RE_MOTTO.fullmatch(c):
                    pieces.append((c.strip(), p.line))
            continue
        for ln in (p.lines if is_caps(p.text) else [p.text]):
            pieces.append((ln, p.line))
    issuer_parts: list[str] = []
    expect_number = False
    for text, line in pieces:
        chunk = text.strip().lstrip("-– ")
        if not chunk:
            continue
        dm = RE_DATE.search(chunk)
        nm = RE_NUMBER.match(chunk)
        if nm and dm:
            # "Số: 25/2023/QĐ-UBND      Bình Phước, ngày 10 tháng 8 năm 2023" (two columns on one line)
            _set_date(doc, dm, ctx, line)
            num = nm.group(1).strip()
            if num:
                _set_number(doc, num, ctx, line)
            continue
        if nm and len(chunk) < 120:
            num = nm.group(1).strip()
            if num:
                _set_number(doc, num, ctx, line)
                expect_number = False
            else:
                expect_number = True
            continue
        if expect_number and RE_NUMBER_TOKEN.fullmatch(chunk.replace(" ", "")):
            _set_number(doc, chunk, ctx, line)
            expect_number = False
            continue
        if dm:
            _set_date(doc, dm, ctx, line)
            continue
        if is_caps(chunk):
            issuer_parts.append(chunk)
    if not doc.date:
        # a date broken over pieces by markup ("Hà Nội, ng**ày 21 tháng" / "11 năm 2025")
        joined = " ".join(p.text for p in paras if not is_caps(p.text) and not RE_MOTTO.search(p.text)
                          and not RE_NUMBER.match(p.text))
        dm = RE_DATE.search(joined)
        if dm:
            _set_date(doc, dm, ctx, paras[0].line if paras else None)
    # group issuer parts: "ỦY BAN NHÂN DÂN" + "TỈNH NINH BÌNH" is one name; "TỈNH ỦY ĐỒNG NAI" above
    # "BAN DÂN VẬN" is a parent and its body; "A – B" names two joint issuers.
    issuers: list[Issuer] = []
    for chunk in issuer_parts:
        names = [c.strip() for c in RE_JOINT_SEP.split(chunk) if c.strip()]
        if len(names) > 1:
            issuers.extend(Issuer(name=n) for n in names)
            continue
        name = names[0] if names else chunk
        if not issuers:
            issuers.append(Issuer(name=name))
            continue
        last = issuers[-1]
        dangling = RE_DANGLING_END.search(last.name)
        if ISSUER_CHILD.match(name) and not dangling:
            if ISSUER_PARENT.match(last.name) and not last.parent:
                issuers[-1] = Issuer(name=name, parent=last.name)
            else:
                issuers.append(Issuer(name=name))
        else:
            last.name = last.name + " " + name
    # "BAN DÂN VẬN TỈNH ỦY –" / "BCS ĐẢNG UBND TỈNH": joint issuers written over two lines
    split: list[Issuer] = []
    for iss in issuers:
        parts = [x.strip() for x in RE_JOINT_SEP.split(iss.name) if x.strip()]
        if len(parts) > 1:
            split.extend(Issuer(name=x.strip(" -–")) for x in parts)
        else:
            iss.name = iss.name.strip(" -–")
            split.append(iss)
    issuers = split
    doc.issuers = issuers


def _set_number(doc: Document, raw: str, ctx: _Ctx, line: int):
    raw = raw.strip().rstrip(".,;")
    tok = raw.split()[0] if raw.split() else ""
    m = RE_NUMBER_HEAD.match(raw.replace(" /", "/").replace("/ ", "/"))
    cand = m.group(0) if m else tok
    if doc.number:
        return
    if cand[:1].isdecimal():
        doc.number = cand
    else:
        _warn(ctx, "number-blank", f"số hiệu để trống hoặc không đọc được: {raw!r}", line)


def _clean_place(raw: str) -> str:
    """The place name in front of ', ngày …': its trailing capitalised words ('Thành phố Hồ Chí Minh')."""
    words = raw.strip(" *_-–|").split()
    out: list[str] = []
    for w in reversed(words):
        if (w[:1].isupper() and not any(c.isdecimal() or c in "/:" for c in w)) or (out and w in PLACE_WORDS):
            out.insert(0, w)
        else:
            break
    return " ".join(out)


def _set_date(doc: Document, m: re.Match, ctx: _Ctx, line: int):
    if doc.date:
        return
    place = _clean_place(m.group("place") or "")
    if place and len(place.split()) <= 6 and not doc.place:
        doc.place = place
    d, mo, y = m.group("d"), m.group("m"), m.group("y")
    if d.strip().isdigit() and mo.strip().isdigit() and y.strip().isdigit():
        di, mi, yi = int(d), int(mo), int(y)
        if 1 <= di <= 31 and 1 <= mi <= 12 and 1900 < yi < 2200:
            doc.date = f"{yi:04d}-{mi:02d}-{di:02d}"
            return
    _warn(ctx, "date-blank", "ngày ban hành để trống hoặc không đọc được", line)


