"""The Python search engine, on Whoosh-Reloaded (import name `whoosh`). Whoosh is unmaintained, so this is the
only module of the project that imports it: the analysis is done before whoosh sees any text (each field gets
our terms joined by spaces, split again by whoosh's SpaceSeparatedTokenizer), and queries are built as
term objects, never parsed from the user's string, so no query syntax can reach whoosh.

    build_index(documents, out_dir) -> stats
    WhooshEngine(index_dir).search(query, limit, filters) -> [Hit]
"""
from __future__ import annotations

import json
import math
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from .analyzer import Analyzer, default_analyzer, vitokenizer
from .facets import FacetCatalog
from .query import (WEIGHTS, Filters, Hit, best_passage, fuzzy_candidates, norm_value, snippet_for,
                    resolve_facets)
from .terms import UnitTerms, unit_terms
from .units import Unit, corpus_units

try:
    from whoosh import index as _index
    from whoosh import query as _q
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
    from whoosh.scoring import BM25F, BM25FScorer
except ImportError:  # pragma: no cover - exercised by the message test
    _index = None

WHOOSH_MISSING = ("Whoosh-Reloaded chưa được cài: lệnh index/search cần nó. Cài bằng: pip install 'danvan[search]'")
INDEX_FORMAT = 1
COMMON_SHARE = 0.08   # a syllable in more than this share of the units (and more than COMMON_MIN units)
COMMON_MIN = 200      # counts as common: see build_query
META_FILE = "danvan-search.json"


def require_whoosh() -> None:
    if _index is None:
        raise RuntimeError(WHOOSH_MISSING)


if _index is not None:
    class _BM25(BM25F):
        """BM25F with the probabilistic idf of BM25 (whoosh's default idf, log(N/(df+1))+1, lets words found
        in every unit weigh nearly as much as rare ones)."""

        def idf(self, searcher, fieldname, text):
            parent = searcher.get_parent()
            n = 0
            if fieldname in ("title", "meta"):
                # BM25F: one idf per term, from the body fields; a title only raises the term's weight
                t = text.decode("utf-8") if isinstance(text, bytes) else text
                body, t = (("concept", t[1:]) if t.startswith("@") else ("bigram", t) if "_" in t else ("fold", t))
                n = parent.doc_frequency(body, t)
            if not n:
                n = parent.doc_frequency(fieldname, text)
            return math.log(1 + (parent.doc_count_all() - n + 0.5) / (n + 0.5))

        def scorer(self, searcher, fieldname, text, qf=1):
            sc = BM25F.scorer(self, searcher, fieldname, text, qf=qf)
            if isinstance(sc, BM25FScorer):
                sc.__class__ = _FastScorer
                sc.lengths = self.lengths(searcher, fieldname)
            return sc

        def lengths(self, searcher, fieldname) -> list[int]:
            """Field lengths of every unit, read once per searcher and field (whoosh reads them per posting)."""
            cache = self.__dict__.setdefault("_lengths", {})
            key = (id(searcher), fieldname)
            if key not in cache:
                r = searcher.reader()
                cache[key] = [r.doc_field_length(i, fieldname, 1) for i in range(r.doc_count_all())]
            return cache[key]

    class _FastScorer(BM25FScorer):
        lengths: list[int]

        def score(self, matcher):
            tf, K1 = matcher.weight(), self.K1
            return self.idf * tf * (K1 + 1) / (tf + K1 * (1 - self.B + self.B * self.lengths[matcher.id()] / self.avgfl))


def schema():
    require_whoosh()
    sp = SpaceSeparatedTokenizer()
    text = dict(analyzer=sp, phrase=False)
    return Schema(
        uid=ID(stored=True, unique=True),
        kind=ID(stored=True),
        doc=ID(stored=True),
        number=ID,
        doc_type=ID,
        level=ID,
        locality=ID,
        agency=KEYWORD(stored=True, scorable=False),
        topic=KEYWORD(stored=True, scorable=False),
        exact=TEXT(**text),
        fold=TEXT(**text),
        bigram=TEXT(**text),
        concept=TEXT(**text),
        compound=TEXT(**text),
        title=TEXT(**text),
        meta=TEXT(**text),
        data=STORED,
    )


def _join(c: Counter) -> str:
    return " ".join(t for t, n in c.items() for _ in range(n))


def unit_fields(u: Unit, ut: UnitTerms) -> dict:
    """The whoosh fields of one unit: the analyzer's terms, joined by spaces."""
    b, d = ut.body, u.doc
    return dict(
        uid=u.uid, kind=u.kind, doc=d.id, number=norm_value(d.number), doc_type=norm_value(d.type),
        level=d.level or "", locality=norm_value(d.locality),
        agency=" ".join(ut.agencies), topic=" ".join(ut.topics),
        exact=_join(b["exact"]), fold=_join(b["fold"]), bigram=_join(b["bigram"]), concept=_join(b["concept"]),
        compound=_join(b["compound"]), title=_join(ut.title), meta=_join(ut.meta),
        data={"url": u.url, "anchor": u.anchor, "heading": u.heading, "passages": u.passages,
              "terms": [" ".join(t) for t in ut.passage_terms],
              "doc_title": d.title, "number": d.number, "type": d.type, "date": d.date, "level": d.level,
              "locality": d.locality, "source": d.source.path if d.source else None,
              "agencies": ut.agencies, "topics": ut.topics},
    )


