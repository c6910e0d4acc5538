"""Which provincial article answers which central article, and how.

1. Each side's articles: those of the first annexed text (the Quy chế a Quyết định issues) when there is one,
   else those of the body (`article_part`).
2. A similarity matrix (`score_matrix`): for every (provincial, central) pair, a combined score
       score = TEXT_WEIGHT·text + TITLE_WEIGHT·title + POSITION_WEIGHT·position
   where text and title are TF-IDF cosines over word unigrams and bigrams (text.words: diacritics kept, tone
   placement canonical, case folded; IDF over the articles of both texts, smoothed: log((N+1)/(df+1)) + 1; in
   long texts the commonest features are left out, see COMMON_MIN_DF), and position is
   1 - |relative place in one text - relative place in the other|. When either article has no title, the
   title weight goes to the text.
3. A one-to-one assignment that maximizes the total score (`max_weight_assignment`, the Hungarian method),
   so a moved article is still found; a pair counts only when score ≥ MATCH_MIN and text ≥ TEXT_MIN.
4. Classes: a matched pair is SAME when both texts and titles are the same word for word (whitespace, tone
   placement and the province's own locality name aside), else CHANGED; a provincial article left over is
   ADDED, a central one MISSING. A matched pair off the longest run in the central order is `moved`.
"""
from __future__ import annotations

import math
from collections import Counter

from ..model import Document, Node
from .diff import diff_lines, plain_lines
from .model import ADDED, CHANGED, MISSING, SAME, Alignment, ArticleRef, Pair, Segment
from .text import article_lines, locality_keys, tokens, without_locality, words

TEXT_WEIGHT = 0.6
TITLE_WEIGHT = 0.3
POSITION_WEIGHT = 0.1
COMMON_MIN_DF = 40    # a word or bigram found in more than half of the articles, and in more than this many,
                      # is left out of the vectors: it tells articles apart least and costs most
MATCH_MIN = 0.30      # combined score a pair needs to count as counterparts
TEXT_MIN = 0.15       # and its texts must share at least this much (titles and position alone never match)
CONTAINER_KINDS = ("part", "chapter", "section", "heading")


