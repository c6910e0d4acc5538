"""The "Tìm hiểu" pages: hand-written Markdown in docs/tim-hieu/ and the glossary made from the corpus.

One site is built from the two seeds plus an invented Quyết định whose annexed Quy chế has a "Giải thích từ
ngữ" article (tests/data/glossary/), one from that invented text alone (the pages about the seeds are then
withheld). The built HTML is parsed: every link of the knowledge pages must reach an existing page and id."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import CORPUS, IN_CI, ROOT
from sitebuild_helpers import scan
from danvan import glossary
from danvan.render import knowledge
from danvan.render.glossary import render_glossary

DOCS = ROOT / "docs"
FIXTURE = Path(__file__).resolve().parent / "data" / "glossary"
HANDWRITTEN = ("gioi-thieu.html", "doc-van-ban.html", "huong-dan.html")
SEED_PAGES = {"binh-thuan": "binh-thuan-quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri.html",
              "dong-nai": "dong-nai-03-qc-bdvtu-bcsdubnd-2021.html"}


def _build(tmp: Path, corpora: list[Path]) -> Path:
    from danvan.site import build_site
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True)
    for c in corpora:
        shutil.copytree(c, corpus / c.name)
    out = tmp / "site"
    report = build_site(str(corpus), str(out), quiet=True)
    assert report.errors == []
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("kn"), [CORPUS / "binh-thuan", CORPUS / "dong-nai", FIXTURE])


@pytest.fixture(scope="module")
def site_without_seeds(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("kn-noseed"), [FIXTURE])


def _links(page: Path):
    """(href, target file, fragment) of every link of a page that stays on the site."""
    for tag, attr, url in scan(page).links:
        parts = urlsplit(url)
        if tag != "a" or parts.scheme or parts.netloc:
            continue
        target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
        yield url, target, unquote(parts.fragment)


def _broken(site: Path, pages) -> list[str]:
    ids: dict[Path, set] = {}
    problems = []
    for page in pages:
        for url, target, frag in _links(page):
            if not target.is_relative_to(site.resolve()) or not target.is_file():
                problems.append(f"{page.name}: {url} -> no page")
            elif frag:
                if target not in ids:
                    ids[target] = scan(target).ids
                if frag not in ids[target]:
                    problems.append(f"{page.name}: {url} -> no id {frag!r}")
    return problems


# ---------------------------------------------------------------------------------------------
# The pages build, appear in the navigation, and every link of theirs resolves
# ---------------------------------------------------------------------------------------------

def test_pages_build_with_their_titles(site):
    for name, title in [("gioi-thieu.html", "Giới thiệu"), ("doc-van-ban.html", "Cách đọc một văn bản"),
                        ("huong-dan.html", "Hướng dẫn sử dụng trang"), ("thuat-ngu.html", "Thuật ngữ")]:
        html = (site / "tim-hieu" / name).read_text(encoding="utf-8")
        assert re.search(rf"<h1[^>]*>{re.escape(title)}", html), name
        assert f"<title>{title} - " in html


def test_developer_documentation_is_not_published(site):
    assert sorted(p.name for p in (site / "tim-hieu").glob("*")) == [
        "doc-van-ban.html", "gioi-thieu.html", "huong-dan.html", "thuat-ngu.html"]
    published = {p.stem for p in site.rglob("*.html")}
    for name in ("corpus", "json-export", "search-index", "site"):
        assert (ROOT / "devdocs" / f"{name}.md").is_file() and not (DOCS / f"{name}.md").exists()
        assert name not in published


def test_navigation_has_the_section_after_home(site):
    for page in [site / "index.html", site / "tim-hieu" / "thuat-ngu.html", site / "van-ban" / SEED_PAGES["dong-nai"]]:
        html = page.read_text(encoding="utf-8")
        nav = html[html.index('class="md-nav md-nav--primary"'):]
        labels = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)
        assert labels.index("Tìm hiểu") == labels.index("Trang chủ") + 1, labels[:8]
        i = labels.index("Tìm hiểu")
        assert labels[i + 1:i + 5] == ["Giới thiệu", "Cách đọc một văn bản", "Hướng dẫn sử dụng trang", "Thuật ngữ"]


def test_every_link_of_the_knowledge_pages_resolves(site):
    pages = sorted((site / "tim-hieu").glob("*.html"))
    assert len(pages) == 4
    assert _broken(site, pages) == []
    # the hand-written pages link into the documents, to the provision: dozens of anchored links
    to_docs = [(p.name, url) for p in pages if p.name in HANDWRITTEN for url, t, frag in _links(p)
               if "/van-ban/" in url and frag]
    assert len(to_docs) >= 50


def test_each_claim_of_the_introduction_links_to_a_provision(site):
    """Every list item and table row of the introduction's body names its source: a link to a document page."""
    html = (site / "tim-hieu" / "gioi-thieu.html").read_text(encoding="utf-8")
    body = html[html.index('id="van-ban"'):html.index("Xem thêm:")]
    items = re.findall(r"<li>(.*?)</li>", body, re.S) + re.findall(r"<tr>(.*?)</tr>", body, re.S)[1:]
    assert len(items) >= 15
    assert [i for i in items if 'href="../van-ban/' not in i] == []


