"""Where a line break is only a wrap: the rules that join hard-wrapped lines and page breaks, and the ones that
keep headings, markers and letterhead lines apart."""
from __future__ import annotations

import re
from .lines import Para, _Line
from .markers import (
    RE_ARTICLE, RE_CHAPTER, RE_CLAUSE, RE_HEADING_REF, RE_KEM_THEO_OPEN, RE_MOTTO, RE_PART, RE_POINT,
    RE_ROMAN_HEAD, RE_SECTION, TERMINAL, is_caps, starts_structural,
)

def _ends_terminal(s: str) -> bool:
    s = s.rstrip("”\"’')*»")
    return bool(s) and s[-1] in TERMINAL


def _starts_upper_or_digit(s: str) -> bool:
    s = s.lstrip("“\"‘'(«[")
    return bool(s) and (s[0].isupper() or s[0].isdigit())


_BARE_HEAD = re.compile(r"^[“\"(]?(Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)$")
_STARTS_WORD = re.compile(r"^\(?[^\W\d_]")
_MARKER_LED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.\-)]|[a-zđ]\)|[IVXLC]+\s*[.\-])\s+\S")
RE_CITATION_CONT = re.compile(r"^(?:[a-zđ]\)|\d{1,2}[.)])\s+(?:khoản|điểm|Điều|mục|tiết|Chương|Phụ lục)\s+\d")
RE_NUMBER_CONT = re.compile(r"^\d{1,4}\s*[-/]\s*[A-ZĐ]{2,}[A-ZĐa-z]*\s*/")  # "57- NQ/TW", "12/QĐ-UBND" wrapped
_BARE_MARKER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\s*[.\-)]|[a-zđ]\)|[-+•–])$")
RE_DATE_LINE = re.compile(r"^[*_ ]*(?:[^,;:]{1,40},\s*)?ngày\s+\S+\s+tháng\s+\S+\s+năm", re.I)

# --- where a sentence cannot stop ----------------------------------------------------------------------------
# A line that ends with one of these words has not ended its sentence: prepositions, conjunctions, quantifiers
# ("… quy định tại" / "Mục 2 Phần XI của …", "… kèm theo" / "Phần V của Phụ lục I"). Words that also end noun
# phrases or sentences are left out: được ("thực hiện được"), trước ("trả trước"), đến, tới, ngoài ("nước ngoài"),
# thuộc ("trực thuộc"), do ("Tự do"), bị ("chuẩn bị"), có, qua, trên, dưới, vào, cùng, bằng, hết; "theo" after
# "tiếp", "tại" after "hiện", "kể" after "đáng".
RE_OPEN_WORD_END = re.compile(
    r"(?:^|[\s(“\"])(?:và|hoặc|hay|của|các|những|mọi|(?<!tiếp\s)theo|về|với|cho|(?<!hiện\s)tại|trong|là|từ|để|bởi|gồm|"
    r"khi|nếu|mà|thì|như|(?<!đáng\s)kể|nhằm|giữa)$")
# A word that wants a number (a numeral, a letter) after it: '… tại khoản' / '2 Điều 4', 'Mẫu số' / '01. Sổ …'.
# The capitalised heading words and "Mẫu số", "Quyết định số"… always do; the lower-case citation words do unless
# what follows is a unit of its own ("… tài khoản" / "1. Hệ thống …"; "thời điểm", "danh mục", "chữ ký số",
# "chuyển đổi số" are nouns).
RE_NEEDS_NUMBER_END = re.compile(
    r"(?:^|[\s(“\"])(?:Điều|Khoản|Điểm|Số|Mục|Chương|Phần|Tiết|Phụ\s+lục|Mẫu|Biểu|Bảng|Mức|"
    r"(?:Mẫu|Biểu|Bảng|Phụ\s+lục|Quyết\s+định|Nghị\s+định|Nghị\s+quyết|Thông\s+tư|Luật|Công\s+văn)\s+số)$")
RE_NEEDS_NUMBER_LOWER_END = re.compile(
    r"(?:^|[\s(“\"])(?<!tài\s)(?<!thời\s)(?<!địa\s)(?<!đặc\s)(?<!quan\s)(?<!danh\s)(?<!hạng\s)(?<!ký\s)(?<!đổi\s)"
    r"(?<!thuật\s)(?<!chữ\s)(?:điều|khoản|điểm|mục|chương|tiết|phụ\s+lục|mẫu|nhóm|hạng|số)$")
