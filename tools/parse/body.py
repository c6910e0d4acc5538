"""Body: Phần / Chương / Mục / Điều / khoản / điểm / items, built with a stack."""
from __future__ import annotations

from .. import ids
from ..model import Node
from ..normalize import (
    POINT_LETTERS, Para, RE_ARTICLE, RE_ARTICLE_LOOSE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_HEADING_REF,
    RE_LETTER_HEAD, RE_PART, RE_POINT, RE_ROMAN_HEAD, RE_SECTION, RE_SUBNUM, is_caps, open_end,
)
from .common import _Ctx, _ends_sentence, _structural_kind, _warn
from .patterns import ITEM_DEPTH, QUOTE_OPEN, RE_QUOTE_CLOSE
from .page import is_article_list
from .tables import cell_text


LEVEL = {"part": 1, "chapter": 2, "section": 3, "article": 4, "clause": 5, "point": 6, "subpoint": 7}
LETTER_LEVEL = 2.5   # "A. …", "B. …": above the Roman sections "I.", "II." they hold, below chapters

# Successors in a sequence of letters: Vietnamese (a b c d đ e g h i k …) or Latin (… d e f g … i j k …).
_LATIN = "abcdefghijklmnopqrstuvwxyz"


def _next_letters(letter: str) -> set[str]:
    """The letters that may follow `letter` ('d' -> {'đ', 'e'}; 'i' -> {'k', 'j'}); 'a' when there is none."""
    if not letter:
        return {"a"}
    low = letter.lower()
    out = set()
    if low in POINT_LETTERS and POINT_LETTERS.index(low) + 1 < len(POINT_LETTERS):
        out.add(POINT_LETTERS[POINT_LETTERS.index(low) + 1])
    if low in _LATIN and _LATIN.index(low) + 1 < len(_LATIN):
        out.add(_LATIN[_LATIN.index(low) + 1])
    return {x.upper() for x in out} if letter.isupper() else out


def _seq_value(num: str | None) -> int | None:
    """Position of a heading number in its sequence: '3' -> 3, 'III' -> 3, 'thứ hai' -> 2; None otherwise."""
    num = (num or "").strip()
    if num.isdigit():
        return int(num)
    if num.isupper() and ids.roman_to_int(num) is not None:
        return ids.roman_to_int(num)
    words = num.lower().split()
    if len(words) == 2 and words[0] == "thứ" and words[1] in ids.ORDINALS:
        return ids.ORDINALS[words[1]]
    return None


def _bold_lead(p: Para, m) -> bool:
    """The marker is bold, the rest of the line need not be: "**V.** **Hồ sơ,**" / "gồm: ……" (a form's heading)."""
    lead = p.lead_bold.replace(" ", "")
    return lead.startswith(m.group(1)) and len(lead) > len(m.group(1))


def _title_part(rest: str) -> str:
    """The heading text before a parenthesis or a colon: 'THÔNG TIN VỀ LOÀI (Căn cứ …)' -> 'THÔNG TIN VỀ LOÀI'."""
    for ch in "(:":
        i = rest.find(ch)
        if i > 0:
            rest = rest[:i]
    return rest.strip()[:60]


