"""The one Vietnamese analyzer of the search: every engine indexes and queries through it.

A text becomes a list of `Token`s, each at a syllable position:

- `syl`: one syllable, NFC and lower case, tone mark moved to one placement (hoá = hóa, uỷ = ủy, thuỷ = thủy,
  khoẻ = khỏe), equivalent spellings rewritten (kĩ = kỹ, "hàng năm" = "hằng năm"); `fold` is the same
  syllable without tone and vowel marks, đ -> d ("công" -> "cong").
- `whole`: a joined token kept whole at the position of its first piece, when it holds a digit or is an
  upper-case acronym chain: "217-qđ/tw", "16/ct-ttg", "03-qc/bdvtu-bcsdubnd", "ct-xh". Its pieces are
  indexed as syllables too. The folded form uses "-" for every separator ("217-qd-tw"), so 217/QĐ-TW finds it.
- `concept`: an acronym of corpus/acronyms.json, emitted for the short form ("UBND") and for the long form
  ("Ủy ban nhân dân"), so each finds the other. Concept terms are "ubnd", "ct-xh"… in their own field.

Terms of a document (`document_terms`): exact syllables and wholes, folded syllables and wholes, folded bigrams
of adjacent syllables ("cong_tac"), concepts, and pyvi compounds ("công_tác", optional: `pip install
'danvan[search]'`). A query (`query_terms`) gets the same terms, except that its compounds are the adjacent
exact n-grams that the index holds as compounds, so no engine needs pyvi to query.

The JavaScript engine of the browser must reproduce `tokens()` exactly; devdocs/search-index.md spells it out.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..ids import ascii_fold

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # huyền, sắc, ngã, hỏi, nặng
VOWELS = set("aăâeêioôơuưy")
MARKED = set("ăâêôơư")
DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
WORD = r"[^\W_]+"
SEP = r"[-/–—‐‑−.:]"
JOINED_RE = re.compile(rf"{WORD}(?:{SEP}{WORD})*")
WORD_RE = re.compile(WORD)
MAX_QUERY_CHARS = 500      # longer queries are cut (hostile input: 10 000 characters)
MAX_QUERY_SYLLABLES = 40


@lru_cache(maxsize=200000)
def fold(s: str) -> str:
    """Remove every tone and vowel mark; đ -> d (ids.ascii_fold, cached). Lower case is the caller's business."""
    return ascii_fold(s)


@lru_cache(maxsize=65536)
def canon_syllable_plain(syl: str) -> str:
    """One tone placement for a lower-case syllable: the mark goes on the vowel carrying a vowel mark
    (ă â ê ô ơ ư; ơ in ươ), else on the last vowel when a consonant closes the syllable, else on the
    first of two open vowels (hóa, thủy, khỏe, mùa) or the middle of three (ngoài, khuỷu).
    "qu" and "gi" before a vowel are consonants (quý, giá)."""
    if not syl or syl.isascii():
        return syl
    nfd = unicodedata.normalize("NFD", syl)
    tones = [c for c in nfd if c in TONES]
    if not tones:
        return syl
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
    start = 0
    if len(bare) > 2 and bare[:2] in ("qu", "gi") and bare[2] in VOWELS:
        start = 2
    i = start
    while i < len(bare) and bare[i] not in VOWELS:
        i += 1
    j = i
    while j < len(bare) and bare[j] in VOWELS:
        j += 1
    nucleus = list(range(i, j))
    if not nucleus:
        if start == 2:      # "gì": gi is the whole rhyme
            nucleus = [1]
        else:
            return syl
    marked = [k for k in nucleus if bare[k] in MARKED]
    if marked:
        pos = marked[-1]
    elif j < len(bare):
        pos = nucleus[-1]
    elif len(nucleus) == 3:
        pos = nucleus[1]
    else:
        pos = nucleus[0]
    ch = unicodedata.normalize("NFC", unicodedata.normalize("NFD", bare[pos]) + tones[0])
    return bare[:pos] + ch + bare[pos + 1:]


@dataclass
class Token:
    pos: int          # syllable position; a whole token and a concept share their first syllable's
    kind: str         # "syl" | "whole" | "concept"
    exact: str        # NFC, lower case, canonical tone placement
    fold: str         # no marks, đ -> d
    start: int        # character offsets in the analysed text (NFC)
    end: int
    joined: bool = True  # syl: only spaces (or ** _ markup) since the previous syllable, no punctuation
    span: int = 1        # syllables covered (a whole token, an acronym's long form)


@dataclass
class QueryTerms:
    syllables: list[tuple[str, str]] = field(default_factory=list)   # (exact, fold), in order
    wholes: list[tuple[str, str]] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)
    bigrams: list[str] = field(default_factory=list)                 # folded "a_b"
    ngrams: list[str] = field(default_factory=list)                  # exact "a_b", "a_b_c": compound candidates
    has_marks: bool = False                                          # the query carries diacritics

    @property
    def empty(self) -> bool:
        return not (self.syllables or self.wholes or self.concepts)


