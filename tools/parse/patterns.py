"""Patterns and word lists of the parser: document types and codes, numbers, dates, positions, issuers,
preamble kinds, levels. Data, not logic; worked examples are checked by tests/test_patterns.py."""
from __future__ import annotations

import re


# --- data: document types ----------------------------------------------------------------------------------
# Canonical display form -> the type line as it is written (upper case).
DOC_TYPES = {
    "QUY CHẾ PHỐI HỢP": "Quy chế phối hợp", "QUY CHẾ": "Quy chế", "QUY ĐỊNH": "Quy định",
    "QUYẾT ĐỊNH": "Quyết định", "NGHỊ QUYẾT": "Nghị quyết", "HƯỚNG DẪN": "Hướng dẫn", "CHỈ THỊ": "Chỉ thị",
    "KẾT LUẬN": "Kết luận", "KẾ HOẠCH": "Kế hoạch", "CHƯƠNG TRÌNH": "Chương trình", "THÔNG BÁO": "Thông báo",
    "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch", "THÔNG TƯ": "Thông tư", "NGHỊ ĐỊNH": "Nghị định",
    "LUẬT": "Luật", "PHÁP LỆNH": "Pháp lệnh", "BÁO CÁO": "Báo cáo", "CÔNG VĂN": "Công văn",
    "ĐIỀU LỆ": "Điều lệ", "ĐỀ ÁN": "Đề án", "TỜ TRÌNH": "Tờ trình", "QUY TRÌNH": "Quy trình",
    "PHỤ LỤC": "Phụ lục", "DANH MỤC": "Danh mục", "CHƯƠNG TRÌNH PHỐI HỢP": "Chương trình phối hợp",
    "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch", "HIẾN PHÁP": "Hiến pháp", "BỘ LUẬT": "Bộ luật",
    "CÔNG ĐIỆN": "Công điện", "THÔNG TRI": "Thông tri", "QUY ĐỊNH KHUNG": "Quy định",
}
_TYPE_KEYS = sorted(DOC_TYPES, key=len, reverse=True)
RE_TYPE_LINE = re.compile(r"^(" + "|".join(re.escape(k) for k in _TYPE_KEYS) + r")(?:(?![\wÀ-ỹ])|(?=VỀ\s|V/V))"
                          r"\s*[:.]?\s*(.*)$", re.S)
TYPE_CODES = {"QĐ": "Quyết định", "NQ": "Nghị quyết", "TT": "Thông tư", "NĐ": "Nghị định", "CT": "Chỉ thị",
              "KH": "Kế hoạch", "HD": "Hướng dẫn", "QC": "Quy chế", "QCPH": "Quy chế phối hợp", "KL": "Kết luận",
              "TB": "Thông báo", "CTr": "Chương trình"}
ANNEX_PREFIX = {"Quy chế": "qc", "Quy chế phối hợp": "qc", "Quy định": "qd", "Phụ lục": "pl", "Hướng dẫn": "hd",
                "Điều lệ": "dl", "Danh mục": "dm", "Quy trình": "qt", "Chương trình": "ctr", "Kế hoạch": "kh",
                "Đề án": "da"}

RE_NUMBER = re.compile(r"^(?:[\wÀ-ỹ ]{0,30}?\s)?(?:Số|SỐ|số)\s*:?\s*(?=[\d./…_]|$)(.*)$", re.S)
RE_NUMBER_TOKEN = re.compile(r"[0-9A-Za-zĐđ…\.]*[/\-][0-9A-Za-zĐđ/\-\.…]+|\d+")
RE_DATE = re.compile(
    r"(?:(?P<place>[^,;|]{1,40}?)\s*,\s*)?ngày\s*(?P<d>\d{1,2}|[.…_]*)\s*(?:tháng|/)\s*(?P<m>\d{1,2}|[.…_]*)\s*"
    r"(?:năm|/)\s*(?P<y>\d{4}|[.…_]*)", re.I)
RE_ANNEX_HEAD = re.compile(r"^(PHỤ\s+LỤC|Phụ\s+lục|PHỤ LỤC)(?:\s+(?:số\s+|SỐ\s+)?([IVXLC]+|\d+[a-z]?|[A-Z]))?\b\s*[:.\-–]?\s*(.*)$", re.S)
POSITION_WORDS = re.compile(
    r"(BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|CHÁNH ÁN|"
    r"VIỆN TRƯỞNG|CHỦ NHIỆM|TRƯỞNG ĐOÀN|CỤC TRƯỞNG|VỤ TRƯỞNG|THỐNG ĐỐC|TỔNG KIỂM TOÁN(?: NHÀ NƯỚC)?|ỦY VIÊN|UỶ VIÊN|"
    r"TRƯỞNG PHÒNG|THƯỜNG TRỰC|TỔNG THƯ KÝ|TỔNG BIÊN TẬP|HIỆU TRƯỞNG|CHÁNH THANH TRA|TRƯỞNG CÔNG AN|"
    r"CHỈ HUY TRƯỞNG|TƯ LỆNH|PHÓ [A-ZÀ-Ỹ ]+|TRƯỞNG [A-ZÀ-Ỹ ]+|KẾ TOÁN TRƯỞNG|THỦ TRƯỞNG)\s*$")
