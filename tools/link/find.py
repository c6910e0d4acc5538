"""Find: text -> citations with character spans (the first stage of the link pipeline, like eyecite's).

Three kinds of document citation (a number with or without its type word, a name, "… này"), and provisions
read small to large ("điểm a khoản 2 Điều 4 của Quy chế này"), which may name the document they belong to.
Public function: find(text) -> list[Citation], sorted, never overlapping.
"""
from __future__ import annotations

import re

from .model import Citation
from .patterns import (DATE, LIST_SEP, NUMBER, TAIL_SEP, TERM, compiled, normalize_number, scope_of_number,
                       type_from_code)

_WORD = re.compile(r"(?P<sep>,\s+|\s+)(?P<w>[^\s,;.:()“”\"'\[\]]+)")
_LAW_YEAR = re.compile(r"\s+(?:năm\s+)?(?P<y>(?:19|20)\d\d)(?!\d)")
_NUM_AFTER_NAME = re.compile(r"\s*,?\s*số\s*:?\s*")


def _tail(text: str, pos: int, cit: Citation) -> int:
    """Date, issuer and term written after a citation ('ngày 30/7/2021 của Bộ Chính trị (khóa XI)'), in any
    order. Fills the citation; returns where the tail ends (the span itself does not grow)."""
    c = compiled()
    for _ in range(3):
        m = TAIL_SEP.match(text, pos)
        p = m.end()
        d = DATE.match(text, p)
        if d and not cit.date:
            day, mon, yr = (d.group("d") or d.group("d2"), d.group("m") or d.group("m2"), d.group("y") or d.group("y2"))
            if 1 <= int(mon) <= 12 and 1 <= int(day) <= 31:
                cit.date = f"{yr}-{int(mon):02d}-{int(day):02d}"
                cit.year = cit.year or yr
            pos = d.end()
            continue
        i = c["issuer"].match(text, p)
        if i and not cit.issuer:
            cit.issuer = " ".join(i.group("i").split())
            pos = i.end()
            continue
        t = TERM.match(text, p)
        if t and not cit.term:
            cit.term = t.group("t")
            pos = t.end()
            continue
        break
    return pos


def _numbers(text: str) -> list[Citation]:
    """Numbered documents; a number right after another ('217-QĐ/TW, 218-QĐ/TW') shares its type and tail."""
    c = compiled()
    out: list[Citation] = []
    prev_end = -1
    group: list[Citation] = []

    def close_group():
        if not group:
            return
        last = group[-1]
        probe = Citation(0, 0, "", "document")
        _tail(text, last.end, probe)
        for g in group:
            g.date = g.date or probe.date
            g.year = g.year or probe.year
            g.issuer = g.issuer or probe.issuer
            g.term = g.term or probe.term
        group.clear()

    for m in NUMBER.finditer(text):
        start = m.start()
        number = normalize_number(m.group("num"))
        before = text[max(0, start - 60):start]
        t = c["type_before"].search(before)
        sibling = bool(out) and prev_end >= 0 and LIST_SEP.fullmatch(text[prev_end:start]) is not None \
            and text[prev_end:start].strip() != ""
        cit = Citation(start, m.end(), "", "document", number=number, year=m.group("y"),
                       scope=scope_of_number(number))
        if t and not sibling:
            cit.start = start - len(before) + t.start()
            cit.doc_type = " ".join(t.group("type").split())
            cit.doc_type = cit.doc_type[0].upper() + cit.doc_type[1:]
        elif sibling:
            cit.doc_type = out[-1].doc_type
            cit.list_of = out[-1].list_of if out[-1].list_of is not None else len(out) - 1
        if not cit.doc_type:
            cit.doc_type = type_from_code(number)
        cit.text = text[cit.start:cit.end]
        if not sibling:
            close_group()
        own = Citation(0, 0, "", "document")
        tail_end = _tail(text, cit.end, own)
        cit.date, cit.issuer, cit.term = own.date, own.issuer, own.term
        cit.year = cit.year or own.year
        group.append(cit)
        out.append(cit)
        prev_end = m.end() if tail_end == m.end() else tail_end
        if own.date or own.issuer or own.term:
            close_group()
    close_group()
    return out


