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
    """Number part of an anchor: 'III' -> '3', 'thứ hai' -> '2', 'đ' -> 'dd', '1.1' -> '1-1', '5a' -> '5a'."""
    if not num:
        return "x"
    n = num.strip()
    r = roman_to_int(n)
    if r is not None and n.isupper():
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
    "clause": "khoan", "point": "diem", "item": "y", "paragraph": "doan",
}


def is_safe_id(s: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9-]{0,120}", s or ""))
