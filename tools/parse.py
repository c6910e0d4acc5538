"""Stage 2: text -> Document tree.

Public function: parse(text, path="<input>", meta=None) -> Document. It never raises: anything it cannot
place is kept as an unplaced paragraph with a warning, so no word of the source is lost.

Zones, in order: letterhead (issuers, motto, number, place and date) -> title (type line + trích yếu) ->
preamble (căn cứ, thực hiện, enacting line) -> body (Phần/Chương/Mục/Điều/khoản/điểm/items) -> closing
(signatures, Nơi nhận, Đồng kính gửi) -> annexes (Quy chế/Quy định kèm theo, Phụ lục), each with the same zones.
"""
from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

from . import ids
from .model import Annex, Document, Issuer, Node, PreambleItem, Signer, Unplaced, Warning_
from .normalize import (
    RE_ARTICLE, RE_ARTICLE_LOOSE, RE_KEM_THEO, RE_BULLET, RE_CHAPTER, RE_CLAUSE, RE_MOTTO, RE_PART,
    RE_POINT, RE_RECIPIENTS, RE_ROMAN_HEAD, RE_SECTION, RE_SIGN_AUTH, RE_SUBNUM, Para, is_caps, normalize,
)

# --- data: document types ----------------------------------------------------------------------------------
# Canonical display form -> the type line as it is written (upper case).
DOC_TYPES = {
    "QUY CHẾ PHỐI HỢP": "Quy chế phối hợp", "QUY CHẾ": "Quy chế", "QUY ĐỊNH": "Quy định",
    "QUYẾT ĐỊNH": "Quyết định", "NGHỊ QUYẾT": "Nghị quyết", "HƯỚNG DẪN": "Hướng dẫn", "CHỈ THỊ": "Chỉ thị",
    "KẾT LUẬN": "Kết luận", "KẾ HOẠCH": "Kế hoạch", "CHƯƠNG TRÌNH": "Chương trình", "THÔNG BÁO": "Thông báo",
    "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch", "THÔNG TƯ": "Thông tư", "NGHỊ ĐỊNH": "Nghị định",
    "LUẬT": "Luật", "PHÁP LỆNH": "Pháp lệnh", "BÁO CÁO": "Báo cáo", "CÔNG VĂN": "Công văn",
    "ĐIỀU LỆ": "Điều lệ", "ĐỀ ÁN": "Đề án", "TỜ TRÌNH": "Tờ trình", "QUY TRÌNH": "Quy trình",
    "PHỤ LỤC": "Phụ lục", "DANH MỤC": "Danh mục", "CHƯƠNG TRÌNH PHỐI HỢP": "Chương trình phối hợp",
    "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch", "HIẾN PHÁP": "Hiến pháp", "BỘ LUẬT": "Bộ luật",
    "CÔNG ĐIỆN": "Công điện", "THÔNG TRI": "Thông tri", "QUY ĐỊNH KHUNG": "Quy định",
}
_TYPE_KEYS = sorted(DOC_TYPES, key=len, reverse=True)
RE_TYPE_LINE = re.compile(r"^(" + "|".join(re.escape(k) for k in _TYPE_KEYS) + r")(?:(?![\wÀ-ỹ])|(?=VỀ\s|V/V))"
                          r"\s*[:.]?\s*(.*)$", re.S)
TYPE_CODES = {"QĐ": "Quyết định", "NQ": "Nghị quyết", "TT": "Thông tư", "NĐ": "Nghị định", "CT": "Chỉ thị",
              "KH": "Kế hoạch", "HD": "Hướng dẫn", "QC": "Quy chế", "QCPH": "Quy chế phối hợp", "KL": "Kết luận",
              "TB": "Thông báo", "CTr": "Chương trình"}
ANNEX_PREFIX = {"Quy chế": "qc", "Quy chế phối hợp": "qc", "Quy định": "qd", "Phụ lục": "pl", "Hướng dẫn": "hd",
                "Điều lệ": "dl", "Danh mục": "dm", "Quy trình": "qt", "Chương trình": "ctr", "Kế hoạch": "kh",
                "Đề án": "da"}

RE_NUMBER = re.compile(r"^(?:[\wÀ-ỹ ]{0,30}?\s)?(?:Số|SỐ|số)\s*:?\s*(?=[\d./…_]|$)(.*)$", re.S)
RE_NUMBER_TOKEN = re.compile(r"[0-9A-Za-zĐđ…\.]*[/\-][0-9A-Za-zĐđ/\-\.…]+|\d+")
RE_DATE = re.compile(
    r"(?:(?P<place>[^,;|]{1,40}?)\s*,\s*)?ngày\s*(?P<d>\d{1,2}|[.…_]*)\s*(?:tháng|/)\s*(?P<m>\d{1,2}|[.…_]*)\s*"
    r"(?:năm|/)\s*(?P<y>\d{4}|[.…_]*)", re.I)