class _Phrases:
    """Sequences of folded syllables -> payloads; longest match first at each position."""

    def __init__(self):
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, phrase: str, payload) -> None:
        phrase = unicodedata.normalize("NFC", phrase)
        words = list(WORD_RE.finditer(phrase))
        seq = tuple(fold(canon_syllable_plain(w.group().lower())) for w in words)
        # where the phrase itself has punctuation ("khiếu nại, tố cáo"), the text may have any
        open_gaps = tuple(_has_punct(phrase[a.end():b.start()]) for a, b in zip(words, words[1:]))
        if seq:
            lst = self.by_first.setdefault(seq[0], [])
            lst.append((seq, open_gaps, payload))
            lst.sort(key=lambda x: -len(x[0]))

    def find(self, syls: list[Token]):
        """Yield (index, length, payload) for every phrase occurrence in the syllable tokens. Punctuation
        in the text between two syllables stops a match unless the phrase has punctuation there too."""
        folds = [t.fold for t in syls]
        for i, f in enumerate(folds):
            for seq, open_gaps, payload in self.by_first.get(f, ()):
                n = len(seq)
                if tuple(folds[i:i + n]) == seq and all(
                        syls[i + k + 1].joined or open_gaps[k] for k in range(n - 1)):
                    yield i, n, payload


class Analyzer:
    def __init__(self, lexicon=None):
        from .lexicon import load_lexicon
        self.lex = lexicon or load_lexicon()
        self._canon: dict[str, str] = {}
        self.short: dict[str, object] = {}
        self.longs = _Phrases()
        for a in self.lex.acronyms:
            for s in a.shorts:
                self.short[fold(s.lower().translate(DASHES))] = a
            for lf in a.longs:
                self.longs.add(lf, a)

    # -- tokens --------------------------------------------------------------------------------------
    def canon(self, syl: str) -> str:
        s = self._canon.get(syl)
        if s is None:
            s = canon_syllable_plain(syl)
            s = self._canon[syl] = self.lex.syllables.get(s, s)
        return s

    def tokens(self, text: str) -> list[Token]:
        text = unicodedata.normalize("NFC", text or "")
        out: list[Token] = []
        syls: list[Token] = []
        pos = 0
        for m in JOINED_RE.finditer(text):
            raw = m.group()
            pieces = list(WORD_RE.finditer(raw))
            first = pos
            whole_is_acronym = False
            if len(pieces) > 1:
                letters = [c for c in raw if c.isalpha()]
                if any(c.isdigit() for c in raw) or (letters and all(c.isupper() for c in letters)):
                    ex = raw.lower().translate(DASHES)
                    out.append(Token(first, "whole", ex, re.sub(SEP, "-", fold(ex)), m.start(), m.end(),
                                     span=len(pieces)))
                    whole_is_acronym = self._short(raw, first, m.start(), m.end(), out, span=len(pieces))
            for p in pieces:
                ex = self.canon(p.group().lower())
                t = Token(pos, "syl", ex, fold(ex), m.start() + p.start(), m.start() + p.end())
                t.joined = bool(syls) and not _has_punct(text[syls[-1].end:t.start])
                out.append(t)
                syls.append(t)
                if not whole_is_acronym:
                    self._short(p.group(), pos, t.start, t.end, out)
                pos += 1
        # equivalent spellings that depend on the next syllable (hàng năm = hằng năm)
        for a, b in zip(syls, syls[1:]):
            rule = self.lex.before.get(a.exact)
            if rule and b.exact in rule[1]:
                a.exact = rule[0]
                a.fold = fold(rule[0])
        # long forms of acronyms
        for i, n, acro in self.longs.find(syls):
            out.append(Token(syls[i].pos, "concept", acro.concept, acro.concept, syls[i].start, syls[i + n - 1].end,
                             span=n))
        out.sort(key=lambda t: (t.pos, {"whole": 0, "syl": 1, "concept": 2}[t.kind]))
        return out

    def _short(self, raw: str, pos: int, start: int, end: int, out: list[Token], span: int = 1) -> bool:
        acro = self.short.get(_short_key(raw))
        if acro is None:
            return False
        if acro.case_sensitive and not (raw.isupper() or raw in acro.shorts):
            return False
        t = Token(pos, "concept", acro.concept, acro.concept, start, end, span=span)
        t.short = True
        out.append(t)
        return True

    # -- documents -------------------------------------------------------------------------------------
    def document_terms(self, text: str, compounds: bool = True, toks: list[Token] | None = None) -> dict[str, Counter]:
        """Term frequencies per field: exact, fold, bigram, concept, compound."""
        if toks is None:
            toks = self.tokens(text)
        res = {"exact": Counter(), "fold": Counter(), "bigram": Counter(), "concept": Counter(), "compound": Counter()}
        prev = None
        for t in toks:
            if t.kind == "concept":
                res["concept"][t.exact] += 1
                continue
            res["exact"][t.exact] += 1
            res["fold"][t.fold] += 1
            if t.kind == "syl":
                if prev is not None and t.joined:
                    res["bigram"][f"{prev.fold}_{t.fold}"] += 1
                prev = t
        if compounds:
            for c in self.compounds(text, toks):
                res["compound"][c] += 1
        return res

    def compounds(self, text: str, toks: list[Token] | None = None) -> list[str]:
        """pyvi's multi-syllable words ("công_tác"), aligned on our syllables; [] without pyvi."""
        vt = vitokenizer()
        if vt is None or not text:
            return []
        text = unicodedata.normalize("NFC", text)
        syls = [t.exact for t in (toks if toks is not None else self.tokens(text)) if t.kind == "syl"]
        out = []
        j = 0
        for word in vt.tokenize(text).split():
            if "_" not in word:
                if WORD_RE.fullmatch(word):
                    k = _seek(syls, j, [self.canon(word.lower())])
                    if k is not None:
                        j = k + 1
                continue
            parts = [self.canon(p.lower()) for p in word.split("_") if p]
            k = _seek(syls, j, parts)
            if k is not None:
                out.append("_".join(parts))
                j = k + len(parts)
        return out

    # -- queries ---------------------------------------------------------------------------------------
    def _acronym_bigrams(self, toks: list[Token], syl: list[Token]) -> list[str]:
        """Bigrams the query would have with each acronym written the other way: "UBND cấp xã" also gives
        "dan_cap" (Ủy ban nhân dân cấp xã), "Ủy ban nhân dân cấp" also gives "ubnd_cap"."""
        index = {t.pos: k for k, t in enumerate(syl)}
        longs = {a.concept: a for a in self.lex.acronyms}
        out = []
        for t in toks:
            if t.kind != "concept" or t.pos not in index:
                continue
            i = index[t.pos]
            acro = longs.get(t.exact)
            if acro is None or not acro.longs:
                continue
            if getattr(t, "short", False):
                alt = [fold(canon_syllable_plain(w.lower())) for w in WORD_RE.findall(acro.longs[0])]
            else:
                alt = [p for p in t.exact.split("-") if p]
            if alt:
                out += _swap_bigrams(syl, i, t.span, alt)
        return out

    def query_terms(self, query: str) -> QueryTerms:
        q = unicodedata.normalize("NFC", query or "")[:MAX_QUERY_CHARS]
        toks = self.tokens(q)
        qt = QueryTerms()
        syl = [t for t in toks if t.kind == "syl"][:MAX_QUERY_SYLLABLES]
        last = syl[-1].pos if syl else -1
        qt.syllables = [(t.exact, t.fold) for t in syl]
        qt.wholes = _unique((t.exact, t.fold) for t in toks if t.kind == "whole" and t.pos <= last)
        qt.concepts = _unique(t.exact for t in toks if t.kind == "concept" and t.pos <= last)
        qt.bigrams = _unique(f"{a.fold}_{b.fold}" for a, b in zip(syl, syl[1:]) if b.joined)
        qt.bigrams += [b for b in self._acronym_bigrams(toks, syl) if b not in qt.bigrams]
        grams = []
        for n in (2, 3):
            for i in range(len(syl) - n + 1):
                if all(t.joined for t in syl[i + 1:i + n]):
                    grams.append("_".join(t.exact for t in syl[i:i + n]))
        qt.ngrams = _unique(grams)
        qt.has_marks = any(t.exact != t.fold for t in syl)
        return qt


