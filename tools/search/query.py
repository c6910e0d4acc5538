"""What every engine shares once it has ranked units: the hit, the best clause, the snippet, the filters,
typo candidates, and the weights of the ranking. Nothing here imports whoosh.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Protocol

from .analyzer import Analyzer, QueryTerms, default_analyzer, fold

# Relative weights of the signals, shared by the engines (devdocs/search-index.md lists them).
WEIGHTS = {
    "exact": 0.5,      # a syllable with the query's own diacritics (only when the query has some)
    "fold": 1.0,       # the syllable without marks
    "whole": 4.0,      # a document number / acronym chain kept whole
    "bigram": 2.5,     # two adjacent syllables of the query, folded
    "concept": 2.0,    # an acronym or its long form
    "compound": 0.8,   # a pyvi compound the query spells with diacritics
    "fuzzy": 0.4,      # a folded syllable one edit away from a query syllable the index does not know
    "title": 1.5,      # multiplier for matches in the unit's title (article heading; document title/number)
    "meta": 0.3,       # multiplier for matches in the document metadata and chapter headings of an article
}
SNIPPET_CHARS = 240
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
MAX_FUZZY_LEN = 12   # longer "syllables" are no Vietnamese words: no typo candidates


@dataclass
class Filters:
    doc: str | None = None          # document id (or number)
    agency: str | None = None       # kind id or a name ("ban-dan-van-tinh-uy", "Ban Dân vận", "UBND"): facets.py
    topic: str | None = None
    doc_type: str | None = None     # "Quyết định", "quy che"…
    level: str | None = None        # central | province | district | commune
    locality: str | None = None
    exact_ids: bool = False         # agency/topic are facet ids as the browser's facet links carry them

    def active(self) -> bool:
        return any(v for k, v in asdict(self).items() if k != "exact_ids")


@dataclass
class Hit:
    url: str                        # site-relative page URL with the clause (or article) anchor
    doc: str                        # document id
    anchor: str | None              # best-matching clause anchor, else the unit's own anchor
    title: str                      # "Điều 5. Ban Dân vận Tỉnh ủy" / document title
    score: float
    snippet: str
    kind: str = "article"           # article | quote (an article a web page quotes) | document | annex | section
    unit_anchor: str | None = None  # the article's anchor (the unit of the result)
    doc_title: str = ""
    number: str | None = None
    type: str | None = None
    date: str | None = None
    level: str | None = None
    locality: str | None = None
    source: str | None = None       # corpus-relative path of the document
    highlights: list[list[int]] = field(default_factory=list)  # [start, end) in the snippet

    def to_json(self) -> dict:
        return asdict(self)


class Engine(Protocol):
    name: str

    def search(self, query: str, limit: int = 10, filters: Filters | None = None) -> list[Hit]: ...


# -- facets ----------------------------------------------------------------------------------------------
def resolve_facets(filters: "Filters", catalog) -> dict[str, set[str]]:
    """The agency and topic filters as typed -> {dim: the facet ids they stand for} (danvan.search.facets;
    an empty set when the name matches nothing: the search then finds nothing)."""
    out = {}
    for dim, typed in (("agency", filters.agency), ("topic", filters.topic)):
        if typed:
            out[dim] = set(catalog.resolve(dim, typed, exact=filters.exact_ids).ids)
    return out


def norm_value(value: str | None) -> str:
    """Facet values compare folded and lower case: "Quyết định" == "quyet dinh"."""
    return re.sub(r"\s+", " ", fold((value or "").lower())).strip()


# -- typos -----------------------------------------------------------------------------------------------
def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    out |= {a + c + b for a, b in splits for c in ALPHABET}
    out.discard(word)
    return out


def fuzzy_candidates(term: str, known) -> list[str]:
    """Folded syllables one edit away from `term` that the index knows (for terms of 3 to 12 letters)."""
    if not 3 <= len(term) <= MAX_FUZZY_LEN or not term.isalpha():
        return []
    return sorted(c for c in edits1(term) if c in known)


# -- best clause and snippet -------------------------------------------------------------------------------
def passage_terms(text: str, analyzer: Analyzer, toks=None) -> list[str]:
    """The distinct terms of a passage that best-clause scoring looks at, stored with the index: folded
    syllables, "=exact" syllables that carry marks, "a_b" folded bigrams, "@concept"s and "#whole"s."""
    out = set()
    prev = None
    for t in (toks if toks is not None else analyzer.tokens(text or "")):
        if t.kind == "concept":
            out.add("@" + t.exact)
        elif t.kind == "whole":
            out.add("#" + t.fold)
        else:
            out.add(t.fold)
            if t.exact != t.fold:
                out.add("=" + t.exact)
            if prev is not None and t.joined:
                out.add(f"{prev.fold}_{t.fold}")
            prev = t
    return sorted(out)


def passage_score(qt: QueryTerms, terms) -> float:
    """How well a passage (its `passage_terms`) matches the query: distinct query terms found, weighted."""
    terms = terms if isinstance(terms, (set, frozenset)) else set(terms)
    folds = {f for _, f in qt.syllables}
    score = sum(WEIGHTS["fold"] for f in folds if f in terms)
    if qt.has_marks:
        score += sum(WEIGHTS["exact"] for e, f in set(qt.syllables) if e == f and f in terms or "=" + e in terms)
    score += sum(WEIGHTS["whole"] for _, f in qt.wholes if "#" + f in terms)
    score += sum(WEIGHTS["concept"] for c in qt.concepts if "@" + c in terms)
    score += sum(WEIGHTS["bigram"] for b in qt.bigrams if b in terms)
    return score


def best_passage(qt: QueryTerms, passages: list[tuple[str | None, str]], terms: list[list[str]]):
    """(anchor, text) of the passage that matches best; the first passage on ties."""
    best = None
    for (anchor, text), ts in zip(passages, terms):
        s = passage_score(qt, ts)
        if best is None or s > best[0]:
            best = (s, anchor, text)
    if best is None:
        return None, ""
    return best[1], best[2]


def match_spans(qt: QueryTerms, text: str, analyzer: Analyzer) -> list[tuple[int, int]]:
    """Character spans of the tokens of `text` that match the query (for highlighting)."""
    folds = {f for _, f in qt.syllables}
    wholes = {f for _, f in qt.wholes}
    concepts = set(qt.concepts)
    spans = []
    for t in analyzer.tokens(text or ""):
        if (t.kind == "syl" and t.fold in folds) or (t.kind == "whole" and t.fold in wholes) or \
                (t.kind == "concept" and t.exact in concepts):
            spans.append((t.start, t.end))
    return spans


def snippet_for(qt: QueryTerms, text: str, analyzer: Analyzer, width: int = SNIPPET_CHARS):
    """make_snippet over the matches of the query in `text`. A long text is first narrowed, with a regular
    expression over its folded form, to the window around the first cluster of matching syllables, so only
    that window is tokenized."""
    text = text or ""
    offset = 0
    if len(text) > 4 * width:
        folded = fold.__wrapped__(text.lower())
        words = sorted({f for _, f in qt.syllables if f} | {f for _, f in qt.wholes}, key=len, reverse=True)
        pos = []
        if words and len(folded) == len(text):
            pat = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])")
            pos = [m.start() for m in pat.finditer(folded)]
        if pos:
            best = max(pos, key=lambda p: sum(1 for x in pos if p <= x < p + width))
            offset = max(0, best - width)
        window = text[offset:offset + 3 * width]
    else:
        window = text
    spans = match_spans(qt, window, analyzer)
    snippet, marks = make_snippet(window, spans, width)
    if offset and not snippet.startswith("…"):
        snippet = "…" + snippet
        marks = [[s + 1, e + 1] for s, e in marks]
    if offset + len(window) < len(text) and not snippet.endswith("…"):
        snippet += "…"
    return snippet, marks


def make_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> tuple[str, list[list[int]]]:
    """A window of about `width` characters around the densest run of matches, cut at spaces, with the
    highlight spans relative to the snippet."""
    text = text or ""
    if len(text) <= width:
        lo, hi = 0, len(text)
    else:
        best_lo, best_n = 0, -1
        starts = sorted(s for s, _ in spans)
        for s in starts:
            lo = max(0, s - width // 4)
            n = sum(1 for x in starts if lo <= x < lo + width)
            if n > best_n:
                best_lo, best_n = lo, n
        lo = best_lo
        hi = min(len(text), lo + width)
        if lo > 0:
            sp = text.rfind(" ", 0, lo + 1)
            lo = sp + 1 if sp >= 0 and lo - sp < 30 else lo
        if hi < len(text):
            sp = text.rfind(" ", lo, hi)
            hi = sp if sp > lo + width // 2 else hi
    pre = "…" if lo > 0 else ""
    post = "…" if hi < len(text) else ""
    snippet = pre + text[lo:hi].replace("\n", " ") + post
    marks = [[s - lo + len(pre), e - lo + len(pre)] for s, e in sorted(set(spans)) if s >= lo and e <= hi]
    return snippet, marks
