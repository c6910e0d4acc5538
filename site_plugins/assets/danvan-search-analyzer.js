/* The query side of danvan.search.analyzer, ported to the browser: NFC, syllables with one tone placement,
 * folds, wholes (document numbers, acronym chains), concepts (acronyms both ways), bigrams, n-grams, and
 * typo candidates. Same tokens, positions and terms as the Python analyzer (offsets in UTF-16 units);
 * tests/test_search_browser.py checks it against the Python reference. Exposes window.DanvanSearchAnalyzer. */
(function (root) {
  "use strict";

  var TONES = "\u0300\u0301\u0303\u0309\u0323";
  var VOWELS = "aăâeêioôơuưy";
  var MARKED = "ăâêôơư";
  var DASH_RE = /[–—‐‑−]/g;
  var WORD = "[\\p{L}\\p{N}]+";                   // Python's [^\W_]+
  var SEP = "[-/–—‐‑−.:]";
  var JOINED_RE = new RegExp(WORD + "(?:" + SEP + WORD + ")*", "gu");
  var WORD_RE = new RegExp(WORD, "gu");
  var SEP_RE = new RegExp(SEP, "gu");
  var HAS_SEP_RE = new RegExp(SEP, "u");
  var MN_RE = /\p{Mn}/gu;
  var DIGIT_RE = /[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]/u;
  var LETTER_RE = /\p{L}/u;
  var UPPER_RE = /\p{Lu}/u;
  var LOWER_OR_TITLE_RE = /[\p{Ll}\p{Lt}]/u;
  var ALPHA_ONLY_RE = /^\p{L}+$/u;
  var MARKUP = " \t\r\n\u00a0*_#>|`";
  var MAX_QUERY_CHARS = 500;
  var MAX_QUERY_SYLLABLES = 40;
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  var MAX_FUZZY_LEN = 12;
  var SNIPPET_CHARS = 240;
  var KIND_ORDER = { whole: 0, syl: 1, concept: 2 };

  // -- text helpers ------------------------------------------------------------------------------------
  var foldCache = new Map();
  function fold(s) {   // ids.ascii_fold: đ -> d, every combining mark removed
    var r = foldCache.get(s);
    if (r === undefined) {
      r = s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(MN_RE, "");
      if (foldCache.size > 100000) foldCache.clear();
      foldCache.set(s, r);
    }
    return r;
  }
  function foldText(s) {   // fold without the cache (long texts)
    return s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(MN_RE, "");
  }
  function lower(s) { return s.toLowerCase(); }
  function dashes(s) { return s.replace(DASH_RE, "-"); }
  function isAscii(s) { return /^[\x00-\x7f]*$/.test(s); }
  function isUpperStr(s) {  // Python str.isupper()
    return UPPER_RE.test(s) && !LOWER_OR_TITLE_RE.test(s);
  }
  function hasPunct(gap) {
    for (var i = 0; i < gap.length; i++) if (MARKUP.indexOf(gap[i]) < 0) return true;
    return false;
  }
  function matches(re, s) {   // [{text, index}] of a global regex
    var out = [], m;
    re.lastIndex = 0;
    while ((m = re.exec(s)) !== null) out.push({ text: m[0], index: m.index, end: m.index + m[0].length });
    return out;
  }
  function unique(items, key) {
    var seen = new Set(), out = [];
    items.forEach(function (x) {
      var k = key ? key(x) : x;
      if (!seen.has(k)) { seen.add(k); out.push(x); }
    });
    return out;
  }
  function cpSlice(s, n) {   // the first n code points (Python slicing)
    if (s.length <= n) return s;
    return Array.from(s).slice(0, n).join("");
  }

  var canonCache = new Map();
  function canonSyllablePlain(syl) {
    if (!syl || isAscii(syl)) return syl;
    var hit = canonCache.get(syl);
    if (hit !== undefined) return hit;
    var nfd = syl.normalize("NFD");
    var tones = [];
    var rest = "";
    for (var c of nfd) { if (TONES.indexOf(c) >= 0) tones.push(c); else rest += c; }
    var result = syl;
    if (tones.length) {
      var bare = Array.from(rest.normalize("NFC"));
      var start = 0;
      if (bare.length > 2 && (bare[0] + bare[1] === "qu" || bare[0] + bare[1] === "gi") && VOWELS.indexOf(bare[2]) >= 0) start = 2;
      var i = start;
      while (i < bare.length && VOWELS.indexOf(bare[i]) < 0) i++;
      var j = i;
      while (j < bare.length && VOWELS.indexOf(bare[j]) >= 0) j++;
      var nucleus = [];
      for (var k = i; k < j; k++) nucleus.push(k);
      var ok = true;
      if (!nucleus.length) {
        if (start === 2) nucleus = [1]; else ok = false;
      }
      if (ok) {
        var marked = nucleus.filter(function (x) { return MARKED.indexOf(bare[x]) >= 0; });
        var pos;
        if (marked.length) pos = marked[marked.length - 1];
        else if (j < bare.length) pos = nucleus[nucleus.length - 1];
        else if (nucleus.length === 3) pos = nucleus[1];
        else pos = nucleus[0];
        var ch = (bare[pos].normalize("NFD") + tones[0]).normalize("NFC");
        result = bare.slice(0, pos).join("") + ch + bare.slice(pos + 1).join("");
      }
    }
    if (canonCache.size > 65536) canonCache.clear();
    canonCache.set(syl, result);
    return result;
  }

  // -- phrases (long forms of acronyms) ----------------------------------------------------------------
  function Phrases() { this.byFirst = new Map(); }
  Phrases.prototype.add = function (phrase, payload) {
    phrase = phrase.normalize("NFC");
    var words = matches(WORD_RE, phrase);
    var seq = words.map(function (w) { return fold(canonSyllablePlain(lower(w.text))); });
    var gaps = [];
    for (var k = 0; k + 1 < words.length; k++) gaps.push(hasPunct(phrase.slice(words[k].end, words[k + 1].index)));
    if (seq.length) {
      var lst = this.byFirst.get(seq[0]);
      if (!lst) { lst = []; this.byFirst.set(seq[0], lst); }
      lst.push({ seq: seq, gaps: gaps, payload: payload });
      lst.sort(function (a, b) { return b.seq.length - a.seq.length; });   // stable, as Python's sort
    }
  };
  Phrases.prototype.find = function (syls) {
    var out = [];
    for (var i = 0; i < syls.length; i++) {
      var cands = this.byFirst.get(syls[i].fold);
      if (!cands) continue;
      for (var c = 0; c < cands.length; c++) {
        var seq = cands[c].seq, n = seq.length, ok = i + n <= syls.length;
        for (var k = 0; ok && k < n; k++) if (syls[i + k].fold !== seq[k]) ok = false;
        for (k = 0; ok && k < n - 1; k++) if (!(syls[i + k + 1].joined || cands[c].gaps[k])) ok = false;
        if (ok) out.push([i, n, cands[c].payload]);
      }
    }
    return out;
  };

  // -- the analyzer ------------------------------------------------------------------------------------
  function Analyzer(lexicon) {
    var acr = lexicon.acronyms || {};
    var self = this;
    this.acronyms = [];
    this.short = new Map();
    this.longs = new Phrases();
    (acr.acronyms || []).forEach(function (e) {
      var a = {
        short: e.short, concept: fold(lower(e.short)).replace(/–/g, "-"),
        shorts: [e.short].concat(e.aliases || []), longs: (e.long || []).slice(), caseSensitive: !!e.case_sensitive
      };
      self.acronyms.push(a);
      a.shorts.forEach(function (s) { self.short.set(fold(dashes(lower(s))), a); });
      a.longs.forEach(function (lf) { self.longs.add(lf, a); });
    });
    this.byConcept = new Map();
    this.acronyms.forEach(function (a) { self.byConcept.set(a.concept, a); });
    var sp = acr.spellings || {};
    this.syllables = new Map();
    Object.keys(sp.syllables || {}).forEach(function (k) {
      if (k !== "about") self.syllables.set(canonSyllablePlain(lower(k)), canonSyllablePlain(lower(sp.syllables[k])));
    });
    this.before = new Map();
    Object.keys(sp.before || {}).forEach(function (k) {
      var v = sp.before[k];
      if (k === "about" || !v || typeof v !== "object" || Array.isArray(v)) return;
      self.before.set(canonSyllablePlain(lower(k)),
        [canonSyllablePlain(lower(v.to)), new Set(v.next.map(function (x) { return canonSyllablePlain(lower(x)); }))]);
    });
    this._canon = new Map();
    this._shortKey = new Map();
    this._piece = new Map();     // raw piece -> [exact, fold]
  }

  Analyzer.prototype.piece = function (raw) {
    var r = this._piece.get(raw);
    if (r === undefined) {
      var e = this.canon(lower(raw));
      r = [e, fold(e)];
      if (this._piece.size > 100000) this._piece.clear();
      this._piece.set(raw, r);
    }
    return r;
  };

  Analyzer.prototype.canon = function (syl) {
    var s = this._canon.get(syl);
    if (s === undefined) {
      s = canonSyllablePlain(syl);
      s = this.syllables.has(s) ? this.syllables.get(s) : s;
      this._canon.set(syl, s);
    }
    return s;
  };

  Analyzer.prototype._short = function (raw, pos, start, end, out, span) {
    var key = this._shortKey.get(raw);
    if (key === undefined) {
      key = fold(dashes(lower(raw)));
      if (this._shortKey.size > 100000) this._shortKey.clear();
      this._shortKey.set(raw, key);
    }
    var acro = this.short.get(key);
    if (!acro) return false;
    if (acro.caseSensitive && !(isUpperStr(raw) || acro.shorts.indexOf(raw) >= 0)) return false;
    out.push({ pos: pos, kind: "concept", exact: acro.concept, fold: acro.concept, start: start, end: end,
      joined: true, span: span || 1, short: true });
    return true;
  };

  /* Analyzer.tokens: the same tokens, positions and offsets (in UTF-16 units) as the Python analyzer. */
  Analyzer.prototype.tokens = function (text) {
    text = (text || "").normalize("NFC");
    var out = [], syls = [], pos = 0, self = this;
    var m;
    JOINED_RE.lastIndex = 0;
    while ((m = JOINED_RE.exec(text)) !== null) {
      var raw = m[0], mStart = m.index, mEnd = m.index + raw.length;
      var pieces = HAS_SEP_RE.test(raw) ? matches(WORD_RE, raw) : [{ text: raw, index: 0, end: raw.length }];
      var first = pos, wholeIsAcronym = false;
      if (pieces.length > 1) {
        var hasDigit = DIGIT_RE.test(raw), anyLetter = false, allUpper = true;
        for (var c of raw) {
          if (LETTER_RE.test(c)) { anyLetter = true; if (!UPPER_RE.test(c)) allUpper = false; }
        }
        if (hasDigit || (anyLetter && allUpper)) {
          var ex = dashes(lower(raw));
          out.push({ pos: first, kind: "whole", exact: ex, fold: fold(ex).replace(SEP_RE, "-"), start: mStart, end: mEnd,
            joined: true, span: pieces.length });
          wholeIsAcronym = self._short(raw, first, mStart, mEnd, out, pieces.length);
        }
      }
      for (var p = 0; p < pieces.length; p++) {
        var ef = self.piece(pieces[p].text);
        var t = { pos: pos, kind: "syl", exact: ef[0], fold: ef[1], start: mStart + pieces[p].index,
          end: mStart + pieces[p].end, joined: true, span: 1 };
        if (!syls.length) t.joined = false;
        else {
          var pe = syls[syls.length - 1].end;
          t.joined = (t.start - pe === 1 && text.charCodeAt(pe) === 32) || !hasPunct(text.slice(pe, t.start));
        }
        out.push(t);
        syls.push(t);
        if (!wholeIsAcronym) self._short(pieces[p].text, pos, t.start, t.end, out, 1);
        pos++;
      }
    }
    for (var i = 0; i + 1 < syls.length; i++) {   // hàng năm = hằng năm
      var rule = this.before.get(syls[i].exact);
      if (rule && rule[1].has(syls[i + 1].exact)) { syls[i].exact = rule[0]; syls[i].fold = fold(rule[0]); }
    }
    var longs = this.longs.find(syls).map(function (f) {
      var i0 = f[0], n = f[1], acro = f[2];
      return { pos: syls[i0].pos, kind: "concept", exact: acro.concept, fold: acro.concept, start: syls[i0].start,
        end: syls[i0 + n - 1].end, joined: true, span: n };
    });
    return orderTokens(out, longs);
  };

  /* Python's out.sort(key=(pos, whole < syl < concept)), stable, in one pass: `out` comes grouped by
     position in increasing order; the long-form concepts (in increasing position) go last in their group. */
  function orderTokens(out, longs) {
    var res = [], i = 0, j = 0, n = out.length, g, pos, k, kind;
    while (i < n || j < longs.length) {
      pos = i < n ? out[i].pos : Infinity;
      if (j < longs.length && longs[j].pos < pos) { res.push(longs[j++]); continue; }
      g = i;
      while (i < n && out[i].pos === pos) i++;
      for (kind = 0; kind < 3; kind++) {
        for (k = g; k < i; k++) if (KIND_ORDER[out[k].kind] === kind) res.push(out[k]);
        if (kind === 2) while (j < longs.length && longs[j].pos === pos) res.push(longs[j++]);
      }
    }
    return res;
  }

  Analyzer.prototype._acronymBigrams = function (toks, syl) {
    var index = new Map(), out = [], self = this;
    syl.forEach(function (t, k) { index.set(t.pos, k); });
    toks.forEach(function (t) {
      if (t.kind !== "concept" || !index.has(t.pos)) return;
      var i = index.get(t.pos), acro = self.byConcept.get(t.exact);
      if (!acro || !acro.longs.length) return;
      var alt;
      if (t.short) alt = matches(WORD_RE, acro.longs[0]).map(function (w) { return fold(canonSyllablePlain(lower(w.text))); });
      else alt = t.exact.split("-").filter(Boolean);
      if (!alt.length) return;
      var n = t.span;
      if (i > 0 && syl[i].joined) out.push(syl[i - 1].fold + "_" + alt[0]);
      if (i + n < syl.length && syl[i + n].joined) out.push(alt[alt.length - 1] + "_" + syl[i + n].fold);
    });
    return out;
  };

  /* Analyzer.query_terms */
  Analyzer.prototype.queryTerms = function (query) {
    var q = cpSlice((query || "").normalize("NFC"), MAX_QUERY_CHARS);
    var toks = this.tokens(q);
    var syl = toks.filter(function (t) { return t.kind === "syl"; }).slice(0, MAX_QUERY_SYLLABLES);
    var last = syl.length ? syl[syl.length - 1].pos : -1;
    var qt = {};
    qt.syllables = syl.map(function (t) { return [t.exact, t.fold]; });
    qt.wholes = unique(toks.filter(function (t) { return t.kind === "whole" && t.pos <= last; })
      .map(function (t) { return [t.exact, t.fold]; }), function (x) { return x[0] + "\u0000" + x[1]; });
    qt.concepts = unique(toks.filter(function (t) { return t.kind === "concept" && t.pos <= last; })
      .map(function (t) { return t.exact; }));
    var bi = [];
    for (var i = 0; i + 1 < syl.length; i++) if (syl[i + 1].joined) bi.push(syl[i].fold + "_" + syl[i + 1].fold);
    qt.bigrams = unique(bi);
    var orig = new Set(qt.bigrams);
    qt.bigrams = qt.bigrams.concat(this._acronymBigrams(toks, syl).filter(function (b) { return !orig.has(b); }));
    var grams = [];
    [2, 3].forEach(function (n) {
      for (var i = 0; i + n <= syl.length; i++) {
        var ok = true;
        for (var k = i + 1; k < i + n; k++) if (!syl[k].joined) ok = false;
        if (ok) grams.push(syl.slice(i, i + n).map(function (t) { return t.exact; }).join("_"));
      }
    });
    qt.ngrams = unique(grams);
    qt.hasMarks = syl.some(function (t) { return t.exact !== t.fold; });
    qt.empty = !(qt.syllables.length || qt.wholes.length || qt.concepts.length);
    return qt;
  };

  // -- typos ---------------------------------------------------------------------------------------------
  function fuzzyCandidates(term, known) {
    var cps = Array.from(term);
    if (cps.length < 3 || cps.length > MAX_FUZZY_LEN || !ALPHA_ONLY_RE.test(term)) return [];
    var out = new Set(), n = cps.length, a, b, i, c;
    for (i = 0; i <= n; i++) {
      a = cps.slice(0, i).join(""); b = cps.slice(i);
      if (b.length) out.add(a + b.slice(1).join(""));
      if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2).join(""));
      for (c = 0; c < ALPHABET.length; c++) {
        if (b.length) out.add(a + ALPHABET[c] + b.slice(1).join(""));
        out.add(a + ALPHABET[c] + b.join(""));
      }
    }
    out.delete(term);
    return Array.from(out).filter(function (x) { return known.has(x); }).sort(cmpCodePoints);
  }
  function cmpCodePoints(x, y) {
    var a = Array.from(x), b = Array.from(y);
    for (var i = 0; i < a.length && i < b.length; i++) {
      var d = a[i].codePointAt(0) - b[i].codePointAt(0);
      if (d) return d;
    }
    return a.length - b.length;
  }

  /* Strings, one of which the folded lower-case text of a passage must hold for the passage to hold any
     query term (a fold, an exact form, a whole, a concept by its short or long form, a bigram): a passage
     with none of them scores 0 without being tokenized. */
  Analyzer.prototype.needles = function (qt) {
    var out = new Set(), self = this;
    qt.syllables.forEach(function (s) { out.add(s[1]); });
    this.syllables.forEach(function (dst, src) { if (out.has(fold(dst))) out.add(fold(src)); });
    qt.wholes.forEach(function (w) { out.add(w[1].split("-").filter(Boolean)[0] || w[1]); });
    qt.concepts.forEach(function (c) {
      self.acronyms.forEach(function (a) {
        if (a.concept !== c) return;
        a.shorts.forEach(function (sh) { var k = fold(dashes(lower(sh))).split(/[^\p{L}\p{N}]+/u).filter(Boolean)[0]; if (k) out.add(k); });
        a.longs.forEach(function (lf) { var w = matches(WORD_RE, lf.normalize("NFC"))[0]; if (w) out.add(fold(canonSyllablePlain(lower(w.text)))); });
      });
    });
    out.delete("");
    return Array.from(out);
  };

  root.DanvanSearchAnalyzer = {
    Analyzer: Analyzer, fold: fold, foldText: foldText, lower: lower, matches: matches, unique: unique,
    canonSyllablePlain: canonSyllablePlain, fuzzyCandidates: fuzzyCandidates, WORD_RE: WORD_RE,
    SNIPPET_CHARS: SNIPPET_CHARS
  };
})(window);
