"""The page frame in a real browser (headless Chromium through Playwright), over http and file:// at 390 px and
1366 px: the document list's filters and sort kept in the URL, the context line, the notice for a missing
address, no sideways scrolling, the theme toggle, the collapsed metadata and the one table of contents.
Screenshots go to /tmp/shots/ (DANVAN_SHOTS) for a person to look at."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import require_browser
from frame_corpus import write_corpus
from sitebuild_helpers import CORPUS, serving

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
DONG_NAI = "van-ban/dong-nai-03-qc-bdvtu-bcsdubnd-2021.html"     # seed: 3 chapters, Điều 1–5
INVENTED = 12
require_browser()

WIDTHS = [390, 1366]
SCHEMES = ["http", "file"]


@pytest.fixture(scope="module")
def site():
    from danvan.site import build_site
    tmp = Path(tempfile.mkdtemp(prefix="danvan-frame-"))
    corpus = tmp / "corpus"
    shutil.copytree(CORPUS, corpus)
    write_corpus(corpus / "thu", INVENTED)
    out = tmp / "site"
    build_site(str(corpus), str(out), quiet=True)
    yield out
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def server(site):
    with serving(site) as url:
        yield url


@pytest.fixture()
def open_page(browser, site, server):
    ctxs = []

    def go(rel: str, scheme: str = "http", width: int = 1366):
        ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900}, locale="vi-VN")
        ctxs.append(ctx)
        page = ctx.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        base = server if scheme == "http" else site.resolve().as_uri()
        page.goto(f"{base}/{rel}")
        return page
    yield go
    for c in ctxs:
        c.close()


def _rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('#dv-list li.dv-row')].map(li => ({
        number: li.querySelector('.dv-row-number').textContent, date: li.querySelector('.dv-row-date').textContent,
        title: li.querySelector('.dv-row-title').textContent, href: li.querySelector('.dv-row-title').getAttribute('href')}))""")


def _iso(ddmmyyyy: str) -> str:
    d, m, y = ddmmyyyy.split("/") if ddmmyyyy.count("/") == 2 else ("", "", "")
    return f"{y}-{m}-{d}"


# ---------------------------------------------------------------------------------------------
# The document list
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_filters_combine_and_live_in_the_url(open_page, scheme, width):
    page = open_page("danh-sach.html", scheme, width)
    total = INVENTED + 2
    assert len(_rows(page)) == total
    assert page.locator("#dv-count").inner_text() == f"{total} văn bản"
    page.select_option("#dv-f-loai", "Quyết định")
    qd = _rows(page)
    assert qd and len(qd) < total
    page.select_option("#dv-f-dia-phuong", "Bình Thuận")
    both = _rows(page)
    assert both and len(both) < len(qd) and all("/QĐ-UBND" in r["number"] for r in both)
    assert page.locator("#dv-count").inner_text() == f"{len(both)} / {total} văn bản khớp bộ lọc"
    url = page.url
    assert "loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh" in url and "dia-phuong=" in url
    # the address alone gives the same list (a link, a bookmark, a reload)
    again = open_page("danh-sach.html#" + url.split("#", 1)[1], scheme, width)
    assert _rows(again) == both
    assert again.locator("#dv-f-loai").input_value() == "Quyết định"
    # every title in sentence case, and a row's link opens its document
    assert all(not r["title"].isupper() for r in _rows(again))
    again.locator("#dv-reset").click()
    assert len(_rows(again)) == total and "#" not in again.url.rstrip("#")
    assert page.errors == [] and again.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_year_and_level_filters_and_words(open_page, scheme):
    page = open_page("danh-sach.html?cap=trung-uong", scheme)       # as the home page links it
    rows = _rows(page)
    assert rows and all(r["number"].endswith("-QĐ/TW") for r in rows)
    assert page.url.endswith("danh-sach.html#cap=trung-uong")         # the query became the fragment
    page.goto(page.url.split("#")[0] + "#nam=2016")
    page.wait_for_function("document.querySelectorAll('#dv-list li').length > 0 && "
                           "[...document.querySelectorAll('#dv-list .dv-row-date')].every(x => x.textContent.endsWith('2016'))")
    page.goto(page.url.split("#")[0] + "#")
    page.locator("#dv-f-q").fill("")
    page.locator("#dv-f-q").focus()
    page.keyboard.type("03-qc")                       # by keyboard; diacritics and case do not matter
    rows = _rows(page)
    assert [r["number"] for r in rows] == ["03-QC/BDVTU-BCSDUBND"]
    page.locator("#dv-f-q").fill("")
    page.keyboard.type("phoi hop")
    assert any("phối hợp" in r["title"] for r in _rows(page))


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_sort_by_date_and_number(open_page, scheme, width):
    page = open_page("danh-sach.html", scheme, width)
    dates = [_iso(r["date"]) for r in _rows(page) if r["date"].count("/") == 2]
    assert dates == sorted(dates, reverse=True)
    assert _rows(page)[-1]["date"].startswith("ngày chưa rõ")        # undated last
    page.select_option("#dv-f-xep", "cu")
    dates = [_iso(r["date"]) for r in _rows(page) if r["date"].count("/") == 2]
    assert dates == sorted(dates) and "xep=cu" in page.url
    page.select_option("#dv-f-xep", "so")
    lead = [int(r["number"].split("/")[0].split("-")[0]) for r in _rows(page) if r["number"][:1].isdigit()]
    assert lead == sorted(lead) and len(lead) >= INVENTED
    if scheme == "http":
        page.select_option("#dv-f-loai", "Quyết định")
        page.screenshot(path=str(SHOTS / f"list-filtered-{width}.png"), full_page=True)


