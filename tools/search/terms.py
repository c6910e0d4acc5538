"""One unit -> its terms per field, computed once and written by every index writer (whoosh, browser).

Fields: body (exact, fold, bigram, concept, compound: the article's text and title), title (the heading:
folded and exact syllables, bigrams, "@concept"s), meta (the document's type, title, number, issuers,
locality, date and the chapter headings above the unit: folded syllables and wholes, bigrams, "@concept"s).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .analyzer import Analyzer
from .facets import unit_facets
from .query import passage_terms
from .units import Unit, doc_meta_text


@dataclass
class UnitTerms:
    body: dict[str, Counter]
    title: Counter                  # whoosh's title field: folded and exact syllables, bigrams, "@concept"s
    title_terms: dict[str, Counter]  # the title's terms per field (document_terms)
    meta: Counter
    agencies: list[str]             # agency kinds responsible in the unit (danvan.search.facets)
    topics: list[str]
    passage_terms: list[list[str]]


def unit_terms(u: Unit, a: Analyzer, meta_cache: dict, compounds: bool = True) -> UnitTerms:
    # Each passage is tokenized once; the body's counts, the facets and the passages' term sets come from
    # those tokens. An article's heading is part of its text; a document's title and number stay in the title
    # field only, so that "topic words + document number" ranks the article above the document (the article's
    # metadata carries the number).
    title_toks = a.tokens(u.title_text)
    passage_toks = [a.tokens(text) for _, text in u.passages]
    body = {k: Counter() for k in ("exact", "fold", "bigram", "concept", "compound")}
    for toks, text in ([] if u.kind == "document" else [(title_toks, u.title_text)]) + \
            [(pt, text) for pt, (_, text) in zip(passage_toks, u.passages)]:
        for k, c in a.document_terms(text, compounds=compounds, toks=toks).items():
            body[k].update(c)
    title = a.document_terms(u.title_text, compounds=False, toks=title_toks)
    if u.doc.id not in meta_cache:
        meta_cache[u.doc.id] = a.document_terms(doc_meta_text(u.doc), compounds=False)
    dm = meta_cache[u.doc.id]
    meta = Counter(dm["fold"])
    meta.update(dm["bigram"])       # names in the metadata are phrases too: "Lai Châu", "Ban Chỉ đạo"
    meta.update({f"@{c}": n for c, n in dm["concept"].items()})
    if u.context:
        ctx = a.document_terms(u.context, compounds=False)
        meta.update(ctx["fold"])
        meta.update(ctx["bigram"])
        meta.update({f"@{c}": n for c, n in ctx["concept"].items()})
    t = Counter(title["fold"])
    t.update(title["exact"])
    t.update(title["bigram"])
    t.update({f"@{c}": n for c, n in title["concept"].items()})
    agencies, topics = unit_facets(u)
    return UnitTerms(body, t, title, meta, agencies, topics,
                     [passage_terms(text, a, toks) for toks, (_, text) in zip(passage_toks, u.passages)])
