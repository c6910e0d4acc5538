"""Hard-wrapped lines and headings in context: one row per construct (invented texts in the style of real ones).

Wraps: a line break goes on when the line before is body text that has not ended its sentence, whatever the next
line starts with; headings, list markers and căn cứ lines start a unit only where a unit can start.
Headings in context: a heading is accepted when it is not a reference, fits the sequence of its level or is
clearly a heading; a rejected one stays text of the node it stands in.
"""
import pytest

from danvan.lossless import check_lossless
from danvan.normalize import normalize
from danvan.parse import parse

HEAD = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 21/2025/QĐ-UBND

Bình Minh, ngày 12 tháng 5 năm 2025

QUYẾT ĐỊNH
Ban hành Quy chế công tác dân vận

ỦY BAN NHÂN DÂN TỈNH BÌNH MINH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;

QUYẾT ĐỊNH:

"""

# A first article hard-wrapped the way converted PDFs are (lines cut at a width, sentences going on in lower case):
# the rows below are then read as a hard-wrapped text, as their real counterparts are.
WRAPPED = """Điều 1. Phạm vi điều chỉnh

1. Quy chế này quy định trách nhiệm, nội dung và phương thức
công tác dân vận của các cơ quan hành chính nhà nước, các tổ
chức chính trị - xã hội và các đơn vị sự nghiệp công lập trên
địa bàn tỉnh.

