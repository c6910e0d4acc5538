"""Texts that are not regulations (Q&A pages, press articles, encyclopedia pages) and consolidated texts.

Invented examples in the style of the real inputs: a page's quoted articles are 'quote' nodes naming the quoted
document, its own Markdown headings are 'heading' nodes, a list of article names makes no article, and a
consolidated text keeps its consolidation note and căn cứ as preamble and its endnotes as notes.
"""
import json

import jsonschema
import pytest

from conftest import ROOT
from danvan.cli import _outline
from danvan.lossless import check_lossless
from danvan.model import Source, document_from_dict, to_dict
from danvan.parse import parse
from danvan.parse.page import doc_name_at, is_article_list

SCHEMA = json.loads((ROOT / "tools" / "schema" / "document.schema.json").read_text(encoding="utf-8"))

QA_PAGE = """# Bên thuê làm hỏng xe máy thuê thì có phải bồi thường không?

### Nội dung chính

## Bên thuê làm hỏng tài sản thuê thì hợp đồng xử lý thế nào?

Căn cứ theo Điều 426 Bộ luật Dân sự 2015 quy định như sau:

Điều 426. Xử lý khi tài sản thuê bị hỏng

Trường hợp bên thuê làm hỏng tài sản mà không sửa được thì bên cho thuê có quyền chấm dứt hợp đồng.

Bên làm hỏng tài sản phải bồi thường theo giá thị trường tại thời điểm bồi thường.

Như vậy, bên thuê làm hỏng xe máy thuê thì phải bồi thường cho bên cho thuê.

- Hậu quả của việc chấm dứt hợp đồng được quy định tại Điều 427 Bộ luật Dân sự 2015

Điều 427. Hậu quả của việc chấm dứt hợp đồng

1. Khi hợp đồng chấm dứt thì các bên không phải tiếp tục thực hiện nghĩa vụ.

2. Các bên hoàn trả cho nhau những gì đã nhận:

a) Hoàn trả bằng hiện vật;

b) Hoàn trả bằng tiền khi không còn hiện vật.

*Bên thuê làm hỏng xe máy thuê thì có phải bồi thường không? (Hình từ Internet)*

## Bên cho thuê có được giữ tiền đặt cọc không?

Theo Điều 328 Luật Nhà ở 2023 quy định:

Điều 328. Tiền đặt cọc khi thuê

Tiền đặt cọc được trả lại khi hợp đồng thuê kết thúc.

Điều 329. Thời hạn trả lại tiền đặt cọc

Bên cho thuê trả lại tiền đặt cọc trong 30 ngày.

Điều 328. Tiền đặt cọc khi thuê

Tiền đặt cọc được trả lại khi hợp đồng thuê kết thúc.
"""

PRESS_ARTICLE = """# Tổng kết công tác dân vận năm 2025 tại tỉnh Bình Minh

Sáng 5/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2025.

## Những kết quả nổi bật

Năm qua, các cấp ủy đã thực hiện tốt Quy chế dân chủ ở cơ sở, theo Điều 5 Luật Thực hiện dân chủ ở cơ sở.

Tỉnh đã hoàn thành 12 công trình dân vận khéo.

## Nhiệm vụ năm 2026

Hội nghị thống nhất ba nhiệm vụ trọng tâm:

- Nâng cao chất lượng phong trào thi đua dân vận khéo;

- Đổi mới phương thức tiếp xúc, đối thoại với nhân dân;

+ Đối thoại định kỳ mỗi quý;

- Tăng cường kiểm tra, giám sát.
"""

ENCYCLOPEDIA = """# Hiến pháp Việt Nam

Hiến pháp Việt Nam là đạo luật cơ bản của nước Cộng hòa xã hội chủ nghĩa Việt Nam.

## Lịch sử

Việt Nam đã có năm bản hiến pháp.

### Bản năm 2013

Điều 2: Nhà nước là của nhân dân, do nhân dân, vì nhân dân.

Điều 119: Hiến pháp có hiệu lực pháp lý cao nhất.

## Xem thêm

Các bản hiến pháp trước đây.
"""

