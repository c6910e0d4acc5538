"""ALL-CAPITALS titles and issuer names shown in normal case ("QUY CHẾ … TỈNH BÌNH THUẬN" -> "Quy chế … tỉnh
Bình Thuận"). Display only: the stored text is never changed. The rules and the names they keep are data
(tools/data/names.json, with worked examples)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

_WORD = re.compile(r"[^\W_]+(?:[-/.][^\W_]+)*", re.UNICODE)
_ROMAN = re.compile(r"[IVXLC]+")
_MARKER = re.compile(r"\s*(?:[IVXLC]+|\d+)[.)]\s+")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("danvan.data").joinpath("names.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _doc_types() -> list[str]:
    words = json.loads(resources.files("danvan.data").joinpath("words.json").read_text(encoding="utf-8"))
    return sorted({v for v in words["doc_types"]["words"].values()}, key=len, reverse=True)


def is_all_caps(text: str) -> bool:
    """True when the text has letters and none of them is lower case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def _keeps_capitals(word: str, prev: str | None, after: str, acronyms: frozenset[str],
                    numbered: tuple[str, ...]) -> bool:
    if word in acronyms or any(c.isdigit() for c in word) or "/" in word or "-" in word.strip("-"):
        return True
    if _ROMAN.fullmatch(word):    # "II. …" opening a heading, "chương IV"; never the syllable "vi" of "vi phạm"
        return (prev is None and after[:1] in (".", ")")) or (prev or "").endswith(numbered)
    return False


def _restore(text: str, phrase: str) -> str:
    """Every whole-word occurrence of phrase (ignoring case) takes phrase's spelling."""
    pat = re.compile(r"(?<![^\W_])" + re.escape(phrase.casefold()) + r"(?![^\W_])")
    low = text.casefold()
    if len(low) != len(text):           # casefold changed the length (ß…): leave the text as it is
        return text
    out, pos = [], 0
    for m in pat.finditer(low):
        out.append(text[pos:m.start()])
        out.append(phrase)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def sentence_case(text: str | None, names: Iterable[str] = ()) -> str:
    """An all-capitals text in sentence case, keeping names, acronyms, numbers and codes; any other text unchanged.
    `names` adds proper names of this document (its locality)."""
    if not text or not is_all_caps(text):
        return text or ""
    data = _data()
    acronyms = frozenset(data["acronyms"])
    numbered = tuple(data["numbered"])
    out, pos, prev = [], 0, None
    for m in _WORD.finditer(text):
        w = m.group(0)
        out.append(text[pos:m.start()])
        out.append(w if _keeps_capitals(w, prev, text[m.end():m.end() + 1], acronyms, numbered) else w.lower())
        prev = (prev + " " if prev else "") + w.lower()
        prev = prev[-20:]
        pos = m.end()
    out.append(text[pos:])
    s = "".join(out)
    for phrase in sorted({*data["names"], *(n for n in names if n)}, key=len, reverse=True):
        s = _restore(s, phrase)
    for t in _doc_types():
        s = re.sub(r"(?<![^\W_])" + re.escape(t.lower()) + r"(?= số\b)", t, s)
    lead = _MARKER.match(s)               # "II. " / "3) " opening a heading: the sentence starts after it
    i = next((k for k, c in enumerate(s) if c.isalpha() and k >= (lead.end() if lead else 0)), None)
    if i is not None:
        s = s[:i] + s[i].upper() + s[i + 1:]
    return s