"""


def nodes(doc, kind=None):
    return [n for n in doc.all_nodes() if kind is None or n.kind == kind]


def texts(doc):
    """Every piece of body text, one per node (label, title and text joined as they read)."""
    return [" ".join(x for x in (n.label, n.title, n.text) if x) for n in doc.all_nodes()]


def anchors(doc, kinds=("part", "chapter", "section", "article", "clause", "point")):
    return [n.anchor for n in doc.all_nodes() if n.kind in kinds]


def parsed(body, head=HEAD + WRAPPED):
    text = head + body
    doc = parse(text)
    rep = check_lossless(text, doc)
    assert rep.ok, f"missing {dict(rep.missing)} extra {dict(rep.extra)}"
    return doc


# --- 1. hard-wrapped lines ------------------------------------------------------------------------------------
# (name, body, text that must stand in one node, anchors of the body after Điều 1)
WRAPS = [
    ("section reference after 'tại'",
     "Điều 2. Đánh giá\n\n1. Việc đánh giá thực hiện theo quy định tại\nMục 2 Phần XI của Quyết định số 12/QĐ-UBND "
     "ngày 3 tháng 1 năm 2025 của Ủy ban nhân dân tỉnh.\n\n2. Kết quả đánh giá được công khai.\n",
     "quy định tại Mục 2 Phần XI của Quyết định", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("part reference after 'kèm theo'",
     "Điều 2. Biểu mẫu\n\n1. Báo cáo lập theo mẫu ban hành kèm theo\nPhần V của Phụ lục I kèm theo Quyết định này.\n\n"
     "2. Báo cáo gửi trước ngày 15 tháng 12.\n",
     "kèm theo Phần V của Phụ lục I", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("chapter reference after 'tại'",
     "Điều 2. Đối tượng\n\n1. Viên chức đáp ứng tiêu chuẩn quy định tại\nChương II Thông tư này được xét chuyển "
     "chức danh.\n\n2. Người lao động hợp đồng.\n",
     "quy định tại Chương II Thông tư này", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("'(lần' / '2)' is no clause 2",
     "Điều 2. Chấm bài\n\n1. Chấm bài lần thứ hai (lần\n2) do thành viên khác thực hiện.\n\n2. Điểm bài là điểm "
     "trung bình của hai lần chấm.\n",
     "(lần 2) do thành viên", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("a date cut after 'tháng'",
     "Điều 2. Hiệu lực thi hành\n\n1. Quyết định này có hiệu lực kể từ ngày 01 tháng\n12 năm 2025.\n\n"
     "2. Bãi bỏ Quyết định số 41/2023/QĐ-UBND.\n",
     "kể từ ngày 01 tháng 12 năm 2025.", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("a date line after a document number",
     "Điều 2. Bãi bỏ\n\nBãi bỏ Quyết định số 41/2023/QĐ-UBND\nngày 11 tháng 12 năm 2023 của Ủy ban nhân dân tỉnh.\n",
     "Quyết định số 41/2023/QĐ-UBND ngày 11 tháng 12 năm 2023", ["dieu-2"]),
    ("a number after a word that wants one",
     "Điều 2. Áp dụng\n\n1. Trường hợp quy định tại khoản\n2 Điều 4 Quy chế này thì áp dụng mức thấp hơn.\n",
     "tại khoản 2 Điều 4 Quy chế này", ["dieu-2", "dieu-2-khoan-1"]),
    ("a reference 'Điều 5 của' after 'tại'",
     "Điều 2. Xử lý vi phạm\n\n1. Hành vi vi phạm quy định tại\nĐiều 5 của Quy chế này bị xử lý theo quy định.\n",
     "quy định tại Điều 5 của Quy chế này", ["dieu-2", "dieu-2-khoan-1"]),
    ("'Phụ lục' after 'tại'",
     "Điều 2. Hồ sơ\n\n1. Tờ khai theo mẫu tại\nPhụ lục II ban hành kèm theo Quyết định này.\n",
     "theo mẫu tại Phụ lục II ban hành", ["dieu-2", "dieu-2-khoan-1"]),
    ("a quotation after 'cụm từ'",
     "Điều 2. Sửa đổi\n\n1. Thay cụm từ\n“Ban Dân vận Huyện ủy” bằng cụm từ “Ban Dân vận Đảng ủy xã”.\n",
     "Thay cụm từ “Ban Dân vận Huyện ủy” bằng", ["dieu-2", "dieu-2-khoan-1"]),
    ("a short first line, a capital after it",
     "Điều 2. Trách nhiệm\n\n1. Giám đốc Sở\nNội vụ chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện "
     "Quy chế này.\n\n2. Bộ trưởng\nBộ Nội vụ kiểm tra việc thực hiện.\n",
     "Giám đốc Sở Nội vụ chủ trì", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("a number closing a parenthesis",
     "Điều 2. Coi thi\n\n1. Mỗi phòng thi có hai giám thị, một người chịu trách nhiệm chính (gọi là giám thị\n"
     "1). Khi làm nhiệm vụ, giám thị đeo phù hiệu.\n\n2. Giám thị không được rời phòng thi.\n",
     "(gọi là giám thị 1). Khi làm nhiệm vụ", ["dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2"]),
    ("a Roman numeral ending a sentence",
     "Điều 2. Cấp dự báo\n\n1. Bảng dự báo có mũi tên chỉ cấp dự báo từ cấp I đến cấp\nV. Chi tiết các cấp tại "
     "Phụ lục kèm theo.\n",
     "đến cấp V. Chi tiết các cấp", ["dieu-2", "dieu-2-khoan-1"]),
    ("the motto's words inside a sentence",
     "Điều 2. Nghiêm cấm\n\n1. Sử dụng chữ ký số nhằm chống lại Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam, gây "
     "mất an\nninh, trật tự, an toàn xã hội.\n",
     "gây mất an ninh, trật tự", ["dieu-2", "dieu-2-khoan-1"]),
    ("a bold run going on into the next line",
     "Điều 2. Hồ sơ\n\n**1.3. Thành phần, số lượng hồ\nsơ: **01 bộ hồ sơ gồm tờ khai và bản sao giấy tờ.\n",
     "Thành phần, số lượng hồ sơ: 01 bộ hồ sơ", ["dieu-2", "dieu-2-diem-1-3"]),
    ("a glued bold run at a line end",
     "**Điều 2. Thẩm quyền quyết định mức giá cao hơn quy định tại****\nkhoản 1 Điều 4 Quyết định số "
     "15/2025/QĐ-TTg**\n\n1. Chủ tịch Ủy ban nhân dân tỉnh quyết định.\n",
     "quy định tại khoản 1 Điều 4", ["dieu-2", "dieu-2-khoan-1"]),
]


@pytest.mark.parametrize("name,body,joined,outline", WRAPS, ids=[r[0] for r in WRAPS])
def test_a_wrapped_line_goes_on(name, body, joined, outline):
    d = parsed(body)
    assert any(joined in t for t in texts(d)), texts(d)
    assert anchors(d)[2:] == outline      # after dieu-1, dieu-1-khoan-1
    assert not [w for w in d.warnings if w.code in ("clause-sequence", "duplicate-anchor")]


# (name, text of one block, the paragraphs normalize() must make of it)
BREAKS = [
    ("a clause after a clause title", "1. Mục đích\na) Nâng cao nhận thức của cấp ủy;",
     ["1. Mục đích", "a) Nâng cao nhận thức của cấp ủy;"]),
    ("list items ending with a comma", "- Các tỉnh ủy, thành ủy,\n- Các ban đảng Trung ương,",
     ["- Các tỉnh ủy, thành ủy,", "- Các ban đảng Trung ương,"]),
    ("a clause after a sentence without its period",
     "1. Các cơ quan phối hợp theo quy định của pháp luật\n2. Trường hợp có vướng mắc, báo cáo Ủy ban nhân dân tỉnh.",
     ["1. Các cơ quan phối hợp theo quy định của pháp luật", "2. Trường hợp có vướng mắc, báo cáo Ủy ban nhân dân tỉnh."]),
    ("an article after a sentence without its period", "Quyết định có hiệu lực kể từ ngày ký\nĐiều 6. Trách nhiệm thi hành",
     ["Quyết định có hiệu lực kể từ ngày ký", "Điều 6. Trách nhiệm thi hành"]),
    ("a heading in capitals", "QUY CHẾ\nCông tác dân vận của hệ thống chính trị", ["QUY CHẾ", "Công tác dân vận của hệ thống chính trị"]),
    ("a bold heading before plain text", "**Điều 5. Trách nhiệm thi hành**\nCác sở, ban, ngành thực hiện Quyết định này.",
     ["Điều 5. Trách nhiệm thi hành", "Các sở, ban, ngành thực hiện Quyết định này."]),
    ("a bold heading before a clause, the title ending in a noun", "**Điều 4. Quản lý tài khoản**\n1. Tài khoản được cấp cho cán bộ.",
     ["Điều 4. Quản lý tài khoản", "1. Tài khoản được cấp cho cán bộ."]),
    ("letterhead: number, then place and date", "Số: 15-HD/BDVTU\nLâm Đồng, ngày 12 tháng 3 năm 2022",
     ["Số: 15-HD/BDVTU", "Lâm Đồng, ngày 12 tháng 3 năm 2022"]),
    ("căn cứ lines without their semicolons",
     "Căn cứ Luật Tổ chức chính quyền địa phương\nCăn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ",
     ["Căn cứ Luật Tổ chức chính quyền địa phương", "Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ"]),
    ("a bold heading over two lines", "**Điều 9. Hồ sơ cấp**\n**Giấy phép hoạt động**",
     ["Điều 9. Hồ sơ cấp Giấy phép hoạt động"]),
]


@pytest.mark.parametrize("name,block,paras", BREAKS, ids=[r[0] for r in BREAKS])
def test_units_start_where_a_unit_can_start(name, block, paras):
    assert [p.text for p in normalize(block).paras] == paras


def test_a_wrapped_basis_line_stays_one_line():
    text = HEAD.replace(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n",
        "Căn cứ Quyết định số 23-QĐ/TW\nngày 30 tháng 7 năm 2021 của Bộ Chính trị ban hành Quy chế công tác dân vận "
        "của hệ thống chính trị;\nCăn cứ Luật Tổ chức chính quyền địa phương\nngày 16 tháng 6 năm 2025;\n") + WRAPPED
    d = parse(text)
    assert [p.text for p in d.preamble if p.kind == "basis"] == [
        "Căn cứ Quyết định số 23-QĐ/TW ngày 30 tháng 7 năm 2021 của Bộ Chính trị ban hành Quy chế công tác dân vận "
        "của hệ thống chính trị;",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"]
    assert check_lossless(text, d).ok


# A Party text written one paragraph per line (no hard wraps): a short clause title and the sentence under it.
LINE_PER_PARAGRAPH = """II. NỘI DUNG

