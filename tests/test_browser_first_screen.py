"""Điều 1 on the first screen, and what the lighter pages still do, in Chromium at 390 and 1366 px, over http and
file://. An invented Quyết định with a long preamble (four căn cứ, a đề nghị) and provisions that cite each other:
* on a phone the preamble folds under "Căn cứ ban hành (4 căn cứ, 1 đề nghị)" (render/fold.py), its text still in
  the page; a link to one of its lines opens it; it prints whole; on a wide screen it is open;
* the panels above the text take one line each when collapsed;
* a citation of a provision of the same page previews that provision's text, read from the page (the build no
  longer writes it twice);
* the page's Word file (made in the browser) holds the folded preamble."""
from __future__ import annotations


import pytest

from conftest import require_browser
from sitebuild_helpers import serving
from teach_fixture import site_config

pytestmark = pytest.mark.browser
require_browser()

BASES = [f"Căn cứ Nghị định số {n}/2020/NĐ-CP ngày 0{n} tháng 3 năm 2020 của Chính phủ quy định việc thử nghiệm "
         f"thứ {n} trên địa bàn tỉnh An Lạc, gồm các nội dung về tổ chức, phối hợp và báo cáo kết quả thử;"
         for n in range(1, 5)]
PROPOSAL = "Theo đề nghị của Giám đốc Sở Thử nghiệm tại Tờ trình số 9/TTr-STN ngày 02 tháng 4 năm 2021."
CLAUSE_2 = "Cơ quan thứ hai báo cáo kết quả thử nghiệm hằng quý cho Ủy ban nhân dân tỉnh."
DOC = "\n".join([
    "ỦY BAN NHÂN DÂN", "TỈNH AN LẠC", "", "Số: 12/2021/QĐ-UBND", "",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
    "An Lạc, ngày 05 tháng 4 năm 2021", "", "QUYẾT ĐỊNH", "Về việc thử nghiệm gấp", "",
    "ỦY BAN NHÂN DÂN TỈNH AN LẠC", "", *BASES, PROPOSAL, "", "QUYẾT ĐỊNH:", "",
    "Điều 1. Phạm vi", "Quyết định này quy định việc thử nghiệm theo khoản 2 Điều 2 Quyết định này.", "",
    "Điều 2. Trách nhiệm", "1. Cơ quan thứ nhất thực hiện việc thử.", f"2. {CLAUSE_2}", "",
    "Điều 3. Hiệu lực", "Quyết định này có hiệu lực từ ngày ký.", "",
    "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn B", ""])
SUMMARY = "Căn cứ ban hành (1 đoạn, 4 căn cứ, 1 đề nghị)"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from danvan.corpus import load_corpus
    from danvan.site import build_site
    root = tmp_path_factory.mktemp("first-screen")
    (root / "corpus").mkdir()
    (root / "corpus" / "qd-12.txt").write_text(DOC, encoding="utf-8")
    out = root / "site"
    build_site(str(root / "corpus"), str(out), quiet=True, config=site_config(root, None))
    doc = load_corpus(str(root / "corpus")).documents[0]
    with serving(out) as url:
        yield {"http": url, "file": out.resolve().as_uri(), "page": f"van-ban/{doc.id}.html", "doc": doc}


def _open(browser, site, scheme, width, fragment="", media="screen"):
    ctx = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900}, locale="vi-VN")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.emulate_media(media=media)
    page.goto(f"{site[scheme]}/{site['page']}{fragment}")
    page.wait_for_load_state("load")
    return ctx, page, errors


