"""Cite, print and teach in a real browser (headless Chromium through Playwright), on a site built from an
invented Quyết định with an annexed Quy chế, once with a public address (site_url) and once without:
copied citations equal data-cite and the Python citation; copied links use site_url, or are local and said to
be; copied text carries no button label; one clause or one chapter prints alone with its source line; the
handout basket (add → page → reorder → print → .docx); presentation mode and its keys. Over http and file://,
at 390 px and 1366 px. Screenshots and PDFs go to /tmp/shots/."""
from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from datetime import date
from pathlib import Path

import pytest

from sitebuild_helpers import QuietHandler
from conftest import require_browser
from teach_fixture import DOC_ID, POINT_CITE, SITE_URL, site_config, write_corpus

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
PAGE = f"van-ban/{DOC_ID}.html"
LABELS = ("Trích dẫn", "Liên kết", "Phát tay", "Sao chép", "Trình chiếu", "Tải bản Word")
LOCAL_NOTE = "Liên kết này chỉ mở được trên máy này"

require_browser()


def _build(root: Path, site_url: str | None) -> Path:
    from danvan.site import build_site
    corpus = write_corpus(root / "corpus")
    out = root / "site"
    build_site(str(corpus), str(out), quiet=True, config=site_config(root, site_url))
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """{'public': site dir built with site_url, 'local': without}, each with its http address."""
    out, servers = {}, []
    for name, url in (("public", SITE_URL), ("local", None)):
        d = _build(tmp_path_factory.mktemp(f"teach-{name}"), url)
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(d)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        out[name] = {"dir": d, "http": f"http://127.0.0.1:{httpd.server_address[1]}", "file": d.resolve().as_uri()}
    yield out
    for s in servers:
        s.shutdown()
        s.server_close()


@pytest.fixture(scope="module")
def fixture_doc(sites):
    from danvan.corpus import load_corpus
    return load_corpus(str(sites["public"]["dir"].parent / "corpus")).documents[0]


def _page(browser, base: str, width: int, path: str = PAGE):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    if base.startswith("http"):
        ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/{path}")
    return ctx, page, errors


def _copied(page, base: str, button_sel: str) -> str:
    """What the page copied: the clipboard over http (permission granted); over file:// the text the page
    handed to the clipboard (recorded on the button, or shown in the fallback field)."""
    page.wait_for_function("(s) => document.querySelector(s).hasAttribute('data-dv-copied')", arg=button_sel)
    if base.startswith("http"):
        return page.evaluate("navigator.clipboard.readText()")
    return page.get_attribute(button_sel, "data-dv-copied") or page.input_value(".dv-toast .dv-copy-field")


