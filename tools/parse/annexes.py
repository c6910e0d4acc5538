"""Annexes, appendices and forms: where they start, their headings and notes, where they nest, their anchors, and
their own bodies.

Where a segment starts (`_split_segments`), never on a cell of a data table and never before the first body
paragraph:
  S1  A "PHỤ LỤC N" / "Phụ lục N" heading (capitals, bold, a Markdown heading, or "Phụ lục N" alone in its
      paragraph; short, not a list line) starts an appendix wherever it stands, also inside an appendix that
      has no article and no closing (a table, a form).
  S2  "PHỤ LỤC" with its number on the next line ("PHỤ LỤC" / "II") is one heading (`_build_head`).
  S3  A "(Ban hành) kèm theo …" note starts an annex with the heading lines just above it (its type line, its
      title in capitals), once the text before it has articles or a closing, or inside an annex; inside a form,
      a note with no such heading above it is text.
  S4  A form heading — "Mẫu số 04", "Mẫu 01/TNMT", "MẪU SỐ 2: …", bold or a Markdown heading, or followed by a
      letterhead, motto, title or "Kính gửi" line — starts a form, inside an annex or after the main closing.
  S5  A type line (QUY CHẾ, QUYẾT ĐỊNH…) in capitals starts a new text after a closing, or when a kèm theo note
      follows within four paragraphs (`_is_annex_start`).
  S6  A motto starts a new text only when the whole paragraph is the motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "ĐẢNG CỘNG SẢN VIỆT NAM", with "Độc lập - Tự do - Hạnh phúc" and rules), in capitals, after the closing of
      the text before: a sentence that opens with "Đảng Cộng sản Việt Nam …" is text.
  S7  Inside a form only a new form, a PHỤ LỤC heading or a kèm theo note under a heading starts a segment: its
      letterhead, motto, type line, "Kính gửi" and signature blank are the form's. In the heading lines of a
      form (right under "Mẫu số …") a "Phụ lục" label and a note are the form's heading.
  S8  A text after a closing with no type line, no PHỤ LỤC heading and no note is a model document: a form
      named by its own capitals heading ("GIẤY CHỨNG NHẬN", "ĐƠN ĐỀ NGHỊ") (`_build_head`).

Where a segment goes (`_Placer`; Annex.parent names the annex it belongs to, doc.annexes keeps reading order): the
stack of open annexes is the path from the top level to the innermost one.
  N1  A form is a sibling of the open form it follows (the one numbered just before it, else the innermost), or
      the child of the innermost open annex; at the top level when none is open.
  N2  An annex or appendix whose note cites the main document (same type, same number, or the number left
      blank in a draft) is at the top level.
  N3  A numbered appendix continues a series: it is the sibling of the open appendix numbered just before it
      (same style: I, II… / 1, 2… / A, B…); a first number (I, 1, A) restarts a series inside the innermost open
      annex (the model contract's Phụ lục I inside the circular's PHỤ LỤC III); any other number is the sibling
      of the innermost open numbered appendix of its style, else of the innermost open numbered appendix (an
      unnumbered appendix is a container, not a series: "PHỤ LỤC" / "Phụ lục 9", "Phụ lục 10" inside it).
  N4  Anything else (no note, a note citing another text or a blank template number) is the child of the
      innermost open annex — not of a form when its note cites a legal document with a real number; but an
      unnumbered appendix after an unnumbered appendix, an annex after an annex of its type, are siblings.

Anchors (`_anchor_of`), each inside its parent's: an appendix is "pl-" + its printed number ("PHỤ LỤC II" ->
pl-2, "Phụ lục 1a" -> pl-1a, "PHỤ LỤC 01" -> pl-1; nested: pl-3-pl-1), "pl" when it has none; a form is "mau-" +
its number (pl-1-mau-4); an annex keeps its type prefix counted per parent (qc, qd, kt, kt2). So adding an
appendix never renames another. Two annexes of one parent that would share an anchor get a warning
(`annex-anchor`) and the later one a suffix from its title.
"""
from __future__ import annotations

from .. import ids
from ..model import Annex, PreambleItem
from ..normalize import Para, RE_BULLET, RE_KEM_THEO, RE_MOTTO, RE_ROMAN_HEAD, is_caps
from .common import _Ctx, _clean_item, _ends_sentence, _preamble_kind, _structural_kind, _type_of, _warn
from .patterns import (
    ANNEX_PREFIX, PREAMBLE_KIND, RE_ANNEX_HEAD, RE_BARE_NUM, RE_CITED, RE_DATE, RE_DECOR, RE_FOOTNOTE_MARKS, RE_FORM_HEAD,
    RE_LEAD_NUM, RE_LETTER_NUM, RE_NUMBER, RE_NUM_ONLY, RE_PLACEHOLDER, RE_ROMAN_NUM, RE_TITLE_LEAD, RE_WORD2,
    RE_WS, _LEGAL,
)
from .segments import _fill_body, _heading_like, _is_appendix_head


