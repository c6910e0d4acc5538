"""Resolution with scope and relation typing (danvan.link), on a small invented corpus (tests/data/cite: a
central Quyết định 88-QĐ/TW with its annexed Quy chế, two documents of the province An Phú, one of Bình Hòa)
and on hand-made documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from danvan.corpus import load_corpus
from danvan.link import find, link
from danvan.link.relations import relation_types
from danvan.model import Annex, Document, Node, PreambleItem

FIXTURE = Path(__file__).parent / "data" / "cite"
CENTRAL, AN_PHU, KH_AN_PHU, BINH_HOA = "88-qd-tw-2021", "an-phu-05-qc-tu-2022", "an-phu-31-kh-tu-2022", "binh-hoa-07-qc-tu-2022"


@pytest.fixture(scope="module")
def fixture_links():
    res = load_corpus(str(FIXTURE))
    assert not res.errors
    docs = {d.id: d for d in res.documents}
    assert set(docs) == {CENTRAL, AN_PHU, KH_AN_PHU, BINH_HOA}
    return docs, link(res.documents)


def refs(links, doc_id, text):
    return [r for r in links.references[doc_id] if r.citation.text == text]


def test_local_numbers_belong_to_the_citing_locality(fixture_links):
    _, links = fixture_links
    (a,) = refs(links, AN_PHU, "Kế hoạch số 31-KH/TU")
    (b,) = refs(links, BINH_HOA, "Kế hoạch số 31-KH/TU")
    assert a.doc_id == KH_AN_PHU and a.target == "an-phu-31-kh-tu-2022"      # An Phú's own plan, in the corpus
    assert b.doc_id is None and b.target == "binh-hoa-31-kh-tu-2022"         # Bình Hòa's plan: not An Phú's
    assert "binh-hoa-31-kh-tu-2022" in links.registry and "an-phu-31-kh-tu-2022" not in links.registry
    (c,) = refs(links, BINH_HOA, "Điều 18 Quy chế số 01-QC/TU")
    assert c.target == "binh-hoa-01-qc-tu" and c.doc_id is None


def test_central_numbers_are_national_and_link_to_the_annex_provision(fixture_links):
    _, links = fixture_links
    (a,) = refs(links, AN_PHU, "Điều 5 Quy chế ban hành kèm theo Quyết định số 88-QĐ/TW")
    assert (a.doc_id, a.anchor, a.target) == (CENTRAL, "qc-dieu-5", CENTRAL)
    (b,) = refs(links, AN_PHU, "khoản 2 Điều 2 Quy chế ban hành kèm theo Quyết định số 88-QĐ/TW")
    assert b.anchor == "qc-dieu-2-khoan-2"
    listed = [r for r in links.references[BINH_HOA] if r.place.anchor == "dieu-1-doan-1" and r.citation.kind == "provision"]
    assert [(r.citation.text, r.anchor) for r in listed] == [
        ("khoản 1", "qc-dieu-3-khoan-1"), ("2", "qc-dieu-3-khoan-2"), ("3", "qc-dieu-3-khoan-3"), ("Điều 3 Quy chế ban hành kèm theo Quyết định số 88-QĐ/TW", "qc-dieu-3")]
    # the same document has the same key wherever it is cited
    keys = {r.target for d in (AN_PHU, BINH_HOA) for r in links.references[d] if r.citation.number == "88-QĐ/TW"}
    assert keys == {CENTRAL}


def test_internal_references_use_the_part_they_are_written_in(fixture_links):
    _, links = fixture_links
    got = {(r.place.anchor, r.citation.text): r.anchor for r in links.references[CENTRAL] if r.internal}
    assert got[("qc-dieu-3-khoan-1", "khoản 2 Điều 2 của Quy chế này")] == "qc-dieu-2-khoan-2"
    assert got[("qc-dieu-3-khoan-2", "điểm a")] == "qc-dieu-2-khoan-2-diem-a"
    assert got[("qc-dieu-4-doan-1", "Điều 5")] == "qc-dieu-5"
    assert got[("qc-dieu-1-doan-1", "Quy chế này")] == "qc"
    rec = [r for r in links.references[CENTRAL] if r.place.field == "recipients"]
    assert [(r.citation.text, r.anchor) for r in rec] == [("Điều 3", "dieu-3")]    # "Như Điều 3": the decision's
    (k,) = refs(links, AN_PHU, "khoản 1 Điều này")
    assert k.anchor == "dieu-2-khoan-1" and k.relation is None


def test_relations_both_directions(fixture_links):
    _, links = fixture_links
    out = {(r.type, r.target) for r in links.relations[AN_PHU] if r.direction == "out"}
    assert ("thực hiện", CENTRAL) in out and ("thực hiện", KH_AN_PHU) in out
    assert ("thay thế", "an-phu-1234-qd-tu-2015") in out
    back = {(r.label, r.other_doc_id) for r in links.relations[CENTRAL] if r.direction == "in"}
    assert ("được thực hiện bởi", AN_PHU) in back and ("là căn cứ của", BINH_HOA) in back
    assert links.implements(AN_PHU) == [(CENTRAL, "thực hiện"), (KH_AN_PHU, "thực hiện")]
    assert links.implements(BINH_HOA) == [(CENTRAL, "căn cứ")]
    assert [r.place.doc_id for r in links.cited_in(CENTRAL, "qc-dieu-5")] == [AN_PHU, CENTRAL]


def test_undated_citation_takes_the_only_year_known():
    d1 = Document(id="a", url="van-ban/a.html", title="A", type="Quy chế", number=None, date=None, place=None,
                  locality="Tỉnh X", level="province",
                  body=[Node(kind="article", num="1", anchor="dieu-1",
                             text="Theo Quyết định số 77-QĐ/TW ngày 1/2/2019 và Quyết định số 77-QĐ/TW.")])
    links = link([d1])
    assert [r.target for r in links.references["a"]] == ["77-qd-tw-2019", "77-qd-tw-2019"]


def test_annex_reference_targets_the_annex_not_the_decision():
    doc = Document(
        id="qd", url="van-ban/qd.html", title="Quyết định", type="Quyết định", number="5/QĐ-UBND", date="2024-01-01",
        place=None, locality="Tỉnh X", level="province",
        body=[Node(kind="article", num="4", anchor="dieu-4", text="Điều 4 của Quyết định này."),
              Node(kind="article", num="5", anchor="dieu-5", text="Quy định ban hành kèm theo Quyết định này.")],
        annexes=[Annex(kind="annex", type="Quy định", title="Quy định", anchor="qd", body=[
            Node(kind="article", num="4", anchor="qd-dieu-4", text="Nội dung."),
            Node(kind="article", num="6", anchor="qd-dieu-6", text="Thực hiện tại Điều 4 Quy định này và Điều 4 Quyết định này.")])])
    links = link([doc])
    got = [(r.citation.text, r.anchor) for r in links.references["qd"]]
    assert ("Điều 4 Quy định này", "qd-dieu-4") in got
    assert ("Điều 4 Quyết định này", "dieu-4") in got
    assert ("Điều 4 của Quyết định này", "dieu-4") in got


RELATIONS = [
    ("Quy chế này thay thế Quy chế ban hành kèm theo Quyết định số 12-QĐ/TU ngày 1/1/2015.", None, [None, "thay thế"]),
    ("Sửa đổi, bổ sung một số điều của Quyết định số 10/2020/QĐ-UBND.", None, ["sửa đổi, bổ sung"]),
    ("Bãi bỏ Chỉ thị số 05/CT-UBND ngày 02/3/2019.", None, ["bãi bỏ"]),
    ("Văn bản này hướng dẫn thực hiện Quy định số 11-QĐ/TW.", None, [None, "hướng dẫn"]),
    ("Cụ thể hóa Nghị quyết số 25-NQ/TW, 26-NQ/TW của Ban Chấp hành Trung ương.", None, ["thực hiện", "thực hiện"]),
    ("Phối hợp theo tinh thần Kết luận số 114-KL/TW.", None, ["dẫn chiếu"]),
    ("Phải căn cứ Điều lệ Đảng.", None, ["dẫn chiếu"]),                       # not a legal-basis line
    ("Căn cứ Luật Tổ chức chính quyền địa phương; Nghị định số 30/2020/NĐ-CP về công tác văn thư;", "basis",
     ["căn cứ", "căn cứ"]),
    ("Thực hiện Quyết định số 23-QĐ/TW; Kế hoạch số 31-KH/TU về thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI;",
     "implementing", ["thực hiện", "thực hiện", "dẫn chiếu"]),
    ("Quy chế này có hiệu lực; khoản 2 Điều 4 thay thế cho Quyết định số 3/QĐ-UBND", None, [None, None, "thay thế"]),
]


@pytest.mark.parametrize("text,kind,types", RELATIONS, ids=[t[:40] for t, _, _ in RELATIONS])
def test_relation_typing(text, kind, types):
    assert relation_types(text, find(text), kind) == types


def test_bare_provisions_of_an_amending_text_are_the_amended_documents():
    doc = Document(id="sd", url="van-ban/sd.html", type="Quyết định", number="9/2024/QĐ-UBND", date="2024-05-01",
                   title="Quyết định sửa đổi, bổ sung một số điều của Quyết định số 10/2020/QĐ-UBND", place=None,
                   locality="Tỉnh X", level="province",
                   body=[Node(kind="article", num="1", anchor="dieu-1",
                              text="Sửa đổi khoản 2 Điều 56 như sau; bãi bỏ Điều 1 của Quyết định này.")])
    links = link([doc])
    got = {r.citation.text: (r.internal, r.target, r.relation) for r in links.references["sd"]}
    assert got["Quyết định số 10/2020/QĐ-UBND"] == (False, "tinh-x-10-2020-qd-ubnd", "sửa đổi, bổ sung")
    assert got["khoản 2 Điều 56"] == (False, "tinh-x-10-2020-qd-ubnd", "sửa đổi, bổ sung")   # not in this text
    assert got["Điều 1 của Quyết định này"][0] is True                                   # this text has Điều 1


def test_central_implements_feeds_the_alignment(fixture_links, seed_docs):
    from danvan.link import central_implements
    docs, links = fixture_links
    pairs, missing = central_implements(links, list(docs.values()))
    assert sorted(pairs) == [(AN_PHU, CENTRAL), (BINH_HOA, CENTRAL)]
    seeds = list(seed_docs.values())
    pairs, missing = central_implements(link(seeds), seeds)
    assert pairs == []                                          # 23-QĐ/TW is cited, its text is not in the corpus
    assert {k: [m[:2] for m in v] for k, v in missing.items()} == {d.id: [("23-QĐ/TW", "2021")] for d in seeds}