CONSOLIDATED = """BỘ NỘI VỤ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/VBHN-BNV

Hà Nội, ngày 3 tháng 2 năm 2025

**THÔNG TƯ**

QUY ĐỊNH VỀ CÔNG TÁC DÂN VẬN CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC

Thông tư số 5/2020/TT-BNV ngày 01 tháng 6 năm 2020 của Bộ trưởng Bộ Nội vụ quy định về công tác dân vận của cơ quan hành chính nhà nước, có hiệu lực kể từ ngày 15 tháng 7 năm 2020, được sửa đổi, bổ sung bởi:

1. Thông tư số 9/2024/TT-BNV ngày 02 tháng 5 năm 2024 của Bộ trưởng Bộ Nội vụ sửa đổi, bổ sung một số điều của Thông tư số 5/2020/TT-BNV, có hiệu lực kể từ ngày 01 tháng 7 năm 2024.

*Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;*

*Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Nội vụ;[1]*

*Theo đề nghị của Vụ trưởng Vụ Pháp chế;*

*Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về công tác dân vận của cơ quan hành chính nhà nước.[2]*

**Điều 1. Phạm vi điều chỉnh**

Thông tư này quy định về công tác dân vận của cơ quan hành chính nhà nước các cấp.

**Điều 2. Hiệu lực thi hành**[3]

1. Thông tư này có hiệu lực kể từ ngày 15 tháng 7 năm 2020.

2. Bộ trưởng, Thủ trưởng các cơ quan chịu trách nhiệm thi hành Thông tư này./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT, PC.

**XÁC THỰC VĂN BẢN HỢP NHẤT**
**BỘ TRƯỞNG**
Nguyễn Văn Bình

[1] Thông tư số 9/2024/TT-BNV có căn cứ ban hành như sau:

*“Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;”*

[2] Câu này được sửa đổi theo khoản 1 Điều 1 của Thông tư số 9/2024/TT-BNV.

[3] Điều này được sửa đổi, bổ sung theo khoản 2 Điều 1 của Thông tư số 9/2024/TT-BNV, có hiệu lực kể từ ngày 01 tháng 7 năm 2024.
"""

REGULATION_HEAD = """ỦY BAN NHÂN DÂN TỈNH BÌNH MINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/2025/QĐ-UBND
Bình Minh, ngày 10 tháng 3 năm 2025

**QUYẾT ĐỊNH**

VỀ VIỆC BAN HÀNH QUY CHẾ DÂN VẬN

"""


def nodes(doc, kind):
    return [n for n in doc.all_nodes() if n.kind == kind]


def parsed(text):
    doc = parse(text)
    rep = check_lossless(text, doc)
    assert rep.ok, f"missing {dict(rep.missing)} extra {dict(rep.extra)}"
    assert not doc.has_errors
    anchors = [n.anchor for n in doc.all_nodes() if n.anchor]
    assert len(anchors) == len(set(anchors))
    return doc


# --- genre: the rule, case by case ----------------------------------------------------------------------------