ISSUER_CHILD = re.compile(
    r"^(BAN|VĂN PHÒNG|SỞ|ỦY BAN|UỶ BAN|ĐẢNG ĐOÀN|BAN CÁN SỰ|CỤC|VỤ|HỘI ĐỒNG|TRƯỜNG|TRUNG TÂM|ĐẢNG ỦY|"
    r"ĐẢNG UỶ|CHI BỘ|THANH TRA|PHÒNG|BCS|BTV|ĐOÀN|CÔNG AN|BỘ CHỈ HUY|HỌC VIỆN|VIỆN)\b")
RE_AUTHORITY = re.compile(
    r"^(ỦY BAN|UỶ BAN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG BAN|QUỐC HỘI|CHÍNH PHỦ|HỘI ĐỒNG NHÂN DÂN|"
    r"TỔNG KIỂM TOÁN|THỐNG ĐỐC|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BỘ CHÍNH TRỊ|BAN BÍ THƯ|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|"
    r"CHÁNH ÁN|VIỆN TRƯỞNG|BAN CÁN SỰ|ĐẢNG ĐOÀN|THƯỜNG TRỰC|BAN DÂN VẬN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|HUYỆN ỦY)\b")
ISSUER_PARENT = re.compile(
    r"^(TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|BAN CHẤP HÀNH|BỘ |"
    r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|TRUNG ƯƠNG|HỘI ĐỒNG NHÂN DÂN|TỔNG CỤC|CHÍNH PHỦ|QUỐC HỘI|"
    r"ỦY BAN MẶT TRẬN|MẶT TRẬN TỔ QUỐC)")
PREAMBLE_KIND = [
    (re.compile(r"^(Căn\s+cứ|CĂN\s+CỨ)\b"), "basis"),
    (re.compile(r"^(Thực\s+hiện|THỰC\s+HIỆN)\b"), "implementing"),
    (re.compile(r"^(Xét|Theo|Trên\s+cơ\s+sở|Sau\s+khi)\b.*(đề\s+nghị|tờ\s+trình|ý\s+kiến|thống\s+nhất|thảo\s+luận)", re.I | re.S), "proposal"),
]
RE_ENACTING = re.compile(
    r"(^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|BAN\s+HÀNH|THÔNG\s+QUA|QUY\s+ĐỊNH|CHỈ\s+THỊ)\s*:\s*$)|"
    r"(^[A-ZÀ-ỸĐ ,]{0,160}\b(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|BAN\s+HÀNH)\s*:?\s*$)|"
    r"((ban\s+hành|quyết\s+định|quy\s+định|thống\s+nhất|thông\s+qua)[^:]{0,400}(như\s+sau|sau\s+đây|dưới\s+đây|nội\s+dung\s+sau)\s*:?\s*$)|"
    r"(ban\s+hành\s+[^.:]{0,300}:\s*$)",
    re.I | re.S)
RE_ENACTING_ISSUER = re.compile(
    r"^[^.;:]{0,150}?\bban\s+hành\s+(Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Quy\s+chế|Quy\s+định|"
    r"Chỉ\s+thị|Hướng\s+dẫn|Luật|Kế\s+hoạch|Chương\s+trình)\b")

LEVEL_CENTRAL = re.compile(
    r"(TRUNG ƯƠNG|\bTW\b|BỘ CHÍNH TRỊ|BAN BÍ THƯ|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|^BỘ\s|\bBỘ [A-ZÀ-Ỹ]|NGÂN HÀNG NHÀ NƯỚC|"
    r"VĂN PHÒNG TRUNG ƯƠNG|TÒA ÁN NHÂN DÂN TỐI CAO|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO|KIỂM TOÁN NHÀ NƯỚC|"
    r"ỦY BAN THƯỜNG VỤ QUỐC HỘI|ỦY BAN TRUNG ƯƠNG)")
CENTRAL_CODES = re.compile(r"/(TW|TTg|CP|QH\d*|UBTVQH\d*|BCT|BNV|VPTW|BTGDVTW|BDVTW|NHNN|BTC|BCA|BQP|B[A-Z]{1,6}|TT-[A-Z]+|NĐ-CP|QĐ-TTg|CT-TTg)\b")
RE_LOCALITY = re.compile(
    r"(?:TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+"
    r"(?!ỦY\b|UỶ\b)((?:(?!BCS|ĐẢNG|UBND|TỈNH|BAN|ỦY)[A-ZÀ-ỸĐ]+ ?){1,4})\s*$")
CENTRAL_ONLY_TYPES = {"Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch",
                      "Nghị quyết liên tịch"}
PROVINCE_CITIES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
