"""Texts that are not regulations, and consolidated texts.

Three genres (Document.genre), decided from the document's own facts by `genre_of`:

- "page": a web page that talks about regulations (a lawyer's Q&A, a press article, an encyclopedia page). It has
  no letterhead, no motto, no type line and no number, its article headings (if any) are not a sequence from 1,
  and either it has Markdown headings in sentence case (not "## Chương II", "### Điều 5.", not capitals) or its
  article headings jump about (a Q&A quotes Điều 423, 424, 328… of the Civil Code: more than one break in the
  sequence). Articles 1, 2, 3 … without a letterhead are a regulation; Điều 2, 3, 4 … a fragment of one. Its body is built
  here: Markdown headings are `heading` nodes that hold what follows them; each quoted article is a `quote` node
  (num, label, title as written; `source` the quoted document where the text names it: "Điều 426 Bộ luật Dân sự
  2015", "theo Điều 5 Luật …", "Căn cứ Bộ luật Dân sự 2015 quy định:", a heading); everything else stays
  paragraphs and items of the page. Quote anchors are "trich-dieu-426" (never "dieu-426", which belongs to an
  article of the document itself).
- "consolidated": a văn bản hợp nhất (number "…/VBHN-…", or the note "… được sửa đổi, bổ sung bởi:" after the
  title). The consolidation note and the list of amending texts are preamble items of kind "consolidation", so
  the căn cứ lines after them stay preamble.
- "regulation": everything else.

Any document may end with a run of endnotes "[1] …", "[2] …" (footnotes of a consolidated text, notes of a
form): `split_endnotes` takes them out of the body into Document.notes.

`is_article_list` says when a line that starts with "Điều 5" is an enumeration of article names ("Điều 5, Điều 6
và Điều 7 của Luật …"), which makes no article.
"""
from __future__ import annotations

import re

from ..model import Document, Node, PreambleItem
from ..normalize import (
    Para, RE_ARTICLE, RE_ARTICLE_LOOSE, RE_BULLET, RE_CHAPTER, RE_PART, RE_ROMAN_HEAD, RE_SECTION, is_caps,
)
from .common import _Ctx, _preamble_kind, _structural_kind

EXAMPLES: dict[str, dict] = {}   # worked examples of every pattern here (format: parse/patterns.py)

# --- enumerations of article names ---------------------------------------------------------------------------

# "Điều 5, Điều 6 …", "Điều 5, 6 và 7 …", "Điều 5 và Điều 6 …", "Điều 5 đến Điều 9 …", "Điều 5 - Điều 9 …"
RE_ARTICLE_LIST = re.compile(
    r"^(?:ĐIỀU|Điều|điều)\s+\d{1,3}[a-zđ]?\s*(?:,|;|\bvà\b|\bhoặc\b|\bđến\b|[-–])\s*(?:(?:ĐIỀU|Điều|điều)\s+)?\d")
EXAMPLES["RE_ARTICLE_LIST"] = {
    "use": "match",
    "match": ["Điều 5, Điều 6 và Điều 7 của Luật Đất đai", "Điều 5, 6 và 7", "Điều 5 và Điều 6", "Điều 5 đến Điều 9",
              "Điều 5 - Điều 9"],
    "no_match": ["Điều 5. Phạm vi điều chỉnh", "Điều 5 Luật Đất đai năm 2024 quy định", "Điều 5, khoản 2"],
}
# "Điều 426", "điều 5a": an article named in a sentence (group 2: its number)
RE_ARTICLE_REF = re.compile(r"(Điều|điều|ĐIỀU)\s+(\d+[a-zđ]?)(?![\d\wÀ-ỹ])")
EXAMPLES["RE_ARTICLE_REF"] = {
    "match": {"Căn cứ Điều 426 Bộ luật Dân sự 2015": {2: "426"}, "theo điều 5a của Luật": {2: "5a"},
              "ĐIỀU 7": {1: "ĐIỀU", 2: "7"}},
    "no_match": ["Điều 5ab", "Điều khoản thi hành", "điều kiện 5"],
}


def _article_refs(s: str, num: str) -> list[re.Match]:
    """Where `s` names article `num` ("Điều 426 …"), in order."""
    return [m for m in RE_ARTICLE_REF.finditer(s) if m.group(2) == num]


