"""Robust decoding of Vietnamese regulation text files.

``decode_bytes`` turns raw file bytes into NFC-normalised text with ``\\n``
line endings.  It never raises: problems are reported through
``Decoded.error`` (file unusable) or ``Decoded.warnings`` (file repaired).

Handled inputs
--------------
* UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, BOM-less UTF-16
  (recognised by the NUL-byte pattern of ASCII characters).
* Legacy Vietnamese 8-bit encodings, detected by scoring how many words of
  each candidate decoding are well-formed Vietnamese syllables:
    - Windows-1258 (``cp1258``; tone marks are combining characters),
    - TCVN3 / ABC (TCVN 5712:1993 "VN3", the ``.VnTime`` fonts),
    - VNI (VNI-Windows, the ``VNI-Times`` fonts; base letter + modifier byte).
* Text that is valid UTF-8 but is really mojibake:
    - legacy TCVN3 / VNI / cp1258 bytes that were decoded as Latin-1 or
      Windows-1252 and saved again as UTF-8 ("Uû ban nh©n d©n"),
    - UTF-8 that was decoded as Windows-1252 and saved again as UTF-8
      ("á»§y" for "ủy").
* Binary files (magic numbers, NUL bytes, control characters) and empty
  files are rejected with an explanatory error.

``encode_legacy`` / ``decode_legacy`` expose the legacy codecs themselves
(mostly so that the tests can round-trip text).

Only the standard library is used; the TCVN3 and VNI tables below were
written for this module from the published code charts.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Decoded", "decode_bytes", "encode_legacy", "decode_legacy", "LEGACY_ENCODINGS"]


@dataclass
class Decoded:
    text: str | None  # NFC-normalised text, None when unreadable
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "tcvn3", "vni", "cp1258", ...
    warnings: list[str] = field(default_factory=list)  # human-readable notes on repairs
    error: str | None = None  # why the file cannot be read (text is None then)


LEGACY_ENCODINGS = ("tcvn3", "vni", "cp1258")

_LEGACY_NAMES = {
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
    "cp1258": "Windows-1258",
}

# ---------------------------------------------------------------------------
# Single-byte base tables
# ---------------------------------------------------------------------------


def _lenient_table(codec: str) -> str:
    """256-char decoding table of ``codec``; undefined bytes map to Latin-1."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


# Windows-1252 where defined, Latin-1 (C1 controls) for the 5 undefined bytes.
# Legacy-font documents were displayed through this code page, so it is also
# the "carrier" for the non-letter positions of TCVN3 and VNI.
_CP1252_TABLE = _lenient_table("cp1252")
# Reverse map that also accepts C1 controls, i.e. text that went through
# Latin-1 rather than Windows-1252.
_CP1252_ENCODE: dict[int, int] = {ord(ch): b for b, ch in enumerate(_CP1252_TABLE)}
for _b in range(0x80, 0xA0):
    _CP1252_ENCODE.setdefault(_b, _b)
_CP1258_TABLE = _lenient_table("cp1258")

# ---------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993, table VN3 -- the "ABC" / .VnTime encoding)
# ---------------------------------------------------------------------------
# VN3 only has lowercase toned vowels.  Uppercase exists only for the seven
# base letters Ă Â Ê Ô Ơ Ư Đ; uppercase toned letters were produced by
# switching to an uppercase font (.VnTimeH) that draws the lowercase codes as
# capitals, so such text necessarily decodes to lowercase.  Bytes that the
# table does not assign keep their Windows-1252 meaning.
_TCVN3_MAP: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    # a: grave, hook, tilde, acute, dot
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    # ă
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    # â
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    # e
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    # ê
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    # i
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    # o
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    # ô
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    # ơ
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    # u
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    # ư
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    # y
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_TCVN3_TABLE = "".join(_TCVN3_MAP.get(b, _CP1252_TABLE[b]) for b in range(256))
_TCVN3_ENCODE = {ch: bytes([b]) for b, ch in _TCVN3_MAP.items()}

