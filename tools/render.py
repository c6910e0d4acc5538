"""Render Documents into the pages of the static site.

Every page is a Markdown file that holds front matter (a sanitised title) and ONE raw HTML block.
Corpus text never reaches Markdown, Jinja or the browser unescaped:

* ``esc`` HTML-escapes and also turns Markdown/Jinja metacharacters into numeric character
  references, so even if a later configuration let Markdown into the block (md_in_html), nothing
  in the corpus could become markup, a link or a template expression;
* the block never contains a blank line and every text run sits inside an element on one line,
  so Python-Markdown passes the block through untouched;
* titles handed to MkDocs/Material (which prints them unescaped in ``<title>``, the header and the
  navigation) go through ``plain_label``, which removes the characters that matter to HTML.

Public entry point: ``render_site(docs, errors, build_info) -> {site-relative path: content}``.
Helpers the MkDocs plugin uses: ``site_nav``, ``toc_tokens``, ``valid_documents``, ``doc_page_path``.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from datetime import date as _date
from typing import Iterable

from .model import Annex, Document, Node, PreambleItem, Signer
from .normalize import is_recipients_label

UNKNOWN = "chưa rõ"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DOC_DIR = "van-ban"
SITE_NAME = "Văn bản công tác dân vận"

LEVEL_ORDER = ("central", "province", "district", "commune", None)
LEVEL_LABELS = {
    "central": "Trung ương",
    "province": "Tỉnh, thành phố",
    "district": "Huyện",
    "commune": "Xã",
    None: "Chưa rõ cấp",
}
LEVEL_SLUGS = {"central": "trung-uong", "province": "tinh", "district": "huyen", "commune": "xa", None: "chua-ro-cap"}
NO_LOCALITY = "Chưa rõ địa phương"

HEADING_KINDS = ("part", "chapter", "section")
KIND_NAMES = {"part": "Phần", "chapter": "Chương", "section": "Mục", "article": "Điều",
              "clause": "khoản", "point": "điểm", "item": "", "paragraph": ""}

# ---------------------------------------------------------------------------------------------
# Escaping
# ---------------------------------------------------------------------------------------------

_ESC = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    # Markdown / Jinja / extension metacharacters, as numeric references (render identically)
    "*": "&#42;", "_": "&#95;", "`": "&#96;", "[": "&#91;", "]": "&#93;", "{": "&#123;",
    "}": "&#125;", "#": "&#35;", "|": "&#124;", "~": "&#126;", "^": "&#94;", "=": "&#61;",
    "\\": "&#92;", "!": "&#33;", "$": "&#36;", "%": "&#37;",
}
# C0/C1 controls (except tab/newline), lone surrogates and non-characters are dropped.
for _c in list(range(0, 32)) + list(range(0x7F, 0xA0)):
    if chr(_c) not in "\t\n":
        _ESC[chr(_c)] = ""
_ESC["\t"] = " "
_ESC["\ufeff"] = ""
_ESC_TABLE = str.maketrans(_ESC)
_SURROGATES = re.compile("[\ud800-\udfff\ufffe\uffff]")


def esc(s: object) -> str:
    """HTML-escape text for element content or a double-quoted attribute, neutralising Markdown and
    Jinja metacharacters too. Newlines are kept (callers decide what a newline means)."""
    if s is None:
        return ""
    t = str(s)
    if _SURROGATES.search(t):
        t = _SURROGATES.sub("\ufffd", t)
    return t.translate(_ESC_TABLE)


def esc_line(s: object) -> str:
    """Like esc, for a single line: newlines become spaces."""
    return esc(s).replace("\r", " ").replace("\n", " ")


_LABEL_TABLE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "\\": "＼",
                              "`": "ˋ", "{": "❴", "}": "❵"})


def plain_label(s: object, max_len: int = 0) -> str:
    """A title that is safe wherever a theme prints it, escaped or not: no HTML-significant
    characters, no controls, one line. Look-alike characters keep it readable."""
    t = "" if s is None else str(s)
    t = _SURROGATES.sub("", t)
    t = "".join(ch if (ch >= " " and not (0x7F <= ord(ch) < 0xA0) and ch != "\ufeff") else " " for ch in t)
    t = " ".join(t.translate(_LABEL_TABLE).split())
    if max_len and len(t) > max_len:
        cut = t[: max_len - 1]
        if " " in cut[max_len // 2:]:
            cut = cut[: cut.rfind(" ")]
        t = cut.rstrip(" ,;:-–") + "…"
    return t


def _yaml_single(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


# ---------------------------------------------------------------------------------------------
# Small formatting helpers
# ---------------------------------------------------------------------------------------------

def fmt_date(iso: str | None) -> str | None:
    """'2021-11-05' -> '05/11/2021'; None stays None; anything unparseable is returned as is."""
    if not iso:
        return None
    try:
        d = _date.fromisoformat(iso)
        return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"
    except (TypeError, ValueError):
        m = re.fullmatch(r"(\d{4})-(\d{2})", str(iso))
        if m:
            return f"{m.group(2)}/{m.group(1)}"
        return str(iso)


def _sort_key_text(s: str | None) -> str:
    s = (s or "").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def check_doc_id(doc_id: object) -> str | None:
    """None if the id may name a page file, otherwise the reason (Vietnamese) it may not."""
    if not isinstance(doc_id, str) or not ID_RE.fullmatch(doc_id):
        return "mã văn bản không hợp lệ (chỉ được dùng chữ thường a-z, chữ số và dấu gạch ngang)"
    return None


def valid_documents(docs: Iterable[Document]) -> tuple[list[Document], list[str]]:
    """Documents whose id can safely name a file, and one error message per refused document."""
    ok: list[Document] = []
    errors: list[str] = []
    seen: set[str] = set()
    for d in docs:
        reason = check_doc_id(getattr(d, "id", None))
        src = d.source.path if getattr(d, "source", None) else None
        where = f" (tệp {src})" if src else ""
        if reason:
            errors.append(f"Bỏ qua văn bản có mã {d.id!r}{where}: {reason}.")
            continue
        if d.id in seen:
            errors.append(f"Bỏ qua văn bản có mã {d.id!r}{where}: trùng mã với một văn bản khác.")
            continue
        seen.add(d.id)
        ok.append(d)
    return ok, errors


def doc_page_path(doc: Document) -> str:
    """Site-relative source path of a document page ('van-ban/<id>.md'); the id must be valid."""
    if check_doc_id(doc.id):
        raise ValueError(f"invalid document id: {doc.id!r}")
    return f"{DOC_DIR}/{doc.id}.md"


def doc_html_path(doc: Document) -> str:
    return f"{DOC_DIR}/{doc.id}.html"


def count_nodes(docs: Iterable[Document]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for d in docs:
        for n in d.all_nodes():
            counts[n.kind] += 1
    return counts


def short_title(doc: Document, max_len: int = 70) -> str:
    """Navigation label, safe for theme templates: 'Quyết định 165/2025/QĐ-UBND' when the number is
    known (short and distinct within a locality), else the title, shortened."""
    if doc.number:
        return plain_label(f"{doc.type or 'Văn bản'} {doc.number}", max_len)
    return plain_label(doc.title or doc.id, max_len)


def page_title(doc: Document) -> str:
    """Browser-tab title: number and title."""
    t = doc.title or doc.id
    if doc.number:
        t = f"{doc.number} – {t}"
    return plain_label(t, 140)


def running_head(doc: Document) -> str:
    """Plain text for the print running header: 'Quy chế số 03-QC/…', else the (shortened) title."""
    if doc.number:
        t = f"{doc.type} số {doc.number}" if doc.type else f"Số {doc.number}"
    else:
        t = _clip(doc.title or doc.id, 90)
    return " ".join(t.split())


# ---------------------------------------------------------------------------------------------
# Document page
# ---------------------------------------------------------------------------------------------

class _DocRenderer:
    """Renders one document into a list of HTML lines (no blank lines)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.out: list[str] = []
        self.notes: list[str] = []              # extra editorial notes found while rendering
        self.ids: set[str] = set()
        self.unplaced = sorted(
            ((u.line if u.line is not None else 10 ** 12, i, u) for i, u in enumerate(doc.unplaced)),
            key=lambda t: (t[0], t[1]))
        self.unplaced_pos = 0
        self.annex_label: str | None = None     # "Quy chế" while rendering an annex

    # -- ids --------------------------------------------------------------------------------
    def _id(self, anchor: str | None) -> str:
        if not anchor:
            return ""
        if anchor in self.ids:
            self.notes.append(f"Mã neo “{anchor}” bị trùng; chỉ phần đầu tiên giữ mã này.")
            return ""
        self.ids.add(anchor)
        return f' id="{esc(anchor)}"'

    # -- text -------------------------------------------------------------------------------
    @staticmethod
    def _lines(text: str | None) -> list[str]:
        if not text:
            return []
        return [ln.strip() for ln in str(text).split("\n") if ln.strip()]

    def _paras(self, text: str | None, cls: str = "dv-p") -> None:
        for ln in self._lines(text):
            self.out.append(f'<p class="{cls}">{esc(ln)}</p>')

    # -- unplaced text, shown where it stood in the source ------------------------------------
    def _flush_unplaced(self, before_line: int | None) -> None:
        while self.unplaced_pos < len(self.unplaced):
            line, idx, u = self.unplaced[self.unplaced_pos]
            if before_line is not None and line >= before_line:
                return
            self.unplaced_pos += 1
            where = f" (dòng {u.line})" if u.line is not None else ""
            self.out.append(f'<div class="dv-unplaced" id="dv-unplaced-{idx + 1}">'
                            f'<p class="dv-unplaced-tag">Đoạn chưa xếp được vào cấu trúc{where}</p>')
            self._paras(u.text)
            self.out.append("</div>")

    # -- references ("khoản 2 Điều 5 Quy chế") ---------------------------------------------
    def _ref(self, path: list[Node]) -> str:
        parts = []
        for n in reversed(path):
            if n.kind in ("article", "clause", "point") and n.num:
                name = KIND_NAMES[n.kind]
                parts.append(f"{name} {n.num}")
        if self.annex_label and parts:
            parts.append(self.annex_label)
        return " ".join(parts)

    @staticmethod
    def _article_tools(anchor: str, ref: str) -> str:
        a, r = esc(anchor), esc_line(ref or "điều này")
        return (f'<span class="dv-tools">'
                f'<button type="button" class="dv-btn dv-copy" data-dv-anchor="{a}" data-dv-ref="{r}" '
                f'title="Sao chép liên kết tới {r}">Sao chép liên kết</button>'
                f'<button type="button" class="dv-btn dv-print" data-dv-anchor="{a}" data-dv-ref="{r}" '
                f'title="In riêng {r}">In điều này</button></span>')

    @staticmethod
    def _clause_tool(anchor: str, ref: str) -> str:
        a, r = esc(anchor), esc_line(ref or "khoản này")
        return (f'<button type="button" class="dv-btn dv-copy dv-icon-only" data-dv-anchor="{a}" data-dv-ref="{r}" '
                f'title="Sao chép liên kết" aria-label="Sao chép liên kết tới {r}"></button>')

    # -- nodes ------------------------------------------------------------------------------
    def _table(self, n: Node) -> None:
        """A data table: header rows in <thead>, a cell's lines joined by <br>, inside a wrapper that scrolls
        sideways on a phone (danvan.css)."""
        def row(tag: str, cells: list[str]) -> str:
            return "<tr>" + "".join(f"<{tag}>" + "<br>".join(esc_line(x) for x in self._lines(c)) + f"</{tag}>"
                                    for c in cells) + "</tr>"
        head = max(0, min(n.header_rows, len(n.rows) - 1)) if len(n.rows) > 1 else 0
        self.out.append('<div class="dv-node dv-table-wrap" role="region" aria-label="Bảng" tabindex="0">'
                        '<table class="dv-table">')
        if head:
            self.out.append("<thead>" + "".join(row("th", r) for r in n.rows[:head]) + "</thead>")
        self.out.append("<tbody>" + "".join(row("td", r) for r in n.rows[head:]) + "</tbody></table></div>")

    def node(self, n: Node, hdepth: int, path: list[Node]) -> None:
        self._flush_unplaced(n.line)
        if n.kind == "table":
            return self._table(n)
        path = path + [n]
        kind = n.kind if n.kind in KIND_NAMES else "paragraph"
        idattr = self._id(n.anchor)
        label = n.label if n.label is not None else (
            f"{KIND_NAMES[kind]} {n.num}".strip() if n.num and KIND_NAMES.get(kind) else None)
        if kind in HEADING_KINDS:
            h = min(hdepth, 6)
            self.out.append(f'<section class="dv-node dv-{kind}"{idattr}>')
            parts = []
            if label:
                parts.append(f'<span class="dv-hlabel">{esc_line(label)}</span>')
            if n.title:
                parts.append(f'<span class="dv-htitle">{esc_line(n.title)}</span>')
            if not parts:
                parts.append(f'<span class="dv-hlabel">{KIND_NAMES[kind]}</span>')
            self.out.append(f'<h{h} class="dv-heading">{"".join(parts)}</h{h}>')
            self._paras(n.text)
            for c in n.children:
                self.node(c, hdepth + 1, path)
            self.out.append("</section>")
            return
        if kind == "article":
            h = min(hdepth, 6)
            self.out.append(f'<section class="dv-node dv-article"{idattr}>')
            head = []
            lab = esc_line(label) if label else ""
            if lab:
                head.append(f'<a class="dv-alabel" href="#{esc(n.anchor)}">{lab}</a>' if idattr
                            else f'<span class="dv-alabel">{lab}</span>')
            if n.title:
                head.append(f' <span class="dv-atitle">{esc_line(n.title)}</span>')
            tools = self._article_tools(n.anchor, self._ref(path)) if idattr else ""
            self.out.append(f'<div class="dv-ahead"><h{h} class="dv-article-title">{"".join(head) or "Điều"}</h{h}>{tools}</div>')
            self._paras(n.text)
            for c in n.children:
                self.node(c, hdepth + 1, path)
            self.out.append("</section>")
            return
        # clause, point, item, paragraph: a block with a lead line (label + title/text)
        self.out.append(f'<div class="dv-node dv-{kind}"{idattr}>')
        lines = self._lines(n.text)
        lead = []
        if label:
            lab = esc_line(label)
            if idattr:
                lead.append(f'<a class="dv-label" href="#{esc(n.anchor)}">{lab}</a> ')
            else:
                lead.append(f'<span class="dv-label">{lab}</span> ')
        if n.title:
            lead.append(f'<strong class="dv-ctitle">{esc_line(n.title)}</strong>')
            if lines:
                lead.append(" ")
        if lines:
            lead.append(esc(lines[0]))
        if kind == "paragraph" and not idattr and not label and not n.title and not n.children and len(lines) <= 1:
            # the commonest node: a plain paragraph, kept small
            if lines:
                self.out[-1] = f'<p class="dv-node dv-para">{esc(lines[0])}</p>'
            else:
                self.out.pop()
            return
        tools = ""
        if idattr and kind == "clause":
            tools = " " + self._clause_tool(n.anchor, self._ref(path))
        if lead or tools:
            cls = "dv-lead" if label else "dv-lead dv-nolabel"
            self.out.append(f'<p class="{cls}">{"".join(lead)}{tools}</p>')
        for ln in lines[1:]:
            self.out.append(f'<p class="dv-p">{esc(ln)}</p>')
        for c in n.children:
            self.node(c, hdepth, path)
        self.out.append("</div>")

    # -- blocks -----------------------------------------------------------------------------
    def preamble(self, items: list[PreambleItem], cls: str = "dv-preamble") -> None:
        if not items:
            return
        self.out.append(f'<div class="{cls}">')
        for p in items:
            kind = p.kind if re.fullmatch(r"[a-z]+", p.kind or "") else "paragraph"
            for ln in self._lines(p.text):
                self.out.append(f'<p class="dv-pre dv-pre-{kind}">{esc(ln)}</p>')
        self.out.append("</div>")

    def signers(self, signers: list[Signer]) -> str:
        if not signers:
            return ""
        blocks = []
        for s in signers:
            rows = []
            if s.on_behalf or s.title or s.name:
                if s.on_behalf:
                    rows.append(f'<p class="dv-sig-auth">{esc_line(s.on_behalf)}</p>')
                if s.title:
                    rows.append(f'<p class="dv-sig-title">{esc_line(s.title)}</p>')
                rows.append('<p class="dv-sig-space" aria-hidden="true"></p>')
                rows.append(f'<p class="dv-sig-name">{esc_line(s.name) if s.name else "(chưa rõ người ký)"}</p>')
            else:
                rows.extend(f'<p class="dv-sig-line">{esc_line(ln)}</p>' for ln in s.lines)
            blocks.append(f'<div class="dv-signer">{"".join(rows)}</div>')
        return f'<div class="dv-signers" aria-label="Người ký">{"".join(blocks)}</div>'

    @staticmethod
    def recipients(recipients: list[str], cc: list[str] | None = None) -> str:
        parts = []
        if recipients:
            items = "".join(f"<li>{esc_line(r)}</li>" for r in recipients)
            parts.append(f'<p class="dv-rec-head">Nơi nhận:</p><ul class="dv-rec-list">{items}</ul>')
        if cc:
            items = "".join(f"<li>{esc_line(r)}</li>" for r in cc)
            parts.append(f'<p class="dv-rec-head">Đồng kính gửi:</p><ul class="dv-rec-list">{items}</ul>')
        return f'<div class="dv-recipients">{"".join(parts)}</div>' if parts else ""

    def closing_block(self, recipients, cc, signers, closing) -> None:
        for ln in closing:
            if ln and ln.strip() and not is_recipients_label(ln):
                self.out.append(f'<p class="dv-closing">{esc(ln.strip())}</p>')
        rec = self.recipients(recipients, cc)
        sig = self.signers(signers)
        if rec or sig:
            self.out.append(f'<div class="dv-endblock">{rec or "<div></div>"}{sig}</div>')

    def annex(self, a: Annex, index: int) -> None:
        self.annex_label = a.type or ("Phụ lục" if a.kind == "appendix" else "Văn bản kèm theo")
        idattr = self._id(a.anchor)
        kicker = "Phụ lục" if a.kind == "appendix" else "Văn bản kèm theo"
        self.out.append(f'<section class="dv-annex dv-annex-{"appendix" if a.kind == "appendix" else "annex"}"{idattr}>')
        self.out.append(f'<p class="dv-annex-kicker">{kicker}</p>')
        known = " | ".join(_sort_key_text(x) for x in (a.title, a.type, a.note) if x)
        heading = [h for h in a.heading if h and h.strip() and _sort_key_text(h).strip() not in known]
        if heading:
            self.out.append('<div class="dv-annex-heading">' +
                            "".join(f"<p>{esc_line(h)}</p>" for h in heading) + "</div>")
        self.out.append(_title_html("h2", "dv-annex-title", a.title or a.type or kicker, a.type))
        if a.note:
            self.out.append(f'<p class="dv-annex-note">{esc_line(a.note)}</p>')
        self.preamble(a.preamble)
        self.out.append('<div class="dv-body">')
        for n in a.body:
            self.node(n, 3, [])
        self.out.append("</div>")
        self.closing_block(a.recipients, [], a.signers, a.closing)
        self.out.append("</section>")
        self.annex_label = None




