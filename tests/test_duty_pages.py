"""Responsibility and topic pages from the seeds: paths, links to clause anchors, calendar, matrix, comparison,
downloads; corpus text stays text."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from danvan import render
from danvan.parse import parse


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("href"):
            self.hrefs.append(a["href"])
        if a.get("id"):
            self.ids.add(a["id"])


def scan(page: str) -> Links:
    p = Links()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def pages(seed_docs):
    docs = list(seed_docs.values())
    return render.render_site(docs, [], {}), render.site_files(docs)


def _resolve(from_md: str, href: str) -> tuple[str, str]:
    import posixpath
    path, _, frag = href.partition("#")
    if not path:
        return from_md, frag
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_md), path))
    return target[:-5] + ".md" if target.endswith(".html") else target, frag


def test_every_link_of_the_new_pages_lands(pages):
    site, files = pages
    ours = [p for p in site if p.startswith(("co-quan/", "chu-de/"))]
    assert "co-quan/binh-thuan/ban-dan-van-tinh-uy.md" in ours and "co-quan/dong-nai/ban-dan-van-tinh-uy.md" in ours
    ids = {p: scan(site[p]).ids for p in site}
    checked = 0
    for p in ours:
        for href in scan(site[p]).hrefs:
            target, frag = _resolve(p, href)
            assert target in site or target in files, (p, href)
            if frag and target in site:
                assert frag in ids[target], (p, href)
                checked += 1
    assert checked > 100


def test_agency_page_groups_by_document_and_names_the_centre(pages):
    site, _ = pages
    page = site["co-quan/dong-nai/ban-dan-van-tinh-uy.md"]
    assert "Ban Dân vận Tỉnh ủy (Đồng Nai)" in page
    assert "Ban Dân vận Trung ương" in page and "Ban Tuyên giáo và Dân vận Trung ương" in page
    assert page.count('class="dv-duty-doc-group"') == 1
    assert "dieu-4-khoan-2-diem-2-4" in page                 # Tổ chức kiểm tra, giám sát …
    assert "Ban Cán sự đảng Ủy ban nhân dân tỉnh" in page      # a counterpart
    assert 'id="bao-cao"' in page and "Tháng 12 hằng năm" in page


def test_calendar_compare_matrix(pages):
    site, _ = pages
    cal = site["co-quan/lich-bao-cao.md"]
    dec = cal.split('id="ky-thang-12"', 1)[1].split("</section>", 1)[0]
    assert "dieu-5-khoan-2" in dec and "Ban Cán sự đảng Ủy ban nhân dân tỉnh (Đồng Nai)" in dec
    monthly = cal.split('id="ky-hang-thang"', 1)[1].split("</section>", 1)[0]
    assert monthly.count('class="dv-duty"') == 2             # Bình Thuận 18.2 (one entry, six bodies), Đồng Nai 1.7
    cmp = site["co-quan/so-sanh.md"]
    fam = cmp.split("<h2>Ban Dân vận</h2>", 1)[1].split("</section>", 1)[0]
    assert "Bình Thuận" in fam and "Đồng Nai" in fam and "Trung ương: Ban Dân vận Trung ương" in fam
    mat = site["co-quan/ma-tran.md"]
    assert mat.count("<tr>") == 1 + len([p for p in site if re.fullmatch(r"co-quan/[a-z0-9-]+/[a-z0-9-]+\.md", p)])


def test_downloads(pages):
    _, files = pages
    raw = files["tai-ve/nhiem-vu.csv"].encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    j = json.loads(files["tai-ve/nhiem-vu.json"])
    assert len(rows) == len(j["duties"]) > 150
    assert any(r["Cơ quan chịu trách nhiệm"] == "Ban Cán sự đảng Ủy ban nhân dân tỉnh" and r["Định kỳ"] ==
               "Hằng tháng; Hằng quý; 6 tháng; 9 tháng; Hằng năm" for r in rows)


def test_topic_pages_and_tags(pages):
    site, _ = pages
    t = site["chu-de/dan-van-kheo.md"]
    assert "dieu-3-khoan-3" in t and "dieu-17-khoan-2" in t
    doc = site["van-ban/dong-nai-03-qc-bdvtu-bcsdubnd-2021.md"]
    assert 'class="dv-topic-tags"' in doc and "../chu-de/dan-van-kheo.html" in doc
    assert "chu-de/index.md" in site


def test_corpus_text_stays_text_on_duty_pages():
    text = ("QUY CHẾ\nphối hợp\n\nĐiều 1. Ban Dân vận Tỉnh ủy\n"
            "1. Chủ trì <script>alert(1)</script> {{ config }} **đậm** [x](javascript:alert(1)) hằng quý.\n")
    doc = parse(text, "x.txt", {"locality": "Tỉnh <b>Thử</b>"})
    doc.id = "thu"
    site = render.render_site([doc], [], {})
    for path, page in site.items():
        if path.startswith(("co-quan/", "chu-de/")):
            assert "<script" not in page and "{{" not in page and "**" not in page and "](" not in page, path
            assert "\n\n" not in page.split("---\n", 2)[2].strip("\n"), path
    agency = next(p for p in site if p.startswith("co-quan/") and p.endswith("/ban-dan-van-tinh-uy.md"))
    assert "&lt;script&gt;" in site[agency]


def test_no_tables_without_duties():
    from sitebuild_helpers import minimal_document
    docs = [minimal_document("a")]
    # the registry index of cited documents (render/registry.py) is there in every site
    assert set(render.render_site(docs, [], {})) == {"index.md", "danh-sach.md", "van-ban/a.md", "dan-chieu/index.md"}
    assert render.site_files(docs) == {}
