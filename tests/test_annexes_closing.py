"""Appendices, forms and closing matter (parse/annexes.py, parse/closing.py): table-driven, one row per construct.

Every text is written for these tests in the style of real regulations (two-column letterheads flattened,
bold markers, a "-" split from its text by a converter); none is copied from a real document.
"""
import pytest

from danvan.lossless import check_lossless
from danvan.parse import parse

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 15/2025/QĐ-UBND\n\nAn Phú, ngày 3 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành biểu mẫu\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này các phụ lục.\n\nĐiều 2. Quyết định có hiệu lực từ ngày ký.\n\n")
SIGN = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Văn Bình\n\n"
NOTE = "(Ban hành kèm theo Quyết định số 15/2025/QĐ-UBND ngày 3 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh)"


def outline(doc):
    """(anchor, parent, kind, num) of every annex, in reading order."""
    return [(a.anchor, a.parent, a.kind, a.num) for a in doc.annexes]


def parsed(text):
    d = parse(text)
    rep = check_lossless(text, d)
    assert rep.ok, f"missing {dict(rep.missing)} extra {dict(rep.extra)}"
    anchors = [n.anchor for n in d.all_nodes() if n.anchor] + [a.anchor for a in d.annexes]
    assert len(anchors) == len(set(anchors))
    return d


# --- where appendices start, where they nest, how they are anchored -----------------------------------------

APPENDICES = [
    ("PHỤ LỤC and its number on two lines (a bold run wrapped by the converter)",
     HEAD + SIGN + f"**PHỤ\nLỤC I**\n\nDANH MỤC ĐƠN VỊ\n\n{NOTE}\n\n1. Sở Nội vụ.\n\n"
     f"**PHỤ\nLỤC II**\n\nMẪU BÁO CÁO\n\n{NOTE}\n\n1. Tên đơn vị.\n",
     [("pl-1", None, "appendix", "I"), ("pl-2", None, "appendix", "II")]),
    ("PHỤ LỤC and its number as two paragraphs",
     HEAD + SIGN + f"**PHỤ LỤC**\n\n**III**\n\nDANH MỤC ĐƠN VỊ\n\n{NOTE}\n\n1. Sở Nội vụ.\n",
     [("pl-3", None, "appendix", "III")]),
    ("three appendices in a row, none with an article or a closing (the 2nd and 3rd do not stay in the 1st)",
     HEAD + SIGN + "PHỤ LỤC I\n\nDANH MỤC CƠ QUAN\n\n| STT | Cơ quan |\n|---|---|\n| 1 | Sở Tài chính |\n\n"
     "PHỤ LỤC II\n\nDANH MỤC XÃ\n\n| STT | Xã |\n|---|---|\n| 1 | Xã Bình An |\n\n"
     "**Phụ lục 3**\n\nMức chi hỗ trợ theo từng năm.\n",
     [("pl-1", None, "appendix", "I"), ("pl-2", None, "appendix", "II"), ("pl-3", None, "appendix", "3")]),
    ("a model contract's own Phụ lục I, II inside the circular's PHỤ LỤC III; PHỤ LỤC IV is the circular's again",
     HEAD + SIGN + f"PHỤ LỤC III\n\nMẪU HỢP ĐỒNG THUÊ DỊCH VỤ\n\n{NOTE}\n\nHỢP ĐỒNG THUÊ DỊCH VỤ\n\n"
     "Điều 1. Nội dung hợp đồng\n\nBên A thuê Bên B cung cấp dịch vụ.\n\n"
     "Phụ lục I\n\nBẢNG GIÁ DỊCH VỤ\n\n1. Giá thuê theo tháng.\n\n"
     "Phụ lục II\n\nBIÊN BẢN BÀN GIAO\n\n1. Ngày bàn giao.\n\n"
     f"PHỤ LỤC IV\n\nMẪU BIÊN BẢN NGHIỆM THU\n\n{NOTE}\n\n1. Thành phần.\n",
     [("pl-3", None, "appendix", "III"), ("pl-3-pl-1", "pl-3", "appendix", "I"),
      ("pl-3-pl-2", "pl-3", "appendix", "II"), ("pl-4", None, "appendix", "IV")]),
    ("a PHỤ LỤC with no note after the annexed Quy chế belongs to the Quy chế",
     HEAD + SIGN + f"QUY CHẾ\nPhối hợp công tác dân vận\n{NOTE}\n\nĐiều 1. Phạm vi\n\nQuy chế này quy định việc phối hợp.\n\n"
     "PHỤ LỤC I\n\nMẪU BÁO CÁO\n\n1. Kết quả.\n",
     [("qc", None, "annex", None), ("qc-pl-1", "qc", "appendix", "I")]),
    ("an unnumbered appendix keeps 'pl'; forms nest in it, anchored by their printed numbers",
     HEAD + SIGN + f"**PHỤ LỤC**\n\nBIỂU MẪU BÁO CÁO\n\n{NOTE}\n\n**Mẫu số 01**\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n\nĐƠN ĐỀ NGHỊ\n\nKính gửi: ……………(1)……………\n\nHọ và tên: ………………\n\n"
     "**Mẫu số 02**\n\nBÁO CÁO KẾT QUẢ\n\n1. Số lượng: ………\n",
     [("pl", None, "appendix", None), ("pl-mau-1", "pl", "form", "01"), ("pl-mau-2", "pl", "form", "02")]),
    ("a title in capitals above a note, with no type line: an annex named by it",
     HEAD + SIGN + f"NỘI QUY MẪU ÁP DỤNG CHO CÁC CHỢ\n{NOTE}\n\nĐiều 1. Phạm vi\n\nNội quy này áp dụng cho các chợ.\n",
     [("kt", None, "annex", None)]),
    ("a list of forms in a table is no form heading",
     HEAD + SIGN + f"PHỤ LỤC I\n\nDANH MỤC BIỂU MẪU\n\n{NOTE}\n\n| STT | Mẫu |\n|---|---|\n"
     "| Mẫu số 01 | Đơn đề nghị cấp phép |\n| Mẫu số 02 | Báo cáo kết quả |\n",
     [("pl-1", None, "appendix", "I")]),
]


