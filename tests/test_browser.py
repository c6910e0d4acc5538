"""The built site in a real browser (headless Chromium through Playwright): no request leaves the
machine, the probe page runs nothing, #anchors are highlighted, copy-link works, print hides the
chrome, a wide table scrolls sideways in its wrapper on a phone and prints at the page width. Screenshots
and PDFs go to /tmp/shots/ for a person to look at."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import require_browser
from sitebuild_helpers import built_site, probe_page, serving

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
ALLOWED = ("http://127.0.0.1", "http://localhost", "file:", "data:", "blob:", "about:")
SEED_DONG_NAI = "dong-nai-03-qc-bdvtu-bcsdubnd-2021.html"

require_browser()


@pytest.fixture(scope="session")
def site_dir():
    return built_site()["site"]


@pytest.fixture(scope="session")
def server(site_dir):
    with serving(site_dir) as url:
        yield url


class Watch:
    """Records requests, dialogs and script errors of one page."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, d):
        self.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(ALLOWED)]


@pytest.fixture()
def context(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    yield ctx
    ctx.close()


def _pages(site_dir: Path) -> list[str]:
    docs = sorted(p.name for p in (site_dir / "van-ban").glob("*.html"))
    probe = probe_page(site_dir).name
    seeds = [d for d in docs if d != probe][:2]
    return ["index.html"] + [f"van-ban/{d}" for d in seeds] + [f"van-ban/{probe}"]


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_no_request_leaves_the_machine_and_probe_runs_nothing(context, site_dir, server, scheme):
    base = server if scheme == "http" else site_dir.resolve().as_uri()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for rel in _pages(site_dir):
        page = context.new_page()
        w = Watch(page)
        page.goto(f"{base}/{rel}", wait_until="load")
        page.wait_for_load_state("networkidle")
        assert w.foreign() == [], (rel, w.foreign())
        assert w.dialogs == [], (rel, w.dialogs)
        assert w.errors == [], (rel, w.errors)
        if rel.startswith("van-ban/") and "Tiêu đề" in page.inner_text(".dv-doc"):
            body = page.inner_text(".dv-doc")
            assert "Tiêu đề <script>alert(1)</script>" in body
            assert "<img src=x onerror=alert(1)>" in body
            assert page.locator(".dv-title").is_visible()
            assert page.evaluate("document.querySelectorAll('.dv-doc script, .dv-doc img, .dv-doc iframe').length") == 0
            if scheme == "http":
                page.screenshot(path=str(SHOTS / "probe.png"))
        page.close()


def test_home_screenshot(context, server):
    page = context.new_page()
    page.goto(f"{server}/index.html")
    assert page.locator("h1").inner_text() == "Văn bản công tác dân vận"
    assert page.locator(".dv-card").count() == 3
    page.screenshot(path=str(SHOTS / "home.png"))
    page.screenshot(path=str(SHOTS / "home-full.png"), full_page=True)
    mobile = context.browser.new_page(viewport={"width": 390, "height": 844})
    mobile.goto(f"{server}/{'van-ban/' + SEED_DONG_NAI}#dieu-4-khoan-1")
    _wait_target(mobile, "dieu-4-khoan-1")
    mobile.screenshot(path=str(SHOTS / "document-mobile.png"))
    mobile.close()


def _wait_target(page, anchor: str) -> None:
    """Wait until the page's script has marked the #fragment's element as the target."""
    page.wait_for_function("(id) => { const el = document.getElementById(id);"
                           " return el && el.classList.contains('dv-target'); }", arg=anchor)


def _in_viewport(page, anchor: str) -> dict:
    return page.evaluate("""(id) => {
        const el = document.getElementById(id);
        const r = el.getBoundingClientRect();
        const header = document.querySelector('.md-header');
        const top = header ? header.getBoundingClientRect().bottom : 0;
        const bg = getComputedStyle(el).backgroundColor;
        return {top: r.top, bottom: r.bottom, headerBottom: top, vh: innerHeight,
                cls: el.className, bg};
    }""", anchor)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_fragment_is_scrolled_to_and_highlighted(context, site_dir, server, scheme):
    base = server if scheme == "http" else site_dir.resolve().as_uri()
    page = context.new_page()
    page.goto(f"{base}/van-ban/{SEED_DONG_NAI}#dieu-2-khoan-2")
    _wait_target(page, "dieu-2-khoan-2")
    st = _in_viewport(page, "dieu-2-khoan-2")
    assert st["top"] >= st["headerBottom"] - 1, st           # not under the fixed header
    assert st["top"] < st["vh"] * 0.5, st                    # near the top of the window
    assert "dv-target" in st["cls"], st
    assert st["bg"] not in ("rgba(0, 0, 0, 0)", "transparent"), st
    if scheme == "http":
        page.screenshot(path=str(SHOTS / "document-target.png"))
    # following another link on the same page moves the highlight
    page.evaluate("location.hash = '#dieu-5'")
    _wait_target(page, "dieu-5")
    st2 = _in_viewport(page, "dieu-5")
    assert "dv-target" in st2["cls"] and "dv-target" not in _in_viewport(page, "dieu-2-khoan-2")["cls"]
    assert st2["headerBottom"] - 1 <= st2["top"] < st2["vh"] * 0.5, st2
    page.close()


def test_document_screenshot(context, server):
    page = context.new_page()
    page.goto(f"{server}/van-ban/{SEED_DONG_NAI}")
    page.screenshot(path=str(SHOTS / "document.png"))
    page.evaluate("document.getElementById('dieu-4').scrollIntoView()")
    page.screenshot(path=str(SHOTS / "document-article.png"))
    page.close()


def test_copy_link_over_http_uses_the_clipboard(context, server):
    page = context.new_page()
    w = Watch(page)
    url = f"{server}/van-ban/{SEED_DONG_NAI}"
    page.goto(url)
    btn = page.locator('#dieu-2-khoan-2 .dv-more').first      # a clause's menu (danvan-teach.js)
    btn.scroll_into_view_if_needed()
    btn.click()
    page.locator(".dv-menu-item[data-dv-action=link]").click()
    page.wait_for_function("document.querySelector('#dieu-2-khoan-2 .dv-more').hasAttribute('data-dv-copied')")
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#dieu-2-khoan-2"
    assert "Đã sao chép liên kết tới khoản 2 Điều 2" in page.locator(".dv-toast").inner_text()
    # the article's own button
    page.locator('#dieu-4 > .dv-ahead .dv-copy').click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.endsWith('#dieu-4'))")
    assert w.dialogs == [] and w.errors == []
    page.close()