RE_ANNEX_HEAD = re.compile(r"^(PHỤ\s+LỤC|Phụ\s+lục|PHỤ LỤC)(?:\s+(?:số\s+|SỐ\s+)?([IVXLC]+|\d+[a-z]?|[A-Z]))?\b\s*[:.\-–]?\s*(.*)$", re.S)
POSITION_WORDS = re.compile(
    r"(BÍ THƯ|CHỦ TỊCH|TRƯỞNG BAN|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|CHÁNH VĂN PHÒNG|CHÁNH ÁN|"
    r"VIỆN TRƯỞNG|CHỦ NHIỆM|TRƯỞNG ĐOÀN|CỤC TRƯỞNG|VỤ TRƯỞNG|THỐNG ĐỐC|TỔNG KIỂM TOÁN(?: NHÀ NƯỚC)?|ỦY VIÊN|UỶ VIÊN|"
    r"TRƯỞNG PHÒNG|THƯỜNG TRỰC|TỔNG THƯ KÝ|TỔNG BIÊN TẬP|HIỆU TRƯỞNG|CHÁNH THANH TRA|TRƯỞNG CÔNG AN|"
    r"CHỈ HUY TRƯỞNG|TƯ LỆNH|PHÓ [A-ZÀ-Ỹ ]+|TRƯỞNG [A-ZÀ-Ỹ ]+|KẾ TOÁN TRƯỞNG|THỦ TRƯỞNG)\s*$")
ISSUER_CHILD = re.compile(
    r"^(BAN|VĂN PHÒNG|SỞ|ỦY BAN|UỶ BAN|ĐẢNG ĐOÀN|BAN CÁN SỰ|CỤC|VỤ|HỘI ĐỒNG|TRƯỜNG|TRUNG TÂM|ĐẢNG ỦY|"
    r"ĐẢNG UỶ|CHI BỘ|THANH TRA|PHÒNG|BCS|BTV|ĐOÀN|CÔNG AN|BỘ CHỈ HUY|HỌC VIỆN|VIỆN)\b")
RE_AUTHORITY = re.compile(
    r"^(ỦY BAN|UỶ BAN|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|TRƯỞNG BAN|QUỐC HỘI|CHÍNH PHỦ|HỘI ĐỒNG NHÂN DÂN|"
    r"TỔNG KIỂM TOÁN|THỐNG ĐỐC|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BỘ CHÍNH TRỊ|BAN BÍ THƯ|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|"
    r"CHÁNH ÁN|VIỆN TRƯỞNG|BAN CÁN SỰ|ĐẢNG ĐOÀN|THƯỜNG TRỰC|BAN DÂN VẬN|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|HUYỆN ỦY)\b")
ISSUER_PARENT = re.compile(
    r"^(TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|BAN CHẤP HÀNH|BỘ |"
    r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|TRUNG ƯƠNG|HỘI ĐỒNG NHÂN DÂN|TỔNG CỤC|CHÍNH PHỦ|QUỐC HỘI|"
    r"ỦY BAN MẶT TRẬN|MẶT TRẬN TỔ QUỐC)")
PREAMBLE_KIND = [
    (re.compile(r"^(Căn\s+cứ|CĂN\s+CỨ)\b"), "basis"),
    (re.compile(r"^(Thực\s+hiện|THỰC\s+HIỆN)\b"), "implementing"),
    (re.compile(r"^(Xét|Theo|Trên\s+cơ\s+sở|Sau\s+khi)\b.*(đề\s+nghị|tờ\s+trình|ý\s+kiến|thống\s+nhất|thảo\s+luận)", re.I | re.S), "proposal"),
]
RE_ENACTING = re.compile(
    r"(^(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|NGHỊ\s+QUYẾT|BAN\s+HÀNH|THÔNG\s+QUA|QUY\s+ĐỊNH|CHỈ\s+THỊ)\s*:\s*$)|"
    r"(^[A-ZÀ-ỸĐ ,]{0,160}\b(QUYẾT\s+ĐỊNH|QUYẾT\s+NGHỊ|BAN\s+HÀNH)\s*:?\s*$)|"
    r"((ban\s+hành|quyết\s+định|quy\s+định|thống\s+nhất|thông\s+qua)[^:]{0,400}(như\s+sau|sau\s+đây|dưới\s+đây|nội\s+dung\s+sau)\s*:?\s*$)|"
    r"(ban\s+hành\s+[^.:]{0,300}:\s*$)",
    re.I | re.S)
RE_ENACTING_ISSUER = re.compile(
    r"^[^.;:]{0,150}?\bban\s+hành\s+(Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Quy\s+chế|Quy\s+định|"
    r"Chỉ\s+thị|Hướng\s+dẫn|Luật|Kế\s+hoạch|Chương\s+trình)\b")

LEVEL_CENTRAL = re.compile(
    r"(TRUNG ƯƠNG|\bTW\b|BỘ CHÍNH TRỊ|BAN BÍ THƯ|CHÍNH PHỦ|QUỐC HỘI|THỦ TƯỚNG|^BỘ\s|\bBỘ [A-ZÀ-Ỹ]|NGÂN HÀNG NHÀ NƯỚC|"
    r"VĂN PHÒNG TRUNG ƯƠNG|TÒA ÁN NHÂN DÂN TỐI CAO|VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO|KIỂM TOÁN NHÀ NƯỚC|"
    r"ỦY BAN THƯỜNG VỤ QUỐC HỘI|ỦY BAN TRUNG ƯƠNG)")
