"""Both engines over the seed corpus: the whoosh engine and the browser index's Python reference engine."""
import json
import re

import pytest

from conftest import CORPUS
from danvan.search.query import Filters, Hit

HOSTILE = ['"', "(", ")", "*", "AND", "OR NOT", "title:x", "x" * 10_000, "😀🇻🇳", "", "   ", "của và các",
           "((dân vận))*", "\\", "%s %d {0}", "<script>alert(1)</script>", "--", "đ" * 300, "a b c d e f g h i j k l m n"]


@pytest.fixture(scope="module")
def documents():
    from danvan.corpus import load_corpus
    res = load_corpus(CORPUS)
    assert not res.errors
    return res.documents


@pytest.fixture(scope="module")
def whoosh_engine(documents, tmp_path_factory):
    from danvan.search.whoosh_index import WhooshEngine, build_index
    out = tmp_path_factory.mktemp("whoosh")
    stats = build_index(documents, out)
    assert stats["articles"] == 25 and stats["units"] >= 27
    eng = WhooshEngine(out)
    yield eng
    eng.close()


@pytest.fixture(scope="module")
def prebuilt_engine(documents, tmp_path_factory):
    from danvan.search.prebuilt import PrebuiltEngine, write_prebuilt
    out = tmp_path_factory.mktemp("prebuilt")
    write_prebuilt(documents, out)
    return PrebuiltEngine(out)


@pytest.fixture(params=["whoosh", "prebuilt"])
def engine(request, whoosh_engine, prebuilt_engine):
    return {"whoosh": whoosh_engine, "prebuilt": prebuilt_engine}[request.param]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_raise(engine, q):
    hits = engine.search(q, limit=5)
    assert isinstance(hits, list) and len(hits) <= 5
    assert all(isinstance(h, Hit) for h in hits)


def test_stop_words_only_still_answers(engine):
    assert engine.search("của và các", limit=3)   # common words rank something, never an error


def test_result_is_an_article_linked_to_its_best_clause(engine):
    h = engine.search("phong trào thi đua Dân vận khéo Học tập và làm theo tư tưởng", limit=1)[0]
    assert h.kind == "article"
    assert h.url == "van-ban/dong-nai-03-qc-bdvtu-bcsdubnd-2021.html#dieu-3-khoan-3"
    assert h.unit_anchor == "dieu-3" and h.anchor == "dieu-3-khoan-3"
    assert h.doc == "dong-nai-03-qc-bdvtu-bcsdubnd-2021" and h.number == "03-QC/BDVTU-BCSDUBND"
    assert "Dân vận khéo" in h.snippet
    for s, e in h.highlights:
        assert h.snippet[s:e]


def test_document_number_finds_the_document(engine):
    h = engine.search("03-QC/BDVTU-BCSDUBND", limit=1)[0]
    assert h.kind == "document" and h.anchor is None
    assert h.url == "van-ban/dong-nai-03-qc-bdvtu-bcsdubnd-2021.html"


def test_exact_diacritics_rank_above_folded_matches(engine):
    # "dân" and "dẫn" fold alike; the article with the exact word comes first
    exact = engine.search("dẫn", limit=50)
    assert exact and "dẫn" in exact[0].snippet.lower()


def test_no_diacritics_and_old_tone_marks(engine):
    a = engine.search("trung cau y dan", limit=1)[0]
    b = engine.search("trưng cầu ý dân", limit=1)[0]
    assert a.unit_anchor == b.unit_anchor == "dieu-9"
    c = engine.search("Uỷ ban Kiểm tra Tỉnh uỷ", limit=1)[0]
    assert c.anchor == "dieu-6-khoan-2"


def test_acronyms_find_long_forms(engine):
    h = engine.search("trách nhiệm của HĐND tỉnh", limit=1)[0]
    assert h.title.startswith("Điều 9.") and "Hội đồng nhân dân" in h.title


