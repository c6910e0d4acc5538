"""The browser's search index: written here in Python with the shared analyzer, read in the browser by a
JavaScript engine (a later step), and read here by `PrebuiltEngine`, the reference implementation whose
ranking the JavaScript must reproduce. The format is documented in devdocs/search-index.md.

Files (all loadable with <script> tags, since file:// pages cannot fetch):

    meta.js        the analyzer's tables, documents, units, folded vocabulary (loaded first)
    t-NNN.js       term shards: "f:cong" -> postings; a term lives in shard fnv1a32(key) % shards
    x-NNN.js       text chunks: the passages (anchor, text) of consecutive units, for snippets

Each file assigns one object: window.DANVAN_SEARCH["<name>"] = {...}.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import time
from collections import defaultdict
from pathlib import Path

from .analyzer import Analyzer, default_analyzer, fold, vitokenizer
from .facets import FacetCatalog
from .query import (WEIGHTS, Filters, Hit, best_passage, fuzzy_candidates, norm_value, snippet_for,
                    passage_terms, resolve_facets)
from .terms import unit_terms
from .units import corpus_units

FORMAT = 2
K1 = 1.2
B = 0.75
SHARD_TARGET = 10_000        # bytes of JSON per term shard, about
TEXT_CHUNK = 4_000           # characters of passages per text chunk, about
HEADING_CHARS = 120
NUMBER_META_TF = 9.0   # a document number in an article's metadata counts as this many occurrences
COMMON_SHARE, COMMON_MIN = 0.08, 200   # as in whoosh_index: common syllables are not scored in titles
MARKER = "BROWSER-SEARCH-INDEX"


def fnv1a(s: str) -> int:
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def shard_key(term: str) -> str:
    """Terms that one query syllable (or pair) needs share a shard: the key is the folded form."""
    field, _, text = term.partition(":")
    if field == "t":
        return text[1:] if text.startswith("@") else text
    return fold(text) if field in ("e", "c") else text


def _js(name: str, obj) -> str:
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return f'(window.DANVAN_SEARCH=window.DANVAN_SEARCH||{{}})[{json.dumps(name)}]={data};\n'


def _read_js(path: Path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("]=") + 2:].rstrip().rstrip(";"))


def browser_lexicon(raw: dict, facets: dict | None = None) -> dict:
    """The tables the browser's analyzer reads (acronyms.json without its worked examples and notes), and the
    labels of the facet values the index uses: {"agencies": [{key, name, family}], "topics": [{key, name}]}
    (danvan.search.facets: agency kinds of corpus/agencies.json, topics of corpus/topics.json)."""
    acr = raw.get("acronyms", {})
    return {
        "acronyms": {"acronyms": [{k: v for k, v in e.items() if k != "examples"} for e in acr.get("acronyms", [])],
                     "spellings": {k: v for k, v in acr.get("spellings", {}).items() if k != "about"}},
        "facets": facets or {"agencies": [], "topics": []},
    }


def unit_postings(ut) -> dict[str, float]:
    """term -> frequency in one unit. Body terms ("f:", "e:", "b:", "k:", "c:") count the text with the
    document's metadata folded in (× W_meta; a document number × NUMBER_META_TF); title terms ("t:" + fold,
    bigram or "@concept") count the heading alone, scored as a field of its own like whoosh's title field."""
    w_m = WEIGHTS["meta"]
    tf: dict[str, float] = defaultdict(float)
    for field, prefix in (("fold", "f"), ("exact", "e"), ("bigram", "b"), ("concept", "k"), ("compound", "c")):
        for t, n in ut.body[field].items():
            tf[f"{prefix}:{t}"] += n
    for field in ("fold", "bigram", "concept"):
        for t, n in ut.title_terms[field].items():
            tf["t:" + ("@" + t if field == "concept" else t)] += n
    for t, n in ut.meta.items():
        if t.startswith("@"):
            tf[f"k:{t[1:]}"] += w_m * n
        elif "_" in t:      # a bigram
            tf[f"b:{t}"] += w_m * n
        else:   # a document number in an article's metadata weighs nearly what it weighs in a title
            tf[f"f:{t}"] += (NUMBER_META_TF if "-" in t else w_m) * n
    return tf


