"""The page frame: a short navigation whatever the corpus, a short home page, the document list's data file,
and the theme files that no page loads left out of the site."""
from __future__ import annotations

import json
import re

import pytest

from danvan import render
from danvan.model import Issuer, Node
from danvan.render import browse, home
from danvan.site import unused_theme_file
from sitebuild_helpers import minimal_document, nav_titles


def _doc(k: int, **kw):
    base = dict(level="province", locality="Bình Thuận" if k % 2 else "Đồng Nai", type="Quyết định",
                number=f"{k}/2024/QĐ-UBND", date=f"20{10 + k % 15:02d}-0{1 + k % 9}-1{k % 10}",
                title=f"QUYẾT ĐỊNH BAN HÀNH QUY CHẾ THỬ SỐ {k} TỈNH BÌNH THUẬN",
                issuers=[Issuer(name="ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN")],
                body=[Node(kind="article", num="1", label="Điều 1.", anchor="dieu-1")])
    base.update(kw)
    return minimal_document(f"doc-{k}", **base)


def test_nav_is_a_few_entries_whatever_the_corpus():
    small = render.site_nav([_doc(k) for k in range(2)])
    large = render.site_nav([_doc(k) for k in range(300)])
    assert small == large
    assert list(nav_titles(large)) == ["Trang chủ", "Danh sách văn bản", "Văn bản được dẫn chiếu"]


def test_home_is_short_and_lists_the_newest():
    docs = [_doc(k) for k in range(40)] + [_doc(99, date=None)]
    page = render.render_site(docs, [], {})["index.md"]
    assert page.count('class="dv-card"') == home.RECENT
    dates = re.findall(r"Ngày:</span> (\d\d)/(\d\d)/(\d{4})", page)
    iso = [f"{y}-{m}-{d}" for d, m, y in dates]
    assert iso == sorted(iso, reverse=True)
    assert "Xem tất cả 41 văn bản" in page and 'href="danh-sach.html"' in page
    # the home page of 41 documents is not much bigger than the one of 8
    small = render.render_site(docs[:home.RECENT], [], {})["index.md"]
    assert len(page) - len(small) < 300


def _list_data(docs) -> dict:
    js = render.site_data(docs)[browse.LIST_SCRIPT]
    m = re.fullmatch(r"/\*[^*]*\*/\nwindow\.danvanList = (.*);\n", js, re.S)
    assert m, js[:200]
    return json.loads(m.group(1))


def test_list_data_one_row_per_document_titles_in_sentence_case_stored_text_unchanged():
    docs = [_doc(k) for k in range(5)] + [_doc(7, title="Quy chế viết thường của <b>UBND</b>", level=None,
                                                 locality=None, date=None, number=None, type=None, issuers=[])]
    data = _list_data(docs)
    rows = [dict(zip(data["fields"], r)) for r in data["rows"]]
    assert len(rows) == 6
    r0 = next(r for r in rows if r["href"] == "van-ban/doc-1.html")
    assert r0["title"] == "Quyết định ban hành quy chế thử số 1 tỉnh Bình Thuận"
    assert r0["issuer"] == "Ủy ban nhân dân tỉnh Bình Thuận"
    assert r0["number"] == "1/2024/QĐ-UBND" and r0["dateText"] == "11/02/2011" and r0["year"] == "2011"
    assert r0["level"] == "tinh" and r0["locality"] == "Bình Thuận" and r0["articles"] == 1
    assert docs[1].title == "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ THỬ SỐ 1 TỈNH BÌNH THUẬN"      # stored text unchanged
    last = rows[-1]                                   # undated last
    assert last["date"] is None and last["level"] == "chua-ro-cap" and last["title"] == "Quy chế viết thường của <b>UBND</b>"
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated, reverse=True)
    js = render.site_data(docs)[browse.LIST_SCRIPT]
    assert "<b>" not in js and "\\u003cb\\u003e" in js      # nothing in the data file can close a script