# ---------------------------------------------------------------------------------------------
# Reading a document
# ---------------------------------------------------------------------------------------------

def _context(page) -> str:
    return page.locator("#dv-context").inner_text().replace("\n", " ")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_context_line_follows_the_reader(open_page, scheme, width):
    page = open_page(f"{DONG_NAI}#dieu-4-khoan-1", scheme, width)
    page.wait_for_function("document.getElementById('dv-context').textContent.includes('khoản 1')")
    assert _context(page) == "Chương II › Điều 4 › khoản 1"
    bar = page.evaluate("(() => { const r = document.getElementById('dv-context').getBoundingClientRect();"
                        " const h = document.querySelector('.md-header').getBoundingClientRect();"
                        " return [r.top, h.bottom]; })()")
    assert abs(bar[0] - bar[1]) <= 1                      # stuck under the header
    page.evaluate("document.getElementById('dieu-2').scrollIntoView()")
    page.wait_for_function("document.getElementById('dv-context').textContent.includes('Điều 2')")
    assert _context(page).startswith("Chương I › Điều 2")
    page.evaluate("document.getElementById('dieu-5').scrollIntoView()")
    page.wait_for_function("document.getElementById('dv-context').textContent.includes('Điều 5')")
    assert _context(page).startswith("Chương III › Điều 5")
    if scheme == "http" and width == 390:
        page.goto(page.url.split("#")[0] + "#dieu-4-khoan-1")
        page.wait_for_timeout(300)
        page.screenshot(path=str(SHOTS / "document-phone.png"))
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("anchor,nearest,says", [
    ("dieu-99", "dieu-5", "Điều 99"),
    ("dieu-4-khoan-9", "dieu-4", "khoản 9 Điều 4"),
    ("dieu-2-khoan-2-diem-z", "dieu-2-khoan-2", "điểm z khoản 2 Điều 2"),
])
def test_missing_address_says_so_and_links_the_nearest(open_page, scheme, width, anchor, nearest, says):
    page = open_page(f"{DONG_NAI}#{anchor}", scheme, width)
    alert = page.locator("[role=alert].dv-missing")
    alert.wait_for()
    assert alert.is_visible() and alert.bounding_box()["y"] < 844
    text = alert.inner_text()
    assert f"không có {says}" in text and f"#{anchor}" in text
    link = alert.locator("a")
    assert link.get_attribute("href") == f"#{nearest}"
    link.click()
    page.wait_for_function("!document.querySelector('.dv-missing')")
    assert page.url.endswith(f"#{nearest}")
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_existing_address_gets_no_notice(open_page, scheme):
    page = open_page(f"{DONG_NAI}#dieu-3", scheme, 390)
    page.wait_for_timeout(200)
    assert page.locator(".dv-missing").count() == 0


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_sideways_scrolling_on_a_phone(open_page, site, scheme):
    rels = ["index.html", "danh-sach.html"] + [f"van-ban/{p.name}" for p in sorted((site / "van-ban").glob("*.html"))]
    wide = []
    for rel in rels:
        page = open_page(rel, scheme, 390)
        page.wait_for_timeout(50)
        over = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if over > 0:
            wide.append((rel, over))
        page.context.close()
    assert wide == []


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_text_first_metadata_collapsed_one_table_of_contents(open_page, scheme, width):
    page = open_page(DONG_NAI, scheme, width)
    meta = page.locator("details.dv-meta")
    assert meta.get_attribute("open") is None
    assert not page.locator("details.dv-meta dl").is_visible()
    assert page.locator("details.dv-meta > summary").inner_text().strip() == "Thuộc tính văn bản"
    # the legal text starts on the first screen (the preamble is text too)
    start = page.evaluate("document.querySelector('.dv-text').getBoundingClientRect().top")
    assert start < (844 if width < 500 else 900)
    page.locator("details.dv-meta > summary").click()
    assert page.locator("details.dv-meta dl").is_visible()
    ours = page.locator(".dv-toc").is_visible()
    theirs = page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()
    assert ours != theirs                                   # exactly one table of contents on screen
    assert ours == (width < 1220)


