"""The header search box's results as you type (site_plugins/assets/danvan-search.js, `Dropdown`), in headless
Chromium over http and file://, at 390 px and 1366 px: the list shows the first hits of search.html for the same
query (the same engine, the same order), it follows the ARIA combobox pattern (arrows, Enter, Escape), it links
to every result, and a page that is only read loads nothing of the search index. Screenshots go to /tmp/shots/."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from conftest import require_browser
from sitebuild_helpers import built_site, serving

pytestmark = pytest.mark.browser
require_browser()

SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
ALLOWED = ("http://127.0.0.1", "file:", "data:", "blob:", "about:")
OPTIONS = ".dv-hsearch-panel [role=option]"


@pytest.fixture(scope="module")
def site():
    return built_site()["site"]


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as url:
        yield url


@pytest.fixture(scope="module")
def reference(site):
    from danvan.search.prebuilt import PrebuiltEngine
    return PrebuiltEngine(site / "assets" / "search")


def _open(browser, url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = ctx.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="load")
    return ctx, page, requests, errors


def _index_requests(requests):
    return [u for u in requests if "/assets/search/" in u]


def _options(page):
    return page.eval_on_selector_all(OPTIONS, "els => els.map(a => [a.dataset.hit, a.href, a.id])")


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_header_box_lists_the_first_results_as_you_type(browser, site, server, reference, scheme, width):
    base = server if scheme == "http" else site.resolve().as_uri()
    doc = sorted((site / "van-ban").glob("*.html"))[0]
    ctx, page, requests, errors = _open(browser, f"{base}/van-ban/{doc.name}", width)
    page.wait_for_timeout(300)
    assert _index_requests(requests) == []                 # reading a page loads nothing of the index
    box = page.locator(".md-header .dv-hsearch input")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-controls") == "dv-hsearch-list"
    box.focus()
    q = "tiep cong dan"
    page.keyboard.type(q, delay=20)
    page.wait_for_selector(OPTIONS)
    # the list of the whole query, not of a prefix typed on the way
    page.wait_for_function(f"document.querySelector('.dv-hsearch-all') && "
                           f"document.querySelector('.dv-hsearch-all').href.endsWith('?q={quote(q)}')")
    assert any(u.endswith("/meta.js") for u in _index_requests(requests))
    assert any("/t-" in u for u in _index_requests(requests))
    assert box.get_attribute("aria-expanded") == "true"
    opts = _options(page)
    ref = reference.search(q, limit=8)
    assert 1 <= len(opts) <= 8 and len(opts) == min(8, len(reference.search(q, limit=100)))
    assert [o[0] for o in opts] == [str(i) for i in range(1, len(opts) + 1)]
    root = f"{base}/"
    assert [o[1] for o in opts] == [root + r.url for r in ref]        # the reference's order, clause anchors
    # title, document and a highlighted snippet in every option
    first = page.locator(OPTIONS).first
    assert first.locator(".dv-hsearch-title").inner_text().strip() == ref[0].title
    assert page.locator(f"{OPTIONS} mark").count() >= 1
    marks = page.eval_on_selector_all(f"{OPTIONS} mark", "els => els.map(m => m.textContent)")
    from danvan.search.analyzer import fold
    assert all(fold(m.lower()) in ("tiep", "cong", "dan") for m in marks)
    all_link = page.get_attribute(".dv-hsearch-all", "href")
    assert urlsplit(all_link).path.endswith("/search.html") and "q=" + quote(q) in all_link.replace("+", "%20")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"dropdown-{scheme}-{width}.png"))
    # keyboard: arrows move the active option, Escape closes, Enter opens the active one
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == opts[0][2]
    assert page.get_attribute(f"#{opts[0][2]}", "aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == opts[1][2]
    page.keyboard.press("ArrowUp")
    assert box.get_attribute("aria-activedescendant") == opts[0][2]
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and not page.locator(OPTIONS).first.is_visible()
    page.keyboard.press("ArrowDown")                                   # opens again on the first option
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-activedescendant") == opts[0][2]
    page.keyboard.press("Enter")
    page.wait_for_url(opts[0][1].split("#")[0] + "*")
    frag = urlsplit(page.url).fragment
    assert frag and page.locator(f"[id='{frag}']").count() == 1
    # the same query on search.html: the same first hits
    page.goto(f"{base}/search.html?q={quote(q)}")
    page.wait_for_selector("#dv-results a[data-hit]")
    page_hits = page.eval_on_selector_all("#dv-results a[data-hit]", "els => els.map(a => a.href)")
    assert page_hits[:len(opts)] == [o[1] for o in opts]
    assert page.locator(".dv-hsearch-panel").count() == 0           # search.html has its own results
    assert [u for u in requests if not u.startswith(ALLOWED)] == [] and errors == []
    ctx.close()


def test_header_box_says_when_nothing_is_found_and_clears(browser, site):
    ctx, page, requests, errors = _open(browser, (site / "index.html").resolve().as_uri(), 1366)
    box = page.locator(".md-header .dv-hsearch input")
    assert _index_requests(requests) == []
    box.focus()         # the focus warms the shards of the most frequent syllables, in the background
    page.wait_for_function("window.DANVAN_SEARCH && DANVAN_SEARCH.meta && DANVAN_SEARCH.meta.warm.length && "
                           "DANVAN_SEARCH.meta.warm.every(k => DANVAN_SEARCH['t-' + String(k).padStart(3, '0')])")
    page.keyboard.type("zzqxw vvkkp")
    page.wait_for_selector(".dv-hsearch-none")
    assert "Không tìm thấy" in page.inner_text(".dv-hsearch-foot") and page.locator(OPTIONS).count() == 0
    page.fill(".md-header .dv-hsearch input", "")
    page.wait_for_function("document.querySelector('.dv-hsearch input').getAttribute('aria-expanded') === 'false'")
    # Enter with no option chosen opens search.html with the query
    page.keyboard.type("UBND")
    page.wait_for_selector(OPTIONS)
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=UBND*")
    page.wait_for_selector("#dv-results a[data-hit]")
    assert errors == []
    ctx.close()