def is_article_list(t: str) -> bool:
    """True for a line that names several articles ("Điều 5, Điều 6 và Điều 7 của Luật …"): not a heading."""
    return bool(RE_ARTICLE_LIST.match(t))


def article_heading(p: Para) -> str | None:
    """The article number when `p` is an article heading by the same rules as the body builder, else None."""
    t = p.text
    if is_article_list(t):
        return None
    m = RE_ARTICLE.match(t)
    if m and (m.group(2) or m.group(3) or p.bold or p.heading):
        return m.group(1)
    m = RE_ARTICLE_LOOSE.match(t)
    if m and (p.bold or p.heading) and len(t) < 200:
        return m.group(1)
    return None


# --- genre ---------------------------------------------------------------------------------------------------

RE_CONSOLIDATION = re.compile(r"được\s+sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều)?\s+(?:bởi|tại|theo)\s*:\s*$")
EXAMPLES["RE_CONSOLIDATION"] = {
    "match": ["Nghị định số 15/2020/NĐ-CP … được sửa đổi, bổ sung bởi:",
              "Luật Đất đai số 31/2024/QH15 được sửa đổi, bổ sung một số điều theo:"],
    "no_match": ["Luật này được sửa đổi, bổ sung bởi Luật số 43/2024/QH15.", "được sửa đổi bởi:"],
}
RE_LEADING_DIGITS = re.compile(r"\d+")
EXAMPLES["RE_LEADING_DIGITS"] = {"use": "match", "match": {"426": "426", "5a": "5"}, "no_match": ["a5", ""]}


def _int(num: str) -> int | None:
    d = RE_LEADING_DIGITS.match(num)
    return int(d.group(0)) if d else None


