"""Closing matter: the adoption formula, signatures, Nơi nhận / Đồng kính gửi, other closing lines.

Rules:
  C1  The closing starts at the first signature block or "Nơi nhận" / "Đồng kính gửi" label after which no
      article or chapter heading follows. "Kính gửi" is the addressee line of a letter or a form, near its top:
      it never starts the closing, and inside a closing it is closing text, not a recipients label.
  C2  A recipients list needs no label: a run of "-" lines just above the signature whose last line is
      "- Lưu …" is the recipients list, and "-" lines after a signature block are recipients.
  C3  A "-" alone on its line (the converter split it from its text) leaves the text unbulleted: inside a
      recipients list a short line that ends like a list item (";", ",", ".", ":") is still a recipient, and the
      line after "- Lưu:" continues it.
  C4  A list flattened on one line ("- Ban Bí thư Trung ương Đảng; - Thủ tướng …; - Lưu: VT.") is one
      recipient per item; at the end of a text with no signature it is still the recipients list.
  C5  Typist and copy-count codes ("MinhHồng/QĐ/20.11.2025", "Manhpn/11/25", "Huy (23 bản)", "TTĐT (3b)",
      "HP_VP11_QĐ") end the list: they are closing text, not recipients.
  C6  Form matter — placeholders ("……", "....(1)....", "___"), signature instructions ("(Ký, ghi rõ họ tên)",
      "(ký tên, đóng dấu)"), form signature labels ("Người làm đơn") — is never a recipient nor a signer line:
      it is closing text. An annex whose closing holds such matter is a model: its closing stays in its body.
  C7  A short capitals line followed by a signer's name (after at most one "(Đã ký)") is a signature block,
      whatever its position words ("CHỦ TỊCH QUỐC HỘI" / "(Đã ký)" / "Trần Thanh Mẫn").
  C8  A signer's position may wrap ("TỔNG KIỂM TOÁN NHÀ" / "NƯỚC") and may stand alone ("CHỦ TỊCH QUỐC HỘI").
  C9  A signer's name split over two lines ("Ngô" / "Văn Tuấn") is one name; a rank may stand before it
      ("Thượng tướng Võ Minh Lương").
  C11 A signature block glued on one line by the converter ("TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ
      Đức Phớc") is read part by part; its line stays as written.
  C10 "Nghị quyết (Luật, Pháp lệnh) này (đã) được … thông qua ngày …", among the last paragraphs of the main
      text and after its last heading, is the adoption formula (Document.adoption), not text of the last article.
"""
from __future__ import annotations

import re

from ..model import Signer
from ..normalize import Para, RE_ARTICLE, RE_BULLET, RE_CHAPTER, RE_SIGN_AUTH, is_caps
from .common import _clean_item, _is_name, _is_signature_start, _structural_kind
from .patterns import POSITION_WORDS, RE_DATE, RE_SIGNED

EXAMPLES: dict[str, dict] = {}

# C1: the labels that open a closing (not "Kính gửi")
RE_CLOSING_LABEL = re.compile(r"^(Nơi\s+nhận|NƠI\s+NHẬN|Đồng\s+kính\s+gửi|ĐỒNG\s+KÍNH\s+GỬI)\s*:?", re.S)
EXAMPLES["RE_CLOSING_LABEL"] = {"match": ["Nơi nhận:", "NƠI NHẬN", "Đồng kính gửi:", "Nơi nhận: - Như Điều 3;"],
                                "no_match": ["Kính gửi: Ủy ban nhân dân xã", "Nơi làm việc"], "use": "match"}
RE_KINH_GUI = re.compile(r"^(Kính\s+gửi|KÍNH\s+GỬI)\s*:?")
EXAMPLES["RE_KINH_GUI"] = {"match": ["Kính gửi: ....(1)....", "KÍNH GỬI:"], "no_match": ["Đồng kính gửi:"],
                           "use": "match"}
# C2: the archive line that ends a recipients list
RE_LUU = re.compile(r"^[-–+•]?\s*(?:Lưu|LƯU)(?:\s*:|\s*\.?\s*$|\s+(?:VT|Văn\s+thư|văn\s+thư|Văn\s+phòng|VP|[A-ZĐ]{2,})\b)")
EXAMPLES["RE_LUU"] = {"match": ["- Lưu: VT, NC.", "- Lưu VT", "Lưu: VT, Vụ TCCB.", "- Lưu Văn phòng Tỉnh ủy.",
                                "- Lưu HCTĐKT.", "- Lưu."],
                      "no_match": ["- Lưu ý cho bên thuê", "- Lưu trữ hồ sơ theo quy định"], "use": "match"}