# ---------------------------------------------------------------------------
# VNI (VNI-Windows): ASCII base letter followed by a modifier byte
# ---------------------------------------------------------------------------
# Modifier bytes for lowercase letters; the uppercase variant of every byte
# below is the same value minus 0x20 (e.g. 0xF9 "ù" -> 0xD9 "Ù").
_TONES = ("acute", "grave", "hook", "tilde", "dot")
_VNI_TONE = {"acute": 0xF9, "grave": 0xF8, "hook": 0xFB, "tilde": 0xF5, "dot": 0xEF}
# circumflex (â ê ô): plain + five tones
_VNI_CIRC = {None: 0xE2, "acute": 0xE1, "grave": 0xE0, "hook": 0xE5, "tilde": 0xE3, "dot": 0xE4}
# breve (ă): plain + five tones
_VNI_BREVE = {None: 0xEA, "acute": 0xE9, "grave": 0xE8, "hook": 0xFA, "tilde": 0xFC, "dot": 0xEB}
# Letters that VNI stores as one byte.
_VNI_SINGLE_LOWER = {
    "ơ": 0xF4, "ư": 0xF6, "đ": 0xF1,
    "í": 0xED, "ì": 0xEC, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2,
    "ỵ": 0xEE,
}

_COMBINING_TONE = {
    "acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323",
}


def _compose(base: str, tone: str | None) -> str:
    return unicodedata.normalize("NFC", base + (_COMBINING_TONE[tone] if tone else ""))


def _build_vni() -> tuple[dict[str, str], dict[str, bytes]]:
    """Return (decode map: latin-1 string -> letter, encode map: letter -> bytes)."""
    enc: dict[str, bytes] = {}
    for letter, byte in _VNI_SINGLE_LOWER.items():
        enc[letter] = bytes([byte])
    for base in "aeouy":
        for tone in _TONES:
            ch = _compose(base, tone)
            if ch not in enc:  # ỵ is a single byte
                enc[ch] = base.encode() + bytes([_VNI_TONE[tone]])
    for base in ("ơ", "ư"):
        for tone in _TONES:
            enc[_compose(base, tone)] = enc[base] + bytes([_VNI_TONE[tone]])
    for base, circ in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for tone, byte in _VNI_CIRC.items():
            enc[_compose(circ, tone)] = base.encode() + bytes([byte])
    for tone, byte in _VNI_BREVE.items():
        enc[_compose("ă", tone)] = b"a" + bytes([byte])
    # uppercase: ASCII base upper-cased, high bytes minus 0x20
    for ch, raw in list(enc.items()):
        up = ch.upper()
        enc[up] = bytes(b - 0x20 if b >= 0xC0 else (b & ~0x20 if 0x61 <= b <= 0x7A else b) for b in raw)

    dec: dict[str, str] = {}
    for ch, raw in enc.items():
        dec[raw.decode("latin-1")] = ch
    # Lenient decoding: accept a modifier of either case after a base letter
    # (the letter case comes from the base), and "y" + dot-below for ỵ.
    for raw_str, ch in list(dec.items()):
        if len(raw_str) == 2:
            base, mod = raw_str
            for m in (mod.lower(), mod.upper()):
                dec.setdefault(base + m, ch)
    dec.setdefault("y\u00ef", "ỵ")
    dec.setdefault("Y\u00cf", "Ỵ")
    dec.setdefault("y\u00cf", "ỵ")
    dec.setdefault("Y\u00ef", "Ỵ")
    return dec, enc


_VNI_DECODE, _VNI_ENCODE = _build_vni()
_VNI_SINGLES = "".join(sorted(k for k in _VNI_DECODE if len(k) == 1))
_VNI_BASES = "".join(sorted({k[0] for k in _VNI_DECODE if len(k) == 2}))
_VNI_MODS = "".join(sorted({k[1] for k in _VNI_DECODE if len(k) == 2}))
# One simple pattern (fast to scan): any base followed by any modifier, or a
# single-byte letter.  Base/modifier combinations that are not letters decode
# to the base (ơ/ư for ô/ö) followed by the modifier unchanged.
for _base in _VNI_BASES:
    for _mod in _VNI_MODS:
        _VNI_DECODE.setdefault(_base + _mod, _VNI_DECODE.get(_base, _base) + _mod)