def _sequential(nums: list[int]) -> bool:
    """Each number follows the one before it (or restarts at 1, as an annex does); one slip in ten is tolerated."""
    if not nums:
        return False
    slips = sum(1 for a, b in zip(nums, nums[1:]) if b not in (a, a + 1, 1))
    return slips <= max(1, len(nums) // 10)


def _prose_heading(p: Para) -> bool:
    """A Markdown heading in sentence case that is no part of a regulation's structure ("## Bên mua … không?"),
    unlike "## Chương II", "### Điều 5. …", "## I. NHỮNG QUY ĐỊNH CHUNG" or a heading in capitals."""
    t = p.text
    return bool(p.heading) and not (_structural_kind(t) or RE_ROMAN_HEAD.match(t) or is_caps(t))


def genre_of(doc: Document, paras: list[Para], i: int) -> str:
    """Decide the genre from the facts parse_head found and the paragraphs after the title (the rule is
    written out in the module docstring)."""
    if "/VBHN-" in (doc.number or "").upper() or any(
            RE_CONSOLIDATION.search(p.text) for p in paras[i:i + 8] if not article_heading(p)):
        return "consolidated"
    if doc.letterhead or doc.motto or doc.type or doc.number:
        return "regulation"
    nums = [n for n in (_int(x) for x in (article_heading(p) for p in paras[i:]) if x) if n is not None]
    if nums and nums[0] == 1 and _sequential(nums):
        return "regulation"          # articles 1, 2, 3 …: a regulation whose letterhead is missing
    if any(_prose_heading(p) for p in paras) or (nums and not _sequential(nums)):
        return "page"
    return "regulation"              # a headless fragment (Điều 2, 3, 4 …) or plain text: nothing says otherwise


# --- consolidated texts --------------------------------------------------------------------------------------

RE_AMENDING_DOC = re.compile(
    r"^(?:\d{1,2}\s*[.)]\s*|[-–+]\s*)?(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|"
    r"Thông\s+tư(?:\s+liên\s+tịch)?|Chỉ\s+thị)\s+(?:số\s+)?\d")
EXAMPLES["RE_AMENDING_DOC"] = {
    "use": "match",
    "match": ["1. Nghị định số 71/2024/NĐ-CP ngày 27 tháng 6 năm 2024", "- Luật số 43/2024/QH15", "Thông tư 12/2025/TT-BNV"],
    "no_match": ["Căn cứ Luật số 43/2024/QH15;", "Nghị định này quy định"],
}


def consolidation_note(paras: list[Para], i: int, doc: Document) -> int:
    """Preamble items of kind "consolidation": the note naming the original text and "được sửa đổi, bổ sung
    bởi:", then the amending texts it lists. Returns the index after them (where the căn cứ lines start)."""
    j = i
    end = None
    for k in range(i, min(i + 4, len(paras))):
        if RE_CONSOLIDATION.search(paras[k].text):
            end = k
            break
        if _preamble_kind(paras[k].text) != "paragraph" or article_heading(paras[k]):
            return i
    if end is None:
        return i
    for p in paras[i:end + 1]:
        doc.preamble.append(PreambleItem(kind="consolidation", text=p.text, line=p.line))
    j = end + 1
    while j < len(paras) and RE_AMENDING_DOC.match(paras[j].text):
        doc.preamble.append(PreambleItem(kind="consolidation", text=paras[j].text, line=paras[j].line))
        j += 1
    return j


# --- endnotes ------------------------------------------------------------------------------------------------

RE_NOTE = re.compile(r"^\[(\d{1,3})\]\s*(.*)$", re.S)
EXAMPLES["RE_NOTE"] = {"use": "match", "match": {"[1] Nghị định số 71/2024/NĐ-CP …": "1", "[12]Luật số 43": "12"},
                       "no_match": ["Xem [1]", "[a] ghi chú"]}
MAX_NOTE_TAIL = 15   # paragraphs the last note may run over (a quoted article in a note of a consolidated text)


def split_endnotes(paras: list[Para], start: int) -> tuple[list[Para], list[dict]]:
    """Take the run of endnotes "[1] …", "[2] …" … that ends the document out of `paras` (from index `start`
    on). The run starts at the last "[1]" paragraph, its labels go 1, 2, 3 … (paragraphs between two labels
    continue the note before them), the last note ends the document (at most MAX_NOTE_TAIL paragraphs after its
    label), and the text before the run carries the marker "[1]"."""
    first = None
    for k in range(len(paras) - 1, start - 1, -1):
        m = RE_NOTE.match(paras[k].text)
        if m and m.group(1) == "1":
            first = k
            break
    if first is None:
        return paras, []
    at = [k for k in range(first, len(paras)) if RE_NOTE.match(paras[k].text)]
    labels = [int(RE_NOTE.match(paras[k].text).group(1)) for k in at]
    if labels != list(range(1, len(labels) + 1)) or not any("[1]" in p.text for p in paras[:first]) \
            or len(paras) - at[-1] > MAX_NOTE_TAIL:
        return paras, []   # not a run that ends the document: notes of a form in the middle, say
    notes: list[dict] = []
    for p in paras[first:]:
        m = RE_NOTE.match(p.text)
        if m:
            notes.append({"label": m.group(1), "text": m.group(2).strip(), "line": p.line})
        else:
            notes[-1]["text"] += "\n" + p.text
    return paras[:first], notes


# --- the body of a page --------------------------------------------------------------------------------------

# A document named in the text: type word, then a number ("Nghị định 15/2020/NĐ-CP") or a name ("Bộ luật Dân sự
# 2015", "Luật Đất đai năm 2024", "Hiến pháp 2013"). "Luật này", "Bộ luật này" name no document.
RE_DOC_TYPE = re.compile(
    r"(?<![\wÀ-ỹ])(Bộ\s+[Ll]uật|Luật|Hiến\s+pháp|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Thông\s+tư(?:\s+liên\s+tịch)?|"
    r"Quyết\s+định|Chỉ\s+thị|Quy\s+chế|Quy\s+định)(?![\wÀ-ỹ])")
EXAMPLES["RE_DOC_TYPE"] = {
    "match": {"theo Bộ luật Dân sự 2015": "Bộ luật", "Nghị định 15/2020/NĐ-CP": "Nghị định", "Luật này": "Luật"},
    "no_match": ["Điều luật", "quyết định của tòa", "Thông tin"],
}
RE_DOC_NO = re.compile(r"\s+(?:số\s+)?(\d{1,4}(?:/\d{4})?/[A-ZĐ][\wĐđ\-]*)")
EXAMPLES["RE_DOC_NO"] = {"use": "match", "match": {" 15/2020/NĐ-CP": "15/2020/NĐ-CP", " số 43/QH15": "43/QH15"},
                         "no_match": [" Dân sự 2015", "15/2020/NĐ-CP"]}
RE_YEAR = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d(?!\d)")
EXAMPLES["RE_YEAR"] = {"use": "match", "match": [" 2015", " năm 2024"], "no_match": [" 20150", " số 2015", "2015"]}
# the next word of a document's name ("Luật| Hôn| nhân| và| gia| đình")
RE_NAME_WORD = re.compile(r"\s+([^\s,.;:()“”\"?!]+)")
EXAMPLES["RE_NAME_WORD"] = {"use": "match", "match": {" Dân sự 2015": "Dân", " Đất, đai": "Đất"},
                            "no_match": ["Dân", " , và"]}
STOP_WORDS = {"quy", "như", "có", "thì", "được", "về", "tại", "theo", "và", "của", "này", "đã", "sửa", "nêu", "ghi",
              "cũng", "khẳng", "do", "để", "là", "gồm", "hiện", "mới", "trên", "sau", "các", "với", "nói", "đều",
              "khi", "trong", "từ", "hướng", "nay", "đó", "thay", "bổ", "ban", "hợp", "cho", "vẫn", "không", "đi",
              "bao", "nào", "gì", "sao", "phải", "bị", "sẽ", "cần", "mà", "nếu", "hay", "hoặc", "thế", "ai"}


def doc_name_at(s: str, pos: int = 0) -> str | None:
    """The first document name in s[pos:], as written, or None."""
    for m in RE_DOC_TYPE.finditer(s, pos):
        end = m.end()
        no = RE_DOC_NO.match(s, end)
        if no:
            return s[m.start():no.end()].strip()
        words = RE_NAME_WORD
        k = end
        taken = 0
        while taken < 8:
            w = words.match(s, k)
            if w and w.group(1) == "và" and taken:   # "Luật Hôn nhân và gia đình", not "Luật Đất đai và Luật …"
                nxt = words.match(s, w.end())
                if nxt and nxt.group(1)[0].islower() and nxt.group(1) not in STOP_WORDS:
                    k = nxt.end()
                    taken += 2
                    continue
            if not w or w.group(1).lower() in STOP_WORDS or w.group(1)[0].isdigit():
                break
            if taken == 0 and not w.group(1)[0].isupper():
                break
            k = w.end()
            taken += 1
        if taken == 0 and not m.group(1).startswith("Hiến"):
            continue                       # "Luật này", "quy định về …": no name
        y = RE_YEAR.match(s, k)
        if y:
            k = y.end()
        return s[m.start():k].strip()
    return None


RE_HEADING_INSIDE = re.compile(r"(?:^|\s)Điều\s+\d+[a-zđ]?\.\s")
EXAMPLES["RE_HEADING_INSIDE"] = {"match": ["Cụ thể, Điều 1. Sửa đổi Nghị định", "Điều 5a. Tên"],
                                 "no_match": ["theo Điều 1 Nghị định", "Điều 1.Sửa đổi"]}
RE_SENTENCE_END = re.compile(r"[.;:?!](?:\s|$)")
EXAMPLES["RE_SENTENCE_END"] = {"match": ["Bộ luật Dân sự 2015. Theo đó", "quy định:"], "no_match": ["15/2020/NĐ-CP", "3.5 lần"]}
RE_INTRO = re.compile(r"^(?:Căn\s+cứ|Theo|Tại|Dẫn\s+chiếu)\b")   # a sentence that introduces a quotation
EXAMPLES["RE_INTRO"] = {"use": "match", "match": ["Căn cứ Bộ luật Dân sự 2015 quy định:", "Theo Điều 5", "Tại khoản 1"],
                        "no_match": ["Như vậy", "Theođó"]}


def _source_for(num: str, head_rest: str, intros: list[str], headings: list[str], previous: str | None) -> str | None:
    """The quoted document of article `num`, from the nearest place that names it:
    1. the heading line itself ("Điều 426 Bộ luật Dân sự 2015");
    2. "Điều <num> <name>" in the page's sentences just before the quote, then in the headings around it;
    3. the page's sentence just before the quote, or an intro sentence ("Căn cứ Bộ luật Dân sự 2015 quy định:",
       "Theo …", a sentence ending with ':'), unless the sentence holds an article heading itself;
    4. the quote just before it, when no words of the page stand between them (Điều 407 … Điều 408);
    5. the first name in the nearest heading, then in the page title."""
    name = doc_name_at(head_rest) if RE_DOC_TYPE.match(head_rest.strip()) else None
    if name:
        return name
    for s in intros + headings:
        for m in _article_refs(s, num):
            stop = RE_SENTENCE_END.search(s[m.end():])
            name = doc_name_at(s[m.end():m.end() + (stop.start() if stop else 160)])
            if name:
                return name
    # "Cụ thể, Điều 1. Sửa đổi … Nghị định số 71/2024/NĐ-CP" holds a heading: it introduces nothing
    for k, s in enumerate([s for s in intros if not RE_HEADING_INSIDE.search(s)]):
        if k == 0 or RE_INTRO.match(s) or s.rstrip(" *").endswith(":"):
            name = doc_name_at(s)
            if name:
                return name
    if previous and not intros:
        return previous
    for s in headings:
        name = doc_name_at(s)
        if name:
            return name
    return None


# Paragraphs in the page's own voice end a quotation.
RE_PAGE_VOICE = re.compile(
    r"^(?:Như\s+vậy|Theo\s+đó|Theo\s+(?:các\s+|những\s+)?quy\s+định|Đồng\s+thời|Ngoài\s+ra|Hiện\s+nay|"
    r"Căn\s+cứ\s+(?:theo|tại|vào\s+quy\s+định|(?:các\s+|những\s+)?quy\s+định\s+(?:trên|nêu\s+trên))|"
    r"Trên\s+đây|Do\s+đó|Vì\s+vậy|Tóm\s+lại|Lưu\s+ý|Bên\s+cạnh\s+đó|Dẫn\s+chiếu|Cụ\s+thể|Tuy\s+nhiên|Qua\s+đó|"
    r"Từ\s+(?:các|những)?\s*quy\s+định|Có\s+thể\s+thấy|Xem\s+thêm|Tải\s+về|Nội\s+dung\s+chính)\b"
    # a citation line: "Khoản 2 Điều 5 Hiến pháp 2013", "Điểm a khoản 1 Điều 4:"
    r"|^(?:Khoản|Điểm|Tiết)\s+[\w.]+(?:\s+(?:khoản|và|,)\s*[\w.]+)*\s+(?:của\s+)?Điều\s+\d+[a-zđ]?(?!\s+này)(?![\w])")
EXAMPLES["RE_PAGE_VOICE"] = {
    "use": "match",
    "match": ["Như vậy, người mua phải đặt cọc", "Theo quy định trên", "Khoản 2 Điều 5 Hiến pháp 2013",
              "Điểm a khoản 1 Điều 4:"],
    "no_match": ["Theo đề nghị của Giám đốc", "1. Bên bán có nghĩa vụ", "Khoản 2 Điều này"],
}
RE_CAPTION = re.compile(r"\((?:Hình|hình|Ảnh|ảnh)\s+(?:từ|minh\s+họa)[^)]*\)\s*$")
EXAMPLES["RE_CAPTION"] = {"match": ["Nhà ở xã hội (Hình từ Internet)", "(Ảnh minh họa)"],
                          "no_match": ["(Hình 1)", "(Ảnh minh họa) trong bài"]}


class _PageBuilder:
    """Headings nest by Markdown level; a quote runs from its article heading to the page's next own words."""

    def __init__(self, ctx: _Ctx, title: str):
        self.ctx = ctx
        self.title = title
        self.roots: list[Node] = []
        self.headings: list[tuple[int, Node]] = []   # open headings (level, node)
        self.quote = None                            # (_Builder, heading rest, intro texts) of the open quotation
        self.recent: list[str] = []                  # page paragraphs since the last quotation or heading
        self.n_headings = 0
        self.previous: Node | None = None            # the last quote

    def _container(self) -> list[Node]:
        return self.headings[-1][1].children if self.headings else self.roots

    def _anchor(self, base: str) -> str:
        a, k = base, 2
        while a in self.ctx.used_anchors:
            a = f"{base}-{k}"
            k += 1
        self.ctx.used_anchors.add(a)
        return a

    def _close_quote(self):
        if self.quote is None:
            return
        b, head_rest, intros = self.quote
        self.quote = None
        sub_warnings = b.ctx.warnings
        root = b.roots[0]
        root.kind = "quote"
        previous = self.previous.source if self.previous is not None and self.previous in self._container() else None
        root.source = _source_for(root.num or "", head_rest, intros,
                                  [h.title or "" for _, h in reversed(self.headings)] + [self.title], previous)
        self.previous = root
        # anchors: "dieu-426-khoan-1" built inside the quotation becomes "trich-dieu-426-khoan-1"
        old = root.anchor or ""
        new = self._anchor("trich-" + (old or "dieu"))
        for r in b.roots:
            for n in r.walk():
                if n is root:
                    n.anchor = new
                elif n.anchor:
                    n.anchor = self._anchor(new + n.anchor[len(old):] if old and n.anchor.startswith(old + "-")
                                            else f"{new}-{n.anchor}")
        for w in sub_warnings:   # "neo đổi thành #dieu-4-khoan-1-2" names the anchor as it is now
            if w.code == "duplicate-anchor" and old and f"#{old}" in w.message:
                w.message = w.message.replace(f"#{old}", f"#{new}")
        self.ctx.warnings.extend(sub_warnings)
        self._container().extend(b.roots)
        self.recent = []

    def add(self, p: Para, next_quote: str | None):
        from .body import _Builder   # body imports this module for is_article_list
        t = p.text
        num = article_heading(p)       # "#### Điều 21. …" is a quoted article, whatever its markup
        if p.heading and num is None:
            self._close_quote()
            while self.headings and self.headings[-1][0] >= p.heading:
                self.headings.pop()
            self.n_headings += 1
            node = Node(kind="heading", title=t, line=p.line, anchor=self._anchor(f"tieu-de-{self.n_headings}"))
            self._container().append(node)
            self.headings.append((p.heading, node))
            self.recent = []
            return
        if num is not None:
            self._close_quote()
            b = _Builder(_Ctx(warnings=[], unplaced=self.ctx.unplaced, used_anchors=set()), "")
            b.add(p)
            loose = RE_ARTICLE_LOOSE.match(t)
            self.quote = (b, t[loose.end(1):] if loose else "", list(reversed(self.recent[-3:])))
            return
        if self.quote is not None:
            introduces_next = next_quote is not None and any(m.group(1) != "ĐIỀU" for m in _article_refs(t, next_quote))
            # the page's own bold subheading ("**Sửa đổi … Nghị định số 71/2024/NĐ-CP**"), not a bold clause marker
            own_heading = p.bold and not _structural_kind(t) and not RE_BULLET.match(t)
            own_voice = (RE_PAGE_VOICE.match(t) or t.rstrip(" *").endswith("?") or RE_CAPTION.search(t) or own_heading
                         or introduces_next or RE_CHAPTER.match(t) or RE_SECTION.match(t) or RE_PART.match(t))
            if not own_voice:
                self.quote[0].add(p)
                return
            self._close_quote()
        m = RE_BULLET.match(t)
        if m:
            node = Node(kind="item", label=m.group(1), text=m.group(2).strip(), line=p.line)
        else:
            node = Node(kind="paragraph", text=t, line=p.line)
        self._container().append(node)
        self.recent.append(t)

    def finish(self) -> list[Node]:
        self._close_quote()
        return self.roots


def parse_page(paras: list[Para], i: int, doc: Document, ctx: _Ctx) -> None:
    """The body of a page: everything after its title (pages have no preamble, closing or annexes)."""
    rest = paras[i:]
    nums = [article_heading(p) for p in rest]
    b = _PageBuilder(ctx, doc.title or " ".join(doc.title_lines))
    for k, p in enumerate(rest):
        nxt = next((x for x in nums[k + 1:k + 3] if x), None)
        b.add(p, nxt)
    doc.body = b.finish()