# --- headings ----------------------------------------------------------------------------------------------

def _form_title(num: str, rest: str, seg: list[Para]) -> str:
    """'Mẫu số 04 – THÔNG BÁO MUA (BÁN) HÀNG HÓA': the label's own title, else the first capitals line of the
    form that is neither its motto, letterhead, number nor date (display only: the lines stay in the body)."""
    label = f"Mẫu số {num}"
    if rest:
        return f"{label} – {rest}"
    seen_motto = False
    for q in seg[1:12]:
        t = q.text
        if RE_MOTTO.search(t):
            seen_motto = True
            continue
        if RE_NUMBER.match(t) or RE_DATE.search(t) or RE_DECOR.match(t) or RE_KEM_THEO.match(t) or len(t) > 200:
            continue
        if is_caps(t) and (seen_motto or _type_of(t)) and len(RE_WORD2.findall(t)) >= 2 \
                and not RE_PLACEHOLDER.match(t):
            return f"{label} – {t}"
    return label


def _build_head(kind: str, seg: list[Para]) -> tuple[Annex, int]:
    """The annex's heading lines, note, type, title and printed number; returns the annex (no body yet) and the
    index of its first body paragraph."""
    if kind == "form":
        m = RE_FORM_HEAD.match(seg[0].text)
        num, rest = m.group(1), m.group(2).strip()
        k = 1
        note = None
        # the form's own label lines, when a note closes them: "Phụ lục" / "DANH SÁCH …" / "(Kèm theo …)"
        for j in range(1, min(5, len(seg))):
            if RE_KEM_THEO.match(seg[j].text):
                if all(_heading_like(q) and not RE_MOTTO.search(q.text) for q in seg[1:j]):
                    k, note = j + 1, seg[j].text
                break
        annex = Annex(kind="form", type="Mẫu", title=_form_title(num, rest, seg), anchor="",
                      heading=[q.text for q in seg[:k - 1 if note else k]], note=note, line=seg[0].line, num=num)
        return annex, k
    heading: list[str] = []
    note = None
    k = 0
    atype = None
    num = None
    title_parts: list[str] = []
    akind = "annex"
    other_title = None
    note_idx = next((j for j, q in enumerate(seg[:8]) if RE_KEM_THEO.match(q.text)), None)
    if note_idx is not None and any(_structural_kind(q.text) for q in seg[:note_idx]):
        note_idx = None
    while k < len(seg) and k < 12:
        p = seg[k]
        t = p.text
        if note_idx is not None:
            if k == note_idx:
                note = t
                k += 1
                break
        else:
            if RE_KEM_THEO.match(t):
                note = t
                k += 1
                break
            if _structural_kind(t) or RE_ROMAN_HEAD.match(t) and heading:
                break
            if any(r.match(t) for r, _ in PREAMBLE_KIND[:2]):
                break
            if k > 0 and p.table is not None and not p.table.layout:
                break   # a data table under the heading is the annex's body: its header cells are no title
            if k > 0 and (_is_appendix_head(p) or RE_FORM_HEAD.match(t)):
                break
            if atype == "Phụ lục" and (RE_MOTTO.search(t) or getattr(p, "table", None) is not None):
                break   # the letterhead of a model document inside the appendix: its body, not its title
            first_after_head = atype is not None and len(heading) == 1
            if not (k == 0 or is_caps(t) or p.bold or p.heading or RE_MOTTO.search(t) or RE_DATE.search(t) or
                    RE_NUMBER.match(t) or t[:1].islower()
                    or (first_after_head and len(t) < 200 and not _ends_sentence(t))) or len(t) > 400:
                break
        heading.append(t)
        am = RE_ANNEX_HEAD.match(t)
        ty = _type_of(t)
        bare = RE_BARE_NUM.match(t)
        if am and atype is None:
            atype, akind = "Phụ lục", "appendix"
            num = am.group(2)
            if am.group(2):
                title_parts.append(am.group(2))
            if am.group(3) and not RE_FOOTNOTE_MARKS.fullmatch(am.group(3)):   # not a footnote mark "[23]"
                title_parts.append(am.group(3))
        elif bare and atype == "Phụ lục" and num is None and len(heading) == 2 and not title_parts:
            num = bare.group(1)   # S2: "PHỤ LỤC" / "II"
            title_parts.append(num)
        elif ty and atype is None:
            atype = ty[0]
            if ty[2]:
                title_parts.append(ty[2])
        elif atype is not None and not RE_MOTTO.search(t) and not RE_NUMBER.match(t) and not RE_DATE.search(t):
            title_parts.append(t)
        elif atype is None and not other_title and is_caps(t) and not RE_MOTTO.search(t) and not RE_NUMBER.match(t) \
                and not RE_DATE.search(t):
            other_title = t   # a form or a letter inside an appendix: "GIẤY CHỨNG NHẬN"
        k += 1
    if atype is None and note is None:
        # S8: a text after a closing with neither a type line, a PHỤ LỤC heading nor a note ("GIẤY CHỨNG NHẬN",
        # "ĐƠN ĐỀ NGHỊ", a letter with its letterhead): a model document, a form named by its own heading
        return Annex(kind="form", type=None, title=other_title or "Văn bản", anchor="", heading=heading,
                     note=None, line=seg[0].line if seg else None), k
    own_title = None
    if atype is None:
        atype = "Văn bản kèm theo"
        if other_title and not title_parts:
            own_title = other_title           # "NỘI QUY MẪU …" above its note: its title
    if len(title_parts) > 1 and RE_NUM_ONLY.fullmatch(title_parts[0]):
        title_parts[0] += " –"   # "Phụ lục I – Cách tính, quy đổi giờ chuẩn"
    title = own_title or atype + (" " + " ".join(title_parts) if title_parts else "")
    annex = Annex(kind=akind, type=atype, title=title.strip(), anchor="", heading=heading, note=note,
                  line=seg[0].line if seg else None, num=num)
    return annex, k


