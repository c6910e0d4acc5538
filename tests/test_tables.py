"""Tables are tables: pipe tables of the body become `table` nodes; letterhead and signature tables stay layout.

Invented texts in the style of the converted regulations (Markdown pipe tables, residue of HTML tables: lone "|"
lines between cell texts, rows wrapped over lines, <br> inside cells, formulas written as tables).
"""
import json
from pathlib import Path

import jsonschema
import pytest

from danvan.lossless import check_lossless
from danvan.model import NODE_KINDS, document_from_dict, to_dict
from danvan.parse import parse

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "tools" / "schema" / "document.schema.json")
                    .read_text(encoding="utf-8"))

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH AN LẠC\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 12/2025/QĐ-UBND\n\nAn Lạc, ngày 5 tháng 3 năm 2025\n\nQUYẾT ĐỊNH\nBan hành bảng giá dịch vụ\n\n")


def tables(doc):
    return [n for n in doc.all_nodes() if n.kind == "table"]


def parent_of(doc, node):
    for top in doc.body + [n for a in doc.annexes for n in a.body]:
        for n in top.walk():
            if any(c is node for c in n.children):
                return n
    return None


BODY_TABLES = [
    # (id, body text, expected rows, header_rows)
    ("markdown table with a header rule",
     "**Điều 1. Mức giá**\n\nMức giá như sau:\n\n| STT | Dịch vụ | Mức giá (đồng) |\n|---|:---|---:|\n"
     "| 1 | Trông giữ xe đạp | 2.000 |\n| 2 | Trông giữ xe máy | 5.000 |\n\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["STT", "Dịch vụ", "Mức giá (đồng)"], ["1", "Trông giữ xe đạp", "2.000"], ["2", "Trông giữ xe máy", "5.000"]], 1),
    ("pipe rows without a rule",
     "**Điều 1. Danh mục biểu mẫu**\n\n| Mẫu số 01 | Đơn đề nghị cấp phép |\n| Mẫu số 02 | Báo cáo tình hình |\n\n"
     "**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["Mẫu số 01", "Đơn đề nghị cấp phép"], ["Mẫu số 02", "Báo cáo tình hình"]], 0),
    ("<br> inside a cell stays inside the cell",
     "**Điều 1. Thành phần hồ sơ**\n\n| TT | Hồ sơ |\n|---|---|\n| 1 | Tờ khai;<br>Bản sao giấy tờ tùy thân |\n"
     "| 2 | Giấy đề nghị của<br/>cơ quan chủ quản<BR>Bản chính giấy phép |\n\n"
     "**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["TT", "Hồ sơ"], ["1", "Tờ khai;\nBản sao giấy tờ tùy thân"],
      ["2", "Giấy đề nghị của\ncơ quan chủ quản\nBản chính giấy phép"]], 1),
    ("a formula written as a table keeps its operators",
     "**Điều 1. Cách tính**\n\n1. Giá thuê được tính như sau:\n\n| Giá | = | Đơn giá | x | Diện tích | - | Khoản giảm trừ |\n\n"
     "Trong đó đơn giá do Sở Tài chính công bố.\n\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["Giá", "=", "Đơn giá", "x", "Diện tích", "-", "Khoản giảm trừ"]], 0),
    ("a fraction: numerator and denominator rows, empty cells, ragged rows",
     "**Điều 1. Tỷ lệ**\n\n| Tỷ lệ hoàn thành | = | Số nhiệm vụ đã hoàn thành | x 100 |\n| | | ||\n"
     "| Tổng số nhiệm vụ được giao / năm |\n\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["Tỷ lệ hoàn thành", "=", "Số nhiệm vụ đã hoàn thành", "x 100"], ["Tổng số nhiệm vụ được giao / năm"]], 0),
    ("residue of an HTML table: lone pipes, bold header row, cells over several lines",
     "**Điều 1. Tiêu chí chấm điểm**\n\n|\n**TT**\n|\n**Tiêu chí**\n|\n**Điểm tối đa**\n|\n|\n1\n|\nTuyên truyền, vận động\n"
     "nhân dân\n|\n30\n|\n|\n2\n|\nPhối hợp\n|\n20\n|\n\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["TT", "Tiêu chí", "Điểm tối đa"], ["1", "Tuyên truyền, vận động nhân dân", "30"], ["2", "Phối hợp", "20"]], 1),
    ("a row wrapped over two lines",
     "**Điều 1. Mức thu**\n\n| 1 | Cấp giấy phép | Điều 4, khoản 1 Điều 10 | 500.000 |\n| 2 | Cấp lại giấy phép\n"
     "| Điều 4, khoản 2 Điều 10 | 250.000 |\n\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["1", "Cấp giấy phép", "Điều 4, khoản 1 Điều 10", "500.000"],
      ["2", "Cấp lại giấy phép", "Điều 4, khoản 2 Điều 10", "250.000"]], 0),
    ("markers inside cells are text of the table, not clauses or points",
     "**Điều 1. Nhiệm vụ**\n\n| Nội dung | Đơn vị |\n|---|---|\n| 1. Tuyên truyền | a) Sở Văn hóa |\n"
     "| - Kiểm tra | b) Công an tỉnh |\n\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n",
     [["Nội dung", "Đơn vị"], ["1. Tuyên truyền", "a) Sở Văn hóa"], ["- Kiểm tra", "b) Công an tỉnh"]], 1),
]


@pytest.mark.parametrize("body,rows,header_rows", [c[1:] for c in BODY_TABLES], ids=[c[0] for c in BODY_TABLES])
def test_body_table(body, rows, header_rows):
    text = HEAD + body
    d = parse(text)
    [t] = tables(d)
    assert t.rows == rows
    assert t.header_rows == header_rows
    assert t.line is not None and text.split("\n")[t.line - 1].strip()
    # where it stands: inside Điều 1 (or its clause), and Điều 2 follows as an article
    owner = parent_of(d, t)
    assert owner is not None and owner.kind in ("article", "clause")
    assert [n.num for n in d.all_nodes() if n.kind == "article"] == ["1", "2"]
    assert not [n for n in d.all_nodes() if n.kind in ("point", "item")]
    assert check_lossless(text, d).ok
    # the letterhead is untouched
    assert (d.number, d.date) == ("12/2025/QĐ-UBND", "2025-03-05")


LETTERHEAD_TABLE = (
    "| **ỦY BAN NHÂN DÂN TỈNH AN LẠC** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |\n"
    "|---|---|\n| Số: 12/2025/QĐ-UBND | *An Lạc, ngày 5 tháng 3 năm 2025* |\n\n**QUYẾT ĐỊNH**\n\nBan hành quy chế\n\n"
    "**Điều 1.** Ban hành kèm theo Quyết định này Quy chế.\n\n**Điều 2.** Quyết định có hiệu lực từ ngày ký.\n\n"
)
SIGNATURE_TABLE = (
    "| *Nơi nhận:*<br>- Như Điều 2;<br>- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH**<br><br>"
    "**Trần Văn Bình** |\n"
)
SIGNATURE_RESIDUE = (
    "|\n*Nơi nhận:*\n- Như Điều 2;\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n"
    "**Trần Văn Bình**\n|\n"
)


def test_letterhead_table_stays_letterhead():
    d = parse(LETTERHEAD_TABLE)
    assert not tables(d)
    assert (d.number, d.date, d.place) == ("12/2025/QĐ-UBND", "2025-03-05", "An Lạc")
    assert [i.name for i in d.issuers] == ["ỦY BAN NHÂN DÂN TỈNH AN LẠC"]
    assert d.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert check_lossless(LETTERHEAD_TABLE, d).ok


@pytest.mark.parametrize("closing", [SIGNATURE_TABLE, SIGNATURE_RESIDUE], ids=["markdown", "residue"])
def test_signature_table_stays_closing(closing):
    text = LETTERHEAD_TABLE + closing
    d = parse(text)
    assert not tables(d)
    [s] = d.signers
    assert s.name == "Trần Văn Bình" and s.title == "PHÓ CHỦ TỊCH"
    assert d.recipients == ["Như Điều 2", "Lưu: VT."]
    assert check_lossless(text, d).ok


def test_table_right_after_appendix_heading_is_no_title():
    text = (LETTERHEAD_TABLE + SIGNATURE_TABLE + "\n**PHỤ LỤC II**\n\n**BẢNG GIÁ DỊCH VỤ TRÔNG GIỮ XE**\n\n"
            "*(Kèm theo Quyết định số 12/2025/QĐ-UBND ngày 5 tháng 3 năm 2025)*\n\n"
            "| **STT** | **LOẠI XE** | **MỨC GIÁ** |\n|---|---|---|\n| 1 | Xe đạp | 2.000 |\n| 2 | Xe máy | 5.000 |\n")
    d = parse(text)
    [a] = d.annexes
    assert a.title == "Phụ lục II – BẢNG GIÁ DỊCH VỤ TRÔNG GIỮ XE"
    [t] = tables(d)
    assert t in a.body and t.header_rows == 1 and t.rows[0] == ["STT", "LOẠI XE", "MỨC GIÁ"]
    assert check_lossless(text, d).ok
    # without a title and a note: the header cells are still not the title
    text = LETTERHEAD_TABLE + SIGNATURE_TABLE + "\n**PHỤ LỤC II**\n\n| **STT** | **LOẠI XE** |\n|---|---|\n| 1 | Xe đạp |\n"
    d = parse(text)
    [a] = d.annexes
    assert "STT" not in a.title and "LOẠI XE" not in a.title
    assert [t.rows for t in tables(d)] == [[["STT", "LOẠI XE"], ["1", "Xe đạp"]]]
    assert check_lossless(text, d).ok


NOT_TABLES = [
    # a lone boxed paragraph is a paragraph
    ("| Văn bản này được đăng trên Công báo tỉnh. |\n", "Văn bản này được đăng trên Công báo tỉnh."),
    # a pipe inside a sentence (no row starts or ends with a pipe) makes no table
    ("Xem mục [Tin tức | Văn bản] của trang.\n", "Văn bản] của trang."),
]


@pytest.mark.parametrize("body,para", NOT_TABLES)
def test_not_a_table(body, para):
    text = HEAD + "**Điều 1. Phạm vi**\n\n" + body + "\n**Điều 2. Hiệu lực**\n\nCó hiệu lực từ ngày ký.\n"
    d = parse(text)
    assert not tables(d)
    assert para in [n.text for n in d.all_nodes() if n.kind == "paragraph"]
    assert check_lossless(text, d).ok


def test_cells_never_merge_across_a_cell_boundary():
    # "kỳ" | "a": the page-break join of lower-case paragraphs never crosses a cell
    text = HEAD + "**Điều 1. Báo cáo**\n\n|\nSố tài khoản mở trong kỳ\n|\na\n|\n|\ntài khoản đóng\n|\nb\n|\n\n**Điều 2.** Hết.\n"
    d = parse(text)
    [t] = tables(d)
    assert t.rows == [["Số tài khoản mở trong kỳ", "a"], ["tài khoản đóng", "b"]]
    assert check_lossless(text, d).ok


def test_table_json_is_additive_and_round_trips():
    assert "table" in NODE_KINDS
    d = parse(HEAD + BODY_TABLES[0][1])
    d.id, d.url = "x", "van-ban/x.html"
    data = to_dict(d)
    data["source"] = {"path": "x.md", "sha256": "0" * 64}
    jsonschema.validate(data, SCHEMA)
    back = document_from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert [(t.rows, t.header_rows) for t in tables(back)] == [(t.rows, t.header_rows) for t in tables(d)]
    # other nodes carry the new fields empty, and an export without them still loads
    para = next(n for n in data["body"][0]["children"] if n["kind"] == "paragraph")
    assert para["rows"] == [] and para["header_rows"] == 0
    old = {k: v for k, v in para.items() if k not in ("rows", "header_rows")}
    jsonschema.validate({**data, "body": [{**data["body"][0], "children": [old]}]}, SCHEMA)
