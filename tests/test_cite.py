"""Citations in the Vietnamese small-to-large order, from invented documents (danvan.render.cite), and the
data-cite every article, clause, point and chapter of a page carries."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from danvan.corpus import load_corpus
from danvan.model import Annex, Document, Issuer, Node
from danvan.render import cite, render_document
from danvan.render.teach import Citer
from teach_fixture import POINT_CITE, write_corpus

DATA = json.loads((Path(cite.__file__).resolve().parent.parent / "data" / "cite.json").read_text(encoding="utf-8"))


def doc(**kw) -> Document:
    base = dict(id="x", url="van-ban/x.html", title="Quy chế thử", type="Quy chế", number=None, date=None, place=None,
                locality=None, level=None)
    base.update(kw)
    return Document(**base)


ART5 = Node("article", num="5")
CL2 = Node("clause", num="2")
PT_A = Node("point", num="a")
ITEM = Node("item", num=None)
DECISION = dict(type="Quyết định", number="1234-QĐ/TU", date="2020-06-05", locality="Bình Thuận",
                title="Quyết định ban hành Quy chế công tác dân vận",
                issuers=[Issuer("BAN THƯỜNG VỤ", parent="TỈNH ỦY BÌNH THUẬN")])
QC = Annex(kind="annex", type="Quy chế", title="Quy chế CÔNG TÁC DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ TỈNH BÌNH THUẬN",
           anchor="qc")
PL2 = Annex(kind="appendix", type="Phụ lục", title="Phụ lục", anchor="pl-2", num="II")
MAU4 = Annex(kind="form", type="Mẫu", title="Mẫu số 04", anchor="pl-2-mau-4", num="04", parent="pl-2")

CASES = [
    # (what, document, path, annex, expected)
    ("the brief's example: a point of an annexed Quy chế",
     doc(**DECISION, annexes=[QC]), [ART5, CL2, PT_A], QC,
     "điểm a khoản 2 Điều 5 Quy chế công tác dân vận của hệ thống chính trị tỉnh Bình Thuận ban hành kèm theo "
     "Quyết định số 1234-QĐ/TU ngày 5/6/2020 của Ban Thường vụ Tỉnh ủy Bình Thuận"),
    ("an article of the decision itself", doc(**DECISION), [ART5], None,
     "Điều 5 Quyết định số 1234-QĐ/TU ngày 5/6/2020 của Ban Thường vụ Tỉnh ủy Bình Thuận"),
    ("chapters above the article are not cited; items below the point are cited by the point",
     doc(**DECISION), [Node("chapter", num="II"), ART5, CL2, PT_A, ITEM], None,
     "điểm a khoản 2 Điều 5 Quyết định số 1234-QĐ/TU ngày 5/6/2020 của Ban Thường vụ Tỉnh ủy Bình Thuận"),
    ("no number, no date: the title stands for them, nothing is invented",
     doc(title="Quy chế công tác dân vận của hệ thống chính trị tỉnh Bình Thuận", locality="Bình Thuận",
         issuers=[Issuer("BAN THƯỜNG VỤ", parent="TỈNH ỦY BÌNH THUẬN")]), [ART5, CL2], None,
     "khoản 2 Điều 5 Quy chế công tác dân vận của hệ thống chính trị tỉnh Bình Thuận do Ban Thường vụ Tỉnh ủy "
     "Bình Thuận ban hành"),
    ("a number and nothing else", doc(number="03-QC/ABC"), [Node("article", num="3")], None,
     "Điều 3 Quy chế số 03-QC/ABC"),
    ("a title in capitals, no issuer", doc(title="QUY CHẾ LÀM VIỆC CỦA BAN CHỈ ĐẠO", date="2021-11-05"), [ART5], None,
     "Điều 5 Quy chế làm việc của Ban Chỉ đạo ngày 5/11/2021"),
    ("joint issuers, short forms written out",
     doc(number="03-QC/BDVTU-BCSDUBND", date="2021-11-05", locality="Đồng Nai",
         issuers=[Issuer("BAN DÂN VẬN TỈNH ỦY"), Issuer("BCS ĐẢNG UBND TỈNH")]), [Node("article", num="4"), CL2], None,
     "khoản 2 Điều 4 Quy chế số 03-QC/BDVTU-BCSDUBND ngày 5/11/2021 của Ban Dân vận Tỉnh ủy và Ban Cán sự đảng "
     "Ủy ban nhân dân tỉnh"),
    ("a form of a numbered appendix",
     doc(type="Nghị định", number="99/2024/NĐ-CP", date="2024-03-02", issuers=[Issuer("CHÍNH PHỦ")],
         annexes=[PL2, MAU4]), [], MAU4,
     "Mẫu số 04 Phụ lục II kèm theo Nghị định số 99/2024/NĐ-CP ngày 2/3/2024 của Chính phủ"),
    ("a month without a day", doc(number="7-KH/TU", type="Kế hoạch", date="2023-04"), [ART5], None,
     "Điều 5 Kế hoạch số 7-KH/TU tháng 4/2023"),
    ("Party numbering of points", doc(number="1-QC/X"), [Node("article", num="6"), CL2, Node("point", num="2.1")],
     None, "điểm 2.1 khoản 2 Điều 6 Quy chế số 1-QC/X"),
]


@pytest.mark.parametrize("what, document, path, annex, expected", CASES, ids=[c[0] for c in CASES])
def test_citation(what, document, path, annex, expected):
    assert cite.citation(document, path, annex) == expected


@pytest.mark.parametrize("ex", DATA["examples"]["normal_case"], ids=lambda e: e["text"][:30])
def test_normal_case_worked_examples(ex):
    assert cite.normal_case(ex["text"], ex["locality"]) == ex["expect"]


def test_heading_citation():
    d = doc(**DECISION)
    ref, full = Citer(d).heading([Node("chapter", num="II"), Node("section", num="1")])
    assert (ref, full) == ("Mục 1 Chương II", "Mục 1 Chương II Quyết định số 1234-QĐ/TU ngày 5/6/2020 của Ban "
                                              "Thường vụ Tỉnh ủy Bình Thuận")




class _CiteReader(HTMLParser):
    """id -> the data-cite of the first tools that follow it before the next id (articles, clauses, points)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.last_id: str | None = None
        self.out: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-cite" in a and self.last_id and self.last_id not in self.out:
            self.out[self.last_id] = a["data-cite"]
        if a.get("id"):
            self.last_id = a["id"]


