"""Patterns and word lists of the parser: document types and codes, numbers, dates, positions, issuers,
preamble kinds, levels, quotation marks. Data, not logic.

The word lists live in `danvan/data/words.json`; the patterns below are built from them or written out as
verbose regular expressions. Every pattern has worked examples in EXAMPLES, right under it:

    EXAMPLES["RE_X"] = {"match": {text: expected, …} or [text, …], "no_match": [text, …], "use": "search"}

`use` is the method the parser calls ("search" unless said otherwise). An expected value is the first group
(the whole match when the pattern has no group), or a dict {group: value}; None only asks for a match.
tests/test_patterns.py checks every example, and that every pattern of the parser has examples.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

WORDS = json.loads((Path(__file__).resolve().parent.parent / "data" / "words.json").read_text(encoding="utf-8"))
EXAMPLES: dict[str, dict] = {}


def _alt(words) -> str:
    """Words as regex alternatives, in the order given (the data file's order is the order they are tried)."""
    return "|".join(re.escape(w) for w in words)


# --- document types and codes ------------------------------------------------------------------------------
DOC_TYPES: dict[str, str] = WORDS["doc_types"]["words"]        # type line as written -> display form
TYPE_CODES: dict[str, str] = WORDS["type_codes"]["words"]      # 'QĐ' -> 'Quyết định'
ANNEX_PREFIX: dict[str, str] = WORDS["annex_prefixes"]["words"]  # 'Quy chế' -> 'qc'
CENTRAL_ONLY_TYPES = set(WORDS["central_only_types"]["words"])

_TYPE_KEYS = sorted(DOC_TYPES, key=len, reverse=True)
RE_TYPE_LINE = re.compile(r"""
    ^(""" + _alt(_TYPE_KEYS) + r""")      # the type, longest first: QUY CHẾ PHỐI HỢP before QUY CHẾ
    (?: (?![\wÀ-ỹ]) | (?=VỀ\s|V/V) )      # a whole word, or glued to 'VỀ VIỆC' / 'V/V'
    \s*[:.]?\s*
    (.*)$                                 # the trích yếu when it is on the same line
""", re.S | re.X)
EXAMPLES["RE_TYPE_LINE"] = {
    "use": "match",
    "match": {"QUYẾT ĐỊNH": "QUYẾT ĐỊNH", "QUY CHẾ PHỐI HỢP": "QUY CHẾ PHỐI HỢP",
              "QUY ĐỊNH VỀ VIỆC": {1: "QUY ĐỊNH", 2: "VỀ VIỆC"}, "QUYẾT ĐỊNHVỀ VIỆC ban hành": "QUYẾT ĐỊNH",
              "NGHỊ QUYẾT: Về chương trình": {2: "Về chương trình"}},
    "no_match": ["QUYẾT ĐỊNHS", "Quyết định", "ĐIỀU 1", "LUẬTSƯ"],
}

# A type code inside a number ('102/2025/QĐ-UBND' -> QĐ). HĐ, QĐi, L and PL are codes too, of no type here:
# the first code found decides.
RE_TYPE_CODE = re.compile(r"""
    [/-]
    (QĐ|NQ|TT|NĐ|CT|KH|HD|HĐ|QC|QCPH|KL|TB|CTr|QĐi|L|PL)
    (?=-|/|$)
""", re.X)
EXAMPLES["RE_TYPE_CODE"] = {
    "match": {"102/2025/QĐ-UBND": "QĐ", "03-QC/BDVTU-BCSDUBND": "QC", "16/CT-TTg": "CT", "12/HĐ-UBND": "HĐ",
              "05-QCPH/BDVTU": "QCPH"},
    "no_match": ["102/2025/UBND", "2579", "57-NQTW"],
}

# --- numbers and dates ---------------------------------------------------------------------------------------
RE_NUMBER = re.compile(r"""
    ^(?:[\wÀ-ỹ ]{0,30}?\s)?        # a few words glued before it by the letterhead table ('CHÍNH PHỦ Số: …')
    (?:Số|SỐ|số) \s*:?\s*
    (?=[\d./…_]|$)                 # a number, a blank to fill ('Số: …/QĐ-UBND'), or nothing
    (.*)$
""", re.S | re.X)
EXAMPLES["RE_NUMBER"] = {
    "use": "match",
    "match": {"Số: 102/2025/QĐ-UBND": "102/2025/QĐ-UBND", "Số 03-QC/BDVTU-BCSDUBND": "03-QC/BDVTU-BCSDUBND",
              "SỐ: 23-QĐ/TW": "23-QĐ/TW", "Số:": "", "Số: …/QĐ-UBND": "…/QĐ-UBND",
              "CHÍNH PHỦ Số: 172/2025/NĐ-CP": "172/2025/NĐ-CP"},
    "no_match": ["Số lượng cán bộ", "Số hóa dữ liệu", "SỐ: BAN DÂN VẬN", "Số liệu 2025"],
}

RE_NUMBER_TOKEN = re.compile(r"""
    [0-9A-Za-zĐđ….]*[/\-][0-9A-Za-zĐđ/\-.…]+    # '102/2025/QĐ-UBND', '…/QĐ-UBND', '03-QC/BDVTU'
    | \d+                                      # '2579'
""", re.X)
EXAMPLES["RE_NUMBER_TOKEN"] = {
    "use": "fullmatch",
    "match": ["102/2025/QĐ-UBND", "03-QC/BDVTU", "2579", "…/QĐ-UBND"],
    "no_match": ["Quyết định", "ngày 10 tháng 8", "QĐ"],
}

# The number at the start of what follows 'Số:' ('25/2023/QĐ-UBND Bình Phước' -> '25/2023/QĐ-UBND').
RE_NUMBER_HEAD = re.compile(r"^[\dA-Za-zĐđ][\w\-/.Đđ]*")
EXAMPLES["RE_NUMBER_HEAD"] = {
    "use": "match",
    "match": {"25/2023/QĐ-UBND Bình Phước": "25/2023/QĐ-UBND", "03-QC/BDVTU-BCSDUBND": "03-QC/BDVTU-BCSDUBND"},
    "no_match": ["…/QĐ-UBND", "/QĐ", " 12"],
}

RE_DATE = re.compile(r"""
    (?: (?P<place>[^,;|]{1,40}?) \s*,\s* )?     # 'Đồng Nai, '
    ngày \s* (?P<d>\d{1,2}|[.…_]*) \s*          # day, or a blank to fill ('ngày …', 'ngày   ')
    (?:tháng|/) \s* (?P<m>\d{1,2}|[.…_]*) \s*
    (?:năm|/) \s* (?P<y>\d{4}|[.…_]*)
""", re.I | re.X)
EXAMPLES["RE_DATE"] = {
    "match": {"Đồng Nai, ngày 05 tháng 11 năm 2021": {"place": "Đồng Nai", "d": "05", "m": "11", "y": "2021"},
              "Hà Nội, ngày 17/3/2025": {"place": "Hà Nội", "d": "17", "m": "3", "y": "2025"},
              "Ninh Bình, ngày … tháng … năm 2025": {"d": "…", "m": "…", "y": "2025"},
              "NGÀY 01 THÁNG 7 NĂM 2025": {"place": None, "d": "01", "y": "2025"}},
    "no_match": ["Những ngày lễ, ngày Tết", "ngày càng tăng"],
}

# --- annexes -------------------------------------------------------------------------------------------------
ANNEX_NUM = r"[IVXLC]+|\d+[a-z]?|[A-Z]"     # 'II', '3', '2a', 'B'
RE_ANNEX_HEAD = re.compile(r"""
    ^(PHỤ\s+LỤC|Phụ\s+lục|PHỤ\ LỤC)
    (?: \s+ (?:số\s+|SỐ\s+)? (""" + ANNEX_NUM + r""") )?    # its number
    \b \s*[:.\-–]?\s*
    (.*)$                                                  # its title
""", re.S | re.X)
EXAMPLES["RE_ANNEX_HEAD"] = {
    "use": "match",
    "match": {"PHỤ LỤC II": {2: "II", 3: ""}, "Phụ lục số 3: Mẫu báo cáo": {2: "3", 3: "Mẫu báo cáo"},
              "PHỤ LỤC": {2: None}, "PHỤ LỤC I – DANH MỤC": {2: "I", 3: "DANH MỤC"},
              "Phụ lục 2a. Biểu mẫu": {2: "2a", 3: "Biểu mẫu"}},
    "no_match": ["phụ lục kèm theo", "Theo Phụ lục II"],
}

# --- issuers, authorities, positions -------------------------------------------------------------------------
_POS = WORDS["positions"]
POSITION_WORDS = re.compile(
    r"(" + _alt(_POS["words"]) + r"|(?:" + _alt(_POS["prefixes"]) + r")\ [A-ZÀ-Ỹ\ ]+)\s*$", re.X)
EXAMPLES["POSITION_WORDS"] = {
    "match": {"BÍ THƯ": "BÍ THƯ", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH": "PHÓ CHỦ TỊCH",
              "PHÓ TRƯỞNG BAN THƯỜNG TRỰC": None, "TỔNG KIỂM TOÁN NHÀ NƯỚC": "TỔNG KIỂM TOÁN NHÀ NƯỚC"},
    "no_match": ["TỈNH ỦY ĐỒNG NAI", "BÍ THƯ TỈNH ỦY", "Chủ tịch"],
}

ISSUER_CHILD = re.compile(r"^(" + _alt(WORDS["issuing_bodies"]["words"]) + r")\b")
EXAMPLES["ISSUER_CHILD"] = {
    "use": "match",
    "match": {"BAN DÂN VẬN": "BAN", "SỞ NỘI VỤ": "SỞ", "BCS ĐẢNG UBND TỈNH": "BCS"},
    "no_match": ["TỈNH ỦY ĐỒNG NAI", "BANG", "CHÍNH PHỦ"],
}

ISSUER_PARENT = re.compile(r"^(" + _alt(WORDS["superior_bodies"]["words"]) + r")")
EXAMPLES["ISSUER_PARENT"] = {
    "use": "match",
    "match": {"TỈNH ỦY ĐỒNG NAI": "TỈNH ỦY", "BỘ NỘI VỤ": "BỘ ", "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH": None},
    "no_match": ["BAN DÂN VẬN", "BỘ", "SỞ TƯ PHÁP"],
}

RE_AUTHORITY = re.compile(r"^(" + _alt(WORDS["authorities"]["words"]) + r")\b")
EXAMPLES["RE_AUTHORITY"] = {
    "use": "match",
    "match": {"ỦY BAN NHÂN DÂN TỈNH NINH BÌNH": "ỦY BAN", "BỘ TRƯỞNG BỘ NỘI VỤ": "BỘ TRƯỞNG", "QUỐC HỘI": None},
    "no_match": ["VỀ VIỆC BAN HÀNH QUY CHẾ", "ỦY BANG"],
}

# --- preamble --------------------------------------------------------------------------------------------------
RE_BASIS = re.compile(r"^(Căn\s+cứ|CĂN\s+CỨ)\b")
EXAMPLES["RE_BASIS"] = {
    "use": "match", "match": ["Căn cứ Luật Tổ chức chính quyền địa phương;", "CĂN CỨ Điều lệ Đảng"],
    "no_match": ["căn cứ vào", "Làm căn cứ"],
}
RE_IMPLEMENTING = re.compile(r"^(Thực\s+hiện|THỰC\s+HIỆN)\b")
EXAMPLES["RE_IMPLEMENTING"] = {
    "use": "match", "match": ["Thực hiện Quyết định số 23-QĐ/TW", "THỰC HIỆN Chỉ thị"],
    "no_match": ["Tổ chức thực hiện", "thực hiện"],
}
RE_PROPOSAL = re.compile(r"""
    ^(Xét|Theo|Trên\s+cơ\s+sở|Sau\s+khi)\b
    .*(đề\s+nghị|tờ\s+trình|ý\s+kiến|thống\s+nhất|thảo\s+luận)
""", re.I | re.S | re.X)
EXAMPLES["RE_PROPOSAL"] = {
    "match": ["Theo đề nghị của Giám đốc Sở Nội vụ.", "Xét Tờ trình số 12/TTr-SNV", "Sau khi thảo luận, thống nhất,"],
    "no_match": ["Theo quy định của pháp luật", "Căn cứ đề nghị"],
}
# The kinds of preamble lines, tried in order; the first two open a preamble wherever they stand.
PREAMBLE_KIND = [(RE_BASIS, "basis"), (RE_IMPLEMENTING, "implementing"), (RE_PROPOSAL, "proposal")]

RE_ENACTING = re.compile(r"""
    (^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|BAN\s+HÀNH|THÔNG\s+QUA|QUY\s+ĐỊNH|CHỈ\s+THỊ)\s*:\s*$)   # 'QUYẾT ĐỊNH:'
  | (^[A-ZÀ-ỸĐ ,]{0,160}\b(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|BAN\s+HÀNH)\s*:?\s*$)    # 'BAN THƯỜNG VỤ … QUYẾT ĐỊNH'
  | ((ban\s+hành|quyết\s+định|quy\s+định|thống\s+nhất|thông\s+qua)            # '… thống nhất ban hành Quy chế
     [^:]{0,400}                                                              #  phối hợp như sau:'
     (như\s+sau|sau\s+đây|dưới\s+đây|nội\s+dung\s+sau)\s*:?\s*$)
  | (ban\s+hành\s+[^.:]{0,300}:\s*$)                                         # '… ban hành Quy chế …:'
""", re.I | re.S | re.X)
EXAMPLES["RE_ENACTING"] = {
    "match": ["QUYẾT ĐỊNH:", "HỘI ĐỒNG NHÂN DÂN TỈNH QUYẾT NGHỊ:", "Quyết nghị:",
              "Ban Dân vận Tỉnh ủy và Ban cán sự đảng UBND tỉnh thống nhất ban hành Quy chế phối hợp như sau:",
              "Ban Bí thư ban hành Quy định về công tác dân vận:"],
    "no_match": ["Quyết định này có hiệu lực từ ngày ký.", "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;"],
}
RE_ENACTING_ISSUER = re.compile(r"""
    ^[^.;:]{0,150}?\bban\s+hành\s+
    (Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Quy\s+chế|Quy\s+định|Chỉ\s+thị|Hướng\s+dẫn|Luật|
     Kế\s+hoạch|Chương\s+trình)\b
""", re.X)
EXAMPLES["RE_ENACTING_ISSUER"] = {
    "use": "match",
    "match": {"Bộ trưởng Bộ Giáo dục và Đào tạo ban hành Thông tư quy định …": "Thông tư",
              "Chính phủ ban hành Nghị định quy định chức năng": "Nghị định"},
    "no_match": ["Căn cứ Quyết định; ban hành Quy chế", "ban hành kèm theo Quyết định này"],
}

# --- level and locality ----------------------------------------------------------------------------------------
LEVEL_CENTRAL = re.compile(
    r"(" + _alt(WORDS["central_bodies"]["words"]) + r"|\bTW\b|^BỘ\s|\bBỘ\ [A-ZÀ-Ỹ])", re.X)
EXAMPLES["LEVEL_CENTRAL"] = {
    "match": ["BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ NỘI VỤ", "CHÍNH PHỦ", "ĐẢNG ỦY CƠ QUAN TW"],
    "no_match": ["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "TỈNH ỦY ĐỒNG NAI BAN DÂN VẬN", "ĐẢNG ỦY XÃ TÂN AN"],
}
CENTRAL_CODES = re.compile(
    r"/(" + _alt(WORDS["central_codes"]["words"]) + r"|QH\d*|UBTVQH\d*|B[A-Z]{1,6}|TT-[A-Z]+)\b", re.X)
EXAMPLES["CENTRAL_CODES"] = {
    "match": {"23-QĐ/TW": "TW", "16/CT-TTg": "CT-TTg", "29/2018/QH14": "QH14", "12/2025/TT-BNV": "TT-BNV",
              "05/2025/NĐ-CP": "NĐ-CP", "03-QC/BDVTU": "BDVTU"},   # B… takes BDVTU too: LOCAL_CODES rules it out
    "no_match": ["102/2025/QĐ-UBND", "12-NQ/TU", "2579/QĐ-UBND"],
}
LOCAL_CODES = re.compile(r"/(QĐ-|NQ-|CT-|KH-)?(" + _alt(WORDS["local_codes"]["words"]) + r")")
EXAMPLES["LOCAL_CODES"] = {
    "match": {"102/2025/QĐ-UBND": {2: "UBND"}, "03-QC/BDVTU-BCSDUBND": {2: "BDVTU"}, "12-NQ/TU": {2: "TU"}},
    "no_match": ["23-QĐ/TW", "16/CT-TTg"],
}

_LEVEL = WORDS["level_words"]
LEVEL_PROVINCE_NAMES = re.compile(r"\b(" + _alt(_LEVEL["province"]) + r")\b")
EXAMPLES["LEVEL_PROVINCE_NAMES"] = {
    "match": ["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "TỈNH ỦY ĐỒNG NAI", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"],
    "no_match": ["HUYỆN ỦY TÂN PHÚ", "TỈNHỦY"],
}
LEVEL_PROVINCE_CODES = re.compile(r"/(TU|BDVTU|[A-Z]*TU)\b")
EXAMPLES["LEVEL_PROVINCE_CODES"] = {
    "match": {"12-NQ/TU": "TU", "03-QC/BDVTU-BCSDUBND": "BDVTU", "05-HD/BTGTU": "BTGTU"},
    "no_match": ["23-QĐ/TW", "12-NQ/HU"],
}
LEVEL_DISTRICT_NAMES = re.compile(r"\b(" + _alt(_LEVEL["district"]) + r")\b")
EXAMPLES["LEVEL_DISTRICT_NAMES"] = {
    "match": ["HUYỆN ỦY TÂN PHÚ", "ỦY BAN NHÂN DÂN QUẬN 1", "THỊ XÃ LONG KHÁNH"],
    "no_match": ["TỈNH ỦY ĐỒNG NAI", "QUẬNỦY"],
}
LEVEL_DISTRICT_CODES = re.compile(r"/HU\b")
EXAMPLES["LEVEL_DISTRICT_CODES"] = {"match": ["12-NQ/HU", "05-QĐ/HU-UBND"], "no_match": ["12-NQ/HUT", "12/TU"]}
LEVEL_COMMUNE_NAMES = re.compile(r"\b(" + _alt(_LEVEL["commune"]) + r")\b")
EXAMPLES["LEVEL_COMMUNE_NAMES"] = {
    "match": ["ỦY BAN NHÂN DÂN XÃ TÂN AN", "ĐẢNG ỦY PHƯỜNG 3", "ĐẶC KHU PHÚ QUỐC"],
    "no_match": ["TỈNH ỦY ĐỒNG NAI", "XÃHỘI"],
}

RE_LOCALITY = re.compile(r"""
    (?:TỈNH\ ỦY|TỈNH\ UỶ|THÀNH\ ỦY|THÀNH\ UỶ|HUYỆN\ ỦY|TỈNH|THÀNH\ PHỐ|HUYỆN|QUẬN|THỊ\ XÃ|XÃ|PHƯỜNG)\s+
    (?!ỦY\b|UỶ\b)
    ((?:(?!BCS|ĐẢNG|UBND|TỈNH|BAN|ỦY)[A-ZÀ-ỸĐ]+\ ?){1,4})    # up to four words, up to the end of the name
    \s*$
""", re.X)
EXAMPLES["RE_LOCALITY"] = {
    "match": {"ỦY BAN NHÂN DÂN TỈNH NINH BÌNH": "NINH BÌNH", "TỈNH ỦY ĐỒNG NAI": "ĐỒNG NAI",
              "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH": "HỒ CHÍ MINH"},
    "no_match": ["BAN DÂN VẬN TỈNH ỦY", "BCS ĐẢNG UBND TỈNH", "ỦY BAN NHÂN DÂN"],
}

# --- letterhead pieces -----------------------------------------------------------------------------------------
RE_JOINT_SEP = re.compile(r"\s+[–—-]\s+")       # 'BAN DÂN VẬN TỈNH ỦY – BCS ĐẢNG UBND TỈNH': two issuers
EXAMPLES["RE_JOINT_SEP"] = {
    "match": ["BAN DÂN VẬN TỈNH ỦY – BCS ĐẢNG UBND TỈNH", "A - B"], "no_match": ["BCS-ĐẢNG", "TỈNH ỦY –"],
}
RE_DANGLING_END = re.compile(r"(\bỦY|\bUỶ|\bVÀ|\bCỦA|[–\-,])$")   # the name goes on on the next line
EXAMPLES["RE_DANGLING_END"] = {
    "match": {"BAN DÂN VẬN TỈNH ỦY": "ỦY", "BAN TUYÊN GIÁO VÀ": "VÀ", "BAN DÂN VẬN TỈNH ỦY –": "–"},
    "no_match": ["BAN DÂN VẬN", "TỈNH ỦY ĐỒNG NAI", "THỦY"],
}
PLACE_WORDS = tuple(WORDS["place_words"]["words"])   # lower-case words inside a place name

# --- closing ---------------------------------------------------------------------------------------------------
RE_SIGNED = re.compile(r"^\(?(Đã ký|ĐÃ KÝ|đã ký)")   # '(Đã ký)' before a signer's name
EXAMPLES["RE_SIGNED"] = {
    "use": "match", "match": ["(Đã ký)", "ĐÃ KÝ", "đã ký và đóng dấu"], "no_match": ["Người ký", "( Đã ký)"],
}

# --- body: quotations and list markers ---------------------------------------------------------------------------
QUOTE_OPEN = "“\"„«"
RE_QUOTE_CLOSE = re.compile(r"[”\"»]\s*[.;,]?\s*(?:/\.)?\s*$")   # the end of a quoted amendment
EXAMPLES["RE_QUOTE_CLOSE"] = {
    "match": ["… theo quy định của pháp luật.”.", "… hằng năm.”", "… như sau:» ;", "…”./."],
    "no_match": ["“Điều 7. Trách nhiệm", "… “quy chế” này."],
}
# Nesting depth of a list item by its marker: '-' items under the structural node, '+' items under a '-'.
ITEM_DEPTH = {"-": 0, "–": 0, "—": 0, "•": 0, "·": 0, "●": 0, "#": 0, "+": 1, "○": 1, "▪": 1, "□": 1}


# --- annexes, appendices and forms (parse/segments.py, parse/annexes.py) ----------------------------------

# S4: "Mẫu số 04", "Mẫu 01/TNMT", "MẪU SỐ 2: Đơn đề nghị", "Mẫu số 01. Sổ báo cáo …" (number, then an optional title)
RE_FORM_HEAD = re.compile(
    r"^(?:Mẫu|MẪU)\s+(?:(?:số|Số|SỐ)\s*:?\s*)?(\d{1,3}[a-zA-Z]?(?:/[0-9A-Za-zĐđ\-]+)*)(?![\wÀ-ỹ])\s*[:.\-–]?\s*(.*)$",
    re.S)
EXAMPLES["RE_FORM_HEAD"] = {"match": {"Mẫu số 04": "04", "Mẫu 01/TNMT": "01/TNMT", "MẪU SỐ 2: Đơn đề nghị": "2",
                                      "Mẫu số 01. Sổ báo cáo sự cố": "01", "Mẫu số 08 - Phụ lục I": "08"},
                            "no_match": ["Mẫu biểu", "MẪU QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH", "Mẫu số"], "use": "match"}
# S2: the bare number of a "PHỤ LỤC" heading written on the next line
RE_BARE_NUM = re.compile(r"^(?:(?:số|Số|SỐ)\s+)?([IVXLC]+|\d{1,3}[a-z]?|[A-Z])\s*[.:]?$")
EXAMPLES["RE_BARE_NUM"] = {"match": {"II": "II", "số 02": "02", "A": "A", "1a.": "1a"},
                           "no_match": ["DANH MỤC", "II. Nội dung"], "use": "match"}
RE_DECOR = re.compile(r"^[\s\-_=*~.·•–—|:+]*$")
EXAMPLES["RE_DECOR"] = {"match": ["---------------", " - ", ""], "no_match": ["Độc lập"], "use": "match"}
RE_PLACEHOLDER = re.compile(r"…|\.{3,}|_{3,}")
EXAMPLES["RE_PLACEHOLDER"] = {"match": ["số… /QĐ-UBND", "số ..../....", "____"], "no_match": ["số 12/2025/QĐ-UBND"]}
# the document a note cites: "kèm theo Quyết định số 12/2025/QĐ-UBND", "Kèm theo Ngh ị định số …" (PDF gaps);
# read on the note with its spaces removed and lower-cased (`_compact`)
_CITED = ["quyếtđịnh", "nghịđịnh", "thôngtưliêntịch", "thôngtư", "nghịquyếtliêntịch", "nghịquyết", "chỉthị",
          "luật", "quychếphốihợp", "quychế", "quyđịnh", "hướngdẫn", "kếhoạch", "chươngtrình", "đềán", "điềulệ",
          "tờtrình", "côngvăn", "báocáo", "giấyphép", "hợpđồng", "vănbản", "thôngbáo", "biênbản", "kếtluận"]
RE_CITED = re.compile(r"(?:kèmtheo|tại)(" + "|".join(_CITED) + r")(?:số)?:?([^,;()]*)")
EXAMPLES["RE_CITED"] = {"match": {"(banhànhkèmtheoquyếtđịnhsố12/2025/qđ-ubnd)": "quyếtđịnh",
                                  "(kèmtheoquychếquảnlýtạiquyếtđịnhsố25)": "quychế",
                                  "(kèmtheotờtrìnhsố:…ngày…)": "tờtrình"},
                        "no_match": ["(báocáochitiếtkèmtheo)"]}
_LEGAL = {"quyếtđịnh", "nghịđịnh", "thôngtưliêntịch", "thôngtư", "nghịquyếtliêntịch", "nghịquyết", "chỉthị",
          "luật"}
RE_WS = re.compile(r"\s+")
EXAMPLES["RE_WS"] = {"match": [" ", "\n"], "no_match": ["Ngh"]}
RE_LEAD_NUM = re.compile(r"(\d+)(.*)$", re.S)   # the leading digits of a printed number and what follows them
EXAMPLES["RE_LEAD_NUM"] = {"match": {"01/TNMT": "01", "1a": "1", "12/2025/QĐ-UBND": "12"}, "no_match": ["/2025/QĐ"],
                           "use": "match"}
RE_ROMAN_NUM = re.compile(r"[IVXLC]+")
EXAMPLES["RE_ROMAN_NUM"] = {"match": ["II", "XIV"], "no_match": ["II.", "B", "1"], "use": "fullmatch"}
RE_LETTER_NUM = re.compile(r"[A-Z]")
EXAMPLES["RE_LETTER_NUM"] = {"match": ["B"], "no_match": ["BC", "b"], "use": "fullmatch"}
RE_NUM_ONLY = re.compile(r"[IVXLC]+|\d+[a-z]?|[A-Z]")
EXAMPLES["RE_NUM_ONLY"] = {"match": ["II", "1a", "B"], "no_match": ["II –", "Danh"], "use": "fullmatch"}
RE_FOOTNOTE_MARKS = re.compile(r"(?:\[\d+\])+")   # "[23]" after "PHỤ LỤC": a footnote mark, not a title
EXAMPLES["RE_FOOTNOTE_MARKS"] = {"match": ["[23]", "[1][2]"], "no_match": ["[23] BỔ SUNG"], "use": "fullmatch"}
RE_WORD2 = re.compile(r"[^\W\d_]{2,}")      # a word of two letters or more
EXAMPLES["RE_WORD2"] = {"match": ["GIẤY"], "no_match": ["(1) ……", "A 1"]}
# what a title starts with that its anchor already says: "Phụ lục", "Mẫu số", its number, a dash
RE_TITLE_LEAD = re.compile(r"^(?:Phụ lục|Mẫu số)(?:\s+(?:[IVXLC]+|\d+[a-z]?|[A-Z])(?![\wÀ-ỹ]))?\s*[–-]?\s*")
EXAMPLES["RE_TITLE_LEAD"] = {"match": {"Phụ lục II – DANH MỤC": None, "Mẫu số 02 – ĐƠN": None, "Phụ lục BỔ SUNG": None},
                             "no_match": ["GIẤY CHỨNG NHẬN"], "use": "match"}

# the execution clause that ends a decision's provisions: after it, a "(Ban hành) kèm theo" note opens an annex even
# when the decision's articles were lost (a page that keeps only the last sentence of a Quyết định)
RE_EXECUTION = re.compile(r"chịu\s+trách\s+nhiệm\s+(?:tổ\s+chức\s+)?thi\s+hành\s+(?:các\s+)?"
                          r"(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Thông\s+tư|Nghị\s+định|Quy\s+chế|Quy\s+định)\s+này",
                          re.I)
EXAMPLES["RE_EXECUTION"] = {
    "match": ["Chánh Văn phòng, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.",
              "Các cơ quan, đơn vị chịu trách nhiệm tổ chức thi hành Nghị quyết này."],
    "no_match": ["Cơ quan chịu trách nhiệm thi hành quyết định xử phạt", "chịu trách nhiệm trước pháp luật"]}