def _fill_annex(annex: Annex, rest: list[Para], ctx: _Ctx):
    # an annex may carry its own căn cứ lines
    j = 0
    if annex.kind != "form":
        while j < len(rest) and _preamble_kind(rest[j].text) in ("basis", "implementing", "proposal", "enacting") \
                and not _structural_kind(rest[j].text):
            annex.preamble.append(PreambleItem(kind=_preamble_kind(rest[j].text), text=_clean_item(rest[j].text)
                                               if RE_BULLET.match(rest[j].text) else rest[j].text, line=rest[j].line))
            j += 1
    _fill_body(annex, rest[j:], ctx, prefix=annex.anchor, closing=annex.kind != "form")


# --- numbers, notes, nesting, anchors ----------------------------------------------------------------------

def _series(num: str | None) -> tuple[str, int] | None:
    """('roman', 2) for 'II', ('arabic', 1) for '01' or '1a', ('letter', 2) for 'B'; None when unnumbered."""
    if not num:
        return None
    if RE_ROMAN_NUM.fullmatch(num):
        return "roman", ids.roman_to_int(num) or 0
    m = RE_LEAD_NUM.match(num)
    if m:
        return "arabic", int(m.group(1))
    if RE_LETTER_NUM.fullmatch(num):
        return "letter", ord(num) - 64
    return None


def _num_slug(num: str) -> str:
    """'II' -> '2', '01' -> '1', '1a' -> '1a', '01/TNMT' -> '1-tnmt', 'B' -> 'b'."""
    if RE_ROMAN_NUM.fullmatch(num):
        return str(ids.roman_to_int(num))
    m = RE_LEAD_NUM.match(num)
    if m:
        return (str(int(m.group(1))) + "-" + ids.slugify(m.group(2))).strip("-") if m.group(2).strip("/-") \
            else str(int(m.group(1)))
    return ids.slugify(num) or "x"


def _cited(note: str | None) -> tuple[str | None, str, bool]:
    """(type cited by a note, its number's leading digits, placeholder?) — ('quyếtđịnh', '12', False)."""
    if not note:
        return None, "", False
    c = RE_WS.sub("", note).lower()
    m = RE_CITED.search(c)
    placeholder = bool(RE_PLACEHOLDER.search(note))
    if not m:
        return None, "", placeholder
    d = RE_LEAD_NUM.match(m.group(2))
    return m.group(1), d.group(1) if d else "", placeholder


