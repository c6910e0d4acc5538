"""Line-start patterns shared with the parser: headings, clause and point markers, bullets, motto, signature
authorities, recipients labels, the kèm theo note; and the predicates built on them."""
from __future__ import annotations

import re

# --- patterns shared with the parser -------------------------------------------------------------------------

ROMAN = r"[IVXLC]+"
RE_ARTICLE = re.compile(r"^(?:ĐIỀU|Điều|điều)\s+(\d{1,3}[a-zđ]?)\s*(?:([.:])|(?=\s*$))\s*(.*)$", re.S)
RE_ARTICLE_LOOSE = re.compile(r"^(?:ĐIỀU|Điều)\s+(\d{1,3}[a-zđ]?)\s+(\S.*)$", re.S)
RE_CHAPTER = re.compile(rf"^(?:CHƯƠNG|Chương)\s+({ROMAN}|\d{{1,2}})(?![\wÀ-ỹ])\s*[.:\-–]?\s*(.*)$", re.S)
RE_SECTION = re.compile(rf"^(?:MỤC|Mục)\s+({ROMAN}|\d{{1,2}})(?![\wÀ-ỹ])\s*[.:\-–]?\s*(.*)$", re.S)
RE_PART = re.compile(rf"^(?:PHẦN|Phần)\s+(THỨ\s+[A-ZÀ-Ỹ]+|thứ\s+[a-zà-ỹ]+|{ROMAN}|\d{{1,2}})(?![\wÀ-ỹ])\s*[.:\-–]?\s*(.*)$", re.S)
RE_ROMAN_HEAD = re.compile(rf"^({ROMAN})\s*[.\-/)–]\s*(\S.*)$", re.S)
# "A. KẾ HOẠCH BÀI GIẢNG", "B- NHIỆM VỤ": a letter heading (the parser tells "C." from a Roman numeral by sequence)
RE_LETTER_HEAD = re.compile(r"^([A-ZĐ])\s*[.\-)–]\s*(\S.*)$", re.S)
class _SubnumPattern:
    """'1.1-', '2.1.' sub-items; not '2.5 lần' or '1.5 2' (text after the number must not start in lower case
    or with a digit — checked with str methods, since Vietnamese letters interleave cases in Unicode)."""

    _re = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s*[.\-)–]?\s+(\S.*)$", re.S)

    def match(self, s: str):
        m = self._re.match(s)
        if m and (m.group(2)[0].isdigit() or m.group(2)[0].islower()):
            return None
        return m


RE_SUBNUM = _SubnumPattern()
# not "1.000.000 đồng", "1-2 lớp"; not a number closing a parenthesis of the line before ("(Mẫu" / "06).",
# "(gọi là giám thị" / "1). Khi …", "nhóm" / "1);"): a marker is followed by words, not by punctuation
RE_CLAUSE = re.compile(r"^(\d{1,2})\s*([.\-)–])(?:(?<=\))\s*(?![.,;:)\]])|(?<!\))\s*(?![,;:)\]]))(?=[^\s\d])(.*)$",
                       re.S)


class _PointPattern:
    """'a) …', 'đ. …'; also 'a)Không …' glued to a capitalised text (a ')' marker only: 'v.v' is no point)."""

    _re = re.compile(r"^([a-zđ])\s*([).])(\s*)(\S.*)$", re.S)

    def match(self, s: str):
        m = self._re.match(s)
        if m is None:
            return None
        if not m.group(3) and not (m.group(2) == ")" and (m.group(4)[0].isupper() or m.group(4)[0] in "“\"([")):
            return None
        return _PointMatch(m)


class _PointMatch:
    """A point match with the groups of the plain pattern: 1 letter, 2 separator, 3 text."""

    def __init__(self, m):
        self._m = m

    def group(self, i=0):
        return self._m.group(0) if i == 0 else self._m.group({1: 1, 2: 2, 3: 4}[i])

    def start(self, i=0):
        return self._m.start(0) if i == 0 else self._m.start({1: 1, 2: 2, 3: 4}[i])

    def end(self, i=0):
        return self._m.end(0) if i == 0 else self._m.end({1: 1, 2: 2, 3: 4}[i])


RE_POINT = _PointPattern()