def _toc_entries(nodes: list[Node], depth: int = 0) -> list[tuple[int, Node]]:
    out = []
    for n in nodes:
        if n.kind in HEADING_KINDS or n.kind == "article":
            out.append((depth, n))
            if n.kind in HEADING_KINDS:
                out.extend(_toc_entries(n.children, depth + 1))
    return out


def _node_toc_label(n: Node) -> str:
    label = n.label or (f"{KIND_NAMES.get(n.kind, '')} {n.num or ''}".strip())
    if n.title:
        sep = " " if n.kind == "article" else ". "
        if label.endswith((".", ":")) or not label:
            sep = " "
        return f"{label}{sep}{n.title}".strip()
    if n.kind == "article":
        # an untitled article ("Điều 1. Dân vận và công tác dân vận là …"): show its opening words
        text = n.text or next((c.text for c in n.children if c.text), "")
        words = text.split()
        if words:
            return f"{label} {' '.join(words[:8])}{' …' if len(words) > 8 else ''}".strip()
    return label or KIND_NAMES.get(n.kind, "")


def _toc_html(doc: Document, ids: set[str]) -> str:
    """Nested list of links to chapters, sections and articles (body and annexes)."""
    groups: list[tuple[str | None, str | None, list[tuple[int, Node]]]] = []
    groups.append((None, None, _toc_entries(doc.body)))
    for a in doc.annexes:
        groups.append((a.anchor, _annex_label(a), _toc_entries(a.body)))
    total = sum(len(g[2]) + (1 if g[0] else 0) for g in groups)
    if total == 0:
        return ""
    html = []

    def emit(entries):
        # entries: list of (depth, node), depth-first; build nested <ol>
        html.append('<ol class="dv-toc-list">')
        stack = [0]
        first = True
        for depth, n in entries:
            if not first:
                if depth > stack[-1]:
                    html.append('<ol class="dv-toc-list">')
                    stack.append(depth)
                else:
                    html.append("</li>")
                    while depth < stack[-1]:
                        html.append("</ol></li>")
                        stack.pop()
            first = False
            text = esc_line(_node_toc_label(n))
            cls = f"dv-toc-{n.kind}"
            if n.anchor and n.anchor in ids:
                html.append(f'<li class="{cls}"><a href="#{esc(n.anchor)}">{text}</a>')
            else:
                html.append(f'<li class="{cls}"><span>{text}</span>')
        if not first:
            html.append("</li>")
            while len(stack) > 1:
                html.append("</ol></li>")
                stack.pop()
        html.append("</ol>")

    for anchor, label, entries in groups:
        if anchor is None:
            if entries:
                emit(entries)
            continue
        link = (f'<a href="#{esc(anchor)}">{esc_line(label)}</a>' if anchor in ids else f"<span>{esc_line(label)}</span>")
        html.append(f'<p class="dv-toc-annex">{link}</p>')
        if entries:
            emit(entries)
    open_attr = " open" if total <= 40 else ""
    return (f'<nav class="dv-toc" aria-label="Mục lục văn bản"><details{open_attr}>'
            f'<summary>Mục lục <span class="dv-count">({total} mục)</span></summary>'
            + "".join(html) + "</details></nav>")