CENTRAL_CODES = re.compile(r"/(TW|TTg|CP|QH\d*|UBTVQH\d*|BCT|BNV|VPTW|BTGDVTW|BDVTW|NHNN|BTC|BCA|BQP|B[A-Z]{1,6}|TT-[A-Z]+|NĐ-CP|QĐ-TTg|CT-TTg)\b")
RE_LOCALITY = re.compile(
    r"(?:TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+"
    r"(?!ỦY\b|UỶ\b)((?:(?!BCS|ĐẢNG|UBND|TỈNH|BAN|ỦY)[A-ZÀ-ỸĐ]+ ?){1,4})\s*$")
CENTRAL_ONLY_TYPES = {"Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch",
                      "Nghị quyết liên tịch"}
PROVINCE_CITIES = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]


@dataclass
class _Ctx:
    warnings: list
    unplaced: list
    used_anchors: set


def _warn(ctx: _Ctx, code: str, msg: str, line: int | None = None, severity: str = "warning"):
    ctx.warnings.append(Warning_(code=code, message=msg, line=line, severity=severity))


# --- helpers ------------------------------------------------------------------------------------------------

def _type_of(text: str) -> tuple[str, str, str] | None:
    """'QUY CHẾ' -> ('Quy chế', 'QUY CHẾ', rest). Only upper-case type lines count."""
    m = RE_TYPE_LINE.match(text)
    if not m:
        return None
    head = text[: m.end(1)]
    rest = m.group(2).strip()
    if rest and not (is_caps(rest) or rest[0].islower() or rest.lower().startswith(("về", "v/v"))):
        return None
    if rest.startswith(("số", "Số", "SỐ")) and re.search(r"\d", rest):
        return None
    return DOC_TYPES[m.group(1)], head, rest


def _is_signature_start(p: Para) -> bool:
    t = p.text
    if RE_SIGN_AUTH.match(t) and is_caps(t.split()[0] + " " + " ".join(t.split()[1:3])):
        return True
    if not is_caps(t) or len(t) > 120:
        return False
    last = p.lines[-1] if p.lines else t
    return bool(POSITION_WORDS.search(last)) and len(t.split()) <= 14


def _is_name(t: str) -> bool:
    words = t.strip().rstrip(".").split()
    if not 2 <= len(words) <= 6:
        return False
    def name_word(w: str) -> bool:  # "Nguyễn", "Phuoc", "A", "A." — str methods, not ranges (cases interleave)
        w = w.rstrip(".")
        return w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower())
    return all(name_word(w) for w in words) and not all(len(w.rstrip(".")) == 1 for w in words) \
        and not RE_RECIPIENTS.match(t)


def _clean_item(t: str) -> str:
    m = RE_BULLET.match(t)
    if m:
        t = m.group(2)
    return t.strip()


# --- letterhead ---------------------------------------------------------------------------------------------

def _parse_letterhead(paras: list[Para], doc: Document, ctx: _Ctx):
    pieces: list[tuple[str, int]] = []  # (text, line)
    for p in paras:
        doc.letterhead.append(p.text)
        if RE_MOTTO.search(p.text):
            doc.motto.extend(m.group(0) for m in RE_MOTTO.finditer(p.text))
            for c in RE_MOTTO.split(p.text):
                if c and c.strip() and not RE_MOTTO.fullmatch(c):
                    pieces.append((c.strip(), p.line))
            continue
        for ln in (p.lines if is_caps(p.text) else [p.text]):
            pieces.append((ln, p.line))
    issuer_parts: list[str] = []
    expect_number = False
    for text, line in pieces:
        chunk = text.strip().lstrip("-– ")
        if not chunk:
            continue
        dm = RE_DATE.search(chunk)
        nm = RE_NUMBER.match(chunk)
        if nm and dm:
            # "Số: 25/2023/QĐ-UBND      Bình Phước, ngày 10 tháng 8 năm 2023" (two columns on one line)
            _set_date(doc, dm, ctx, line)
            num = nm.group(1).strip()
            if num:
                _set_number(doc, num, ctx, line)
            continue
        if nm and len(chunk) < 120:
            num = nm.group(1).strip()
            if num:
                _set_number(doc, num, ctx, line)
                expect_number = False
            else:
                expect_number = True
            continue
        if expect_number and RE_NUMBER_TOKEN.fullmatch(chunk.replace(" ", "")):
            _set_number(doc, chunk, ctx, line)
            expect_number = False
            continue
        if dm:
            _set_date(doc, dm, ctx, line)
            continue
        if is_caps(chunk):
            issuer_parts.append(chunk)
    if not doc.date:
        # a date broken over pieces by markup ("Hà Nội, ng**ày 21 tháng" / "11 năm 2025")
        joined = " ".join(p.text for p in paras if not is_caps(p.text) and not RE_MOTTO.search(p.text)
                          and not RE_NUMBER.match(p.text))
        dm = RE_DATE.search(joined)
        if dm:
            _set_date(doc, dm, ctx, paras[0].line if paras else None)
    # group issuer parts: "ỦY BAN NHÂN DÂN" + "TỈNH NINH BÌNH" is one name; "TỈNH ỦY ĐỒNG NAI" above
    # "BAN DÂN VẬN" is a parent and its body; "A – B" names two joint issuers.
    issuers: list[Issuer] = []
    for chunk in issuer_parts:
        names = [c.strip() for c in re.split(r"\s+[–—-]\s+", chunk) if c.strip()]
        if len(names) > 1:
            issuers.extend(Issuer(name=n) for n in names)
            continue
        name = names[0] if names else chunk
        if not issuers:
            issuers.append(Issuer(name=name))
            continue
        last = issuers[-1]
        dangling = re.search(r"(\bỦY|\bUỶ|\bVÀ|\bCỦA|[–\-,])$", last.name)
        if ISSUER_CHILD.match(name) and not dangling:
            if ISSUER_PARENT.match(last.name) and not last.parent:
                issuers[-1] = Issuer(name=name, parent=last.name)
            else:
                issuers.append(Issuer(name=name))
        else:
            last.name = last.name + " " + name
    # "BAN DÂN VẬN TỈNH ỦY –" / "BCS ĐẢNG UBND TỈNH": joint issuers written over two lines
    split: list[Issuer] = []
    for iss in issuers:
        parts = [x.strip() for x in re.split(r"\s+[–—-]\s+", iss.name) if x.strip()]
        if len(parts) > 1:
            split.extend(Issuer(name=x.strip(" -–")) for x in parts)
        else:
            iss.name = iss.name.strip(" -–")
            split.append(iss)
    issuers = split
    doc.issuers = issuers


