"""Citations on the pages and in the export: links with the right href and the text unchanged, hostile text
escaped, cited-by lists, the relations panel, registry pages, JSON-LD, and the export against its schema."""
from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import jsonschema
import pytest

from sitebuild_helpers import without_jsonld
from danvan import render
from danvan.corpus import load_corpus
from danvan.link import link
from danvan.link.export import add_links
from danvan.model import Document, Node, PreambleItem, to_dict

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "data" / "cite"
SCHEMA = json.loads((ROOT / "tools" / "schema" / "document.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(str(FIXTURE)).documents


@pytest.fixture(scope="module")
def pages(corpus):
    return render.render_site(corpus, [], {})


def body(page: str) -> str:
    """The HTML block of a page, character references decoded (esc writes '#' as '&#35;')."""
    return html_lib.unescape(page.split("\n---\n", 1)[1])


def anchors(html: str) -> list[tuple[str, str]]:
    """(href, text) of the citation links of a page."""
    return [(h, re.sub(r"<[^>]+>", "", t)) for h, t in
            re.findall(r'<a class="dv-xref[^"]*" href="([^"]*)"[^>]*>(.*?)</a>', html)]


def visible_text(html: str) -> str:
    """The text of the page as a reader sees it (tags removed, no separator added between inline parts)."""
    return " ".join(re.sub(r"<[^>]+>", "", without_jsonld(html)).split())


def test_citations_link_to_the_document_the_provision_or_the_registry(pages):
    got = anchors(body(pages["van-ban/an-phu-05-qc-tu-2022.md"]))
    assert ("88-qd-tw-2021.html", "Quyết định số 88-QĐ/TW") in got
    assert ("an-phu-31-kh-tu-2022.html", "Kế hoạch số 31-KH/TU") in got
    assert ("88-qd-tw-2021.html#qc-dieu-5", "Điều 5 Quy chế ban hành kèm theo Quyết định số 88-QĐ/TW") in got
    assert ("#dieu-2-khoan-1", "khoản 1 Điều này") in got
    assert ("../dan-chieu/an-phu-1234-qd-tu-2015.html", "Quyết định số 1234-QĐ/TU") in got
    bh = anchors(body(pages["van-ban/binh-hoa-07-qc-tu-2022.md"]))
    assert ("../dan-chieu/binh-hoa-31-kh-tu-2022.html", "Kế hoạch số 31-KH/TU") in bh
    for href, _ in got + bh:      # every link target exists
        if href.startswith("../dan-chieu/"):
            assert f"dan-chieu/{href.split('/')[-1].replace('.html', '.md')}" in pages
        elif not href.startswith("#"):
            assert f"van-ban/{href.split('#')[0].replace('.html', '.md')}" in pages


def test_the_text_itself_is_unchanged(corpus, pages):
    doc = next(d for d in corpus if d.id == "an-phu-05-qc-tu-2022")
    text = visible_text(body(pages["van-ban/an-phu-05-qc-tu-2022.md"]))
    for n in doc.all_nodes():
        for line in n.text.split("\n"):
            assert " ".join(line.split()) in text
    assert " ".join(doc.preamble[0].text.split()) in text


def test_preview_of_an_in_corpus_provision_is_in_the_page(pages):
    html = body(pages["van-ban/an-phu-05-qc-tu-2022.md"])
    m = re.search(r'href="88-qd-tw-2021.html#qc-dieu-5"[^>]*data-dv-preview="([^"]*)" data-dv-preview-head="([^"]*)"', html)
    assert m, "no preview on the provision link"
    assert "Ban Dân vận Trung ương theo dõi việc thực hiện Quy chế này" in m.group(1)
    assert m.group(2).startswith("Điều 5")


def test_cited_by_lists_the_citing_places(pages):
    html = body(pages["van-ban/88-qd-tw-2021.md"])
    art = html[html.index('id="qc-dieu-5"'):]
    art = art[:art.index("</section>")]
    assert "Được dẫn chiếu tại" in art
    assert 'href="an-phu-05-qc-tu-2022.html#dieu-1-doan-1"' in art
    assert 'href="#qc-dieu-4-doan-1"' in art                    # cited inside its own text too


def test_relations_panel_both_directions(pages):
    central = visible_text(body(pages["van-ban/88-qd-tw-2021.md"]))
    assert "Được thực hiện bởi" in central and "Là căn cứ của" in central
    an_phu = visible_text(body(pages["van-ban/an-phu-05-qc-tu-2022.md"]))
    assert "Thực hiện" in an_phu and "Thay thế" in an_phu and "toàn văn chưa có trong bộ sưu tập" in an_phu


def test_registry_pages_are_honest_and_list_every_citing_place(pages):
    page = body(pages["dan-chieu/binh-hoa-31-kh-tu-2022.md"])
    text = visible_text(page)
    assert "toàn văn của nó chưa có trong bộ sưu tập" in text
    assert "31-KH/TU" in text and "01/03/2022" in text and "Ban Thường vụ Tỉnh ủy" in text and "Bình Hòa" in text
    assert 'href="../van-ban/binh-hoa-07-qc-tu-2022.html#loi-dan-doan-2"' in page
    index = visible_text(body(pages["dan-chieu/index.md"]))
    assert "Văn bản được dẫn chiếu" in index and "Kế hoạch số 31-KH/TU" in index
    assert "dan-chieu/88-qd-tw-2021.md" not in pages          # in the corpus: its own page, no registry page


def test_jsonld_is_schema_org_legislation(pages):
    page = body(pages["van-ban/an-phu-05-qc-tu-2022.md"])
    (data,) = re.findall(r'<script type="application/ld\+json">([^<]*)</script>', page)
    ld = json.loads(data)
    assert ld["@type"] == "Legislation" and ld["legislationIdentifier"] == "05-QC/TU"
    assert ld["legislationDate"] == "2022-04-15" and ld["legislationJurisdiction"] == "An Phú"
    assert {x["legislationIdentifier"] for x in ld["legislationApplies"]} == {"88-QĐ/TW", "31-KH/TU"}
    assert [x["legislationIdentifier"] for x in ld["legislationChanges"]] == ["1234-QĐ/TU"]


def test_hostile_text_around_citations_stays_text():
    evil = '<script>alert(1)</script> "quoted" {{ x }} **b**'
    doc = Document(id="h", url="van-ban/h.html", title="Quy chế", type="Quy chế", number="1-QC/TU", date="2024-01-01",
                   place=None, locality="Tỉnh X", level="province",
                   preamble=[PreambleItem(kind="basis", text=f"Căn cứ {evil} Quyết định số 5-QĐ/TW {evil};")],
                   body=[Node(kind="article", num="1", anchor="dieu-1", text=f"{evil} theo Điều 2 {evil}"),
                         Node(kind="article", num="2", anchor="dieu-2", text=f"Nội dung {evil}")])
    pages = render.render_site([doc], [], {})
    raw = pages["van-ban/h.md"]
    assert re.search(r'<a class="dv-xref dv-xref-noi-bo" href="&#35;dieu-2"[^<>]*>Điều 2</a>', raw)
    # a provision of the same page: its heading only, the browser reads the text from the page (no second copy)
    assert re.search(r'href="&#35;dieu-2" data-dv-preview-head="Điều 2">', raw)      # no title over the preview
    assert "data-dv-preview=" not in raw
    assert "<script>alert" not in without_jsonld(raw) and "{{ x }}" not in raw
    assert "<script>alert" not in pages["dan-chieu/5-qd-tw.md"] and "{{ x }}" not in pages["dan-chieu/5-qd-tw.md"]


def test_export_validates_against_the_schema(corpus):
    links = link(corpus)
    for d in corpus:
        data = add_links(to_dict(d), d, links)
        jsonschema.validate(data, SCHEMA)
        for n in _walk(data["body"]) + [x for a in data["annexes"] for x in _walk(a["body"])]:
            for r in n["references"]:
                assert n[r["field"]][r["start"]:r["end"]] == r["text"]
    an_phu = add_links(to_dict(next(d for d in corpus if d.id == "an-phu-05-qc-tu-2022")), None or
                       next(d for d in corpus if d.id == "an-phu-05-qc-tu-2022"), links)
    rel = {(r["type"], r.get("number"), r.get("doc_id"), r["anchor"]) for r in an_phu["relations"]}
    assert ("thực hiện", "88-QĐ/TW", "88-qd-tw-2021", "loi-dan-doan-1") in rel
    assert ("thay thế", "1234-QĐ/TU", None, "dieu-3-doan-1") in rel


def _walk(nodes):
    out = []
    for n in nodes:
        out.append(n)
        out.extend(_walk(n["children"]))
    return out
