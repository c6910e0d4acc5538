"""Stage 1: text -> logical paragraphs.

Removes Markdown residue (`#`, `**`, `*`, table pipes, rules, `<br>`, backslash escapes), splits headings that
were glued on one line, joins lines that a converter or a page break split in the middle of a sentence,
and records each join. Words are never changed: only markup characters and whitespace are touched.

Public function: normalize(text) -> Normalized
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

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


@dataclass(eq=False)
class TableInfo:
    """One pipe table of the source (a blank-line separated block of `|` rows or of `|` residue lines).

    normalize() only records where each cell stands; the parser decides (parse/tables.py) whether the table is a
    data table (a `table` node) or layout (letterhead, signature, Nơi nhận: its cells stay paragraphs)."""
    id: int
    line: int                      # 1-based source line of its first row
    header_rows: int = 0           # rows above a `|---|` rule (0: no rule)
    layout: bool = True            # set by the parser; until then cells are read as paragraphs, as always


@dataclass
class Para:
    text: str                     # cleaned text, lines joined with a space
    line: int                     # 1-based source line of the first line
    lines: list[str] = field(default_factory=list)  # cleaned lines as they were before joining
    bold: bool = False            # every letter was inside **…**
    lead_bold: str = ""           # the leading bold run (e.g. "Điều 1." of "**Điều 1.** Dân vận …")
    heading: int = 0              # Markdown heading level (#…) or 0
    gap_before: bool = True       # a blank line (or table cell boundary) separates it from the previous one
    cell: bool = False            # came from a table cell
    table: TableInfo | None = None  # the pipe table it came from; `row`, `col` place it in that table
    row: int = 0
    col: int = 0
    breaks: list[int] = field(default_factory=list)  # cells: indices of `lines` that follow a <br> (kept in the cell)

    def __repr__(self):  # compact for debugging
        return f"Para({self.line}{' B' if self.bold else ''}{' H%d' % self.heading if self.heading else ''}: {self.text[:60]!r})"


@dataclass
class Normalized:
    paras: list[Para]
    joins: list[dict]


@dataclass
class _Line:
    text: str
    line: int
    bold: bool
    lead_bold: str
    heading: int
    bold_open_end: bool   # a bold run is still open at the end of this line
    cell: tuple | None = None  # (TableInfo, row, col) of a table cell
    after_br: bool = False     # follows a <br> of the same source line


HEAD_WORDS = {"Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC", "Phần", "PHẦN"}
_GLUE = re.compile(r"\*\*\*\*")
RE_WORD_SEP = re.compile(r"[\s*]+")   # spaces and bold stars between the words of a line with markup


def split_glued_bold(s: str) -> str:
    """`**Chương III****PHƯƠNG THỨC…**` -> two bold lines; `S****ố` (a word cut by markup) stays one word."""
    if "****" not in s:
        return s
    out = []
    last = 0
    for m in _GLUE.finditer(s):
        before = s[:m.start()]
        after = s[m.end():]
        a = after[:1]
        b = before[-1:]
        split = True
        prev_word = RE_WORD_SEP.split(before.rstrip(" *"))[-1] if before.strip(" *") else ""
        nxt = after.lstrip(" *")[:1]
        if not nxt or not before.strip(" *") or nxt.islower():
            split = False  # nothing glued on one side ("… quy định tại****"), or a sentence going on in lower case
            #                ("**Điều 42. Thẩm quyền xử phạt**** ****của Chủ tịch …**")
        elif (a and a in ".,:;)") or (b and b in "“\"„«(") or (prev_word in HEAD_WORDS and a and (a.isdigit() or a in "IVXLC")):
            split = False  # "**Điều****54****. Hiệu lực**" is one heading cut by markup
        elif b.isalnum() and a.isalnum():
            if b.isdigit() and a.isdigit():
                split = False
            elif a.islower():
                split = False
            else:
                word = RE_WORD_SEP.split(before)[-1]
                if len(word) == 1 and word not in "IVX":
                    split = False
        out.append(s[last:m.start()])
        out.append("**\n**" if split else "")
        last = m.end()
    out.append(s[last:])
    return "".join(out)


# Upper-case letters of Vietnamese, written out: in Unicode its upper- and lower-case letters interleave.
UPPER = "A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
# A heading glued to what follows, split where the heading ends (the word accounting splits the same way):
# "**Điều 4. Hiệu lực thi hành**1. Luật này …" (the bold run ends where the text begins); "Chương III**TỔ CHỨC**",
# "### Chương IICHÍNH SÁCH …", "CHƯƠNG 2QUY ĐỊNH CHUNG" (the numeral runs into a title in capitals: the longest
# Roman numeral up to 39 that leaves a capital letter; only a run of numeral letters glued to a capital counts,
# so "Chương II CHÍNH SÁCH" is left alone).
RE_GLUED_ARTICLE = re.compile(
    r"^((?:[ \t]*\*\*(?:Điều|ĐIỀU)[ \t]+\d+[^*\n]{0,200}\*\*(?=[^\s*]))"
    r"|(?:[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)[ \t]+"
    rf"(?:(?=[IVX][IVXLC]*+(?:\*\*)?[{UPPER}])X{{0,3}}(?:IX|IV|V?I{{0,3}})|\d{{1,2}})(?=(?:\*\*)?[{UPPER}]{{2}})))", re.M)
_PROTECT = {"(*)": "\uE001", "(**)": "\uE002", "(***)": "\uE003"}
RE_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def _protect(s: str) -> str:
    # Backslash escapes: keep the escaped character as literal text.
    s = RE_ESCAPE.sub(lambda m: "\uE010" if m.group(1) == "*" else m.group(1), s)
    for k, v in _PROTECT.items():
        s = s.replace(k, v)
    return s


def _unprotect(s: str) -> str:
    for k, v in _PROTECT.items():
        s = s.replace(v, k)
    return s.replace("\uE010", "*")


_HAS_WORD = re.compile(r"[^\W_]")
_WS = re.compile(r"[ \t\u00a0\u2007\u202f\u3000]+")


def _clean_spaces(s: str) -> str:
    return _WS.sub(" ", s).strip()


RE_BR = re.compile(r"<br[ \t]*/?>", re.I)
RE_MD_HEADING = re.compile(r"^(#{1,6})\s+")       # '## Điều 5': a Markdown heading and its level
RE_MD_HEADING_BARE = re.compile(r"^#{1,6}$")      # '###' alone: markup


def _pieces(raw: str) -> tuple[list[str], set[int]]:
    """One source line -> its pieces (`<br>` breaks, glued bold headings and glued article headings split), and
    the indices of the pieces that follow a `<br>`."""
    pieces: list[str] = []
    after_br: set[int] = set()
    for k, s in enumerate(RE_BR.split(raw.replace("\r", ""))):
        if k:
            after_br.add(len(pieces))
        # `**A****B**` : a bold run closed and another opened with nothing between -> two lines.
        s = split_glued_bold(s)
        # "**Điều 4. Hiệu lực thi hành**1. Luật này …": the heading's bold run ends where the text begins
        s = RE_GLUED_ARTICLE.sub(lambda m: m.group(1) + "\n", s)
        pieces.extend(s.split("\n"))
    return pieces, after_br


def _has_cells(piece: str) -> bool:
    """A piece whose pipes separate cells (and are not a '`|date=`' inside code)."""
    st = piece.strip()
    return "|" in piece and (st.startswith("|") or st.endswith("|") or " | " in piece)


def _is_row_edge(piece: str) -> bool:
    st = piece.strip()
    return st.startswith("|") or st.endswith("|")


# "|---|:---:|" under a header row (a lone "------- |" under a letterhead cell is decoration, not a rule)
RE_TABLE_RULE = re.compile(r"^\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")


# a cell that holds only an operator of a formula written as a table ("Giá | = | Đơn giá | x | Diện tích"): text,
# not a rule (a "-" line inside a longer cell, under a letterhead or in Nơi nhận, stays markup as before)
CELL_OPERATORS = {"=", "-", "–", "+", "/", "×", "÷", ":", "<", ">", "≤", "≥"}


def _split_raw(text: str) -> list[tuple[int, str, bool, tuple | None, bool, bool]]:
    """Raw lines -> (line number, text, is_cell_boundary, cell, operator, after_br) with <br>, glued bold and table
    pipes split.

    Every pipe is a cell boundary, as it always was. A table is a blank-line separated block with at least one
    piece that starts or ends with a pipe (Markdown rows "| a | b |", or the residue of converted HTML tables:
    lone "|" lines between cell texts, rows wrapped over lines). Its text pieces get `cell` = (TableInfo, row,
    col): the text between two pipes is one cell; two pipes with only a line break between them ("|" at a row's
    end, "|" at the next row's start) end a row; two pipes with only spaces between them hold an empty cell.
    Pipes in a block with no such piece ("[sửa | sửa mã nguồn]") still split the text, but make no table.
    `operator` marks the text of a cell that is only a CELL_OPERATORS sign; `after_br` a piece that follows a
    `<br>` (a line break a table cell keeps)."""
    out: list[tuple[int, str, bool, tuple | None, bool, bool]] = []
    split = [_pieces(raw) for raw in text.split("\n")]
    lines = [pcs for pcs, _ in split]
    n = len(lines)
    tables = 0
    i = 0
    while i < n:
        if not any(p.strip() for p in lines[i]):
            out.extend((i + 1, p, False, None, False, False) for p in lines[i])
            i += 1
            continue
        j = i
        while j < n and any(p.strip() for p in lines[j]):
            j += 1
        block = range(i, j)
        info = None
        if any(_is_row_edge(p) for k in block for p in lines[k]):
            tables += 1
            info = TableInfo(id=tables, line=i + 1)
        row, col = -1, -1
        new_row = True       # the next cell opens a row
        seen_pipe = False    # a pipe was met in this block
        cell = None          # (info, row, col) of the text since the last pipe, once it has some
        line_break = False   # a line break since the last pipe
        texts: dict[tuple, list[int]] = {}   # cell -> indices in `out` of its text pieces

        def next_cell():
            nonlocal row, col, new_row
            if new_row:
                row, col, new_row = row + 1, 0, False
            else:
                col += 1
            return (info, row, col)

        for k in block:
            for pno, piece in enumerate(lines[k]):
                br = pno in split[k][1]
                if info is not None and RE_TABLE_RULE.match(piece) and "|" in piece:
                    if not info.header_rows:
                        info.header_rows = row + 1
                    out.append((k + 1, "", True, None, False, False))   # the rule is markup: a boundary, as before
                    new_row, seen_pipe, cell, line_break = True, True, None, True
                    continue
                segs = piece.split("|") if _has_cells(piece) else [piece]
                for m, seg in enumerate(segs):
                    if m > 0:   # a pipe
                        out.append((k + 1, "", True, None, False, False))
                        if info is not None:
                            if cell is None and seen_pipe:
                                if line_break:
                                    new_row = True
                                else:
                                    next_cell()       # "| |": an empty cell
                            seen_pipe, cell, line_break = True, None, False
                    if info is not None and cell is None and seg.strip():
                        cell = next_cell()
                    if seg.strip():
                        texts.setdefault(cell, []).append(len(out))
                    out.append((k + 1, seg, False, cell if seg.strip() else None, False, br and m == 0))
                line_break = True
        for c, idx in texts.items():
            if c is not None and len(idx) == 1 and out[idx[0]][1].strip() in CELL_OPERATORS:
                out[idx[0]] = out[idx[0]][:4] + (True, out[idx[0]][5])
        i = j
    return out


def _strip_markup(pieces):
    """Yield _Line or None (blank / boundary) with bold tracking across lines of one block."""
    bold_open = False
    for no, s, boundary, cell, operator, after_br in pieces:
        if boundary:
            bold_open = False
            yield None
            continue
        s = _protect(s)
        st = s.strip()
        if not st:
            bold_open = False
            yield None
            continue
        heading = 0
        m = RE_MD_HEADING.match(st)
        if m:
            heading = len(m.group(1))
            st = st[m.end():]
        elif RE_MD_HEADING_BARE.match(st):
            yield None
            continue
        if RE_DECORATION.match(st) and "_" not in st and not operator:   # '____' is a blank to fill, not a rule
            # rules, lone stars, '-----' under a letterhead: markup, not words
            if "**" in st:
                bold_open = bold_open ^ (st.count("**") % 2 == 1)
            yield None
            continue
        # bold runs
        parts = st.split("**")
        segs = []  # (text, bold)
        b = bold_open
        for i, p in enumerate(parts):
            if i > 0:
                b = not b
            segs.append((p, b))
        bold_open = b
        # remove remaining single '*' used as italic markers
        segs = [(p.replace("*", ""), bb) for p, bb in segs]
        text = _clean_spaces(_unprotect("".join(p for p, _ in segs)))
        if not text:
            yield None
            continue
        all_bold = any(bb and _HAS_WORD.search(p) for p, bb in segs) and \
            not any((not bb) and _HAS_WORD.search(p) for p, bb in segs)
        lead = ""
        for p, bb in segs:
            if not p.strip() and not lead:
                continue
            if bb:
                lead += p
            else:
                break
        yield _Line(text=text, line=no, bold=all_bold, lead_bold=_clean_spaces(_unprotect(lead)),
                    heading=heading, bold_open_end=bold_open, cell=cell, after_br=after_br)


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
