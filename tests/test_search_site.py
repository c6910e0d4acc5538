"""The search inside the built site: `danvan build` writes the browser index (assets/search/) and search.html,
the offline archive carries both, every page loads the search scripts, Material's own search stays off, and
without pyvi the site builds without an index and says so."""
from __future__ import annotations

import logging
import shutil
import zipfile

import pytest

from conftest import CORPUS, SEEDS
from sitebuild_helpers import built_site, scan


@pytest.fixture(scope="module")
def site():
    return built_site()


def test_build_writes_the_browser_index_and_the_search_page(site):
    out = site["site"]
    index = out / "assets" / "search"
    assert (index / "meta.js").is_file()
    shards = sorted(index.glob("t-*.js"))
    chunks = sorted(index.glob("x-*.js"))
    assert shards and chunks
    from danvan.search.prebuilt import PrebuiltEngine
    hits = PrebuiltEngine(index).search("UBND", limit=3)
    assert hits and all((out / h.url.split("#")[0]).is_file() for h in hits)
    page = (out / "search.html").read_text(encoding="utf-8")
    s = scan(out / "search.html")
    assert {"dv-q", "dv-results", "dv-status", "dv-facets"} <= s.ids
    assert '<label for="dv-q"' in page
    assert "Tìm trong 3 văn bản" in page            # the two seeds and the probe text
    assert s.active == []


def test_every_page_loads_the_search_scripts_and_material_search_is_off(site):
    out = site["site"]
    pages = [out / "index.html", out / "search.html"] + sorted((out / "van-ban").glob("*.html"))
    for p in pages:
        srcs = [sc.get("src", "") for sc in scan(p).scripts]
        for name in ("danvan-search-analyzer.js", "danvan-search-engine.js", "danvan-search.js"):
            assert any(x.endswith("assets/danvan/" + name) for x in srcs), (p, name)
        html = p.read_text(encoding="utf-8")
        assert "md-search" not in html and "search/search_index.json" not in html, p
    assert not (out / "search" / "search_index.json").exists()


def test_the_offline_archive_carries_the_index(site):
    names = zipfile.ZipFile(site["zip"]).namelist()
    top = names[0].split("/")[0]
    for f in sorted((site["site"] / "assets" / "search").iterdir()):
        assert f"{top}/assets/search/{f.name}" in names
    assert f"{top}/search.html" in names


def test_without_pyvi_the_site_builds_without_search_and_says_so(tmp_path, monkeypatch, caplog):
    from danvan.search import site as search_site
    from danvan.site import build_site
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEEDS["dong-nai"], corpus / SEEDS["dong-nai"].name)
    monkeypatch.setattr(search_site, "pyvi_available", lambda: False)
    with caplog.at_level(logging.WARNING):
        rep = build_site(str(corpus), str(tmp_path / "site"), quiet=False)
    assert rep.documents == 1
    assert any(search_site.SEARCH_UNAVAILABLE in r.getMessage() for r in caplog.records)
    assert "pip install 'danvan[search]'" in search_site.SEARCH_UNAVAILABLE
    assert not (tmp_path / "site" / "assets" / "search").exists()
    page = (tmp_path / "site" / "search.html").read_text(encoding="utf-8")
    assert "không có chỉ mục tìm kiếm" in page
    assert (tmp_path / "site" / "van-ban").is_dir()
    assert CORPUS.is_dir()


def test_synthetic_scale_corpus_has_distinct_ids_numbers_and_localities(seed_docs):
    from danvan.search.browser_bench import synthetic_documents
    docs = list(seed_docs.values())
    big = synthetic_documents(docs, 3)
    assert len(big) == 6
    assert len({d.id for d in big}) == 6 and len({d.url for d in big}) == 6
    numbered = [d for d in big if d.number]
    assert len({d.number for d in numbered}) == len(numbered)
    copy = big[len(docs)]
    orig = docs[0]
    assert copy.locality != orig.locality
    if orig.locality:
        text = " ".join(n.text or "" for n in copy.all_nodes())
        assert orig.locality not in text or orig.locality in copy.locality
    assert orig.id == big[0].id and orig.locality == big[0].locality      # the originals are untouched