def test_browse_page_offers_each_value_with_its_count_and_no_rows():
    docs = [_doc(k) for k in range(6)]
    page = render.render_site(docs, [], {})[browse.BROWSE_PAGE]
    assert '<option value="Bình Thuận">Bình Thuận (3)</option>' in page
    assert '<option value="tinh">Tỉnh, thành phố (6)</option>' in page
    assert '<option value="Ủy ban nhân dân tỉnh Bình Thuận">' in page
    assert "doc-1.html" not in page                   # the rows come from the data file
    big = render.render_site([_doc(k) for k in range(6)] * 1, [], {})[browse.BROWSE_PAGE]
    assert len(big) == len(page)


@pytest.mark.parametrize("uri,search,unused", [
    ("assets/javascripts/bundle.a5f9d56c.min.js", False, False),
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", False, True),
    ("assets/stylesheets/main.57a0d79d.min.css.map", True, True),
    ("assets/javascripts/workers/search.973d3a69.min.js", False, True),
    ("assets/javascripts/workers/search.973d3a69.min.js", True, False),
    ("assets/javascripts/lunr/min/lunr.vi.min.js", False, True),
    ("assets/stylesheets/palette.fb2fffe2.min.css", False, False),
    ("assets/danvan/danvan.js", False, False),
])
def test_unused_theme_files(uri, search, unused):
    assert unused_theme_file(uri, search) is unused


# ---------------------------------------------------------------------------------------------
# Built sites
# ---------------------------------------------------------------------------------------------

def test_document_page_weight_does_not_grow_with_the_corpus(tmp_path):
    """The same document's page in a 2-document and a 40-document site: the same weight, within a few
    hundred bytes (the navigation is not a list of documents)."""
    from danvan.site import build_site
    from frame_corpus import write_corpus

    sizes = {}
    for n in (2, 40):
        corpus = write_corpus(tmp_path / f"c{n}", n)
        out = tmp_path / f"s{n}"
        build_site(str(corpus), str(out), quiet=True)
        sizes[n] = {p.name: p.stat().st_size for p in (out / "van-ban").glob("*.html")}
    common = sorted(set(sizes[2]) & set(sizes[40]))
    assert len(common) == 2
    for name in common:
        assert abs(sizes[40][name] - sizes[2][name]) < 300, (name, sizes[2][name], sizes[40][name])
    assert len(sizes[40]) == 40


def test_site_and_archive_carry_no_unused_theme_files():
    import zipfile

    from sitebuild_helpers import PageScan, built_site

    built = built_site()
    site = built["site"]
    names = zipfile.ZipFile(built["zip"]).namelist()
    for files in ([p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()], names):
        assert files
        assert not [f for f in files if f.endswith(".map") or "/workers/" in f or "/lunr/" in f]
    # and every script and stylesheet a page asks for is there
    for page in site.rglob("*.html"):
        s = PageScan()
        s.feed(page.read_text(encoding="utf-8"))
        for tag, attr, url in s.links:
            if tag in ("script", "link") and not url.startswith(("data:", "#")):
                assert (page.parent / url.split("?")[0]).resolve().is_file(), (page.name, url)
    assert (site / browse.LIST_SCRIPT).is_file()


def test_page_title_in_sentence_case_stored_title_unchanged():
    d = _doc(3)
    assert render.page_title(d) == "3/2024/QĐ-UBND – Quyết định ban hành quy chế thử số 3 tỉnh Bình Thuận"
    assert d.title.isupper()


def test_home_lists_the_pages_the_site_makes(seed_docs):
    """The ways in on the home page name the agency, calendar, topic and cited-document pages, each a page of
    the same site; a corpus without duties lists no agency pages."""
    docs = list(seed_docs.values())
    pages = render.render_site(docs, [], {})
    hrefs = re.findall(r'<li><a href="([^"]+)">', pages["index.md"].split('class="dv-entry-list"')[1].split("</ul>")[0])
    assert hrefs == ["co-quan/index.html", "co-quan/lich-bao-cao.html", "chu-de/index.html", "dan-chieu/index.html"]
    for href in hrefs:
        assert href[:-5] + ".md" in pages, href
    bare = render.render_site([_doc(1)], [], {})["index.md"]
    assert "co-quan/index.html" not in bare and "dan-chieu/index.html" in bare
