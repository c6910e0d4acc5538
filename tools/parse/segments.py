"""Segments: where an annex, an appendix or a form starts (a "PHỤ LỤC N" heading, a "kèm theo" note, a form
heading, a motto after the closing), the split of the text into the main body and annex segments, and the
filling of one segment's body and closing. The rules are listed in parse/annexes.py's docstring."""
from __future__ import annotations

from ..model import Unplaced
from ..normalize import (
    Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_KEM_THEO, RE_MOTTO, RE_PART, RE_RECIPIENTS,
    RE_SECTION, RE_SIGN_AUTH, is_caps,
)
from .body import _Builder
from .closing import _is_blank_closing, _parse_closing, _split_adoption, _split_closing
from .common import _Ctx, _ends_sentence, _is_name, _is_signature_start, _structural_kind, _type_of, _warn
from .patterns import RE_ANNEX_HEAD, RE_BARE_NUM, RE_DATE, RE_DECOR, RE_EXECUTION, RE_FORM_HEAD, RE_NUMBER

def _in_data_table(p: Para) -> bool:
    """A cell of a data table (parse/tables.py): a list of forms in a table is no heading."""
    t = getattr(p, "table", None)
    return t is not None and not getattr(t, "layout", True)


def _is_motto_para(t: str) -> bool:
    """S6: the whole paragraph is the motto (both lines and rules may stand in it), and it opens in capitals."""
    m = RE_MOTTO.search(t)
    return bool(m) and m.start() == 0 and is_caps(m.group(0)) and not RE_DECOR.sub("", RE_MOTTO.sub("", t)).strip()


def _is_appendix_head(p: Para) -> bool:
    """S1: 'PHỤ LỤC II', '**Phụ lục 9**', '## Phụ lục', 'PHỤ LỤC SỔ GỐC…'; not 'Phụ lục I ban hành kèm theo …;'."""
    t = p.text
    m = RE_ANNEX_HEAD.match(t)
    if not m or len(t) >= 300 or _in_data_table(p):
        return False
    if not (is_caps(t[:7]) or p.bold or p.heading or m.group(2) and not m.group(3)):
        return False   # title case counts when the paragraph is the heading alone: "Phụ lục I"
    return not t.rstrip(" *").endswith((";", ",")) and (is_caps(t[:7]) or len(m.group(3)) < 200)


def _is_form_head(paras: list[Para], i: int) -> bool:
    """S4: a form's heading line."""
    p = paras[i]
    t = p.text
    m = RE_FORM_HEAD.match(t)
    if not m or len(t) > 200 or _in_data_table(p) or _ends_sentence(t) and not t.endswith(":") and len(t) > 60:
        return False
    if p.bold or p.heading:
        return True
    if m.group(2).strip():
        return False   # "Mẫu số 06 B Phụ lục, khoản 5, Điều 13": a line of a list, not a heading
    nxt = paras[i + 1].text if i + 1 < len(paras) else ""
    return bool(nxt) and (is_caps(nxt) or bool(RE_MOTTO.search(nxt)) or nxt.startswith(("Kính gửi", "KÍNH GỬI"))
                          or bool(RE_KEM_THEO.match(nxt)))


def _heading_like(p: Para) -> bool:
    """A line that can still belong to an annex heading: capitals, bold, a motto, a note, a number or date line."""
    t = p.text
    if len(t) > 400 or _structural_kind(t) or RE_BULLET.match(t):
        return False
    return bool(is_caps(t) or p.bold or p.heading or RE_MOTTO.search(t) or RE_KEM_THEO.match(t)
                or RE_NUMBER.match(t) or (RE_DATE.search(t) and len(t) < 120) or RE_BARE_NUM.match(t)
                or RE_ANNEX_HEAD.match(t) and len(t) < 60)


def _is_annex_start(paras: list[Para], i: int, seen_articles: bool, in_closing: bool = False) -> bool:
    """S5, S6 (notes and PHỤ LỤC headings are read before, by _split_segments)."""
    p = paras[i]
    t = p.text
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
    if _is_motto_para(t) and in_closing:   # S6
        return True
    return False


def _only_heading(seg: list[Para]) -> bool:
    """The segment so far is heading lines only (a few short lines, none a provision or a list line): a note
    that follows is its note, whatever the lines are ("Phụ lục I" / "UBND TỈNH …" / "TỌA ĐỘ …" / "(Kèm theo …)")."""
    return len(seg) <= 8 and not any(_structural_kind(q.text) or RE_BULLET.match(q.text) or len(q.text) > 200
                                     for q in seg)


