"""The browser search (site_plugins/assets/danvan-search-engine.js, danvan-search.js) in headless Chromium,
over http and file://, at 390 px and 1366 px: the JavaScript engine ranks exactly as PrebuiltEngine (its Python
reference) on both dev query sets, hostile queries never throw, search.html shows results as you type with
highlighted snippets and facets that filter and go into the URL, the keyboard reaches every result, the header
box opens search.html from a page one folder down, and no request leaves the machine. Screenshots go to
/tmp/shots/ for a person to look at."""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import statistics
import threading
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from conftest import REALWORLD, ROOT, require_browser, require_realworld
from sitebuild_helpers import QuietHandler, built_site

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
ALLOWED = ("http://127.0.0.1", "file:", "data:", "blob:", "about:")
ASSETS = ROOT / "site_plugins" / "assets"
QUERIES = ROOT / "tests" / "search_queries"
HOSTILE = ['"', "(", "*", "AND", "x" * 10_000, "dân vận 😀😀", "😀", "của và các", "", "   ", "\u0301\u0300",
           "((UBND", "a" * 40 + " " + "b " * 100, "UBND " * 300, "<script>alert(1)</script>", "217-QĐ/TW/", "—/.:"]

require_browser()


def _serve(directory: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def site():
    return built_site()["site"]


@pytest.fixture(scope="module")
def server(site):
    httpd, url = _serve(site)
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def reference(site):
    from danvan.search.prebuilt import PrebuiltEngine
    return PrebuiltEngine(site / "assets" / "search")


class Watch:
    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(ALLOWED)]


def _base(scheme, site, server):
    return server if scheme == "http" else site.resolve().as_uri()


def _open(browser, url, width=1366):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = ctx.new_page()
    w = Watch(page)
    page.goto(url, wait_until="load")
    return ctx, page, w


_RUN = """async (queries) => {
  const e = await DanvanSearch.loadEngine();
  const out = [];
  for (const q of queries) {
    try {
      const r = await e.search(q, {limit: 10});
      out.push({hits: r.hits.map(h => [h.doc, h.unitAnchor, h.anchor, h.snippet, h.highlights, h.url]), total: r.total});
    } catch (err) { out.push({error: String(err) + " " + err.stack}); }
  }
  return out;
}"""


def _reference_lists(reference, queries):
    return [[[h.doc, h.unit_anchor, h.anchor] for h in reference.search(q, limit=10)] for q in queries]


def _mrr(hits_by_query, query_set_path, units):
    from danvan.search.bench import evaluate, load_query_set, resolve
    from danvan.search.browser_bench import BrowserHit
    judged = resolve(load_query_set(query_set_path), units)
    res = evaluate(lambda q, k: [BrowserHit(*h[:3]) for h in hits_by_query[q]][:k], judged)
    return res


# ---------------------------------------------------------------------------------------------------------
# the engine against its Python reference
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", ["http", "file"])
def test_engine_ranks_as_the_python_reference_on_the_seed_queries(browser, site, server, reference, scheme):
    queries = [q["query"] for q in json.loads((QUERIES / "seeds.json").read_text(encoding="utf-8"))["queries"]]
    queries += ["hoà giải ở cơ sở", "UBND cấp xã", "khoẻ", "thuỷ lợi"]
    ctx, page, w = _open(browser, f"{_base(scheme, site, server)}/search.html")
    out = page.evaluate(_RUN, queries)
    ctx.close()
    assert [o.get("error") for o in out if "error" in o] == []
    js = [[h[:3] for h in o["hits"]] for o in out]
    assert js == _reference_lists(reference, queries)
    # snippets and highlights too (same analyzer, same windows)
    py_snips = [[[h.snippet, h.highlights] for h in reference.search(q, limit=10)] for q in queries]
    assert [[h[3:5] for h in o["hits"]] for o in out] == py_snips
    assert sum(1 for o in out if o["hits"]) >= len(queries) - 1
    assert w.foreign() == [] and w.errors == []
    from danvan.corpus import load_corpus
    from danvan.search.units import corpus_units
    units = corpus_units(load_corpus(built_site()["corpus"]).documents)
    res = _mrr(dict(zip(queries, [o["hits"] for o in out])), QUERIES / "seeds.json", units)
    print(f"browser engine on seeds.json: MRR@10 {res['overall']['mrr']:.3f}, Recall@10 {res['overall']['recall']:.3f}")
    assert res["overall"]["mrr"] >= 0.95


