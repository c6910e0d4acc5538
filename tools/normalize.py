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
RE_CLAUSE = re.compile(r"^(\d{1,2})\s*([.\-)–])\s*(?=[^\s\d])(.*)$", re.S)  # not "1.000.000 đồng", "1-2 lớp"
RE_POINT = re.compile(r"^([a-zđ])\s*([).])\s+(\S.*)$", re.S)
RE_BULLET = re.compile(r"^([-–—+•·●○▪□✓➢>])\s*(?=\S)(.*)$", re.S)
RE_MOTTO = re.compile(
    r"(ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|CỘNG\s+H(?:ÒA|OÀ|OA|ÒÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc)", re.I)
RE_SIGN_AUTH = re.compile(r"^(T/M|TM\.|TM\s|K/T|KT\.|KT\s|Q\.|TL\.|TUQ\.|THAY MẶT|KÝ THAY|Q\.\s)", re.S)
RE_RECIPIENTS = re.compile(r"^(Nơi\s+nhận|NƠI\s+NHẬN|Đồng\s+kính\s+gửi|Kính\s+gửi)\s*:?", re.S)
RE_DECORATION = re.compile(r"^[\s\-_=*~.·•–—|:+#`]*$")

# Point labels in Vietnamese order (no f, j, w, z; đ after d).
RE_KEM_THEO_OPEN = re.compile(r"^\(\s*(?:Ban\s+hành\s+)?kèm\s+theo\b", re.I)
# "(Ban hành kèm theo Quyết định số …)" or "Kèm theo Tờ trình số …": the note under an annex's title
RE_KEM_THEO = re.compile(
    r"^(?:\(\s*(?:[Bb]an\s+hành\s+|BAN\s+HÀNH\s+)?(?:kèm|Kèm|KÈM)\s+theo\b|"
    r"(?:Ban\s+hành\s+)?(?:kèm|Kèm)\s+theo\s+[^\s]+(?:\s+[^\s]+)?\s+(?:số|Số)\b)", re.S)
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
        prev_word = re.split(r"[\s*]+", before.rstrip(" *"))[-1] if before.strip(" *") else ""
        if (a and a in ".,:;)") or (b and b in "“\"„«(") or (prev_word in HEAD_WORDS and a and (a.isdigit() or a in "IVXLC")):
            split = False  # "**Điều****54****. Hiệu lực**" is one heading cut by markup
        elif b.isalnum() and a.isalnum():
            if b.isdigit() and a.isdigit():
                split = False
            elif a.islower():
                split = False
            else:
                word = re.split(r"[\s*]", before)[-1]
                if len(word) == 1 and word not in "IVX":
                    split = False
        out.append(s[last:m.start()])
        out.append("**\n**" if split else "")
        last = m.end()
    out.append(s[last:])
    return "".join(out)


RE_GLUED_ARTICLE = re.compile(r"^([ \t]*\*\*(?:Điều|ĐIỀU)[ \t]+\d+[^*\n]{0,200}\*\*)(?=[^\s*])", re.M)
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
        m = re.match(r"^(#{1,6})\s+", st)
        if m:
            heading = len(m.group(1))
            st = st[m.end():]
        elif re.match(r"^#{1,6}$", st):
            yield None
            continue
        if RE_DECORATION.match(st) and not re.search(r"\w", st) and not operator:
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