def _top(page, sel):
    return page.evaluate("(s) => document.querySelector(s).getBoundingClientRect().top + scrollY", sel)


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_phone_folds_the_preamble_and_keeps_its_text(browser, site, scheme):
    ctx, page, errors = _open(browser, site, scheme, 390)
    fold = page.locator("details.dv-pre-fold")
    assert fold.count() == 1 and fold.get_attribute("open") is None
    assert page.locator("details.dv-pre-fold > summary").inner_text() == SUMMARY
    assert not page.locator("#loi-dan-doan-2").is_visible()
    text = fold.text_content()
    for line in BASES + [PROPOSAL]:
        assert " ".join(line.split()) in " ".join(text.split())          # in the page, found by find-in-page
    assert page.locator(".dv-pre-enacting").is_visible()                 # "QUYẾT ĐỊNH:" stays
    assert _top(page, "#dieu-1") < 844                                   # on the first screen of a phone
    # the collapsed panels: one line each
    for sel in ("details.dv-meta > summary", ".dv-toc details > summary"):
        box = page.locator(sel).bounding_box()
        assert box and box["height"] < 30, (sel, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # opening it shows every line; the summary toggles it back
    page.locator("details.dv-pre-fold > summary").click()
    assert page.locator("#loi-dan-doan-2").is_visible()
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_link_into_the_preamble_opens_it(browser, site, scheme):
    ctx, page, errors = _open(browser, site, scheme, 390, "#loi-dan-doan-3")
    assert page.locator("details.dv-pre-fold").get_attribute("open") is not None
    assert page.locator("#loi-dan-doan-3").is_visible()
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_print_shows_the_whole_preamble(browser, site, width):
    ctx, page, errors = _open(browser, site, "file", width)
    assert (page.locator("details.dv-pre-fold").get_attribute("open") is None) == (width < 720)
    page.emulate_media(media="print")                    # CSS alone prints it whole, folded or not
    for i in range(2, 7):
        assert page.locator(f"#loi-dan-doan-{i}").is_visible(), i
    assert not page.locator("details.dv-pre-fold > summary").is_visible()
    # and through the print events (browsers without ::details-content): opened, then closed again on a phone
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.dv-pre-fold").get_attribute("open") is not None
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert (page.locator("details.dv-pre-fold").get_attribute("open") is None) == (width < 720)
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_wide_screen_reads_the_preamble_open(browser, site, scheme):
    ctx, page, errors = _open(browser, site, scheme, 1366)
    assert page.locator("details.dv-pre-fold").get_attribute("open") is not None
    assert page.locator("#loi-dan-doan-2").is_visible() and page.locator("#loi-dan-doan-6").is_visible()
    assert not page.locator("details.dv-pre-fold > summary").is_visible()
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_same_page_citation_previews_the_text_from_the_page(browser, site, scheme, width):
    ctx, page, errors = _open(browser, site, scheme, width)
    link = page.locator('#dieu-1 a.dv-xref[href="#dieu-2-khoan-2"]')
    assert link.count() == 1
    assert link.get_attribute("data-dv-preview") is None and link.get_attribute("data-dv-preview-head") == "khoản 2"
    link.hover()
    box = page.locator("#dv-xref-preview")
    box.wait_for(state="visible", timeout=2000)
    assert box.locator(".dv-xref-preview-head").inner_text() == "khoản 2"
    assert box.locator(".dv-xref-preview-text").inner_text() == f"2. {CLAUSE_2}"
    assert errors == []
    ctx.close()


def test_word_file_holds_the_folded_preamble(browser, site, tmp_path):
    import docx
    ctx, page, errors = _open(browser, site, "file", 390)
    with page.expect_download() as dl:
        page.locator(".dv-teach .dv-docx").click()
    path = tmp_path / "qd.docx"
    dl.value.save_as(path)
    paras = [p.text for p in docx.Document(str(path)).paragraphs]
    for line in BASES + [PROPOSAL, "QUYẾT ĐỊNH:", f"2. {CLAUSE_2}", "Nguyễn Văn B"]:
        assert line in paras, line
    assert SUMMARY not in paras                          # the summary is the site's, not the document's
    assert errors == []
    ctx.close()


@pytest.mark.parametrize("width", [390, 1366])
def test_slides_and_printouts_carry_the_text_not_the_site_additions(browser, site, width):
    """Topic tags, cited-by lists and alignment notes are the site's, not the document's: a slide and a printed
    article show the text alone."""
    ctx, page, errors = _open(browser, site, "file", width)
    added = page.locator(".dv-doc .dv-article .dv-topic-tags, .dv-doc .dv-article .dv-xref-by")
    assert added.count() > 0                               # the page has some to leave out
    host = page.evaluate("""() => { const e = document.querySelector('.dv-doc .dv-article .dv-topic-tags,'
                                    + ' .dv-doc .dv-article .dv-xref-by'); return e.closest('.dv-article').id; }""")
    page.locator(".dv-teach .dv-present").click()
    n = page.evaluate("(id) => [...document.querySelectorAll('.dv-doc .dv-article')].findIndex(a => a.id === id)", host)
    for _ in range(n):
        page.keyboard.press("ArrowRight")
    stage = page.locator(".dv-show-stage")
    assert stage.locator(".dv-article-title").count() == 1
    assert stage.locator(".dv-topic-tags, .dv-xref-by, .dv-tools").count() == 0
    page.keyboard.press("Escape")
    assert page.evaluate(f"danvan.preparePrint('{host}')") is True
    assert page.locator("#dv-print-one .dv-topic-tags, #dv-print-one .dv-xref-by").count() == 0
    assert page.locator("#dv-print-one .dv-print-source").count() == 1
    assert errors == []
    ctx.close()