def _breaks_at(text: str, pos: int, breaks) -> bool:
    """Does another document or a body start at pos ('Luật …', 'Nghị định …', 'Ủy ban …')?"""
    return any(text.startswith(b, pos) and not re.match(r"[\wđ]", text[pos + len(b):pos + len(b) + 1]) for b in breaks)


def _law_name(text: str, m: re.Match) -> tuple[str, int] | None:
    """The name of a 'Luật …' / 'Bộ luật …' from its capitalized first word to a stop word or punctuation."""
    stops = compiled()["stop"]
    pos = m.end() - 1  # the whitespace before the first word
    words: list[str] = []
    end = pos
    while len(words) < 12:
        w = _WORD.match(text, pos)
        if not w:
            break
        word, comma = w.group("w"), w.group("sep").startswith(",")
        rest = text[w.start("w"):w.start("w") + 30].lower()
        breaks = compiled()["breaks"]
        capital_after_and = False
        if word == "và" and words:            # "… và Đổi mới sáng tạo": goes on only before a capitalized word
            nxt = _WORD.match(text, w.end())
            capital_after_and = bool(nxt) and not nxt.group("sep").startswith(",") \
                and nxt.group("w")[0].isupper() and not _breaks_at(text, nxt.start("w"), breaks)
        if not capital_after_and and any(rest.startswith(s + " ") or rest == s
                                         or re.match(re.escape(s) + r"(?![\wđ])", rest) for s in stops):
            break
        if re.match(r"\d", word) or word in ("Luật", "Bộ"):
            break
        if comma and word[0].isupper() and _breaks_at(text, w.start("w"), breaks):
            break
        if comma and not word[0].isupper() and len(words) > 2:
            break
        if not words and not word[0].isupper():
            return None
        words.append((", " if comma else " ") + word if words else word)
        end = w.end()
        pos = end
    if not words:
        return None
    return m.group("kw") + " " + "".join(words), end


def _named(text: str) -> list[Citation]:
    c = compiled()
    out = []
    for rx, item in c["named"]:
        for m in rx.finditer(text):
            gd = m.groupdict()
            n = gd.get("n1") or gd.get("n2")
            name = item["name"] + (f" lần thứ {n}" if n and item.get("numbered") else "")
            out.append(Citation(m.start(), m.end(), m.group(0), "named", name=name,
                                doc_type=next((t for t in ("Nghị quyết", "Điều lệ", "Hiến pháp") if name.startswith(t)), None),
                                scope=item["scope"]))
    for m in c["law"].finditer(text):
        got = _law_name(text, m)
        if not got:
            continue
        name, end = got
        cit = Citation(m.start(), end, text[m.start():end], "named", name=" ".join(name.split()),
                       doc_type=m.group("kw"), scope="national")
        y = _LAW_YEAR.match(text, end)
        if y:
            cit.year = y.group("y")
        out.append(cit)
    return out


def _self(text: str) -> list[Citation]:
    out = []
    for m in compiled()["self"].finditer(text):
        t = " ".join(m.group("type").split())
        out.append(Citation(m.start(), m.end(), m.group(0), "self", self_type=t[0].upper() + t[1:]))
    return out


def _merge_docs(text: str, numbers: list[Citation], named: list[Citation], selfs: list[Citation]) -> list[Citation]:
    """Document citations without overlaps; a name followed by its number ('Luật Đất đai số 31/2024/QH15') is
    one citation. Numbers win over names they overlap; names over the 'này' forms."""
    docs = list(numbers)
    for n in sorted(named, key=lambda x: (x.start, -x.end)):
        if any(d.start < n.end and n.start < d.end for d in docs):
            continue
        follow = next((d for d in numbers if d.start >= n.end
                       and _NUM_AFTER_NAME.fullmatch(text[n.end:d.start]) is not None), None)
        if follow is not None:
            follow.start, follow.name = n.start, n.name
            follow.doc_type = n.doc_type or follow.doc_type
            follow.text = text[follow.start:follow.end]
            continue
        docs.append(n)
    for s in selfs:
        if not any(d.start < s.end and s.start < d.end for d in docs):
            docs.append(s)
    return sorted(docs, key=lambda d: d.start)