def _python_cite(doc, anchor: str) -> str:
    from danvan.render.cite import citation

    def walk(nodes, path, annex):
        for n in nodes:
            if n.anchor == anchor:
                return citation(doc, path + [n], annex)
            found = walk(n.children, path + [n], annex)
            if found:
                return found
        return None
    return walk(doc.body, [], None) or next(c for a in doc.annexes if (c := walk(a.body, [], a)))


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_copy_citation_equals_data_cite_and_python(browser, sites, fixture_doc, scheme, width):
    base = sites["public"][scheme]
    ctx, page, errors = _page(browser, base, width)
    # the tools never reach past the window (the page's own header is the site frame's business)
    assert page.evaluate("""() => Math.max(...[...document.querySelectorAll('.dv-tools, .dv-teach, .dv-btn')]
        .map(e => e.getBoundingClientRect().right))""") <= width
    # an article: its own button
    sel = "#qc-dieu-5 > .dv-ahead .dv-cite"
    page.locator(sel).click()
    got = _copied(page, base, sel)
    assert got == page.get_attribute("#qc-dieu-5 > .dv-ahead .dv-tools", "data-cite") == _python_cite(fixture_doc, "qc-dieu-5")
    assert "Đã sao chép trích dẫn" in page.locator(".dv-toast").inner_text()
    # a clause and a point: through their menu, by keyboard on the point
    for anchor in ("qc-dieu-5-khoan-2", "qc-dieu-5-khoan-2-diem-a"):
        tools = f"#{anchor} > .dv-lead .dv-tools"
        more = f"{tools} .dv-more"
        if anchor.endswith("diem-a"):
            page.focus(more)
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.textContent") == "Sao chép trích dẫn"
            page.keyboard.press("Enter")
        else:
            page.locator(more).click()
            assert page.get_attribute(more, "aria-expanded") == "true"
            box = page.locator(".dv-menu").bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= width, box      # the menu stays in the window
            page.locator(".dv-menu-item[data-dv-action=cite]").click()
        got = _copied(page, base, more)
        # what is copied is the provision's data-cite, the whole citation the build wrote
        assert got == page.evaluate("(s) => danvanTeach.citation(document.querySelector(s))", tools) \
            == page.get_attribute(tools, "data-cite") == _python_cite(fixture_doc, anchor), anchor
        assert got.startswith(("khoản", "điểm")) and "Điều 5" in got, got
        page.evaluate("(s) => document.querySelector(s).removeAttribute('data-dv-copied')", more)
    assert got == POINT_CITE
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_copy_link_uses_the_public_address_in_every_copy(browser, sites, scheme, width):
    base = sites["public"][scheme]
    ctx, page, errors = _page(browser, base, width)
    sel = "#qc-dieu-5-khoan-2 > .dv-lead .dv-more"
    page.locator(sel).click()
    page.locator(".dv-menu-item[data-dv-action=link]").click()
    assert _copied(page, base, sel) == f"{SITE_URL}{PAGE}#qc-dieu-5-khoan-2"
    assert LOCAL_NOTE not in page.locator(".dv-toast").inner_text()
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_copy_link_without_site_url(browser, sites, scheme):
    base = sites["local"][scheme]
    ctx, page, errors = _page(browser, base, 1366)
    sel = "#qc-dieu-5 > .dv-ahead .dv-copy"
    page.locator(sel).click()
    got = _copied(page, base, sel)
    assert got == f"{base}/{PAGE}#qc-dieu-5"
    toast = page.locator(".dv-toast").inner_text()
    # from file:// the link only opens on this machine, and the reader is told so; over http it is the address
    assert (LOCAL_NOTE in toast) == (scheme == "file"), toast
    assert page.get_attribute(".dv-toast", "aria-live") == "polite"
    assert errors == []
    ctx.close()


def test_copied_text_has_no_button_labels(browser, sites):
    base = sites["public"]["http"]
    ctx, page, errors = _page(browser, base, 1366)
    assert page.evaluate("getComputedStyle(document.querySelector('.dv-tools')).userSelect") == "none"
    text = page.evaluate("""() => {
        const r = document.createRange();
        r.selectNodeContents(document.getElementById('qc-dieu-5'));
        const s = getSelection(); s.removeAllRanges(); s.addRange(r);
        document.execCommand('copy');
        return s.toString(); }""")
    clip = page.evaluate("navigator.clipboard.readText()")
    for t in (text, clip):
        assert "Trách nhiệm của các cơ quan" in t and "Lập kế hoạch thử nghiệm hằng năm" in t
        assert not [w for w in LABELS if w in t], t
        assert not re.search(r"(?m)^\s*In\s*$", t), t
    assert errors == []
    ctx.close()


def _print_stub(page):
    page.evaluate("""() => { window.__printed = null; window.print = () => {
        const box = document.getElementById('dv-print-one');
        window.__printed = box ? box.innerText : document.body.innerText; }; }""")