def test_hostile_queries_never_throw_and_give_a_sensible_result(browser, site, reference):
    ctx, page, w = _open(browser, (site / "search.html").as_uri())
    out = page.evaluate(_RUN, HOSTILE)
    assert [o.get("error") for o in out if "error" in o] == []
    got = dict(zip(HOSTILE, out))
    for q in ('"', "(", "*", "", "   ", "😀", "—/.:", "\u0301\u0300"):
        assert got[q]["hits"] == [] and got[q]["total"] == 0, q      # nothing to search for: no results
    for q in ("dân vận 😀😀", "của và các", "((UBND", "UBND " * 300, "AND"):
        assert got[q]["hits"], q                                 # the words in it are found
    assert [[h[:3] for h in o["hits"]] for o in out] == _reference_lists(reference, HOSTILE)
    # and on the page: typing them shows a status, never an error
    for q in HOSTILE[:6]:
        page.fill("#dv-q", q)
        page.press("#dv-q", "Enter")
        page.wait_for_function("document.querySelector('#dv-status').textContent.length > 0 && "
                               "!document.querySelector('#dv-status').textContent.startsWith('Đang tải')")
        assert "Lỗi" not in page.inner_text("#dv-status")
    page.fill("#dv-q", "")
    page.press("#dv-q", "Enter")
    page.wait_for_function("document.querySelector('#dv-status').textContent.startsWith('Nhập từ khóa')")
    assert page.locator("#dv-empty a").count() >= 3          # examples to try
    assert w.errors == [] and w.foreign() == []
    ctx.close()


# ---------------------------------------------------------------------------------------------------------
# search.html
# ---------------------------------------------------------------------------------------------------------

def _hits(page):
    return page.eval_on_selector_all("a[data-hit]", "els => els.map(a => [a.dataset.hit, a.getAttribute('href')])")


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_typing_shows_ranked_results_with_highlighted_snippets(browser, site, server, reference, scheme, width):
    ctx, page, w = _open(browser, f"{_base(scheme, site, server)}/search.html", width)
    page.wait_for_function("document.querySelector('#dv-status').textContent.startsWith('Nhập từ khóa')")
    assert page.get_attribute("label[for=dv-q]", "for") == "dv-q"
    page.click("#dv-q")
    page.keyboard.type("tiep cong dan", delay=30)            # results as you type, debounced
    page.wait_for_selector("a[data-hit]")
    # the whole query, not a prefix typed before the debounce fired (a loaded machine types slowly)
    page.wait_for_function("new URLSearchParams(location.search).get('q') === 'tiep cong dan'")
    page.wait_for_function("(window.DANVAN_SEARCH_PAGE || {}).last && DANVAN_SEARCH_PAGE.last.query === 'tiep cong dan'")
    hits = _hits(page)
    ref = reference.search("tiep cong dan", limit=len(hits))
    assert [h[0] for h in hits] == [str(i) for i in range(1, len(hits) + 1)]
    assert [h[1] for h in hits] == [r.url for r in ref]       # rank order of the Python reference, clause anchors
    total = len(reference.search("tiep cong dan", limit=1000))
    assert page.inner_text("#dv-status").startswith(f"{total} kết quả")
    marks = page.eval_on_selector_all(".dv-hit-snippet mark", "els => els.map(m => m.textContent)")
    from danvan.search.analyzer import fold
    assert marks and all(fold(m.lower()) in ("tiep", "cong", "dan") for m in marks)     # folded matches
    assert parse_qs(urlsplit(page.url).query)["q"] == ["tiep cong dan"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"search-{scheme}-{width}.png"))
    # the first link opens the clause (relative URL), which exists
    page.click("a[data-hit='1']")
    page.wait_for_load_state("load")
    frag = urlsplit(page.url).fragment
    assert frag and page.locator(f"[id='{frag}']").count() == 1
    assert w.foreign() == [] and w.errors == []
    ctx.close()