def _issuer_text(doc: Document) -> str | None:
    names = []
    for i in doc.issuers:
        if i.parent:
            names.append(f"{i.name} ({i.parent})")
        else:
            names.append(i.name)
    return "; ".join(n for n in names if n) or None


def _signer_text(s: Signer) -> str:
    if not (s.title or s.name or s.on_behalf):
        return " / ".join(ln for ln in s.lines if ln) or UNKNOWN
    t = s.name or f"({UNKNOWN} tên)"
    if s.title:
        t += f" – {s.title}"
    if s.on_behalf:
        t += f" ({s.on_behalf})"
    return t


def _dd_plain(value: str | None) -> str:
    if value is None or not str(value).strip():
        return f'<dd class="dv-unknown">{UNKNOWN}</dd>'
    return f"<dd>{esc_line(value)}</dd>"


def _dd_list(values: list[str]) -> str:
    vals = [v for v in values if v and v.strip()]
    if not vals:
        return f'<dd class="dv-unknown">{UNKNOWN}</dd>'
    if len(vals) == 1:
        return f"<dd>{esc_line(vals[0])}</dd>"
    return "<dd><ul>" + "".join(f"<li>{esc_line(v)}</li>" for v in vals) + "</ul></dd>"


def _meta_panel(doc: Document) -> str:
    side = _from_sidecar(doc)

    def _dd(value, key=None):
        cell = _dd_plain(value)
        if key and (key in side or key == "locality") and value:
            cell = cell[:-5] + ' <span class="dv-sidecar" title="Văn bản không ghi; bổ sung từ hồ sơ biên tập">' \
                               '(bổ sung, văn bản không ghi)</span></dd>'
        return cell

    rows = [
        ("Loại văn bản", _dd(doc.type, "type")),
        ("Số hiệu", _dd(doc.number, "number")),
        ("Cơ quan ban hành", _dd(_issuer_text(doc), "issuers")),
        ("Ngày ban hành", _dd(fmt_date(doc.date), "date")),
        ("Nơi ban hành", _dd(doc.place, "place")),
        ("Cấp, địa phương", _dd(f"{LEVEL_LABELS.get(doc.level, LEVEL_LABELS[None])} – {doc.locality or NO_LOCALITY}",
                                 "locality" if {"locality", "level"} & side else None)),
        ("Người ký", _dd_list([_signer_text(s) for s in doc.signers])),
        ("Căn cứ", _dd_list([p.text for p in doc.preamble if p.kind in ("basis", "implementing")])),
        ("Nơi nhận", _dd("; ".join(r.strip().rstrip(";.,") for r in doc.recipients if r and r.strip()) or None)),
    ]
    body = "".join(f'<div class="dv-meta-row"><dt>{k}</dt>{v}</div>' for k, v in rows)
    return f'<section class="dv-meta" aria-label="Thông tin văn bản"><h2 class="dv-meta-head">Thông tin văn bản</h2><dl>{body}</dl></section>'