_BARE_HEAD = re.compile(r"^(Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)$")
_STARTS_WORD = re.compile(r"^\(?[^\W\d_]")
_MARKER_LED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\s*[.\-)]|[a-zđ]\)|[IVXLC]+\s*[.\-])\s+\S")
_FUNCTION_END = re.compile(r"(?:\b(?:và|của|các|theo|về|với|cho|tại|trong|được|là|thuộc|đến|từ|những|hoặc|do|để|có)|[,\-–(])$")
RE_CITATION_CONT = re.compile(r"^(?:[a-zđ]\)|\d{1,2}[.)])\s+(?:khoản|điểm|Điều|mục|tiết|Chương|Phụ lục)\s+\d")
RE_NUMBER_CONT = re.compile(r"^\d{1,4}\s*[-/]\s*[A-ZĐ]{2,}[A-ZĐa-z]*\s*/")  # "57- NQ/TW", "12/QĐ-UBND" wrapped
_NEEDS_NUMBER = re.compile(r"(?:^|\s)(?:Điều|điều|khoản|Khoản|điểm|Điểm|số|Số|mục|Mục|Chương|chương|tiết|Phụ lục|phụ lục)$")
_BARE_MARKER = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}\s*[.\-)]|[a-zđ]\)|[-+•–])$")
RE_DATE_LINE = re.compile(r"^[*_ ]*(?:[^,;:]{1,40},\s*)?ngày\s+\S+\s+tháng\s+\S+\s+năm", re.I)


def _split_within_block(prev: _Line, cur: _Line) -> bool:
    """Decide whether `cur` starts a new paragraph although no blank line separates it from `prev`."""
    if _BARE_HEAD.match(prev.text) or _BARE_MARKER.match(prev.text):
        return False                      # "**Điều" / "21. Điều khoản thi hành**"; "1." / "Trường hợp …"
    if prev.bold_open_end and prev.bold and cur.bold:
        return False                      # a bold run continues: a heading split over lines
    if cur.heading != prev.heading:
        return True
    if _NEEDS_NUMBER.search(prev.text) and re.match(r"^\d", cur.text):
        return False                      # "… tại khoản 4 Điều" / "39), khoản 5 Điều 41 …"
    if (RE_CITATION_CONT.match(cur.text) or RE_NUMBER_CONT.match(cur.text)) and not _ends_terminal(prev.text):
        return False                      # "… tại điểm a), b), c)," / "d) khoản 1, Điều 10 …"; "57- NQ/TW ngày …"
    if starts_structural(cur.text) or RE_MOTTO.match(cur.text) or RE_KEM_THEO_OPEN.match(cur.text):
        return True
    if RE_DATE_LINE.search(cur.text) and len(cur.text) < 90 and (is_caps(prev.text) or RE_MOTTO.search(prev.text)
                                          or re.search(r"\d", prev.text)):
        return True
    if RE_MOTTO.search(prev.text) or re.match(r"^(Số|SỐ)\b", prev.text):
        return True
    if re.match(r"^\(?\s*(Đã ký|ĐÃ KÝ|đã ký|Đã ký và đóng dấu)\s*\)?$", prev.text):
        return True
    if prev.bold != cur.bold:
        return True
    if is_caps(prev.text) != is_caps(cur.text) and len(cur.text) > 3 and _STARTS_WORD.match(cur.text) \
            and (len(cur.text.split()) > 1 or cur.text.startswith("(")):
        return True                       # a caps heading next to sentence text (not "05:2023/BGTVT);")
    if _ends_terminal(prev.text) and _starts_upper_or_digit(cur.text):
        return True
    if _starts_upper_or_digit(cur.text) and not _FUNCTION_END.search(prev.text) and (
            (len(prev.text) <= 60 and _MARKER_LED.match(prev.text))
            or (len(prev.text) <= 160 and RE_ARTICLE.match(prev.text))):
        return True                       # "1. Trách nhiệm của cấp ủy" / "Cấp ủy các cấp …": an item heading
    return False


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
    for ln in _strip_markup(_split_raw(text)):
        if ln is None:
            if cur is not None:
                paras.append(cur)
                cur = None
            prev_line = None
            gap = True
            continue
        if cur is not None and prev_line is not None and not _split_within_block(prev_line, ln):
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

    # Page breaks: "… quy định," / blank / "nguyên tắc tổ chức …" -> one paragraph (conservative rule).
    merged: list[Para] = []
    for p in paras:
        if merged and p.gap_before:
            q = merged[-1]
            last = q.text.rstrip()
            if (
                _starts_lower(p.text)
                and not starts_structural(p.text)
                and not _heading_like(p) and not _heading_like(q)
                and last and (last[-1].isalnum() or last[-1] in ",-–")
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