def test_corpus_text_in_results_is_text(browser, site):
    ctx, page, w = _open(browser, (site / "search.html").as_uri() + "?q=" + quote("Tiêu đề script alert"))
    page.wait_for_selector("a[data-hit]")
    text = page.inner_text("#dv-results")
    assert "<script>" in text
    assert page.evaluate("document.querySelectorAll('#dv-results script, #dv-results img, #dv-results iframe').length") == 0
    assert w.errors == []
    ctx.close()


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_facets_filter_combine_and_go_into_the_url(browser, site, server, reference, scheme):
    from danvan.search.query import Filters
    q = "dân vận"
    ctx, page, w = _open(browser, f"{_base(scheme, site, server)}/search.html?q={quote(q)}")
    page.wait_for_selector("a[data-hit]")
    before = int(page.inner_text("#dv-status").split()[0])
    # agency and topic values: the responsibility tables' kinds and topics, Vietnamese labels, the reference's counts
    counts = reference.facet_counts(q)
    for dim in ("agency", "topic"):
        shown = page.eval_on_selector_all(
            f"#dv-facets button[data-dim={dim}]",
            "bs => bs.map(b => [b.dataset.value, b.querySelector('.dv-facet-label').textContent,"
            " +b.querySelector('.dv-facet-count').textContent])")
        assert len(shown) >= 3, dim
        for value, label, n in shown:
            assert n == counts[dim][value] and label == reference.catalog.label(dim, value), (dim, value)
    assert "Ban Dân vận Tỉnh ủy" in page.inner_text("#dv-facets")
    loc = page.locator("#dv-facets button[data-dim=locality]").first
    value = loc.get_attribute("data-value")
    count = int(loc.locator(".dv-facet-count").inner_text())
    loc.click()
    page.wait_for_function(f"new URLSearchParams(location.search).get('locality') === {json.dumps(value)}")
    page.wait_for_function(f"document.querySelector('#dv-status').textContent.startsWith('{count} kết quả')")
    assert count < before
    ref = reference.search(q, limit=len(_hits(page)), filters=Filters(locality=value))
    assert [h[1] for h in _hits(page)] == [r.url for r in ref]
    # a second facet combines with the first
    ag = page.locator("#dv-facets button[data-dim=agency]").first
    agency, n2 = ag.get_attribute("data-value"), int(ag.locator(".dv-facet-count").inner_text())
    ag.click()
    page.wait_for_function(f"new URLSearchParams(location.search).get('agency') === {json.dumps(agency)}")
    params = parse_qs(urlsplit(page.url).query)
    assert params["locality"] == [value] and params["agency"] == [agency] and params["q"] == [q]
    assert page.inner_text("#dv-status").startswith(f"{n2} kết quả")
    ref = reference.search(q, limit=1000, filters=Filters(locality=value, agency=agency, exact_ids=True))
    assert len(ref) == n2
    assert [h[1] for h in _hits(page)] == [r.url for r in ref[:len(_hits(page))]]
    # the URL alone restores the same state
    url = page.url
    page2 = ctx.new_page()
    page2.goto(url)
    page2.wait_for_selector("a[data-hit]")
    assert _hits(page2) == _hits(page)
    assert page2.get_attribute(f"#dv-facets button[data-dim=agency][data-value='{agency}']", "aria-pressed") == "true"
    # clearing the filters
    page.click(".dv-facet-clear")
    page.wait_for_function("!location.search.includes('agency') && !location.search.includes('locality')")
    page.wait_for_function(f"document.querySelector('#dv-status').textContent.startsWith('{before} kết quả')")
    assert w.foreign() == [] and w.errors == []
    ctx.close()