def _from_sidecar(doc: Document) -> set[str]:
    return set(doc.metadata.get("from_sidecar", []) or [])


def _letterhead(doc: Document) -> str:
    # The letterhead shows only what the text itself carries; facts from a sidecar go to the panel.
    side = _from_sidecar(doc)
    left = []
    for i in ([] if "issuers" in side else doc.issuers):
        if i.parent:
            left.append(f'<p class="dv-lh-parent">{esc_line(i.parent)}</p>')
        left.append(f'<p class="dv-lh-issuer">{esc_line(i.name)}</p>')
    if doc.number and "number" not in side:
        left.append(f'<p class="dv-lh-number">Số: {esc_line(doc.number)}</p>')
    right = [f'<p class="dv-lh-motto{" dv-lh-motto-sub" if k else ""}">{esc_line(m)}</p>'
             for k, m in enumerate(doc.motto) if m and m.strip()]
    when = []
    if doc.place and "place" not in side:
        when.append(esc_line(doc.place))
    if doc.date and "date" not in side:
        try:
            d = _date.fromisoformat(doc.date)
            when.append(f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}")
        except ValueError:
            when.append(esc_line(doc.date))
    if when:
        right.append(f'<p class="dv-lh-date">{", ".join(when)}</p>')
    if not left and not right:
        return ""
    return (f'<div class="dv-letterhead"><div class="dv-lh-left">{"".join(left)}</div>'
            f'<div class="dv-lh-right">{"".join(right)}</div></div>')


