"""Stage 1: text -> logical paragraphs.

Removes Markdown residue (`#`, `**`, `*`, table pipes, rules, `<br>`, backslash escapes), splits headings that
were glued on one line, joins lines that a converter or a page break split in the middle of a sentence,
and records each join. Words are never changed: only markup characters and whitespace are touched.

Public function: normalize(text) -> Normalized

Package layout: markers (line-start patterns shared with the parser), lines (raw lines, markup, tables),
wraps (which line breaks are wraps). Worked examples of every pattern are in EXAMPLES below.
"""
from __future__ import annotations

import unicodedata

from .markers import (
    POINT_LETTERS, RE_ARTICLE, RE_ARTICLE_LOOSE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_DECORATION,
    RE_HEADING_REF, RE_KEM_THEO, RE_KEM_THEO_OPEN, RE_LETTER_HEAD, RE_MOTTO, RE_PART, RE_POINT, RE_RECIPIENTS,
    RE_ROMAN_HEAD, RE_SECTION, RE_SIGN_AUTH, RE_SUBNUM, ROMAN, TERMINAL, _HeadingReference, _PointMatch,
    _PointPattern, _SubnumPattern, is_caps, is_recipients_label, starts_structural,
)
from .lines import (
    CELL_OPERATORS, HEAD_WORDS, Normalized, Para, RE_BR, RE_ESCAPE, RE_GLUED_ARTICLE, RE_MD_HEADING,
    RE_MD_HEADING_BARE, RE_TABLE_RULE, RE_WORD_SEP, TableInfo, UPPER, _GLUE, _HAS_WORD, _Line, _PROTECT, _WS,
    _clean_spaces, _has_cells, _is_row_edge, _pieces, _protect, _split_raw, _strip_markup, _unprotect,
    split_glued_bold,
)
from .wraps import (
    RE_CITATION_CONT, RE_DATE_LINE, RE_NEEDS_NUMBER_END, RE_NEEDS_NUMBER_LOWER_END, RE_NUMBER_CONT,
    RE_OPEN_WORD_END, _ABOUT, _BARE_HEAD, _BARE_MARKER, _BASIS, _CITATION_END, _LARGER_UNIT, _MARKER_LED,
    _NUMBER_LINE, _NUMBER_START, _SIGNED, _STARTS_WORD, _ends_terminal, _hard_wrapped, _heading_like,
    _open_paren, _split_within_block, _starts_lower, _starts_upper_letter, _starts_upper_or_digit, _weak_start,
    open_end,
)

__all__ = [  # what the parser, lossless accounting, render and tests import from danvan.normalize
    "CELL_OPERATORS", "EXAMPLES", "HEAD_WORDS", "Normalized", "POINT_LETTERS", "Para", "RE_ARTICLE",
    "RE_ARTICLE_LOOSE", "RE_BR", "RE_BULLET", "RE_CHAPTER", "RE_CITATION_CONT", "RE_CLAUSE", "RE_DATE_LINE",
    "RE_DECORATION", "RE_ESCAPE", "RE_GLUED_ARTICLE", "RE_HEADING_REF", "RE_KEM_THEO", "RE_KEM_THEO_OPEN",
    "RE_LETTER_HEAD", "RE_MD_HEADING", "RE_MD_HEADING_BARE", "RE_MOTTO", "RE_NEEDS_NUMBER_END",
    "RE_NEEDS_NUMBER_LOWER_END", "RE_NUMBER_CONT", "RE_OPEN_WORD_END", "RE_PART", "RE_POINT", "RE_RECIPIENTS",
    "RE_ROMAN_HEAD", "RE_SECTION", "RE_SIGN_AUTH", "RE_SUBNUM", "RE_TABLE_RULE", "RE_WORD_SEP", "ROMAN",
    "TERMINAL", "TableInfo", "UPPER", "_ABOUT", "_BARE_HEAD", "_BARE_MARKER", "_BASIS", "_CITATION_END",
    "_GLUE", "_HAS_WORD", "_HeadingReference", "_LARGER_UNIT", "_Line", "_MARKER_LED", "_NUMBER_LINE",
    "_NUMBER_START", "_PROTECT", "_PointMatch", "_PointPattern", "_SIGNED", "_STARTS_WORD", "_SubnumPattern",
    "_WS", "_clean_spaces", "_ends_terminal", "_hard_wrapped", "_has_cells", "_heading_like", "_is_row_edge",
    "_open_paren", "_pieces", "_protect", "_split_raw", "_split_within_block", "_starts_lower",
    "_starts_upper_letter", "_starts_upper_or_digit", "_strip_markup", "_unprotect", "_weak_start", "is_caps",
    "is_recipients_label", "normalize", "open_end", "split_glued_bold", "starts_structural",
]