def _luminance(rgb: str) -> float:
    vals = [int(x) / 255 for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3]]
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in vals]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _colours(page) -> dict:
    return page.evaluate("""() => {
        const cs = (sel, p) => getComputedStyle(document.querySelector(sel))[p];
        return {scheme: document.body.getAttribute('data-md-color-scheme'), bg: cs('body', 'backgroundColor'),
                text: cs('.dv-article .dv-p, .dv-article .dv-lead', 'color'), label: cs('.dv-alabel', 'color'),
                muted: cs('.dv-context', 'color'), meta: cs('details.dv-meta', 'backgroundColor')};
    }""")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_theme_toggle_dark_and_light_both_readable(open_page, scheme, width):
    page = open_page(DONG_NAI + "#dieu-4", scheme, width)
    page.add_style_tag(content="*, *::before { transition: none !important; }")   # read final colours
    light = _colours(page)
    assert light["scheme"] == "default"
    page.locator("label.md-header__button[for^='__palette']:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = _colours(page)
    assert _luminance(dark["bg"]) < 0.05 < _luminance(light["bg"])
    for c in (light, dark):
        assert _contrast(c["text"], c["bg"]) >= 7, c
        assert _contrast(c["label"], c["bg"]) >= 4.5, c
        assert _contrast(c["muted"], c["bg"]) >= 4.5, c
    assert dark["meta"] != light["meta"]
    if scheme == "http" and width == 1366:
        page.screenshot(path=str(SHOTS / "document-dark.png"))
    # the choice is kept for the next page
    page.goto(page.url.split("/van-ban/")[0] + "/danh-sach.html")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    if scheme == "http" and width == 390:
        page.screenshot(path=str(SHOTS / "list-dark-phone.png"))


def test_screenshots_home(open_page):
    page = open_page("index.html", "http", 1366)
    assert page.locator(".dv-card").count() == 8
    page.screenshot(path=str(SHOTS / "home-frame.png"), full_page=True)
    page = open_page("index.html", "http", 390)
    page.screenshot(path=str(SHOTS / "home-phone.png"), full_page=True)