def write_prebuilt(documents, out_dir, analyzer: Analyzer | None = None, compounds: bool = True) -> dict:
    """Write the browser index of the documents into out_dir (replaced). Returns sizes and counts."""
    a = analyzer or default_analyzer()
    t0 = time.perf_counter()
    out = Path(out_dir)
    if out.exists():
        if not (out / "meta.js").exists() and any(out.iterdir()):
            raise FileExistsError(f"{out}: thư mục không trống và không phải chỉ mục trình duyệt")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    compounds = compounds and vitokenizer() is not None
    units = corpus_units(documents)
    doc_index = {d.id: i for i, d in enumerate(documents)}
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    meta_cache: dict = {}
    unit_rows, lengths, tlengths = [], [], []
    unit_facets: list[tuple[list[str], list[str]]] = []
    chunks: list[dict] = [{}]
    chunk_size = 0
    chunk_of = []
    for i, u in enumerate(units):
        ut = unit_terms(u, a, meta_cache, compounds)
        length = sum(ut.body["fold"].values())
        lengths.append(length)
        tlength = sum(ut.title_terms["fold"].values())
        tlengths.append(tlength)
        for term, tf in unit_postings(ut).items():
            postings[term].append((i, max(1, round(10 * tf))))
        size = sum(len(t) for _, t in u.passages)
        if chunk_size and chunk_size + size > TEXT_CHUNK:
            chunks.append({})
            chunk_size = 0
        chunks[-1][str(i)] = [u.heading[:HEADING_CHARS], [[anchor, text] for anchor, text in u.passages], u.anchor,
                              u.kind]
        chunk_size += size
        chunk_of.append(len(chunks) - 1)
        unit_facets.append((ut.agencies, ut.topics))
        unit_rows.append([doc_index[u.doc.id], length, tlength, [], [], len(chunks) - 1])
    # facet values: the ones the units use, in the order of the gazetteer / topic list (named bodies last)
    catalog = FacetCatalog()
    used_a = {k for ag, _ in unit_facets for k in ag}
    used_t = {k for _, tp in unit_facets for k in tp}
    agencies = [k for k in catalog.values["agency"] if k in used_a] + sorted(used_a - set(catalog.values["agency"]))
    topics = [k for k in catalog.values["topic"] if k in used_t] + sorted(used_t - set(catalog.values["topic"]))
    a_index = {k: i for i, k in enumerate(agencies)}
    t_index = {k: i for i, k in enumerate(topics)}
    for row, (ag, tp) in zip(unit_rows, unit_facets):
        row[3] = [a_index[k] for k in ag]
        row[4] = [t_index[k] for k in tp]
    # term shards
    body_bytes = sum(len(t) + 8 * len(p) for t, p in postings.items())
    n_shards = max(1, math.ceil(body_bytes / SHARD_TARGET))
    shards: list[dict] = [{} for _ in range(n_shards)]
    for term in sorted(postings):
        flat, prev = [], 0
        for u, tf in postings[term]:
            flat += [u - prev, tf]
            prev = u
        shards[fnv1a(shard_key(term)) % n_shards][term] = flat
    vocab = sorted({t[2:] for t in postings if t.startswith("f:") and t[2:].isalpha()})
    meta = {
        "format": FORMAT, "marker": MARKER,
        "weights": WEIGHTS, "k1": K1, "b": B, "avglen": sum(lengths) / max(1, len(lengths)),
        "avgtitle": sum(tlengths) / max(1, len(tlengths)), "common": [COMMON_SHARE, COMMON_MIN],
        "shards": n_shards, "chunks": len(chunks), "compounds": compounds,
        "lexicon": browser_lexicon(a.lex.raw, {"agencies": catalog.entries("agency", agencies),
                                               "topics": catalog.entries("topic", topics)}),
        "docs": [[d.id, d.url, d.title, d.number, d.type, d.date, d.level, d.locality,
                  d.source.path if d.source else None] for d in documents],
        "units": unit_rows,
        "agencies": agencies, "topics": topics,
        "vocab": vocab,
    }
    files = {"meta.js": _js("meta", meta)}
    for k, sh in enumerate(shards):
        files[f"t-{k:03d}.js"] = _js(f"t-{k:03d}", sh)
    for k, ch in enumerate(chunks):
        files[f"x-{k:03d}.js"] = _js(f"x-{k:03d}", ch)
    total = 0
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return {"files": len(files), "bytes": total, "meta_bytes": len(files["meta.js"].encode("utf-8")),
            "units": len(units), "shards": n_shards, "chunks": len(chunks),
            "seconds": round(time.perf_counter() - t0, 2)}