# Worked examples of the patterns above (checked by tests/test_patterns.py).
EXAMPLES: dict[str, dict] = {
    "RE_CLAUSE": {"use": "match", "match": {"1. Phạm vi": "1", "2.Đối tượng": "2", "3) Hồ sơ": "3", "1- Mục đích": "1"},
                  "no_match": ["1.000.000 đồng", "1-2 lớp", "1). Khi được phân công", "06).", "1);", "2):"]},
    "RE_POINT": {"use": "match", "match": ["a) Nâng cao", "đ. Khác", "a)Không thu phí", "đ)[11] Thuyết minh"],
                 "no_match": ["a)không", "v.v", "a.Xuất", "A) Hoa"]},
    "RE_LETTER_HEAD": {"use": "match", "match": {"A. KẾT QUẢ": "A", "C. NHIỆM VỤ": "C", "Đ- KHÁC": "Đ"},
                       "no_match": ["K/T TRƯỞNG BAN", "AB. Xx", "a. Xx"]},
    "RE_HEADING_REF": {"use": "match",
                       "match": ["Mục 2 Phần XI của Quyết định", "Phần V của Phụ lục I kèm theo", "Chương II Thông tư này",
                                 "Mục XI Phụ lục VI", "Điều 5 Nghị định này", "Chương II quy định về",
                                 "Chương II, Chương III", "Điều 4 như sau:"],
                       "no_match": ["Điều 5. Tên điều", "Chương II CHÍNH SÁCH", "Mục 1 Quy định chung", "Chương 1",
                                    "Điều 3", "Phần thứ nhất"]},
    "RE_GLUED_ARTICLE": {"match": {"### Chương IICHÍNH SÁCH": "### Chương II", "Chương III**TỔ CHỨC**": "Chương III",
                                   "CHƯƠNG 2QUY ĐỊNH CHUNG": "CHƯƠNG 2",
                                   "**Điều 4. Hiệu lực**1. Luật": "**Điều 4. Hiệu lực**"},
                         "no_match": ["Chương II CHÍNH SÁCH", "Chương II. CHÍNH", "**Điều 4. Hiệu lực**", "Chương IIthì"]},
    "RE_OPEN_WORD_END": {"match": ["… quy định tại", "… kèm theo", "… của", "(gồm"],
                         "no_match": ["… năm tiếp theo", "… tình hình hiện tại", "… nước ngoài", "… chuẩn bị",
                                      "… thực hiện được", "Độc lập - Tự do"]},
    "RE_NEEDS_NUMBER_END": {"match": ["… tại Điều", "Mẫu số", "Quyết định số", "… theo Phụ lục"],
                            "no_match": ["chữ ký số", "… tại khoản", "PHẦN PHỤ LỤC"]},
    "RE_NEEDS_NUMBER_LOWER_END": {"match": ["… tại khoản", "… quy định tại điểm", "… tại mục", "… nhóm"],
                                  "no_match": ["… tài khoản", "… thời điểm", "… danh mục", "chữ ký số",
                                               "chuyển đổi số"]},
}
EXAMPLES.update({
    "RE_ARTICLE": {"use": "match",
                   "match": {"Điều 5. Phạm vi điều chỉnh": {1: "5", 3: "Phạm vi điều chỉnh"}, "ĐIỀU 12: Hiệu lực": "12",
                             "Điều 3": {1: "3", 2: None}, "Điều 5a. Bổ sung": "5a"},
                   "no_match": ["Điều 5 Luật Đất đai quy định", "Điều kiện", "Điều 1000."]},
    "RE_ARTICLE_LOOSE": {"use": "match", "match": {"Điều 5 Phạm vi điều chỉnh": {1: "5", 2: "Phạm vi điều chỉnh"}},
                         "no_match": ["điều 5 Phạm vi", "Điều 5", "Điều kiện làm việc"]},
    "RE_CHAPTER": {"use": "match",
                   "match": {"Chương I": {1: "I", 2: ""}, "CHƯƠNG II. QUY ĐỊNH CHUNG": {1: "II", 2: "QUY ĐỊNH CHUNG"},
                             "Chương 3 - Tổ chức thực hiện": {1: "3", 2: "Tổ chức thực hiện"}},
                   "no_match": ["Chương trình công tác", "chương II", "Chương IIa"]},
    "RE_SECTION": {"use": "match", "match": {"Mục 1. PHẠM VI": {1: "1", 2: "PHẠM VI"}, "MỤC II": "II"},
                   "no_match": ["Mục tiêu", "Mục đích chung", "mục 2"]},
    "RE_PART": {"use": "match",
                "match": {"Phần thứ nhất": "thứ nhất", "PHẦN THỨ HAI. QUY ĐỊNH CHUNG": {1: "THỨ HAI", 2: "QUY ĐỊNH CHUNG"},
                          "Phần I": "I"},
                "no_match": ["Phần mềm quản lý", "phần thứ nhất"]},
    "RE_ROMAN_HEAD": {"use": "match", "match": {"I. MỤC ĐÍCH, YÊU CẦU": "I", "IV- Tổ chức thực hiện": "IV"},
                      "no_match": ["I am", "VIỆT NAM", "X.", "A. Kết quả"]},
    "RE_SUBNUM": {"use": "match", "match": {"1.1- Tuyên truyền": "1.1", "2.1. Nhiệm vụ": "2.1", "1.2.3 Tổ chức": "1.2.3"},
                  "no_match": ["2.5 lần", "1.5 2", "1. Phạm vi", "1.000.000 đồng"]},
    "RE_BULLET": {"use": "match", "match": {"- Lưu: VT.": "-", "+ Cộng một": "+", "• Mục": "•", "–Gạch": "–"},
                  "no_match": ["-", "Lưu: VT.", "1. Một"]},
    "RE_MOTTO": {"match": ["ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                           "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc"],
                 "no_match": ["Đảng bộ tỉnh", "Độc lập, tự do, hạnh phúc"]},
    "RE_SIGN_AUTH": {"use": "match", "match": ["T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "K/T TRƯỞNG BAN",
                                               "Q. GIÁM ĐỐC", "TL. BỘ TRƯỞNG"],
                     "no_match": ["TRƯỞNG BAN", "TMĐT", "Kết quả"]},
    "RE_RECIPIENTS": {"use": "match", "match": ["Nơi nhận:", "NƠI NHẬN", "Đồng kính gửi:", "Kính gửi: Ban Thường vụ"],
                      "no_match": ["Nơi làm việc", "- Như Điều 3;"]},
    "RE_DECORATION": {"use": "match", "match": ["-----", "***", "_____", "| --- |", "=*="], "no_match": ["- a", "(*)"]},
    "RE_KEM_THEO_OPEN": {"use": "match", "match": ["(Ban hành kèm theo Quyết định số 12/QĐ-UBND", "( kèm theo Tờ trình"],
                         "no_match": ["Kèm theo Quyết định", "(Ban hành theo"]},
    "RE_KEM_THEO": {"use": "match",
                    "match": ["(Ban hành kèm theo Quyết định số 102/2025/QĐ-UBND ngày 27/11/2025)", "(Kèm theo Công văn số 5)",
                              "Kèm theo Tờ trình số 12/TTr-SNV", "Ban hành kèm theo Quyết định số 5"],
                    "no_match": ["kèm theo các văn bản", "Hồ sơ kèm theo gồm"]},
    "RE_WORD_SEP": {"match": [" ", "** **", "\t"], "no_match": ["Điều", "-"]},
    "_GLUE": {"match": ["**Chương III****PHƯƠNG THỨC**"], "no_match": ["**Chương III**", "***"]},
    "RE_ESCAPE": {"match": {"\\*": "*", "1\\. Một": ".", "\\\\": "\\"}, "no_match": ["\\a", "*"]},
    "_HAS_WORD": {"match": ["a", "5", "đ"], "no_match": ["___", "- * -", ""]},
    "_WS": {"match": ["  ", "\t", "\u00a0"], "no_match": ["a", "\n"]},
    "RE_BR": {"match": ["a<br>b", "a<br/>b", "a<BR />b"], "no_match": ["<b>", "br"]},
    "RE_MD_HEADING": {"use": "match", "match": {"## Điều 5": "##", "# Tiêu đề": "#"},
                      "no_match": ["#Tiêu đề", "####### Bảy", "Số #1"]},
    "RE_MD_HEADING_BARE": {"use": "match", "match": ["#", "######"], "no_match": ["#######", "# a", "#a"]},
    "RE_TABLE_RULE": {"use": "match", "match": ["|---|---|", "| :--- | ---: |", "---|---", "|---"],
                      "no_match": ["-------", "| a | b |", "------- |"]},
    "_BARE_HEAD": {"use": "match", "match": {"Điều": "Điều", "“Chương": "Chương"}, "no_match": ["Điều 5", "Điều kiện"]},
    "_STARTS_WORD": {"use": "match", "match": ["Trách nhiệm", "(Ban hành", "đ"], "no_match": ["05:2023/BGTVT);", "_a", "(1)"]},
    "_MARKER_LED": {"use": "match", "match": ["1. Trách nhiệm của cấp ủy", "1.1- Tuyên truyền", "a) Nội dung", "II. NHIỆM VỤ"],
                    "no_match": ["1.000 đồng", "Trách nhiệm", "a)Nội dung"]},
    "RE_CITATION_CONT": {"use": "match", "match": ["d) khoản 1, Điều 10", "1. Điều 5 của Luật", "2) khoản 3 Điều 4"],
                         "no_match": ["a) Nâng cao chất lượng", "1. Phạm vi", "d) khoản mục"]},
    "RE_NUMBER_CONT": {"use": "match", "match": ["57- NQ/TW ngày", "23-QĐ/TW", "57 - NQ/TW"],
                       "no_match": ["12/2025", "1. Một", "2025/QĐ"]},
    "_BARE_MARKER": {"use": "match", "match": {"1.": "1.", "1.1-": "1.1-", "a)": "a)", "-": "-"},
                     "no_match": ["1. Một", "a", "(1)"]},
    "RE_DATE_LINE": {"use": "match", "match": ["Đồng Nai, ngày 05 tháng 11 năm 2021", "*Hà Nội, ngày 17 tháng 3 năm",
                                               "ngày … tháng … năm 2025"],
                     "no_match": ["Theo Quyết định số 12, ngày 5 tháng 3", "ngày 17/3/2025"]},
    "_NUMBER_START": {"use": "match", "match": ["2 Điều 4", "IV của", "a) điểm", "b, c"], "no_match": ["Điều 4", "ab", "Va"]},
    "_CITATION_END": {"match": ["… tại khoản 2", "… điểm a.", "mục 3,"], "no_match": ["… khoản", "… Điều 5", "… điểm ab"]},
    "_LARGER_UNIT": {"use": "match", "match": ["Điều 4 của Luật", "khoản 2 Điều 3", "Chương II Thông tư"],
                     "no_match": ["Điều 4. Hiệu lực", "Điều kiện", "Mục tiêu"]},
    "_NUMBER_LINE": {"use": "match", "match": ["Số: 102/2025/QĐ-UBND", "SỐ 03-QC", "Số:", "Số: …/QĐ"],
                     "no_match": ["Số lượng", "Số: Ban"]},
    "_ABOUT": {"use": "match", "match": ["V/v đề xuất kế hoạch", "V/V triển khai"], "no_match": ["Về việc", "V/vx"]},
    "_SIGNED": {"use": "match", "match": ["(Đã ký)", "ĐÃ KÝ", "( Đã ký và đóng dấu )"], "no_match": ["(Đã ký) Nguyễn Văn A", "Người ký"]},
    "_BASIS": {"use": "match", "match": ["Căn cứ Luật Tổ chức", "- Căn cứ Quyết định", "CĂN CỨ"], "no_match": ["Làm căn cứ", "Căn cước"]},
})


def normalize(text: str) -> Normalized:
    """Clean markup and group lines into paragraphs. Never raises on str input."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u200b", "")
    paras: list[Para] = []
    joins: list[dict] = []
    cur: Para | None = None
    prev_line: _Line | None = None
    gap = True
    lines = list(_strip_markup(_split_raw(text)))
    wrapped = _hard_wrapped(lines)
    for ln in lines:
        if ln is None:
            if cur is not None:
                paras.append(cur)
                cur = None
            prev_line = None
            gap = True
            continue
        if cur is not None and prev_line is not None and not _split_within_block(prev_line, ln, wrapped, cur.text):
            cur.text = cur.text + " " + ln.text
            if ln.after_br and ln.cell is not None:
                cur.breaks.append(len(cur.lines))
            cur.lines.append(ln.text)
            cur.bold = cur.bold and ln.bold
        else:
            if cur is not None:
                paras.append(cur)
            cur = Para(text=ln.text, line=ln.line, lines=[ln.text], bold=ln.bold, lead_bold=ln.lead_bold,
                       heading=ln.heading, gap_before=gap)
            if ln.cell is not None:
                cur.cell = True
                cur.table, cur.row, cur.col = ln.cell
            gap = False
        prev_line = ln
    if cur is not None:
        paras.append(cur)

    # Page breaks: "… quy định," / blank / "nguyên tắc tổ chức …" -> one paragraph (conservative rule: a blank line
    # usually ends a paragraph, so only a lower-case start, or a number after a sentence cut where it cannot stop,
    # goes on).
    merged: list[Para] = []
    for p in paras:
        if merged and p.gap_before:
            q = merged[-1]
            last = q.text.rstrip()
            if (
                (
                    _starts_lower(p.text)
                    and not starts_structural(p.text)
                    and not _heading_like(p)
                    and last and (last[-1].isalnum() or last[-1] in ",-–")
                    # … or a sentence cut where it cannot stop, going on with a number or the rest of a parenthesis:
                    # "… ngày 01 tháng" / blank / "12 năm 2025.", "… (Mẫu" / blank / "06)." (a heading word after a
                    # blank line stays a paragraph of its own: the parser reads it as a reference, not a heading)
                    or open_end(q.text, p.text) and not (p.bold or p.heading or is_caps(p.text))
                    and not starts_structural(p.text) and (p.text[:1].isdigit() or _open_paren(q.text))
                )
                and not _heading_like(q)
                and not (RE_ARTICLE.match(q.text) and len(q.text) < 120)
                and not RE_RECIPIENTS.match(q.text)
                and (p.table, p.row, p.col) == (q.table, q.row, q.col)   # never across table cells
            ):
                joins.append({"line": p.line, "before": q.text[-40:], "after": p.text[:40]})
                q.text = q.text + " " + p.text
                q.breaks.extend(len(q.lines) + b for b in p.breaks)
                q.lines.extend(p.lines)
                continue
        merged.append(p)
    return Normalized(paras=merged, joins=joins)

