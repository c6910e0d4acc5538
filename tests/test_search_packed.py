"""The packed layout of the browser index (danvan.search.packed, devdocs/search-index.md): integers in JSON
strings, the unit table in meta.js, document display rows with the text chunks, the vocabulary and document
titles in files of their own that a query loads only when it needs them."""
import json
import random

import pytest

from conftest import CORPUS
from danvan.search.packed import ALPHABET, BASE, pack, pack_deltas, pack_postings, runs, unpack, unpack_deltas, \
    unpack_postings


@pytest.mark.parametrize("values, text", [
    ([], ""),
    ([0], ALPHABET[0]),
    ([44], ALPHABET[44]),
    ([45], ALPHABET[BASE + 1] + ALPHABET[0]),                       # 1·45 + 0
    ([2024], ALPHABET[BASE + 44] + ALPHABET[44]),                   # 44·45 + 44: the largest of two characters
    ([2025], ALPHABET[BASE + 1] + ALPHABET[BASE + 0] + ALPHABET[0]),
    ([1, 10, 3], ALPHABET[1] + ALPHABET[10] + ALPHABET[3]),
])
def test_pack_table(values, text):
    assert pack(values) == text and unpack(text) == values


def test_packed_strings_need_no_escaping_and_round_trip():
    assert len(set(ALPHABET)) == 90 and not set(ALPHABET) & set('"\\<') and all(0x23 <= ord(c) < 0x7F for c in ALPHABET)
    rnd = random.Random(8)
    values = [rnd.choice([0, 1, 44, 45, 2024, 2025, 10 ** 9, rnd.randrange(10 ** 6)]) for _ in range(2000)]
    s = pack(values)
    assert json.dumps(s) == '"' + s + '"' and unpack(s) == values
    inc = sorted(set(values))
    assert unpack_deltas(pack_deltas(inc)) == inc
    post = [(u, rnd.randrange(1, 500)) for u in inc]
    assert unpack_postings(pack_postings(post)) == post
    assert runs([3, 0, 2]) == [0, 0, 0, 2, 2]
    with pytest.raises(ValueError):
        pack([-1])
    with pytest.raises(ValueError):
        unpack(ALPHABET[BASE + 3])          # cut inside a number


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    from danvan.corpus import load_corpus
    from danvan.search.prebuilt import PrebuiltEngine, write_prebuilt
    docs = load_corpus(CORPUS).documents
    out = tmp_path_factory.mktemp("packed")
    info = write_prebuilt(docs, out)
    return docs, PrebuiltEngine(out), info


def test_unit_table_in_meta_matches_the_units(index):
    from danvan.search.units import corpus_units
    docs, eng, _ = index
    units = corpus_units(docs)
    assert eng.meta["units"] == len(eng.units) == len(units)
    ids = [d.id for d in docs]
    for i, (u, row) in enumerate(zip(units, eng.units)):
        assert eng.docs[row[0]][0] == u.doc.id == ids[row[0]]
        chunk = eng.chunk(row[5], set())
        assert chunk[str(i)][2] == u.anchor                                  # the unit's text is in its chunk
        assert chunk["d"][str(row[0])][:2] == [u.doc.url, u.doc.title]      # with its document's display row
    # the facts filters compare, with the document types as they are
    assert {d[2] for d in eng.docs} == {d.type or None for d in docs}


def test_a_query_loads_the_vocabulary_only_for_an_unknown_syllable(index):
    _, eng, _ = index
    touched: set = set()
    eng.query_plan(eng.analyzer.query_terms("tiếp công dân"), touched)
    assert "v.js" not in touched and touched and all(f.startswith("t-") for f in touched)
    touched = set()
    plan = eng.query_plan(eng.analyzer.query_terms("tiếp côngg dân"), touched)
    assert "v.js" in touched and ("f:cong", 0.4) in [(t, round(w, 2)) for t, w in plan]   # typo: one edit away


def test_meta_holds_no_titles_and_document_titles_have_their_files(index):
    docs, eng, info = index
    meta = (eng.dir / "meta.js").read_text(encoding="utf-8")
    assert all(d.title not in meta for d in docs if d.title and len(d.title) > 30)
    titles = json.loads((eng.dir / "d-000.js").read_text(encoding="utf-8").split("]=", 1)[1].rstrip(";\n"))
    assert titles == [d.title for d in docs]
    assert info["files"] == len(list(eng.dir.glob("*.js")))


def test_warm_shards_hold_the_most_frequent_syllables_within_a_byte_budget(index):
    from danvan.search.prebuilt import WARM_BYTES, fnv1a, shard_key
    _, eng, _ = index
    warm = eng.meta["warm"]
    assert warm and len(set(warm)) == len(warm)
    assert sum((eng.dir / f"t-{k:03d}.js").stat().st_size for k in warm) <= WARM_BYTES
    df = {}
    for k in range(eng.meta["shards"]):
        for term, packed in eng.shard(k, set()).items():
            if term.startswith("f:"):
                df[term] = len(unpack(packed)) // 2
    top = min(df, key=lambda t: (-df[t], t))
    assert warm[0] == fnv1a(shard_key(top)) % eng.meta["shards"]


def test_heading_lists_of_common_syllables_are_not_written_and_never_read(tmp_path, monkeypatch):
    """A common syllable (in more than max(COMMON_MIN, COMMON_SHARE × units) units) is not scored on headings,
    so its "t:" list is left out; no query asks for one (the ranking cannot change)."""
    from pathlib import Path
    from danvan.corpus import load_corpus
    from danvan.search import prebuilt
    monkeypatch.setattr(prebuilt, "COMMON_MIN", 4)     # the seeds have a few dozen units: make some syllables common
    docs = load_corpus(CORPUS).documents
    prebuilt.write_prebuilt(docs, tmp_path)
    eng = prebuilt.PrebuiltEngine(tmp_path)
    common = max(4, eng.meta["common"][0] * len(eng.units))
    terms = {}
    for k in range(eng.meta["shards"]):
        terms.update(eng.shard(k, set()))
    frequent = [t for t in terms if t.startswith("f:") and len(unpack(terms[t])) // 2 > common]
    assert frequent and not any("t:" + t[2:] in terms for t in frequent)
    rare_in_headings = [t for t in terms if t.startswith("t:") and not t.startswith("t:@") and "_" not in t]
    assert rare_in_headings                              # the other heading lists are there
    asked = []
    real = eng.postings
    monkeypatch.setattr(eng, "postings", lambda term, touched: (asked.append(term), real(term, touched))[1])
    queries = [q["query"] for q in json.loads((Path(__file__).parent / "search_queries" / "seeds.json")
                                              .read_text(encoding="utf-8"))["queries"]]
    for q in queries:
        eng.search(q, limit=10)
    assert len(asked) > len(queries) and not any(t.startswith("t:") and "f:" + t[2:] in frequent for t in asked)