class PrebuiltEngine:
    """Reference engine over the browser index: what the JavaScript engine must compute, step by step.

    1. q = analyzer.query_terms(query)
    2. query terms with boosts: for each distinct syllable (e, f): "f:"+f × W.fold if the index has it, else
       every vocabulary word one edit away × W.fuzzy; "e:"+e × W.exact when the query has diacritics;
       wholes "e:"+e and "f:"+f × W.whole; bigrams "b:" × W.bigram; concepts "k:" × W.concept;
       n-grams "c:" × W.compound when the query has diacritics.
    3. score(unit) = Σ boost · idf · tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)), tf = stored value / 10,
       idf = ln(1 + (N − df + 0.5)/(df + 0.5)) with df = the body term's posting count; plus, for "f:" terms
       with df ≤ max(200, 8 % of N), "b:" and "k:" terms, the same formula × W.title on the heading term
       ("t:"+text, "t:@"+concept) with the heading's length and avgtitle. Ties broken by unit number.
    4. filters drop units; the heading, best passage and snippet come from the unit's text chunk.
    """
    name = "prebuilt"

    def __init__(self, index_dir, analyzer: Analyzer | None = None):
        self.dir = Path(index_dir)
        if not (self.dir / "meta.js").exists():
            raise FileNotFoundError(f"{self.dir}: không có chỉ mục trình duyệt (meta.js)")
        self.analyzer = analyzer or default_analyzer()
        self.meta = _read_js(self.dir / "meta.js")
        self.vocab = set(self.meta["vocab"])
        self._shards: dict[int, dict] = {}
        self._chunks: dict[int, dict] = {}
        self._catalog = None
        self.loaded_log: list[int] = []     # bytes loaded before the first result, per query (cold cache)

    @property
    def catalog(self) -> FacetCatalog:
        """Facet values and labels, read on first use (only filters by agency or topic need them)."""
        if self._catalog is None:
            self._catalog = FacetCatalog(extra_agencies=self.meta["lexicon"]["facets"]["agencies"])
        return self._catalog

    def sizes(self) -> dict:
        files = list(self.dir.glob("*.js"))
        return {"total": sum(f.stat().st_size for f in files), "meta": (self.dir / "meta.js").stat().st_size,
                "files": len(files)}

    def shard(self, k: int, touched: set) -> dict:
        touched.add(f"t-{k:03d}.js")
        if k not in self._shards:
            self._shards[k] = _read_js(self.dir / f"t-{k:03d}.js")
        return self._shards[k]

    def postings(self, term: str, touched: set) -> list[tuple[int, int]] | None:
        flat = self.shard(fnv1a(shard_key(term)) % self.meta["shards"], touched).get(term)
        if flat is None:
            return None
        out, u = [], 0
        for i in range(0, len(flat), 2):
            u += flat[i]
            out.append((u, flat[i + 1]))
        return out

    def chunk(self, k: int, touched: set) -> dict:
        touched.add(f"x-{k:03d}.js")
        if k not in self._chunks:
            self._chunks[k] = _read_js(self.dir / f"x-{k:03d}.js")
        return self._chunks[k]

    def query_plan(self, qt, touched: set) -> list[tuple[str, float]]:
        W = self.meta["weights"]
        plan: list[tuple[str, float]] = []
        for e, f in dict.fromkeys(qt.syllables):
            if self.postings("f:" + f, touched) is not None:
                plan.append(("f:" + f, W["fold"]))
            else:
                plan += [("f:" + c, W["fuzzy"]) for c in fuzzy_candidates(f, self.vocab)]
            if qt.has_marks:
                plan.append(("e:" + e, W["exact"]))
        for e, f in qt.wholes:
            plan += [("e:" + e, W["whole"]), ("f:" + f, W["whole"])]
        plan += [("b:" + b, W["bigram"]) for b in qt.bigrams]
        plan += [("k:" + c, W["concept"]) for c in qt.concepts]
        if qt.has_marks:
            plan += [("c:" + g, W["compound"]) for g in qt.ngrams]
        return plan

    def failing(self, filters: Filters | None) -> list[int] | None:
        """For each unit, the bits of the filters it fails (as the JavaScript's `failing`: 1 doc, 2 type,
        4 level, 8 locality, 16 agency, 32 topic); None without filters. The agency and topic are resolved
        by danvan.search.facets (a name typed by a user stands for every matching value)."""
        if not filters or not filters.active():
            return None
        m = self.meta
        wanted = resolve_facets(filters, self.catalog)
        sets = {dim: {i for i, k in enumerate(m["agencies" if dim == "agency" else "topics"]) if k in ids}
                for dim, ids in wanted.items()}
        out = []
        for row in m["units"]:
            d = m["docs"][row[0]]
            bits = 0
            if filters.doc and filters.doc not in (d[0],) and norm_value(filters.doc) != norm_value(d[3]):
                bits |= 1
            if filters.doc_type and norm_value(filters.doc_type) != norm_value(d[4]):
                bits |= 2
            if filters.level and filters.level.strip().lower() != (d[6] or ""):
                bits |= 4
            if filters.locality and norm_value(filters.locality) != norm_value(d[7]):
                bits |= 8
            if "agency" in sets and not sets["agency"].intersection(row[3]):
                bits |= 16
            if "topic" in sets and not sets["topic"].intersection(row[4]):
                bits |= 32
            out.append(bits)
        return out

    def allowed(self, filters: Filters | None):
        fails = self.failing(filters)
        return None if fails is None else {i for i, bits in enumerate(fails) if not bits}

    def facet_counts(self, query: str, filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """For each facet, value -> number of matching units under the OTHER active filters (the browser's
        facet list; the JavaScript's `facetCounts`). Agencies and topics are keyed by id."""
        qt = self.analyzer.query_terms(query)
        if qt.empty:
            return {}
        m = self.meta
        fails = self.failing(filters)
        out: dict[str, dict[str, int]] = {d: defaultdict(int) for d in ("doc", "type", "level", "locality",
                                                                         "agency", "topic")}
        for u in self.scores(qt, set()):
            bits = fails[u] if fails else 0
            if bits & (bits - 1):
                continue
            row = m["units"][u]
            d = m["docs"][row[0]]
            for k, (dim, value) in enumerate((("doc", d[0]), ("type", d[4]), ("level", d[6]), ("locality", d[7]))):
                if value and (not bits or bits == 1 << k):
                    out[dim][value] += 1
            if not bits or bits == 16:
                for j in row[3]:
                    out["agency"][m["agencies"][j]] += 1
            if not bits or bits == 32:
                for j in row[4]:
                    out["topic"][m["topics"][j]] += 1
        return {dim: dict(c) for dim, c in out.items()}

    def scores(self, qt, touched: set) -> dict[int, float]:
        """unit -> score of every unit a query term reaches (steps 2 and 3)."""
        m = self.meta
        n = len(m["units"])
        avg = m["avglen"] or 1.0
        k1, b = m["k1"], m["b"]
        avg_t = m["avgtitle"] or 1.0
        common = max(m["common"][1], m["common"][0] * n)
        w_title = m["weights"]["title"]
        scores: dict[int, float] = defaultdict(float)
        for term, boost in self.query_plan(qt, touched):
            plist = self.postings(term, touched)
            if not plist:
                continue
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            for u, tf10 in plist:
                tf = tf10 / 10
                length = m["units"][u][1]
                scores[u] += boost * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg))
            field, _, text = term.partition(":")
            if field not in ("f", "b", "k") or (field == "f" and len(plist) > common):
                continue
            tlist = self.postings("t:" + ("@" + text if field == "k" else text), touched)
            for u, tf10 in tlist or ():
                tf = tf10 / 10
                length = m["units"][u][2]
                scores[u] += boost * w_title * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / avg_t))
        return scores

    def search(self, query: str, limit: int = 10, filters: Filters | None = None) -> list[Hit]:
        m = self.meta
        touched = {"meta.js"}
        qt = self.analyzer.query_terms(query)
        if qt.empty:
            return []
        allowed = self.allowed(filters)
        scores = self.scores(qt, touched)
        ranked = sorted((u for u in scores if allowed is None or u in allowed), key=lambda u: (-scores[u], u))
        hits = []
        for u in ranked[:max(1, min(int(limit), 1000))]:
            row = m["units"][u]
            d = m["docs"][row[0]]
            heading, passages, unit_anchor, kind = self.chunk(row[5], touched)[str(u)]
            passages = [tuple(p) for p in passages]
            anchor, text = best_passage(qt, passages, [passage_terms(t, self.analyzer) for _, t in passages])
            anchor = anchor or unit_anchor
            snippet, marks = snippet_for(qt, text, self.analyzer)
            hits.append(Hit(url=d[1] + (f"#{anchor}" if anchor else ""), doc=d[0], anchor=anchor, title=heading,
                            score=round(scores[u], 4), snippet=snippet, highlights=marks, kind=kind,
                            unit_anchor=unit_anchor, doc_title=d[2], number=d[3], type=d[4], date=d[5], level=d[6],
                            locality=d[7], source=d[8]))
        self.loaded_log.append(sum(os.path.getsize(self.dir / f) for f in touched))
        return hits