def test_handwritten_markdown_holds_no_raw_html():
    """The pages are plain Markdown (HTML comments for editors aside): nothing in them is markup."""
    pages = sorted((DOCS / "tim-hieu").glob("*.md"))
    assert [p.name for p in pages] == ["doc-van-ban.md", "gioi-thieu.md", "huong-dan.md"]
    for p in pages:
        text = re.sub(r"<!--.*?-->", "", p.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"<[a-zA-Z/!]", text), p.name
        assert knowledge.page_title(f"tim-hieu/{p.name}", p.read_text(encoding="utf-8")) != p.stem
        # a link between pages names the page's source (.md), which MkDocs checks and rewrites; a link to the
        # built .html is not checked and MkDocs warns about it
        for target in re.findall(r"\]\(([^)\s#]+)", text):
            assert not target.endswith(".html") or "://" in target, (p.name, target)


# ---------------------------------------------------------------------------------------------
# The glossary
# ---------------------------------------------------------------------------------------------

def _glossary_entries(page: Path) -> dict[str, str]:
    html = page.read_text(encoding="utf-8")
    return {re.sub(r"<[^>]+>", "", t).strip(): dd for t, dd in
            re.findall(r"<dt[^>]*>(.*?)</dt>\s*(.*?)(?=<dt|</dl>)", html, re.S)}


def test_glossary_lists_structure_terms_with_seed_examples(site):
    entries = _glossary_entries(site / "tim-hieu" / "thuat-ngu.html")
    for t in glossary.rules()["structure_terms"]["terms"]:
        assert t["term"] in entries, t["term"]
        assert f'href="doc-van-ban.html#{t["guide"]}"' in entries[t["term"]]
    bt, dn = SEED_PAGES["binh-thuan"], SEED_PAGES["dong-nai"]
    expected = {"Chương": f"../van-ban/{bt}#chuong-1", "Mục": f"../van-ban/{bt}#chuong-2-muc-1",
                "Điều": f"../van-ban/{bt}#dieu-1", "khoản": f"../van-ban/{bt}#dieu-4-khoan-1",
                "điểm": f"../van-ban/{bt}#dieu-6-khoan-2-diem-2-1", "căn cứ": f"../van-ban/{bt}",
                "T/M, TM. (thay mặt)": f"../van-ban/{bt}", "số, ký hiệu": f"../van-ban/{dn}",
                # only the invented Quyết định has these
                "K/T, KT. (ký thay)": "../van-ban/thu-nghiem-", "văn bản kèm theo": "../van-ban/thu-nghiem-"}
    for term, href in expected.items():
        assert f'href="{href}' in entries[term], (term, entries[term])
    assert "Ví dụ" not in entries["Phần"]            # no Phần anywhere in this corpus: no example


def test_glossary_lists_defined_terms_with_their_provision(site):
    page = site / "tim-hieu" / "thuat-ngu.html"
    entries = _glossary_entries(page)
    doc = next(p.name for p in (site / "van-ban").glob("thu-nghiem-*.html"))
    for term, anchor in [("Tổ vận động", "qc-dieu-2-khoan-1"), ("Buổi gặp mặt", "qc-dieu-2-khoan-2"),
                         ("Người có uy tín", "qc-dieu-2-khoan-3"), ("Hình thức vận động", "qc-dieu-2-khoan-4"),
                         ("Sổ theo dõi", "qc-dieu-2-khoan-5-diem-a"), ("Sổ ý kiến", "qc-dieu-2-khoan-5-diem-b")]:
        assert f'href="../van-ban/{doc}#{anchor}"' in entries[term], term
    assert "nhóm người được thôn cử để gặp gỡ người dân." in entries["Tổ vận động"]
    assert "<li>Gặp mặt tại nhà;</li>" in entries["Hình thức vận động"]
    html = page.read_text(encoding="utf-8")
    assert "6 từ ngữ, lấy từ 1 trong số 3 văn bản" in html
    # in dictionary order, under their letters
    order = [t for t in entries if t in ("Buổi gặp mặt", "Hình thức vận động", "Người có uy tín", "Sổ theo dõi",
                                         "Sổ ý kiến", "Tổ vận động")]
    assert order == ["Buổi gặp mặt", "Hình thức vận động", "Người có uy tín", "Sổ theo dõi", "Sổ ý kiến",
                     "Tổ vận động"]
    assert re.findall(r'<section class="dv-gl-letter" id="([^"]+)">\s*<h3>(\w)</h3>', html) == [
        ("chu-b", "B"), ("chu-h", "H"), ("chu-n", "N"), ("chu-s", "S"), ("chu-t", "T")]