def test_copy_link_on_file_url(browser, site_dir):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})   # no clipboard permission granted
    page = ctx.new_page()
    w = Watch(page)
    url = f"{site_dir.resolve().as_uri()}/van-ban/{SEED_DONG_NAI}"
    page.goto(url)
    page.locator('#dieu-2-khoan-2 .dv-more').first.click()
    page.locator(".dv-menu-item[data-dv-action=link]").click()
    page.wait_for_function("document.querySelector('#dieu-2-khoan-2 .dv-more').hasAttribute('data-dv-copied')")
    copied = page.get_attribute('#dieu-2-khoan-2 .dv-more', "data-dv-copied")
    if copied:      # clipboard API or execCommand worked
        assert copied == f"{url}#dieu-2-khoan-2"
    else:           # fallback: the link, selected, in a field of the toast
        assert page.input_value(".dv-toast .dv-copy-field") == f"{url}#dieu-2-khoan-2"
    assert w.dialogs == [] and w.errors == []
    ctx.close()


def test_print_hides_chrome_and_prints_one_article(context, server):
    page = context.new_page()
    page.goto(f"{server}/van-ban/{SEED_DONG_NAI}")
    page.emulate_media(media="print")
    for sel in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".dv-copy", ".dv-print", ".dv-meta",
                ".dv-toc"):
        assert not page.locator(sel).first.is_visible(), sel
    assert page.locator("#dieu-2").is_visible()
    page.pdf(path=str(SHOTS / "document-print.pdf"), format="A4", print_background=True)
    page.emulate_media(media="screen")

    # "In điều này": the button prepares the page, calls print(), then restores it
    page.evaluate("""() => { window.__printed = null; window.print = () => {
        const box = document.getElementById('dv-print-one');
        window.__printed = {cls: document.body.className, text: box ? box.innerText : null}; }; }""")
    page.locator("#dieu-5 .dv-print").click()
    printed = page.evaluate("window.__printed")
    assert "dv-printing-one" in printed["cls"]
    # the article once, and its source line (danvan-teach.js) citing it
    assert printed["text"].count("Điều 5:") == 1 and "Điều 4" not in printed["text"]
    assert "Nguồn: Điều 5 Quy chế số 03-QC/BDVTU-BCSDUBND" in printed["text"]
    page.wait_for_function("document.getElementById('dv-print-one') === null")
    assert "dv-printing-one" not in page.evaluate("document.body.className")

    assert page.evaluate("danvan.preparePrint('dieu-5')") is True
    page.emulate_media(media="print")
    assert not page.locator(".md-content").is_visible()
    assert page.locator("#dv-print-one").is_visible()
    page.screenshot(path=str(SHOTS / "print-article.png"))
    page.pdf(path=str(SHOTS / "article-print.pdf"), format="A4", print_background=True)
    page.close()