_NUMBER_START = re.compile(r"^(?:\d|[IVXLC]+\b|[IVXLC]+[.)]|[a-zđ](?:\)|\s|,|$))")
_CITATION_END = re.compile(r"(?:^|\s)(?:khoản|điểm|tiết|mục)\s+(?:\d{1,3}|[a-zđ])[.,]?$")
_LARGER_UNIT = re.compile(r"^(?:Điều|khoản|Khoản|Chương|Mục|mục|Phần|phần)\s+(?:\d{1,3}|[IVXLC]+)\b(?!\.\s)")
_NUMBER_LINE = re.compile(r"^(?:Số|SỐ)\s*:?\s*(?:\S*[\d/…_.]|$)")
_ABOUT = re.compile(r"^(?:V/v|V/V|v/v)\b")   # "V/v đề xuất kế hoạch …": the summary line of a letter's letterhead
_SIGNED = re.compile(r"^\(?\s*(Đã ký|ĐÃ KÝ|đã ký|Đã ký và đóng dấu)\s*\)?$")
_BASIS = re.compile(r"^[-–+•]?\s*(?:Căn\s+cứ|CĂN\s+CỨ)\b")





def _open_paren(text: str) -> bool:
    """A parenthesis opened in the last 100 characters and not closed: '(lần', '(thành viên chấm', '(Mẫu'."""
    tail = text[-100:]
    i = tail.rfind("(")
    return i >= 0 and ")" not in tail[i:]


def open_end(text: str, nxt: str = "") -> bool:
    """True when `text` stops where no sentence can stop, so that `nxt` continues it: after a function word, inside
    a parenthesis opened near its end, after a word that wants a number when `nxt` starts with one, after a
    citation ('điểm b khoản 1') when `nxt` names a larger unit ('Điều 3')."""
    t = text.rstrip()
    if not t or _ends_terminal(t):
        return False
    if _open_paren(t):
        return True
    if len(t) > 60:                      # the end is all that counts (and a long paragraph is not scanned again)
        t = t[-60:].split(" ", 1)[-1]
    if RE_OPEN_WORD_END.search(t):
        return True
    if not nxt:
        return False
    if _NUMBER_START.match(nxt) and (RE_NEEDS_NUMBER_END.search(t) or (
            RE_NEEDS_NUMBER_LOWER_END.search(t) and not (starts_structural(nxt) and not _weak_start(nxt)))):
        return True
    return bool(_CITATION_END.search(t) and _LARGER_UNIT.match(nxt))


def _weak_start(s: str) -> bool:
    """A line that looks like the start of a unit but, after a line that has not ended its sentence, reads as its
    continuation: a heading word used as a reference ('Chương II Thông tư này', 'Mục 2 của …'), a bare 'Điều 3',
    a marker whose text begins in lower case ('II) lên …', '5) là …'), a Roman numeral before a sentence-case
    text ('V. Chi tiết …' after '… từ cấp I đến cấp')."""
    if RE_HEADING_REF.match(s):
        return True
    m = RE_ARTICLE.match(s)
    if m:
        return not m.group(2) and not m.group(3)
    for r in (RE_CHAPTER, RE_SECTION, RE_PART):
        m = r.match(s)
        if m:
            return m.group(m.lastindex)[:1].islower()
    m = RE_CLAUSE.match(s) or RE_POINT.match(s)
    if m:
        return m.group(3)[:1].islower()
    m = RE_ROMAN_HEAD.match(s)
    if m:
        return not is_caps(m.group(2)[:40])
    return False


def _hard_wrapped(lines) -> bool:
    """Does the source hard-wrap its paragraphs? Judged on the line breaks inside blocks between body lines (not in
    capitals, same boldness): in a wrapped text most of them go on with a word in lower case after a line without
    final punctuation (real converted texts: 0.55-0.95 of them); in a text written one paragraph per line, few do
    (0-0.4)."""
    pairs = wraps = 0
    prev = None
    for ln in lines:
        if ln is not None and prev is not None and prev.bold == ln.bold and not is_caps(prev.text):
            pairs += 1
            wraps += ln.text[:1].islower() and not _ends_terminal(prev.text)
        prev = ln
    return pairs > 0 and wraps >= 0.5 * pairs


