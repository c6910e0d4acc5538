"""The enrich stage: gazetteer, cue phrases, duty extraction, topics, export (invented text and data examples)."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from danvan.enrich import enrich, facets_for
from danvan.enrich.cues import deadline_in, folded, load_cues, periods_in, role_at
from danvan.enrich.duties import Extractor
from danvan.enrich.export import CSV_HEADER, annotate, cite, duties_csv, duties_json
from danvan.enrich.gazetteer import load_gazetteer, read_data
from danvan.enrich.topics import load_topics
from danvan.model import to_dict
from enrich_fixtures import EXPECTED, invented_document

GZ = load_gazetteer()
CUES = load_cues()


# -- gazetteer -------------------------------------------------------------------------------

@pytest.mark.parametrize("ex", GZ.examples, ids=lambda e: e["text"][:40])
def test_gazetteer_examples(ex):
    assert [i for m in GZ.find(ex["text"]) for i in m.ids] == ex["ids"]


def test_gazetteer_is_consistent():
    data = read_data("agencies.json")
    families = {f["id"] for f in data["families"]}
    for k in GZ.kinds.values():
        assert k.type in GZ.types, k.id
        assert k.level in GZ.levels, k.id
        assert k.family in families, k.id
        assert re.fullmatch(r"[a-z0-9-]+", k.id)
    for f in data["families"]:
        if f.get("central"):
            assert GZ.kinds[f["central"]].level == "trung-uong", f["id"]
    for c in data["combined"]:
        assert all(i in GZ.kinds for i in c["ids"])


def test_acronyms_have_one_home():
    """No alias in agencies.json is an acronym: acronyms live in corpus/acronyms.json only, and still match."""
    acr = read_data("acronyms.json")
    shorts = {s for e in acr["acronyms"] for s in [e["short"], *e.get("aliases", [])]}
    for k in GZ.kinds.values():
        for alias in k.aliases:
            assert not any(w in shorts for w in alias.split()), (k.id, alias)
    assert [m.ids for m in GZ.find("BCS Đảng UBND tỉnh")] == [("bcs-dang-ubnd-tinh",)]
    assert [m.ids for m in GZ.find("Ban Dân vận TW")] == [("ban-dan-van-trung-uong",)]


def test_case_sensitive_acronym_only_in_capitals_and_not_in_codes():
    assert [m.ids for m in GZ.find("Ban Dân vận TU")] == [("ban-dan-van-tinh-uy",)]
    assert GZ.find("ban dân vận tu dưỡng") == [] or all(m.ids != ("ban-dan-van-tinh-uy",) for m in GZ.find("ban dân vận tu dưỡng"))
    assert GZ.find("THÔNG TƯ SỐ 09/2025/TT-BCT") == []


def test_bodies_are_scoped_to_the_locality_and_linked_to_the_centre():
    a = invented_document("van-ban-a", "Bình Thuận")
    b = invented_document("van-ban-b", "Đồng Nai")
    enr = enrich([a, b])
    assert "binh-thuan/ban-dan-van-tinh-uy" in enr.agencies
    assert "dong-nai/ban-dan-van-tinh-uy" in enr.agencies
    bt = enr.agencies["binh-thuan/ban-dan-van-tinh-uy"]
    assert bt.docs == ["van-ban-a"] and bt.locality == "Bình Thuận"
    assert bt.central == "trung-uong/ban-dan-van-trung-uong"
    central = GZ.kinds["ban-dan-van-trung-uong"]
    assert central.successor == "ban-tuyen-giao-va-dan-van-trung-uong" and "2025" in central.note


# -- cue phrases -----------------------------------------------------------------------------

@pytest.mark.parametrize("ex", CUES.examples["roles"], ids=lambda e: e["text"][:40])
def test_role_examples(ex):
    assert (role_at(CUES, folded(ex["text"])) or CUES.default_role) == ex["role"]


@pytest.mark.parametrize("ex", CUES.examples["periods"], ids=lambda e: e["text"][:40])
def test_period_examples(ex):
    f = folded(ex["text"])
    assert periods_in(CUES, f) == ex["period"]
    assert deadline_in(CUES, f) == ex["deadline"]


@pytest.mark.parametrize("ex", CUES.examples["duties"], ids=lambda e: e["text"][:40])
def test_duty_examples(ex):
    exr = Extractor(GZ, CUES)
    ctx = exr.heading_agencies(ex["heading"])
    got = [[d.kind, d.role] for d in exr.unit_duties(ex["text"], ctx, [])]
    assert got == ex["duties"]


def test_every_role_and_period_has_a_name():
    assert set(CUES.role_order) == {"chu-tri", "phoi-hop", "tham-muu", "thuc-hien", "chi-dao", "kiem-tra-giam-sat",
                                    "bao-cao", "chiu-trach-nhiem"}
    assert all(p["name"] for p in CUES.periods.values())


# -- extraction on an invented regulation ---------------------------------------------------

def test_invented_regulation_duties():
    doc = invented_document()
    enr = enrich([doc])
    got = [(anchor, d.kind, d.role, d.period) for (_, anchor), ds in enr.duties.items() for d in ds]
    assert got == EXPECTED
    assert ("hoa-binh-xanh-07-qc-tu", "dieu-1") not in enr.duties       # "Quy chế này quy định …": no duty
    d = enr.duties[(doc.id, "dieu-2-khoan-2")][0]
    assert d.deadline == "20/3" and d.counterparts == ["Thường trực Tỉnh ủy"] and d.reports
    d = enr.duties[(doc.id, "dieu-3-khoan-2")][0]
    assert d.agency == "Sở Nội vụ" and d.agency_id == "hoa-binh-xanh/so-noi-vu"
    assert d.counterparts == ["Ban Tổ chức Tỉnh ủy"]


def test_doi_voi_line_gives_the_agency_to_its_points():
    exr = Extractor(GZ, CUES)
    got = exr.unit_duties("Đối với Ủy ban nhân dân tỉnh\nChỉ đạo các sở triển khai.", [], [])
    assert [(d.kind, d.role) for d in got] == [("ubnd-tinh", "chi-dao")]
    assert exr.opening("Đối với Hội Nông dân:", None)[0] == ["hoi-nong-dan"]
    # a first line that is only a name heads the points as "Đối với" does; a sentence is no heading
    assert exr.opening("Sở Tài chính:\nChủ trì thẩm định.", None) == (["so-tai-chinh"], "Chủ trì thẩm định.")
    assert exr.opening("Sở Tài chính chủ trì thẩm định.", None)[0] == []
    assert exr.unit_duties("Sở Dân tộc và Tôn giáo", [], []) == []


def test_scope_sentence_assigns_nothing():
    exr = Extractor(GZ, CUES)
    text = "Quy chế này áp dụng đối với các sở, ban, ngành; cán bộ, công chức, viên chức thực hiện công vụ."
    assert exr.unit_duties(text, ["ubnd-tinh"], []) == []


def test_parties_of_a_joint_regulation():
    """'hai cơ quan' and subject-less clauses of a Quy chế phối hợp giữa A và B are A's and B's."""
    from danvan.parse import parse
    text = ("QUY CHẾ\nphối hợp giữa Ban Dân vận Tỉnh ủy và Hội Nông dân tỉnh\n\nĐiều 1. Nội dung phối hợp\n"
            "1. Trao đổi thông tin về tình hình nông dân.\n"
            "2. Khi có vướng mắc thì hai cơ quan thống nhất giải quyết.\n")
    doc = parse(text, "x.txt", {"locality": "Nơi Thử"})
    doc.id = "thu"
    enr = enrich([doc])
    assert [(d.kind, d.role) for d in enr.duties[("thu", "dieu-1-khoan-1")]] == [
        ("ban-dan-van-tinh-uy", "phoi-hop"), ("hoi-nong-dan", "phoi-hop")]
    assert [d.kind for d in enr.duties[("thu", "dieu-1-khoan-2")]] == ["ban-dan-van-tinh-uy", "hoi-nong-dan"]


# -- topics ----------------------------------------------------------------------------------

TOPICS = load_topics()


@pytest.mark.parametrize("ex", TOPICS.examples, ids=lambda e: e["text"][:40])
def test_topic_examples(ex):
    assert TOPICS.tag(ex["text"]) == ex["topics"]


def test_topics_data():
    assert len(TOPICS.topics) >= 15
    for t in TOPICS.topics:
        assert t.name and t.description and t.cues and re.fullmatch(r"[a-z0-9-]+", t.id)
        assert any(t.id in e["topics"] for e in TOPICS.examples), f"topic {t.id} has no worked example"


def test_every_article_clause_and_point_is_tagged(seed_docs):
    enr = enrich(list(seed_docs.values()))
    for doc in seed_docs.values():
        for n in doc.all_nodes():
            if n.kind in ("article", "clause", "point") and n.anchor:
                assert (doc.id, n.anchor) in enr.topics, n.anchor
        arts = [n for n in doc.all_nodes() if n.kind == "article" and n.children]
        for a in arts:        # an article carries its clauses' topics
            below = {t for c in a.walk() if c is not a and (doc.id, c.anchor) in enr.topics
                     for t in enr.topics[(doc.id, c.anchor)]}
            assert below <= set(enr.topics[(doc.id, a.anchor)])


def test_facets_for_a_node():
    doc = invented_document()
    art = next(n for n in doc.body[0].children if n.anchor == "dieu-3")
    f = facets_for(doc, art)
    assert f["agency"] == ["ubnd-tinh", "so-noi-vu"]
    assert "tiep-cong-dan-khieu-nai" in f["topic"]


# -- export ----------------------------------------------------------------------------------

def test_json_export_keys_and_schema():
    import jsonschema
    from pathlib import Path
    schema = json.loads((Path(__file__).resolve().parents[1] / "tools" / "schema" / "document.schema.json")
                        .read_text(encoding="utf-8"))
    doc = invented_document()
    d = annotate(to_dict(doc), enrich([doc]))
    jsonschema.validate(d, schema)
    art = next(n for n in d["body"][0]["children"] if n["anchor"] == "dieu-3")
    k2 = art["children"][1]
    assert k2["duties"][0] == {"agency": "Sở Nội vụ", "agency_id": "hoa-binh-xanh/so-noi-vu", "role": "chu-tri",
                               "roles": ["chu-tri"], "counterparts": ["Ban Tổ chức Tỉnh ủy"],
                               "counterpart_ids": ["hoa-binh-xanh/ban-to-chuc-tinh-uy"], "period": [],
                               "deadline": None, "reports": False, "text": k2["text"]}
    assert "dao-tao-can-bo" in k2["topics"] and "dao-tao-can-bo" in art["topics"]


def test_csv_has_bom_header_and_quotes():
    doc = invented_document()
    doc.title = 'Quy chế "thử", có dấu phẩy'
    enr = enrich([doc])
    text = duties_csv(enr, {doc.id: doc})
    assert text.startswith("\ufeff")
    data = text.encode("utf-8")
    assert data[:3] == b"\xef\xbb\xbf"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == CSV_HEADER
    assert len(rows) == 1 + len(EXPECTED)
    assert all(r[0] == 'Quy chế "thử", có dấu phẩy' for r in rows[1:])
    first = dict(zip(CSV_HEADER, rows[1]))
    assert first["Cơ quan chịu trách nhiệm"] == "Ban Dân vận Tỉnh ủy" and first["Vai trò"] == "Chủ trì"
    assert first["Điều, khoản"] == "Điều 2, khoản 1"
    j = json.loads(duties_json(enr, {doc.id: doc}))
    assert len(j["duties"]) == len(EXPECTED) and {a["id"] for a in j["agencies"]} >= {"hoa-binh-xanh/ubnd-tinh"}


@pytest.mark.parametrize("anchor,text", [("dieu-5", "Điều 5"), ("dieu-4-khoan-1-diem-1-2", "Điều 4, khoản 1, điểm 1.2"),
                                         ("qc-dieu-2-khoan-3", "Điều 2, khoản 3 (qc)")])
def test_cite(anchor, text):
    assert cite(anchor) == text