# C4: the separator of recipients flattened on one line: "…; - Thủ tướng…; - Lưu: VT."
RE_ITEM_SEP = re.compile(r"(?<=[;,.])\s+[-–]\s+(?=\S)")
EXAMPLES["RE_ITEM_SEP"] = {"match": ["Ban Bí thư; - Thủ tướng", "Các bộ, - Lưu: VT."],
                           "no_match": ["Cục Kiểm tra văn bản - Bộ Tư pháp;", "Ban Bí thư;- Thủ tướng"]}
# recipients written after the label on its line: "Nơi nhận: - Như Điều 3; - Lưu: VT."
RE_LABEL_SPLIT = re.compile(r"\s+[-–]\s+|^[-–]\s*")
EXAMPLES["RE_LABEL_SPLIT"] = {"match": ["- Như Điều 3", "Như Điều 3; - Lưu"], "no_match": ["Như Điều 3;"]}
# a digit or "_" in a closing line outside a signature block: a code or a date, closing text
RE_CODE_CHAR = re.compile(r"[\d_]")
EXAMPLES["RE_CODE_CHAR"] = {"match": ["HP_VP11_QĐ", "Lưu 2"], "no_match": ["Như trên"]}
# C5: typist and copy-count codes
RE_TYPIST = re.compile(
    r"^(?:[\wÀ-ỹ.]+(?:/[\wÀ-ỹ.]+){1,3}"                 # name/type/date: "MinhHồng/QĐ/20.11.2025", "Manhpn/11/25"
    r"|[\wÀ-ỹ]+(?:_[\wÀ-ỹ]+)+"                          # "HP_VP11_QĐ"
    r"|[\wÀ-ỹ][\wÀ-ỹ. ]{0,24}\(\s*\d{1,3}\s*(?:b|B|bản|BẢN)\s*\))\.?$")  # "Huy (23 bản)", "TTĐT (3b)"
EXAMPLES["RE_TYPIST"] = {"match": ["MinhHồng/QĐ/20.11.2025", "Manhpn/11/25", "Huy (23 bản)", "TTĐT (3b)",
                                   "HP_VP11_QĐ"],
                         "no_match": ["Lưu: VT, BTNN (3b).", "Các sở, ban, ngành tỉnh;", "Như Điều 3;",
                                      "UBND các xã, phường"], "use": "match"}
# C6: form matter
RE_SIGN_BLANK = re.compile(
    r"\(\s*(?:(?:[Kk]ý|KÝ)(?!\s+hiệu)|[Cc]hữ\s+ký|[Hh]ọ\s+(?:và\s+)?tên|[Gg]hi\s+rõ|[Đđ]óng\s+dấu)"   # "(Ký, ghi rõ họ tên)"
    r"|^(?:NGƯỜI|Người)\s+(?:LÀM\s+ĐƠN|làm\s+đơn|KHAI|khai|ĐỀ\s+NGHỊ|đề\s+nghị|VIẾT\s+ĐƠN|viết\s+đơn)\b")
EXAMPLES["RE_SIGN_BLANK"] = {"match": ["(Ký, ghi rõ họ tên)", "(ký tên, đóng dấu)", "(Họ tên, chữ ký)",
                                       "NGƯỜI LÀM ĐƠN", "Người làm đơn"],
                             "no_match": ["(Đã ký)", "Nguyễn Văn A", "PHÓ CHỦ TỊCH", "(ký hiệu)"]}
RE_PLACEHOLDER = re.compile(r"…{2,}|\.{4,}|_{3,}|…\s*\(\d{1,2}\)|\.\s*\(\d{1,2}\)\s*\.")
EXAMPLES["RE_PLACEHOLDER"] = {"match": ["Kính gửi: ..........", "…………(1)…………", "Họ và tên: ____",
                                        ".....(02)......"],
                              "no_match": ["Lưu: VT, NC.", "Như Điều 3;", "Lưu: VT, QHQT(2b)."]}
# C10: the adoption formula
RE_ADOPTION = re.compile(
    r"^[*_\s]*(?:Nghị\s+quyết(?:\s+liên\s+tịch)?|Bộ\s+luật|Luật|Pháp\s+lệnh)\s+này\s+(?:đã\s+)?được\s+"
    r"(?!sửa\s+đổi|bổ\s+sung|thay\s+thế|hướng\s+dẫn|quy\s+định|áp\s+dụng|thực\s+hiện)"
    r".{3,300}?\bthông\s+qua\b", re.S)