@pytest.mark.parametrize("text,want", [c[1:] for c in APPENDICES], ids=[c[0] for c in APPENDICES])
def test_appendices(text, want):
    assert outline(parsed(text)) == want


def test_appendix_anchors_stay_when_an_appendix_is_inserted_before():
    one = HEAD + SIGN + "PHỤ LỤC I\n\nA\n\n1. Một.\n\nPHỤ LỤC III\n\nC\n\n1. Ba.\n\n2. Bốn.\n"
    two = HEAD + SIGN + "PHỤ LỤC I\n\nA\n\n1. Một.\n\nPHỤ LỤC II\n\nB\n\n1. Hai.\n\nPHỤ LỤC III\n\nC\n\n1. Ba.\n\n2. Bốn.\n"
    a, b = parsed(one), parsed(two)
    third_a = next(x for x in a.annexes if x.num == "III")
    third_b = next(x for x in b.annexes if x.num == "III")
    assert third_a.anchor == third_b.anchor == "pl-3"
    assert [n.anchor for n in third_a.body] == [n.anchor for n in third_b.body] == ["pl-3-khoan-1", "pl-3-khoan-2"]


def test_two_unnumbered_appendices_are_reported_not_silently_renamed():
    d = parsed(HEAD + SIGN + f"PHỤ LỤC\n\nDANH MỤC CƠ QUAN\n\n{NOTE}\n\n1. Sở.\n\n"
                             f"PHỤ LỤC\n\nDANH MỤC XÃ\n\n{NOTE}\n\n1. Xã.\n")
    assert [a.anchor for a in d.annexes] == ["pl", "pl-danh-muc-xa"]
    assert [w.code for w in d.warnings if w.code == "annex-anchor"] == ["annex-anchor"]


