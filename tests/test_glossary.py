"""The glossary extractor (danvan.glossary): which provisions are definition articles, how a definition splits
into term and definition, and what a parsed document yields. Texts are invented; the worked examples in
tools/data/glossary.json run through the same extractor. A real-world check counts what it finds in
../shared/realworld (the figure `danvan bench glossary` prints)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REALWORLD, require_realworld
from danvan import glossary
from danvan.model import Annex, Document, Node
from danvan.parse import parse

DATA = Path(__file__).resolve().parent / "data" / "glossary"


@pytest.mark.parametrize("title, expected", [
    ("Giải thích từ ngữ", True),
    ("Giải thích từ ngữ:", True),
    ("GIẢI THÍCH TỪ NGỮ", True),
    ("Giải thích các thuật ngữ", True),
    ("Từ ngữ sử dụng trong Quy chế", True),
    ("Các khái niệm", True),
    ("Thuật ngữ", True),
    ("Phạm vi điều chỉnh", False),
    ("Giải thích về việc thi hành", False),
    ("Trách nhiệm giải thích chính sách", False),
    (None, False),
    ("", False),
])
def test_definition_titles(title, expected):
    assert glossary.is_definition_title(title) is expected


@pytest.mark.parametrize("text, term, definition", [
    ("Ban liên lạc là nhóm cán bộ do cấp ủy cử ra.", "Ban liên lạc", "nhóm cán bộ do cấp ủy cử ra."),
    ("“Ngày hội dân vận” được hiểu là ngày các đoàn thể cùng gặp người dân.", "Ngày hội dân vận",
     "ngày các đoàn thể cùng gặp người dân."),
    ('"Tổ tự quản" có nghĩa là tổ do người dân tự lập.', "Tổ tự quản", "tổ do người dân tự lập."),
    ("Sổ tay: tài liệu bỏ túi của cán bộ.", "Sổ tay", "tài liệu bỏ túi của cán bộ."),
    ("Sổ tay: là tài liệu bỏ túi của cán bộ.", "Sổ tay", "tài liệu bỏ túi của cán bộ."),
    ("Hồ sơ vụ việc bao gồm đơn, biên bản và ý kiến.", "Hồ sơ vụ việc", "đơn, biên bản và ý kiến."),
    ("Thôn vùng cao (sau đây gọi là thôn) là thôn ở độ cao trên 600 m.", "Thôn vùng cao",
     "thôn ở độ cao trên 600 m."),
    ("Cơ quan, đơn vị phối hợp là cơ quan được giao cùng làm.", "Cơ quan, đơn vị phối hợp",
     "cơ quan được giao cùng làm."),
    ("Tổ hòa giải trong Quy chế này là tổ ở thôn, tổ dân phố.", "Tổ hòa giải", "tổ ở thôn, tổ dân phố."),
    ("[2] Phiếu hỏi là mẫu in sẵn.", "Phiếu hỏi", "mẫu in sẵn."),
    ("Vùng một, gồm 03 xã: Xã A, Xã B, Xã C.", "Vùng một", "03 xã: Xã A, Xã B, Xã C."),
    ("Hộ khó khăn theo quy định tại khoản 1 Điều 2 Quy định này.", "Hộ khó khăn", "khoản 1 Điều 2 Quy định này."),
    ("Các nguồn lực gồm:", "Các nguồn lực", ""),                  # the points below define it
    ("Tài liệu “Dân vận là gì” là sách phổ thông.", "Tài liệu “Dân vận là gì”", "sách phổ thông."),
    # not definitions
    ("Trong Quy chế này, các từ ngữ dưới đây được hiểu như sau:", None, None),
    ("Một số từ ngữ được sử dụng trong Quy định này được hiểu như sau:", None, None),
    ("Các hình thức:", None, None),                                 # a list heading, not a term
    ("Cơ quan chủ trì họp định kỳ với các đơn vị.", None, None),    # no connective
    ("Mỗi tháng một lần, cán bộ phụ trách của các cơ quan, đơn vị, địa phương trong toàn tỉnh phải gửi báo cáo "
     "về kết quả thực hiện công tác dân vận về Ban Dân vận là quy định bắt buộc.", None, None),  # a sentence
    ("", None, None),
    (None, None, None),
])
def test_split_definition(text, term, definition):
    got = glossary.split_definition(text)
    assert got == ((term, definition) if term is not None else None)


def test_worked_examples_of_the_data_file():
    examples = glossary.rules()["examples"]
    assert len(examples) >= 10
    for ex in examples:
        want = (ex["term"], ex["definition"]) if ex["term"] is not None else None
        assert glossary.split_definition(ex["text"]) == want, ex["text"]


def _doc(body, annexes=()) -> Document:
    return Document(id="thu", url="van-ban/thu.html", title="Quy chế thử", type="Quy chế", number=None,
                    date=None, place=None, locality=None, level=None, body=body, annexes=list(annexes))


def test_extract_from_a_tree_body_and_annex():
    defs_article = Node(kind="article", num="2", title="Giải thích từ ngữ", anchor="qc-dieu-2", children=[
        Node(kind="paragraph", text="Trong Quy chế này, các từ ngữ dưới đây được hiểu như sau:", anchor="qc-dieu-2-doan-1"),
        Node(kind="clause", num="1", text="Cán bộ phụ trách là người được phân công theo dõi.", anchor="qc-dieu-2-khoan-1"),
        Node(kind="clause", num="2", text="Các loại họp:", anchor="qc-dieu-2-khoan-2", children=[
            Node(kind="point", num="a", text="Họp thường kỳ là họp mỗi quý;", anchor="qc-dieu-2-khoan-2-diem-a"),
            Node(kind="point", num="b", text="Họp bất thường là họp khi cần.", anchor="qc-dieu-2-khoan-2-diem-b"),
        ]),
        Node(kind="clause", num="3", text="Tài liệu gồm:", anchor="qc-dieu-2-khoan-3", children=[
            Node(kind="point", num="a", text="Báo cáo là văn bản tổng hợp;", anchor="qc-dieu-2-khoan-3-diem-a"),
            Node(kind="point", num="b", text="Biên bản.", anchor="qc-dieu-2-khoan-3-diem-b"),
        ]),
        Node(kind="clause", num="4", text="Nhật ký là sổ ghi chép.\nNhật ký được giữ ở thôn.", anchor="qc-dieu-2-khoan-4"),
    ])
    other = Node(kind="article", num="3", title="Trách nhiệm", anchor="qc-dieu-3", children=[
        Node(kind="clause", num="1", text="Cán bộ phụ trách là đầu mối liên hệ.", anchor="qc-dieu-3-khoan-1")])
    body = [Node(kind="article", num="1", title="Ban hành", anchor="dieu-1", text="Ban hành kèm theo …")]
    doc = _doc(body, [Annex(kind="annex", type="Quy chế", title="Quy chế thử", anchor="qc", body=[defs_article, other])])
    got = [(d.term, d.connective, d.definition, d.anchor, d.ref, d.items, d.more)
           for d in glossary.extract_definitions([doc])]
    assert got == [
        ("Cán bộ phụ trách", "là", "người được phân công theo dõi.", "qc-dieu-2-khoan-1", "khoản 1 Điều 2 Quy chế",
         [], False),
        ("Họp thường kỳ", "là", "họp mỗi quý;", "qc-dieu-2-khoan-2-diem-a", "điểm a khoản 2 Điều 2 Quy chế", [], False),
        ("Họp bất thường", "là", "họp khi cần.", "qc-dieu-2-khoan-2-diem-b", "điểm b khoản 2 Điều 2 Quy chế", [], False),
        # a term defined by its points: the points belong to the definition, not to the glossary
        ("Tài liệu", "gồm", "", "qc-dieu-2-khoan-3", "khoản 3 Điều 2 Quy chế",
         ["Báo cáo là văn bản tổng hợp;", "Biên bản."], False),
        # only the first line is shown: the entry says the provision goes on
        ("Nhật ký", "là", "sổ ghi chép.", "qc-dieu-2-khoan-4", "khoản 4 Điều 2 Quy chế", [], True),
    ]


def test_fixture_document_parsed_end_to_end():
    text = (DATA / "quyet-dinh-giai-thich.txt").read_text(encoding="utf-8")
    doc = parse(text, "quyet-dinh-giai-thich.txt")
    doc.id = "thu"
    defs = glossary.extract_definitions([doc])
    assert [(d.term, d.anchor) for d in defs] == [
        ("Tổ vận động", "qc-dieu-2-khoan-1"), ("Buổi gặp mặt", "qc-dieu-2-khoan-2"),
        ("Người có uy tín", "qc-dieu-2-khoan-3"), ("Hình thức vận động", "qc-dieu-2-khoan-4"),
        ("Sổ theo dõi", "qc-dieu-2-khoan-5-diem-a"), ("Sổ ý kiến", "qc-dieu-2-khoan-5-diem-b")]
    # "Tổ vận động là nơi tiếp nhận …" in Điều 3 is a duty, not a definition: only Điều 2 counts
    assert all(d.anchor.startswith("qc-dieu-2") for d in defs)


def test_grouping_and_vietnamese_order():
    mk = lambda t: glossary.Definition(term=t, definition="x", connective="là", doc_id="d", anchor=None, ref="")
    entries = glossary.group_terms([mk(t) for t in
                                    ("Đảng viên", "dân vận", "Ủy ban", "Uỷ ban", "Ấp", "Anh", "ăn", "Hòa giải",
                                     "hoà giải", "Dân", "Ơn", "Ô", "Ý kiến", "Yên")])
    assert [e.term for e in entries] == ["Anh", "ăn", "Ấp", "Dân", "dân vận", "Đảng viên", "Hòa giải", "Ô",
                                         "Ơn", "Ủy ban", "Yên", "Ý kiến"]
    assert [len(e.definitions) for e in entries if e.term in ("Hòa giải", "Ủy ban")] == [2, 2]
    assert [glossary.initial(t) for t in ("“Ấp”", "đảng", "Ủy", "9 xã")] == ["Â", "Đ", "U", "#"]


def test_seeds_have_no_definition_article(seed_docs):
    """The two seeds define no terms: their glossary is the structure terms only (tests/test_knowledge_pages.py)."""
    s = glossary.summary(seed_docs.values())
    assert s["definition_articles"] == 0 and s["definitions"] == 0


def test_bench_line(capsys):
    from conftest import CORPUS
    from danvan.cli import main
    assert main(["bench", "glossary", "--corpus", str(CORPUS)]) == 0
    assert "thuật ngữ: 0 từ ngữ (0 định nghĩa) từ 0/2 văn bản" in capsys.readouterr().out


@pytest.mark.realworld
def test_realworld_glossary_figures():
    require_realworld()
    from danvan.corpus import load_corpus
    docs = load_corpus(str(REALWORLD)).documents
    res = glossary.summary(docs)
    print(f"realworld glossary: {res}")
    # tools/data/glossary.json finds every "Giải thích từ ngữ" article of the collection (39 on 2026-11-26:
    # 34 files by a plain grep, some holding quoted articles too), and definitions in (nearly) every one
    assert res["definition_articles"] >= 35
    assert res["defining_documents"] >= res["definition_articles"] - 3
    assert res["definitions"] >= 6 * res["defining_documents"]
    # no term is a sentence: every one stays within the limits of the data file
    lim = glossary.rules()["limits"]
    for d in glossary.extract_definitions(docs):
        assert len(d.term.split()) <= lim["max_words"] and not d.term.lower().startswith("trong "), d.term