def _data_cites(page: str) -> dict[str, str]:
    r = _CiteReader()
    r.feed(page)
    return r.out


def _walk(nodes, path, annex, out):
    for n in nodes:
        p = path + [n]
        if n.anchor and n.kind in ("article", "clause", "point"):
            out[n.anchor] = (p, annex)
        _walk(n.children, p, annex, out)


@pytest.fixture(scope="module")
def fixture_doc(tmp_path_factory):
    corpus = write_corpus(tmp_path_factory.mktemp("teach-corpus"))
    return load_corpus(str(corpus)).documents[0]


def test_every_article_clause_and_point_carries_its_citation(fixture_doc, seed_docs):
    for d in [fixture_doc] + list(seed_docs.values()):
        page = render_document(d)
        cites = _data_cites(page)
        expected: dict = {}
        _walk(d.body, [], None, expected)
        for a in d.annexes:
            _walk(a.body, [], a, expected)
        assert expected, d.id
        for anchor, (path, annex) in expected.items():
            assert cites.get(anchor) == cite.citation(d, path, annex), (d.id, anchor)
    assert _data_cites(render_document(fixture_doc))["qc-dieu-5-khoan-2-diem-a"] == POINT_CITE


def test_controls_are_buttons_with_vietnamese_names_and_no_text(fixture_doc):
    page = render_document(fixture_doc)
    buttons = re.findall(r"<button ([^>]*)>(.*?)</button>", page)
    assert buttons
    for attrs, text in buttons:
        assert text == "", attrs           # labels are drawn by CSS (data-t): never part of copied text
        assert 'type="button"' in attrs and re.search(r'aria-label="[^"]*[ạ-ỹà-ý][^"]*"', attrs), attrs
    for kind in ("dv-cite", "dv-copy", "dv-print", "dv-basket", "dv-more", "dv-print-part", "dv-present"):
        assert f"dv-btn {kind}" in page, kind