# ----------------------------------------------------------------------------------------------------------
# Provisions
# ----------------------------------------------------------------------------------------------------------

_LEVELS = [("point", r"(?:điểm|tiết)", r"(?:[a-zđ](?![\wđ])|\d+\.\d+(?:\.\d+)*(?![\d.]))"),
           ("clause", r"khoản", r"\d+(?:\.\d+)*(?![\d.\wđ])(?!\s*(?:triệu|tỷ|nghìn|ngàn|đồng|%|người|lần|năm|tháng|ngày))"),
           ("article", r"[Đđ]iều", r"\d+[a-z]?(?![\d\wđ])")]
_SEP_ITEM = r"\s*(?:,\s*(?:và\s+|hoặc\s+)?|\s+và\s+|\s+hoặc\s+)"
_START = re.compile(r"(?<![\wđ])(?:các\s+)?(?:điểm|tiết|khoản|[Đđ]iều)\s+(?:\d|[a-zđ](?![\wđ])|này(?![\wđ]))")
_LINK = re.compile(r"\s+(?:của\s+|tại\s+|thuộc\s+)?")
_KW_FIRST = re.compile(r"(?:các\s+)?(?:điểm|tiết|khoản|[Đđ]iều)\s")
_QUAL = re.compile(r"\s*,?\s*(?:của\s+|tại\s+|thuộc\s+)?")


def _level(text: str, pos: int, kind: str, kw: str, item: str):
    """One level at pos: '(các )?khoản 1, 2 và 3' -> (kw_start, [(num, start, end)], end) or 'này' -> self."""
    m = re.compile(rf"(?:các\s+)?(?P<kw>{kw})\s+").match(text, pos)
    if not m:
        return None
    p = m.end()
    nay = re.compile(r"này(?![\wđ])").match(text, p)
    if nay:
        return (m.start("kw"), "self", nay.end())
    first = re.compile(item).match(text, p)
    if not first:
        return None
    items = [(first.group(0), first.start(), first.end())]
    p = first.end()
    while True:
        s = re.compile(_SEP_ITEM).match(text, p)
        if not s:
            break
        nxt = re.compile(item).match(text, s.end())
        if not nxt:
            break
        items.append((nxt.group(0), nxt.start(), nxt.end()))
        p = nxt.end()
    return (m.start("kw"), items, p)


def _chain(text: str, pos: int):
    """Levels from small to large starting at pos: [(kind, kw_start, items | 'self', end)], end."""
    levels = []
    p = pos
    for kind, kw, item in _LEVELS:
        at = p if not levels else None
        if levels:
            link = _LINK.match(text, p)
            at = link.end() if link else None
        if at is None:
            continue
        got = _level(text, at, kind, kw, item)
        if got:
            levels.append((kind,) + got)
            p = got[2]
            if got[1] == "self":
                break
    return levels, p


