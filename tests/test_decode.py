"""Tests for tools.decode: encodings, legacy Vietnamese conversion, repairs."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REALWORLD, require_realworld
from danvan.decode import Decoded, decode_bytes, decode_legacy, encode_legacy

SENTENCE = (
    "Ủy ban nhân dân tỉnh Đồng Nai ban hành Quy chế phối hợp công tác dân vận, "
    "được thực hiện theo quy định của Đảng."
)
# TCVN3 has no uppercase toned vowels: legacy documents spelled "Uỷ ban".
SENTENCE_TCVN3 = SENTENCE.replace("Ủy", "Uỷ")

PARAGRAPH = (
    "Điều 1. Phạm vi điều chỉnh\n"
    "Quy chế này quy định về nguyên tắc, nội dung và trách nhiệm thực hiện công tác dân vận "
    "của các cơ quan, đơn vị trên địa bàn tỉnh.\n"
    "Điều 2. Đối tượng áp dụng\n"
    "Cán bộ, công chức, viên chức và người lao động trong hệ thống chính trị."
)

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _alphabet(upper: bool) -> list[str]:
    letters = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES] + ["đ"]
    return [c.upper() for c in letters] if upper else letters


def _has_tone(letter: str) -> bool:
    return any(mark in unicodedata.normalize("NFD", letter) for mark in TONES[1:])


LOWER = _alphabet(False)
UPPER = _alphabet(True)
FULL_ALPHABET = " ".join(LOWER + UPPER)
# TCVN3: all lowercase letters plus the uppercase letters without a tone mark
# (A Ă Â E Ê I O Ô Ơ U Ư Y Đ); uppercase toned vowels do not exist in TCVN3.
TCVN3_ALPHABET = " ".join(LOWER + [c for c in UPPER if not _has_tone(c)])


def _ok(result: Decoded) -> None:
    assert result.error is None, result.error
    assert result.text is not None


# ---------------------------------------------------------------------------
# Unicode encodings
# ---------------------------------------------------------------------------

UNICODE_CASES = [
    # (id, bytes, expected encoding, expect a warning)
    ("utf8", SENTENCE.encode("utf-8"), "utf-8", False),
    ("utf8-bom", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "utf-8-sig", False),
    ("utf16le-bom", b"\xff\xfe" + SENTENCE.encode("utf-16-le"), "utf-16-le", False),
    ("utf16be-bom", b"\xfe\xff" + SENTENCE.encode("utf-16-be"), "utf-16-be", False),
    ("utf16le-nobom", SENTENCE.encode("utf-16-le"), "utf-16-le", True),
    ("utf16be-nobom", SENTENCE.encode("utf-16-be"), "utf-16-be", True),
    ("utf32le-bom", b"\xff\xfe\x00\x00" + SENTENCE.encode("utf-32-le"), "utf-32-le", False),
    ("nfd", unicodedata.normalize("NFD", SENTENCE).encode("utf-8"), "utf-8", True),
]


@pytest.mark.parametrize("data, encoding, warned", [c[1:] for c in UNICODE_CASES], ids=[c[0] for c in UNICODE_CASES])
def test_unicode_encodings(data: bytes, encoding: str, warned: bool) -> None:
    result = decode_bytes(data)
    _ok(result)
    assert result.text == SENTENCE
    assert unicodedata.is_normalized("NFC", result.text)
    assert result.encoding == encoding
    assert bool(result.warnings) == warned


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"line 1\r\nline 2\r\n", "line 1\nline 2\n"),
        (b"line 1\rline 2\r", "line 1\nline 2\n"),
        (b"mixed\r\nends\rhere\n", "mixed\nends\nhere\n"),
        ("Đảng\r\nnhân dân".encode("utf-16"), "Đảng\nnhân dân"),
        (b"\xef\xbb\xbf\xef\xbb\xbfdouble BOM", "double BOM"),
    ],
)
def test_line_endings_and_bom(data: bytes, expected: str) -> None:
    result = decode_bytes(data)
    _ok(result)
    assert result.text == expected


UNCHANGED = [
    "The quick brown fox jumps over the lazy dog.\n",
    "Plain ASCII with symbols: 100% [x] {y} <z> ~ ^ | \\ @ # $ & *\n",
    SENTENCE,
    PARAGRAPH,
    FULL_ALPHABET,
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
    "Nhiệt độ 30°C; tỷ lệ 3 ÷ 4; © 2024 Báo Nhân Dân; «trích dẫn» — “ngoặc kép”…",
    "Giá trị 5 × 7 ± 0,5 µm; mục § 3; ¼ diện tích",
    "Ông bà cô chú\nÔ tô\nÁo dài\nÝ kiến",
    "Café crème, Größe, Ärger, naïve, señor, smörgåsbord",
    "Khẩu hiệu “CỘNG HÒA XÃ” và “XÃ”… “Â”",
]


@pytest.mark.parametrize("text", UNCHANGED, ids=range(len(UNCHANGED)))
def test_correct_text_is_unchanged(text: str) -> None:
    result = decode_bytes(text.encode("utf-8"))
    _ok(result)
    assert result.text == text
    assert result.encoding == "utf-8"
    assert result.warnings == []


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------

ERROR_CASES = [
    ("empty", b"", "empty file"),
    ("whitespace", b"  \n\t \r\n ", "empty file"),
    ("bom-only", b"\xef\xbb\xbf", "empty file"),
    ("utf16-bom-only", b"\xff\xfe", "empty file"),
    ("utf16-spaces", " \n ".encode("utf-16"), "empty file"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (PNG"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF"),
    ("zip", b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + b"\x00" * 40, "binary file (ZIP"),
    ("ole", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "binary file (OLE2"),
    ("nuls", b"abc\x00\x00\x01\x02\x00def\x00\xff\x00\x00\x10\x00" * 20, "binary file"),
    ("controls", b"\x01\x02\x03\x04 text \x05\x06\x07\x08" * 10, "binary file"),
    ("truncated-utf8", SENTENCE.encode("utf-8")[:-2] + "ả".encode()[:2], "undecodable bytes at offset"),
    ("invalid-utf16", b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "undecodable bytes at offset"),
    ("one-legacy-word", b"ng\xb5y", "legacy Vietnamese encoding (tcvn3) not converted"),
]


@pytest.mark.parametrize("data, error", [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_errors(data: bytes, error: str) -> None:
    result = decode_bytes(data)
    assert result.text is None
    assert result.error is not None and result.error.startswith(error), result.error


def test_error_offset_is_reported() -> None:
    data = SENTENCE.encode("utf-8") + b" \xe1\xbb"
    result = decode_bytes(data)
    assert result.text is None
    assert f"offset {len(data) - 2}" in (result.error or "")


# ---------------------------------------------------------------------------
# Legacy codecs: exact round trips
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("vni", FULL_ALPHABET),
        ("cp1258", FULL_ALPHABET),
        ("tcvn3", TCVN3_ALPHABET),
        ("vni", SENTENCE),
        ("cp1258", SENTENCE),
        ("tcvn3", SENTENCE_TCVN3),
    ],
)
def test_legacy_codec_round_trip(encoding: str, text: str) -> None:
    raw = encode_legacy(text, encoding)
    assert raw.isascii() is False
    assert decode_legacy(raw, encoding) == text


@pytest.mark.parametrize("letter", [c for c in UPPER if _has_tone(c)])
def test_tcvn3_has_no_uppercase_toned_vowels(letter: str) -> None:
    with pytest.raises(UnicodeEncodeError):
        encode_legacy(letter, "tcvn3")
    assert encode_legacy(letter, "tcvn3", errors="replace") == b"?"


@pytest.mark.parametrize(
    "encoding, raw, text",
    [
        # well-known spellings as they appear in legacy documents
        ("tcvn3", b"U\xfb ban nh\xa9n d\xa9n", "Uỷ ban nhân dân"),
        ("tcvn3", "§¶ng Céng s¶n ViÖt Nam".encode("cp1252"), "Đảng Cộng sản Việt Nam"),
        (
            "tcvn3",
            "QuyÕt ®Þnh cña Thñ t\xadíng ChÝnh phñ".encode("cp1252"),
            "Quyết định của Thủ tướng Chính phủ",
        ),
        ("vni", "Uûy ban nhaân daân".encode("cp1252"), "Ủy ban nhân dân"),
        ("vni", "ñöôïc thöïc hieän theo quy ñònh".encode("cp1252"), "được thực hiện theo quy định"),
        ("vni", "ÑAÛNG COÄNG SAÛN VIEÄT NAM".encode("cp1252"), "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ],
)
def test_legacy_known_spellings(encoding: str, raw: bytes, text: str) -> None:
    assert decode_legacy(raw, encoding) == text


# ---------------------------------------------------------------------------
# Legacy detection through decode_bytes
# ---------------------------------------------------------------------------

LEGACY_CASES = [
    ("tcvn3", SENTENCE_TCVN3),
    ("tcvn3", PARAGRAPH),
    ("tcvn3", SENTENCE_TCVN3 + "\n" + TCVN3_ALPHABET),
    ("vni", SENTENCE),
    ("vni", PARAGRAPH),
    ("vni", SENTENCE + "\n" + FULL_ALPHABET),
    ("cp1258", SENTENCE),
    ("cp1258", PARAGRAPH),
    ("cp1258", SENTENCE + "\n" + FULL_ALPHABET),
]


@pytest.mark.parametrize("encoding, text", LEGACY_CASES)
def test_legacy_detected_and_converted(encoding: str, text: str) -> None:
    raw = encode_legacy(text, encoding)
    result = decode_bytes(raw)
    _ok(result)
    assert result.text == text
    assert result.encoding == encoding
    assert any("legacy" in w for w in result.warnings)


@pytest.mark.parametrize("encoding, text", LEGACY_CASES)
def test_legacy_with_crlf(encoding: str, text: str) -> None:
    raw = encode_legacy(text.replace("\n", "\r\n"), encoding)
    result = decode_bytes(raw)
    _ok(result)
    assert result.text == text


@pytest.mark.parametrize("encoding, text", LEGACY_CASES)
@pytest.mark.parametrize("carrier", ["latin-1", "cp1252"])
def test_legacy_mojibake_inside_utf8(encoding: str, text: str, carrier: str) -> None:
    """Legacy bytes decoded as Latin-1/Windows-1252 and saved as UTF-8."""
    raw = encode_legacy(text, encoding)
    mojibake = raw.decode(carrier, errors="ignore" if carrier == "cp1252" else "strict")
    result = decode_bytes(mojibake.encode("utf-8"))
    _ok(result)
    assert result.text == text
    assert result.encoding == "utf-8"
    assert any("mis-decoded" in w for w in result.warnings)


def test_brief_example_tcvn3_mojibake() -> None:
    result = decode_bytes("Uû ban nh©n d©n".encode("utf-8"))
    _ok(result)
    assert result.text == "Uỷ ban nhân dân"
    assert result.warnings


def test_brief_example_vni_mojibake() -> None:
    result = decode_bytes("Uûy ban nhaân daân tænh".encode("utf-8"))
    _ok(result)
    assert result.text == "Ủy ban nhân dân tỉnh"
    assert result.warnings


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_legacy_after_long_ascii_preamble(encoding: str) -> None:
    text = "Plain ASCII preamble line of a converted document.\n" * 3000 + SENTENCE_TCVN3
    result = decode_bytes(encode_legacy(text, encoding))
    _ok(result)
    assert result.encoding == encoding
    assert result.text == text


def test_mixed_document_only_mojibake_lines_converted() -> None:
    bad = encode_legacy(SENTENCE_TCVN3, "tcvn3").decode("latin-1")
    text = PARAGRAPH + "\n" + bad + "\n" + "Nhiệt độ 30°C; © 2024"
    result = decode_bytes(text.encode("utf-8"))
    _ok(result)
    assert result.text == PARAGRAPH + "\n" + SENTENCE_TCVN3 + "\n" + "Nhiệt độ 30°C; © 2024"


def _double_encode(text: str, carrier: str) -> bytes:
    if carrier == "cp1252":
        # Windows maps the five undefined cp1252 bytes to C1 controls
        moj = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8"))
    else:
        moj = text.encode("utf-8").decode("latin-1")
    return moj.encode("utf-8")


@pytest.mark.parametrize("text", [SENTENCE, PARAGRAPH, FULL_ALPHABET, "Ông bà – “xin chào”…"])
@pytest.mark.parametrize("carrier", ["latin-1", "cp1252"])
def test_double_encoded_utf8_repaired(text: str, carrier: str) -> None:
    result = decode_bytes(_double_encode(text, carrier))
    _ok(result)
    assert result.text == text
    assert any("double-encoded" in w for w in result.warnings)


def test_double_encoded_example_from_brief() -> None:
    result = decode_bytes("Uá»§y ban".encode("utf-8"))
    _ok(result)
    assert result.text == "Uủy ban"


def test_stray_cp1252_punctuation_in_utf8() -> None:
    data = SENTENCE.encode("utf-8") + b" \x93tr\xc3\xadch d\xe1\xba\xabn\x94"
    result = decode_bytes(data)
    _ok(result)
    assert result.text == SENTENCE + " “trích dẫn”"
    assert result.warnings


def test_ascii_with_windows_quotes() -> None:
    result = decode_bytes(b"\x93Hello\x94 \x96 it\x92s fine")
    _ok(result)
    assert result.text == "“Hello” – it’s fine"
    assert result.encoding == "cp1252"
    assert result.warnings


def test_latin1_western_text_is_not_passed_as_vietnamese() -> None:
    # Not UTF-8, not Vietnamese: must be an error, never mojibake.
    result = decode_bytes("Größe Ärger Café naïve déjà vu".encode("latin-1"))
    assert result.text is None
    assert result.error


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


def _check_invariants(result: Decoded) -> None:
    assert isinstance(result, Decoded)
    assert isinstance(result.encoding, str) and result.encoding
    assert all(isinstance(w, str) for w in result.warnings)
    if result.error is None:
        assert isinstance(result.text, str)
        assert "\r" not in result.text
        assert not result.text.startswith("\ufeff")
        assert unicodedata.is_normalized("NFC", result.text)
        assert result.text.strip()
    else:
        assert result.text is None
        assert isinstance(result.error, str) and result.error


@settings(max_examples=500, deadline=None)
@given(st.binary())
def test_random_bytes_never_raise(data: bytes) -> None:
    _check_invariants(decode_bytes(data))


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=64), st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-"]))
def test_random_bytes_after_prefix_never_raise(data: bytes, prefix: bytes) -> None:
    _check_invariants(decode_bytes(prefix + data))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_utf8_text_never_raises(text: str) -> None:
    _check_invariants(decode_bytes(text.encode("utf-8", errors="surrogatepass")))


_VN_CHARS = "".join(LOWER + UPPER) + "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX0123456789 .,;:()-–“”…\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_VN_CHARS, min_size=1))
def test_correct_vietnamese_utf8_never_converted(text: str) -> None:
    result = decode_bytes(text.encode("utf-8"))
    if not text.strip():
        assert result.error == "empty file"
        return
    assert result.text == text
    assert result.encoding == "utf-8"
    assert result.warnings == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LOWER + [" ", "ng", "nh", "t", "c", "m", "\n"]), min_size=1, max_size=60))
def test_vni_and_cp1258_codec_round_trip_property(parts: list[str]) -> None:
    text = "".join(parts)
    for encoding in ("vni", "cp1258", "tcvn3"):
        assert decode_legacy(encode_legacy(text, encoding), encoding) == text


# ---------------------------------------------------------------------------
# Real-world corpus
# ---------------------------------------------------------------------------

@pytest.mark.realworld
def test_realworld_files_are_clean_utf8() -> None:
    require_realworld()
    files = sorted(REALWORLD.glob("*.md"))
    assert files
    blobs = [(f, f.read_bytes()) for f in files]
    results = [(f, raw, decode_bytes(raw, str(f))) for f, raw in blobs]
    for f, raw, result in results:
        assert result.error is None, (f.name, result.error)
        assert result.encoding in ("utf-8", "utf-8-sig"), (f.name, result.encoding)
        assert result.warnings == [], (f.name, result.warnings)
        expected = unicodedata.normalize("NFC", raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"))
        assert result.text == expected, f.name
