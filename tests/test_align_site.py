"""The alignment on the site: the compare page of each (provincial, central) pair, the note under each provincial
article, the coverage table under each central article, the panel of a document page, and the honest state of
the seed Bình Thuận Quy chế, whose central text (23-QĐ/TW) is not in the corpus — until it is. One site build for
the module (seeds + the invented fixture pair + an invented 23-QĐ/TW); a browser looks at the compare page over
file:// at 390 px and 1366 px (screenshots in /tmp/shots/)."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from sitebuild_helpers import PageScan, built_site, scan

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHOTS = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
BT = "binh-thuan-quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri"
PROV, CENTRAL = "hoa-an-77-qc-tu-2024", "901-qc-tw-2024"
COMPARE = f"doi-chieu/{PROV}--{CENTRAL}.html"
HONEST = ("Văn bản trung ương Quyết định số 23-QĐ/TW (năm 2021) được dẫn chiếu nhưng toàn văn chưa có trong bộ "
          "văn bản nên chưa thể đối chiếu.")


@pytest.fixture(scope="module")
def site():
    from danvan.site import build_site
    tmp = Path(tempfile.mkdtemp(prefix="danvan-align-site-"))
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    shutil.copytree(DATA / "align", corpus / "hoa-an")
    shutil.copy(DATA / "align_23" / "quyet-dinh-23-qd-tw-bia.txt", corpus / "23.txt")
    report = build_site(str(corpus), str(tmp / "site"), quiet=True)
    assert report.errors == []
    yield tmp / "site"
    shutil.rmtree(tmp, True)


def _text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _block(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index('<article class="dv-doc'):html.index("</article>")]


# --- seeds only: the honest state ------------------------------------------------------------------------------------
def test_seed_site_says_23_qd_tw_is_cited_but_not_there():
    site = built_site()["site"]
    assert not (site / "doi-chieu").exists()
    assert HONEST in _text(site / "van-ban" / f"{BT}.html")
    # Đồng Nai's Quy chế phối hợp says "Thực hiện Quyết định số 23-QĐ/TW": the same honest note
    assert HONEST in _text(site / "van-ban" / "dong-nai-03-qc-bdvtu-bcsdubnd-2021.html")
    assert "Tương ứng:" not in _text(site / "van-ban" / f"{BT}.html")


# --- with the central texts ---------------------------------------------------------------------------------------------
def test_the_honest_note_gives_way_to_the_alignment(site):
    text = _text(site / "van-ban" / f"{BT}.html")
    assert "chưa có trong bộ văn bản" not in text
    assert "Văn bản này thực hiện Quyết định 23-QĐ/TW" in text
    assert (site / "doi-chieu" / f"{BT}--23-qd-tw-2021.html").is_file()
    assert "Tương ứng: Điều 3 Quy chế kèm theo Quyết định 23-QĐ/TW , điều chỉnh" in text     # Bình Thuận's Điều 5


def test_compare_page_rows_classes_and_differences(site):
    page = site / COMPARE
    block = _block(page)
    rows = re.findall(r'<section class="dv-al-row dv-al-row-([a-z-]+)"(?: id="([a-z0-9-]+)")?>', block)
    assert rows == [("giu-nguyen", "dieu-1"), ("dieu-chinh", "dieu-2"), ("dieu-chinh", "dieu-3"),
                    ("dieu-chinh", "dieu-4"), ("dieu-chinh", "dieu-5"), ("khong-tuong-ung", "tw-dieu-6"),
                    ("bo-sung", "dieu-6")]
    assert "<ins>tỉnh Hòa An</ins>" in block
    assert "<del>sáu tháng</del>" in block and "<ins>hằng quý</ins>" in block
    assert block.count("đổi vị trí so với văn bản trung ương") == 1
    for name in ("giữ nguyên", "điều chỉnh", "bổ sung", "không có tương ứng"):
        assert f">{name}</span>" in block
    assert "\n\n" not in block


def test_compare_page_links_reach_both_texts(site):
    s = PageScan()
    s.feed(_block(site / COMPARE))       # the page's own links, not the site navigation
    targets = [v for _, k, v in s.links if k == "href" and v.startswith("../van-ban/")]
    assert targets
    for href in targets:
        path, _, frag = href.partition("#")
        target = (site / "doi-chieu" / path).resolve()
        assert target.is_file(), href
        if frag:
            assert frag in scan(target).ids, href
    assert {h.split("#")[0] for h in targets} == {f"../van-ban/{PROV}.html", f"../van-ban/{CENTRAL}.html"}


def test_provincial_articles_link_to_their_central_counterparts(site):
    page = site / "van-ban" / f"{PROV}.html"
    text = _text(page)
    assert "Tương ứng: Điều 5 Quy chế 901-QC/TW , điều chỉnh đổi vị trí" in text        # Điều 3
    assert "Tương ứng: Điều 1 Quy chế 901-QC/TW , giữ nguyên" in text
    assert "Điều bổ sung , không có tương ứng trong Quy chế 901-QC/TW bổ sung" in text
    assert text.count("So sánh") == 6
    hrefs = [v for _, k, v in scan(page).links if k == "href" and v.startswith("../doi-chieu/")]
    assert f"../{COMPARE}#dieu-3" in hrefs
    for h in hrefs:
        path, _, frag = h.partition("#")
        assert (site / "van-ban" / path).resolve().is_file()
        if frag:
            assert frag in scan((site / "van-ban" / path).resolve()).ids


def test_central_articles_show_their_coverage(site):
    block = _block(site / "van-ban" / f"{CENTRAL}.html")
    tables = re.findall(r'<section class="dv-node dv-article" id="(dieu-\d+)">(.*?)</section>', block, re.S)
    cover = {aid: re.sub(r"<[^>]+>", " ", body) for aid, body in tables}
    assert set(cover) == {f"dieu-{k}" for k in range(1, 7)}
    assert all("Văn bản địa phương thực hiện điều này" in c for c in cover.values())
    assert " ".join(cover["dieu-5"].split()).count("Điều 3 điều chỉnh") == 1
    assert "không có tương ứng" in cover["dieu-6"] and "—" in cover["dieu-6"]
    assert "Quy chế 77-QC/TU (Hòa An) thực hiện văn bản này" in _text(site / "van-ban" / f"{CENTRAL}.html")


def test_corpus_text_stays_text_on_the_compare_page(tmp_path):
    from danvan.corpus import load_corpus
    from danvan.render import render_site
    shutil.copytree(DATA / "align", tmp_path / "c")
    p = tmp_path / "c" / "tinh-quy-che-phoi-hop.txt"
    p.write_text(p.read_text(encoding="utf-8").replace("kịp thời báo cáo", "<script>alert(1)</script> {{ config }} báo cáo"),
                 encoding="utf-8")
    pages = render_site(load_corpus(tmp_path / "c").documents, [], {})
    page = pages[f"doi-chieu/{PROV}--{CENTRAL}.md"]
    assert "<script" not in page and "{{" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- in a browser ---------------------------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_compare_page_in_a_browser(browser, site, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / COMPARE).as_uri() + "#dieu-3")
    page.wait_for_load_state("load")
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:", "blob:"))] == []
    # no sideways scroll: nothing of the page's content reaches past the window
    overhang = page.evaluate("""() => [...document.querySelectorAll('.dv-al-page *')]
        .filter(el => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map(el => el.tagName + '.' + el.className)""")
    assert overhang == []
    assert page.locator(".md-main").evaluate("el => el.scrollWidth <= el.clientWidth")
    # the two columns of a row: side by side on a wide screen, stacked on a phone
    cols = page.locator("#dieu-3 .dv-al-col")
    a, b = cols.nth(0).bounding_box(), cols.nth(1).bounding_box()
    if width < 700:
        assert abs(a["x"] - b["x"]) < 1 and b["y"] >= a["y"] + a["height"] - 1
    else:
        assert b["x"] >= a["x"] + a["width"] and abs(a["y"] - b["y"]) < 1
    # the differences are marked, and read as the texts
    assert page.locator("#dieu-3 del").first.inner_text() == "sáu tháng"
    assert page.locator("#dieu-3 ins").first.inner_text() == "hằng quý"
    assert page.locator("#dieu-3 .dv-al-col").nth(1).inner_text().count("Các cơ quan phối hợp gửi báo cáo định kỳ hằng quý") == 1
    page.screenshot(path=str(SHOTS / f"align-compare-{width}.png"), full_page=True)
    page.close()