# --- the articles of a text ------------------------------------------------------------------------------------
def _articles(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for n in nodes:
        if n.kind == "article":
            out.append(n)
        elif n.kind in CONTAINER_KINDS:
            out.extend(_articles(n.children))
    return out


def article_part(doc: Document) -> tuple[str | None, list[Node]]:
    """(annex anchor prefix or None for the body, the articles compared): the articles of the first top-level
    annexed text that has any (a Quyết định's Quy chế), else those of the body."""
    for a in doc.annexes:
        if a.kind == "annex" and a.parent is None:
            arts = _articles(a.body)
            if arts:
                return a.anchor, arts
    return None, _articles(doc.body)


def part_type(doc: Document) -> str | None:
    """The type of the text whose articles are compared: the annex's ('Quy chế') or the document's."""
    prefix, _ = article_part(doc)
    if prefix is not None:
        for a in doc.annexes:
            if a.anchor == prefix:
                return a.type
    return doc.type


def article_refs(doc: Document) -> tuple[str | None, list[ArticleRef]]:
    prefix, arts = article_part(doc)
    return prefix, [ArticleRef(doc.id, n.anchor, n.num, n.title, i, article_lines(n)) for i, n in enumerate(arts)]


# --- similarity ----------------------------------------------------------------------------------------------
def _features(ws: list[str]) -> Counter:
    return Counter(ws) + Counter(f"{a} {b}" for a, b in zip(ws, ws[1:]))


def _vector(feats: Counter, idf: dict[str, float]) -> tuple[dict[str, float], float]:
    vec = {f: c * idf[f] for f, c in feats.items() if f in idf}
    return vec, math.sqrt(sum(x * x for x in vec.values()))


def _cosines(rows: list, cols: list) -> list[list[float]]:
    """[i][j] = cosine of rows[i] and cols[j] (each a (vector, norm) or None), through an inverted index of the
    columns: only shared features are ever multiplied."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, c in enumerate(cols):
        if c and c[1]:
            for f, w in c[0].items():
                postings.setdefault(f, []).append((j, w / c[1]))
    out = []
    for r in rows:
        acc = [0.0] * len(cols)
        if r and r[1]:
            for f, x in r[0].items():
                for j, w in postings.get(f, ()):
                    acc[j] += x * w
            acc = [a / r[1] for a in acc]
        out.append(acc)
    return out


def score_matrix(prov: list[ArticleRef], cent: list[ArticleRef]) -> list[list[tuple[float, float, float | None]]]:
    """[i][j] = (score, text similarity, title similarity or None) of provincial article i and central j."""
    text_f = [_features(words(r.lines)) for r in prov + cent]
    title_f = [_features(words([r.title])) if r.title else None for r in prov + cent]
    df: Counter = Counter()
    for k, f in enumerate(text_f):
        df.update(set(f) | set(title_f[k] or ()))
    n_docs = len(text_f)
    common = max(COMMON_MIN_DF, n_docs // 2)
    idf = {f: math.log((n_docs + 1) / (c + 1)) + 1.0 for f, c in df.items() if c <= common}
    text_v = [_vector(f, idf) for f in text_f]
    title_v = [_vector(f, idf) if f else None for f in title_f]
    n, m = len(prov), len(cent)
    text_cos = _cosines(text_v[:n], text_v[n:])
    title_cos = _cosines(title_v[:n], title_v[n:])

    def rel(i: int, size: int) -> float:
        return i / (size - 1) if size > 1 else 0.5

    out = []
    for i in range(n):
        row = []
        for j in range(m):
            t = text_cos[i][j]
            h = title_cos[i][j] if title_v[i] and title_v[n + j] else None
            pos = 1.0 - abs(rel(i, n) - rel(j, m))
            if h is None:
                s = (TEXT_WEIGHT + TITLE_WEIGHT) * t + POSITION_WEIGHT * pos
            else:
                s = TEXT_WEIGHT * t + TITLE_WEIGHT * h + POSITION_WEIGHT * pos
            row.append((s, t, h))
        out.append(row)
    return out


def max_weight_assignment(weights: list[list[float]]) -> dict[int, int]:
    """Row -> column of a one-to-one assignment with the largest total weight (Hungarian method with
    potentials, O(n²m)); every row gets a column when there are enough, the caller drops zero-weight ones."""
    n = len(weights)
    m = len(weights[0]) if n else 0
    if not n or not m:
        return {}
    if n > m:
        flipped = max_weight_assignment([[weights[i][j] for i in range(n)] for j in range(m)])
        return {i: j for j, i in flipped.items()}
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)        # owner[j]: the row (from 1) holding column j; column 0 is the free row's slot
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta, j1 = inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return {owner[j] - 1: j - 1 for j in range(1, m + 1) if owner[j]}


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions in `seq` of one longest strictly increasing subsequence."""
    if not seq:
        return set()
    best_len = [1] * len(seq)
    prev = [-1] * len(seq)
    for k in range(len(seq)):
        for q in range(k):
            if seq[q] < seq[k] and best_len[q] + 1 > best_len[k]:
                best_len[k], prev[k] = best_len[q] + 1, q
    k = max(range(len(seq)), key=lambda x: (best_len[x], -x))
    out = set()
    while k >= 0:
        out.add(k)
        k = prev[k]
    return out


def _same(a: list[str], b: list[str], locality: list[list[str]]) -> bool:
    ka = without_locality([t.key for ln in a for t in tokens(ln)], locality)
    kb = without_locality([t.key for ln in b for t in tokens(ln)], locality)
    return ka == kb


def row_order(pairs: list[Pair]) -> list[Pair]:
    """Rows in the provincial text's order; a central article nobody took sits after the last row (not moved)
    whose central article comes before it in the central order, or first."""
    rows = [p for p in pairs if p.provincial is not None]
    rows.sort(key=lambda p: p.provincial.index)
    for p in sorted((p for p in pairs if p.provincial is None), key=lambda p: p.central.index):
        at = 0
        for k, r in enumerate(rows):
            if r.central is not None and not r.moved and r.central.index < p.central.index:
                at = k + 1
        rows.insert(at, p)
    return rows


def align_documents(prov_doc: Document, central_doc: Document) -> Alignment:
    """Align the articles of a provincial text with those of the central text it implements."""
    p_part, prov = article_refs(prov_doc)
    c_part, cent = article_refs(central_doc)
    matrix = score_matrix(prov, cent)
    weights = [[s if (s >= MATCH_MIN and t >= TEXT_MIN) else 0.0 for s, t, _ in row] for row in matrix]
    assigned = {i: j for i, j in max_weight_assignment(weights).items() if weights[i][j] > 0}
    locality = locality_keys(prov_doc.locality)
    pairs: list[Pair] = []
    for i, j in sorted(assigned.items()):
        s, t, h = matrix[i][j]
        p, c = prov[i], cent[j]
        same = _same(c.lines, p.lines, locality) and _same([c.title or ""], [p.title or ""], locality)
        c_lines, p_lines = diff_lines(c.lines, p.lines)
        c_title, p_title = diff_lines([c.title or ""], [p.title or ""])
        pairs.append(Pair(SAME if same else CHANGED, p, c, round(s, 4), round(t, 4),
                          None if h is None else round(h, 4),
                          central_title=c_title[0], provincial_title=p_title[0],
                          central_lines=c_lines, provincial_lines=p_lines))
    in_order = _longest_increasing([pr.central.index for pr in pairs])
    for k, pr in enumerate(pairs):
        pr.moved = k not in in_order
    taken_c = set(assigned.values())
    for i, p in enumerate(prov):
        if i not in assigned:
            pairs.append(Pair(ADDED, p, None, provincial_title=[Segment("equal", p.title)] if p.title else [],
                              provincial_lines=plain_lines(p.lines)))
    for j, c in enumerate(cent):
        if j not in taken_c:
            pairs.append(Pair(MISSING, None, c, central_title=[Segment("equal", c.title)] if c.title else [],
                              central_lines=plain_lines(c.lines)))
    return Alignment(prov_doc.id, central_doc.id, p_part, c_part, row_order(pairs))