# --- tables: a wide table scrolls sideways in its wrapper on a phone; printed, it takes the page width ---

# An invented decision with a seven-column price table (one cell with <br>, one with markup to stay text), a
# formula written as a table, and a letterhead and signature laid out as tables.
WIDE_TABLE_DOC = """\
| **ỦY BAN NHÂN DÂN TỈNH AN LẠC** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 12/2025/QĐ-UBND | *An Lạc, ngày 5 tháng 3 năm 2025* |

**QUYẾT ĐỊNH**

Ban hành bảng giá dịch vụ trông giữ xe trên địa bàn tỉnh An Lạc

**Điều 1. Bảng giá**

1. Mức giá dịch vụ trông giữ xe như sau:

| STT | Loại phương tiện | Ban ngày (đồng/lượt) | Ban đêm (đồng/lượt) | Cả ngày và đêm (đồng/lượt) | Theo tháng (đồng/tháng) | Ghi chú về điều kiện áp dụng và đối tượng được miễn, giảm giá |
|---|---|---|---|---|---|---|
| 1 | Xe đạp, xe đạp điện | 2.000 | 3.000 | 4.000 | 50.000 | Miễn cho học sinh tiểu học<br>Giảm 50% cho người cao tuổi |
| 2 | Xe máy, xe máy điện | 5.000 | 7.000 | 10.000 | 100.000 | Áp dụng tại các điểm trông giữ xe công cộng do tỉnh quản lý |
| 3 | Ô tô dưới 9 chỗ ngồi | 25.000 | 35.000 | 50.000 | 1.200.000 | <script>alert(1)</script> {{ config }} |

2. Giá thuê được tính theo công thức:

| Giá thuê | = | Đơn giá | x | Diện tích | - | Khoản giảm trừ |

**Điều 2. Hiệu lực**

Quyết định có hiệu lực từ ngày ký.

| *Nơi nhận:*<br>- Như Điều 2;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH**<br><br>**Trần Văn Bình** |
"""


@pytest.fixture(scope="module")
def table_page(tmp_path_factory) -> Path:
    from danvan.site import build_site
    tmp = tmp_path_factory.mktemp("tables")
    corpus = tmp / "corpus" / "an-lac"
    corpus.mkdir(parents=True)
    (corpus / "an-lac-bang-gia.txt").write_text(WIDE_TABLE_DOC, encoding="utf-8")
    build_site(str(tmp / "corpus"), str(tmp / "site"), quiet=True)
    [page] = sorted((tmp / "site" / "van-ban").glob("*.html"))
    return page