GENRES = [
    ("Q&A page: no letterhead, type or number; headings of its own; quoted articles", QA_PAGE, "page"),
    ("press article with ## headings, no articles", PRESS_ARTICLE, "page"),
    ("encyclopedia page", ENCYCLOPEDIA, "page"),
    ("consolidated text: number …/VBHN-…", CONSOLIDATED, "consolidated"),
    ("quoted articles that jump about, no headings", "Theo Bộ luật Dân sự 2015:\n\nĐiều 328. Đặt cọc\n\nNội dung.\n\n"
     "Điều 89. Bán nhà\n\nNội dung.\n\nĐiều 23. Nguyên tắc\n\nNội dung.\n", "page"),
    ("a regulation with its letterhead", REGULATION_HEAD + "Điều 5. Hiệu lực\n\nQuyết định này có hiệu lực.\n",
     "regulation"),
    ("articles 1, 2, 3 without a letterhead: a regulation that lost its head",
     "# Ghi chú\n\nĐiều 1. Phạm vi\n\nNội dung.\n\nĐiều 2. Đối tượng\n\nNội dung.\n", "regulation"),
    ("a headless fragment: Điều 2, 3, 4", "Điều 2. Đối tượng\n\nNội dung.\n\nĐiều 3. Nguyên tắc\n\nNội dung.\n\n"
     "Điều 4. Hiệu lực\n\nNội dung.\n", "regulation"),
    ("Markdown headings that are the regulation's own structure",
     "## Mục II\n\n### TRÁCH NHIỆM CỦA CÁC CƠ QUAN\n\n#### **Điều 9.** Trách nhiệm của Sở\n\n1. Chủ trì.\n",
     "regulation"),
]


@pytest.mark.parametrize("why,text,genre", GENRES, ids=[g[0] for g in GENRES])
def test_genre(why, text, genre):
    assert parsed(text).genre == genre


# --- a Q&A page -------------------------------------------------------------------------------------------------

def test_qa_page_quotes_name_their_source_and_own_no_articles():
    d = parsed(QA_PAGE)
    assert d.genre == "page" and d.type is None and d.number is None
    assert nodes(d, "article") == []
    got = [(q.num, q.label, q.title, q.source, q.anchor) for q in nodes(d, "quote")]
    assert got == [
        ("426", "Điều 426.", "Xử lý khi tài sản thuê bị hỏng", "Bộ luật Dân sự 2015", "trich-dieu-426"),
        ("427", "Điều 427.", "Hậu quả của việc chấm dứt hợp đồng", "Bộ luật Dân sự 2015", "trich-dieu-427"),
        ("328", "Điều 328.", "Tiền đặt cọc khi thuê", "Luật Nhà ở 2023", "trich-dieu-328"),
        # no words of the page between two quotations: the second is from the same document
        ("329", "Điều 329.", "Thời hạn trả lại tiền đặt cọc", "Luật Nhà ở 2023", "trich-dieu-329"),
        ("328", "Điều 328.", "Tiền đặt cọc khi thuê", "Luật Nhà ở 2023", "trich-dieu-328-2"),  # quoted twice
    ]
    q426, q427 = nodes(d, "quote")[:2]
    assert [c.text[:20] for c in q426.children] == ["Trường hợp bên thuê ", "Bên làm hỏng tài sản"]
    # the quotation keeps its structure, under anchors that cannot collide with articles of a document
    assert [(c.kind, c.anchor) for c in q427.walk() if c.kind in ("clause", "point")] == [
        ("clause", "trich-dieu-427-khoan-1"), ("clause", "trich-dieu-427-khoan-2"),
        ("point", "trich-dieu-427-khoan-2-diem-a"), ("point", "trich-dieu-427-khoan-2-diem-b")]
    assert not any(w.code == "duplicate-anchor" for w in d.warnings)


def test_qa_page_headings_hold_the_page_and_its_own_words_stay_outside_quotes():
    d = parsed(QA_PAGE)
    assert d.title == "Bên thuê làm hỏng xe máy thuê thì có phải bồi thường không?"
    assert d.preamble == []           # "Căn cứ theo Điều 426 …" introduces a quotation: no căn cứ of the page
    heads = [(h.title, h.anchor) for h in d.body if h.kind == "heading"]
    assert heads == [("Nội dung chính", "tieu-de-1"),
                     ("Bên thuê làm hỏng tài sản thuê thì hợp đồng xử lý thế nào?", "tieu-de-2"),
                     ("Bên cho thuê có được giữ tiền đặt cọc không?", "tieu-de-3")]
    sec = d.body[1]
    kinds = [(c.kind, (c.text or c.label or "")[:25]) for c in sec.children]
    assert kinds == [
        ("paragraph", "Căn cứ theo Điều 426 Bộ l"),
        ("quote", "Điều 426."),
        ("paragraph", "Như vậy, bên thuê làm hỏn"),   # the page's conclusion ends the quotation
        ("item", "Hậu quả của việc chấm dứt"),         # it names the article quoted next: an intro, not a quote line
        ("quote", "Điều 427."),
        ("paragraph", "Bên thuê làm hỏng xe máy "),   # the picture's caption
    ]


