"""Structure report: what looks wrong in a parsed document, for `danvan check`.

Public function: structure_report(doc) -> list[Finding]. Each check below is a small function whose docstring
states its rule; the finding codes are stable and machine-readable, the messages are Vietnamese and name the
provision ("Chương III: sau Điều 12 là Điều 14 (thiếu Điều 13)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import ids
from .model import Annex, Document, Node

CODES = ("numbering-gap", "numbering-repeat", "numbering-start", "heading-in-sentence", "appendix-articles",
         "title-past-enacting", "empty-article", "anchor-suffix", "anchor-duplicate")

VI_LETTERS = "abcdđeghiklmnopqrstuvxy"          # điểm a) … y): no f, j, w, z; đ after d
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"     # some texts letter their points the Latin way
KIND_VI = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều", "clause": "khoản",
           "point": "điểm"}
STRUCTURAL = ("part", "chapter", "section", "article", "clause", "point")
_num_slug = lru_cache(maxsize=4096)(ids.num_slug)


@dataclass
class Finding:
    code: str                 # one of CODES
    message: str              # Vietnamese, names the provision
    anchor: str | None = None
    line: int | None = None


def structure_report(doc: Document) -> list[Finding]:
    """Every finding for `doc`, in the order of the checks, each check in document order."""
    out: list[Finding] = []
    bodies = [(None, doc.body)] + [(a, a.body) for a in doc.annexes]
    for annex, body in bodies:
        out += check_numbering(body, _where(annex))
        out += check_interrupting_headings(body, _where(annex))
        out += check_empty_articles(body, _where(annex))
    out += check_appendix_articles(doc)
    out += check_title(doc)
    out += check_anchors(doc)
    return out


# --- helpers ------------------------------------------------------------------------------------------------

def _where(annex: Annex | None) -> str:
    """Prefix naming the text a provision belongs to: '' for the body, 'Phụ lục II – DANH MỤC…: ' for an annex."""
    if annex is None:
        return ""
    name = " ".join((annex.title or annex.type or "văn bản kèm theo").split())
    if len(name) > 40:
        name = name[:40].rsplit(" ", 1)[0] + "…"
    return f"{name}: "


def _name(node: Node) -> str:
    """'Điều 5', 'khoản 2', 'điểm a', 'Chương III'."""
    return f"{KIND_VI.get(node.kind, node.kind)} {node.num or '?'}".strip()


def _cite(path: list[Node]) -> str:
    """Citation of the innermost provision of `path`, small to large: 'khoản 1 Điều 18', 'Mục 2 Chương III'."""
    names = []
    for n in reversed(path):
        if n.kind in STRUCTURAL:
            names.append(_name(n))
            if n.kind in ("article", "chapter", "part"):
                break
    return " ".join(names)


def _value(node: Node, letters: str = VI_LETTERS) -> int | None:
    """Position of a node's number in its sequence: 'III' -> 3, '12' -> 12, 'thứ hai' -> 2, 'đ' -> 5, '1.2' -> 2,
    'B' -> 2 (capital letters other than I, V, X count as letters).
    None for numbers that stand outside a sequence: inserted articles ('5a'), unknown forms."""
    num = (node.num or "").strip()
    if not num:
        return None
    if "." in num:                          # dotted sub-points: the last component counts
        num = num.rsplit(".", 1)[-1]
    if num.isdigit():
        return int(num)
    if len(num) == 1 and "A" <= num <= "Z" and num not in "IVX":     # 'Mục A, B, C': letters, not C = 100
        return ord(num) - 64
    if num.isupper() and ids.roman_to_int(num) is not None:
        return ids.roman_to_int(num)
    if node.kind == "point" and len(num) == 1 and num in letters:
        return letters.index(num) + 1
    slug = _num_slug(num)
    return int(slug) if slug.isdigit() else None


def _label(node: Node, value: int, letters: str = VI_LETTERS) -> str:
    """The number `value` written the way `node` writes its own: 'c', 'IV', '3.4', '7'."""
    num = node.num or ""
    if "." in num:
        return f"{num.rsplit('.', 1)[0]}.{value}"
    if node.kind == "point" and num in letters and 0 < value <= len(letters):
        return letters[value - 1]
    if len(num) == 1 and "A" <= num <= "Z" and num not in "IVX":
        return chr(64 + value) if 0 < value <= 26 else str(value)
    word = {v: k for k, v in ids.ORDINALS.items() if k not in ("nhứt", "bốn")}.get(value)
    if num.lower().startswith("thứ") and word:
        return f"THỨ {word.upper()}" if num.isupper() else f"thứ {word}"
    if num.isupper() and ids.roman_to_int(num):
        return _roman(value)
    return str(value)


def _missing(kind: str, node: Node, first: int, last: int, letters: str) -> str:
    """'Điều 13', 'điểm d, điểm đ', 'Điều 9 đến Điều 16'."""
    name = KIND_VI[kind]
    if last - first > 2:
        return f"{name} {_label(node, first, letters)} đến {name} {_label(node, last, letters)}"
    return ", ".join(f"{name} {_label(node, k, letters)}" for k in range(first, last + 1))


def _roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


# --- numbering ----------------------------------------------------------------------------------------------

def _vi_next(prev: Node, node: Node) -> bool:
    """True when `node`'s letter follows `prev`'s in the Vietnamese sequence (i -> k in a Latin-lettered list)."""
    a, b = prev.num or "", node.num or ""
    return a in VI_LETTERS and b in VI_LETTERS and len(a) == len(b) == 1 \
        and VI_LETTERS.index(b) == VI_LETTERS.index(a) + 1


def check_numbering(body: list[Node], where: str = "") -> list[Finding]:
    """Numbering gaps, repeats and wrong starts, per level and per parent.

    Rules:
    - Articles run continuously through the whole body (Vietnamese articles do not restart per chapter);
      chapters likewise run through the body, but the first chapter of a part may restart at I.
    - Parts, sections (Mục, also Party 'I.', 'II.' headings), clauses and points are numbered within their
      parent node; a new parent restarts the count.
    - Numbers are Arabic, Roman (chapters, parts, Party sections), ordinal words ('Phần thứ hai') or letters
      (sections A, B, C; points). The first number of a sequence must be 1 (I, a): else 'numbering-start'.
      Each next one is the previous + 1; equal or smaller is a 'numbering-repeat', larger by more than one a
      'numbering-gap'.
    - Points follow the Vietnamese letters a b c d đ e g h … y; a list that uses f, j, w or z follows the
      Latin alphabet instead (a Vietnamese step such as i -> k still passes there). Numbers outside a sequence
      (inserted 'Điều 5a', unreadable) are skipped.
    - Each body (the document, each annex) is checked on its own.
    - Quoted excerpts (`quote` nodes of a page: "Điều 426 Bộ luật Dân sự 2015" with only the clauses it needs)
      carry the quoted text's numbering, not this document's: they are not checked.
    """
    out: list[Finding] = []
    runs: dict[str, list] = {"article": [None], "chapter": [None]}   # body-wide: [last node]

    def step(kind: str, prev: Node | None, node: Node, scope: str, letters: str, restart_ok: bool = False):
        v = _value(node, letters)
        if v is None:
            return prev
        pv = _value(prev, letters) if prev is not None else None
        if pv is None:
            if v != 1:
                out.append(Finding("numbering-start",
                                   f"{where}{scope}{_name(node)} mở đầu dãy {KIND_VI[kind]} "
                                   f"(lẽ ra là {KIND_VI[kind]} {_label(node, 1, letters)})",
                                   node.anchor, node.line))
        elif v == pv + 1 or (restart_ok and v == 1) or (letters is LATIN_LETTERS and _vi_next(prev, node)):
            pass
        elif v <= pv:
            what = "trùng số" if v == pv else "đánh số lùi"
            out.append(Finding("numbering-repeat", f"{where}{scope}sau {_name(prev)} là {_name(node)} ({what})",
                               node.anchor, node.line))
        else:
            missing = _missing(kind, node, pv + 1, v - 1, letters)
            out.append(Finding("numbering-gap", f"{where}{scope}sau {_name(prev)} là {_name(node)} "
                               f"(thiếu {missing})", node.anchor, node.line))
        return node

    def walk(nodes: list[Node], path: list[Node]):
        parent = path[-1] if path else None
        cite = _cite(path)
        scope = f"{cite}: " if cite else ""
        local: dict[str, Node | None] = {}
        points = [n.num for n in nodes if n.kind == "point" and n.num and len(n.num) == 1]
        letters = LATIN_LETTERS if any(p.lower() in "fjwz" for p in points) else VI_LETTERS
        first_chapter = True
        for n in nodes:
            if n.kind == "quote":
                continue
            if n.kind in runs:
                restart = n.kind == "chapter" and first_chapter and parent is not None and parent.kind == "part"
                if n.kind == "chapter":
                    first_chapter = False
                runs[n.kind][0] = step(n.kind, runs[n.kind][0], n, scope, letters, restart)
            elif n.kind in STRUCTURAL:
                key = n.kind + ("." * (n.num or "").count("."))     # 1.1-style sub-points form their own run
                local[key] = step(n.kind, local.get(key), n, scope, letters)
            walk(n.children, path + [n])

    walk(body, [])
    return out


# --- headings inside a sentence -----------------------------------------------------------------------------

SENTENCE_END = ".:;!?…”\"’'»)]}"
# the previous text ends with a word that leads into a reference or a complement
RE_LEAD_WORD = re.compile(r"\b(?:tại|theo|của|và|hoặc|với|cho|trong|về|do|bởi|từ|đến|như|là|thuộc|các|những|"
                          r"quy định|kèm theo|căn cứ)$")
# the previous text ends with the name of a provision whose number is the heading's own ("… tại Điều" / "39. …")
RE_LEAD_KIND = re.compile(r"(?:\b(?:tại|theo|của|và|hoặc|các|những|với|từ|đến|trong)\s+|[,\"“(]\s*|^)"
                          r"(?:Điều|điều|khoản|điểm|Mục|mục|Chương|chương|Phần|phần)$|\bĐiều$")
# the heading's own words read as the rest of a reference: "Chương II Thông tư này …", "Mục 2 của …"
RE_REF_REST = re.compile(r"^(?:\(|(?:của|này)\b|(?:Luật|Bộ luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Quy chế|"
                         r"Quy định|Hiến pháp|Pháp lệnh)\s+(?:này|số|\d))")


def _flatten(nodes: list[Node], out: list, path: tuple = ()) -> list[tuple[Node, tuple]]:
    """(node, path to it inclusive) in reading order."""
    for n in nodes:
        out.append((n, path + (n,)))
        _flatten(n.children, out, path + (n,))
    return out


def check_interrupting_headings(body: list[Node], where: str = "") -> list[Finding]:
    """A heading (chapter, section, article, clause, point) that cuts a sentence in two.

    Rule: take the text just before the heading in reading order (the previous node's own text; a heading with
    a title and no text carries no sentence and is skipped). It must not end a sentence: its last character,
    past '*' and spaces, is none of . : ; ! ? … nor a closing quote or bracket. Then one of:
    - it ends with a provision name that the heading's number completes: '… tại Điều' + '39. …',
      '… theo khoản' + '2. …' (a kind word after a reference word, a comma or a quote; 'Điều' anywhere);
    - the heading's own words start in lower case ('Chương V' + 'của Nghị định này.', '5)' + 'là các mức…');
    - it ends with a word that leads into a reference ('tại', 'theo', 'của', 'và', 'quy định', 'kèm theo'…)
      AND the heading's words read as the rest of one ('Thông tư này…', 'của…', '(…').
    Measured on ../shared/realworld: a missing full stop before a real heading ('… theo quy định' +
    'Điều 18. Trách nhiệm…', '… bao gồm' + 'a) Các sở…') satisfies none of these, so it is not reported.
    """
    out: list[Finding] = []
    flat = _flatten(body, [])
    for (prev, _), (node, path) in zip(flat, flat[1:]):
        if node.kind not in STRUCTURAL:
            continue
        text = prev.text.rstrip(" *_\t")
        if not text or text[-1] in SENTENCE_END:
            continue
        own = (node.title or node.text or "").lstrip(" *_")
        if not (RE_LEAD_KIND.search(text) or own[:1].islower()
                or (RE_LEAD_WORD.search(text) and RE_REF_REST.match(own))):
            continue
        out.append(Finding("heading-in-sentence", f"{where}{_cite(list(path))} ngắt ngang câu: «…{text[-50:]}» + "
                           f"«{node.label or ''} {own[:40]}»", node.anchor, node.line))
    return out


# --- empty articles -----------------------------------------------------------------------------------------

def check_empty_articles(body: list[Node], where: str = "") -> list[Finding]:
    """An article with neither text nor children: its content went elsewhere (or it is a stray heading).

    Rule: kind 'article', empty own text, no child nodes. A title alone does not count as content.
    """
    return [Finding("empty-article", f"{where}{_name(n)} không có nội dung"
                    + (f" (chỉ có tên: «{n.title[:60]}»)" if n.title else ""), n.anchor, n.line)
            for top in body for n in top.walk()
            if n.kind == "article" and not n.text.strip() and not n.children]


# --- appendix holding body articles -------------------------------------------------------------------------

def _articles(body: list[Node]) -> list[Node]:
    return [n for top in body for n in top.walk() if n.kind == "article"]


def check_appendix_articles(doc: Document) -> list[Finding]:
    """An appendix (Phụ lục, Annex kind 'appendix') holding articles numbered after the last article of the text
    before it: they continue that text and probably belong to it.

    Rule: the reference is the last numbered article of the nearest preceding text that has articles (the
    document body or an earlier annex that is not an appendix). An appendix whose first numbered article is
    greater than that one continues it and is reported once, naming the articles after it. An appendix whose
    articles start again at 1 (a form with its own articles) is not reported.
    """
    out: list[Finding] = []
    last: int | None = None
    for annex in [None] + list(doc.annexes):
        arts = _articles(doc.body if annex is None else annex.body)
        nums = [v for v in (_value(a) for a in arts) if v is not None]
        if annex is not None and annex.kind == "appendix" and last is not None:
            after = [a for a in arts if (_value(a) or 0) > last]
            if nums and nums[0] > last:
                span = _name(after[0]) + (f"–{after[-1].num}" if len(after) > 1 else "")
                out.append(Finding("appendix-articles",
                                   f"{_where(annex)}chứa {span}, đánh số tiếp sau Điều {last} của phần trước "
                                   f"(có lẽ thuộc phần trước)", after[0].anchor, after[0].line))
        if nums and (annex is None or annex.kind != "appendix"):
            last = nums[-1]
    return out


# --- title ---------------------------------------------------------------------------------------------------

_AUTHORITY = (r"BAN\s+THƯỜNG\s+VỤ|BAN\s+CHẤP\s+HÀNH|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|[ỦU]Y\s+BAN\s+NHÂN\s+DÂN|"
              r"HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|QUỐC\s+HỘI|CHÍNH\s+PHỦ|TRƯỞNG\s+BAN|"
              r"GIÁM\s+ĐỐC|BAN\s+CÁN\s+SỰ|ĐẢNG\s+ĐOÀN|THƯỜNG\s+TRỰC")
RE_ENACTING_IN_TITLE = re.compile(
    r"(?<=\S)\s+(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|Quyết\s+định|Quyết\s+nghị)\s*:"          # '… QUYẾT ĐỊNH:'
    r"|\bCăn\s+cứ\b"                                                                 # a căn cứ line
    r"|(?<![\wÀ-ỹ])Điều\s+1\s*[.:]"                                                    # the first article
    r"|(?P<auth>\b(?:" + _AUTHORITY + r")\b)[^.:;]{0,160}?\b(?:QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|BAN\s+HÀNH)\b")


def _ends_title(rest: str) -> bool:
    """What follows an authority's verb in a title ends the title: nothing, ':', or mixed-case prose."""
    rest = rest.lstrip(" *")
    word = rest.split(" ", 1)[0] if rest else ""
    return not rest or rest[0] == ":" or word != word.upper()


def check_title(doc: Document) -> list[Finding]:
    """A document title that runs on past the enacting line into the preamble or the body.

    Rule: the title holds 'QUYẾT ĐỊNH:' / 'QUYẾT NGHỊ:' (not as its first words: that is the type line), a
    mixed-case 'Căn cứ' (a preamble line), 'Điều 1.', or an enacting authority followed by its verb where the
    verb ends the title or is followed by ':' or by mixed-case prose ('… BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH',
    '… ỦY BAN NHÂN DÂN TỈNH QUYẾT ĐỊNH Căn cứ …'). '… DỰ ÁN ĐÃ ĐƯỢC QUỐC HỘI QUYẾT ĐỊNH CHỦ TRƯƠNG ĐẦU TƯ' is a
    title, not an enacting line.
    """
    title = doc.title or ""
    m = next((m for m in RE_ENACTING_IN_TITLE.finditer(title)
              if not m.group("auth") or _ends_title(title[m.end():])), None)
    if not m:
        return []
    return [Finding("title-past-enacting", "tên văn bản chạy qua dòng ban hành: "
                    f"«…{title[max(0, m.start() - 30):m.end() + 20]}…»", None, None)]


# --- anchors -------------------------------------------------------------------------------------------------

def _base_anchor(path: list[Node], prefix: str) -> str:
    """The anchor the parser gives the last node of `path` before de-duplication: ids.anchor of the structural
    path (the one rule that makes every anchor); under a parent that was itself renamed ('dieu-5-2'), the
    parent's actual anchor stands in for its expected one, as the parser does."""
    pairs = [(p.kind, p.num) for p in path if p.kind in ids.KIND_SLUG]
    base = ids.anchor(pairs, prefix)
    parent = next((p for p in reversed(path[:-1]) if p.kind in ids.KIND_SLUG), None)
    if parent is not None and parent.anchor:
        expected = ids.anchor(pairs[:-1], prefix)
        if parent.anchor != expected and base.startswith(expected + "-"):
            base = parent.anchor + base[len(expected):]
    return base


def check_anchors(doc: Document) -> list[Finding]:
    """Anchors that carry a de-duplication suffix, and anchors used twice.

    Rule: a structural node's anchor is built from its kind and number (under its parent's anchor, with the
    annex prefix); when that was taken, the parser appends '-2', '-3'…. An anchor equal to its expected base
    plus '-<k>' is reported as 'anchor-suffix' (the provision's number repeats). Recomputing the base, rather
    than matching '-\\d+$', keeps 'dieu-5-khoan-2' and sub-point 'diem-1-1' from being mistaken for suffixes.
    Any anchor held by two nodes is an 'anchor-duplicate'.
    """
    out: list[Finding] = []
    seen: dict[str, Node] = {}

    def walk(nodes: list[Node], path: list[Node], prefix: str, where: str):
        for n in nodes:
            if n.anchor:
                if n.kind in STRUCTURAL:
                    base = _base_anchor(path + [n], prefix)
                    suffix = n.anchor[len(base) + 1:] if n.anchor.startswith(base + "-") else ""
                    if suffix.isdigit() and suffix.isascii():
                        out.append(Finding("anchor-suffix", f"{where}{_cite(path + [n])} có neo #{n.anchor}: "
                                           f"số bị trùng, neo #{base} đã dùng", n.anchor, n.line))
                if n.anchor in seen:
                    out.append(Finding("anchor-duplicate", f"{where}neo #{n.anchor} dùng hai lần "
                                       f"({_name(seen[n.anchor])}, {_name(n)})", n.anchor, n.line))
                else:
                    seen[n.anchor] = n
            walk(n.children, path + [n], prefix, where)

    walk(doc.body, [], "", "")
    for a in doc.annexes:
        walk(a.body, [], a.anchor, _where(a))
    return out