def build_index(documents, out_dir, analyzer: Analyzer | None = None, progress: bool = False,
                compounds: bool = True) -> dict:
    """Write a whoosh index of the documents' units into out_dir (replacing what was there)."""
    require_whoosh()
    a = analyzer or default_analyzer()
    t0 = time.perf_counter()
    out = Path(out_dir)
    if out.exists():
        if not (out / META_FILE).exists() and any(out.iterdir()):
            raise FileExistsError(f"{out}: thư mục không trống và không phải chỉ mục tìm kiếm; chọn thư mục khác")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    compounds = compounds and vitokenizer() is not None
    units = corpus_units(documents)
    ix = _index.create_in(str(out), schema())
    w = ix.writer(limitmb=256)
    meta_cache: dict = {}
    it = units
    if progress and len(units) > 50:
        try:
            from tqdm import tqdm
            it = tqdm(units, desc="Lập chỉ mục", unit="mục", file=sys.stderr)
        except ImportError:  # pragma: no cover
            pass
    used: dict[str, dict[str, int]] = {"agency": {}, "topic": {}}
    for u in it:
        ut = unit_terms(u, a, meta_cache, compounds)
        for k in ut.agencies:
            used["agency"][k] = 1
        for k in ut.topics:
            used["topic"][k] = 1
        w.add_document(**unit_fields(u, ut))
    w.commit()
    catalog = FacetCatalog()     # after enrichment: it knows the named bodies the documents introduced
    stats = {"facets": {dim: catalog.entries(dim, [k for k in catalog.values[dim] if k in used[dim]])
                        for dim in used},
             "format": INDEX_FORMAT, "documents": len(documents), "units": len(units),
             "articles": sum(1 for u in units if u.kind == "article"), "compounds": compounds,
             "seconds": round(time.perf_counter() - t0, 2)}
    (out / META_FILE).write_text(json.dumps(stats, ensure_ascii=False, indent=2), encoding="utf-8")
    return stats


class _Terms:
    """`term in _Terms(reader, field)`: does the index hold the term in that field."""

    def __init__(self, reader, field: str):
        self.reader, self.field = reader, field

    def __contains__(self, text: str) -> bool:
        return (self.field, text) in self.reader