def _split_type(title: str, type_: str | None) -> tuple[str | None, str]:
    """('Quy chế', 'phối hợp …') from 'Quy chế phối hợp …' when the title starts with its type."""
    if type_ and _sort_key_text(title).startswith(_sort_key_text(type_)) and len(title) > len(type_):
        return title[:len(type_)], title[len(type_):].strip(" :-–")
    return type_, title


def _title_html(tag: str, cls: str, title: str, type_: str | None) -> str:
    kind, subject = _split_type(title, type_)
    if kind and subject:
        return (f'<{tag} class="{cls}"><span class="dv-h1-type">{esc_line(kind)}</span> '
                f'<span class="dv-h1-subject">{esc_line(subject)}</span></{tag}>')
    return f'<{tag} class="{cls}"><span class="dv-h1-subject">{esc_line(subject or kind)}</span></{tag}>'


def _h1(doc: Document) -> str:
    return _title_html("h1", "dv-title", doc.title or doc.id, doc.type)


def _annex_label(a: Annex) -> str:
    """'Quy chế quản lý …' for the table of contents (no 'Quy chế: Quy chế …')."""
    if not a.title:
        return a.type or ("Phụ lục" if a.kind == "appendix" else "Văn bản kèm theo")
    kind, subject = _split_type(a.title, a.type)
    return f"{kind} {subject}" if kind else subject