_VNI_RE = re.compile(f"([{re.escape(_VNI_BASES)}][{re.escape(_VNI_MODS)}]|[{re.escape(_VNI_SINGLES)}])")


def _decode_vni(text: str) -> str:
    # split() with a capturing group alternates plain text and matches
    parts = _VNI_RE.split(text)
    table = _VNI_DECODE
    parts[1::2] = [table[p] for p in parts[1::2]]
    return "".join(parts)


# ---------------------------------------------------------------------------
# Public legacy codec helpers
# ---------------------------------------------------------------------------


def decode_legacy(data: bytes, encoding: str) -> str:
    """Decode ``data`` from a legacy Vietnamese encoding to NFC text.

    Bytes that the legacy encoding leaves unassigned keep their Windows-1252
    meaning.  Never raises for valid ``encoding`` names.
    """
    if encoding == "tcvn3":
        text = codecs.charmap_decode(data, "strict", _TCVN3_TABLE)[0]
    elif encoding == "vni":
        text = _decode_vni(codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0])
    elif encoding == "cp1258":
        text = codecs.charmap_decode(data, "strict", _CP1258_TABLE)[0]
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", text)


# Windows-1252 characters at 0x80-0xA0, unassigned in both TCVN3 and VNI.
_PUNCT_ENCODE = {_CP1252_TABLE[b]: bytes([b]) for b in range(0x80, 0xA1) if _CP1252_TABLE[b] != chr(b) or b == 0xA0}

_CP1258_TONE_CHARS = "".join(_COMBINING_TONE.values())