class _Builder:
    """Stack-based tree builder for one body (main text or one annex)."""

    def __init__(self, ctx: _Ctx, prefix: str):
        self.ctx = ctx
        self.prefix = prefix
        self.roots: list[Node] = []
        self.stack: list[tuple[int, Node]] = []
        self.pending_title_for: Node | None = None
        self.quote_target: Node | None = None   # the node that receives a quoted amendment, while inside one
        self.table: Node | None = None          # the table node being filled, and its rows by source row
        self.table_rows: dict[int, list[str]] = {}
        self.style: dict[int, str] = {}          # id(section node) -> "muc" (Mục 1), "roman" (I.), "letter" (A.)
        self.last_text = ""                      # text of the last paragraph or node added (its sentence may go on)

    # anchors
    def _anchor(self, node: Node, parent: Node | None) -> str | None:
        """ids.anchor of the node's path (the open nodes above it, then itself). A repeated number keeps a
        deterministic anchor, the base plus '-2', '-3'…, and a duplicate-anchor warning names both lines; the
        nodes under a renamed node go on from its anchor ('dieu-5-2-khoan-1')."""
        if node.kind in ("paragraph", "item"):
            return None
        path = [(n.kind, n.num) for _, n in self.stack] + [(node.kind, node.num)]
        base = ids.anchor(path, self.prefix)
        if parent is not None and parent.anchor:
            expected = ids.anchor(path[:-1], self.prefix)
            if parent.anchor != expected and base.startswith(expected + "-"):
                base = parent.anchor + base[len(expected):]
        a = base
        k = 2
        while a in self.ctx.used_anchors:
            a = f"{base}-{k}"
            k += 1
        if a != base:
            first = self.ctx.anchor_lines.get(base)
            _warn(self.ctx, "duplicate-anchor", f"{node.label or node.kind} (dòng {node.line}) trùng số với "
                  f"#{base}" + (f" (dòng {first})" if first else "") + f"; neo đổi thành #{a}", node.line)
        self.ctx.used_anchors.add(a)
        self.ctx.anchor_lines[a] = node.line
        return a

    def _top(self) -> Node | None:
        return self.stack[-1][1] if self.stack else None

    def _push(self, level: int, node: Node):
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        parent = self._top()
        node.anchor = self._anchor(node, parent)
        (parent.children if parent is not None else self.roots).append(node)
        self.stack.append((level, node))

    def _append_paragraph(self, p: Para):
        # a paragraph after list items belongs to the items' parent
        while self.stack and self.stack[-1][1].kind == "item":
            self.stack.pop()
        top = self._top()
        node = Node(kind="paragraph", text=p.text, line=p.line)
        (top.children if top is not None else self.roots).append(node)

    def _table_cell(self, p: Para):
        """A data table is one node where it stands (under the open article/clause/point, after list items like a
        paragraph); its cells are never headings, whatever they read like ("Điều 4, khoản 1 …", "1.", "a)")."""
        info = p.table
        if self.table is None or self.table_info is not info:
            while self.stack and self.stack[-1][1].kind == "item":
                self.stack.pop()
            top = self._top()
            self.table = Node(kind="table", line=p.line)
            self.table_info = info
            self.table_rows = {}
            (top.children if top is not None else self.roots).append(self.table)
        node = self.table
        cells = self.table_rows.get(p.row)
        if cells is None:
            cells = self.table_rows[p.row] = []
            node.rows.append(cells)
            node.header_rows = sum(1 for r in self.table_rows if r < info.header_rows)
        while len(cells) <= p.col:
            cells.append("")
        # paragraphs of one cell (lines broken by <br>, a list inside a cell) stay in that cell, one per line
        text = cell_text(p)
        cells[p.col] = cells[p.col] + "\n" + text if cells[p.col] else text

    def _quoted(self, p: Para) -> bool:
        """Amending texts quote whole articles ('“Điều 7. …' … '…”.'): the quotation is text of the amending
        clause, not structure of this document. Returns True when `p` was taken as quoted text."""
        t = p.text
        if self.quote_target is None:
            if not (t[:1] in QUOTE_OPEN and _structural_kind(t[1:].lstrip(" *")) and self.stack):
                return False
            self.quote_target = self.stack[-1][1]
        else:
            m = RE_ARTICLE.match(t)
            outer = self._nearest_any(("article",))
            if m and outer is not None and outer.num and outer.num.isdigit() and m.group(1).isdigit() \
                    and int(m.group(1)) == int(outer.num) + 1 and t[:1] not in QUOTE_OPEN:
                self.quote_target = None   # the quotation never closed: the next article of this text ends it
                return False
        self.quote_target.children.append(Node(kind="paragraph", text=t, line=p.line))
        if RE_QUOTE_CLOSE.search(t):
            self.quote_target = None
        return True

    def add(self, p: Para):
        t = p.text
        if p.table is not None and not p.table.layout:   # a cell of a data table (parse/tables.py)
            return self._table_cell(p)
        self.table = None
        if self._quoted(p):
            return
        # title of a chapter / section / part on the next line
        if self.pending_title_for is not None:
            node = self.pending_title_for
            self.pending_title_for = None
            if (is_caps(t) or p.bold or p.heading) and not _structural_kind(t) and len(t) < 300:
                node.title = t
                return
        self.last_text, last = t, self.last_text
        for kind, r in (("part", RE_PART), ("chapter", RE_CHAPTER), ("section", RE_SECTION)):
            m = r.match(t)
            if m:
                if self._fits(kind, m.group(1), m, p, last):
                    return self._heading(kind, m.group(1), m.group(2), t, p, style="muc")
                return self._append_paragraph(p)   # a reference ("Mục 2 Phần XI của …"), or out of place
        m = RE_ARTICLE.match(t)
        if m and not m.group(2) and not m.group(3) and not (p.bold or p.heading):
            m = None  # a bare "Điều 3" line (a reference in a table), not a heading
        if m or (RE_ARTICLE_LOOSE.match(t) and (p.bold or p.heading) and len(t) < 200
                 and not is_article_list(t) and not RE_HEADING_REF.match(t)):
            # "Điều 5, Điều 6 và Điều 7 của Luật …" (page.py), "**Điều 5 Nghị định này**" name articles
            return self._article(p)
        m = RE_SUBNUM.match(t)
        if m and self._nearest_any(("clause", "article", "section", "chapter")) is not None:
            return self._subpoint(m.group(1), m.group(2), t, p)
        m = RE_CLAUSE.match(t)
        if m:
            return self._clause(m, p)
        m = RE_POINT.match(t)
        if m and (m.group(2) == ")" or self._nearest_any(("clause",)) is not None):
            return self._point(m, p)
        m = RE_ROMAN_HEAD.match(t) or RE_LETTER_HEAD.match(t)
        if m and (is_caps(_title_part(m.group(2))) or p.bold or p.heading or _bold_lead(p, m)) \
                and self._nearest_any(("article",)) is None:
            style = self._roman_or_letter(m.group(1), p, (p.bold or p.heading) and is_caps(_title_part(m.group(2))))
            if style is not None:
                return self._heading("section", m.group(1), m.group(2), t, p, style=style)
        m = RE_BULLET.match(t)
        if m:
            return self._item(m, p)
        self._append_paragraph(p)

    def _nearest_any(self, kinds) -> Node | None:
        for _, n in reversed(self.stack):
            if n.kind in kinds:
                return n
        return None

    # --- headings in context --------------------------------------------------------------------------------
    # A heading line is accepted only where it fits the document:
    # - it is not a reference: a heading word and number followed by a citation's continuation ("Mục 2 Phần XI
    #   của …", "Phần V của Phụ lục I", "Chương II Thông tư này", "Điều 5 Nghị định này": RE_HEADING_REF);
    # - its number continues the sequence of its level (Chương II after Chương I, Mục 2 after Mục 1 in the same
    #   chapter, I/II/III and A/B/C headings, khoản 2 after khoản 1, điểm b after điểm a in Vietnamese or Latin
    #   letters), or it is clearly a heading all the same — bold, a Markdown heading, a title in capitals, a
    #   bare heading line, or a separator and a capitalised title ("Chương II. Chính sách") — and then a gap or
    #   repeat in the source is kept and warned about ("chapter-sequence", "clause-sequence"…), never renumbered;
    # - a heading that is neither in sequence nor clearly a heading, or that follows a sentence cut where it cannot
    #   stop without being clearly a heading, is ordinary text of the current node (no word is lost).
    # Single capital letters: "A.", "B.", "C." are letter headings, never the Roman numerals 100 or 50; "I.", "V.",
    # "X." are Roman where the Roman sequence expects them (I first, V after IV) and letters where the letter
    # sequence does (I after H).

    def _clear_heading(self, m, p) -> bool:
        rest = (m.group(m.lastindex) or "").strip()
        if p.bold or p.heading or not rest or is_caps(_title_part(rest)):
            return True
        between = p.text[m.end(1):m.start(m.lastindex)]
        return bool(between.strip(" ")) and rest[:1].isupper()

    def _scope_of(self, kind) -> Node | None:
        """The open node whose children hold the sequence of `kind`: the nearest node of a higher level."""
        for lvl, n in reversed(self.stack):
            if lvl < LEVEL[kind] and n.kind in ("part", "chapter", "section"):
                if kind == "section" and n.kind == "section" and self.style.get(id(n)) != "letter":
                    continue
                return n
        return None

    def _fits(self, kind, num, m, p, last: str) -> bool:
        """Part, chapter and section headings "Phần/Chương/Mục N …" in context (see above)."""
        t = p.text
        if RE_HEADING_REF.match(t):
            return False
        clear = self._clear_heading(m, p)
        if last and open_end(last, t) and not clear:
            return False                     # "… quy định tại" / blank / "Chương II quy định …"
        v = _seq_value(num)
        if v is None:
            return True
        scope = self._scope_of(kind)
        prev = self._last_in_scope(kind, scope, style="muc" if kind == "section" else None)
        pv = _seq_value(prev.num) if prev is not None else None
        expected = {pv + 1} if pv is not None else {1}
        if kind == "chapter" and prev is None and scope is not None:
            before = self._all(kind)
            if before and _seq_value(before[-1].num):
                expected.add(_seq_value(before[-1].num) + 1)   # chapters run on through the parts, or restart
        if v in expected:
            return True
        if not clear:
            return False
        if prev is not None:
            head = t[:m.start(m.lastindex)].strip() if m.group(m.lastindex) else t.strip()
            _warn(self.ctx, f"{kind}-sequence", f"{head} sau {prev.label or prev.num}", p.line)
        return True

    def _all(self, kind):
        out = []
        for n in self.roots:
            out.extend(x for x in n.walk() if x.kind == kind)
        return out

    def _roman_or_letter(self, num: str, p: Para, clear: bool) -> str | None:
        """'roman' or 'letter' for the number of an "I." / "A." heading, by the sequences open here; None for a
        letter that fits no sequence and is not clearly a heading (bold or a Markdown heading, title in capitals).
        A number that breaks its sequence is kept with a 'section-sequence' warning."""
        roman = ids.roman_to_int(num) if num.isupper() else None
        prev_roman = self._last_in_scope("section", self._scope_of("section"), style="roman")
        roman_next = (_seq_value(prev_roman.num) or 0) + 1 if prev_roman is not None else 1
        if not (len(num) == 1 and num.isalpha()):          # II, IV, XII: Roman
            if roman is None:
                return None
            if roman != roman_next and prev_roman is not None:
                _warn(self.ctx, "section-sequence", f"{num}. sau {prev_roman.num}.", p.line)
            return "roman"
        letter_scope = next((n for _, n in reversed(self.stack) if n.kind in ("part", "chapter")), None)
        prev_letter = self._last_in_scope("section", letter_scope, style="letter")
        letter_next = _next_letters(prev_letter.num) if prev_letter is not None else {"A"}
        if roman is not None and roman == roman_next and not (num in letter_next and prev_letter is not None):
            return "roman"                   # "I." first, "V." after "IV.", "X." after "IX."
        if num in letter_next:
            return "letter"                  # "A." first, "C." after "B.", "I." after "H."
        if roman is not None and num in "IVX" and prev_roman is not None:
            _warn(self.ctx, "section-sequence", f"{num}. sau {prev_roman.num}.", p.line)
            return "roman"                   # a Roman gap: "V." after "III."
        if clear:
            if prev_letter is not None:
                _warn(self.ctx, "section-sequence", f"{num}. sau {prev_letter.num}.", p.line)
            return "letter"                  # "B." in bold capitals opening an appendix of its own
        return None

    def _heading(self, kind, num, rest, t, p, style="muc"):
        label = t[: len(t) - len(rest)].strip() if rest else t.strip()
        node = Node(kind=kind, num=num.strip(), label=label, line=p.line)
        rest = rest.strip()
        if rest:
            node.title = rest
        else:
            self.pending_title_for = node
        if kind == "section":
            self.style[id(node)] = style
        self._push(LETTER_LEVEL if style == "letter" else LEVEL[kind], node)

    def _article(self, p: Para):
        t = p.text
        m = RE_ARTICLE.match(t) or RE_ARTICLE_LOOSE.match(t)
        num = m.group(1)
        rest = (m.group(3) if m.re is RE_ARTICLE else m.group(2)) or ""
        rest = rest.strip()
        label = t[: len(t) - len(rest)].strip() if rest else t.strip()
        node = Node(kind="article", num=num, label=label, line=p.line)
        if rest:
            lead = p.lead_bold
            lead_rest = ""
            if lead and lead.startswith(label[:4]) and len(lead) > len(label) + 1:
                lead_rest = lead[len(label):].strip()
            if p.bold or p.heading:
                if len(rest) <= 250:
                    node.title = rest
                else:
                    node.text = rest
            elif lead_rest and rest.startswith(lead_rest) and len(lead_rest) < len(rest) \
                    and rest[len(lead_rest)].isspace():
                node.title = lead_rest
                node.text = rest[len(lead_rest):].strip()
            elif len(rest) <= 200 and not _ends_sentence(rest) and ". " not in rest:
                node.title = rest
            else:
                node.text = rest
        self._push(LEVEL["article"], node)

    def _clause(self, m, p):
        num, rest = m.group(1), m.group(3).strip()
        label = p.text[: len(p.text) - len(rest)].strip() if rest else p.text.strip()
        top_point = self._nearest_any(("point", "subpoint"))
        parent_scope = self._nearest_any(("article", "section", "chapter", "part"))
        cur = self._last_in_scope("clause", parent_scope)
        n = int(num)
        if cur is not None and cur.num and cur.num.isdigit():
            c = int(cur.num)
            if n != c + 1 and top_point is not None and n == 1:
                # a numbered list inside a point, not a new clause
                return self._item_node(label, rest, p)
            if n != c + 1 and rest[:1].islower():
                return self._append_paragraph(p)   # out of sequence and in running text: "2. và …" is no clause
            if n != c + 1:
                _warn(self.ctx, "clause-sequence", f"khoản {n} sau khoản {c}", p.line)
        node = Node(kind="clause", num=num, label=label, text=rest, line=p.line)
        self._push(LEVEL["clause"], node)

    def _last_in_scope(self, kind, scope, style=None):
        kids = scope.children if scope is not None else self.roots
        for c in reversed(kids):
            if c.kind == kind and (style is None or self.style.get(id(c), "muc") == style):
                return c
        return None

    def _subpoint(self, num, rest, t, p):
        label = t[: len(t) - len(rest)].strip()
        depth = num.count(".")
        # attach under the clause whose number is the first component when it exists
        level = LEVEL["point"] if depth == 1 else LEVEL["subpoint"]
        node = Node(kind="point", num=num, label=label, text=rest.strip(), line=p.line)
        self._push(level, node)

    def _point(self, m, p):
        letter, rest = m.group(1), m.group(3).strip()
        label = p.text[: len(p.text) - len(rest)].strip()
        prev = self._last_in_scope("point", self._point_scope())
        if prev is not None and prev.num and len(prev.num) == 1 and letter not in _next_letters(prev.num):
            _warn(self.ctx, "point-sequence", f"điểm {letter} sau điểm {prev.num}", p.line)
        node = Node(kind="point", num=letter, label=label, text=rest, line=p.line)
        # a point under a dotted sub-point (1.1-) nests below it; a letter after a letter is its sibling
        level = LEVEL["point"]
        for lvl, n in reversed(self.stack):
            if n.kind == "point":
                if n.num and "." in n.num:
                    level = LEVEL["subpoint"] + (1 if n.num.count(".") > 1 else 0)
                else:
                    level = lvl
                break
            if n.kind in ("clause", "article", "section", "chapter", "part"):
                break
        self._push(level, node)

    def _point_scope(self) -> Node | None:
        """Where the siblings of a new lettered point stand: the parent of the open lettered point, else the open
        clause, article, section… (a dotted sub-point '1.2.' holds its own points)."""
        for i in range(len(self.stack) - 1, -1, -1):
            n = self.stack[i][1]
            if n.kind == "point" and "." not in (n.num or ""):
                return self.stack[i - 1][1] if i > 0 else None
            if n.kind in ("point", "clause", "article", "section", "chapter", "part"):
                return n
        return None

    def _item(self, m, p):
        marker, rest = m.group(1), m.group(2).strip()
        return self._item_node(marker, rest, p, marker=marker)

    def _item_node(self, label, rest, p, marker="#"):
        # nesting: '-' under the current structural node; '+' under a '-' item
        base = 8
        depth_marker = ITEM_DEPTH.get(marker, 0)
        level = base + depth_marker
        # keep '+' under an open '-' item; a '-' after '+' closes it
        node = Node(kind="item", label=label, text=rest, line=p.line)
        if depth_marker == 1 and not any(n.kind == "item" for _, n in self.stack):
            level = base
        self._push(level, node)