def render_document(doc: Document) -> str:
    """The Markdown source of a document page: front matter and one raw HTML block."""
    r = _DocRenderer(doc)
    out = r.out
    running = running_head(doc)
    out.append(f'<article class="dv-doc" data-dv-doc="{esc(doc.id)}" data-dv-running="{esc_line(running)}">')
    out.append('<p class="dv-back"><a href="../index.html">← Danh sách văn bản</a></p>')
    out.append('<header class="dv-doc-head">')
    lh = _letterhead(doc)
    if lh:
        out.append(lh)
    out.append(_h1(doc))
    out.append("</header>")
    out.append(_meta_panel(doc))
    toc_at = len(out)
    out.append("")  # placeholder for the table of contents (needs the final id set)
    out.append('<div class="dv-text">')
    r.preamble(doc.preamble)
    out.append('<div class="dv-body">')
    for n in doc.body:
        r.node(n, 2, [])
    first_annex_line = min((a.line for a in doc.annexes if a.line is not None), default=None)
    r._flush_unplaced(first_annex_line)
    out.append("</div>")
    r.closing_block(doc.recipients, doc.cc, doc.signers, doc.closing)
    out.append("</div>")
    for i, a in enumerate(doc.annexes):
        r.annex(a, i)
    if r.unplaced_pos < len(r.unplaced):
        out.append('<div class="dv-body dv-tail">')
        r._flush_unplaced(None)
        out.append("</div>")
    out[toc_at] = _toc_html(doc, r.ids)
    out.append(_notes(doc, r.notes))
    out.append("</article>")
    lines = [ln for ln in out if ln]
    front = f"---\ntitle: {_yaml_single(page_title(doc))}\n---\n\n"
    return front + "\n".join(lines) + "\n"