# --- forms keep their own matter --------------------------------------------------------------------------------

FORM = HEAD + SIGN + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\n" + (
    f"PHỤ LỤC I\n\nBIỂU MẪU\n\n{NOTE}\n\n**Mẫu số 03**\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n"
    "**Độc lập - Tự do - Hạnh phúc**\n\n**ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP**\n\nKính gửi: Ủy ban nhân dân xã ……(1)……\n\n"
    "Tên tổ chức: ………………………\n\nĐịa chỉ: ………………………\n\nNơi nhận:\n- Như trên;\n- Lưu: ….\n\n"
    "NGƯỜI LÀM ĐƠN\n(Ký, ghi rõ họ tên)\n\n**Mẫu số 04**\n\nTÊN CƠ QUAN\n\nTHÔNG BÁO\n\nKính gửi: ………………\n\n"
    "Nội dung thông báo: ………………\n\nTHỦ TRƯỞNG CƠ QUAN\n(ký tên, đóng dấu)\n")


def test_a_forms_kinh_gui_fields_and_signature_blank_stay_in_its_body():
    d = parsed(FORM)
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")]
    assert d.recipients == ["Như Điều 3", "Lưu: VT."]
    pl, f3, f4 = d.annexes
    assert [(a.anchor, a.kind, a.title) for a in (f3, f4)] == [
        ("pl-1-mau-3", "form", "Mẫu số 03 – ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP"), ("pl-1-mau-4", "form", "Mẫu số 04 – THÔNG BÁO")]
    for f in (pl, f3, f4):
        assert f.signers == [] and f.recipients == [] and f.closing == []
    text = " ".join(n.text for n in f3.body)
    assert "Kính gửi: Ủy ban nhân dân xã" in text and "(Ký, ghi rõ họ tên)" in text and "NGƯỜI LÀM ĐƠN" in text
    assert "(ký tên, đóng dấu)" in " ".join(n.text for n in f4.body)


def test_a_model_documents_closing_in_an_appendix_is_its_body():
    d = parsed(HEAD + SIGN + "**Phụ lục 9**\n\n**Tờ trình đề nghị công bố**\n\nKính gửi: Bộ trưởng\n\n"
                             "Nội dung tờ trình.\n\nNơi nhận:\n- Như trên;\n- ........\n\nCỤC TRƯỞNG\n(Ký tên, đóng dấu)\n")
    (pl,) = d.annexes
    assert (pl.anchor, pl.signers, pl.recipients) == ("pl-9", [], [])
    assert "(Ký tên, đóng dấu)" in [n.text for n in pl.body]


# --- closing matter ------------------------------------------------------------------------------------------

NQ = ("HỘI ĐỒNG NHÂN DÂN\nTỈNH AN PHÚ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
      "Số: 40/2025/NQ-HĐND\n\nAn Phú, ngày 9 tháng 12 năm 2025\n\nNGHỊ QUYẾT\nQuy định mức chi hỗ trợ\n\n"
      "Điều 1. Mức chi\n\nMức chi là 500.000 đồng.\n\nĐiều 2. Tổ chức thực hiện\n\n"
      "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n\n2. Thường trực Hội đồng nhân dân giám sát.\n\n")
ADOPTION = ("*Nghị quyết này đã được Hội đồng nhân dân tỉnh An Phú khóa X, kỳ họp thứ 12 thông qua ngày 9 tháng 12 "
            "năm 2025 và có hiệu lực từ ngày 1 tháng 1 năm 2026./.*\n\n")
NQ_SIGN = "CHỦ TỊCH\n\nLê Thị Hoa\n"