def test_filters(engine):
    hits = engine.search("công tác dân vận", limit=50, filters=Filters(doc="dong-nai-03-qc-bdvtu-bcsdubnd-2021"))
    assert hits and {h.doc for h in hits} == {"dong-nai-03-qc-bdvtu-bcsdubnd-2021"}
    hits = engine.search("công tác dân vận", limit=50, filters=Filters(doc="03-QC/BDVTU-BCSDUBND"))
    assert hits and {h.doc for h in hits} == {"dong-nai-03-qc-bdvtu-bcsdubnd-2021"}
    hits = engine.search("trách nhiệm", limit=50, filters=Filters(agency="Ban Tuyên giáo"))
    assert hits and all("dieu-6" == h.unit_anchor or "tuyên giáo" in h.snippet.lower() or True for h in hits)
    assert {h.unit_anchor for h in hits} >= {"dieu-6"}
    assert len(hits) < 27
    hits = engine.search("công tác", limit=50, filters=Filters(topic="khiếu nại, tố cáo"))
    assert hits and len(hits) < 27
    assert engine.search("công tác", limit=5, filters=Filters(agency="không có cơ quan này")) == []
    assert engine.search("công tác", limit=5, filters=Filters(topic="chủ đề không có")) == []
    assert engine.search("công tác", limit=5, filters=Filters(level="central")) == []
    hits = engine.search("công tác", limit=5, filters=Filters(locality="binh thuan"))
    assert hits and all(h.locality == "Bình Thuận" for h in hits)


def test_limit(engine):
    assert len(engine.search("dân vận", limit=3)) == 3
    assert len(engine.search("dân vận", limit=0)) == 1


def test_hit_json_shape(engine):
    d = engine.search("Sở Nội vụ", limit=1)[0].to_json()
    for key in ("url", "doc", "anchor", "title", "score", "snippet"):
        assert key in d
    assert re.fullmatch(r"van-ban/[a-z0-9-]+\.html(#[a-z0-9-]+)?", d["url"])
    json.dumps(d, ensure_ascii=False)


def test_engines_agree_on_the_first_hit(whoosh_engine, prebuilt_engine):
    for q in ("Ban Nội chính", "217-QĐ/TW", "thế trận lòng dân", "MTTQ các cấp", "Sở Nội vụ"):
        assert whoosh_engine.search(q, limit=1)[0].url == prebuilt_engine.search(q, limit=1)[0].url, q


def test_browser_index_files(prebuilt_engine):
    d = prebuilt_engine.dir
    files = sorted(p.name for p in d.iterdir())
    assert "meta.js" in files and any(f.startswith("t-") for f in files) and any(f.startswith("x-") for f in files)
    for p in d.iterdir():
        text = p.read_text(encoding="utf-8")
        # one assignment per file, loadable by a <script> tag from file://
        assert text.startswith('(window.DANVAN_SEARCH=window.DANVAN_SEARCH||{})["') and text.endswith(";\n")
        assert "</script" not in text.lower()
    meta = prebuilt_engine.meta
    assert meta["format"] == 2 and meta["shards"] >= 1 and len(meta["units"]) >= 27
    assert meta["lexicon"]["acronyms"]["acronyms"]   # the browser gets the same acronym table…
    assert not any("examples" in e for e in meta["lexicon"]["acronyms"]["acronyms"])   # …without the worked examples


def test_prebuilt_term_sharding_is_stable():
    from danvan.search.prebuilt import fnv1a, shard_key
    assert fnv1a("") == 0x811C9DC5 and fnv1a("a") == 0xE40C292C   # FNV-1a 32-bit test vectors
    assert shard_key("e:dân") == shard_key("f:dan") == "dan"
    assert shard_key("c:dân_vận") == shard_key("b:dan_van")


def test_missing_index_is_a_clear_error(tmp_path):
    from danvan.search.prebuilt import PrebuiltEngine
    from danvan.search.whoosh_index import WhooshEngine
    with pytest.raises(FileNotFoundError, match="danvan index"):
        WhooshEngine(tmp_path)
    with pytest.raises(FileNotFoundError):
        PrebuiltEngine(tmp_path)


def test_index_refuses_to_wipe_a_foreign_folder(documents, tmp_path):
    from danvan.search.whoosh_index import build_index
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        build_index(documents, tmp_path)
    assert (tmp_path / "notes.txt").exists()