# --- a press article and an encyclopedia page ---------------------------------------------------------------------

def test_press_article_headings_nest_its_paragraphs_and_items():
    d = parsed(PRESS_ARTICLE)
    assert d.title == "Tổng kết công tác dân vận năm 2025 tại tỉnh Bình Minh"
    assert nodes(d, "article") == [] and nodes(d, "quote") == []
    assert [n.kind for n in d.body] == ["paragraph", "heading", "heading"]
    assert [h.title for h in nodes(d, "heading")] == ["Những kết quả nổi bật", "Nhiệm vụ năm 2026"]
    tasks = d.body[2]
    assert [(c.kind, c.label) for c in tasks.children] == [
        ("paragraph", None), ("item", "-"), ("item", "-"), ("item", "+"), ("item", "-")]


def test_encyclopedia_page_subheadings_nest_and_quotes_take_the_source_from_the_title():
    d = parsed(ENCYCLOPEDIA)
    top = [h for h in d.body if h.kind == "heading"]
    assert [h.title for h in top] == ["Lịch sử", "Xem thêm"]
    sub = [c for c in top[0].children if c.kind == "heading"]
    assert [(h.title, h.anchor) for h in sub] == [("Bản năm 2013", "tieu-de-2")]
    assert [(q.label, q.text, q.source) for q in nodes(d, "quote")] == [
        ("Điều 2:", "Nhà nước là của nhân dân, do nhân dân, vì nhân dân.", "Hiến pháp Việt Nam"),
        ("Điều 119:", "Hiến pháp có hiệu lực pháp lý cao nhất.", "Hiến pháp Việt Nam")]


# --- where a page says what it quotes ---------------------------------------------------------------------------

SOURCES = [
    ("on the heading line", "# Hỏi đáp?\n\n**Điều 5 Hiến pháp 2013**\n\n2. Các dân tộc bình đẳng.\n", "Hiến pháp 2013"),
    ("after 'Điều N' in the intro, past other article numbers",
     "# Hỏi đáp?\n\nCăn cứ tại khoản 2 Điều 5, Điều 16 Hiến pháp năm 2013 quy định:\n\nĐiều 16.\n\n1. Mọi người bình đẳng.\n",
     "Hiến pháp năm 2013"),
    ("a numbered document", "# Hỏi đáp?\n\nTheo Điều 101 Nghị định 15/2020/NĐ-CP được sửa đổi bởi khoản 37 Điều 1 "
     "Nghị định 14/2022/NĐ-CP quy định như sau:\n\nĐiều 101. Vi phạm quy định\n\n1. Phạt tiền.\n",
     "Nghị định 15/2020/NĐ-CP"),
    ("an intro without the article number", "# Hỏi đáp?\n\nCăn cứ Luật Hôn nhân và gia đình 2014 quy định:\n\n"
     "Điều 33. Tài sản chung\n\nTài sản chung gồm tài sản do vợ, chồng tạo ra.\n", "Luật Hôn nhân và gia đình 2014"),
    ("an italic citation line before a bare heading", "# Hỏi đáp?\n\n*Khoản 2 Điều 5 Hiến pháp 2013*\n\nĐiều 5.\n\n"
     "2. Các dân tộc bình đẳng.\n", "Hiến pháp 2013"),
    ("'Luật này' names nothing: the heading does", "# Luật Đất đai 2024 nói gì?\n\nTheo Luật này:\n\n"
     "Điều 9. Phân loại đất\n\nĐất được phân loại.\n", "Luật Đất đai 2024"),
]