def _heading_before_note(cur: list[Para]) -> list[Para]:
    """The heading lines (type line + title, a PHỤ LỤC heading + title, or a title in capitals) just above a kèm
    theo note, popped from the end of `cur`; [] (and `cur` untouched) when there is no such heading."""
    back: list[Para] = []
    while cur and len(back) < 5:
        q = cur[-1]
        if (is_caps(q.text) or q.bold or q.heading or q.text[:1].islower()) and not _structural_kind(q.text) \
                and not RE_SIGN_AUTH.match(q.text) and not _is_name(q.text) and len(q.text) < 400 \
                and not _in_data_table(q):
            back.insert(0, cur.pop())
            if _type_of(q.text) or RE_ANNEX_HEAD.match(q.text):
                break
        else:
            break
    if back and not (_type_of(back[0].text) or RE_ANNEX_HEAD.match(back[0].text)
                     or is_caps(back[0].text) and not _is_signature_start(back[0])):
        cur.extend(back)   # not a heading after all: put them back
        return []
    return back


def _split_segments(paras: list[Para], start: int, ctx: _Ctx) -> list[tuple[str, list[Para]]]:
    """Split the rest of the document into the main body and annex segments: [(kind, paragraphs)], kind being
    "main", "note" (a kèm theo note with its heading), "appendix", "form" or "doc" (a text after a closing)."""
    segs: list[list[Para]] = [[]]
    kinds = ["main"]
    seen_articles = False
    in_closing = False
    head = False  # the newest segment is still in its heading lines
    i = start
    n = len(paras)
    while i < n:
        p = paras[i]
        t = p.text
        kind = kinds[-1]
        if head and not _heading_like(p):
            head = False
        new = None
        back: list[Para] = []
        if _in_data_table(p) or not (segs[-1] or len(segs) > 1):
            pass
        elif _is_form_head(paras, i) and (kind != "main" or in_closing):
            new = "form"                                                      # S4
        elif head and (kind == "form" or RE_KEM_THEO.match(t)) or RE_KEM_THEO.match(t) and kind != "main" \
                and _only_heading(segs[-1]):
            pass                                                              # S7: the heading's own lines
        elif _is_appendix_head(p):
            new = "appendix"                                                  # S1
        elif RE_KEM_THEO.match(t) and len(t) < 400 and (seen_articles or in_closing or kind != "main"):
            back = _heading_before_note(segs[-1])                             # S3
            if back or (kind != "form" and (seen_articles or in_closing)):
                new = "note"
        elif kind != "form" and (seen_articles or in_closing) and _is_annex_start(paras, i, True, in_closing):
            new = "doc"                                                       # S5, S6
        if new:
            segs.append(back + [p])
            kinds.append(new)
            seen_articles = in_closing = False
            head = True
            i += 1
            continue
        if RE_ARTICLE.match(t) or RE_CLAUSE.match(t) or (kind == "main" and RE_EXECUTION.search(t)):
            seen_articles = True
        if _is_signature_start(p) or RE_RECIPIENTS.match(t):
            in_closing = True
        segs[-1].append(p)
        i += 1
    # merge segments that hold only letterhead lines into the next one
    out: list[tuple[str, list[Para]]] = []
    carry: list[Para] = []
    last = len(segs) - 1
    for k, (kind, s) in enumerate(zip(kinds, segs)):
        if out and k != last and not any(_structural_kind(p.text) or len(p.text) > 200 for p in s) \
                and all(RE_MOTTO.search(p.text) or is_caps(p.text) or RE_DATE.search(p.text) or RE_NUMBER.match(p.text)
                        for p in s) and kinds[k + 1] != "form":
            carry.extend(s)
            continue
        out.append((kind, carry + s if carry else s))
        carry = []
    if carry:
        kind, s = out[-1]
        out[-1] = (kind, s + carry)
    return out


def _fill_body(doc_or_annex, paras: list[Para], ctx: _Ctx, prefix: str, closing: bool = True):
    """Body and closing of one zone. `closing=False` (a form): everything is body — its "Kính gửi", its fields,
    its Nơi nhận and its signature blank are the form's text, not the document's recipients or signers."""
    body, closing_paras = _split_closing(paras) if closing else (paras, [])
    is_doc = hasattr(doc_or_annex, "cc")
    if closing_paras and not is_doc and _is_blank_closing(closing_paras):
        body, closing_paras = paras, []   # a model's closing: "(Ký tên, đóng dấu)", "………(1)………", "Lưu: …"
    if is_doc:
        body, doc_or_annex.adoption = _split_adoption(body)
    b = _Builder(ctx, prefix)
    for p in body:
        try:
            b.add(p)
        except Exception as e:  # keep the text, say why
            ctx.unplaced.append(Unplaced(text=p.text, line=p.line, reason=f"{e.__class__.__name__}"))
            _warn(ctx, "unplaced", f"không xếp được đoạn văn: {e}", p.line)
    doc_or_annex.body = b.roots
    signers, recipients, cc, other = _parse_closing(closing_paras)
    doc_or_annex.signers = signers
    doc_or_annex.recipients = recipients
    if hasattr(doc_or_annex, "cc"):
        doc_or_annex.cc = cc
    else:
        doc_or_annex.recipients.extend(cc)
    doc_or_annex.closing = other