def _set_number(doc: Document, raw: str, ctx: _Ctx, line: int):
    raw = raw.strip().rstrip(".,;")
    tok = raw.split()[0] if raw.split() else ""
    m = re.match(r"^[\dA-Za-zĐđ][\w\-/.Đđ]*", raw.replace(" /", "/").replace("/ ", "/"))
    cand = m.group(0) if m else tok
    if doc.number:
        return
    if re.match(r"^\d", cand):
        doc.number = cand
    else:
        _warn(ctx, "number-blank", f"số hiệu để trống hoặc không đọc được: {raw!r}", line)


def _clean_place(raw: str) -> str:
    """The place name in front of ', ngày …': its trailing capitalised words ('Thành phố Hồ Chí Minh')."""
    words = raw.strip(" *_-–|").split()
    out: list[str] = []
    for w in reversed(words):
        if (w[:1].isupper() and not re.search(r"[\d/:]", w)) or (out and w in ("phố", "xã", "thị", "trấn")):
            out.insert(0, w)
        else:
            break
    return " ".join(out)


def _set_date(doc: Document, m: re.Match, ctx: _Ctx, line: int):
    if doc.date:
        return
    place = _clean_place(m.group("place") or "")
    if place and len(place.split()) <= 6 and not doc.place:
        doc.place = place
    d, mo, y = m.group("d"), m.group("m"), m.group("y")
    if d.strip().isdigit() and mo.strip().isdigit() and y.strip().isdigit():
        di, mi, yi = int(d), int(mo), int(y)
        if 1 <= di <= 31 and 1 <= mi <= 12 and 1900 < yi < 2200:
            doc.date = f"{yi:04d}-{mi:02d}-{di:02d}"
            return
    _warn(ctx, "date-blank", "ngày ban hành để trống hoặc không đọc được", line)


# --- title ----------------------------------------------------------------------------------------------------

def _title_span(paras: list[Para], start: int) -> int:
    """Index after the trích yếu that follows the type line at `start`."""
    i = start + 1
    n = 0
    seen_mixed = False
    while i < len(paras) and n < 4:
        p = paras[i]
        t = p.text
        if seen_mixed and is_caps(t) and not p.bold and not p.heading:
            break  # "HỘI ĐỒNG NHÂN DÂN TỈNH …" after the trích yếu starts the preamble
        if n > 0 and RE_AUTHORITY.match(t) and len(t) < 160:
            break  # "ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …", "QUỐC HỘI": the enacting authority
        seen_mixed = seen_mixed or not is_caps(t)
        if any(r.match(t) for r, _ in PREAMBLE_KIND) or RE_ENACTING.search(t) or RE_KEM_THEO.match(t):
            break
        if RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_PART.match(t) or RE_SECTION.match(t):
            break
        if RE_CLAUSE.match(t) or RE_ROMAN_HEAD.match(t) or RE_BULLET.match(t) or RE_RECIPIENTS.match(t):
            break
        if len(t) > (900 if is_caps(t) else 400):
            break
        if not (is_caps(t) or p.bold or p.heading or t[:1].islower() or t.lower().startswith(("về ", "v/v"))
                or (n == 0 and len(t) < 300 and not _ends_sentence(t.rstrip(";,")))):
            break
        i += 1
        n += 1
    return i


# --- body -----------------------------------------------------------------------------------------------------