def _notes(doc: Document, extra: list[str]) -> str:
    items = []
    for w in doc.warnings:
        where = f"dòng {w.line}: " if w.line is not None else ""
        sev = "Lỗi" if w.severity == "error" else "Cảnh báo"
        items.append(f'<li class="dv-note-{"error" if w.severity == "error" else "warning"}">'
                     f'<strong>{sev}</strong> {esc_line(where)}{esc_line(w.message)} '
                     f'<code>{esc_line(w.code)}</code></li>')
    for i, u in enumerate(doc.unplaced):
        where = f"dòng {u.line}" if u.line is not None else "không rõ dòng"
        reason = f" – {esc_line(u.reason)}" if u.reason else ""
        items.append(f'<li class="dv-note-unplaced"><strong>Chưa xếp vào cấu trúc</strong> '
                     f'<a href="#dv-unplaced-{i + 1}">{where}</a>{reason}: “{esc_line(_clip(u.text, 160))}”</li>')
    for j in doc.joins:
        if not isinstance(j, dict):
            continue
        items.append(f'<li class="dv-note-join"><strong>Nối đoạn bị ngắt trang</strong> '
                     f'dòng {esc_line(j.get("line"))}: “{esc_line(_clip(str(j.get("before", "")), 60))}” + '
                     f'“{esc_line(_clip(str(j.get("after", "")), 60))}”</li>')
    for t in extra:
        items.append(f'<li class="dv-note-render">{esc_line(t)}</li>')
    src = ""
    if doc.source:
        src = (f'<p class="dv-note-source">Tệp nguồn: <code>{esc_line(doc.source.path)}</code> · '
               f'SHA-256 <code>{esc_line(doc.source.sha256[:16])}…</code></p>')
    if not items:
        body = '<p>Không có ghi chú.</p>'
    else:
        body = '<ul class="dv-notes-list">' + "".join(items) + "</ul>"
    return (f'<details class="dv-notes"><summary>Ghi chú biên tập <span class="dv-count">({len(items)})</span></summary>'
            f'<div class="dv-notes-body">{body}{src}</div></details>')


def _clip(s: str, n: int) -> str:
    s = " ".join(str(s).split())
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Home page
# ---------------------------------------------------------------------------------------------

def _date_key(d: Document):
    return d.date or ""


def group_documents(docs: list[Document]) -> list[tuple[str | None, list[tuple[str | None, list[Document]]]]]:
    """[(level, [(locality, [docs newest first])])], levels in LEVEL_ORDER, localities A–Z."""
    by_level: dict[str | None, dict[str | None, list[Document]]] = defaultdict(lambda: defaultdict(list))
    for d in docs:
        level = d.level if d.level in LEVEL_LABELS else None
        by_level[level][d.locality or None].append(d)
    out = []
    for level in LEVEL_ORDER:
        if level not in by_level:
            continue
        locs = by_level[level]
        groups = []
        for loc in sorted(locs, key=lambda x: (x is None, _sort_key_text(x))):
            ds = sorted(locs[loc], key=lambda d: (_sort_key_text(d.title), d.id))
            ds.sort(key=lambda d: (d.date is None, _invert(_date_key(d))))
            groups.append((loc, ds))
        out.append((level, groups))
    return out


def _invert(s: str) -> tuple:
    return tuple(-ord(c) for c in s)


def _source_name(d: Document) -> str:
    return d.source.path.rsplit("/", 1)[-1] if d.source and d.source.path else d.id


def _doc_card(d: Document, show_source: bool = False) -> str:
    facts = [
        f'<span class="dv-fact"><span class="dv-fact-k">Loại:</span> {esc_line(d.type) if d.type else UNKNOWN}</span>',
        f'<span class="dv-fact"><span class="dv-fact-k">Số hiệu:</span> {esc_line(d.number) if d.number else UNKNOWN}</span>',
        f'<span class="dv-fact"><span class="dv-fact-k">Ngày:</span> {esc_line(fmt_date(d.date)) if d.date else UNKNOWN}</span>',
    ]
    n_art = sum(1 for n in d.all_nodes() if n.kind == "article")
    if n_art:
        facts.append(f'<span class="dv-fact">{n_art} điều</span>')
    if show_source:   # several documents share this title: name the file so they can be told apart
        facts.append(f'<span class="dv-fact"><span class="dv-fact-k">Tệp:</span> {esc_line(_source_name(d))}</span>')
    warn = ""
    if d.has_errors:
        warn = ' <span class="dv-badge dv-badge-err" title="Văn bản có lỗi khi phân tích, xem Ghi chú biên tập">cần rà soát</span>'
    title = d.title or d.id
    caps = " dv-caps" if title.isupper() else ""
    return (f'<li class="dv-card"><a class="dv-card-title{caps}" href="{DOC_DIR}/{esc(d.id)}.html">{esc_line(title)}</a>{warn}'
            f'<div class="dv-facts">{"".join(facts)}</div></li>')


