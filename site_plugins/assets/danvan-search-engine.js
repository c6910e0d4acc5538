/* The browser's search engine: the ranking of danvan.search.prebuilt.PrebuiltEngine, ported step by step
 * (docs/search-index.md), over the analyzer of danvan-search-analyzer.js. The index is a set of plain scripts
 * (meta.js, t-NNN.js term shards, x-NNN.js text chunks, v.js vocabulary, d-NNN.js document titles) loaded
 * with <script> tags, so it works from file:// as well as over http; a query loads only the shards of its
 * terms and the chunks of the hits it shows. Integers come packed in strings (danvan.search.packed).
 * Exposes window.DanvanSearch = {Engine, loadEngine, siteRoot, ...}. No DOM rendering here. */
(function (root) {
  "use strict";

  var A = root.DanvanSearchAnalyzer;
  var Analyzer = A.Analyzer, fold = A.fold, foldText = A.foldText, lower = A.lower, matches = A.matches,
    unique = A.unique, fuzzyCandidates = A.fuzzyCandidates, SNIPPET_CHARS = A.SNIPPET_CHARS;

  // -- best clause and snippet -----------------------------------------------------------------------------
  /* passage_score straight from a passage's tokens, without building its term set: the query's terms as
     sets, then one pass over the tokens marking which are present. */
  function querySets(qt) {
    var bigrams = new Set(qt.bigrams), firsts = new Set();
    qt.bigrams.forEach(function (b) { firsts.add(b.slice(0, b.indexOf("_"))); });
    var exacts = new Set();
    unique(qt.syllables, function (x) { return x[0] + "\u0000" + x[1]; }).forEach(function (x) {
      if (x[0] !== x[1]) exacts.add(x[0]);
    });
    return {
      folds: new Set(qt.syllables.map(function (x) { return x[1]; })), exacts: exacts,
      plainCount: unique(qt.syllables, function (x) { return x[0] + "\u0000" + x[1]; }).filter(function (x) { return x[0] === x[1]; }),
      wholes: new Set(qt.wholes.map(function (w) { return w[1]; })), concepts: new Set(qt.concepts),
      bigrams: bigrams, firsts: firsts, hasMarks: qt.hasMarks
    };
  }

  function passageScoreTokens(q, toks, W) {
    var folds = new Set(), exacts = new Set(), wholes = new Set(), concepts = new Set(), bigrams = new Set();
    var prev = null, t, i, key;
    for (i = 0; i < toks.length; i++) {
      t = toks[i];
      if (t.kind === "concept") { if (q.concepts.has(t.exact)) concepts.add(t.exact); }
      else if (t.kind === "whole") { if (q.wholes.has(t.fold)) wholes.add(t.fold); }
      else {
        if (q.folds.has(t.fold)) folds.add(t.fold);
        if (t.exact !== t.fold && q.exacts.has(t.exact)) exacts.add(t.exact);
        if (prev !== null && t.joined && q.firsts.has(prev.fold)) {
          key = prev.fold + "_" + t.fold;
          if (q.bigrams.has(key)) bigrams.add(key);
        }
        prev = t;
      }
    }
    var score = folds.size * W.fold;
    if (q.hasMarks) {
      score += exacts.size * W.exact;
      q.plainCount.forEach(function (x) { if (folds.has(x[1])) score += W.exact; });
    }
    score += wholes.size * W.whole + concepts.size * W.concept + bigrams.size * W.bigram;
    return score;
  }

  function matchSpans(qt, text, analyzer) {
    var folds = new Set(qt.syllables.map(function (s) { return s[1]; }));
    var wholes = new Set(qt.wholes.map(function (w) { return w[1]; }));
    var concepts = new Set(qt.concepts);
    var spans = [];
    analyzer.tokens(text || "").forEach(function (t) {
      if ((t.kind === "syl" && folds.has(t.fold)) || (t.kind === "whole" && wholes.has(t.fold)) ||
          (t.kind === "concept" && concepts.has(t.exact))) spans.push([t.start, t.end]);
    });
    return spans;
  }

  function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); }

  function snippetFor(qt, text, analyzer, width) {
    width = width || SNIPPET_CHARS;
    text = text || "";
    var offset = 0, win = text;
    if (text.length > 4 * width) {
      var folded = foldText(lower(text));
      var words = unique(qt.syllables.map(function (s) { return s[1]; }).filter(Boolean)
        .concat(qt.wholes.map(function (w) { return w[1]; })));
      words.sort(function (a, b) { return b.length - a.length; });
      var pos = [];
      if (words.length && folded.length === text.length) {
        var pat = new RegExp("(?<![\\p{L}\\p{N}])(?:" + words.map(escapeRe).join("|") + ")(?![\\p{L}\\p{N}])", "gu");
        pos = matches(pat, folded).map(function (x) { return x.index; });
      }
      if (pos.length) {
        var best = pos[0], bestN = -1;
        pos.forEach(function (p) {
          var n = 0;
          pos.forEach(function (x) { if (p <= x && x < p + width) n++; });
          if (n > bestN) { best = p; bestN = n; }
        });
        offset = Math.max(0, best - width);
      }
      win = text.slice(offset, offset + 3 * width);
    }
    var sm = makeSnippet(win, matchSpans(qt, win, analyzer), width);
    var snippet = sm[0], marks = sm[1];
    if (offset && snippet[0] !== "…") {
      snippet = "…" + snippet;
      marks = marks.map(function (m) { return [m[0] + 1, m[1] + 1]; });
    }
    if (offset + win.length < text.length && snippet[snippet.length - 1] !== "…") snippet += "…";
    return [snippet, marks];
  }

  function makeSnippet(text, spans, width) {
    text = text || "";
    var lo, hi;
    if (text.length <= width) { lo = 0; hi = text.length; }
    else {
      var bestLo = 0, bestN = -1;
      var starts = spans.map(function (s) { return s[0]; }).sort(function (a, b) { return a - b; });
      starts.forEach(function (s) {
        var l = Math.max(0, s - Math.floor(width / 4)), n = 0;
        starts.forEach(function (x) { if (l <= x && x < l + width) n++; });
        if (n > bestN) { bestLo = l; bestN = n; }
      });
      lo = bestLo;
      hi = Math.min(text.length, lo + width);
      if (lo > 0) {
        var sp = text.lastIndexOf(" ", lo);
        lo = sp >= 0 && lo - sp < 30 ? sp + 1 : lo;
      }
      if (hi < text.length) {
        var sp2 = text.lastIndexOf(" ", hi - 1);
        if (sp2 < lo) sp2 = -1;
        hi = sp2 > lo + Math.floor(width / 2) ? sp2 : hi;
      }
    }
    var pre = lo > 0 ? "…" : "", post = hi < text.length ? "…" : "";
    var snippet = pre + text.slice(lo, hi).replace(/\n/g, " ") + post;
    var seen = new Set(), marks = [];
    spans.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).forEach(function (s) {
      var k = s[0] + ":" + s[1];
      if (seen.has(k)) return;
      seen.add(k);
      if (s[0] >= lo && s[1] <= hi) marks.push([s[0] - lo + pre.length, s[1] - lo + pre.length]);
    });
    return [snippet, marks];
  }

  // -- packed integers (danvan.search.packed): base-45 varints over 90 printable ASCII characters ------------
  var PACK_BASE = 45, PACK_INDEX = new Int8Array(128).fill(-1);
  (function () {
    var k = 0;
    for (var c = 0x23; c < 0x7F; c++) if (c !== 0x5C && c !== 0x3C) PACK_INDEX[c] = k++;
  })();
  function unpack(s) {
    var out = new Int32Array(s.length), n = 0, v = 0, i, d;
    for (i = 0; i < s.length; i++) {
      d = PACK_INDEX[s.charCodeAt(i)];
      if (d >= PACK_BASE) v = v * PACK_BASE + d - PACK_BASE;
      else { out[n++] = v * PACK_BASE + d; v = 0; }
    }
    return out.subarray(0, n);
  }
  function runsOf(counts, total) {   // run lengths -> owner of each position
    var out = new Int32Array(total), at = 0;
    for (var k = 0; k < counts.length; k++) for (var j = 0; j < counts[k]; j++) out[at++] = k;
    return out;
  }

  // -- the index: scripts loaded on demand -------------------------------------------------------------------
  function fnv1a(s) {
    var bytes = new TextEncoder().encode(s), h = 0x811C9DC5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function shardKey(term) {
    var k = term.indexOf(":"), field = term.slice(0, k), text = term.slice(k + 1);
    if (field === "t") return text[0] === "@" ? text.slice(1) : text;
    return field === "e" || field === "c" ? fold(text) : text;
  }

  function ScriptLoader(base) {
    this.base = base;                 // URL of the index folder, ending with "/"
    this.pending = new Map();
    this.loaded = [];                 // file names in load order
    this.ms = [];                     // per file: ms from adding its <script> to its onload (fetch, parse, run)
    this.store = (root.DANVAN_SEARCH = root.DANVAN_SEARCH || {});
  }
  ScriptLoader.prototype.load = function (file) {
    var name = file.replace(/\.js$/, ""), self = this;
    if (this.store[name] !== undefined) return Promise.resolve(this.store[name]);
    if (this.pending.has(name)) return this.pending.get(name);
    var p = new Promise(function (resolve, reject) {
      var s = document.createElement("script"), t0 = (root.performance || Date).now();
      s.src = self.base + file;
      s.async = true;
      s.onload = function () {
        s.remove();
        self.loaded.push(file);
        self.ms.push((root.performance || Date).now() - t0);
        if (self.store[name] === undefined) reject(new Error(file + ": tệp chỉ mục không hợp lệ"));
        else resolve(self.store[name]);
      };
      s.onerror = function () { s.remove(); self.pending.delete(name); reject(new Error(file + ": không tải được")); };
      document.head.appendChild(s);
    });
    this.pending.set(name, p);
    return p;
  };

  function pad3(k) { return String(k).padStart(3, "0"); }   // Python {k:03d}

  function Engine(meta, loader) {
    this.meta = meta;
    this.loader = loader;
    this.analyzer = new Analyzer(meta.lexicon || {});
    this.vocab = null;            // v.js, loaded when a query syllable is unknown
    this.n = meta.units;
    this.ulen = unpack(meta.ulen);
    this.tlen = unpack(meta.tlen);
    this.unitDoc = runsOf(unpack(meta.udoc), this.n);
    this.unitChunk = runsOf(unpack(meta.uchunk), this.n);
    this.unitFacets = null;       // [agencies, topics] per unit, built when filters or facets need them
    var vals = meta.values;
    this.docs = meta.docs.map(function (d) {   // [id, number, type, level, locality]
      return [d[0], d[1] || null, vals.type[d[2]] || null, vals.level[d[3]] || null, vals.locality[d[4]] || null];
    });
    this.titles = new Map();      // document index -> title (d-NNN.js), for the document facet
    this.shards = new Map();
    this.lists = new Map();       // term -> unpacked postings
    this.chunks = new Map();
    this.ptCache = new Map();     // unit -> passage terms, per passage (as you type, the same units come back)
  }

  Engine.prototype.shardOf = function (term) { return fnv1a(shardKey(term)) % this.meta.shards; };
  Engine.prototype.loadTerms = function (terms) {
    var self = this, need = new Set();
    terms.forEach(function (t) { var k = self.shardOf(t); if (!self.shards.has(k)) need.add(k); });
    return Promise.all(Array.from(need).map(function (k) {
      return self.loader.load("t-" + pad3(k) + ".js").then(function (d) { self.shards.set(k, d); });
    }));
  };
  Engine.prototype.flat = function (term) {   // the loaded posting list (Δunit, tf×10, …), or undefined
    var got = this.lists.get(term);
    if (got !== undefined) return got;
    var sh = this.shards.get(this.shardOf(term));
    if (!sh || !Object.prototype.hasOwnProperty.call(sh, term)) return undefined;
    got = unpack(sh[term]);
    this.lists.set(term, got);
    return got;
  };
  /* Load, in the background, the shards of the most frequent syllables (meta.warm, bounded in bytes): called
     when a search box gets the focus, so the words most queries hold are loaded while the user types. */
  Engine.prototype.warm = function () {
    var self = this;
    if (this.warmed) return this.warmed;
    var idle = root.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    this.warmed = new Promise(function (resolve) {
      idle(function () {
        var terms = (self.meta.warm || []).filter(function (k) { return !self.shards.has(k); });
        Promise.all(terms.map(function (k) {
          return self.loader.load("t-" + pad3(k) + ".js").then(function (d) { self.shards.set(k, d); });
        })).then(resolve, resolve);
      });
    });
    return this.warmed;
  };
  Engine.prototype.loadVocab = function () {
    var self = this;
    if (this.vocab) return Promise.resolve(this.vocab);
    return this.loader.load("v.js").then(function (v) { self.vocab = new Set(v); return self.vocab; });
  };
  /* Titles of documents (by index), for the document facet's labels: loads their d-NNN.js. */
  Engine.prototype.loadTitles = function (docIdx) {
    var self = this, per = this.meta.doclabels, files = new Set();
    docIdx.forEach(function (d) { if (!self.titles.has(d)) files.add(Math.floor(d / per)); });
    return Promise.all(Array.from(files).map(function (k) {
      return self.loader.load("d-" + pad3(k) + ".js").then(function (rows) {
        rows.forEach(function (t, j) { self.titles.set(k * per + j, t); });
      });
    }));
  };
  Engine.prototype.docIndex = function (id) {
    if (!this.docById) {
      var mp = this.docById = new Map();
      this.docs.forEach(function (d, i) { mp.set(d[0], i); });
    }
    return this.docById.has(id) ? this.docById.get(id) : -1;
  };
  Engine.prototype.facetsOf = function (u) {   // [agency indexes, topic indexes] of unit u
    if (!this.unitFacets) {
      var n = this.n, uf = this.unitFacets = new Array(n), m = this.meta, i;
      for (i = 0; i < n; i++) uf[i] = [[], []];
      [m.uagency, m.utopic].forEach(function (lists, which) {
        lists.forEach(function (s, k) {
          var d = unpack(s), u = 0;
          for (var j = 0; j < d.length; j++) { u += d[j]; uf[u][which].push(k); }
        });
      });
    }
    return this.unitFacets[u];
  };
  Engine.prototype.loadChunks = function (ks) {
    var self = this;
    return Promise.all(unique(ks).filter(function (k) { return !self.chunks.has(k); }).map(function (k) {
      return self.loader.load("x-" + pad3(k) + ".js").then(function (d) { self.chunks.set(k, d); });
    }));
  };

  /* PrebuiltEngine.query_plan: needs the shards of the query's folded syllables loaded (assumeKnown: the plan
     as if the index knew every syllable, to load shards ahead). */
  Engine.prototype.plan = function (qt, assumeKnown) {
    var W = this.meta.weights, plan = [], self = this;
    unique(qt.syllables, function (s) { return s[0] + "\u0000" + s[1]; }).forEach(function (s) {
      if (assumeKnown || self.known(s[1])) plan.push(["f:" + s[1], W.fold]);
      else fuzzyCandidates(s[1], self.vocab).forEach(function (c) { plan.push(["f:" + c, W.fuzzy]); });
      if (qt.hasMarks) plan.push(["e:" + s[0], W.exact]);
    });
    qt.wholes.forEach(function (w) { plan.push(["e:" + w[0], W.whole]); plan.push(["f:" + w[1], W.whole]); });
    qt.bigrams.forEach(function (b) { plan.push(["b:" + b, W.bigram]); });
    qt.concepts.forEach(function (c) { plan.push(["k:" + c, W.concept]); });
    if (qt.hasMarks) qt.ngrams.forEach(function (g) { plan.push(["c:" + g, W.compound]); });
    return plan;
  };

  Engine.prototype.known = function (f) {
    var sh = this.shards.get(this.shardOf("f:" + f));
    return !!sh && Object.prototype.hasOwnProperty.call(sh, "f:" + f);
  };
  /* Some syllable of the query is not in the index (its shard loaded): typo candidates need v.js. */
  Engine.prototype.needsVocab = function (qt) {
    var self = this;
    return qt.syllables.some(function (s) { return !self.known(s[1]); });
  };

  function titleTerm(term) {
    var k = term.indexOf(":"), field = term.slice(0, k), text = term.slice(k + 1);
    if (field !== "f" && field !== "b" && field !== "k") return null;
    return "t:" + (field === "k" ? "@" + text : text);
  }

  /* Scores of every unit the query matches (PrebuiltEngine.search, step 3), with the shards loaded. */
  Engine.prototype.score = function (qt) {
    var m = this.meta, ulen = this.ulen, tlen = this.tlen, n = this.n;
    var avg = m.avglen || 1, avgT = m.avgtitle || 1, k1 = m.k1, b = m.b;
    var common = Math.max(m.common[1], m.common[0] * n), wTitle = m.weights.title;
    var scores = new Float64Array(n), hit = new Uint8Array(n), touched = [];
    var plan = this.plan(qt), self = this;
    plan.forEach(function (pb) {
      var term = pb[0], boost = pb[1], flat = self.flat(term);
      if (!flat || !flat.length) return;
      var df = flat.length / 2;
      var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      var u = 0, i, tf, len;
      for (i = 0; i < flat.length; i += 2) {
        u += flat[i];
        tf = flat[i + 1] / 10;
        len = ulen[u];
        scores[u] += boost * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avg));
        if (!hit[u]) { hit[u] = 1; touched.push(u); }
      }
      var tt = titleTerm(term);
      if (tt === null || (term[0] === "f" && df > common)) return;
      var tflat = self.flat(tt);
      if (!tflat) return;
      u = 0;
      for (i = 0; i < tflat.length; i += 2) {
        u += tflat[i];
        tf = tflat[i + 1] / 10;
        len = tlen[u];
        scores[u] += boost * wTitle * idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len / avgT));
        if (!hit[u]) { hit[u] = 1; touched.push(u); }
      }
    });
    return { scores: scores, units: touched };
  };

  /* Filters: {doc, type, level, locality, agency, topic}; agency and topic are facet keys; doc is a document
     id (or number), level a level key, type and locality compare folded (PrebuiltEngine.allowed). */
  var DIMS = ["doc", "type", "level", "locality", "agency", "topic"];
  var DOC_DIMS = 4;   // the first four are facts of the document
  function normValue(v) { return foldText(lower(v || "")).replace(/\s+/g, " ").trim(); }

  Engine.prototype.compileFilters = function (filters) {
    if (!filters) return null;
    var m = this.meta, docs = this.docs, cf = { docOk: [], agency: -2, topic: -2, any: false };
    var tests = {   // d: [id, number, type, level, locality]
      doc: function (d, v) { return v === d[0] || normValue(v) === normValue(d[1]); },
      type: function (d, v) { return normValue(v) === normValue(d[2]); },
      level: function (d, v) { return v.trim().toLowerCase() === (d[3] || ""); },
      locality: function (d, v) { return normValue(v) === normValue(d[4]); }
    };
    for (var k = 0; k < DOC_DIMS; k++) {
      var v = filters[DIMS[k]];
      if (!v) { cf.docOk.push(null); continue; }
      var ok = new Uint8Array(docs.length);
      for (var i = 0; i < docs.length; i++) ok[i] = tests[DIMS[k]](docs[i], v) ? 1 : 0;
      cf.docOk.push(ok);
      cf.any = true;
    }
    if (filters.agency) { cf.agency = m.agencies.indexOf(filters.agency); cf.any = true; }
    if (filters.topic) { cf.topic = m.topics.indexOf(filters.topic); cf.any = true; }
    return cf.any ? cf : null;
  };
  /* Bit k set: the unit fails the filter of DIMS[k]. */
  Engine.prototype.failing = function (u, cf) {
    if (!cf) return 0;
    var d = this.unitDoc[u], bits = 0;
    for (var k = 0; k < DOC_DIMS; k++) if (cf.docOk[k] && !cf.docOk[k][d]) bits |= 1 << k;
    if (cf.agency !== -2 && this.facetsOf(u)[0].indexOf(cf.agency) < 0) bits |= 16;
    if (cf.topic !== -2 && this.facetsOf(u)[1].indexOf(cf.topic) < 0) bits |= 32;
    return bits;
  };
  Engine.prototype.passes = function (u, filters) { return !this.failing(u, this.compileFilters(filters)); };

  /* For each facet, value -> number of matching units under the OTHER active filters. */
  Engine.prototype.facetCounts = function (units, cf) {
    var m = this.meta, docs = this.docs, nd = docs.length;
    var perDoc = [0, 1, 2, 3].map(function () { return new Int32Array(nd); });
    var ag = new Int32Array(m.agencies.length), tp = new Int32Array(m.topics.length);
    for (var i = 0; i < units.length; i++) {
      var u = units[i], bits = this.failing(u, cf), d = this.unitDoc[u], fu = this.facetsOf(u), k;
      if (bits & (bits - 1)) continue;                    // fails two filters: counted nowhere
      for (k = 0; k < DOC_DIMS; k++) if (!bits || bits === 1 << k) perDoc[k][d]++;
      if (!bits || bits === 16) for (k = 0; k < fu[0].length; k++) ag[fu[0][k]]++;
      if (!bits || bits === 32) for (k = 0; k < fu[1].length; k++) tp[fu[1][k]]++;
    }
    var out = {};
    var valueOf = [function (d) { return d[0]; }, function (d) { return d[2]; }, function (d) { return d[3]; },
      function (d) { return d[4]; }];
    for (var k2 = 0; k2 < DOC_DIMS; k2++) {
      var mp = new Map();
      for (var di = 0; di < nd; di++) {
        var c = perDoc[k2][di], val = valueOf[k2](docs[di]);
        if (c && val) mp.set(val, (mp.get(val) || 0) + c);
      }
      out[DIMS[k2]] = mp;
    }
    out.agency = new Map(); out.topic = new Map();
    ag.forEach(function (c, j) { if (c) out.agency.set(m.agencies[j], c); });
    tp.forEach(function (c, j) { if (c) out.topic.set(m.topics[j], c); });
    return out;
  };

  /* The first `k` units by (score desc, unit asc) without sorting them all. */
  function topUnits(units, scores, k) {
    if (units.length > 4 * k && k > 0) {
      var vals = new Float64Array(units.length);
      for (var i = 0; i < units.length; i++) vals[i] = scores[units[i]];
      vals.sort();
      var thr = vals[vals.length - k];
      units = units.filter(function (u) { return scores[u] >= thr; });
    }
    units = units.slice().sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return units.slice(0, k);
  }

  /* search(query, {limit, offset, filters, facets}) -> Promise of {total, hits, facets, qt, ms}.
     A hit: {url, doc, anchor, title, score, snippet, highlights, kind, unitAnchor, docTitle, number, type,
     date, level, locality, source}; facets (with facets: true): {dim: Map(value -> count)}. */
  Engine.prototype.search = function (query, opts) {
    opts = opts || {};
    var self = this, m = this.meta;
    var limit = Math.max(1, Math.min(Math.floor(opts.limit || 10), 1000)), offset = Math.max(0, opts.offset || 0);
    var qt = this.analyzer.queryTerms(query);
    var t0 = (root.performance || Date).now();
    if (qt.empty) return Promise.resolve({ total: 0, hits: [], facets: null, qt: qt, ms: 0 });
    function planTerms(plan) {
      var terms = [];
      plan.forEach(function (p) { terms.push(p[0]); var tt = titleTerm(p[0]); if (tt) terms.push(tt); });
      return terms;
    }
    // one round of <script> loads for the plan as if every syllable were known, a second one only for the
    // typo candidates of the syllables the index does not know
    var ph = { load: 0, vocab: 0, score: 0, chunks: 0, hits: 0 }, now = function () { return (root.performance || Date).now(); };
    var t1 = t0;
    return this.loadTerms(planTerms(this.plan(qt, true))).then(function () {
      if (!self.needsVocab(qt)) return;
      var tv = now();
      return self.loadVocab().then(function () { ph.vocab = now() - tv; });
    }).then(function () {
      return self.loadTerms(planTerms(self.plan(qt)));
    }).then(function () {
      ph.load = now() - t1 - ph.vocab;
      t1 = now();
      var res = self.score(qt), scores = res.scores, cf = self.compileFilters(opts.filters);
      var matched = cf ? res.units.filter(function (u) { return !self.failing(u, cf); }) : res.units;
      var facets = opts.facets ? self.facetCounts(res.units, cf) : null;
      var page = topUnits(matched, scores, offset + limit).slice(offset);
      ph.score = now() - t1;
      t1 = now();
      return self.loadChunks(page.map(function (u) { return self.unitChunk[u]; })).then(function () {
        ph.chunks = now() - t1;
        t1 = now();
        var hits = page.map(function (u) { return self.hit(u, qt, scores[u]); });
        ph.hits = now() - t1;
        return { total: matched.length, hits: hits, facets: facets, qt: qt, ms: now() - t0, phases: ph };
      });
    });
  };

  /* The folded text and (when needed) the tokens of passage k of unit u, cached: as you type, the same
     units come back. */
  Engine.prototype.passage = function (u, k, text) {
    var cached = this.ptCache.get(u);
    if (!cached) {
      if (this.ptCache.size > 300) this.ptCache.clear();
      cached = [];
      this.ptCache.set(u, cached);
    }
    if (!cached[k]) cached[k] = { folded: foldText(lower(text || "")), toks: null };
    return cached[k];
  };

  Engine.prototype.hit = function (u, qt, score) {
    var m = this.meta, di = this.unitDoc[u], facts = this.docs[di], self = this;
    var chunk = this.chunks.get(this.unitChunk[u]), entry = chunk[String(u)], d = chunk.d[String(di)];
    var passages = entry[1], best = null;
    var needles = qt.needles || (qt.needles = this.analyzer.needles(qt));
    var sets = qt.sets || (qt.sets = querySets(qt));
    passages.forEach(function (p, k) {   // best_passage: the first of the best
      var c = self.passage(u, k, p[1]), s = 0;
      if (needles.some(function (x) { return c.folded.indexOf(x) >= 0; })) {
        if (!c.toks) c.toks = self.analyzer.tokens(p[1] || "");
        s = passageScoreTokens(sets, c.toks, m.weights);
      }
      if (best === null || s > best[0]) best = [s, p[0], p[1]];
    });
    var anchor = (best && best[1]) || entry[2];
    var sn = snippetFor(qt, best ? best[2] : "", this.analyzer);
    return {   // d: the document's [url, title, date, source]
      url: d[0] + (anchor ? "#" + anchor : ""), doc: facts[0], anchor: anchor || null, title: entry[0],
      score: Math.round(score * 1e4) / 1e4, snippet: sn[0], highlights: sn[1], kind: entry[3],
      unitAnchor: entry[2], docTitle: d[1], number: facts[1], type: facts[2], date: d[2], level: facts[3],
      locality: facts[4], source: d[3]
    };
  };

  /* The site root URL from this script's own address (…/assets/danvan/danvan-search-engine.js). */
  var thisScript = document.currentScript && document.currentScript.src;
  function siteRoot() {
    var src = thisScript || "";
    var i = src.indexOf("assets/danvan/");
    return i >= 0 ? src.slice(0, i) : "";
  }

  var enginePromise = null;
  function loadEngine(indexBase) {
    if (enginePromise) return enginePromise;
    var base = indexBase || siteRoot() + "assets/search/";
    var loader = new ScriptLoader(base);
    enginePromise = loader.load("meta.js").then(function (meta) {
      if (!meta || meta.format !== 3) throw new Error("meta.js: định dạng chỉ mục không đúng");
      return new Engine(meta, loader);
    });
    enginePromise.catch(function () { enginePromise = null; });
    return enginePromise;
  }

  root.DanvanSearch = {
    Analyzer: Analyzer, Engine: Engine, ScriptLoader: ScriptLoader, loadEngine: loadEngine, siteRoot: siteRoot,
    fold: fold, canonSyllablePlain: A.canonSyllablePlain, fnv1a: fnv1a, fuzzyCandidates: fuzzyCandidates,
    snippetFor: snippetFor, makeSnippet: makeSnippet, normValue: normValue, unpack: unpack
  };
})(window);
