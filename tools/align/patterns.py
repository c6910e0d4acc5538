"""Patterns of the fallback detector (detect.py): document numbers cited in a căn cứ / thực hiện line or a
title, the date cited with them, and the words that say a text implements the cited one. Worked examples in
EXAMPLES (the format of danvan.parse.patterns), checked by tests/test_align.py.

The citation finder of danvan.link replaces this detector when its relations are wired in; these patterns only
need to find numbers in preamble lines and titles.
"""
from __future__ import annotations

import re

EXAMPLES: dict[str, dict] = {}

# A Party number ('23-QĐ/TW', '03-QC/BDVTU-BCSDUBND', '290- QĐ/TW') or a State number ('16/CT-TTg',
# '102/2025/QĐ-UBND', '29/2018/QH14'), as cited in running text.
RE_CITED_NUMBER = re.compile(r"""
    (?<![\w/])
    (   \d+[a-z]?\s*-\s*[A-ZĐ][A-Za-zĐđ]*\s*/\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:\s*[-–]\s*[A-ZĐ][A-Za-zĐđ0-9]*)*
      | \d+/(?:\d{4}/)?[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9&]*)*
    )
""", re.X)
EXAMPLES["RE_CITED_NUMBER"] = {
    "match": {"Căn cứ Quyết định số 23-QĐ/TW, ngày 30/7/2021": "23-QĐ/TW",
              "Quy chế số 03-QC/BDVTU-BCSDUBND ngày": "03-QC/BDVTU-BCSDUBND",
              "Quy định số 290- QĐ/TW của Ban Bí thư": "290- QĐ/TW",
              "Chỉ thị số 16/CT-TTg của Thủ tướng": "16/CT-TTg",
              "Quyết định số 102/2025/QĐ-UBND": "102/2025/QĐ-UBND",
              "Luật số 29/2018/QH14": "29/2018/QH14"},
    "no_match": ["ngày 30/7/2021", "nhiệm kỳ 2020 - 2025", "khoản 2 Điều 4"],
}

# The date cited right after a number: 'ngày 30/7/2021', ', ngày 30 tháng 7 năm 2021'; group 1 is the year.
RE_CITED_DATE = re.compile(r"""
    ^[\s,]*(?:ngày|ngay)\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}\s*[/.-]|\s+tháng\s+\d{1,2}\s+năm)\s*(\d{4})
""", re.X | re.I)
EXAMPLES["RE_CITED_DATE"] = {
    "use": "match",
    "match": {", ngày 30/7/2021 của Bộ Chính trị": "2021", " ngày 30 tháng 7 năm 2021": "2021",
              ", ngày 09-12-2020": "2020"},
    "no_match": [" của Bộ Chính trị ngày 30/7/2021", "năm 2021"],
}

# The type written before a cited number ('Quyết định số 23-QĐ/TW'): searched in the text before the number.
RE_CITED_KIND = re.compile(r"""
    (Quyết\s+định|Quy\s+chế|Quy\s+định|Nghị\s+quyết|Chỉ\s+thị|Kết\s+luận|Hướng\s+dẫn|Kế\s+hoạch|Chương\s+trình|
     Luật|Nghị\s+định|Thông\s+tư|Thông\s+báo)
    \s+(?:số\s*:?\s*)?$
""", re.X | re.I)
EXAMPLES["RE_CITED_KIND"] = {
    "match": {"Căn cứ Quyết định số ": "Quyết định", "Thực hiện Chỉ thị ": "Chỉ thị", "của Quy chế số: ": "Quy chế"},
    "no_match": ["Căn cứ Quyết định của Bộ Chính trị số ", "Căn cứ "],
}

# Words of a line that say the text implements what it cites: 'Thực hiện …', 'cụ thể hóa …'.
RE_IMPLEMENTS = re.compile(r"^\s*(?:Thực\s+hiện|THỰC\s+HIỆN)\b|cụ\s+thể\s+ho[áà]|cụ\s+thể\s+hó[aà]", re.I)
EXAMPLES["RE_IMPLEMENTS"] = {
    "match": ["Thực hiện Quyết định số 23-QĐ/TW", "để cụ thể hóa Quy chế", "nhằm cụ thể hoá Quyết định"],
    "no_match": ["Căn cứ Quyết định số 23-QĐ/TW", "Tổ chức thực hiện"],
}


def issued_type(type_name: str) -> re.Pattern:
    """'ban hành <type>' for the type of the implementing text: the cited decision issued a text of that kind
    ('… về việc ban hành Quy chế công tác dân vận' for a provincial Quy chế)."""
    words = r"\s+".join(re.escape(w) for w in type_name.split())
    return re.compile(r"\bban\s+hành\s+(?:kèm\s+theo\s+)?" + words + r"\b", re.I)


EXAMPLES["issued_type('Quy chế')"] = {
    "pattern": issued_type("Quy chế"),
    "match": ["về việc ban hành Quy chế công tác dân vận", "Quy chế ban hành kèm theo Quy chế"],
    "no_match": ["về việc ban hành Quy định", "Quy chế làm việc"],
}