def test_glossary_shows_corpus_text_as_text():
    from danvan.model import Document, Node
    evil = "<script>alert(1)</script> **x** {{ config }}"
    art = Node(kind="article", num="2", title="Giải thích từ ngữ", anchor="dieu-2", children=[
        Node(kind="clause", num="1", anchor="dieu-2-khoan-1", text=f"Thẻ <b>đỏ</b> là {evil}")])
    doc = Document(id="thu", url="van-ban/thu.html", title=f"Quy chế {evil}", type="Quy chế", number=None,
                   date=None, place=None, locality=None, level=None, body=[art])
    html = render_glossary([doc])
    assert "<script>" not in html and "<b>" not in html and "{{" not in html and "**" not in html
    assert "Thẻ &lt;b&gt;đỏ&lt;/b&gt;" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\n\n" not in html.split("---\n", 2)[2].strip()   # one raw HTML block for Markdown


def test_pages_about_absent_documents_cite_them_as_text(site_without_seeds):
    """A copy with other documents still gets the introduction and the reading guide: links to the absent seeds
    are text that cites them (knowledge_links), and no link of the section is broken."""
    site = site_without_seeds
    assert sorted(p.name for p in (site / "tim-hieu").glob("*.html")) == [
        "doc-van-ban.html", "gioi-thieu.html", "huong-dan.html", "thuat-ngu.html"]
    assert _broken(site, sorted((site / "tim-hieu").glob("*.html"))) == []
    intro = (site / "tim-hieu" / "gioi-thieu.html").read_text(encoding="utf-8")
    assert "binh-thuan-quy-che" not in intro and "dong-nai-03" not in intro          # no link to an absent page
    text = " ".join(re.sub(r"<[^>]+>", " ", intro).split())
    assert ("khoản 1 Điều 5 Quy chế công tác dân vận của hệ thống chính trị tỉnh Bình Thuận do Ban Thường vụ Tỉnh "
            "ủy Bình Thuận ban hành") in text
    assert "Điều 1 Quy chế số 03-QC/BDVTU-BCSDUBND ngày 05/11/2021" in text
    html = (site / "tim-hieu" / "thuat-ngu.html").read_text(encoding="utf-8")
    assert "doc-van-ban.html" in html and "Tổ vận động" in html


@pytest.mark.parametrize("pages, present, withheld", [
    ({"tim-hieu/a.md": "Xem [Điều 1](../van-ban/co.md#dieu-1)."}, {"co"}, []),
    ({"tim-hieu/a.md": "Xem [Điều 1][d1].\n\n[d1]: ../van-ban/khong-co.md#dieu-1\n"}, {"co"}, ["tim-hieu/a.md"]),
    ({"tim-hieu/a.md": "[x](../van-ban/khong-co.html)", "tim-hieu/b.md": "Xem [a](a.md#muc).",
      "tim-hieu/c.md": "[Trang chủ](../index.md) · [d](d.md)", "tim-hieu/d.md": "Không dẫn đi đâu."},
     set(), ["tim-hieu/a.md", "tim-hieu/b.md"]),
])
def test_withheld_pages_rule(pages, present, withheld):
    assert sorted(knowledge.withheld_pages(pages, present)) == withheld


def test_navigation_order_and_titles():
    nav = knowledge.knowledge_nav({"tim-hieu/huong-dan.md": "---\ntitle: Hướng dẫn\n---\n# X\n",
                                   "tim-hieu/zz-them.md": "# Trang thêm <b>\n", "tim-hieu/gioi-thieu.md": "",
                                   "khac/ngoai.md": "# Ngoài mục"})
    assert nav == {"Tìm hiểu": [{"gioi-thieu": "tim-hieu/gioi-thieu.md"}, {"Hướng dẫn": "tim-hieu/huong-dan.md"},
                                {"Thuật ngữ": "tim-hieu/thuat-ngu.md"}, {"Trang thêm ‹b›": "tim-hieu/zz-them.md"}]}


