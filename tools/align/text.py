"""Words of an article for comparison: tokens that keep their diacritics (tone placement made canonical, so
'hoá' and 'hóa', 'uỷ' and 'ủy' are one word), the text of an article flattened into lines, and the locality
names a province writes into a central text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from ..model import Node

# Vietnamese tone marks as combining characters (grave, acute, tilde, hook above, dot below). Vowel marks
# (circumflex, breve, horn) and đ are part of the letter and stay.
TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_TOKEN = re.compile(r"\w+|[^\w\s]+")
# Words that name the kind of a locality before its name ('tỉnh Bình Thuận', 'thành phố Hà Nội').
LOCALITY_KINDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")


@lru_cache(maxsize=1 << 16)
def tone_key(word: str) -> str:
    """One key for one syllable whatever the tone placement: the letters without the tone mark, then the tone's
    digit. 'hóa' and 'hoá' -> 'hoa1'; 'Ủy' -> 'Uy3'; 'dân' -> 'dân' (a vowel mark is not a tone)."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [TONE_MARKS[c] for c in decomposed if c in TONE_MARKS]
    if not tones:
        return unicodedata.normalize("NFC", word)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base + "".join(tones)


class Token(NamedTuple):
    text: str          # as written (NFC)
    key: str           # for the diff: tone_key of the text (case and punctuation kept)
    space: bool        # written after a space


@lru_cache(maxsize=1 << 14)
def tokens(line: str) -> tuple[Token, ...]:
    """Words and punctuation runs of a line, each with its diff key and whether a space came before it
    (cached: a line is compared many times)."""
    s = unicodedata.normalize("NFC", line)
    out = []
    prev_end = 0
    for m in _TOKEN.finditer(s):
        out.append(Token(m.group(0), tone_key(m.group(0)), m.start() > prev_end))
        prev_end = m.end()
    return tuple(out)


def words(lines: list[str]) -> list[str]:
    """Lower-case word keys (no punctuation) of some lines, for similarity scores."""
    return [t.key.casefold() for ln in lines for t in tokens(ln) if t.text[0].isalnum() or t.text[0] == "_"]


def node_line(n: Node) -> str:
    """A node's line as shown: its label, its title, its text."""
    if n.kind == "table":
        return " ".join(" | ".join(c for c in row) for row in n.rows)
    return " ".join(x.strip() for x in (n.label, n.title if n.kind != "article" else None, n.text) if x and x.strip())


def article_lines(article: Node) -> list[str]:
    """The article's text, one line per node below it (the article's own label and title excluded: they are
    the row's heading); a node's own text may hold several lines."""
    out: list[str] = []
    for ln in (article.text or "").split("\n"):
        if ln.strip():
            out.append(" ".join(ln.split()))
    for child in article.children:
        for n in child.walk():
            line = node_line(n)
            for ln in line.split("\n"):
                if ln.strip():
                    out.append(" ".join(ln.split()))
    return out


def locality_keys(locality: str | None) -> list[list[str]]:
    """Key sequences of the ways a text names its locality: 'tỉnh Bình Thuận', 'Bình Thuận' (longest first)."""
    if not locality:
        return []
    name = [t.key.casefold() for t in tokens(locality)]
    seqs = [[t.key.casefold() for t in tokens(kind)] + name for kind in LOCALITY_KINDS]
    return sorted(seqs, key=len, reverse=True) + [name]


def without_locality(keys: list[str], locality: list[list[str]]) -> list[str]:
    """Keys with every mention of the locality removed (compared case-insensitively)."""
    if not locality:
        return keys
    low = [k.casefold() for k in keys]
    out: list[str] = []
    i = 0
    while i < len(keys):
        for seq in locality:
            if low[i:i + len(seq)] == seq:
                i += len(seq)
                break
        else:
            out.append(keys[i])
            i += 1
    return out