EXAMPLES["RE_ADOPTION"] = {
    "match": ["Nghị quyết này đã được Hội đồng nhân dân tỉnh X khóa X, kỳ họp thứ 9 thông qua ngày 9 tháng 12 "
              "năm 2025 và có hiệu lực từ ngày 1 tháng 1 năm 2026.",
              "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 9 thông qua ngày "
              "24 tháng 6 năm 2025."],
    "no_match": ["Nghị quyết này được sửa đổi, bổ sung hoặc thay thế khi Hội đồng nhân dân thông qua nghị quyết khác.",
                 "Quy chế này có hiệu lực kể từ ngày ký."],
    "use": "match"}
# C8: a signer line that opens with a position is a position ("CHỦ TỊCH QUỐC HỘI"), not an issuing body
RE_POSITION_HEAD = re.compile(r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TỔNG\s+BÍ\s+THƯ|BÍ\s+THƯ|TRƯỞNG\s+BAN|"
                              r"GIÁM\s+ĐỐC|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|TỔNG\s+KIỂM\s+TOÁN|CHỦ\s+NHIỆM|TỔNG\s+THƯ\s+KÝ)\b")
EXAMPLES["RE_POSITION_HEAD"] = {"match": ["CHỦ TỊCH QUỐC HỘI", "PHÓ CHỦ TỊCH", "TỔNG KIỂM TOÁN NHÀ NƯỚC"],
                                "no_match": ["BAN CÁN SỰ ĐẢNG ỦY BAN NHÂN DÂN TỈNH", "TM. ỦY BAN NHÂN DÂN"],
                                "use": "match"}


def _is_form_matter(t: str) -> bool:
    """C6: a placeholder line or a signature instruction ("(Ký, ghi rõ họ tên)", "………(1)………")."""
    return bool(RE_SIGN_BLANK.search(t) or RE_PLACEHOLDER.search(t))


def _is_blank_closing(paras: list[Para]) -> bool:
    """C6: the closing of a model (a form, a model decision): its signature place is a blank to fill in."""
    return any(_is_form_matter(ln) for p in paras for ln in (p.lines or [p.text]))


# C11: where a converter glued the lines of a signature block: before "KT." / "TM." / a position / "(Đã ký)"
# that follows a capital letter, and before the name that follows ")" or a capital
RE_SIGN_GLUE = re.compile(r"(?<=[A-ZÀ-ỸĐ])(?=(?:KT\.|TM\.|K/T|T/M|Q\.|PHÓ\s|CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|"
                          r"BÍ\s+THƯ|TRƯỞNG\s+BAN|GIÁM\s+ĐỐC)|\(\s*Đã\s+ký)"
                          r"|(?<=\))(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])|(?<=[A-ZÀ-ỸĐ]{2})(?=[A-ZÀ-ỸĐ][a-zà-ỹđ]+\s[A-ZÀ-ỸĐ][a-zà-ỹđ])")
EXAMPLES["RE_SIGN_GLUE"] = {"match": ["CHÍNH PHỦKT. THỦ TƯỚNG", "THỦ TƯỚNGPHÓ THỦ TƯỚNG", "TƯỚNG(Đã ký)",
                                      "(Đã ký)Hồ Đức Phớc"],
                            "no_match": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]}
# C9: a military rank before the name: "Thượng tướng Võ Minh Lương", "Đại tá Nguyễn Văn A"
RE_RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+(?=\S)")
EXAMPLES["RE_RANK"] = {"match": ["Thượng tướng Võ Minh Lương", "Đại tướng Nguyễn Tân Cương", "Thiếu tá Lê A"],
                       "no_match": ["Trung tâm Thông tin", "Đại biểu Quốc hội"], "use": "match"}


def _is_signer_name(t: str) -> bool:
    m = RE_RANK.match(t)
    return _is_name(t[m.end():] if m else t)