def test_print_one_clause_with_its_source_line(browser, sites, fixture_doc):
    base = sites["public"]["http"]
    ctx, page, errors = _page(browser, base, 1366)
    # through the clause's menu: the page is prepared, print() is called, the page is restored
    _print_stub(page)
    page.locator("#qc-dieu-5-khoan-2 > .dv-lead .dv-more").click()
    page.locator(".dv-menu-item[data-dv-action=print]").click()
    printed = page.evaluate("window.__printed")
    assert "Cơ quan thứ hai" in printed and "Lập kế hoạch" in printed and "Cơ quan thứ nhất" not in printed
    page.wait_for_function("document.getElementById('dv-print-one') === null")
    # prepared and printed for real (print media, PDF)
    assert page.evaluate("danvanTeach.preparePrint('qc-dieu-5-khoan-2')") is True
    page.emulate_media(media="print")
    assert not page.locator(".md-content").is_visible()
    box = page.locator("#dv-print-one")
    assert box.is_visible()
    src = page.locator("#dv-print-one .dv-print-source").inner_text()
    d = date.today()
    assert src == (f"Nguồn: {_python_cite(fixture_doc, 'qc-dieu-5-khoan-2')}. Liên kết: {SITE_URL}{PAGE}"
                   f"#qc-dieu-5-khoan-2. In ngày {d.day}/{d.month}/{d.year}.")
    assert "Cơ quan thứ nhất" not in box.inner_text() and "Điều 1" not in box.inner_text()
    assert not page.locator("#dv-print-one .dv-btn").count()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "teach-print-clause.png"))
    pdf = page.pdf(path=str(SHOTS / "teach-print-clause.pdf"), format="A4")
    assert pdf[:4] == b"%PDF"
    assert errors == []
    ctx.close()


def test_print_one_chapter(browser, sites):
    ctx, page, errors = _page(browser, sites["public"]["file"], 390)
    _print_stub(page)
    page.locator("#qc-chuong-2 .dv-print-part").first.click()
    printed = page.evaluate("window.__printed")
    assert "Chương II" in printed and "Điều 5" in printed and "Phạm vi" not in printed
    assert "Nguồn: Chương II Quy chế thử nghiệm" in printed
    assert errors == []
    ctx.close()