def test_keyboard_reaches_and_opens_results(browser, site):
    ctx, page, w = _open(browser, (site / "search.html").as_uri())
    page.focus("#dv-q")
    page.keyboard.type("UBND")
    page.wait_for_selector("a[data-hit='3']")
    focused = "document.activeElement.dataset ? document.activeElement.dataset.hit : null"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "1"
    page.keyboard.press("ArrowDown")
    assert page.evaluate(focused) == "2"
    # the focus is visible: an outline on the focused result
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "dv-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")                 # Tab moves on through the results as well
    assert page.evaluate(focused) == "2"
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + href.split("#")[0] + "*")
    assert urlsplit(page.url).fragment == href.split("#")[1]
    assert w.errors == [] and w.foreign() == []
    ctx.close()


def test_no_results_suggests_what_to_try(browser, site):
    ctx, page, w = _open(browser, (site / "search.html").as_uri() + "?q=" + quote("zzqxw vvkkp") + "&agency=ubnd")
    page.wait_for_function("document.querySelector('#dv-status').textContent.startsWith('0 kết quả')")
    tips = page.inner_text("#dv-empty")
    assert "Bỏ các bộ lọc" in tips and "không dấu" in tips
    page.click(".dv-empty-clear")
    page.wait_for_function("!location.search.includes('agency')")
    assert "Không tìm thấy kết quả nào" in page.inner_text("#dv-empty")
    assert w.errors == []
    ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_header_box_opens_search_page_from_a_document_page(browser, site, server, scheme, width):
    doc = sorted((site / "van-ban").glob("*.html"))[0]
    base = _base(scheme, site, server)
    ctx, page, w = _open(browser, f"{base}/van-ban/{doc.name}", width)
    box = page.locator(".md-header .dv-hsearch input[type=search]")
    assert box.count() == 1 and box.is_visible()
    assert page.evaluate("document.querySelector('.dv-hsearch label').textContent") == "Tìm trong các văn bản"
    box.focus()
    page.keyboard.type("Ban Dân vận")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda u: u.startswith(f"{base}/search.html?q="))
    page.wait_for_selector("a[data-hit]")
    assert page.input_value("#dv-q") == "Ban Dân vận"
    if width == 390:
        page.screenshot(path=str(SHOTS / f"header-{scheme}-{width}.png"))
    # every page has the box, the home page too
    page.goto(f"{base}/index.html")
    assert page.locator(".md-header .dv-hsearch input").count() == 1
    assert w.foreign() == [] and w.errors == []
    ctx.close()


# ---------------------------------------------------------------------------------------------------------
# the real-world documents: one browser index for the module, no site build
# ---------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def realworld_index(tmp_path_factory):
    require_realworld()
    from danvan.corpus import load_corpus
    from danvan.search.prebuilt import write_prebuilt
    tmp = tmp_path_factory.mktemp("rw-index")
    docs = load_corpus(REALWORLD).documents
    write_prebuilt(docs, tmp / "assets" / "search")
    (tmp / "assets" / "danvan").mkdir()
    for name in ("danvan-search-analyzer.js", "danvan-search-engine.js"):
        shutil.copy(ASSETS / name, tmp / "assets" / "danvan" / name)
    (tmp / "search.html").write_text('<!doctype html><meta charset="utf-8"><title>t</title>'
                                     '<script src="assets/danvan/danvan-search-analyzer.js"></script>'
                                     '<script src="assets/danvan/danvan-search-engine.js"></script>', encoding="utf-8")
    return tmp, docs


