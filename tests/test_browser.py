"""The built site in a real browser (headless Chromium through Playwright): no request leaves the
machine, the probe page runs nothing, #anchors are highlighted, copy-link works, print hides the
chrome. Screenshots and PDFs go to /tmp/shots/ for a person to look at."""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

from conftest import unavailable
from sitebuild_helpers import built_site, probe_page

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
ALLOWED = ("http://127.0.0.1", "http://localhost", "file:", "data:", "blob:", "about:")
SEED_DONG_NAI = "dong-nai-03-qc-bdvtu-bcsdubnd-2021.html"

try:
    from playwright.sync_api import sync_playwright
except Exception as e:  # pragma: no cover - depends on the machine
    sync_playwright = None
    _skip_reason = f"playwright is not importable ({e})"
else:
    _skip_reason = None
if _skip_reason is None and not Path(CHROMIUM).exists():
    _skip_reason = f"{CHROMIUM} is missing (apt-get install chromium)"
if _skip_reason:
    unavailable(_skip_reason)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_dir():
    return built_site()["site"]


@pytest.fixture(scope="session")
def server(site_dir):
    handler = functools.partial(_Quiet, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


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
    btn = page.locator('#dieu-2-khoan-2 .dv-copy').first
    btn.scroll_into_view_if_needed()
    btn.click()
    page.wait_for_function("document.querySelector('#dieu-2-khoan-2 .dv-copy').hasAttribute('data-dv-copied')")
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
    page.locator('#dieu-2-khoan-2 .dv-copy').first.click()
    page.wait_for_function("document.querySelector('#dieu-2-khoan-2 .dv-copy').hasAttribute('data-dv-copied')")
    copied = page.get_attribute('#dieu-2-khoan-2 .dv-copy', "data-dv-copied")
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
    assert printed["text"].count("Điều 5") == 1 and "Điều 4" not in printed["text"]
    page.wait_for_function("document.getElementById('dv-print-one') === null")
    assert "dv-printing-one" not in page.evaluate("document.body.className")

    assert page.evaluate("danvan.preparePrint('dieu-5')") is True
    page.emulate_media(media="print")
    assert not page.locator(".md-content").is_visible()
    assert page.locator("#dv-print-one").is_visible()
    page.screenshot(path=str(SHOTS / "print-article.png"))
    page.pdf(path=str(SHOTS / "article-print.pdf"), format="A4", print_background=True)
    page.close()