CLOSINGS = [
    # (name, text, signers, recipients, closing)
    ("adoption formula before the signature",
     NQ + ADOPTION + "Nơi nhận:\n- Ủy ban Thường vụ Quốc hội;\n- Lưu: VT.\n\n" + NQ_SIGN,
     [(None, "CHỦ TỊCH", "Lê Thị Hoa")], ["Ủy ban Thường vụ Quốc hội", "Lưu: VT."], ["Nơi nhận:"]),
    ("a recipients list without its label, left of the signature",
     HEAD + "- Như Điều 3;\n- Sở Nội vụ;\n- Lưu: VT, NC.\n\n" + SIGN,
     [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")], ["Như Điều 3", "Sở Nội vụ", "Lưu: VT, NC."], []),
    ("a recipients list without its label, after the signature",
     HEAD + SIGN + "- Như Điều 3;\n- Lưu: VT.\n",
     [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")], ["Như Điều 3", "Lưu: VT."], []),
    ("a '-' alone on its line, and 'Lưu:' continued on the next line",
     HEAD + "|\nNơi nhận:\n-\nNhư Điều 3;\n- Các sở, ban, ngành;\n- Lưu:\nVT, NC.\n|\n" + SIGN,
     [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")], ["Như Điều 3", "Các sở, ban, ngành", "Lưu: VT, NC."],
     ["Nơi nhận:"]),
    ("a recipients list flattened on one line ends a text whose signature column was lost",
     HEAD + "- Ban Bí thư Trung ương Đảng; - Các bộ, cơ quan ngang bộ; - Lưu: VT, TCCV (2).\n",
     [], ["Ban Bí thư Trung ương Đảng", "Các bộ, cơ quan ngang bộ", "Lưu: VT, TCCV (2)."], []),
    ("a signature block glued on one line by the converter",
     HEAD + "| - Thủ tướng Chính phủ; - Bộ Nội vụ; - Lưu: VT, TH(2b) | TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ "
            "TƯỚNG(Đã ký)Nguyễn Văn Hòa |\n",
     [("TM. CHÍNH PHỦ KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Nguyễn Văn Hòa")],
     ["Thủ tướng Chính phủ", "Bộ Nội vụ", "Lưu: VT, TH(2b)"], []),
    ("typist and copy-count codes are closing text",
     HEAD + SIGN + "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nMinhHồng/QĐ/20.11.2025\n",
     [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")], ["Như Điều 3", "Lưu: VT."],
     ["Nơi nhận:", "MinhHồng/QĐ/20.11.2025"]),
    ("Party typist codes with copy counts",
     HEAD + "**T/M BAN THƯỜNG VỤ**\n\n**BÍ THƯ**\n\n**Nguyễn Văn Đông**\n\nNơi nhận:\n- Các huyện ủy,\n"
     "- Lưu Văn phòng Tỉnh ủy.\n\nHuy (23 bản)\n\nTTĐT (3b)\n",
     [("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Đông")], ["Các huyện ủy", "Lưu Văn phòng Tỉnh ủy."],
     ["Nơi nhận:", "Huy (23 bản)", "TTĐT (3b)"]),
    ("form fields after the closing are neither recipients nor signers",
     HEAD + SIGN + "Nơi nhận:\n- Như Điều 3;\n- ……………;\n- Lưu: VT.\n\nNGƯỜI LÀM ĐƠN\n(Ký, ghi rõ họ tên)\n",
     [("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")], ["Như Điều 3", "Lưu: VT."],
     ["Nơi nhận:", "- ……………;", "NGƯỜI LÀM ĐƠN", "(Ký, ghi rõ họ tên)"]),
    ("a name split over two lines, a position that wraps",
     HEAD + "**TỔNG KIỂM TOÁN NHÀ\nNƯỚC**\n**Ngô\nVăn Tâm**\n",
     [(None, "TỔNG KIỂM TOÁN NHÀ NƯỚC", "Ngô Văn Tâm")], [], []),
    ("a position alone, '(Đã ký)', then the name",
     NQ + ADOPTION + "**CHỦ TỊCH QUỐC HỘI**\n\n(Đã ký)\n\n**Trần Văn Nam**\n",
     [(None, "CHỦ TỊCH QUỐC HỘI", "Trần Văn Nam")], [], []),
]


@pytest.mark.parametrize("text,signers,recipients,closing", [c[1:] for c in CLOSINGS], ids=[c[0] for c in CLOSINGS])
def test_closing(text, signers, recipients, closing):
    d = parsed(text)
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == signers
    assert d.recipients == recipients
    assert d.closing == closing


def test_adoption_formula_is_the_documents_not_the_last_articles():
    d = parsed(NQ + ADOPTION + NQ_SIGN)
    assert d.adoption == {"text": ADOPTION.strip().strip("*"), "date": "2025-12-09", "line": NQ.count("\n") + 1}
    last = d.body[-1]
    assert last.anchor == "dieu-2" and all("thông qua" not in n.text for n in last.walk())


def test_a_sentence_of_an_article_is_no_appendix_start():
    text = ("ĐẢNG CỘNG SẢN VIỆT NAM\n\nQUY ĐỊNH\nVề tổ chức\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Nguyên tắc\n\n"
            "Đảng Cộng sản Việt Nam tổ chức theo nguyên tắc tập trung dân chủ, hoạt động trong khuôn khổ Hiến pháp.\n\n"
            "Điều 2. Tổ chức cơ sở\n\n1. Tổ chức cơ sở đảng là nền tảng của Đảng.\n\nChương II\nTỔ CHỨC THỰC HIỆN\n\n"
            "Điều 3. Hiệu lực\n\nQuy định này có hiệu lực từ ngày ký.\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM là nhà nước pháp quyền, như Điều 2 đã nêu.\n")
    d = parsed(text)
    assert d.annexes == []
    assert [n.anchor for n in d.body] == ["chuong-1", "chuong-2"]
    assert [n.anchor for n in d.all_nodes() if n.kind == "article"] == ["dieu-1", "dieu-2", "dieu-3"]


def test_a_motto_alone_after_the_closing_starts_the_next_text():
    text = (HEAD + SIGN + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "GIẤY XÁC NHẬN\n\nỦy ban nhân dân xã xác nhận ông (bà) ……………\n\nNGƯỜI XÁC NHẬN\n(Ký, ghi rõ họ tên)\n")
    d = parsed(text)
    (f,) = d.annexes
    assert (f.kind, f.title, f.anchor, f.signers) == ("form", "GIẤY XÁC NHẬN", "mau", [])


# --- on the page ---------------------------------------------------------------------------------------------

def test_page_shows_the_adoption_formula_under_the_body():
    from danvan.render import render_document
    d = parsed(NQ + ADOPTION + "Nơi nhận:\n- Lưu: VT.\n\n" + NQ_SIGN)
    page = render_document(d)
    body_end, adoption, closing = page.index("Thường trực Hội đồng nhân dân giám sát"), \
        page.index('<div class="dv-adoption">'), page.index('class="dv-endblock"')
    assert body_end < adoption < closing
    assert "khóa X, kỳ họp thứ 12 thông qua ngày 9 tháng 12 năm 2025" in page[adoption:closing]


def test_page_nests_appendices_and_forms_in_their_parents_sections():
    from danvan.render import render_document
    d = parsed(FORM)
    page = render_document(d)
    pl = page.index('id="pl-1"')
    f3, f4 = page.index('id="pl-1-mau-3"'), page.index('id="pl-1-mau-4"')
    assert pl < f3 < f4 and page.index("</section>", pl) > f3   # the appendix's section is still open at its forms
    assert page.count('<p class="dv-annex-kicker">Mẫu</p>') == 2
    assert page.count('class="dv-toc-annex dv-toc-depth-1"') == 2