@lru_cache(maxsize=200000)
def _short_key(raw: str) -> str:
    return fold(raw.lower().translate(DASHES))


_MARKUP = set(" \t\r\n\u00a0*_#>|`")


def _has_punct(gap: str) -> bool:
    """True when the text between two syllables holds more than spaces and Markdown emphasis."""
    return any(c not in _MARKUP for c in gap)


def _swap_bigrams(syl: list[Token], i: int, n: int, alt: list[str]) -> list[str]:
    """Bigrams at the edges of syl[i:i+n] once those syllables are replaced by `alt` (folded): the other form
    gets the same credit for its neighbours, not the extra credit of its own inner bigrams."""
    out = []
    if i > 0 and syl[i].joined:
        out.append(f"{syl[i - 1].fold}_{alt[0]}")
    if i + n < len(syl) and syl[i + n].joined:
        out.append(f"{alt[-1]}_{syl[i + n].fold}")
    return out


def _seek(syls: list[str], j: int, parts: list[str], window: int = 8) -> int | None:
    n = len(parts)
    for k in range(j, min(j + window, len(syls))):
        if syls[k:k + n] == parts:
            return k
    return None


def _unique(items) -> list:
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


_VT = None
_VT_TRIED = False
PYVI_MISSING = ("pyvi chưa được cài: bỏ qua từ ghép khi lập chỉ mục (kết quả vẫn đúng, xếp hạng kém hơn một chút). "
                "Cài bằng: pip install 'danvan[search]'")


def vitokenizer():
    """pyvi's ViTokenizer, imported on first use; None (with one message on stderr) when pyvi is missing."""
    global _VT, _VT_TRIED
    if not _VT_TRIED:
        _VT_TRIED = True
        try:
            from pyvi import ViTokenizer
            _VT = ViTokenizer
        except ImportError:
            print(PYVI_MISSING, file=sys.stderr)
            _VT = None
    return _VT


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    return Analyzer()