QUOTE_OPEN = "“\"„«"
RE_QUOTE_CLOSE = re.compile(r"[”\"»]\s*[.;,]?\s*(?:/\.)?\s*$")

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

    # anchors
    def _anchor(self, node: Node, parent: Node | None) -> str | None:
        if node.kind in ("paragraph", "item"):
            return None
        seg = f"{ids.KIND_SLUG[node.kind]}-{ids.num_slug(node.num)}"
        if node.kind == "article" or node.kind in ("part", "chapter"):
            base = seg
        elif node.kind == "section":
            ch = self._nearest("chapter")
            base = f"{ch.anchor}-{seg}" if ch is not None and ch.anchor else seg
        else:
            base = f"{parent.anchor}-{seg}" if parent is not None and parent.anchor else seg
        if self.prefix:
            if not base.startswith(self.prefix + "-"):
                base = f"{self.prefix}-{base}"
        a = base
        k = 2
        while a in self.ctx.used_anchors:
            a = f"{base}-{k}"
            k += 1
        if a != base:
            _warn(self.ctx, "duplicate-anchor", f"{node.label or node.kind} trùng số, neo đổi thành #{a}", node.line)
        self.ctx.used_anchors.add(a)
        return a

    def _nearest(self, kind: str) -> Node | None:
        for _, n in reversed(self.stack):
            if n.kind == kind:
                return n
        return None

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
        if m or (RE_ARTICLE_LOOSE.match(t) and (p.bold or p.heading) and len(t) < 200):
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
        depth_marker = {"-": 0, "–": 0, "—": 0, "•": 0, "·": 0, "●": 0, "#": 0, "+": 1, "○": 1, "▪": 1, "□": 1}.get(marker, 0)
        level = base + depth_marker
        # keep '+' under an open '-' item; a '-' after '+' closes it
        node = Node(kind="item", label=label, text=rest, line=p.line)
        if depth_marker == 1 and not any(n.kind == "item" for _, n in self.stack):
            level = base
        self._push(level, node)


def _structural_kind(t: str) -> bool:
    return bool(RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_SECTION.match(t) or RE_PART.match(t)
                or RE_CLAUSE.match(t) or RE_POINT.match(t))


def _ends_sentence(s: str) -> bool:
    s = s.rstrip("”\"’')*»")
    return bool(s) and s[-1] in ".;!?:"


# --- closing ------------------------------------------------------------------------------------------------

def _parse_closing(paras: list[Para]) -> tuple[list[Signer], list[str], list[str], list[str]]:
    signers: list[Signer] = []
    recipients: list[str] = []
    cc: list[str] = []
    closing: list[str] = []
    mode = None  # None | "recipients" | "cc"
    block: list[str] = []

    def flush_block(name: str | None = None):
        nonlocal block
        if not block and name is None:
            return
        lines = block + ([name] if name else [])
        caps = [b for b in block if is_caps(b) and not re.match(r"^\(?(Đã ký|ĐÃ KÝ)", b)]
        title = None
        on_behalf = None
        if caps:
            # the last capitals line is the signer's position ("PHÓ CHỦ TỊCH") when it names one, or when the
            # block opens with an authority ("T/M …", "KT. …"); the lines above it say on whose behalf
            if POSITION_WORDS.search(caps[-1]) or (len(caps) > 1 and RE_SIGN_AUTH.match(caps[0])
                                                    and not RE_SIGN_AUTH.match(caps[-1])):
                title = caps[-1]
                on_behalf = " ".join(caps[:-1]) or None
            else:
                on_behalf = " ".join(caps)
        signers.append(Signer(name=name, title=title, on_behalf=on_behalf, lines=lines))
        block = []

    for p in paras:
        t = p.text
        rm = RE_RECIPIENTS.match(t)
        if rm:
            if block:
                flush_block()
            head = rm.group(0)
            closing.append(head.strip())
            mode = "cc" if "đồng" in head.lower() or "kính" in head.lower() and "đồng" in head.lower() else "recipients"
            if head.lower().startswith("kính"):
                mode = "recipients"
            rest = t[len(head):].strip()
            if rest:
                parts = [x for x in re.split(r"\s+[-–]\s+|^[-–]\s*", rest) if x.strip()]
                (cc if mode == "cc" else recipients).extend(x.strip().rstrip(",;") for x in parts)
            continue
        if mode and RE_BULLET.match(t):
            (cc if mode == "cc" else recipients).append(_clean_item(t).rstrip(",;"))
            continue
        if mode and not is_caps(t) and not _is_name(t) and len(t) < 200 and not p.gap_before:
            (cc if mode == "cc" else recipients).append(t.rstrip(",;"))
            continue
        mode = None
        lines = p.lines if (is_caps(t) or p.bold) else [t]
        for ln in lines:
            if RE_BULLET.match(ln):
                if block:
                    block.append(ln)
                else:
                    recipients.append(_clean_item(ln).rstrip(",;"))
            elif re.search(r"[\d_]", ln) and not block:
                closing.append(ln)
            elif _is_name(ln):
                flush_block(ln)
            elif is_caps(ln) or re.match(r"^\(?(Đã ký|ĐÃ KÝ|đã ký)", ln) or RE_SIGN_AUTH.match(ln):
                block.append(ln)
            else:
                if block:
                    block.append(ln)
                else:
                    closing.append(ln)
    if block:
        flush_block()
    return signers, recipients, cc, closing