def test_wide_table_scrolls_in_its_wrapper_not_the_page(browser, table_page):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(table_page.as_uri())
    wrap = page.locator(".dv-table-wrap").first
    wrap.wait_for()
    # the page never scrolls sideways: nothing of the page's content (the table's cells aside, inside their
    # wrapper) reaches past the phone's width. (Material's header title is left out: its hidden second title
    # overhangs by a few pixels on every page, under the root's overflow-x: hidden.)
    overhang = page.evaluate("""() => [...document.querySelectorAll('.md-main *')]
        .filter(el => !el.closest('.dv-table-wrap') || el.classList.contains('dv-table-wrap'))
        .filter(el => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map(el => el.tagName + '.' + el.className)""")
    assert overhang == []
    main = page.locator(".md-main").evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert main[0] <= main[1]
    # the wrapper does: it is narrower than the phone, the table wider than the wrapper
    box = wrap.evaluate("el => ({sw: el.scrollWidth, cw: el.clientWidth, ox: getComputedStyle(el).overflowX,"
                        " right: el.getBoundingClientRect().right})")
    assert box["ox"] == "auto" and box["sw"] > box["cw"] and box["right"] <= 390
    assert wrap.evaluate("el => { el.scrollLeft = 150; return el.scrollLeft; }") > 0
    assert page.evaluate("window.scrollX") == 0
    # header row in <thead>, seven columns; the <br> is a line break; markup in a cell is text
    assert page.locator(".dv-table thead th").count() == 7
    assert "Miễn cho học sinh tiểu học\nGiảm 50% cho người cao tuổi" in page.locator(".dv-table td").nth(6).inner_text()
    assert page.locator(".dv-table script").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".dv-table").first.inner_text()
    # the formula keeps its operators
    formula = page.locator(".dv-table").nth(1).inner_text()
    assert [c.strip() for c in formula.split("\t")] == ["Giá thuê", "=", "Đơn giá", "x", "Diện tích", "-",
                                                         "Khoản giảm trừ"]
    # letterhead and signature are no tables
    assert page.locator(".dv-table").count() == 2
    wrap.evaluate("el => { el.scrollLeft = 0; }")
    wrap.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -80)")
    page.screenshot(path=str(SHOTS / "table-mobile.png"))
    page.close()


def test_table_prints_at_page_width(browser, table_page):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(table_page.as_uri())
    page.emulate_media(media="print")
    table = page.locator(".dv-table").first
    m = table.evaluate("t => { const w = t.parentElement; return {tw: t.getBoundingClientRect().width,"
                       " ww: w.getBoundingClientRect().width, sw: w.scrollWidth, cw: w.clientWidth,"
                       " thead: getComputedStyle(t.tHead).display, ox: getComputedStyle(w).overflowX}; }")
    assert m["thead"] == "table-header-group"
    assert m["ox"] == "visible"
    assert abs(m["tw"] - m["ww"]) <= 1 and m["sw"] <= m["cw"] + 1   # the page width, nothing clipped
    page.pdf(path=str(SHOTS / "table-print.pdf"), format="A4", print_background=True)
    page.close()


# -- responsibility pages (tools/render/duties.py, topics.py) over file:// on a phone --------------------------

DUTY_PAGES = {
    "agency": "co-quan/dong-nai/ban-dan-van-tinh-uy.html",
    "calendar": "co-quan/lich-bao-cao.html",
    "matrix": "co-quan/ma-tran.html",
    "index": "co-quan/index.html",
    "topic": "chu-de/dan-chu-co-so.html",
}


@pytest.mark.parametrize("name", list(DUTY_PAGES))
def test_duty_page_fits_a_phone_over_file(browser, site_dir, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 390, "height": 844})
    w = Watch(page)
    page.goto((site_dir / DUTY_PAGES[name]).resolve().as_uri(), wait_until="load")
    assert w.foreign() == [] and w.errors == [] and w.dialogs == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{DUTY_PAGES[name]} scrolls sideways: {width}px"
    assert page.locator(".dv-duties h1").count() == 1
    if name == "agency":
        assert page.locator("h1").first.inner_text() == "Ban Dân vận Tỉnh ủy (Đồng Nai)"
        link = page.locator(".dv-duty-head a").first
        assert "dong-nai-03-qc-bdvtu-bcsdubnd-2021.html#dieu-" in link.get_attribute("href")
        link.click()
        page.wait_for_load_state("load")
        assert page.url.split("#", 1)[1].startswith("dieu-")
        page.go_back()
    if name == "calendar":
        assert page.locator("#ky-thang-12 .dv-duty").count() >= 1
        assert page.locator("#ky-hang-quy .dv-duty").count() >= 1
    page.screenshot(path=str(SHOTS / f"duties-{name}-mobile.png"))
    page.close()


def test_topic_tags_on_document_pages(browser, site_dir):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto((site_dir / f"van-ban/{SEED_DONG_NAI}").resolve().as_uri() + "#dieu-3")
    tags = page.locator("#dieu-3 .dv-topic-tags .dv-tag")
    assert tags.count() >= 2
    href = tags.first.get_attribute("href")
    assert href.startswith("../chu-de/") and href.endswith(".html")
    page.close()