def _split_within_block(prev: _Line, cur: _Line, wrapped: bool = True, so_far: str = "") -> bool:
    """Decide whether `cur` starts a new paragraph although no blank line separates it from `prev`.

    `so_far` is the paragraph `prev` ends (its lines joined), `wrapped` says whether the source hard-wraps its
    paragraphs (see _hard_wrapped). The rule, in this order:

    1. Markup. A bare heading word or marker goes on ("**Điều" / "21. …", "1." / "Trường hợp …"); a bold run open
       at the end of `prev` goes on into `cur`; a change of Markdown heading level breaks.
    2. An unfinished sentence goes on, whatever `cur` starts with (a digit, a quote, "Điều", "Mục", "Phần",
       "Phụ lục", "Chương", a marker, a capital, a bold word): `prev` ends with a function word ("tại", "của",
       "kèm theo", "và"…), inside a parenthesis opened near its end ("(lần" / "2)"), with a word that wants a number
       and `cur` starts with one ("… tại khoản" / "2 Điều 4", "ngày 01 tháng" / "12 năm 2025" goes on by rule 7),
       or with a citation and `cur` names a larger unit ("điểm b khoản 1" / "Điều 3"). Only a change of boldness
       before a unit's marker breaks ("… của" / "**Điều 5. …**", "**Điều 4. … tài khoản**" / "1. …").
    3. Letterhead lines are units: the motto, a "Số: …" line, "(Đã ký)", a "V/v …" line, a place-and-date line
       under a number, a line in capitals or the motto.
    4. A unit starts where `cur` does: Điều N., Chương/Mục/Phần, khoản and điểm markers followed by words, dashes,
       Roman headings, Nơi nhận, signature authorities, the motto, a "(kèm theo" note, a "Căn cứ …" line. But a
       *weak* start after a line that has not ended its sentence continues it (see _weak_start): "… đến cấp" /
       "V. Chi tiết …" is one sentence.
    5. Heading lines end where they end: a line in capitals next to sentence text, a bold line next to plain text
       (but two bold lines are one heading: "**Điều 9. Hồ sơ cấp**" / "**Giấy phép …**"), and — in a text that
       does not hard-wrap — an article heading "Điều 5. Tên điều" or a short marker-led title ("1. Trách nhiệm của
       cấp ủy") before a capitalised sentence. (In hard-wrapped texts the first line of a clause or an article is
       often short: "2. Bộ trưởng" / "Bộ Văn hóa, Thể thao và Du lịch …", "Điều 3. Các thành viên Ban" / "Chỉ
       đạo, …"; none of the real corpus's 350 such clause pairs, nor its plain article lines, is a title.)
    6. A line that ends its sentence (. ; : ! ? …) before a capital or a digit breaks.
    7. Anything else is body text that has not ended its sentence: `cur` continues it.
    """
    p, c = prev.text, cur.text
    # 1. markup
    if _BARE_HEAD.match(p) or _BARE_MARKER.match(p):
        return False
    if prev.bold_open_end and prev.bold and cur.lead_bold:
        return False                      # a bold run continues: "**1.3. Thành phần, số lượng hồ" / "sơ: **01 bộ"
    if cur.heading != prev.heading:
        return True
    # 2. an unfinished sentence goes on
    if open_end(so_far or p, c) and not (cur.bold != prev.bold and starts_structural(c) and not _weak_start(c)):
        return False
    if (RE_CITATION_CONT.match(c) or RE_NUMBER_CONT.match(c)) and not _ends_terminal(p):
        return False                      # "… tại điểm a), b), c)," / "d) khoản 1, Điều 10 …"; "57- NQ/TW ngày …"
    # 3. letterhead lines
    number_line = bool(_NUMBER_LINE.match(p)) and len(p) < 60
    motto_line = bool(RE_MOTTO.search(p)) and (bool(RE_MOTTO.match(p)) or is_caps(p))
    if RE_DATE_LINE.search(c) and len(c) < 90 and (is_caps(p) or motto_line or number_line):
        return True
    if motto_line or number_line or _SIGNED.match(p) or _ABOUT.match(c):
        return True
    # 4. the start of a unit
    if starts_structural(c) or RE_MOTTO.match(c) or RE_KEM_THEO_OPEN.match(c) or _BASIS.match(c):
        return not (_weak_start(c) and not _ends_terminal(p) and not is_caps(p) and prev.bold == cur.bold)
    # 5. heading lines
    if prev.bold != cur.bold and not (prev.bold_open_end and cur.lead_bold):
        return True                       # (not when one bold run goes on: "1. *Đ**ịnh" / "mức sử dụng …")
    if is_caps(p) != is_caps(c) and len(c) > 3 and _STARTS_WORD.match(c) \
            and (len(c.split()) > 1 or c.startswith("(")):
        return True                       # a caps heading next to sentence text (not "05:2023/BGTVT);")
    if prev.bold and cur.bold and not _ends_terminal(p):
        return False                      # a bold heading over two lines: "**Điều 9. Hồ sơ cấp**" / "**Giấy phép …**"
    if _starts_upper_letter(c) and not wrapped and not _ends_terminal(p) and (
            len(p) <= 160 and RE_ARTICLE.match(p) or len(p) <= 60 and _MARKER_LED.match(p)):
        return True                       # "Điều 5. Trách nhiệm thi hành" / "Các cơ quan …", "1. Trách nhiệm của
        #                                   cấp ủy" / "Cấp ủy các cấp …": a title
    # 6. a finished sentence
    if _ends_terminal(p) and _starts_upper_or_digit(c):
        return True
    # 7. body text that has not ended its sentence
    return False


def _starts_upper_letter(s: str) -> bool:
    s = s.lstrip("“\"‘'(«[")
    return bool(s) and s[0].isalpha() and s[0].isupper()


def _heading_like(p: Para) -> bool:
    return p.heading > 0 or p.bold or is_caps(p.text) or bool(
        RE_CHAPTER.match(p.text) or RE_SECTION.match(p.text) or RE_PART.match(p.text))


def _starts_lower(s: str) -> bool:
    return bool(s) and s[0].isalpha() and s[0].islower()