# --- the parse ------------------------------------------------------------------------------------------------

def _is_annex_start(paras: list[Para], i: int, seen_articles: bool, in_closing: bool = False) -> bool:
    p = paras[i]
    t = p.text
    if RE_KEM_THEO.match(t) and len(t) < 400:
        return True
    if RE_ANNEX_HEAD.match(t) and (is_caps(t[:8]) or p.bold or p.heading) and len(t) < 300:
        return True
    ty = _type_of(t)
    if ty and (is_caps(t) or p.bold or p.heading) and seen_articles:
        prev = paras[i - 1].text if i > 0 else ""
        if RE_CHAPTER.fullmatch(prev) or RE_SECTION.match(prev) or RE_PART.match(prev):
            m = RE_CHAPTER.match(prev) or RE_SECTION.match(prev) or RE_PART.match(prev)
            if m and not m.group(m.lastindex).strip():
                return False  # the title of a bare "Chương II" heading
        # a new document heading: followed (within 4 paragraphs) by a "kèm theo" note, or after the closing
        for j in range(i + 1, min(i + 5, len(paras))):
            q = paras[j].text
            if RE_KEM_THEO.match(q):
                return True
            if RE_ARTICLE.match(q) or RE_CLAUSE.match(q):
                break
        return in_closing
    if RE_MOTTO.match(t) and seen_articles:
        return True
    return False


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
    if not paras:
        _warn(ctx, "empty", "văn bản không có nội dung", None, "error")
        return
    n = len(paras)

    # 1. find the type line (title start) within the head of the document
    title_at = None
    limit = min(n, 40)
    for i in range(limit):
        t = paras[i].text
        if RE_ARTICLE.match(t) or RE_CHAPTER.match(t) or RE_PART.match(t) or RE_SECTION.match(t) \
                or any(r.match(t) for r, _ in PREAMBLE_KIND[:2]):
            break
        ty = _type_of(t)
        if ty and (is_caps(ty[1]) and (paras[i].bold or paras[i].heading or len(t) < 200)):
            title_at = i
            break
    if title_at is not None:
        head = paras[:title_at]
        _parse_letterhead(head, doc, ctx)
        ty = _type_of(paras[title_at].text)
        doc.type = ty[0]
        end = _title_span(paras, title_at)
        tl = [p.text for p in paras[title_at:end]]
        doc.title_lines = tl
        sub = " ".join(tl[1:]) if len(tl) > 1 else ""
        if ty[2]:
            sub = (ty[2] + " " + sub).strip()
        if sub:
            doc.title = (ty[1] + " " + sub) if is_caps(sub) else f"{ty[0]} {sub}"
        else:
            doc.title = ty[0]
        i = end
    else:
        # no type line: letterhead is what precedes the first heading-like / preamble paragraph
        i = 0
        hd = []
        while i < n and i < 12:
            p = paras[i]
            t = p.text
            if p.heading or _structural_kind(t) or _preamble_kind(t) != "paragraph":
                break
            if RE_MOTTO.search(t) or (RE_NUMBER.match(t) and len(t) < 80) or \
                    (RE_DATE.search(t) and len(t) < 80 and "," in t):
                hd.append(p)
                i += 1
                continue
            if hd and is_caps(t) and len(t) < 120 and not p.bold:
                hd.append(p)  # issuer lines of a letterhead already started
                i += 1
                continue
            break
        if hd:
            _parse_letterhead(hd, doc, ctx)
        tl = []
        while i < n and len(tl) < 3:
            p = paras[i]
            t = p.text
            if _structural_kind(t) or _preamble_kind(t) != "paragraph" or len(t) > 300 or RE_KEM_THEO.match(t):
                break
            if not (p.heading or p.bold or is_caps(t)) or (tl and p.heading and p.heading <= paras[i - 1].heading
                                                           and not is_caps(t)):
                break
            tl.append(t)
            i += 1
            if p.heading and not is_caps(t):
                break  # a Markdown page title stands alone
        if tl:
            doc.title_lines = tl
            doc.title = " ".join(tl)
        else:
            _warn(ctx, "no-title", "không tìm thấy loại văn bản và trích yếu", paras[i].line if i < n else None)

    # 2. preamble
    body_start = None
    for j in range(i, n):
        t = paras[j].text
        if _structural_kind(t) and not RE_POINT.match(t) or (RE_ROMAN_HEAD.match(t) and (is_caps(t[:40]) or paras[j].bold)):
            body_start = j
            break
    pre_end = body_start if body_start is not None else i
    if body_start is None:
        # no structure at all: preamble is the leading run of căn cứ-like paragraphs
        j = i
        while j < n and (_preamble_kind(paras[j].text) != "paragraph"):
            j += 1
        pre_end = j
    # The preamble is the run of căn cứ / thực hiện / đề nghị / enacting lines (and short lines among them, such as
    # the enacting authority). Prose that no such line follows belongs to the body (press pages, notes).
    kinds = [_preamble_kind(p.text) for p in paras[i:pre_end]]
    keep = 0
    for k, kind in enumerate(kinds):
        if kind != "paragraph" or any(x != "paragraph" for x in kinds[k + 1:k + 3]):
            keep = k + 1
        else:
            break
    for p, kind in zip(paras[i:i + keep], kinds):
        doc.preamble.append(PreambleItem(kind=kind, text=_clean_item(p.text)
                                         if RE_BULLET.match(p.text) else p.text, line=p.line))
    i = i + keep

    # 3. body, closing, annexes
    segments = _split_segments(paras, i, ctx)
    main = segments[0]
    _fill_body(doc, main, ctx, prefix="")
    type_counts: dict[str, int] = {}
    for seg in segments[1:]:
        annex = _build_annex(seg, ctx, type_counts)
        doc.annexes.append(annex)


