"""The one analyzer of the search (danvan.search.analyzer), table by table."""
import pytest

from danvan.search import analyzer as an
from danvan.search.analyzer import canon_syllable_plain, default_analyzer, fold
from danvan.search.lexicon import load_lexicon

A = default_analyzer()


def syl(text):
    return [(t.exact, t.fold) for t in A.tokens(text) if t.kind == "syl"]


def kinds(text, kind):
    return [t.exact for t in A.tokens(text) if t.kind == kind]


@pytest.mark.parametrize("word, folded", [
    ("công tác dân vận", "cong tac dan van"),
    ("Đảng ủy", "dang uy"),
    ("đ", "d"), ("Đ", "d"),
    ("người", "nguoi"), ("quốc", "quoc"), ("ưu tiên", "uu tien"), ("khuỷu", "khuyu"),
    ("ĂÂÊÔƠƯ", "aaeoou"),
])
def test_folding_removes_tone_and_vowel_marks_and_d_bar(word, folded):
    assert " ".join(f for _, f in syl(word)) == folded


@pytest.mark.parametrize("old, new", [
    ("hoá", "hóa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("toà", "tòa"), ("hoà", "hòa"),
    ("Uỷ", "ủy"), ("loè", "lòe"), ("tuỳ", "tùy"), ("huỷ", "hủy"),
])
def test_old_and_new_tone_placement_are_one_word(old, new):
    assert syl(old) == syl(new)
    assert syl(old)[0][0] == new


# Every old tone placement on the open clusters oa, oe, uy (alone, after a consonant, after q and gi) and its
# new placement: five tones each. Built from the rule, not listed by hand, so no cluster or tone is forgotten.
TONE_MARKS = {"huyền": "\u0300", "sắc": "\u0301", "hỏi": "\u0309", "ngã": "\u0303", "nặng": "\u0323"}


def _mark(s: str, i: int, tone: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFC", s[:i + 1] + tone + s[i + 1:])


def old_new_pairs():
    """(old, new): the old style puts the tone on the second vowel of oa/oe/uy, the new on the first."""
    out = []
    for onset in ("", "h", "th", "kh", "t", "l", "x", "ng"):
        for cluster in ("oa", "oe", "uy"):
            for tone in TONE_MARKS.values():
                w = onset + cluster
                out.append((_mark(w, len(onset) + 1, tone), _mark(w, len(onset), tone)))
    # after q and gi the u/i belongs to the onset: quý, quả, giá are already one placement; a tone written on
    # that u or i moves to the vowel that follows
    for onset, rhyme in (("qu", "y"), ("qu", "a"), ("qu", "e"), ("gi", "a"), ("gi", "u")):
        for tone in TONE_MARKS.values():
            w = onset + rhyme
            out.append((_mark(w, 1, tone), _mark(w, 2, tone)))
    return out


OLD_NEW = old_new_pairs()


def test_every_old_tone_placement_is_the_new_word():
    assert len(OLD_NEW) == 8 * 3 * 5 + 5 * 5
    bad = [(o, n, canon_syllable_plain(o)) for o, n in OLD_NEW if canon_syllable_plain(o) != n
           or canon_syllable_plain(n) != n]
    assert bad == []
    for o, n in OLD_NEW[:30]:       # capitals too, through the analyzer
        assert syl(o.upper()) == syl(n)


@pytest.mark.parametrize("word", ["quý", "giá", "gì", "người", "ngoài", "khuỷu", "hoàn", "tuyển", "mùa", "giữ",
                                  "quả", "việt", "thuở", "khuya", "xoáy"])
def test_regular_syllables_keep_their_tone_mark(word):
    assert canon_syllable_plain(word) == word


def test_unicode_forms_are_one_word():
    import unicodedata
    nfd = unicodedata.normalize("NFD", "Ủy ban nhân dân")
    assert syl(nfd) == syl("Ủy ban nhân dân")


@pytest.mark.parametrize("a, b", [("hằng năm", "hàng năm"), ("hằng tháng", "hàng tháng"), ("hằng quý", "hàng quý"),
                                  ("kỹ thuật", "kĩ thuật"), ("lý do", "lí do"), ("quy chế", "qui chế")])
def test_equivalent_spellings(a, b):
    assert syl(a) == syl(b)


def test_hang_is_only_rewritten_before_a_time_word():
    assert syl("hàng hóa")[0][0] == "hàng"
    assert syl("hàng năm")[0][0] == "hằng"


@pytest.mark.parametrize("text, whole, pieces", [
    ("Quyết định số 217-QĐ/TW", ("217-qđ/tw", "217-qd-tw"), ["217", "qđ", "tw"]),
    ("Chỉ thị 16/CT-TTg", ("16/ct-ttg", "16-ct-ttg"), ["16", "ct", "ttg"]),
    ("Số 03-QC/BDVTU-BCSDUBND", ("03-qc/bdvtu-bcsdubnd", "03-qc-bdvtu-bcsdubnd"), ["03", "qc", "bdvtu", "bcsdubnd"]),
    ("Luật số: 60/2024/QH15", ("60/2024/qh15", "60-2024-qh15"), ["60", "2024", "qh15"]),
    ("theo Quyết định 217–QĐ/TW", ("217-qđ/tw", "217-qd-tw"), ["217", "qđ", "tw"]),
])
def test_document_numbers_are_kept_whole_and_split(text, whole, pieces):
    toks = A.tokens(text)
    wholes = [(t.exact, t.fold) for t in toks if t.kind == "whole"]
    assert wholes == [whole]
    w = next(t for t in toks if t.kind == "whole")
    split = [t for t in toks if t.kind == "syl" and t.pos >= w.pos]
    assert [t.exact for t in split] == pieces
    assert split[0].pos == w.pos   # the whole token sits at its first piece's position


def test_separators_do_not_matter_for_the_folded_number():
    assert A.query_terms("217/QĐ-TW").wholes[0][1] == A.query_terms("217-QĐ/TW").wholes[0][1]


def test_plain_hyphenated_words_are_not_wholes():
    assert kinds("chính trị-xã hội", "whole") == []


def test_positions_are_consecutive_syllables():
    toks = [t for t in A.tokens("Ban Dân vận, Tỉnh ủy") if t.kind == "syl"]
    assert [t.pos for t in toks] == [0, 1, 2, 3, 4]
    assert [t.joined for t in toks] == [False, True, True, False, True]   # the comma breaks the run


def test_acronym_examples_of_the_data_file():
    """Every worked example of corpus/acronyms.json: expanded both ways, or explicitly not matched."""
    n = 0
    for acro in load_lexicon().acronyms:
        assert acro.examples, f"{acro.short}: no worked example"
        for ex in acro.examples:
            q = set(A.query_terms(ex["query"]).concepts)
            if "matches" in ex:
                assert acro.concept in q, (acro.short, ex)
                assert acro.concept in kinds(ex["matches"], "concept"), (acro.short, ex)
            if "not" in ex:
                assert not (q & set(kinds(ex["not"], "concept"))), (acro.short, ex)
            n += 1
    assert n >= 40


@pytest.mark.parametrize("short, long", [
    ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"),
    ("BCS", "Ban cán sự"), ("BDV", "Ban Dân vận"), ("TU", "Tỉnh ủy"), ("CT-XH", "chính trị - xã hội"),
    ("BTV", "Ban Thường vụ"),
])
def test_acronyms_expand_both_ways(short, long):
    assert set(kinds(short, "concept")) & set(kinds(long, "concept"))


def test_case_sensitive_acronyms_need_capitals():
    assert "tu" in kinds("Ban Dân vận TU", "concept")
    assert "tu" not in kinds("tu dưỡng, rèn luyện", "concept")


def test_long_form_does_not_match_across_punctuation():
    assert "tu" not in kinds("UBND tỉnh, Ủy ban Mặt trận", "concept")
    assert "ct-xh" in kinds("các tổ chức chính trị – xã hội", "concept")   # the phrase has its own dash


def test_compounds_come_from_pyvi():
    pytest.importorskip("pyvi")
    terms = A.document_terms("Ban Dân vận Tỉnh ủy phối hợp giải quyết khiếu nại, tố cáo")
    assert {"dân_vận", "phối_hợp", "khiếu_nại", "tố_cáo"} <= set(terms["compound"])
    # compounds are exact syllables with the canonical tone placement
    assert "tỉnh_ủy" in A.document_terms("Tỉnh uỷ")["compound"] or "tỉnh_ủy" in terms["compound"]


def test_analyzer_degrades_without_pyvi(monkeypatch, capsys):
    monkeypatch.setattr(an, "_VT", None)
    monkeypatch.setattr(an, "_VT_TRIED", False)
    import builtins
    real_import = builtins.__import__

    def no_pyvi(name, *a, **k):
        if name == "pyvi" or name.startswith("pyvi."):
            raise ImportError("no pyvi")
        return real_import(name, *a, **k)
    monkeypatch.setattr(builtins, "__import__", no_pyvi)
    terms = A.document_terms("công tác dân vận")
    assert terms["compound"] == {} or not terms["compound"]
    assert terms["fold"]["cong"] == 1
    assert "pip install 'danvan[search]'" in capsys.readouterr().err


def test_query_terms():
    qt = A.query_terms("Uỷ ban nhân dân tỉnh 217-QĐ/TW")
    assert qt.syllables[:2] == [("ủy", "uy"), ("ban", "ban")]
    assert ("217-qđ/tw", "217-qd-tw") in qt.wholes
    assert "ubnd" in qt.concepts
    assert "nhan_dan" in qt.bigrams and "nhân_dân" in qt.ngrams
    assert qt.has_marks
    assert not A.query_terms("uy ban nhan dan").has_marks


@pytest.mark.parametrize("q", ['"', "(", "*", "AND", "😀", "", "   ", "x" * 10_000, "của và các", "\x00\u200b",
                               "((a OR b) AND NOT c)*", "'; DROP TABLE--", "\ud800" if False else "\U0001F1FB\U0001F1F3"])
def test_hostile_queries_are_analysed_without_error(q):
    qt = A.query_terms(q)
    assert len(qt.syllables) <= an.MAX_QUERY_SYLLABLES


def test_fold_is_lower_case_agnostic_only_for_d():
    assert fold("Đ") == "D" and fold("đ") == "d"
