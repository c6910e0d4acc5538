"""Table-driven tests: one row per construct the parser must recognise."""
import pytest

from danvan.lossless import check_lossless
from danvan.parse import parse


def nodes(doc, kind=None):
    return [n for n in doc.all_nodes() if kind is None or n.kind == kind]


def art(doc, num):
    return next(n for n in nodes(doc, "article") if n.num == num)


LETTERHEAD = [
    # (text, expected number, date, place, issuers, motto)
    ("BAN DÂN VẬN TỈNH ỦY – BCS ĐẢNG UBND TỈNH\n*\nSố 03-QC/BDVTU-BCSDUBND\n\nĐẢNG CỘNG SẢN VIỆT NAM\n"
     "Đồng Nai, ngày 05 tháng 11 năm 2021\n\nQUY CHẾ\nphối hợp công tác\n",
     "03-QC/BDVTU-BCSDUBND", "2021-11-05", "Đồng Nai", [("BAN DÂN VẬN TỈNH ỦY", None), ("BCS ĐẢNG UBND TỈNH", None)],
     ["ĐẢNG CỘNG SẢN VIỆT NAM"]),
    ("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
     "Số: 102/2025/QĐ-UBND\n\nNinh Bình, ngày 27 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nBan hành Quy chế\n",
     "102/2025/QĐ-UBND", "2025-11-27", "Ninh Bình", [("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", None)],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    # number on the next line; table pipes from a two-column letterhead
    ("| **ỦY BAN NHÂN DÂN TỈNH X** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**Độc lập - Tự do - Hạnh phúc |\n|---|---|\n"
     "| Số:\n165/2025/QĐ-UBND | *X, ngày 3 tháng 1 năm 2025* |\n\n**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY CHẾ\n",
     "165/2025/QĐ-UBND", "2025-01-03", "X", [("ỦY BAN NHÂN DÂN TỈNH X", None)],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    # Party hierarchy: superior body above the issuer
    ("TỈNH ỦY ĐỒNG NAI\n\nBAN DÂN VẬN\n*\n\nSố 12-HD/BDVTU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nĐồng Nai, ngày 1 tháng 2 năm 2022\n\n"
     "HƯỚNG DẪN\nthực hiện quy chế\n",
     "12-HD/BDVTU", "2022-02-01", "Đồng Nai", [("BAN DÂN VẬN", "TỈNH ỦY ĐỒNG NAI")], ["ĐẢNG CỘNG SẢN VIỆT NAM"]),
    # blank draft number and date
    ("ỦY BAN NHÂN DÂN TỈNH Y\n\nSố:      /2025/QĐ-UBND\n\nY, ngày    tháng    năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành\n",
     None, None, "Y", [("ỦY BAN NHÂN DÂN TỈNH Y", None)], []),
]


@pytest.mark.parametrize("text,number,date,place,issuers,motto", LETTERHEAD)
def test_letterhead(text, number, date, place, issuers, motto):
    d = parse(text)
    assert d.number == number
    assert d.date == date
    assert d.place == place
    assert [(i.name, i.parent) for i in d.issuers] == issuers
    assert d.motto == motto
    assert check_lossless(text, d).ok


TITLES = [
    ("QUY CHẾ\n**phối hợp công tác giữa Ban Dân vận Tỉnh ủy\nvà Ban Cán sự đảng**\n\nThực hiện Quyết định số 1.\n",
     "Quy chế", "Quy chế phối hợp công tác giữa Ban Dân vận Tỉnh ủy và Ban Cán sự đảng"),
    ("## QUY CHẾ\n\n### công tác dân vận của hệ thống chính trị tỉnh Bình Thuận\n\n-----\n\n- Căn cứ Quy chế số 01;\n",
     "Quy chế", "Quy chế công tác dân vận của hệ thống chính trị tỉnh Bình Thuận"),
    ("**QUYẾT ĐỊNH**\n\nBAN HÀNH QUY CHẾ QUẢN LÝ\nCHỮ KÝ SỐ\n\n*Căn cứ Luật số 1;*\n",
     "Quyết định", "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ QUẢN LÝ CHỮ KÝ SỐ"),
    ("NGHỊ QUYẾT\nVề việc thông qua\n\nHỘI ĐỒNG NHÂN DÂN\n", "Nghị quyết", "Nghị quyết Về việc thông qua"),
    # missing space after the type (PDF extraction): the type is still found; title_lines keep the source
    ("QUYẾT ĐỊNHVỀ VIỆC BAN HÀNH QUY CHẾ\n\nĐiều 1. A\n", "Quyết định", "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ"),
    # a web page showing the trích yếu twice (glued to the type, then alone): the title names it once
    ("**NGHỊ ĐỊNH****Về chế độ họp**\n\n**Về chế độ họp**\n\n*Căn cứ Luật số 1;*\n", "Nghị định",
     "Nghị định Về chế độ họp"),
    ("**LUẬT****CÔNG TÁC DÂN VẬN**\n\n**CÔNG TÁC  DÂN VẬN**\n\n*Căn cứ Hiến pháp;*\n", "Luật", "LUẬT CÔNG TÁC DÂN VẬN"),
    # a repeated word that is not a whole repeated line stays
    ("NGHỊ ĐỊNH\nQuy định quy định chi tiết\n\nĐiều 1. A\n", "Nghị định", "Nghị định Quy định quy định chi tiết"),
]


@pytest.mark.parametrize("text,typ,title", TITLES)
def test_title(text, typ, title):
    d = parse(text)
    assert d.type == typ
    assert d.title == title
    assert check_lossless(text, d).ok


PREAMBLE = [
    ("QUY CHẾ\nabc\n\n- Căn cứ Quy chế số 01-QC/TU;\n- Căn cứ Quyết định số 23-QĐ/TW;\n- Xét đề nghị của Ban Dân vận Tỉnh ủy,\n\n"
     "Ban Thường vụ Tỉnh ủy ban hành Quy chế, như sau:\n\nChương I\nCHUNG\n\nĐiều 1. A\n",
     ["basis", "basis", "proposal", "enacting"]),
    ("QUYẾT ĐỊNH\nVề việc x\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nTheo đề nghị của Giám đốc Sở Nội vụ.\n\n"
     "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n", ["basis", "proposal", "enacting"]),
    ("QUY CHẾ\nphối hợp\n\nThực hiện Quyết định số 23-QĐ/TW; hai bên ban hành quy chế với những nội dung sau:\n\nĐiều 1: A\n",
     ["implementing"]),
]


@pytest.mark.parametrize("text,kinds", PREAMBLE)
def test_preamble(text, kinds):
    d = parse(text)
    assert [p.kind for p in d.preamble] == kinds
    assert nodes(d, "article")[0].anchor == "dieu-1"


HEADINGS = [
    # (body, [(kind, num, title)] of part/chapter/section/article in order)
    ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1: Phạm vi phối hợp\n\nNội dung.\n",
     [("chapter", "I", "NHỮNG QUY ĐỊNH CHUNG"), ("article", "1", "Phạm vi phối hợp")]),
    ("**Chương II. TRÁCH NHIỆM**\n\n**Mục 1. CƠ QUAN ĐẢNG**\n\n**Điều 5. Ban Dân vận Tỉnh ủy**\n\n1. Chủ trì.\n",
     [("chapter", "II", "TRÁCH NHIỆM"), ("section", "1", "CƠ QUAN ĐẢNG"), ("article", "5", "Ban Dân vận Tỉnh ủy")]),
    ("**Chương III****PHƯƠNG THỨC THỰC HIỆN****Điều 17. Phương thức thực hiện**\n\n1. Quán triệt.\n",
     [("chapter", "III", "PHƯƠNG THỨC THỰC HIỆN"), ("article", "17", "Phương thức thực hiện")]),
    ("**Chương**\n**III**\n\n**TỔ CHỨC**\n\n**Điều 1.\nPhạm vi điều chỉnh**\n\nQuy định này.\n",
     [("chapter", "III", "TỔ CHỨC"), ("article", "1", "Phạm vi điều chỉnh")]),
    ("**Điều\n21. Điều khoản thi hành**\n\n1. Thủ trưởng.\n", [("article", "21", "Điều khoản thi hành")]),
    ("Phần thứ nhất\nQUY ĐỊNH CHUNG\n\nChương I\nA\n\nĐiều 1. B\n",
     [("part", "thứ nhất", "QUY ĐỊNH CHUNG"), ("chapter", "I", "A"), ("article", "1", "B")]),
    ("## Mục II\n\n### TRÁCH NHIỆM CỦA CÁC CƠ QUAN NHÀ NƯỚC\n\n#### **Điều 9.** Trách nhiệm của Hội đồng nhân dân tỉnh\n\n1. X.\n",
     [("section", "II", "TRÁCH NHIỆM CỦA CÁC CƠ QUAN NHÀ NƯỚC"), ("article", "9", "Trách nhiệm của Hội đồng nhân dân tỉnh")]),
    # title versus first sentence
    ("**Điều 1.** Dân vận và công tác dân vận là nhiệm vụ có ý nghĩa chiến lược. Công tác dân vận là trách nhiệm.\n",
     [("article", "1", None)]),
    ("**Điều 2.** Quy chế này quy định trách nhiệm, cơ chế, phương thức thực hiện công tác dân vận.\n",
     [("article", "2", None)]),
    ("**Điều 7.** Đảng đoàn, ban cán sự đảng cấp tỉnh\n\n1. Lãnh đạo.\n", [("article", "7", "Đảng đoàn, ban cán sự đảng cấp tỉnh")]),
]


@pytest.mark.parametrize("body,want", HEADINGS)
def test_headings(body, want):
    d = parse(body)
    got = [(n.kind, n.num, n.title) for n in nodes(d) if n.kind in ("part", "chapter", "section", "article")]
    assert got == want
    assert check_lossless(body, d).ok


def test_article_title_vs_text_anchor_and_label():
    d = parse("**Điều 1.** Dân vận là nhiệm vụ chiến lược.\n\n**Điều 5. Ban Dân vận Tỉnh ủy**\n\n1. Chủ trì.\n")
    a1, a5 = nodes(d, "article")
    assert (a1.title, a1.text, a1.label) == (None, "Dân vận là nhiệm vụ chiến lược.", "Điều 1.")
    assert (a5.title, a5.label, a5.anchor) == ("Ban Dân vận Tỉnh ủy", "Điều 5.", "dieu-5")


CLAUSES = [
    # (article body, [(anchor, label)] of clauses/points in order)
    ("Điều 2: A\n\n1- Một.\n\n2- Hai.\n", [("dieu-2-khoan-1", "1-"), ("dieu-2-khoan-2", "2-")]),
    ("Điều 2. A\n\n1. Một.\n2. Hai.\n3) Ba.\n", [("dieu-2-khoan-1", "1."), ("dieu-2-khoan-2", "2."), ("dieu-2-khoan-3", "3)")]),
    ("Điều 5. A\n\n2. Hai:\n\na) a;\n\nb) b;\n\nđ) đ;\n",
     [("dieu-5-khoan-2", "2."), ("dieu-5-khoan-2-diem-a", "a)"), ("dieu-5-khoan-2-diem-b", "b)"),
      ("dieu-5-khoan-2-diem-dd", "đ)")]),
    ("Điều 4: A\n\n1- Đối với Ban\n\n1.1- Một một.\n\n1.2- Một hai.\n\n2- Đối với\n\n2.1- Hai một.\n",
     [("dieu-4-khoan-1", "1-"), ("dieu-4-khoan-1-diem-1-1", "1.1-"), ("dieu-4-khoan-1-diem-1-2", "1.2-"),
      ("dieu-4-khoan-2", "2-"), ("dieu-4-khoan-2-diem-2-1", "2.1-")]),
    # a decimal at the start of a line is not a sub-item
    ("Điều 1. A\n\n1. Hệ số:\n\n2.5 lần mức lương cơ sở.\n\n2. Khác.\n", [("dieu-1-khoan-1", "1."), ("dieu-1-khoan-2", "2.")]),
    # an amount at the start of a line is not a clause
    ("Điều 1. Mức chi\n\n1. Chi hỗ trợ:\n\n1.000.000 đồng/người/tháng.\n\n2. Khác.\n",
     [("dieu-1-khoan-1", "1."), ("dieu-1-khoan-2", "2.")]),
    ("Điều 6. A\n\n2. Phối hợp:\n\n2.1. Văn phòng.\n\n2.2. Ban Tổ chức.\n",
     [("dieu-6-khoan-2", "2."), ("dieu-6-khoan-2-diem-2-1", "2.1."), ("dieu-6-khoan-2-diem-2-2", "2.2.")]),
]


@pytest.mark.parametrize("body,want", CLAUSES)
def test_clauses_points(body, want):
    d = parse(body)
    got = [(n.anchor, n.label) for n in nodes(d) if n.kind in ("clause", "point")]
    assert got == want
    assert check_lossless(body, d).ok


def test_bullets_nest_under_point_and_plus_under_dash():
    d = parse("Điều 1. A\n\n1. Một:\n\n- gạch một;\n+ cộng một;\n+ cộng hai;\n- gạch hai.\n")
    k1 = nodes(d, "clause")[0]
    items = [c for c in k1.children if c.kind == "item"]
    assert [i.text for i in items] == ["gạch một;", "gạch hai."]
    assert [c.text for c in items[0].children] == ["cộng một;", "cộng hai;"]


JOINS = [
    # page break inside a sentence: joined
    ("Điều 2. A\n\n2- Phối hợp phải căn cứ Điều lệ Đảng, quy định,\n\nnguyên tắc tổ chức và hoạt động.\n",
     "Phối hợp phải căn cứ Điều lệ Đảng, quy định, nguyên tắc tổ chức và hoạt động.", 1),
    ("Điều 6. A\n\n2.3. Nắm tình hình nhân dân, dư\n\nluận xã hội; chỉ đạo.\n", "Nắm tình hình nhân dân, dư luận xã hội; chỉ đạo.", 1),
    # hard line breaks inside one paragraph (converter residue): joined
    ("Điều 1. A\n\n1. Chịu trách nhiệm cài đặt phần\nmềm ký số, cập nhật phiên bản.\n",
     "Chịu trách nhiệm cài đặt phần mềm ký số, cập nhật phiên bản.", 0),
    # a finished sentence followed by a new capitalised paragraph: not joined
    ("Điều 1. A\n\n1. Câu một kết thúc.\n\nCâu hai là đoạn mới.\n", "Câu một kết thúc.", 0),
]


@pytest.mark.parametrize("body,clause_text,joins", JOINS)
def test_page_break_joins(body, clause_text, joins):
    d = parse(body)
    first = next(n for n in nodes(d) if n.kind in ("clause", "point"))
    assert first.text == clause_text
    assert len(d.joins) == joins


def test_markdown_residue_is_removed_but_words_kept():
    text = "# QUY CHẾ\n\n**Điều 1.** *Dân vận* là **nhiệm vụ** | chiến lược.\n\n-----\n"
    d = parse(text)
    a = nodes(d, "article")[0]
    assert "*" not in a.text and "#" not in a.text
    assert check_lossless(text, d).ok


ANNEX = """QUYẾT ĐỊNH
Ban hành Quy chế

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác dân vận.

Điều 2. Quyết định có hiệu lực từ ngày ký.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A

QUY CHẾ
Công tác dân vận
(Ban hành kèm theo Quyết định số 12/2025/QĐ-UBND ngày 3/1/2025)

Chương I
CHUNG

Điều 1. Phạm vi

1. Một.

Điều 2. Đối tượng

PHỤ LỤC I
DANH MỤC BIỂU MẪU

1. Mẫu một.
"""


def test_annexed_quy_che_and_phu_luc():
    d = parse(ANNEX)
    assert [n.anchor for n in d.body] == ["dieu-1", "dieu-2"]
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A")]
    qc, pl = d.annexes
    assert pl.parent == "qc"   # "PHỤ LỤC I" with no note of its own, after the Quy chế: the Quy chế's appendix
    assert qc.type == "Quy chế" and qc.kind == "annex" and qc.note.startswith("(Ban hành kèm theo")
    assert [n.anchor for n in qc.body[0].walk() if n.kind == "article"] == ["qc-dieu-1", "qc-dieu-2"]
    assert "qc-dieu-1-khoan-1" in {n.anchor for n in qc.body[0].walk()}
    assert pl.kind == "appendix" and pl.anchor == "qc-pl-1" and pl.num == "I"
    assert check_lossless(ANNEX, d).ok


CLOSINGS = [
    ("Điều 1. A\n\n**T/M BAN THƯỜNG VỤ**\n\n**BÍ THƯ**\n\n**Dương Văn An**\n", [("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Dương Văn An")]),
    ("Điều 1. A\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nHà Lan Anh\n",
     [("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Lan Anh")]),
    ("Điều 1. A\n\n**K/T TRƯỞNG BAN**\n**PHÓ TRƯỞNG BAN**\n\nNgô Văn B\n", [("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Ngô Văn B")]),
]


@pytest.mark.parametrize("text,signers", CLOSINGS)
def test_signatures(text, signers):
    d = parse(text)
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == signers
    assert check_lossless(text, d).ok


def test_recipients_and_cc():
    text = ("Điều 1. A\n\nNơi nhận:\n- Ban Dân vận Tỉnh ủy,\n- Lưu.\n\nBÍ THƯ\n\nNguyễn Văn C\n\n"
            "Đồng kính gửi:\n- Thường trực Tỉnh ủy (b/c)\n")
    d = parse(text)
    assert d.recipients == ["Ban Dân vận Tỉnh ủy", "Lưu."]
    assert d.cc == ["Thường trực Tỉnh ủy (b/c)"]
    assert d.signers[0].name == "Nguyễn Văn C"


def test_unicode_nfd_becomes_nfc_and_spelling_is_kept():
    import unicodedata
    text = unicodedata.normalize("NFD", "Điều 1. Hoá đơn, thuỷ lợi, uỷ ban; ông Đào Văn Phuoc ký.\n")
    d = parse(text)
    a = nodes(d, "article")[0]
    assert a.text == unicodedata.normalize("NFC", "Hoá đơn, thuỷ lợi, uỷ ban; ông Đào Văn Phuoc ký.")


def test_duplicate_article_numbers_get_unique_anchors_and_a_warning():
    d = parse("Điều 1. A\n\nĐiều 2. B\n\nĐiều 2. C\n")
    anchors = [n.anchor for n in nodes(d, "article")]
    assert anchors == ["dieu-1", "dieu-2", "dieu-2-2"]
    assert any(w.code == "duplicate-anchor" for w in d.warnings)


def test_anchors_stable_when_unrelated_text_changes():
    a = parse("Điều 1. A\n\n1. Một.\n\nĐiều 2. B\n\n1. Hai.\n\na) x.\n")
    b = parse("Điều 1. A đã sửa\n\n1. Một câu khác hẳn, dài hơn.\n\nĐoạn mới chen vào.\n\nĐiều 2. B\n\n1. Hai.\n\na) x.\n")
    key = lambda d: [n.anchor for n in nodes(d) if n.anchor and n.anchor.startswith("dieu-2")]
    assert key(a) == key(b) == ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-1-diem-a"]


def test_empty_and_garbage_never_raise():
    for t in ["", "\n\n", "|||", "****", "Điều", "Chương", "1.", "a)", "- ", "Số:", "(Kèm theo"]:
        d = parse(t)
        assert check_lossless(t, d).ok


def test_marker_alone_on_its_line_joins_the_text_below():
    body = "Điều 2. Nguyên tắc\n\n1.\nTrường hợp có quy định khác.\n\n2.\nQuyền hạn của Quỹ\n\na)\nTổ chức hoạt động;\n\nb)\nPhối hợp.\n"
    d = parse(body)
    got = [(n.anchor, n.text) for n in nodes(d) if n.kind in ("clause", "point")]
    assert got == [("dieu-2-khoan-1", "Trường hợp có quy định khác."), ("dieu-2-khoan-2", "Quyền hạn của Quỹ"),
                   ("dieu-2-khoan-2-diem-a", "Tổ chức hoạt động;"), ("dieu-2-khoan-2-diem-b", "Phối hợp.")]


def test_letter_points_under_dotted_subpoints_stay_siblings():
    d = parse("Điều 1. A\n\n1. Một:\n\n1.3. Tham mưu:\n\na) Chủ trì;\n\nb) Phối hợp;\n\n1.4. Khác.\n")
    got = [n.anchor for n in nodes(d) if n.kind in ("clause", "point")]
    assert got == ["dieu-1-khoan-1", "dieu-1-khoan-1-diem-1-3", "dieu-1-khoan-1-diem-1-3-diem-a",
                   "dieu-1-khoan-1-diem-1-3-diem-b", "dieu-1-khoan-1-diem-1-4"]
    assert not [w for w in d.warnings if w.code != "no-title"]


def test_enacting_line_with_the_signers_title_in_capitals():
    d = parse("QUYẾT ĐỊNH\nBan hành Quy chế\n\nCăn cứ Quy định số 360-QĐ/TW;\n\nXét đề nghị của Vụ Lý luận chính trị,\n\n"
              "**TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG QUYẾT ĐỊNH**\n\nĐiều 1. Ban hành kèm theo Quyết định này.\n")
    assert [p.kind for p in d.preamble] == ["basis", "proposal", "enacting"]


def test_a_citation_wrapped_onto_a_new_line_is_not_a_point():
    d = parse("Điều 10. A\n\n2. Giám đốc ra quyết định. Trường hợp tại điểm a), b), c),\nd) khoản 1, Điều 10 của Quy chế này, "
              "Trung tâm gửi quyết định.\n\n3. Cấp lại.\n")
    assert [n.anchor for n in nodes(d) if n.kind in ("clause", "point")] == ["dieu-10-khoan-2", "dieu-10-khoan-3"]


def test_party_huong_dan_with_roman_sections():
    """A Party Hướng dẫn (written for this test): I./II. sections, numbered items with a heading line, points."""
    from conftest import ROOT
    text = (ROOT / "tests" / "data" / "huong-dan-party.txt").read_text(encoding="utf-8")
    d = parse(text)
    assert (d.type, d.number, d.date, d.place) == ("Hướng dẫn", "15-HD/BDVTU", "2022-03-12", "Lâm Đồng")
    assert [(i.name, i.parent) for i in d.issuers] == [("BAN DÂN VẬN", "TỈNH ỦY LÂM ĐỒNG")]
    assert d.level == "province" and d.locality == "Lâm Đồng"
    outline = [(n.anchor, n.title if n.kind == "section" else n.text) for n in nodes(d)
               if n.kind in ("section", "clause", "point")]
    assert outline == [
        ("muc-1", "MỤC ĐÍCH, YÊU CẦU"), ("muc-1-khoan-1", "Mục đích"),
        ("muc-1-khoan-1-diem-a", "Nâng cao nhận thức của cấp ủy;"), ("muc-1-khoan-1-diem-b", "Phát huy vai trò của Mặt trận."),
        ("muc-1-khoan-2", "Yêu cầu"), ("muc-2", "NỘI DUNG"), ("muc-2-khoan-1", "Trách nhiệm của cấp ủy"),
        ("muc-2-khoan-2", "Chế độ báo cáo"), ("muc-3", "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == [("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hoa")]
    assert d.recipients == ["Ban Dân vận Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)", "Lưu VP."]
    assert check_lossless(text, d).ok


def test_party_quyet_dinh_with_annexed_quy_che():
    """A central Party decision issuing an annexed Quy chế (written for this test)."""
    from conftest import ROOT
    text = (ROOT / "tests" / "data" / "quyet-dinh-party-annex.txt").read_text(encoding="utf-8")
    d = parse(text)
    assert (d.type, d.number, d.date, d.level) == ("Quyết định", "99-QĐ/TW", "2021-07-30", "central")
    assert d.title == "Quyết định ban hành Quy chế mẫu về phối hợp công tác dân vận"
    assert [p.kind for p in d.preamble] == ["basis", "basis", "proposal", "enacting"]
    assert [n.anchor for n in nodes(d) if n.kind == "article" and not n.anchor.startswith("qc")] == \
        ["dieu-1", "dieu-2", "dieu-3"]
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == \
        [("T/M BỘ CHÍNH TRỊ", "THƯỜNG TRỰC BAN BÍ THƯ", "Trần Văn Mẫu")]
    assert d.recipients == ["Các tỉnh ủy, thành ủy", "Lưu Văn phòng Trung ương Đảng."]
    (qc,) = d.annexes
    assert qc.type == "Quy chế" and qc.title == "Quy chế mẫu về phối hợp công tác dân vận"
    assert qc.note.startswith("(ban hành kèm theo Quyết định số 99-QĐ/TW")
    arts = [n for n in qc.body[0].walk()] + [n for n in qc.body[1].walk()]
    assert [n.anchor for n in arts if n.kind == "article"] == ["qc-dieu-1", "qc-dieu-2", "qc-dieu-3"]
    assert [n.anchor for n in arts if n.kind == "point"] == \
        ["qc-dieu-2-khoan-2-diem-a", "qc-dieu-2-khoan-2-diem-b", "qc-dieu-2-khoan-2-diem-dd"]
    assert check_lossless(text, d).ok


def test_appendix_title_on_the_next_line_and_mot_so_is_not_a_number():
    text = ("QUYẾT ĐỊNH\nVề việc x\n\nĐiều 1. A\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n\n"
            "PHỤ LỤC II\n\nMột số mẫu văn bản phục vụ bồi dưỡng\n\n1. Mẫu một.\n")
    d = parse(text)
    (pl,) = d.annexes
    assert (pl.kind, pl.anchor, pl.title) == ("appendix", "pl-2", "Phụ lục II – Một số mẫu văn bản phục vụ bồi dưỡng")
    assert d.number is None
    assert check_lossless(text, d).ok


def test_compact_plain_text_with_two_column_letterhead():
    """A .txt with no blank lines and the letterhead's two columns on the same lines (written for this test)."""
    from conftest import ROOT
    text = (ROOT / "tests" / "data" / "quyet-dinh-compact.txt").read_text(encoding="utf-8")
    d = parse(text)
    assert (d.number, d.date, d.place, d.locality) == ("25/2023/QĐ-UBND", "2023-08-10", "Bình Phước", "Bình Phước")
    assert [i.name for i in d.issuers] == ["ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"]
    assert d.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert d.title == "Quyết định Ban hành Quy chế công tác dân vận của chính quyền các cấp tỉnh Bình Phước"
    assert [p.kind for p in d.preamble][-3:] == ["basis", "proposal", "enacting"]
    assert [n.anchor for n in nodes(d, "article")] == ["dieu-1", "dieu-2", "dieu-3"]
    assert d.recipients == ["Như Điều 3", "Lưu: VT."]
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == \
        [("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Tuệ Hiền")]
    assert check_lossless(text, d).ok


def test_a_party_number_wrapped_onto_a_new_line_is_not_a_clause():
    d = parse("QUYẾT ĐỊNH\nVề việc x\n\nCăn cứ Nghị quyết số\n57- NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;\n\n"
              "QUYẾT ĐỊNH:\n\nĐiều 1. A\n")
    assert [p.kind for p in d.preamble] == ["basis", "enacting"]
    assert "Nghị quyết số 57- NQ/TW ngày" in d.preamble[0].text
    assert [n.kind for n in nodes(d)] == ["article"]


def test_prose_before_the_body_is_body_not_preamble():
    d = parse("# Hỏi đáp về đặt cọc\n\nChuyên viên pháp lý: A\n\nNội dung chính\n\nĐặt cọc là gì?\n\nĐiều 328. Đặt cọc\n\n1. Đặt cọc là việc.\n")
    assert d.preamble == []
    assert [n.kind for n in d.body][:3] == ["paragraph", "paragraph", "paragraph"]


def test_a_wrapped_article_number_is_not_a_clause():
    d = parse("Điều 1. Phạm vi\n\n1. Nghị định này quy định chi tiết khoản 8 Điều 39 (trừ nội dung tại khoản 4 Điều\n"
              "39), khoản 5 Điều 41 của Luật.\n\n2. Nghị định này quy định biện pháp.\n")
    assert [n.anchor for n in nodes(d) if n.kind == "clause"] == ["dieu-1-khoan-1", "dieu-1-khoan-2"]
    assert not d.warnings or all(w.code == "no-title" for w in d.warnings)


AMENDING = """NGHỊ QUYẾT
Sửa đổi, bổ sung một số điều của Quy định

QUYẾT NGHỊ:

Điều 1. Sửa đổi, bổ sung một số điều của Quy định

1. Sửa đổi khoản 2 Điều 5 như sau:

“2. Mức hỗ trợ là 50% chi phí.”

2. Sửa đổi, bổ sung Điều 7 như sau:

**“Điều 7. Dự án 2: Quy hoạch, sắp xếp dân cư**

1. Đối tượng hỗ trợ

a) Hộ gia đình;

2. Nội dung hỗ trợ theo quy định.”

Điều 2. Tổ chức thực hiện

Ủy ban nhân dân thành phố tổ chức thực hiện Nghị quyết.
"""


def test_quoted_amendments_are_text_of_the_amending_clause():
    d = parse(AMENDING)
    assert [n.anchor for n in nodes(d) if n.kind in ("article", "clause", "point")] == \
        ["dieu-1", "dieu-1-khoan-1", "dieu-1-khoan-2", "dieu-2"]
    k2 = next(n for n in nodes(d) if n.anchor == "dieu-1-khoan-2")
    assert [c.text for c in k2.children] == ["“Điều 7. Dự án 2: Quy hoạch, sắp xếp dân cư", "1. Đối tượng hỗ trợ",
                                           "a) Hộ gia đình;", "2. Nội dung hỗ trợ theo quy định.”"]
    assert not [w for w in d.warnings if w.code in ("duplicate-anchor", "clause-sequence")]
    assert check_lossless(AMENDING, d).ok


def test_an_unclosed_quotation_ends_at_the_next_article():
    d = parse(AMENDING.replace("theo quy định.”", "theo quy định."))
    assert [n.anchor for n in nodes(d, "article")] == ["dieu-1", "dieu-2"]


def test_page_with_only_the_execution_clause_and_an_annexed_list():
    """A decision whose head and articles were lost: its last sentence (the execution clause) then its annexed
    list. The list is an annex, not the document's type line; its title does not become the document's."""
    text = ("VỀ VIỆC ỦY QUYỀN GIẢI QUYẾT THỦ TỤC\n\n"
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "DANH MỤC THỦ TỤC ỦY QUYỀN\n\n*(Ban hành kèm theo Quyết định số /QĐ-UBND ngày / /2025)*\n\n"
            "| STT | Tên thủ tục |\n|---|---|\n| 1 | Cấp giấy phép |\n")
    d = parse(text)
    assert d.type is None and d.title == "VỀ VIỆC ỦY QUYỀN GIẢI QUYẾT THỦ TỤC"
    assert not d.issuers
    assert len(d.annexes) == 1 and "THỦ TỤC ỦY QUYỀN" in d.annexes[0].title
    assert any(n.kind == "table" for a in d.annexes for n in a.body)
    assert "chịu trách nhiệm thi hành" in d.body[0].text
    assert check_lossless(text, d).ok