@pytest.mark.parametrize("why,text,source", SOURCES, ids=[s[0] for s in SOURCES])
def test_quote_source(why, text, source):
    d = parsed(text)
    assert d.genre == "page"
    assert [q.source for q in nodes(d, "quote")] == [source]


@pytest.mark.parametrize("text,name", [
    ("theo Bộ luật Dân sự 2015 quy định", "Bộ luật Dân sự 2015"),
    ("tại Bộ Luật Dân sự 2015", "Bộ Luật Dân sự 2015"),
    ("Luật Kinh doanh bất động sản 2023 quy định", "Luật Kinh doanh bất động sản 2023"),
    ("Luật Đất đai và Luật Nhà ở", "Luật Đất đai"),
    ("Thông tư số 22/2025/TT-BNV ban hành", "Thông tư số 22/2025/TT-BNV"),
    ("Bộ luật Hình sự đi tù bao nhiêu năm?", "Bộ luật Hình sự"),
    ("của Luật này", None),
    ("quy định về đặt cọc", None),
])
def test_doc_name_at(text, name):
    assert doc_name_at(text) == name


# --- a list of article names is no article ------------------------------------------------------------------------

@pytest.mark.parametrize("line,is_list", [
    ("Điều 5, Điều 6 và Điều 7 của Luật Thi đua, khen thưởng", True),
    ("Điều 12, 13 và 14 của Quy chế này được áp dụng", True),
    ("Điều 5 và Điều 6 Nghị định này", True),
    ("Điều 3 đến Điều 9 Luật Tổ chức chính quyền địa phương", True),
    ("Điều 5. Phạm vi điều chỉnh", False),
    ("Điều 5 - Nhiệm vụ của Ban Dân vận", False),
    ("Điều 5: Hiệu lực", False),
])
def test_is_article_list(line, is_list):
    assert is_article_list(line) is is_list


ARTICLE_LISTS = [
    "**Điều 5, Điều 6 và Điều 7 của Luật Thi đua, khen thưởng**",
    "**Điều 5 và Điều 6 Nghị định này**",
    "Điều 12, 13 và 14 của Quy chế này được áp dụng cho cán bộ.",
    "**Điều 3 đến Điều 9 Luật Tổ chức chính quyền địa phương**",
]


@pytest.mark.parametrize("line", ARTICLE_LISTS)
def test_article_names_in_running_text_make_no_article(line):
    text = (REGULATION_HEAD + "Điều 1. Phạm vi\n\nViệc khen thưởng thực hiện theo quy định tại\n\n" + line +
            "\n\nĐiều 2. Hiệu lực\n\nQuyết định này có hiệu lực kể từ ngày ký.\n")
    d = parsed(text)
    assert [a.num for a in nodes(d, "article")] == ["1", "2"]
    assert any(n.text == line.strip("*") for n in nodes(d, "paragraph"))


def test_article_names_in_a_page_make_no_quote():
    d = parsed("# Hỏi đáp?\n\n**Điều 5, Điều 6, Điều 7 của Luật Đất đai 2024 quy định:**\n\nĐiều 6. Người sử dụng đất\n\n"
               "Người sử dụng đất gồm tổ chức, cá nhân.\n")
    assert [(q.num, q.source) for q in nodes(d, "quote")] == [("6", "Luật Đất đai 2024")]


# --- a consolidated text ------------------------------------------------------------------------------------------