@pytest.mark.realworld
def test_engine_ranks_as_the_python_reference_on_the_realworld_queries(browser, realworld_index):
    from danvan.search.prebuilt import PrebuiltEngine
    from danvan.search.units import corpus_units
    root, docs = realworld_index
    reference = PrebuiltEngine(root / "assets" / "search")
    qs = json.loads((QUERIES / "realworld.json").read_text(encoding="utf-8"))["queries"]
    queries = [q["query"] for q in qs] + HOSTILE
    ctx, page, w = _open(browser, (root / "search.html").as_uri())
    t = page.evaluate("""async (qs) => { const e = await DanvanSearch.loadEngine(); const ms = [];
        for (const q of qs) { const t0 = performance.now(); await e.search(q, {limit: 10}); ms.push(performance.now() - t0); }
        return ms; }""", queries)
    out = page.evaluate(_RUN, queries)
    ctx.close()
    assert [o.get("error") for o in out if "error" in o] == []
    assert [[h[:3] for h in o["hits"]] for o in out] == _reference_lists(reference, queries)
    res = _mrr(dict(zip(queries, [o["hits"] for o in out])), QUERIES / "realworld.json", corpus_units(docs))
    print(f"browser engine on realworld.json: MRR@10 {res['overall']['mrr']:.3f}, Recall@10 "
          f"{res['overall']['recall']:.3f}; ms per query (cold) median {statistics.median(t):.1f}")
    assert res["overall"]["mrr"] >= 0.85
    assert w.errors == [] and w.foreign() == []


def test_bench_browser_figures(browser, site, reference):
    """danvan bench search --browser measures the built site: per-query times in the page, the first result
    over file:// and the bytes loaded before it (the page, assets and index files)."""
    from danvan.search.browser_bench import (browser_figures, index_sizes, percentile, same_as_reference,
                                             same_facets_as_reference)
    queries = ["UBND cấp xã", "tiep cong dan", "03-QC/BDVTU-BCSDUBND", "zzqxw"]
    fig = browser_figures(site, queries, first_n=2, browser=browser)
    assert len(fig["cold"]) == len(fig["warm"]) == 4 and all(t >= 0 for t in fig["cold"] + fig["warm"])
    assert len(fig["first_ms"]) == 2 and all(0 < t < 30_000 for t in fig["first_ms"])
    meta = (site / "assets" / "search" / "meta.js").stat().st_size
    assert all(ib >= meta for ib in fig["index_bytes"])                 # meta.js at least, then shards and chunks
    assert all(b > ib for b, ib in zip(fig["bytes"], fig["index_bytes"]))   # plus the page and its assets
    assert fig["foreign"] == [] and fig["errors"] == []
    assert same_as_reference(fig, reference, queries) == []
    assert same_facets_as_reference(fig["facets"], reference, queries) == []
    assert sum(1 for q in queries if fig["facets"][q].get("agency")) >= len(queries) // 2
    assert fig["hits"]["zzqxw"] == []
    assert index_sizes(site / "assets" / "search")["meta"] == meta
    assert percentile([3.0, 1.0, 2.0], 0.5) == 2.0


def test_browser_analyzer_folds_every_old_tone_placement_as_python(browser, site):
    """The JavaScript analyzer puts every old tone placement (oà, uỷ, oẻ, after q and gi…) where Python does."""
    from danvan.search.analyzer import canon_syllable_plain
    from test_search_analyzer import OLD_NEW
    words = [w for pair in OLD_NEW for w in pair]
    words += [w.upper() for w in words[:40]]
    ctx, page, w = _open(browser, (site / "search.html").as_uri())
    js = page.evaluate("ws => ws.map(x => DanvanSearchAnalyzer.canonSyllablePlain(x.toLowerCase().normalize('NFC')))",
                       words)
    ctx.close()
    assert js == [canon_syllable_plain(x.lower()) for x in words]
    assert js[0::2][:len(OLD_NEW)] == js[1::2][:len(OLD_NEW)]     # old == new, pair by pair