def _join_split_names(lines: list[str]) -> list[str]:
    """C9: ["Ngô", "Văn Tuấn"] -> ["Ngô Văn Tuấn"]: one capitalised word alone, and a name with the next line."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        a = lines[i]
        if i + 1 < len(lines) and len(a.split()) == 1 and a[:1].isupper() and not is_caps(a) \
                and _is_signer_name(a + " " + lines[i + 1]) and not _is_signer_name(a):
            out.append(a + " " + lines[i + 1])
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _parse_closing(paras: list[Para]) -> tuple[list[Signer], list[str], list[str], list[str]]:
    signers: list[Signer] = []
    recipients: list[str] = []
    cc: list[str] = []
    closing: list[str] = []
    mode = None  # None | "recipients" | "cc"
    block: list[str] = []

    def flush_block(name: str | None = None, as_written: list[str] | None = None):
        nonlocal block
        if not block and name is None:
            return
        lines = as_written or block + ([name] if name else [])
        caps = [b for b in block if is_caps(b) and not RE_SIGNED.match(b)]
        title = None
        on_behalf = None
        if len(caps) > 1 and not POSITION_WORDS.search(caps[-1]) and POSITION_WORDS.search(" ".join(caps[-2:])) \
                and not RE_SIGN_AUTH.match(caps[-1]):
            caps = caps[:-2] + [" ".join(caps[-2:])]   # C8: "TỔNG KIỂM TOÁN NHÀ" / "NƯỚC": one position, wrapped
        if len(caps) == 1 and RE_SIGN_AUTH.match(caps[0]):
            on_behalf = caps[0]          # "T/M BAN BÍ THƯ" alone: on whose behalf, no position line
        elif len(caps) == 1 and RE_POSITION_HEAD.match(caps[0]):
            title = caps[0]              # C8: "CHỦ TỊCH QUỐC HỘI": a position, whatever follows it
        elif caps:
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

    open_item = False   # the last recipient line ended with "," or ":": the next line may continue it

    def add(item: str):
        nonlocal open_item
        (cc if mode == "cc" else recipients).append(item.rstrip(",;"))
        open_item = item.rstrip().endswith((",", ":"))

    for p in paras:
        t = p.text
        rm = RE_CLOSING_LABEL.match(t)
        if rm:
            if block:
                flush_block()
            head = rm.group(0)
            closing.append(head.strip())
            mode = "cc" if "đồng" in head.lower() else "recipients"
            rest = t[len(head):].strip()
            if rest:
                parts = [x for x in RE_LABEL_SPLIT.split(rest) if x.strip()]
                for x in parts:
                    x = x.strip()
                    if RE_TYPIST.match(x) or _is_form_matter(x):
                        closing.append(x)
                    else:
                        add(x)
            continue
        if RE_KINH_GUI.match(t):          # C1: a letter's or a form's addressee line, not a recipients label
            closing.append(t)
            mode = None
            continue
        lst = cc if mode == "cc" else recipients
        if mode and lst and not RE_BULLET.match(t) and open_item and len(t) < 200 \
                and not _is_signature_start(p) and not _is_signer_name(t) and not RE_TYPIST.match(t):
            lst[-1] = lst[-1] + " " + t.rstrip(",;")                   # C3: "- Lưu:" / "VT, Vụ TCCB."
            open_item = t.rstrip().endswith((",", ":"))
            continue
        if mode and (RE_BULLET.match(t) or not (is_caps(t) or _is_signer_name(t) or len(t) >= 200)):
            items = _items(t) if RE_BULLET.match(t) else [t]             # C4
            if RE_TYPIST.match(items[0]) or _is_form_matter(items[0]):    # C5, C6
                closing.append(t)
                mode = None
                continue
            if RE_BULLET.match(t) or not p.gap_before or t.rstrip()[-1:] in ";,.:":
                for item in items:                                     # C3: "-" / "Như Điều 3;"
                    if RE_TYPIST.match(item) or _is_form_matter(item):
                        closing.append(item)
                    else:
                        add(item)
                continue
        mode = None
        lines = p.lines if (is_caps(t) or p.bold) else [t]
        for ln in _join_split_names(lines):
            parts = RE_SIGN_GLUE.split(ln) if RE_SIGN_AUTH.match(ln) else [ln]
            if len(parts) > 2 and _is_signer_name(parts[-1]):
                # C11: "TM. CHÍNH PHỦKT. THỦ TƯỚNGPHÓ THỦ TƯỚNG(Đã ký)Hồ Đức Phớc", glued by the converter: its parts
                # make the signer; the line stays as written
                if block:
                    flush_block()
                block = parts[:-1]
                flush_block(parts[-1], as_written=[ln])
                continue
            if RE_BULLET.match(ln):
                if block:
                    flush_block()                                      # C2: "-" lines after a signature block
                for item in _items(ln):                                # C4
                    if RE_TYPIST.match(item) or _is_form_matter(item):
                        closing.append(item)
                    else:
                        mode = "recipients"
                        add(item)
            elif RE_TYPIST.match(ln) or _is_form_matter(ln):          # C5, C6
                closing.append(ln)
            elif RE_CODE_CHAR.search(ln) and not block:
                closing.append(ln)
            elif _is_signer_name(ln):
                flush_block(ln)
            elif is_caps(ln) or RE_SIGNED.match(ln) or RE_SIGN_AUTH.match(ln):
                block.append(ln)
            else:
                if block:
                    block.append(ln)
                else:
                    closing.append(ln)
    if block:
        flush_block()
    return signers, recipients, cc, closing


def _signed_caps_block(paras: list[Para], k: int) -> bool:
    """C7: a short capitals line whose signer's name follows, after at most one "(Đã ký)" line ("CHỦ TỊCH QUỐC HỘI"
    / "(Đã ký)" / "Trần Thanh Mẫn"): a signature block, whatever its position words."""
    p = paras[k]
    t = p.text
    lines = _join_split_names(p.lines or [t])
    if len(lines) > 1 and is_caps(lines[0]) and _is_signer_name(lines[-1]) and len(t.split()) <= 16 \
            and all(is_caps(x) or RE_SIGNED.match(x) for x in lines[:-1]):
        return True   # one paragraph: "TỔNG KIỂM TOÁN NHÀ" / "NƯỚC" / "Ngô" / "Văn Tâm"
    if not (is_caps(t) and len(t.split()) <= 10 and not _structural_kind(t) and not RE_DATE.search(t)):
        return False
    nxt = [q.text for q in paras[k + 1:k + 3]]
    if nxt and RE_SIGNED.match(nxt[0]):
        nxt = nxt[1:]
    return bool(nxt) and _is_signer_name(nxt[0])


def _split_closing(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """Body paragraphs and closing paragraphs (signature, Nơi nhận) of one segment (C1, C2, C7)."""
    for k, p in enumerate(paras):
        if _is_signature_start(p) or RE_CLOSING_LABEL.match(p.text) or _signed_caps_block(paras, k):
            # everything after must look like closing material; otherwise it is a false alarm
            rest = paras[k:]
            if sum(1 for q in rest if RE_ARTICLE.match(q.text) or RE_CHAPTER.match(q.text)) == 0:
                if not RE_CLOSING_LABEL.match(p.text):
                    # C2: an unlabelled recipients list just above the signature, ending with "- Lưu …"
                    j = k
                    while j > 0 and RE_BULLET.match(paras[j - 1].text) \
                            and (len(paras[j - 1].text) < 200 or len(_items(paras[j - 1].text)) > 2):
                        j -= 1
                    if j < k and _ends_with_luu(paras[k - 1].text):
                        k = j
                return paras[:k], paras[k:]
    # C2: no signature (a converter dropped its column), but the text ends with a "-" list whose last item is "Lưu …"
    j = len(paras)
    while j > 0 and RE_BULLET.match(paras[j - 1].text):
        j -= 1
    if j < len(paras) and _ends_with_luu(paras[-1].text):
        return paras[:j], paras[j:]
    return paras, []


def _items(t: str) -> list[str]:
    """C4: "- A; - B; - Lưu: VT." (a list flattened on one line by the converter) -> ["A;", "B;", "Lưu: VT."]."""
    return [x for x in RE_ITEM_SEP.split(_clean_item(t)) if x.strip()]


def _ends_with_luu(t: str) -> bool:
    items = _items(t)
    return bool(items) and bool(RE_LUU.match(items[-1].strip()))


def _split_adoption(paras: list[Para]) -> tuple[list[Para], dict | None]:
    """C10: the adoption formula among the last three paragraphs of the main text, after its last heading."""
    for k in range(len(paras) - 1, max(-1, len(paras) - 4), -1):
        p = paras[k]
        if _structural_kind(p.text) and not RE_ADOPTION.match(p.text):
            break
        if RE_ADOPTION.match(p.text) and len(p.text) < 600:
            tail = p.text[RE_ADOPTION.match(p.text).end():]
            d = RE_DATE.search(tail)
            date = None
            if d and d.group("d").isdigit() and d.group("m").isdigit() and d.group("y").isdigit():
                date = f"{int(d.group('y')):04d}-{int(d.group('m')):02d}-{int(d.group('d')):02d}"
            return paras[:k] + paras[k + 1:], {"text": p.text, "date": date, "line": p.line}
    return paras, None
