"""The citation patterns, built from tools/data/citations.json (the data) and the regular-expression parts
below (the grammar). Worked examples for every list are in the data file and checked by the tests."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def data() -> dict:
    return json.loads(resources.files("danvan.data").joinpath("citations.json").read_text(encoding="utf-8"))


def words(name: str):
    return data()[name]["words"]


def _either_case(word: str) -> str:
    """'Quyết định' -> '[Qq]uyết định': a type word may start a sentence or not."""
    first = word[0]
    return (f"[{first.upper()}{first.lower()}]" if first.lower() != first.upper() else re.escape(first)) \
        + re.escape(word[1:]).replace(r"\ ", r"\s+")


def alternation(items, either_case: bool = True) -> str:
    items = sorted(items, key=len, reverse=True)
    return "|".join(_either_case(w) if either_case else re.escape(w).replace(r"\ ", r"\s+") for w in items)


W = r"[\wđĐ]"                 # a word character (Vietnamese letters are \w)
DASH = r"\s?[-–—]\s?"         # "290- QĐ/TW", "BDVTW – BCSĐCP"
CODE = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
CODES = rf"{CODE}(?:{DASH}{CODE})*"
NUM = r"\d{1,5}[a-z]?"
# Party: 23-QĐ/TW, 03-QC/BDVTU-BCSDUBND; State: 16/CT-TTg, 102/2025/QĐ-UBND, 97/2025/QH15, 9086/BNV-CTTN&BĐG
NUMBER = re.compile(rf"(?<![\w/.\-–])(?P<num>{NUM}(?:/(?P<y>(?:19|20)\d\d))?(?:{DASH}{CODE})?\s?/\s?{CODES})(?![\w/&])")
_DATE_NUM = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)"
_DATE_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>(?:19|20)\d\d)"
DATE = re.compile(rf"[Nn]gày\s+(?:{_DATE_NUM}|{_DATE_WORDS})(?!\d)")
TERM = re.compile(r"\(\s*[Kk]h(?:óa|oá)\s+(?P<t>[IVXL]+)\s*\)")
TAIL_SEP = re.compile(r"[\s,]*")
LIST_SEP = re.compile(r"\s*(?:,|và|;)?\s*(?:,\s*)?(?:và\s+)?(?:số\s*)?")
NAY = r"\s+này(?![\wđ])"


@lru_cache(maxsize=1)
def compiled() -> dict:
    types = alternation(words("doc_types"))
    issuers = alternation(words("issuers"), either_case=False)
    stop = sorted(words("law_name_stop_words"), key=len, reverse=True)
    return {
        "type_before": re.compile(rf"(?P<type>{types})(?:\s+số)?\s*:?\s*$"),
        "issuer": re.compile(rf"của\s+(?P<i>{issuers})(?![\wđ])"),
        "self": re.compile(rf"(?<![\wđ])(?P<type>{alternation(words('self_types'))}){NAY}"),
        "annex_of": re.compile(rf"(?P<type>{types})\s+(?:được\s+)?(?:ban\s+hành\s+)?kèm\s+theo\s+"),
        "type_word": re.compile(rf"(?P<type>{types})(?:\s+số)?\s*:?\s*"),
        "named": [(re.compile(rf"(?<![\wđ]){item['pattern']}(?![\wđ])"), item) for item in data()["named_documents"]["items"]],
        "law": re.compile(r"(?<![\wđ])(?P<kw>Bộ luật|Luật)\s+(?=[A-ZĐÀ-Ỹ])"),
        "stop": stop,
        "breaks": sorted(words("law_name_breaks"), key=len, reverse=True),
    }


def type_from_code(number: str) -> str | None:
    """'23-QĐ/TW' -> 'Quyết định'; '16/CT-TTg' -> 'Chỉ thị'; '97/2025/QH15' -> 'Luật'."""
    codes = words("type_codes")
    m = re.match(r"\d+[a-z]?-([^/]+)/", number)          # Party: the code before the slash
    if m:
        return codes.get(m.group(1))
    parts = re.split(r"/", number)
    tail = parts[-1]
    first = tail.split("-")[0]
    if first in codes:
        return codes[first]
    if re.fullmatch(r"QH\d*", first):
        return "Luật"
    return None


def issuer_codes(number: str) -> list[str]:
    """The issuer codes of a number: '23-QĐ/TW' -> ['TW']; '102/2025/QĐ-UBND' -> ['UBND'];
    '79-Ctr/BDVTW-BCSĐCP' -> ['BDVTW', 'BCSĐCP']; '16/CT-TTg' -> ['TTg']; '97/2025/QH15' -> ['QH15']."""
    tail = number.split("/")[-1]
    parts = tail.split("-")
    party = re.match(r"\d+[a-z]?-[^/]+/", number)
    if not party and len(parts) > 1 and parts[0] in words("type_codes"):
        parts = parts[1:]                       # State: the type code first ('CT-TTg'), then the issuer
    return [p for p in parts if p]


def scope_of_number(number: str) -> str:
    """'national' when any issuer code is a central body's, else 'local'."""
    central = set(words("central_codes"))
    local = set(words("local_codes"))
    codes = issuer_codes(number)
    for c in codes:
        if c in central or c.endswith("TW") or re.fullmatch(r"QH\d*", c) or c.startswith("TT-B"):
            return "national"
    for c in codes:
        if c in local or re.search(r"(TU|HU|ĐU|UBND|HĐND)$", c) or "UBND" in c or "HĐND" in c:
            return "local"
    # a ministry-style code (B + letters: BNV, BTC, BVHTTDL) is central; anything else is a local body
    return "national" if any(re.fullmatch(r"B[A-ZĐ]{1,8}", c) for c in codes) else "local"


def normalize_number(raw: str) -> str:
    """'290- QĐ/TW' -> '290-QĐ/TW'; '79-Ctr/BDVTW – BCSĐCP' -> '79-Ctr/BDVTW-BCSĐCP'."""
    s = re.sub(r"\s*[-–—]\s*", "-", raw)
    return re.sub(r"\s*/\s*", "/", s).strip()