def _cites_main(note: str | None, main_type: str | None, main_number: str | None) -> bool:
    """N2: the note cites the main document: its type, and its number (or a number a draft left blank)."""
    cited, digits, placeholder = _cited(note)
    if cited is None or placeholder:
        return False
    if main_type and RE_WS.sub("", main_type).lower() != cited:
        return False
    main_digits = RE_LEAD_NUM.match(RE_WS.sub("", main_number or ""))
    return not digits or main_digits is None or int(digits) == int(main_digits.group(1))


def _own_anchor(a: Annex, counts: dict) -> str:
    if a.kind == "form":
        return "mau-" + _num_slug(a.num) if a.num else "mau"
    if a.kind == "appendix":
        return "pl-" + _num_slug(a.num) if a.num else "pl"
    base = ANNEX_PREFIX.get(a.type or "", "kt")
    if base == "pl":
        base = "kt"
    counts[base] = counts.get(base, 0) + 1
    return base if counts[base] == 1 else f"{base}{counts[base]}"


class _Placer:
    """Nests annexes as they come (N1–N4) and gives each its anchor (A)."""

    def __init__(self, doc, ctx: _Ctx):
        self.doc = doc
        self.ctx = ctx
        self.stack: list[Annex] = []
        self.parent: dict[int, Annex | None] = {}
        self.counts: dict[int, dict] = {}     # per parent: type prefix counters
        self.used: set[str] = set()

    def _parent_of(self, a: Annex) -> Annex | None:
        return self.parent.get(id(a))

    def _innermost(self, skip_forms: bool = False) -> Annex | None:
        for a in reversed(self.stack):
            if not (skip_forms and a.kind == "form"):
                return a
        return None

    def _choose_parent(self, a: Annex) -> Annex | None:
        if not self.stack:
            return None
        s = _series(a.num)
        if a.kind == "form":                                                            # N1
            forms = [x for x in reversed(self.stack) if x.kind == "form"]
            if forms:
                prev = next((x for x in forms if s and _series(x.num) == (s[0], s[1] - 1)), forms[0])
                return self._parent_of(prev)
            return self._innermost()
        if a.note and _cites_main(a.note, self.doc.type, self.doc.number):              # N2
            return None
        cited, _, placeholder = _cited(a.note)
        skip_forms = cited in _LEGAL and not placeholder
        if a.kind == "appendix" and s:                                                 # N3
            apps = [x for x in reversed(self.stack) if x.kind == "appendix" and _series(x.num)]
            exact = next((x for x in apps if _series(x.num) == (s[0], s[1] - 1)), None)
            if exact is not None:
                return self._parent_of(exact)
            if s[1] != 1:
                same = next((x for x in apps if (_series(x.num) or ("",))[0] == s[0]), None)
                if same is not None or apps:
                    return self._parent_of(same if same is not None else apps[0])
        inner = self._innermost(skip_forms)                                             # N3 restart, N4
        if inner is not None and a.kind == inner.kind and not s and not _series(inner.num) \
                and (a.kind == "appendix" or a.type == inner.type):
            return self._parent_of(inner)   # an unnumbered appendix, a Danh mục after a Danh mục: siblings
        return inner

    def place(self, a: Annex):
        """Put `a` in the tree: its parent, its anchor, its place in doc.annexes."""
        parent = self._choose_parent(a)
        path = []
        x = parent
        while x is not None:
            path.insert(0, x)
            x = self._parent_of(x)
        self.stack = path + [a]
        self.parent[id(a)] = parent
        counts = self.counts.setdefault(id(parent) if parent is not None else 0, {})
        own = _own_anchor(a, counts)
        full = f"{parent.anchor}-{own}" if parent is not None else own
        if full in self.used:
            base = full
            hint = ids.slugify(RE_TITLE_LEAD.sub("", a.title, count=1), 16)
            cand = full = f"{base}-{hint}" if hint else base
            k = 2
            while full in self.used:
                full = f"{cand}-{k}"
                k += 1
            _warn(self.ctx, "annex-anchor", f"{a.title[:60]}: neo #{base} đã dùng cho phần trước, đổi thành #{full}",
                  a.line)
        self.used.add(full)
        a.anchor = full
        a.parent = parent.anchor if parent is not None else None
        self.doc.annexes.append(a)   # reading order; the tree is in `parent`


def parse_annexes(doc, segments: list[tuple[str, list[Para]]], ctx: _Ctx):
    """Build, nest and fill every annex segment (all but the first, the main text)."""
    placer = _Placer(doc, ctx)
    for kind, seg in segments:
        annex, k = _build_head(kind, seg)
        placer.place(annex)
        _fill_annex(annex, seg[k:], ctx)