def encode_legacy(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Encode Vietnamese ``text`` as ``tcvn3``, ``vni`` or ``cp1258`` bytes.

    ASCII passes through unchanged, and so does Windows-1252 punctuation in
    the 0x80-0xA0 range that TCVN3 and VNI leave unassigned (“ ” – … and the
    like).  With ``errors="strict"`` a character the
    encoding cannot represent raises ``UnicodeEncodeError`` (notably the
    uppercase toned vowels, which TCVN3 does not have); ``errors="replace"``
    writes ``?`` instead.
    """
    if errors not in ("strict", "replace"):
        raise ValueError("errors must be 'strict' or 'replace'")
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for i, ch in enumerate(text):
        if ch < "\x80":
            out += ch.encode("ascii")
            continue
        raw: bytes | None
        if encoding == "tcvn3":
            raw = _TCVN3_ENCODE.get(ch) or _PUNCT_ENCODE.get(ch)
        elif encoding == "vni":
            raw = _VNI_ENCODE.get(ch) or _PUNCT_ENCODE.get(ch)
        elif encoding == "cp1258":
            raw = _encode_cp1258_char(ch)
        else:
            raise ValueError(f"unknown legacy encoding {encoding!r}")
        if raw is None:
            if errors == "replace":
                out += b"?"
                continue
            raise UnicodeEncodeError(encoding, text, i, i + 1, "character not representable")
        out += raw
    return bytes(out)


def _encode_cp1258_char(ch: str) -> bytes | None:
    """Windows-1258 convention: base letter (possibly with circumflex, breve or
    horn, which cp1258 has precomposed) followed by a combining tone mark."""
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        pass
    nfd = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in nfd if c not in _CP1258_TONE_CHARS)
    tones = "".join(c for c in nfd if c in _CP1258_TONE_CHARS)
    try:
        return unicodedata.normalize("NFC", base).encode("cp1258") + tones.encode("cp1258")
    except UnicodeEncodeError:
        return None


# ---------------------------------------------------------------------------
# Vietnamese syllable plausibility (used to score candidate decodings)
# ---------------------------------------------------------------------------

_TONE_OF_MARK = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_VOWEL_INFO: dict[str, tuple[str, int]] = {}
for _v in "aăâeêioôơuưy":
    _VOWEL_INFO[_v] = (_v, 0)
    for _mark, _tone in _TONE_OF_MARK.items():
        _VOWEL_INFO[unicodedata.normalize("NFC", _v + _mark)] = (_v, _tone)
_CONSONANTS = frozenset("bcdđghklmnpqrstvx")

_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx]"
_FINALS = "ng|nh|ch|[cmnpt]"
# Vowel nuclei (tone marks removed), by whether a final consonant is
# required, optional or impossible.
_NUC_NEED_FINAL = "uyê|iê|yê|uô|ươ|oă|uâ|oo|ă|â"
_NUC_OPT_FINAL = "oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y"
_NUC_NO_FINAL = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ưa|ua|uơ"
)
_SYLLABLE_RE = re.compile(
    f"(?:{_INITIALS})?(?:(?:{_NUC_NEED_FINAL})({_FINALS})|(?:{_NUC_OPT_FINAL})({_FINALS})?|(?:{_NUC_NO_FINAL}))"
)
_STOP_FINALS = frozenset(("c", "ch", "p", "t"))


def _is_syllable(token: str) -> bool:
    """True if ``token`` (lowercase NFC) is a well-formed Vietnamese syllable."""
    chars = []
    tone = 0
    for ch in token:
        info = _VOWEL_INFO.get(ch)
        if info is None:
            if ch not in _CONSONANTS:
                return False
            chars.append(ch)
            continue
        base, t = info
        if t:
            if tone:
                return False
            tone = t
        chars.append(base)
    m = _SYLLABLE_RE.fullmatch("".join(chars))
    if m is None:
        return False
    final = m.group(1) or m.group(2)
    # syllables closed by a stop consonant only take the sắc or nặng tone
    return not (final in _STOP_FINALS and tone not in (1, 5))


_WORD_RE = re.compile(r"[^\W\d_]+")
# Latin-1 symbols glued to letters ("nh©n", "§¶ng") are typical of mojibake.
_SYMBOLS = "\u00a1-\u00bf\u00d7\u00f7"
_GLUED_SYMBOL_RE = re.compile(f"(?<=[^\\W\\d_])[{_SYMBOLS}]|[{_SYMBOLS}](?=[^\\W\\d_])")
_SYMBOL_RE = re.compile(f"[{_SYMBOLS}]")
_syllable_cache: dict[str, bool] = {}


def _score(text: str) -> tuple[int, int]:
    """Return (plausible Vietnamese words, implausible evidence) of ``text``.

    Only words of two or more letters with non-ASCII letters count as
    evidence either way; ASCII words look the same under every candidate
    decoding.
    """
    valid = bad = 0
    cache = _syllable_cache
    if len(cache) > 100_000:
        cache.clear()
    for tok in _WORD_RE.findall(text):
        if len(tok) < 2 or tok.isascii():
            continue  # lone letters ("đ)" list items) carry no evidence
        ok = cache.get(tok)
        if ok is None:
            ok = cache[tok] = _is_syllable(tok.lower())
        if ok:
            valid += 1
        else:
            bad += 1
    if _SYMBOL_RE.search(text):
        bad += len(_GLUED_SYMBOL_RE.findall(text))
    bad += 2 * text.count("\ufffd")
    return valid, bad


# ---------------------------------------------------------------------------
# Binary detection
# ---------------------------------------------------------------------------

_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx/.xlsx/.odt"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound file, e.g. legacy .doc/.xls"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", None),  # checked more strictly below
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", None),
    (b"RIFF", None),
    (b"\x00\x00\x01\x00", "ICO image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"SQLite format 3\x00", "SQLite database"),
)


def _magic(data: bytes) -> str | None:
    for sig, name in _MAGIC:
        if data.startswith(sig):
            if name is not None:
                return name
            # weak signatures: only when followed by binary-looking bytes
            head = data[:64]
            if sum(b < 9 or 13 < b < 32 for b in head) >= 4:
                return {"BZh": "bzip2 archive", "MZ": "Windows executable", "RIFF": "RIFF media file"}[
                    sig.decode("latin-1")
                ]
    return None


_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])


def _too_many_controls(count: int, total: int) -> bool:
    return count >= 3 and count > total * 0.01


# ---------------------------------------------------------------------------
# Repairs of valid UTF-8 that is really mojibake
# ---------------------------------------------------------------------------

# UTF-8 continuation bytes 0x80-0xBF as Windows-1252 or Latin-1 decode them.
_CONT_CHARS = "".join(_CP1252_TABLE[b] for b in range(0x80, 0xC0)) + "".join(map(chr, range(0x80, 0xA0)))
_CONT_CLASS = "[" + re.escape(_CONT_CHARS) + "]"
_DOUBLE_UTF8_RE = re.compile(
    f"[\u00c2-\u00df]{_CONT_CLASS}|[\u00e0-\u00ef]{_CONT_CLASS}{{2}}|[\u00f0-\u00f4]{_CONT_CLASS}{{3}}"
)
_VN_SPECIFIC_RE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def _plausible_repair(ch: str) -> bool:
    cp = ord(ch)
    return (
        0xA0 <= cp <= 0x17F
        or cp in (0x1A0, 0x1A1, 0x1AF, 0x1B0)
        or 0x300 <= cp <= 0x323
        or 0x1E00 <= cp <= 0x1EFF
        or 0x2010 <= cp <= 0x2044
        or cp in (0x20AB, 0x20AC, 0x2122)
    )


def _repair_double_utf8(text: str) -> tuple[str, int]:
    """Undo "UTF-8 decoded as Windows-1252, saved as UTF-8" damage.

    Sequences decoding to U+0100 and above ("á»§", "Ä‘", "Æ°") never occur in
    genuine text and are always repaired.  Sequences decoding to Latin-1
    ("Ã´" -> "ô") can be genuine ("XÃ”" = "XÃ" + quote), so they are only
    repaired when the document is dominated by mojibake.
    """
    if not _DOUBLE_UTF8_RE.search(text):
        return text, 0
    strong: list[tuple[int, int, str]] = []
    weak: list[tuple[int, int, str]] = []
    for m in _DOUBLE_UTF8_RE.finditer(text):
        try:
            fixed = codecs.charmap_encode(m.group(), "strict", _CP1252_ENCODE)[0].decode("utf-8")
        except UnicodeError:
            continue
        if not _plausible_repair(fixed):
            continue
        (strong if ord(fixed) >= 0x100 else weak).append((m.start(), m.end(), fixed))
    if not strong:
        return text, 0
    fixes = strong
    genuine = len(_VN_SPECIFIC_RE.findall(text))
    if len(strong) >= genuine:
        fixes = sorted(strong + weak)
    parts = []
    pos = 0
    for start, end, fixed in fixes:
        parts.append(text[pos:start])
        parts.append(fixed)
        pos = end
    parts.append(text[pos:])
    return "".join(parts), len(fixes)


# Latin-1 characters that are not Vietnamese letters; legacy mojibake is full
# of them, genuine Vietnamese text rarely has any.
_NON_VN_LATIN1 = "".join(
    chr(cp)
    for cp in range(0xA1, 0x100)
    if chr(cp) not in "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
)
# Every mojibake repaired below contains at least one of these characters
# ("€" for double-encoded punctuation such as "â€œ"), so this cheap scan
# lets clean files skip the repair passes.
_MOJIBAKE_HINT_RE = re.compile("[" + re.escape(_NON_VN_LATIN1) + "\u0080-\u009f\u20ac]")


def _rank_legacy(raw: bytes) -> list[tuple[int, int, int, str]]:
    """Score each legacy decoding of ``raw``: (net, plausible, implausible, encoding), best first."""
    ranked = []
    for enc in LEGACY_ENCODINGS:
        valid, bad = _score(decode_legacy(raw, enc))
        ranked.append((valid - bad, valid, bad, enc))
    ranked.sort(reverse=True)
    return ranked


def _legacy_sample(raw: bytes) -> bytes:
    """Up to ``_SCORE_SAMPLE`` bytes of the lines that hold non-ASCII bytes
    (a long ASCII preamble must not hide the evidence)."""
    if len(raw) <= _SCORE_SAMPLE:
        return raw
    picked = []
    total = 0
    for line in raw.split(b"\n"):
        if not line.isascii():
            picked.append(line[:_SCORE_SAMPLE])
            total += len(picked[-1]) + 1
            if total >= _SCORE_SAMPLE:
                break
    return b"\n".join(picked) if picked else raw[:_SCORE_SAMPLE]


def _confident(ranked: list[tuple[int, int, int, str]], baseline: int | None = None) -> bool:
    """Is the best candidate clearly Vietnamese and clearly ahead of the rest?"""
    net, valid, bad, _ = ranked[0]
    second = ranked[1][0]
    return (
        valid >= 2
        and net >= 2
        and bad * 10 <= valid  # at most ~10% implausible words left: no mojibake output
        and net - second >= 2
        and second * 2 < net
        and (baseline is None or net - baseline >= 3)
    )


def _repair_legacy_lines(text: str) -> tuple[str, str | None, int]:
    """Repair lines holding legacy-encoded bytes decoded as Windows-1252/Latin-1.

    Used when the document as a whole is genuine Unicode.  Only lines made
    entirely of Windows-1252 characters can be mojibake: one legacy encoding
    is chosen from the lines that show mojibake evidence, then every such line
    is rewritten if that makes it more plausible Vietnamese.  Returns (text,
    legacy encoding or None, number of converted lines).
    """
    lines = text.split("\n")
    encodable: list[tuple[int, bytes, int]] = []  # (line index, raw bytes, original score)
    evidence: list[tuple[int, bytes, int]] = []
    for idx, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            raw = codecs.charmap_encode(line, "strict", _CP1252_ENCODE)[0]
        except UnicodeError:
            continue  # contains characters a legacy file could not have produced
        valid, bad = _score(line)
        encodable.append((idx, raw, valid - bad))
        if bad >= 1 and _MOJIBAKE_HINT_RE.search(line):
            evidence.append(encodable[-1])
    if not evidence:
        return text, None, 0
    best_enc, best_gain = None, 0
    for enc in LEGACY_ENCODINGS:
        gain = 0
        for idx, raw, orig in evidence:
            valid, bad = _score(decode_legacy(raw, enc))
            if valid - bad > orig and valid > bad:
                gain += valid - bad - orig
        if gain > best_gain:
            best_enc, best_gain = enc, gain
    if best_enc is None or best_gain < 3:
        return text, None, 0
    converted = 0
    for idx, raw, orig in encodable:
        new = decode_legacy(raw, best_enc)
        valid, bad = _score(new)
        if valid - bad > orig and valid > bad:
            lines[idx] = new
            converted += 1
    return "\n".join(lines), best_enc, converted


def _repair_mojibake(text: str, warnings: list[str]) -> str:
    """Undo legacy-as-Latin-1 and UTF-8-as-Windows-1252 damage in valid UTF-8."""
    try:
        raw = codecs.charmap_encode(text, "strict", _CP1252_ENCODE)[0]
    except UnicodeError:
        raw = None
    if raw is not None:
        # Every character maps back to one byte: judge the document as a whole.
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            warnings.append("repaired double-encoded UTF-8 (the file had been read as Windows-1252 and saved again)")
            if _MOJIBAKE_HINT_RE.search(fixed):  # encoded twice over
                return _repair_mojibake(fixed, warnings) if len(warnings) < 4 else fixed
            return fixed
        sample = _legacy_sample(raw)
        valid, bad = _score(codecs.charmap_decode(sample, "strict", _CP1252_TABLE)[0])
        ranked = _rank_legacy(sample)
        if _confident(ranked, baseline=valid - bad):
            enc = ranked[0][3]
            warnings.append(
                f"converted legacy {_LEGACY_NAMES[enc]} text that had been mis-decoded as "
                "Latin-1/Windows-1252 and saved as UTF-8"
            )
            return decode_legacy(raw, enc)
        return text

    # Genuine Unicode document, possibly with damaged lines or sequences.
    text, legacy, n = _repair_legacy_lines(text)
    if legacy:
        warnings.append(
            f"converted {n} line(s) of legacy {_LEGACY_NAMES[legacy]} text that had been "
            "mis-decoded as Latin-1/Windows-1252 and saved as UTF-8"
        )
    text, n = _repair_double_utf8(text)
    if n:
        warnings.append(
            f"repaired {n} double-encoded UTF-8 sequence(s) (UTF-8 read as Windows-1252 and saved again)"
        )
    return text


# ---------------------------------------------------------------------------
# Non-UTF-8 input
# ---------------------------------------------------------------------------

# Windows-1252 punctuation that commonly strays into otherwise UTF-8 files.
_CP1252_PUNCT = {
    b: _CP1252_TABLE[b]
    for b in (0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x99, 0xA0, 0xA9, 0xAB, 0xAE, 0xB0, 0xBB)
}
_SAMPLE = 200_000  # bytes inspected for binary content / damage
_SCORE_SAMPLE = 20_000  # bytes (= characters) scored per candidate decoding


def _decode_stray_cp1252(data: bytes, limit: int = 20) -> tuple[str | None, int, int]:
    """Decode UTF-8 in which a few bytes are Windows-1252 punctuation.

    Returns (text or None, number of stray bytes, offset of first bad byte).
    """
    out = []
    pos = 0
    strays = 0
    first = -1
    while True:
        try:
            out.append(data[pos:].decode("utf-8"))
            return "".join(out), strays, first
        except UnicodeDecodeError as e:
            bad = pos + e.start
            if first < 0:
                first = bad
            ch = _CP1252_PUNCT.get(data[bad])
            if ch is None or strays >= limit:
                return None, strays, first
            out.append(data[pos:bad].decode("utf-8"))
            out.append(ch)
            strays += 1
            pos = bad + 1


def _decode_non_utf8(data: bytes, bad_offset: int, offset_base: int = 0) -> Decoded:
    undecodable = (
        f"undecodable bytes at offset {bad_offset + offset_base} "
        "(not UTF-8 or a recognised Vietnamese encoding)"
    )
    sample = data[:_SAMPLE]
    # Mostly valid UTF-8 with a few damaged bytes?
    lenient = sample.decode("utf-8", "replace")
    n_bad = lenient.count("\ufffd")
    n_multi = len(lenient) - len(lenient.encode("ascii", "ignore")) - n_bad
    if n_multi >= 20 and n_multi >= 10 * n_bad:
        text, strays, first = _decode_stray_cp1252(data)
        if text is None:
            return Decoded(
                None, "utf-8", [], f"undecodable bytes at offset {first + offset_base} (invalid UTF-8)"
            )
        note = (
            f"replaced {strays} stray Windows-1252 byte(s) in UTF-8 text "
            f"(first at offset {first + offset_base})"
        )
        return _finish(text, "utf-8", [note])

    # Legacy Vietnamese encodings: score every candidate decoding.
    ranked = _rank_legacy(_legacy_sample(data))
    net, valid, bad, enc = ranked[0]
    if _confident(ranked):
        warnings = [f"converted from legacy {_LEGACY_NAMES[enc]} encoding"]
        if enc == "tcvn3":
            warnings[0] += " (text typed in uppercase .VnTimeH fonts comes out lowercase)"
        return _finish(decode_legacy(data, enc), enc, warnings)
    if valid >= 1 and net >= 1:
        return Decoded(
            None, enc, [], f"legacy Vietnamese encoding ({enc}) not converted: detection not confident"
        )

    # ASCII text with Windows "smart" punctuation only.
    if all(b < 0x80 or b in _CP1252_PUNCT for b in data):
        return _finish(
            codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0],
            "cp1252",
            ["not UTF-8: decoded as Windows-1252 (only punctuation outside ASCII)"],
        )
    return Decoded(None, "unknown", [], undecodable)


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _finish(text: str, encoding: str, warnings: list[str], check_controls: bool = True) -> Decoded:
    """Common post-processing: BOM, line endings, NFC, emptiness, controls."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        warnings.append("normalized decomposed (NFD) text to NFC")
    if not text.strip():
        return Decoded(None, encoding, warnings, "empty file")
    if check_controls:
        head = text[:_SAMPLE]
        if "\x00" in head:
            return Decoded(None, encoding, warnings, "binary file (NUL characters)")
        if _too_many_controls(len(_CONTROL_RE.findall(head)), len(head)):
            return Decoded(None, encoding, warnings, "binary file (control characters)")
    damaged = text.count("\ufffd")
    if damaged:
        warnings.append(
            f"contains {damaged} U+FFFD replacement character(s): text was damaged before this file was saved"
        )
    return Decoded(text, encoding, warnings, None)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL bytes are."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sum(1 for b in sample[0 : 2 * pairs : 2] if b == 0)
    odd = sum(1 for b in sample[1 : 2 * pairs : 2] if b == 0)
    if odd >= 0.2 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.2 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _decode_unicode(data: bytes, encoding: str, warnings: list[str]) -> Decoded:
    unit = 4 if encoding.startswith("utf-32") else 2
    if len(data) % unit:
        data = data[: len(data) - len(data) % unit]
        warnings.append(f"dropped incomplete trailing {encoding.upper()} code unit")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        return Decoded(None, encoding, warnings, f"undecodable bytes at offset {e.start} (invalid {encoding.upper()})")
    return _finish(text, encoding, warnings)


def _decode(data: bytes) -> Decoded:
    if not data:
        return Decoded(None, "unknown", [], "empty file")

    for bom, enc in _BOMS:
        if data.startswith(bom):
            if enc == "utf-8-sig":
                data = data[len(bom):]
                break
            return _decode_unicode(data[len(bom):], enc, [])
    else:
        enc = "utf-8"

    kind = _magic(data)
    if kind is not None:
        return Decoded(None, "binary", [], f"binary file ({kind})")

    warnings: list[str] = []
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            result = _decode_unicode(data, guess, [f"no BOM: detected {guess.upper()} by NUL-byte pattern"])
            if result.error is None:
                return result
            return Decoded(None, "binary", [], "binary file (NUL bytes)")
        nuls = data.count(b"\x00")
        if nuls > 2 and nuls > len(data) * 0.001:
            return Decoded(None, "binary", [], "binary file (NUL bytes)")
        data = data.replace(b"\x00", b"")
        warnings.append(f"removed {nuls} stray NUL byte(s)")

    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if _too_many_controls(controls, len(sample)):
        return Decoded(None, "binary", [], "binary file (control bytes)")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        result = _decode_non_utf8(data, e.start, 3 if enc == "utf-8-sig" else 0)
        result.warnings[:0] = warnings
        return result

    if not text.isascii() and _MOJIBAKE_HINT_RE.search(text):
        text = _repair_mojibake(text, warnings)
    # control bytes were checked on the raw bytes above
    return _finish(text, enc, warnings, check_controls=False)


def decode_bytes(data: bytes, path: str = "<input>") -> Decoded:
    """Decode the raw bytes of a text file (``path`` is only used in messages)."""
    try:
        return _decode(bytes(data))
    except Exception as exc:  # pragma: no cover - defensive: never raise
        return Decoded(None, "unknown", [], f"internal decoder error on {path}: {type(exc).__name__}: {exc}")
