"""Stage 2: text -> Document tree.

Public function: parse(text, path="<input>", meta=None) -> Document. It never raises: anything it cannot
place is kept as an unplaced paragraph with a warning, so no word of the source is lost.

Zones, in order: letterhead (issuers, motto, number, place and date) -> title (type line + trích yếu) ->
preamble (căn cứ, thực hiện, enacting line) -> body (Phần/Chương/Mục/Điều/khoản/điểm/items) -> closing
(adoption formula, signatures, Nơi nhận, Đồng kính gửi) -> annexes (Quy chế/Quy định kèm theo, Phụ lục, forms),
nested, each with the same zones.

Package layout, one module per part of the document: patterns (data, with worked examples), common (context,
predicates), letterhead, title, preamble, body (the tree builder), tables, closing, segments (where annexes,
appendices and forms start), annexes (their headings, numbers, nesting, anchors), page (web pages and
consolidated texts: quotes, headings, endnotes), addresses (paragraph, item, table and row anchors), derive
(facts computed from the tree).
"""
from __future__ import annotations

import traceback

from ..model import Document, Unplaced
from ..normalize import normalize
from .annexes import parse_annexes
from .segments import _fill_body, _split_segments
from .common import _Ctx, _warn
from .derive import _apply_meta, _derive
from . import page
from .preamble import parse_preamble
from .tables import classify_tables
from .title import parse_head

__all__ = ["parse"]


def parse(text: str, path: str = "<input>", meta: dict | None = None) -> Document:
    """Parse one regulation text. Never raises; errors become warnings and unplaced text."""
    doc = Document(id="", url="", title="", type=None, number=None, date=None, place=None, locality=None, level=None)
    ctx = _Ctx(warnings=doc.warnings, unplaced=doc.unplaced, used_anchors=set())
    try:
        _parse_into(doc, text, ctx)
    except Exception as e:  # pragma: no cover - a safety net; the fuzz test keeps it unused
        _warn(ctx, "parser-error", f"lỗi bộ phân tích: {e.__class__.__name__}: {e}", None, "error")
        _warn(ctx, "parser-trace", traceback.format_exc(limit=3))
        doc.body, doc.annexes, doc.preamble = [], [], []
        doc.letterhead, doc.title_lines, doc.closing = [], [], []
        doc.signers, doc.recipients, doc.cc = [], [], []
        doc.unplaced[:] = [Unplaced(text=p.text, line=p.line, reason="parser-error")
                           for p in normalize(text).paras]
    _apply_meta(doc, meta or {})
    _derive(doc)
    return doc


def _parse_into(doc: Document, text: str, ctx: _Ctx):
    norm = normalize(text)
    doc.joins = norm.joins
    paras = norm.paras
    classify_tables(paras)                   # data tables vs letterhead / signature layout tables
    if not paras:
        _warn(ctx, "empty", "văn bản không có nội dung", None, "error")
        return

    i = parse_head(paras, doc, ctx)          # letterhead, type line and trích yếu
    # genre (page.py): a web page gets its own body (headings, quotes); a consolidated text its note in the
    # preamble; endnotes "[1] …" that end the text become doc.notes
    doc.genre = page.genre_of(doc, paras, i)
    if doc.genre == "page":
        page.parse_page(paras, i, doc, ctx)
        return
    paras, doc.notes = page.split_endnotes(paras, i)
    if doc.genre == "consolidated":
        i = page.consolidation_note(paras, i, doc)
    i = parse_preamble(paras, i, doc)        # căn cứ, thực hiện, đề nghị, enacting lines

    # body, adoption formula, closing; then annexes, appendices and forms, nested (parse/annexes.py)
    segments = _split_segments(paras, i, ctx)
    _kind, main = segments[0]
    _fill_body(doc, main, ctx, prefix="")
    parse_annexes(doc, segments[1:], ctx)