def _preamble_kind(t: str) -> str:
    s = t.lstrip("-–+• ").strip()
    for r, k in PREAMBLE_KIND:
        if r.search(s):
            return k
    if RE_ENACTING.search(s) and len(s) < 700 or RE_ENACTING_ISSUER.match(s) and len(s) < 700:
        return "enacting"
    return "paragraph"


def _split_segments(paras: list[Para], start: int, ctx: _Ctx) -> list[list[Para]]:
    """Split the rest of the document into the main body and annex segments."""
    segs: list[list[Para]] = [[]]
    seen_articles = False
    i = start
    n = len(paras)
    in_closing = False
    fresh = False  # the current segment is an annex heading with no body yet
    while i < n:
        p = paras[i]
        t = p.text
        if fresh and RE_KEM_THEO.match(t):
            segs[-1].append(p)
            i += 1
            continue
        if (seen_articles or in_closing) and _is_annex_start(paras, i, True, in_closing):
            # include heading lines just before a "kèm theo" note (type line + title) in the new segment
            if RE_KEM_THEO.match(t):
                back = []
                cur = segs[-1]
                while cur and len(back) < 5:
                    q = cur[-1]
                    if (is_caps(q.text) or q.bold or q.heading or q.text[:1].islower()) and not _structural_kind(q.text) \
                            and not RE_SIGN_AUTH.match(q.text) and not _is_name(q.text) and len(q.text) < 400:
                        back.insert(0, cur.pop())
                        if _type_of(q.text) or RE_ANNEX_HEAD.match(q.text):
                            break
                    else:
                        break
                if back and not (_type_of(back[0].text) or RE_ANNEX_HEAD.match(back[0].text)):
                    # not a heading after all: put them back
                    cur.extend(back)
                    back = []
                segs.append(back + [p])
            else:
                # motto / letterhead before an annex heading: start the segment at the letterhead
                segs.append([p])
            seen_articles = False
            in_closing = False
            fresh = True
            i += 1
            continue
        if _structural_kind(t) or len(t) > 300:
            fresh = False
        if RE_ARTICLE.match(t) or RE_CLAUSE.match(t):
            seen_articles = True
        if _is_signature_start(p) or RE_RECIPIENTS.match(t):
            in_closing = True
        segs[-1].append(p)
        i += 1
    # merge segments that hold only letterhead lines into the next one
    out: list[list[Para]] = []
    carry: list[Para] = []
    for s in segs:
        if out and not any(_structural_kind(p.text) or len(p.text) > 200 for p in s) and s is not segs[-1] \
                and all(RE_MOTTO.search(p.text) or is_caps(p.text) or RE_DATE.search(p.text) or RE_NUMBER.match(p.text)
                        for p in s):
            carry.extend(s)
            continue
        out.append(carry + s if carry else s)
        carry = []
    if carry:
        out.append(carry)
    return out