def render_home(docs: list[Document], errors: list[str], build_info: dict) -> str:
    counts = count_nodes(docs)
    out = ['<div class="dv-home">',
           f'<h1 class="dv-home-title">{SITE_NAME}</h1>',
           '<p class="dv-lede">Tập hợp các quy chế, quy định, quyết định về công tác dân vận của hệ thống '
           'chính trị, trình bày nguyên văn theo từng chương, điều, khoản, điểm. Trang phục vụ cán bộ làm công tác '
           'dân vận, cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể cần tra cứu nhanh, trích dẫn chính xác '
           'và in từng điều khoản.</p>',
           '<p class="dv-howto">Mỗi điều, khoản có nút <strong>Sao chép liên kết</strong> để gửi đúng chỗ cần đọc; '
           'mỗi điều có nút <strong>In điều này</strong>. Trang dùng được cả khi không có mạng: mở tệp '
           '<code>index.html</code> trong thư mục đã giải nén.</p>',
           '<ul class="dv-stats" aria-label="Số liệu">'
           f'<li><strong>{len(docs)}</strong> văn bản</li>'
           f'<li><strong>{counts.get("article", 0)}</strong> điều</li>'
           f'<li><strong>{counts.get("clause", 0)}</strong> khoản</li></ul>']
    groups = group_documents(docs)
    title_count = Counter(d.title for d in docs)
    if len(groups) > 1:
        out.append('<nav class="dv-jump" aria-label="Theo cấp ban hành"><span>Theo cấp:</span> ' + " ".join(
            f'<a href="#cap-{LEVEL_SLUGS[level]}">{LEVEL_LABELS[level]} ({sum(len(ds) for _, ds in locs)})</a>'
            for level, locs in groups) + "</nav>")
    if not docs:
        out.append('<p class="dv-empty">Chưa có văn bản nào.</p>')
    for level, locs in groups:
        n = sum(len(ds) for _, ds in locs)
        out.append(f'<section class="dv-group" id="cap-{LEVEL_SLUGS[level]}">'
                   f'<h2>{LEVEL_LABELS[level]} <span class="dv-count">({n} văn bản)</span></h2>')
        single_unnamed = len(locs) == 1 and locs[0][0] is None
        for loc, ds in locs:
            if not single_unnamed and not (level == "central" and loc is None):
                out.append(f'<h3 class="dv-loc">{esc_line(loc) if loc else NO_LOCALITY} '
                           f'<span class="dv-count">({len(ds)})</span></h3>')
            out.append('<ul class="dv-cards">' + "".join(_doc_card(d, title_count[d.title] > 1) for d in ds) + "</ul>")
        out.append("</section>")
    if errors:
        out.append(f'<details class="dv-errors"><summary>Tệp chưa đưa lên trang ({len(errors)})</summary>'
                   '<ul>' + "".join(f"<li>{esc_line(e)}</li>" for e in errors) + "</ul></details>")
    info = []
    if build_info.get("build_date"):
        info.append(f'Dựng lúc {esc_line(build_info["build_date"])}')
    if build_info.get("corpus_version"):
        info.append(f'phiên bản kho văn bản <code>{esc_line(str(build_info["corpus_version"])[:12])}</code>')
    if build_info.get("git_describe"):
        info.append(f'mã nguồn <code>{esc_line(build_info["git_describe"])}</code>')
    if info:
        out.append(f'<p class="dv-buildinfo">{" · ".join(info)}</p>')
    out.append("</div>")
    front = f"---\ntitle: {_yaml_single(SITE_NAME)}\n---\n\n"
    return front + "\n".join(ln for ln in out if ln) + "\n"


# ---------------------------------------------------------------------------------------------
# Site
# ---------------------------------------------------------------------------------------------

def render_site(docs: list[Document], errors: list[str], build_info: dict) -> dict[str, str]:
    """All pages of the site: {'index.md': …, 'van-ban/<id>.md': …}.

    Documents whose id could not safely name a file (or repeats an earlier id) are refused: they get
    no page and an error naming them is listed on the home page."""
    ok, refused = valid_documents(docs)
    all_errors = list(errors) + refused
    pages = {"index.md": render_home(ok, all_errors, build_info or {})}
    for d in ok:
        pages[doc_page_path(d)] = render_document(d)
    return pages


def site_nav(docs: list[Document]) -> list:
    """MkDocs `nav` config: home, then level → locality → documents (titles are plain_label-safe)."""
    ok, _ = valid_documents(docs)
    nav: list = [{"Trang chủ": "index.md"}]
    for level, locs in group_documents(ok):
        children: list = []
        flat = (level == "central" and all(loc is None for loc, _ in locs)) or (len(locs) == 1 and locs[0][0] is None)
        for loc, ds in locs:
            labels = [short_title(d) for d in ds]
            seen = Counter(labels)
            entries = [{(f"{lab} · {plain_label(_source_name(d))}" if seen[lab] > 1 else lab): doc_page_path(d)}
                       for lab, d in zip(labels, ds)]
            if flat:
                children.extend(entries)
            else:
                children.append({plain_label(loc or NO_LOCALITY): entries})
        nav.append({LEVEL_LABELS[level]: children})
    return nav


def toc_tokens(doc: Document) -> list[dict]:
    """Python-Markdown style toc tokens (name is HTML) for the theme's 'on this page' sidebar."""
    seen: set[str] = set()

    def conv(nodes: list[Node], level: int) -> list[dict]:
        res = []
        for n in nodes:
            if n.kind not in HEADING_KINDS and n.kind != "article":
                continue
            children = conv(n.children, level + 1) if n.kind in HEADING_KINDS else []
            if n.anchor and n.anchor not in seen:
                seen.add(n.anchor)
                res.append({"level": level, "id": n.anchor, "name": esc_line(_node_toc_label(n)),
                            "children": children})
            else:
                res.extend(children)
        return res

    tokens = conv(doc.body, 2)
    for a in doc.annexes:
        kids = conv(a.body, 3)
        if a.anchor and a.anchor not in seen:
            seen.add(a.anchor)
            tokens.append({"level": 2, "id": a.anchor,
                           "name": esc_line(_annex_label(a)),
                           "children": kids})
        else:
            tokens.extend(kids)
    return tokens