# ---------------------------------------------------------------------------------------------
# In a browser, from file://, on a phone
# ---------------------------------------------------------------------------------------------

# Run in its own process: the browser tests of other modules keep a Playwright session open in this one, and
# Playwright's sync API refuses a second session in the same process.
_PHONE_CHECK = r"""
import json, sys
from playwright.sync_api import sync_playwright
site, shots = sys.argv[1], sys.argv[2]
out = {}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                          args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
    ctx = b.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    for name in ("thuat-ngu", "gioi-thieu"):
        page = ctx.new_page()
        res = out[name] = {"requests": [], "errors": []}
        page.on("request", lambda r, res=res: res["requests"].append(r.url))
        page.on("pageerror", lambda e, res=res: res["errors"].append(str(e)))
        page.goto(f"file://{site}/tim-hieu/{name}.html", wait_until="load")
        res["width"] = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=f"{shots}/knowledge-{name}-390.png", full_page=True)
        if name == "thuat-ngu":      # a glossary link opens the provision
            page.click("text=khoản 1 Điều 2 Quy chế")
            page.wait_for_load_state("load")
            res["followed"] = page.url
            res["target_found"] = page.evaluate("document.getElementById('qc-dieu-2-khoan-1') !== null")
    b.close()
print(json.dumps(out))
"""


@pytest.mark.browser
def test_glossary_and_introduction_on_a_phone_from_file(site):
    import json
    import os
    import subprocess
    import sys
    try:
        import playwright  # noqa: F401
    except Exception as e:  # pragma: no cover - depends on the machine
        pytest.fail(f"CI: playwright missing ({e})") if IN_CI else pytest.skip(f"playwright missing ({e})")
    if not Path("/usr/bin/chromium").exists():
        pytest.fail("CI: /usr/bin/chromium missing") if IN_CI else pytest.skip("/usr/bin/chromium missing")
    shots = Path(os.environ.get("DANVAN_SHOTS", "/tmp/shots"))
    shots.mkdir(parents=True, exist_ok=True)
    r = subprocess.run([sys.executable, "-c", _PHONE_CHECK, str(site.resolve()), str(shots)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    for name, got in res.items():
        assert [u for u in got["requests"] if not u.startswith(("file:", "data:", "blob:", "about:"))] == [], name
        assert got["errors"] == [], name
        assert got["width"] <= 390, name          # no sideways scrolling on a phone
        assert (shots / f"knowledge-{name}-390.png").stat().st_size > 10_000
    assert res["thuat-ngu"]["followed"].endswith("#qc-dieu-2-khoan-1") and res["thuat-ngu"]["target_found"]


# ---------------------------------------------------------------------------------------------
# A copy without the seeds: links to absent documents become text that cites them
# ---------------------------------------------------------------------------------------------

from danvan.render import knowledge_links  # noqa: E402

_CITED = ('Xem [khoản 2 Điều 19][bt-k] và [căn cứ][bt], [Quy chế Bình Thuận][bt], [Điều 1](../van-ban/co.md#dieu-1).\n\n'
          '[bt]: ../van-ban/bt.md\n  "Quy chế công tác dân vận tỉnh X do Ban Thường vụ ban hành"\n'
          '[bt-k]: ../van-ban/bt.md#dieu-19-khoan-2\n')


@pytest.mark.parametrize("md, present, want", [
    (_CITED, {"co", "bt"}, _CITED),                                                       # all there: links
    (_CITED, {"co"}, 'Xem khoản 2 Điều 19 Quy chế công tác dân vận tỉnh X do Ban Thường vụ ban hành và căn cứ '
                     '(Quy chế công tác dân vận tỉnh X do Ban Thường vụ ban hành), Quy chế Bình Thuận, '
                     '[Điều 1](../van-ban/co.md#dieu-1).'),
    ("[Điều 2](../van-ban/bt.md#dieu-2)\n\n[bt]: ../van-ban/bt.md \"Quy chế Y\"\n", set(), "Điều 2 Quy chế Y"),
])
def test_links_to_absent_documents_become_citations(md, present, want):
    got = knowledge_links.cite_absent_documents(md, present)
    assert got.split("\n\n")[0] == want.split("\n\n")[0]


def test_a_page_that_does_not_write_the_citation_is_still_withheld():
    md = "Xem [Điều 1][d1].\n\n[d1]: ../van-ban/khong-co.md#dieu-1\n"
    assert knowledge_links.absent_without_citation(md, set()) == ["khong-co"]
    assert knowledge_links.absent_without_citation(_CITED, {"co"}) == []
