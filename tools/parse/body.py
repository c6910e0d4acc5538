"""Body: Phần / Chương / Mục / Điều / khoản / điểm / items, built with a stack."""
from __future__ import annotations

from .. import ids
from ..model import Node
from ..normalize import (
    Para, RE_ARTICLE, RE_ARTICLE_LOOSE, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_PART, RE_POINT, RE_ROMAN_HEAD,
    RE_SECTION, RE_SUBNUM, is_caps,
)
from .common import _Ctx, _ends_sentence, _structural_kind, _warn
from .patterns import ITEM_DEPTH, QUOTE_OPEN, RE_QUOTE_CLOSE
from .page import is_article_list
from .tables import cell_text


LEVEL = {"part": 1, "chapter": 2, "section": 3, "article": 4, "clause": 5, "point": 6, "subpoint": 7}


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
        m = RE_PART.match(t)
        if m:
            return self._heading("part", m.group(1), m.group(2), t, p)
        m = RE_CHAPTER.match(t)
        if m:
            return self._heading("chapter", m.group(1), m.group(2), t, p)
        m = RE_SECTION.match(t)
        if m:
            return self._heading("section", m.group(1), m.group(2), t, p)
        m = RE_ARTICLE.match(t)
        if m and not m.group(2) and not m.group(3) and not (p.bold or p.heading):
            m = None  # a bare "Điều 3" line (a reference in a table), not a heading
        if m or (RE_ARTICLE_LOOSE.match(t) and (p.bold or p.heading) and len(t) < 200
                 and not is_article_list(t)):   # "Điều 5, Điều 6 và Điều 7 của Luật …" names articles (page.py)
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
        m = RE_ROMAN_HEAD.match(t)
        if m and (is_caps(m.group(2)[:60]) or p.bold or p.heading) and self._nearest_any(("article",)) is None \
                and ids.roman_to_int(m.group(1)) is not None:
            return self._heading("section", m.group(1), m.group(2), t, p, roman_head=True)
        m = RE_BULLET.match(t)
        if m:
            return self._item(m, p)
        self._append_paragraph(p)

    def _nearest_any(self, kinds) -> Node | None:
        for _, n in reversed(self.stack):
            if n.kind in kinds:
                return n
        return None

    def _heading(self, kind, num, rest, t, p, roman_head=False):
        label = t[: len(t) - len(rest)].strip() if rest else t.strip()
        node = Node(kind=kind, num=num.strip(), label=label, line=p.line)
        rest = rest.strip()
        if rest:
            node.title = rest
        else:
            self.pending_title_for = node
        self._push(LEVEL[kind], node)

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
            if n != c + 1:
                _warn(self.ctx, "clause-sequence", f"khoản {n} sau khoản {c}", p.line)
        node = Node(kind="clause", num=num, label=label, text=rest, line=p.line)
        self._push(LEVEL["clause"], node)

    def _last_in_scope(self, kind, scope):
        kids = scope.children if scope is not None else self.roots
        for c in reversed(kids):
            if c.kind == kind:
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