class _HeadingReference:
    """A heading word and its number used as a reference inside a sentence, not as a heading: the number is
    followed (no separator) by words that continue a citation — 'của', 'kèm theo', 'này', another heading word,
    a document type ('Chương II Thông tư này', 'Mục 2 Phần XI của …', 'Phần V của Phụ lục I', 'Mục XI Phụ lục
    VI', 'Điều 5 Nghị định số …') — or by a word in lower case ('Chương II quy định về …'), or it opens a list
    ('Chương II, Chương III …'). A heading's own title is capitalised or in capitals ('Chương II CHÍNH SÁCH',
    'Mục 1 Quy định chung')."""

    _head = re.compile(r"^[“\"(]?(?:Điều|điều|Chương|chương|Mục|mục|Phần|phần|Phụ\s+lục|phụ\s+lục)\s+(?:số\s+)?"
                       r"(?:[IVXLC]+|\d{1,3}[a-zđ]?)(?:\s*(?:,|và|hoặc|đến)\s*(?:[IVXLC]+|\d{1,3}[a-zđ]?))*\s+(?=\S)")
    _cont = re.compile(
        r"(?:của|kèm\s+theo|ban\s+hành|này|nêu|trên|dưới|tại|theo|và|hoặc|đến|được|quy\s+định\s+(?:tại|về|như)"
        r"|(?:Điều|Chương|Mục|Phần|Phụ\s+lục|khoản|điểm|tiết)\s+(?:số\s+)?(?:[IVXLC]+|\d{1,3}[a-zđ]?)\b"
        r"|(?:Bộ\s+luật|Luật|Hiến\s+pháp|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư|Chỉ\s+thị|"
        r"Quy\s+chế|Quy\s+định|Hướng\s+dẫn|Kế\s+hoạch|Điều\s+lệ|Văn\s+bản|Hợp\s+đồng|Công\s+ước|Hiệp\s+định)"
        r"\s+(?:này|số|liên\s+tịch|\d|[A-ZĐ]))(?![\wÀ-ỹ])|(?:Luật|Bộ\s+luật)\s")

    _list = re.compile(r"^[“\"(]?(?:Điều|điều|Chương|chương|Mục|mục|Phần|phần)\s+(?:[IVXLC]+|\d{1,3}[a-zđ]?)\s*,\s*"
                       r"(?:Điều|điều|Chương|chương|Mục|mục|Phần|phần|khoản|điểm|[IVXLC]+\b|\d)")

    def match(self, s: str):
        m = self._head.match(s)
        if m is None:
            return self._list.match(s)      # 'Chương II, Chương III …', 'Điều 5, 6 và 7'
        rest = s[m.end():]
        if rest[:1].isalpha() and rest[:1].islower() or self._cont.match(rest):
            return m
        return None


RE_HEADING_REF = _HeadingReference()
RE_BULLET = re.compile(r"^([-–—+•·●○▪□✓➢>])\s*(?=\S)(.*)$", re.S)
RE_MOTTO = re.compile(
    r"(ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H(?:ÒA|OÀ|OA|ÒÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc)", re.I)
RE_SIGN_AUTH = re.compile(r"^(T/M|TM\.|TM\s|K/T|KT\.|KT\s|Q\.|TL\.|TUQ\.|THAY MẶT|KÝ THAY|Q\.\s)", re.S)
RE_RECIPIENTS = re.compile(r"^(Nơi\s+nhận|NƠI\s+NHẬN|Đồng\s+kính\s+gửi|Kính\s+gửi)\s*:?", re.S)
RE_DECORATION = re.compile(r"^[\s\-_=*~.·•–—|:+#`]*$")

RE_KEM_THEO_OPEN = re.compile(r"^\(\s*(?:Ban\s+hành\s+)?kèm\s+theo\b", re.I)
# "(Ban hành kèm theo Quyết định số …)" or "Kèm theo Tờ trình số …": the note under an annex's title
RE_KEM_THEO = re.compile(
    r"^(?:\(\s*(?:[Bb]an\s+hành\s+|BAN\s+HÀNH\s+)?(?:kèm|Kèm|KÈM)\s+theo\b|"
    r"(?:Ban\s+hành\s+)?(?:kèm|Kèm)\s+theo\s+[^\s]+(?:\s+[^\s]+)?\s+(?:số|Số)\b)", re.S)
# Point labels in Vietnamese order (no f, j, w, z; đ after d).
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

TERMINAL = ".;:!?…"


def is_recipients_label(s: str) -> bool:
    """'Nơi nhận:' / 'Đồng kính gửi:' alone: the label the parser keeps in `closing` (shown by the recipients list)."""
    t = s.strip()
    m = RE_RECIPIENTS.match(t)
    return bool(m) and not t[m.end():].strip()


def is_caps(s: str) -> bool:
    """True when the text has letters and none of them is lowercase."""
    return s == s.upper() and s != s.lower()


def starts_structural(s: str) -> bool:
    return bool(
        RE_ARTICLE.match(s) or RE_CHAPTER.match(s) or RE_SECTION.match(s) or RE_PART.match(s)
        or RE_SUBNUM.match(s) or RE_CLAUSE.match(s) or RE_POINT.match(s) or RE_BULLET.match(s)
        or RE_RECIPIENTS.match(s) or RE_SIGN_AUTH.match(s)
        or (RE_ROMAN_HEAD.match(s) and len(s) < 200)
    )