def test_consolidated_text_keeps_note_and_can_cu_as_preamble_and_endnotes_as_notes():
    d = parsed(CONSOLIDATED)
    assert d.genre == "consolidated" and d.type == "Thông tư" and d.number == "12/VBHN-BNV"
    assert [p.kind for p in d.preamble] == ["consolidation", "consolidation", "basis", "basis", "proposal", "enacting"]
    assert d.preamble[3].text.endswith("quy định chức năng, nhiệm vụ của Bộ Nội vụ;[1]")   # the marker stays
    assert [n["label"] for n in d.notes] == ["1", "2", "3"]
    assert d.notes[0]["text"] == ("Thông tư số 9/2024/TT-BNV có căn cứ ban hành như sau:\n"
                                  "“Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;”")
    assert d.notes[2]["text"].startswith("Điều này được sửa đổi, bổ sung theo khoản 2 Điều 1")
    # the notes are not text of the last article, and the closing after it is found again
    last = nodes(d, "article")[-1]
    assert [(c.kind, c.label or c.text) for c in last.children] == [("paragraph", "[3]"), ("clause", "1."),
                                                                     ("clause", "2.")]
    assert not any("được sửa đổi theo" in (n.text or "") for n in d.all_nodes())
    assert [r[:10] for r in d.recipients] == ["Như Điều 2", "Lưu: VT, P"]
    assert [s.name for s in d.signers] == ["Nguyễn Văn Bình"]


def test_notes_in_the_middle_are_not_endnotes():
    text = (REGULATION_HEAD + "Điều 1. Phạm vi[1]\n\nNội dung.\n\n[1] Ghi tên đơn vị.\n\n" +
            "\n\n".join(f"Điều {k}. Điều thứ {k}\n\nNội dung điều {k}." for k in range(2, 20)) + "\n")
    d = parsed(text)
    assert d.notes == []
    assert len(nodes(d, "article")) == 19


# --- JSON: the new fields validate and round-trip -------------------------------------------------------------------

@pytest.mark.parametrize("text", [QA_PAGE, CONSOLIDATED], ids=["page", "consolidated"])
def test_json_schema_and_round_trip(text):
    d = parsed(text)
    d.id, d.url = "trang", "van-ban/trang.html"
    d.source = Source(path="trang.md", sha256="0" * 64)
    data = to_dict(d)
    jsonschema.validate(data, SCHEMA)
    back = document_from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert to_dict(back) == data


# --- the outline of `danvan parse` ---------------------------------------------------------------------------------

def test_outline_shows_genre_headings_quotes_and_notes():
    out = _outline(parsed(QA_PAGE))
    assert "thể loại: trang web" in out
    assert "# Bên cho thuê có được giữ tiền đặt cọc không?  #tieu-de-3" in out
    assert "[trích] Điều 426. Xử lý khi tài sản thuê bị hỏng — Bộ luật Dân sự 2015  #trich-dieu-426" in out
    out = _outline(parsed(CONSOLIDATED))
    assert "thể loại: văn bản hợp nhất" in out and "[consolidation] Thông tư số 5/2020/TT-BNV" in out
    assert "chú thích cuối văn bản: 3" in out


def test_pages_render_quotes_with_their_source_headings_and_endnotes():
    import re as _re

    from danvan.render import render_document
    d = parse(QA_PAGE)
    d.id, d.url = "hoi-dap", "van-ban/hoi-dap.html"
    html = render_document(d)
    quotes = [n for n in d.all_nodes() if n.kind == "quote"]
    assert quotes and all(f'<blockquote class="dv-node dv-quote" id="{q.anchor}">' in html for q in quotes)
    for q in quotes:                                  # each quotation names the law it comes from
        i = html.index(f'id="{q.anchor}"')
        head = html[i:html.index("</p>", i)]
        assert f"Điều {q.num}" in head and q.source in head
    assert "dv-article" not in html                   # a page owns no articles
    heads = [n for n in d.all_nodes() if n.kind == "heading"]
    assert heads and all(f'id="{h.anchor}"' in html for h in heads)
    c = parse(CONSOLIDATED)
    c.id, c.url = "vbhn", "van-ban/vbhn.html"
    html = render_document(c)
    assert c.notes and _re.findall(r'class="dv-endnote" id="chu-thich-[^"]+"', html).__len__() == len(c.notes)
