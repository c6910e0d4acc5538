"""Tables: which pipe tables are data tables (a `table` node) and which are page layout.

normalize() marks every cell paragraph with its TableInfo, row and column. Converters turn the two-column
letterhead ("ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA XÃ HỘI …", "Số: … | X, ngày …") and the signature block
("Nơi nhận: … | TM. ỦY BAN NHÂN DÂN …") into tables too. Those are layout: their cells stay paragraphs, so the
letterhead, title and closing steps read them exactly as before. The rule, applied to the whole table:

- layout when any cell reads like letterhead or closing matter: a motto ("CỘNG HÒA XÃ HỘI…", "ĐẢNG CỘNG SẢN
  VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), a number line ("Số: …", "Luật số: …", "Số 03-QC/…"),
  "Nơi nhận" / "Kính gửi", the start of a signature (T/M, KT., TM., or a short capitals position line:
  "CHỦ TỊCH", "PHÓ TRƯỞNG BAN"); in a table of at most four rows also a short place and date line ("Hà Nội,
  ngày … tháng … năm …") or "(Đã ký)" / "(Ký, ghi rõ họ tên)";
- layout when it has fewer than two cells with text: a lone boxed paragraph is a paragraph;
- otherwise a data table. Position needs no rule of its own: tables before the title are read by the
  letterhead step and tables after the signature start by the closing step, whatever this says; a table in
  the body becomes a `table` node where it stands (parse/body.py).

Header rows: the rows above a Markdown rule (`|---|`); without a rule, the leading rows whose every cell is
bold, when some row below them is not.
"""
from __future__ import annotations

import re

from ..normalize import RE_DATE_LINE, RE_MOTTO, RE_RECIPIENTS, RE_SIGN_AUTH, Para, TableInfo, is_caps
from .common import _is_signature_start

# "Số: 12/QĐ-UBND", "Luật số: 80/2025/QH15", Party "Số 03-QC/BDVTU" (not "Mã số: V.05.01.01", "Tổng số 15")
RE_NUMBER_CELL = re.compile(r"^(?:(?:Luật|LUẬT|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết|Lệnh)\s+)?(?:Số|SỐ|số)\s*:"
                            r"|^(?:Số|SỐ)\s+\d+\s*[-/]")
EXAMPLES: dict[str, dict] = {}   # worked examples of every pattern here (format: parse/patterns.py)
EXAMPLES["RE_NUMBER_CELL"] = {
    "use": "match", "match": ["Số: 12/QĐ-UBND", "Luật số: 80/2025/QH15", "Số 03-QC/BDVTU", "SỐ:"],
    "no_match": ["Mã số: V.05.01.01", "Tổng số 15", "Số lượng"],
}
SMALL_ROWS = 4   # letterhead and signature tables have one to three rows
# "(Đã ký)", "(Ký, ghi rõ họ tên)", "(Họ tên và chữ ký)": marks of a signature place (not "(ký hiệu)")
RE_SIGNED = re.compile(r"\(\s*(?:Đã\s+ký|đã\s+ký|ĐÃ\s+KÝ|[Kk]ý(?:\s*[,)]|\s+(?:tên|và|ghi|đóng|rõ))|[Hh]ọ\s+(?:và\s+)?tên)")
EXAMPLES["RE_SIGNED"] = {
    "match": ["(Đã ký)", "(Ký, ghi rõ họ tên)", "(Họ tên và chữ ký)", "Người làm đơn (ký tên)"],
    "no_match": ["(ký hiệu)", "Đã ký", "(Kỳ họp thứ 9)"],
}


def is_layout_cell(p: Para, small: bool = True) -> bool:
    """A cell that belongs to the letterhead or the closing, not to a data table. Place-and-date lines and
    "(Ký …)" marks only count in a `small` table: a long form table may end with a row of signature marks."""
    t = p.text
    return bool(
        RE_MOTTO.match(t) or (RE_MOTTO.search(t) and len(t) < 150)   # not a motto quoted in a long cell
        or (RE_NUMBER_CELL.match(t) and len(t) < 120)
        or RE_RECIPIENTS.match(t)
        or (RE_SIGN_AUTH.match(t) and is_caps(t.split()[0]))
        or _is_signature_start(p)
        or (small and ((RE_DATE_LINE.search(t) and len(t) < 120) or RE_SIGNED.search(t)))
    )


def classify_tables(paras: list[Para]) -> None:
    """Set `layout` and `header_rows` of every table the paragraphs come from."""
    cells: dict[TableInfo, list[Para]] = {}
    for p in paras:
        if p.table is not None:
            cells.setdefault(p.table, []).append(p)
    for info, ps in cells.items():
        small = len({p.row for p in ps}) <= SMALL_ROWS
        info.layout = len({(p.row, p.col) for p in ps}) < 2 or any(is_layout_cell(p, small) for p in ps)
        if info.layout or info.header_rows:
            continue
        bold_rows: dict[int, bool] = {}
        for p in ps:
            bold_rows[p.row] = bold_rows.get(p.row, True) and p.bold
        rows = sorted(bold_rows)
        lead = 0
        for r in rows:
            if not bold_rows[r]:
                break
            lead = r + 1
        if lead and lead <= rows[-1]:
            info.header_rows = lead


def cell_text(p: Para) -> str:
    """The text of a cell paragraph, with the line breaks written as <br> kept as line breaks."""
    if not p.breaks or len(p.lines) < 2:
        return p.text
    return "".join(("\n" if k in p.breaks else " ") + ln if k else ln for k, ln in enumerate(p.lines))
