"""The document list (danh-sach.html, templates/browse.html) and the one script file that carries its data
(assets/du-lieu/danh-sach.js). The page is a small shell: filters, sort and the list are built in the browser
(assets/danvan/danvan-browse.js) from that data, so no page repeats the list and the shell's weight grows
with the number of distinct filter values, not with the number of documents."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Document
from .common import LEVEL_LABELS, LEVEL_ORDER, LEVEL_SLUGS, UNKNOWN, doc_html_path, fmt_date, sort_key_text
from .markup import page_source, render_template
from .titles import sentence_case

BROWSE_PAGE = "danh-sach.md"
BROWSE_HTML = "danh-sach.html"
LIST_SCRIPT = "assets/du-lieu/danh-sach.js"
BROWSE_TITLE = "Danh sách văn bản"

# Row fields, in the order of each row array of the data file (the script reads them by these names).
FIELDS = ("href", "number", "date", "dateText", "title", "level", "locality", "type", "issuer", "year", "articles")


def issuer_name(d: Document) -> str | None:
    """The first issuer, in normal case ('Ủy ban nhân dân tỉnh Bắc Ninh')."""
    i = next((x for x in d.issuers if x.name), None)
    return sentence_case(i.name, [d.locality or ""]) if i else None


def display_title(d: Document) -> str:
    return sentence_case(d.title or d.id, [d.locality or ""])


def _year(d: Document) -> str | None:
    m = re.match(r"(\d{4})", d.date or "")
    return m.group(1) if m else None


@dataclass
class Row:
    href: str
    number: str | None
    date: str | None          # ISO, for sorting
    date_text: str | None     # 05/11/2021
    title: str                # sentence case
    level: str                # LEVEL_SLUGS value
    locality: str | None
    type: str | None
    issuer: str | None
    year: str | None
    articles: int

    def as_list(self) -> list:
        return [self.href, self.number, self.date, self.date_text, self.title, self.level, self.locality,
                self.type, self.issuer, self.year, self.articles]


def row(d: Document) -> Row:
    level = d.level if d.level in LEVEL_LABELS else None
    return Row(doc_html_path(d), d.number, d.date, fmt_date(d.date), display_title(d), LEVEL_SLUGS[level],
               d.locality or None, d.type or None, issuer_name(d), _year(d),
               sum(1 for n in d.all_nodes() if n.kind == "article"))


def rows(docs: list[Document]) -> list[Row]:
    """Newest first (undated last), then by title."""
    out = [row(d) for d in docs]
    out.sort(key=lambda r: sort_key_text(r.title))
    out.sort(key=lambda r: r.date or "", reverse=True)
    out.sort(key=lambda r: r.date is None)
    return out


@dataclass
class Facet:
    key: str                   # the URL parameter
    label: str
    options: list[tuple[str, str, int]]   # (value, label, count)


def facets(rs: list[Row]) -> list[Facet]:
    def count(attr: str) -> Counter:
        return Counter(getattr(r, attr) for r in rs if getattr(r, attr))

    levels = count("level")
    level_opts = [(LEVEL_SLUGS[k], LEVEL_LABELS[k], levels[LEVEL_SLUGS[k]]) for k in LEVEL_ORDER
                  if levels[LEVEL_SLUGS[k]]]
    by_text = lambda c: [(v, v, n) for v, n in sorted(c.items(), key=lambda x: sort_key_text(x[0]))]  # noqa: E731
    years = count("year")
    return [
        Facet("cap", "Cấp ban hành", level_opts),
        Facet("dia-phuong", "Địa phương", by_text(count("locality"))),
        Facet("loai", "Loại văn bản", by_text(count("type"))),
        Facet("co-quan", "Cơ quan ban hành", by_text(count("issuer"))),
        Facet("nam", "Năm ban hành", [(y, y, years[y]) for y in sorted(years, reverse=True)]),
    ]


def _js_json(value: object) -> str:
    """JSON that is safe inside a script file and in any HTML that might inline it."""
    s = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        s = s.replace(ch, rep)
    return s


def list_script(docs: list[Document]) -> str:
    """assets/du-lieu/danh-sach.js: `window.danvanList = {fields, levels, rows}`; loaded with a <script> tag (file://)."""
    rs = rows(docs)
    data = {"fields": list(FIELDS), "levels": {LEVEL_SLUGS[k]: LEVEL_LABELS[k] for k in LEVEL_ORDER},
            "unknown": UNKNOWN, "rows": [r.as_list() for r in rs]}
    return "/* Danh sách văn bản (danvan): dữ liệu cho trang danh-sach.html. */\nwindow.danvanList = " + _js_json(data) + ";\n"


def render_browse(docs: list[Document]) -> str:
    rs = rows(docs)
    html = render_template("browse.html", title=BROWSE_TITLE, total=len(rs), facets=facets(rs),
                           data_src=LIST_SCRIPT, script_src="assets/danvan/danvan-browse.js")
    return page_source(BROWSE_TITLE, html)