def _split_closing(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """Body paragraphs and closing paragraphs (signature, Nơi nhận) of one segment."""
    for k, p in enumerate(paras):
        if _is_signature_start(p) or RE_RECIPIENTS.match(p.text):
            # everything after must look like closing material; otherwise it is a false alarm
            rest = paras[k:]
            if sum(1 for q in rest if RE_ARTICLE.match(q.text) or RE_CHAPTER.match(q.text)) == 0:
                return paras[:k], rest
    return paras, []


def _fill_body(doc_or_annex, paras: list[Para], ctx: _Ctx, prefix: str):
    body, closing = _split_closing(paras)
    b = _Builder(ctx, prefix)
    for p in body:
        try:
            b.add(p)
        except Exception as e:  # keep the text, say why
            ctx.unplaced.append(Unplaced(text=p.text, line=p.line, reason=f"{e.__class__.__name__}"))
            _warn(ctx, "unplaced", f"không xếp được đoạn văn: {e}", p.line)
    doc_or_annex.body = b.roots
    signers, recipients, cc, other = _parse_closing(closing)
    doc_or_annex.signers = signers
    doc_or_annex.recipients = recipients
    if hasattr(doc_or_annex, "cc"):
        doc_or_annex.cc = cc
    else:
        doc_or_annex.recipients.extend(cc)
    doc_or_annex.closing = other


def _build_annex(seg: list[Para], ctx: _Ctx, type_counts: dict) -> Annex:
    heading: list[str] = []
    note = None
    k = 0
    atype = None
    title_parts: list[str] = []
    kind = "annex"
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
            first_after_head = atype is not None and len(heading) == 1
            if not (is_caps(t) or p.bold or p.heading or RE_MOTTO.search(t) or RE_DATE.search(t) or
                    RE_NUMBER.match(t) or t[:1].islower()
                    or (first_after_head and len(t) < 200 and not _ends_sentence(t))) or len(t) > 400:
                break
        heading.append(t)
        am = RE_ANNEX_HEAD.match(t)
        ty = _type_of(t)
        if am and atype is None:
            atype, kind = "Phụ lục", "appendix"
            if am.group(2):
                title_parts.append(am.group(2) + (" –" if am.group(3) else ""))
            if am.group(3):
                title_parts.append(am.group(3))
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
    if atype is None:
        atype = "Phụ lục" if note is None else "Văn bản kèm theo"
    base = ANNEX_PREFIX.get(atype, "kt")
    type_counts[base] = type_counts.get(base, 0) + 1
    prefix = base if type_counts[base] == 1 and base != "pl" else f"{base}{type_counts[base]}"
    if len(title_parts) > 1 and re.fullmatch(r"[IVXLC]+|\d+[a-z]?|[A-Z]", title_parts[0]):
        title_parts[0] += " –"   # "Phụ lục I – Cách tính, quy đổi giờ chuẩn"
    title = atype + (" " + " ".join(title_parts) if title_parts else "")
    if other_title and not title_parts and kind == "annex" and note is None:
        # no Phụ lục / type heading: name it by its own heading, keep the appendix prefix
        annex = Annex(kind="appendix", type=None, title=other_title, anchor=prefix, heading=heading, note=note,
                      line=seg[0].line if seg else None)
    else:
        annex = Annex(kind=kind, type=atype, title=title.strip(), anchor=prefix, heading=heading, note=note,
                      line=seg[0].line if seg else None)
    rest = seg[k:]
    # an annex may carry its own căn cứ lines
    j = 0
    while j < len(rest) and _preamble_kind(rest[j].text) in ("basis", "implementing", "proposal", "enacting") \
            and not _structural_kind(rest[j].text):
        annex.preamble.append(PreambleItem(kind=_preamble_kind(rest[j].text), text=_clean_item(rest[j].text)
                                           if RE_BULLET.match(rest[j].text) else rest[j].text, line=rest[j].line))
        j += 1
    _fill_body(annex, rest[j:], ctx, prefix=prefix)
    return annex


# --- metadata ------------------------------------------------------------------------------------------------

def _apply_meta(doc: Document, meta: dict):
    """Sidecar facts fill what the text does not carry; they never override what the text says."""
    for key in ("number", "date", "place", "locality", "level", "type", "title"):
        v = meta.get(key)
        if v and not getattr(doc, key):
            setattr(doc, key, v)
            doc.metadata.setdefault("from_sidecar", []).append(key)
    if meta.get("issuers") and not doc.issuers:
        doc.issuers = [Issuer(**i) if isinstance(i, dict) else Issuer(name=str(i)) for i in meta["issuers"]]
        doc.metadata.setdefault("from_sidecar", []).append("issuers")
    for k in ("id", "notes", "source_note", "topics"):
        if k in meta:
            doc.metadata[k] = meta[k]


def _derive(doc: Document):
    names = " ".join([i.name for i in doc.issuers] + [i.parent or "" for i in doc.issuers])
    num = doc.number or ""
    if not doc.level:
        if LEVEL_CENTRAL.search(names) or (num and CENTRAL_CODES.search(num) and not re.search(r"/(QĐ-|NQ-|CT-|KH-)?(UBND|HĐND|TU|HU|ĐU|BDVTU)", num)):
            doc.level = "central"
        elif re.search(r"\b(TỈNH|THÀNH PHỐ|TỈNH ỦY|THÀNH ỦY)\b", names) or re.search(r"/(TU|BDVTU|[A-Z]*TU)\b", num):
            doc.level = "province"
        elif re.search(r"\b(HUYỆN|QUẬN|THỊ XÃ|HUYỆN ỦY|QUẬN ỦY|THỊ ỦY)\b", names) or re.search(r"/HU\b", num):
            doc.level = "district"
        elif re.search(r"\b(XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b", names):
            doc.level = "commune"
    if not doc.level and doc.type in CENTRAL_ONLY_TYPES:
        doc.level = "central"  # only central bodies issue laws, decrees and circulars
    if not doc.locality and doc.level in ("province", "district", "commune"):
        for iss in doc.issuers:
            m = RE_LOCALITY.search(iss.name) or (iss.parent and RE_LOCALITY.search(iss.parent))
            if m:
                doc.locality = m.group(1).strip().title()
                break
        if not doc.locality and doc.place and doc.level == "province":
            doc.locality = doc.place
    if not doc.type and doc.number:
        m = re.search(r"[/-](QĐ|NQ|TT|NĐ|CT|KH|HD|HĐ|QC|QCPH|KL|TB|CTr|QĐi|L|PL)(?=-|/|$)", doc.number)
        if m and m.group(1) in TYPE_CODES:
            doc.type = TYPE_CODES[m.group(1)]
            doc.metadata["type_from_number"] = True
    if not doc.title:
        doc.title = doc.type or "Văn bản chưa rõ tên"