def _provisions(text: str, docs: list[Citation]) -> tuple[list[Citation], set[int]]:
    """Provision citations; returns them and the ids of document citations they absorbed as qualifiers."""
    out: list[Citation] = []
    absorbed: set[int] = set()
    c = compiled()
    pos = 0
    for m in _START.finditer(text):
        if m.start() < pos:
            continue
        levels, end = _chain(text, m.start())
        if not levels:
            continue
        pos = end
        # what follows: "Quy chế này", a document, "Quy chế ban hành kèm theo Quyết định số …"
        qual: Citation | None = None
        annex_type = None
        q = _QUAL.match(text, end)
        qstart = q.end()
        if levels[-1][2] != "self":
            ax = c["annex_of"].match(text, qstart)
            if ax:
                annex_type = " ".join(ax.group("type").split())
                qstart = ax.end()
            qual = next((d for d in docs if d.start == qstart), None)
            if qual is None and annex_type is None and qstart < len(text):
                # "Điều 18 Quy chế số 01-QC/TU": the type word already belongs to the number's citation
                qual = next((d for d in docs if d.start == q.end()), None)
            if qual is None:
                annex_type = None
        cits = _emit(text, levels, qual, annex_type)
        if qual is not None and cits and _KW_FIRST.match(cits[-1].text):
            # the qualifier belongs to the span of the last citation when that one names its kind
            # ("khoản 1 Điều 7 Quyết định này"); after a bare list item ("Điều 4, 5 Quy chế này") it stands alone
            absorbed.add(id(qual))
            cits[-1].end = qual.end
            cits[-1].text = text[cits[-1].start:cits[-1].end]
            pos = qual.end
        out.extend(cits)
    return out, absorbed


def _emit(text: str, levels, qual: Citation | None, annex_type: str | None) -> list[Citation]:
    """Citations of one chain. All levels single: one citation over the whole chain. A list at the smallest
    level: one citation per item (the first with its keyword), then the rest of the chain on its own."""
    def base(start, end, prov, self_type=None):
        ct = Citation(start, end, text[start:end], "provision", provision=prov, self_type=self_type)
        if qual is not None:
            ct.doc_type = annex_type or qual.doc_type
            ct.annex_type = annex_type
            for f in ("number", "name", "date", "year", "issuer", "term", "scope"):
                setattr(ct, f, getattr(qual, f))
            if qual.kind == "self":
                ct.self_type = qual.self_type
        return ct

    def context(lv):
        prov, self_type = {}, None
        for kind, _, items, _ in lv:
            if items == "self":
                self_type = {"article": "Điều", "clause": "khoản", "point": "điểm"}[kind]
            else:
                prov[kind] = items[0][0]
        return prov, self_type

    if not levels:
        return []
    kind, kw_start, items, end = levels[0]
    if items != "self" and len(items) > 1:
        rest_prov, rest_self = context(levels[1:])
        out = []
        for k, (num, s, e) in enumerate(items):
            out.append(base(kw_start if k == 0 else s, e, {**rest_prov, kind: num}, rest_self))
        if levels[1:]:
            out.extend(_emit(text, levels[1:], qual, annex_type))
        return out
    prov, self_type = context(levels)
    if any(lv[2] != "self" and len(lv[2]) > 1 for lv in levels[1:]):
        # a list above a single item ("khoản 1 Điều 4, 5"): the single part, then the list chain
        k = next(i for i, lv in enumerate(levels) if i and lv[2] != "self" and len(lv[2]) > 1)
        first = base(levels[0][1], levels[k - 1][3], context(levels[:k])[0] | {levels[k][0]: levels[k][2][0][0]})
        return [first] + _emit(text, levels[k:], qual, annex_type)
    return [base(kw_start, levels[-1][3], prov, self_type)]


def find(text: str) -> list[Citation]:
    """All citations of a text, in order, never overlapping."""
    if not text:
        return []
    numbers = _numbers(text)
    docs = _merge_docs(text, numbers, _named(text), _self(text))
    provs, absorbed = _provisions(text, docs)
    out = [p for p in provs]
    for d in docs:
        if id(d) in absorbed:
            continue
        if any(p.start < d.end and d.start < p.end for p in provs):
            continue
        out.append(d)
    out.sort(key=lambda x: x.start)
    pos = {id(c): k for k, c in enumerate(out)}
    for c in out:     # list_of: from an index among the numbers to an index in this list
        if c.kind == "document" and c.list_of is not None:
            c.list_of = pos.get(id(numbers[c.list_of]))
        elif c.kind != "document":
            c.list_of = None
    return out


__all__ = ["find"]