1. Trách nhiệm của cấp ủy
Cấp ủy các cấp lãnh đạo toàn diện công tác dân vận.

2. Chế độ báo cáo
Định kỳ 6 tháng, hằng năm báo cáo Ban Thường vụ Tỉnh ủy.
"""


def test_a_clause_title_stays_apart_in_a_text_that_does_not_wrap():
    d = parsed(LINE_PER_PARAGRAPH, head=HEAD)
    assert [(n.anchor, n.text) for n in nodes(d, "clause")] == [
        ("muc-2-khoan-1", "Trách nhiệm của cấp ủy"), ("muc-2-khoan-2", "Chế độ báo cáo")]
    assert [c.text for c in nodes(d, "clause")[0].children] == ["Cấp ủy các cấp lãnh đạo toàn diện công tác dân vận."]


def test_a_wrapped_text_is_told_from_one_written_line_per_paragraph():
    from danvan.normalize import _hard_wrapped, _split_raw, _strip_markup
    assert _hard_wrapped(list(_strip_markup(_split_raw(HEAD + WRAPPED))))
    assert not _hard_wrapped(list(_strip_markup(_split_raw(HEAD + LINE_PER_PARAGRAPH))))


# --- 2. headings in context -----------------------------------------------------------------------------------
# (name, body, expected anchors, text that stays a paragraph or None)
REFERENCES = [
    ("'Mục 2 Phần XI của …' on a line of its own",
     "Điều 2. Đánh giá\n\nViệc đánh giá theo quy định tại\n\nMục 2 Phần XI của Quyết định số 12/QĐ-UBND.\n",
     ["dieu-2"], "Mục 2 Phần XI của Quyết định số 12/QĐ-UBND."),
    ("'Phần V của Phụ lục I kèm theo …'",
     "Điều 2. Biểu mẫu\n\nPhần V của Phụ lục I kèm theo Quyết định này áp dụng cho cấp xã.\n",
     ["dieu-2"], "Phần V của Phụ lục I kèm theo Quyết định này áp dụng cho cấp xã."),
    ("'Chương II Thông tư này …'",
     "Điều 2. Đối tượng\n\nChương II Thông tư này áp dụng cho viên chức.\n",
     ["dieu-2"], "Chương II Thông tư này áp dụng cho viên chức."),
    ("'Mục XI Phụ lục VI'", "Điều 2. Căn cứ\n\nMục XI Phụ lục VI\n", ["dieu-2"], "Mục XI Phụ lục VI"),
    ("a bold 'Điều 5 Nghị định này …'",
     "Điều 2. Áp dụng\n\n**Điều 5 Nghị định này được áp dụng cho cán bộ.**\n", ["dieu-2"],
     "Điều 5 Nghị định này được áp dụng cho cán bộ."),
    ("'Chương II, Chương III …'",
     "Điều 2. Áp dụng\n\nChương II, Chương III của Quy chế này áp dụng cho cấp xã.\n", ["dieu-2"],
     "Chương II, Chương III của Quy chế này áp dụng cho cấp xã."),
]


@pytest.mark.parametrize("name,body,outline,paragraph", REFERENCES, ids=[r[0] for r in REFERENCES])
def test_a_reference_is_no_heading(name, body, outline, paragraph):
    d = parsed(body)
    assert anchors(d)[2:] == outline
    assert paragraph in [n.text for n in nodes(d, "paragraph")]


# (name, body without articles, expected (anchor, num, title) of the headings)
SEQUENCES = [
    ("A, B, C are letters, not C = 100",
     "A. KẾT QUẢ THỰC HIỆN\n\nI. CÔNG TÁC LÃNH ĐẠO\n\nII. CÔNG TÁC PHỐI HỢP\n\nB. HẠN CHẾ\n\nC. NHIỆM VỤ\n",
     [("section", "A", "KẾT QUẢ THỰC HIỆN"), ("section", "I", "CÔNG TÁC LÃNH ĐẠO"),
      ("section", "II", "CÔNG TÁC PHỐI HỢP"), ("section", "B", "HẠN CHẾ"), ("section", "C", "NHIỆM VỤ")]),
    ("I. first is Roman, V. after IV. is Roman",
     "I. MỤC ĐÍCH\n\nII. YÊU CẦU\n\nIII. NỘI DUNG\n\nIV. TIẾN ĐỘ\n\nV. TỔ CHỨC THỰC HIỆN\n",
     [("section", n, t) for n, t in (("I", "MỤC ĐÍCH"), ("II", "YÊU CẦU"), ("III", "NỘI DUNG"), ("IV", "TIẾN ĐỘ"),
                                     ("V", "TỔ CHỨC THỰC HIỆN"))]),
    ("I. after H. is a letter",
     "".join(f"{c}. PHẦN {c}\n\n" for c in "ABCDEGH") + "I. PHẦN I\n",
     [("section", c, f"PHẦN {c}") for c in "ABCDEGHI"]),
    ("glued headings: Markdown, bold markup",
     "### Chương ICHÍNH SÁCH CHUNG\n\nĐiều 2. Nguyên tắc\n\nChương II**TỔ CHỨC THỰC HIỆN**\n\nĐiều 3. Trách nhiệm\n",
     [("chapter", "I", "CHÍNH SÁCH CHUNG"), ("chapter", "II", "TỔ CHỨC THỰC HIỆN")]),
]


def _headings(d):
    return [(n.kind, n.num, n.title) for n in d.all_nodes() if n.kind in ("part", "chapter", "section")]


@pytest.mark.parametrize("name,body,want", SEQUENCES, ids=[r[0] for r in SEQUENCES])
def test_headings_follow_their_sequence(name, body, want):
    d = parsed(body, head=HEAD)
    assert _headings(d) == want
    assert not [w for w in d.warnings if w.code.endswith("-sequence")]


def test_roman_sections_nest_under_letter_headings():
    d = parsed("A. KẾT QUẢ\n\nI. LÃNH ĐẠO\n\nB. NHIỆM VỤ\n\nI. TUYÊN TRUYỀN\n", head=HEAD)
    a, b = [n for n in d.body if n.kind == "section"]
    assert (a.num, [c.num for c in a.children], b.num, [c.num for c in b.children]) == ("A", ["I"], "B", ["I"])
    # anchors from structure: the letter keeps its letter (C is no Roman 100), a nested section keeps its parent
    assert [a.anchor, a.children[0].anchor, b.anchor, b.children[0].anchor] == \
        ["muc-a", "muc-a-muc-1", "muc-b", "muc-b-muc-1"]
    assert not [w for w in d.warnings if w.code == "duplicate-anchor"]
    c = parsed("A. KẾT QUẢ\n\nB. HẠN CHẾ\n\nC. NHIỆM VỤ\n", head=HEAD)
    assert [n.anchor for n in c.body] == ["muc-a", "muc-b", "muc-c"]


def test_a_glued_point_is_a_point():
    d = parsed("Điều 2. Miễn trừ\n\n1. Các trường hợp sau:\n\na)Không thu phí đối với hộ nghèo;\n\nb)Giảm 50% đối với "
               "hộ cận nghèo.\n")
    assert [(n.anchor, n.text) for n in nodes(d, "point")] == [
        ("dieu-2-khoan-1-diem-a", "Không thu phí đối với hộ nghèo;"), ("dieu-2-khoan-1-diem-b", "Giảm 50% đối với hộ cận nghèo.")]


def test_vietnamese_point_letters_follow_each_other():
    body = "Điều 2. Nội dung\n\n1. Gồm:\n\n" + "".join(f"{c}) Nội dung {c};\n\n" for c in "abcdđeghik")
    d = parsed(body)
    assert [n.num for n in nodes(d, "point")] == list("abcdđeghik")
    assert not [w for w in d.warnings if w.code.endswith("-sequence")]


GAPS = [
    # a real gap in the source: kept, warned, never renumbered
    ("a clause gap", "Điều 2. Quyền\n\n1. Được thông tin.\n\n3. Được khiếu nại.\n",
     [("clause", "1"), ("clause", "3")], "clause-sequence"),
    ("a chapter gap, clearly a heading", "**Chương I**\n\n**QUY ĐỊNH CHUNG**\n\nĐiều 2. Phạm vi\n\n**Chương III**\n\n"
     "**TỔ CHỨC THỰC HIỆN**\n\nĐiều 3. Trách nhiệm\n",
     [("chapter", "I"), ("chapter", "III")], "chapter-sequence"),
    ("a Roman gap", "I. MỤC ĐÍCH\n\nII. YÊU CẦU\n\nIV. TỔ CHỨC THỰC HIỆN\n",
     [("section", "I"), ("section", "II"), ("section", "IV")], "section-sequence"),
    ("a point gap", "Điều 2. Hồ sơ\n\n1. Gồm:\n\na) Tờ khai;\n\nc) Bản sao giấy tờ.\n",
     [("clause", "1"), ("point", "a"), ("point", "c")], "point-sequence"),
]


@pytest.mark.parametrize("name,body,want,code", GAPS, ids=[r[0] for r in GAPS])
def test_a_gap_is_kept_and_warned(name, body, want, code):
    d = parsed(body, head=HEAD)
    assert [(n.kind, n.num) for n in d.all_nodes() if n.kind in ("chapter", "section", "clause", "point")] == want
    assert [w.code for w in d.warnings if w.code.endswith("-sequence")] == [code]


def test_a_heading_out_of_sequence_and_in_running_text_is_text():
    # "Mục 1" again in the same chapter, in sentence case, no separator: a sentence, not a second section 1
    d = parsed("Chương I\n\nQUY ĐỊNH CHUNG\n\nMục 1. Phạm vi\n\nĐiều 2. Phạm vi\n\nMục 1 Những nội dung chung được áp "
               "dụng cho cả hai cấp\n\nĐiều 3. Đối tượng\n", head=HEAD)
    assert [(n.kind, n.num) for n in d.all_nodes() if n.kind in ("chapter", "section")] == [("chapter", "I"),
                                                                                              ("section", "1")]
    assert "Mục 1 Những nội dung chung được áp dụng cho cả hai cấp" in [n.text for n in nodes(d, "paragraph")]


def test_a_number_out_of_sequence_before_lower_case_is_text():
    d = parsed("Điều 2. Quyền\n\n1. Được thông tin về các nội dung sau\n\n3. và các nội dung khác theo quy định.\n\n"
               "2. Được khiếu nại.\n")
    assert [n.anchor for n in nodes(d, "clause")] == ["dieu-1-khoan-1", "dieu-2-khoan-1", "dieu-2-khoan-2"]
    assert "3. và các nội dung khác theo quy định." in [n.text for n in nodes(d, "paragraph")]