class WhooshEngine:
    name = "whoosh"

    def __init__(self, index_dir, analyzer: Analyzer | None = None):
        require_whoosh()
        p = Path(index_dir)
        if not (p / META_FILE).exists() or not _index.exists_in(str(p)):
            raise FileNotFoundError(f"{p}: không có chỉ mục tìm kiếm (tạo bằng: danvan index --corpus … --out {p})")
        self.analyzer = analyzer or default_analyzer()
        self.ix = _index.open_dir(str(p))
        self.searcher = self.ix.searcher(weighting=_BM25(B=0.75, K1=1.2))
        r = self.reader = self.searcher.reader()
        # membership tests go to the index itself (no vocabulary is read at start: `danvan search` stays quick)
        self.fold_vocab = _Terms(r, "fold")
        self.compound_vocab = _Terms(r, "compound")
        self.stats = json.loads((p / META_FILE).read_text(encoding="utf-8"))
        self.common_df = max(COMMON_MIN, COMMON_SHARE * r.doc_count_all())
        self._catalog = None

    @property
    def catalog(self) -> FacetCatalog:
        """Facet values and labels, read on first use (the gazetteer costs a few tenths of a second to load:
        a plain `danvan search` does not pay it)."""
        if self._catalog is None:
            self._catalog = FacetCatalog(extra_agencies=self.stats.get("facets", {}).get("agency"))
        return self._catalog

    def df(self, field: str, text: str) -> int:
        return self.reader.doc_frequency(field, text)

    def close(self) -> None:
        self.searcher.close()

    def build_query(self, qt):
        W = WEIGHTS
        subs = []

        def term(field, text, boost):
            subs.append(_q.Term(field, text, boost=boost))

        common = self.common_df
        for e, f in dict.fromkeys(qt.syllables):
            if f in self.fold_vocab:
                term("fold", f, W["fold"])
                if self.df("fold", f) <= common:
                    # a common syllable (của, các, trách…) is scored in the body only: its title and metadata
                    # matches add little and cost most of the time of a query
                    term("title", f, W["fold"] * W["title"])
                    term("meta", f, W["fold"] * W["meta"])
            else:
                for c in fuzzy_candidates(f, self.fold_vocab):
                    term("fold", c, W["fuzzy"])
                    term("title", c, W["fuzzy"] * W["title"])
            if qt.has_marks:
                de = self.df("exact", e)
                # the exact form ranks exact matches first where it tells units apart: when it is rare, or when
                # the folded form also stands for other words (dân/dẫn/dần); a common word whose folded form
                # means nothing else (của, trách) is left to the fold term
                if de <= common or (e != f and self.df("fold", f) > 1.2 * de):
                    term("exact", e, W["exact"])
        for e, f in qt.wholes:
            term("exact", e, W["whole"])
            term("fold", f, W["whole"])
            term("title", f, W["whole"] * W["title"])
            # a document number in the metadata of an article weighs nearly what it weighs in the title of the
            # document, so "topic words + number" finds the article and the number alone the document
            term("meta", f, W["whole"] * W["title"] * 0.9)
        for b in qt.bigrams:
            term("bigram", b, W["bigram"])
            term("title", b, W["bigram"] * W["title"])
            term("meta", b, W["bigram"] * W["meta"])
        for c in qt.concepts:
            term("concept", c, W["concept"])
            term("title", f"@{c}", W["concept"] * W["title"])
            term("meta", f"@{c}", W["concept"] * W["meta"])
        if qt.has_marks:
            for g in qt.ngrams:
                if g in self.compound_vocab:
                    term("compound", g, W["compound"])
        return _q.Or(subs) if subs else None

    def filter_query(self, filters: Filters | None):
        if not filters or not filters.active():
            return None
        parts = []
        if filters.doc:
            parts.append(_q.Or([_q.Term("doc", filters.doc), _q.Term("number", norm_value(filters.doc))]))
        for dim, ids in resolve_facets(filters, self.catalog).items():
            # a name that matches nothing keeps nothing (an Or of no term would keep everything)
            parts.append(_q.Or([_q.Term(dim, k) for k in sorted(ids)]) if ids else _q.Term(dim, "\x00"))
        if filters.doc_type:
            parts.append(_q.Term("doc_type", norm_value(filters.doc_type)))
        if filters.level:
            parts.append(_q.Term("level", filters.level.strip().lower()))
        if filters.locality:
            parts.append(_q.Term("locality", norm_value(filters.locality)))
        return _q.And(parts)

    def facet_counts(self, query: str, filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """For each facet, value -> number of matching units under the OTHER active filters (as the browser's
        facet list). Agencies and topics are keyed by id; labels: self.catalog.label(dim, id)."""
        q = self.build_query(self.analyzer.query_terms(query))
        if q is None:
            return {}
        filters = filters or Filters()
        wanted = resolve_facets(filters, self.catalog)
        out: dict[str, dict[str, int]] = {d: {} for d in ("doc", "type", "level", "locality", "agency", "topic")}
        for r in self.searcher.search(q, limit=None):
            d = r["data"]
            checks = [(filters.doc, filters.doc in (r["doc"],) or norm_value(filters.doc) == norm_value(d["number"])),
                      (filters.doc_type, norm_value(filters.doc_type) == norm_value(d["type"])),
                      (filters.level, (filters.level or "").strip().lower() == (d["level"] or "")),
                      (filters.locality, norm_value(filters.locality) == norm_value(d["locality"])),
                      (filters.agency, bool(wanted.get("agency", set()) & set(d["agencies"]))),
                      (filters.topic, bool(wanted.get("topic", set()) & set(d["topics"])))]
            bits = sum(1 << k for k, (active, ok) in enumerate(checks) if active and not ok)
            if bits & (bits - 1):
                continue
            values = [[r["doc"]], [d["type"]], [d["level"]], [d["locality"]], d["agencies"], d["topics"]]
            for k, dim in enumerate(out):
                if not bits or bits == 1 << k:
                    for v in values[k]:
                        if v:
                            out[dim][v] = out[dim].get(v, 0) + 1
        return out

    def search(self, query: str, limit: int = 10, filters: Filters | None = None) -> list[Hit]:
        qt = self.analyzer.query_terms(query)
        q = self.build_query(qt)
        if q is None:
            return []
        limit = max(1, min(int(limit), 1000))
        results = self.searcher.search(q, limit=limit, filter=self.filter_query(filters))
        hits = []
        for r in results:
            d = r["data"]
            anchor, text = best_passage(qt, [tuple(p) for p in d["passages"]], [t.split() for t in d["terms"]])
            if anchor is None:
                anchor = d["anchor"]
            snippet, marks = snippet_for(qt, text, self.analyzer)
            url = d["url"].split("#")[0] + (f"#{anchor}" if anchor else "")
            hits.append(Hit(url=url, doc=r["doc"], anchor=anchor, title=d["heading"], score=round(r.score, 4),
                            snippet=snippet, highlights=marks, kind=r["kind"], unit_anchor=d["anchor"],
                            doc_title=d["doc_title"], number=d["number"], type=d["type"], date=d["date"],
                            level=d["level"], locality=d["locality"], source=d["source"]))
        return hits
