"""ASCII slugs and anchors. Anchors come from structure (kind + number), never from heading text."""
from __future__ import annotations

import re
import unicodedata

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ORDINALS = {
    "nhất": 1, "nhứt": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}


def ascii_fold(s: str) -> str:
    """Remove Vietnamese diacritics; đ/Đ -> d/D."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def slugify(s: str, max_len: int = 80) -> str:
    s = ascii_fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    if len(s) > max_len:
        s = s[:max_len].rsplit("-", 1)[0] or s[:max_len]
    return s


def roman_to_int(s: str) -> int | None:
    s = s.upper()
    if not s or any(c not in ROMAN_VALUES for c in s):
        return None
    total = 0
    for i, c in enumerate(s):
        v = ROMAN_VALUES[c]
        if i + 1 < len(s) and ROMAN_VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def num_slug(num: str | None) -> str:
    """Number part of an anchor: 'III' -> '3', 'thứ hai' -> '2', 'đ' -> 'dd', '1.1' -> '1-1', '5a' -> '5a',
    'C' (a heading letter) -> 'c'."""
    if not num:
        return "x"
    n = num.strip()
    r = roman_to_int(n)
    # A lone L, C, D or M is a heading letter ("C. NHIỆM VỤ" after "B."), never Roman 50/100: no regulation has
    # fifty parts or sections. ('I', 'V', 'X' alone stay Roman: the parser decides them by sequence.)
    if r is not None and n.isupper() and not (len(n) == 1 and r >= 50):
        return str(r)
    low = n.lower()
    if low.startswith("thứ"):
        word = low.split()[-1]
        if word in ORDINALS:
            return str(ORDINALS[word])
    if low == "đ":
        return "dd"
    low = low.replace("đ", "dd")
    return slugify(low.replace(".", "-")) or "x"


KIND_SLUG = {
    "part": "phan", "chapter": "chuong", "section": "muc", "article": "dieu",
    "clause": "khoan", "point": "diem", "item": "y", "paragraph": "doan", "table": "bang", "row": "dong",
}
# Kinds whose anchor starts afresh: articles are numbered through the whole text ('dieu-5' under any chapter),
# and so are parts and chapters. A section stands under its chapter ('chuong-2-muc-1'); everything else under
# its parent ('dieu-5-khoan-2-diem-a'). Paragraphs, items, tables and rows are numbered among their parent's
# children of the same kind, from 1 ('dieu-5-doan-2', 'dieu-5-khoan-1-y-3', 'dieu-5-bang-1-dong-4').
FRESH_KINDS = ("part", "chapter", "article")


def anchor(path, prefix: str = "") -> str:
    """The anchor of a provision from its place in the structure: (kind, number) pairs from the outside in.

    [("article", "5"), ("clause", "2"), ("point", "a")] -> 'dieu-5-khoan-2-diem-a'; the pairs above the last
    part, chapter or article do not count, so a full path from the top gives the same anchor
    ([("chapter", "II"), ("article", "5")] -> 'dieu-5'); a section keeps its chapter
    ([("chapter", "II"), ("section", "1")] -> 'chuong-2-muc-1'), and a section inside a section keeps its parent
    (Roman 'I.' under the letter heading 'B.': [("section", "B"), ("section", "I")] -> 'muc-b-muc-1'). Numbers as written: 'III' -> 3, 'đ' -> dd,
    '1.1' -> 1-1, 'thứ hai' -> 2. `prefix` is the annex's ('qd' -> 'qd-dieu-5').
    """
    segs: list[str] = []
    fresh = None
    prev_kind = None
    for kind, num in path:
        seg = f"{KIND_SLUG[kind]}-{num_slug(str(num) if num is not None else None)}"
        if kind in FRESH_KINDS:
            segs, fresh = [seg], kind
        elif kind == "section" and prev_kind == "section":
            segs.append(seg)
        elif kind == "section":
            segs = (segs[:1] if fresh == "chapter" else []) + [seg]
            fresh = "chapter" if fresh == "chapter" else None
        else:
            segs.append(seg)
        prev_kind = kind
    a = "-".join(segs)
    return f"{prefix}-{a}" if prefix and a else (a or prefix)


def row_anchor(table_anchor: str, n: int) -> str:
    """The address of the n-th row (from 1, header rows counted) of the table whose anchor is `table_anchor`:
    'dieu-5-bang-1' -> 'dieu-5-bang-1-dong-4'."""
    return anchor([("row", n)], table_anchor)


def anchor_for_citation(point: str | None = None, clause: str | None = None, article: str | None = None,
                        annex: str | None = None, section: str | None = None, chapter: str | None = None,
                        part: str | None = None) -> str:
    """The anchor a citation names, read from small to large as Vietnamese writes it:
    'điểm a khoản 2 Điều 5' -> anchor_for_citation(point="a", clause="2", article="5") -> 'dieu-5-khoan-2-diem-a';
    'Điều 5 Quy định ban hành kèm theo …' -> anchor_for_citation(article="5", annex="qd") -> 'qd-dieu-5'
    (`annex` is the annex's anchor prefix: Annex.anchor); 'Mục 1 Chương II' -> 'chuong-2-muc-1'."""
    path = [(kind, num) for kind, num in (("part", part), ("chapter", chapter), ("section", section),
                                          ("article", article), ("clause", clause), ("point", point))
            if num is not None]
    return anchor(path, annex or "")


def is_safe_id(s: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]{0,120}", s or ""))