def test_handout_basket_page_print_and_docx(browser, sites, tmp_path):
    import docx
    base = sites["public"]["file"]      # localStorage from file:// (the offline copy)
    ctx, page, errors = _page(browser, base, 1366)
    page.locator("#qc-dieu-1 > .dv-ahead .dv-basket").click()
    assert page.get_attribute("#qc-dieu-1 > .dv-ahead .dv-basket", "aria-pressed") == "true"
    page.locator("#qc-dieu-5-khoan-2-diem-a > .dv-lead .dv-more").click()
    page.locator(".dv-menu-item[data-dv-action=basket]").click()
    page.locator("#dieu-2 > .dv-ahead .dv-basket").click()
    assert [x["anchor"] for x in page.evaluate("danvanTeach.load()")] == ["qc-dieu-1", "qc-dieu-5-khoan-2-diem-a", "dieu-2"]
    assert page.get_attribute(".dv-basket-link", "data-t") == "Tài liệu phát tay (3)"
    page.locator(".dv-basket-link").click()
    page.wait_for_url("**/tai-lieu-phat-tay.html")
    items = page.locator(".dv-ho-item")
    assert items.count() == 3
    assert items.nth(1).inner_text().count("Lập kế hoạch thử nghiệm hằng năm") == 1
    # reorder and remove
    page.locator(".dv-ho-item").nth(2).locator("button[aria-label^='Đưa lên']").click()
    assert [x["anchor"] for x in page.evaluate("danvanTeach.load()")] == ["qc-dieu-1", "dieu-2", "qc-dieu-5-khoan-2-diem-a"]
    page.locator(".dv-ho-item").nth(0).locator("button[aria-label^='Bỏ']").click()
    refs = [page.locator(".dv-ho-item .dv-ho-ref").nth(i).inner_text() for i in range(2)]
    assert refs == ["Điều 2", "điểm a khoản 2 Điều 5 Quy chế"]
    # print: the list with a source line per item and the date printed, no controls
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.locator(".dv-handout-print").click()
    page.emulate_media(media="print")
    assert not page.locator(".dv-handout-tools").is_visible() and not page.locator(".dv-ho-tools").first.is_visible()
    assert not page.locator(".md-header").is_visible()
    sources = page.locator(".dv-ho-item .dv-print-source")
    assert sources.count() == 2 and POINT_CITE in sources.nth(1).inner_text()
    assert f"{SITE_URL}{PAGE}#qc-dieu-5-khoan-2-diem-a" in sources.nth(1).inner_text()
    # an article opens with its own heading, so its printed item does not repeat "Điều 2" above it; a point's does
    heads = page.locator(".dv-ho-item .dv-ho-head")
    assert not heads.nth(0).is_visible() and heads.nth(1).is_visible()
    assert page.locator(".dv-ho-item").nth(0).inner_text().strip().startswith("Điều 2.")
    d = date.today()
    assert page.locator("#dv-ho-date").inner_text() == f"In ngày {d.day}/{d.month}/{d.year}."
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "teach-handout-print.png"), full_page=True)
    assert page.pdf(path=str(SHOTS / "teach-handout.pdf"), format="A4")[:4] == b"%PDF"
    page.emulate_media(media="screen")
    # the handout as .docx, made in the browser, opens with python-docx
    with page.expect_download() as dl:
        page.locator(".dv-handout-docx").click()
    path = tmp_path / "handout.docx"
    dl.value.save_as(path)
    paras = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paras[0] == "Tài liệu phát tay"
    assert "a) Lập kế hoạch thử nghiệm hằng năm;" in paras
    assert any(p.startswith(f"Nguồn: {POINT_CITE}. Liên kết: {SITE_URL}") for p in paras)
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_document_docx_made_in_the_browser(browser, sites, fixture_doc, tmp_path, scheme, width):
    """The page's "Tải bản Word" makes the document's .docx from the page (the handout's writer): python-docx
    opens it; it holds the title, the source line with the link, the preamble, every article, clause and point,
    the table cells, the annexed text and the signer, and none of the site's own controls or panels."""
    import docx
    from danvan.render.cite import source_line
    base = sites["public"][scheme]
    ctx, page, errors = _page(browser, base, width)
    assert page.locator(".dv-teach .dv-docx").evaluate("e => e.tagName") == "BUTTON"
    with page.expect_download() as dl:
        page.locator(".dv-teach .dv-docx").click()
    assert dl.value.suggested_filename == f"{DOC_ID}.docx"
    path = tmp_path / "doc.docx"
    dl.value.save_as(path)
    paras = [p.text for p in docx.Document(str(path)).paragraphs]
    assert paras[0].startswith("Quyết định") and "Quy chế thử nghiệm" in paras[0]
    assert paras[1] == f"Nguồn: {source_line(fixture_doc)}. Liên kết: {SITE_URL}{PAGE}."
    text = "\n".join(paras)
    for needle in ("Căn cứ Điều lệ Đảng;", "Điều 1.", "Điều 5. Trách nhiệm của các cơ quan", "a) Lập kế hoạch thử nghiệm hằng năm;",
                   "b) Báo cáo kết quả thử nghiệm.", "Chương II", "Nguyễn Văn A"):
        assert needle in text, needle
    for label in ("Trích dẫn", "Phát tay", "Sao chép", "Thuộc tính", "Mục lục", "Được dẫn chiếu tại"):
        assert label not in text, label
    # in reading order: the decision's articles, then the annexed Quy chế's
    assert text.index("Quyết định có hiệu lực") < text.index("Quy chế này quy định việc thử nghiệm")
    assert errors == []
    ctx.close()


def test_presentation_mode_keys(browser, sites):
    ctx, page, errors = _page(browser, sites["public"]["http"], 1366)
    page.locator(".dv-teach .dv-present").click()
    show = page.locator(".dv-show")
    assert show.is_visible() and show.get_attribute("role") == "dialog"
    assert show.get_attribute("data-dv-slide") == "1" and "Điều 1" in page.locator(".dv-show-stage").inner_text()
    page.keyboard.press("ArrowRight")
    assert show.get_attribute("data-dv-slide") == "2"
    page.keyboard.press("End")
    assert show.get_attribute("data-dv-slide") == "4"
    stage = page.locator(".dv-show-stage").inner_text()
    assert "Điều 5" in stage and "Lập kế hoạch thử nghiệm hằng năm" in stage
    assert float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('.dv-show-stage p')).fontSize)")) >= 28
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "teach-presentation.png"))
    page.keyboard.press("ArrowLeft")
    assert show.get_attribute("data-dv-slide") == "3"
    page.keyboard.press("Escape")
    assert page.locator(".dv-show").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('dv-present')")
    assert errors == []
    ctx.close()
