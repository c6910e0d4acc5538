"""Raw lines -> cleaned lines: <br>, glued bold runs, table pipes (cells and rows), Markdown markup removed,
bold and heading levels tracked. The dataclasses of stage 1 (Para, TableInfo, Normalized)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from .markers import RE_DECORATION

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


