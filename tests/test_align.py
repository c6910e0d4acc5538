"""Central ↔ provincial alignment (danvan.align) on a pair of invented fixture texts (tests/data/align): an
invented central Quy chế of six articles and a province's adaptation of it (one article kept word for word but
for the province's name, some changed, one moved, one added, one dropped). Also: the words and keys compared,
the diff segments, the assignment, the fallback detector and its patterns, the JSON export."""
from __future__ import annotations

import itertools
import json
import random
import shutil
from pathlib import Path

import pytest

from danvan.align import (ADDED, CHANGED, MISSING, SAME, align_corpus, align_site, detect_implements,
                          implemented_documents)
from danvan.align import patterns as align_patterns
from danvan.align.diff import diff_lines
from danvan.align.export import add_alignment
from danvan.align.match import MATCH_MIN, TEXT_MIN, max_weight_assignment
from danvan.align.text import locality_keys, tokens, tone_key, without_locality
from danvan.corpus import load_corpus
from danvan.model import to_dict

DATA = Path(__file__).resolve().parent / "data"
PAIR = DATA / "align"
CENTRAL_23 = DATA / "align_23" / "quyet-dinh-23-qd-tw-bia.txt"
ROOT = Path(__file__).resolve().parent.parent
PROV_ID, CENTRAL_ID = "hoa-an-77-qc-tu-2024", "901-qc-tw-2024"


@pytest.fixture(scope="module")
def pair_docs():
    res = load_corpus(PAIR)
    assert not res.errors
    return res.documents


@pytest.fixture(scope="module")
def pair_alignment(pair_docs):
    al = align_site(pair_docs)
    assert [(a.provincial_id, a.central_id) for a in al.alignments] == [(PROV_ID, CENTRAL_ID)]
    return al.alignments[0]


# --- every class on the fixture pair -----------------------------------------------------------------------------
# (provincial article, central article, class, moved): rows in reading order.
EXPECTED_ROWS = [
    ("1", "1", SAME, False),       # the same words but for "tỉnh Hòa An"
    ("2", "2", CHANGED, False),    # "và hội quần chúng cấp tỉnh" added
    ("3", "5", CHANGED, True),     # central Điều 5 moved up, "sáu tháng" -> "hằng quý"
    ("4", "3", CHANGED, False),    # "cấp ủy đảng" -> "Tỉnh ủy"
    ("5", "4", CHANGED, False),    # "sáu tháng" -> "hằng quý"
    (None, "6", MISSING, False),   # the central Tổ chức thực hiện: no provincial counterpart
    ("6", None, ADDED, False),     # the province's own article on enterprises
]


def test_every_class_on_the_fixture_pair(pair_alignment):
    rows = [(p.provincial.num if p.provincial else None, p.central.num if p.central else None, p.cls, p.moved)
            for p in pair_alignment.pairs]
    assert rows == EXPECTED_ROWS
    assert pair_alignment.counts() == {SAME: 1, CHANGED: 4, ADDED: 1, MISSING: 1}


def test_matched_pairs_pass_the_thresholds_and_unmatched_ones_do_not(pair_alignment):
    for p in pair_alignment.pairs:
        if p.provincial and p.central:
            assert p.score >= MATCH_MIN and p.text_sim >= TEXT_MIN
        else:
            assert p.score == 0.0


def test_word_level_differences_of_a_changed_pair(pair_alignment):
    moved = next(p for p in pair_alignment.pairs if p.moved)
    central = [(s.op, s.text) for line in moved.central_lines for s in line if s.op != "equal"]
    prov = [(s.op, s.text) for line in moved.provincial_lines for s in line if s.op != "equal"]
    assert ("del", "sáu tháng") in central and ("ins", "hằng quý") in prov
    assert {op for op, _ in central} == {"del"} and {op for op, _ in prov} == {"ins"}
    same = pair_alignment.pairs[0]
    assert [s.text for line in same.provincial_lines for s in line if s.op == "ins"] == ["tỉnh Hòa An"]
    assert all(s.op == "equal" for line in same.central_lines for s in line)


def test_each_side_of_a_diff_reads_as_its_own_text(pair_alignment):
    for p in pair_alignment.pairs:
        for ref, lines in ((p.central, p.central_lines), (p.provincial, p.provincial_lines)):
            if ref is None:
                assert lines == []
                continue
            assert ["".join(s.text for s in line) for line in lines] == ref.lines


def test_reordering_the_central_text_does_not_change_the_pairs(pair_docs):
    """The assignment is global: shuffling the central articles gives the same (provincial, central) pairs."""
    prov = next(d for d in pair_docs if d.id == PROV_ID)
    central = next(d for d in pair_docs if d.id == CENTRAL_ID)
    base = {(p.provincial.num if p.provincial else None, p.central.num if p.central else None, p.cls)
            for p in align_corpus(pair_docs, [(PROV_ID, CENTRAL_ID)]).alignments[0].pairs}
    chapters = central.body
    flat = [a for ch in chapters for a in ch.children if a.kind == "article"]
    random.Random(3).shuffle(flat)
    chapters[0].children = [c for c in chapters[0].children if c.kind != "article"] + flat
    chapters[1].children = [c for c in chapters[1].children if c.kind != "article"]
    shuffled = {(p.provincial.num if p.provincial else None, p.central.num if p.central else None, p.cls)
                for p in align_corpus([prov, central], [(PROV_ID, CENTRAL_ID)]).alignments[0].pairs}
    assert shuffled == base


# --- words and keys ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("a,b,same", [
    ("hóa", "hoá", True), ("Ủy", "Uỷ", True), ("thủy", "thuỷ", True), ("khỏe", "khoẻ", True),
    ("dân", "dan", False), ("đảng", "dang", False), ("hòa", "hoa", False), ("mới", "mơi", False),
])
def test_tone_placement_is_one_word_but_diacritics_count(a, b, same):
    assert (tone_key(a) == tone_key(b)) is same


def test_tokens_keep_punctuation_and_spacing():
    toks = tokens("Quy chế này quy định; (khoản 2)")
    assert [t.text for t in toks] == ["Quy", "chế", "này", "quy", "định", ";", "(", "khoản", "2", ")"]
    assert [t.space for t in toks][4:7] == [True, False, True]


@pytest.mark.parametrize("text,locality,rest", [
    ("trong hệ thống chính trị tỉnh Hòa An .", "Hòa An", "trong hệ thống chính trị ."),
    ("của Hòa An và tỉnh Hòa An", "Hòa An", "của và"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh", ""),
    ("tỉnh Hòa Bình", "Hòa An", "tỉnh Hòa Bình"),
    ("tỉnh Hòa An", None, "tỉnh Hòa An"),
])
def test_locality_names_are_left_out_of_the_same_text_test(text, locality, rest):
    keys = [t.key for t in tokens(text)]
    assert without_locality(keys, locality_keys(locality)) == [t.key for t in tokens(rest)]


def test_diff_lines_splits_back_into_lines():
    c, p = diff_lines(["1. Một hai ba.", "2. Bốn năm."], ["1. Một hai ba bốn.", "2. Bốn sáu."])
    assert [[(s.op, s.text) for s in ln] for ln in c] == [[("equal", "1. Một hai ba.")],
                                                          [("equal", "2. Bốn "), ("del", "năm"), ("equal", ".")]]
    assert [[(s.op, s.text) for s in ln] for ln in p] == [[("equal", "1. Một hai ba "), ("ins", "bốn"), ("equal", ".")],
                                                          [("equal", "2. Bốn "), ("ins", "sáu"), ("equal", ".")]]


# --- the assignment ------------------------------------------------------------------------------------------------
def _brute(weights):
    n, m = len(weights), len(weights[0])
    if n <= m:
        return max(sum(weights[i][j] for i, j in enumerate(cols)) for cols in itertools.permutations(range(m), n))
    return max(sum(weights[i][j] for j, i in enumerate(rows)) for rows in itertools.permutations(range(n), m))


@pytest.mark.parametrize("seed", range(12))
def test_assignment_is_optimal_and_one_to_one(seed):
    rnd = random.Random(seed)
    n, m = rnd.randint(1, 5), rnd.randint(1, 5)
    w = [[rnd.choice([0.0, round(rnd.random(), 3)]) for _ in range(m)] for _ in range(n)]
    got = max_weight_assignment(w)
    assert len(set(got.values())) == len(got) == min(n, m)
    assert sum(w[i][j] for i, j in got.items()) == pytest.approx(_brute(w))


# --- the fallback detector -------------------------------------------------------------------------------------------
def test_detector_finds_the_fixture_pair(pair_docs):
    assert implemented_documents(pair_docs) == [(PROV_ID, CENTRAL_ID)]


def test_seed_binh_thuan_implements_23_qd_tw_which_is_missing(seed_docs):
    pairs, missing = detect_implements(list(seed_docs.values()))
    assert pairs == []
    bt = seed_docs["binh-thuan"]
    assert [(c.number, c.year, c.kind) for c in missing[bt.id]] == [("23-QĐ/TW", "2021", "Quyết định")]
    assert missing[bt.id][0].name == "Quyết định số 23-QĐ/TW"
    # the căn cứ of the province's own Quy chế làm việc (01-QC/TU) is local: never a central text
    assert all("TU" not in c.number for cs in missing.values() for c in cs)


def _doc_with(tmp_path, preamble: str, title: str = "phối hợp vận động quần chúng trong hệ thống chính trị tỉnh Hòa An"):
    text = (PAIR / "tinh-quy-che-phoi-hop.txt").read_text(encoding="utf-8")
    head, rest = text.split("Căn cứ Quy chế số 901-QC/TW", 1)
    rest = rest.split("\n", 1)[1]
    head = head.replace("phối hợp vận động quần chúng trong hệ thống chính trị tỉnh Hòa An", title)
    (tmp_path / "tinh.txt").write_text(head + preamble + "\n" + rest, encoding="utf-8")
    shutil.copy(PAIR / "trung-uong-quy-che-901.txt", tmp_path / "tw.txt")
    return load_corpus(tmp_path).documents


@pytest.mark.parametrize("preamble,title,found", [
    ("Căn cứ Quy chế số 901-QC/TW ngày 15/3/2024 của Ban Bí thư;", None, True),          # same type code
    ("Căn cứ Quyết định số 901-QC/TW;", None, True),                                    # the number decides
    ("Thực hiện Quy định số 901-QC/TW của Ban Bí thư;", None, True),                    # thực hiện
    ("Căn cứ Quy chế số 901-QC/TW ngày 15/3/2023 của Ban Bí thư;", None, False),        # another term's 901
    ("Căn cứ Quy chế số 901-QC/TU của Tỉnh ủy;", None, False),                          # a local number
    ("Căn cứ Điều lệ Đảng;", None, False),
    ("Căn cứ Điều lệ Đảng;", "phối hợp theo Quy chế 901-QC/TW", True),                 # the title names it
])
def test_detector_rules(tmp_path, preamble, title, found):
    docs = _doc_with(tmp_path, preamble, title or "phối hợp vận động quần chúng trong hệ thống chính trị tỉnh Hòa An")
    assert (implemented_documents(docs) == [(PROV_ID, CENTRAL_ID)]) is found


def test_a_quyet_dinh_citing_a_central_quyet_dinh_is_a_basis_not_an_adaptation(tmp_path):
    docs = _doc_with(tmp_path, "Căn cứ Quyết định số 15/2025/QĐ-TTg của Thủ tướng Chính phủ quy định tiêu chuẩn;")
    prov = next(d for d in docs if d.id == PROV_ID)
    prov.type = "Quyết định"
    assert detect_implements(docs) == ([], {})


def _examples():
    for name, ex in align_patterns.EXAMPLES.items():
        pattern = ex.get("pattern") or getattr(align_patterns, name)
        want = ex.get("match", [])
        for text, value in (want.items() if isinstance(want, dict) else ((t, None) for t in want)):
            yield pytest.param(pattern, ex.get("use", "search"), text, True, value, id=f"{name}+{text[:30]}")
        for text in ex.get("no_match", []):
            yield pytest.param(pattern, ex.get("use", "search"), text, False, None, id=f"{name}-{text[:30]}")


@pytest.mark.parametrize("pattern,use,text,matches,want", list(_examples()))
def test_detector_pattern_examples(pattern, use, text, matches, want):
    m = getattr(pattern, use)(text)
    assert (m is not None) is matches, (pattern.pattern[:60], text)
    if matches and want is not None:
        assert (m.group(1) if pattern.groups else m.group(0)) == want


# --- 23-QĐ/TW switches on by itself -------------------------------------------------------------------------------------
def test_alignment_switches_on_when_the_central_text_is_added(tmp_path):
    shutil.copytree(ROOT / "corpus" / "binh-thuan", tmp_path / "binh-thuan")
    before = align_site(load_corpus(tmp_path).documents)
    assert before.alignments == [] and list(before.missing) == ["binh-thuan-quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri"]
    shutil.copy(CENTRAL_23, tmp_path / "23.txt")
    after = align_site(load_corpus(tmp_path).documents)
    assert after.missing == {}
    [a] = after.alignments
    assert (a.central_id, a.central_part, a.provincial_part) == ("23-qd-tw-2021", "qc", None)
    matched = {(p.provincial.anchor, p.central.anchor) for p in a.pairs if p.provincial and p.central}
    # the invented Quy chế's scope and duty articles answer Bình Thuận's Điều 2 and 3; its Ban Dân vận article Điều 5
    assert {("dieu-2", "qc-dieu-1"), ("dieu-3", "qc-dieu-2"), ("dieu-5", "qc-dieu-3")} <= matched
    assert a.counts()[MISSING] >= 1 and a.counts()[ADDED] >= 10


# --- JSON export ---------------------------------------------------------------------------------------------------------
def test_json_export_adds_alignment_to_articles(tmp_path):
    from danvan.cli import main
    assert main(["export", "--format", "json", "--corpus", str(PAIR), "--out", str(tmp_path), "--quiet"]) == 0
    prov = json.loads((tmp_path / f"{PROV_ID}.json").read_text(encoding="utf-8"))
    central = json.loads((tmp_path / f"{CENTRAL_ID}.json").read_text(encoding="utf-8"))
    arts = {n["num"]: n for ch in prov["body"] for n in ch["children"] if n["kind"] == "article"}
    assert {k: (a["alignment"] and (a["alignment"]["anchor"], a["alignment"]["class"])) for k, a in arts.items()} == {
        "1": ("dieu-1", SAME), "2": ("dieu-2", CHANGED), "3": ("dieu-5", CHANGED), "4": ("dieu-3", CHANGED),
        "5": ("dieu-4", CHANGED), "6": None}
    assert arts["3"]["alignment"]["doc_id"] == CENTRAL_ID and arts["3"]["alignment"]["moved"] is True
    # only articles carry it, and only in the implementing text
    assert all("alignment" not in n for ch in prov["body"] for a in ch["children"] for n in a["children"])
    assert not any("alignment" in n for ch in central["body"] for n in ch["children"])
    import jsonschema
    schema = json.loads((ROOT / "tools" / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(prov, schema)
    jsonschema.validate(central, schema)


def test_add_alignment_leaves_unaligned_documents_alone(pair_docs):
    al = align_site(pair_docs)
    central = next(d for d in pair_docs if d.id == CENTRAL_ID)
    data = to_dict(central)
    assert add_alignment(data, al) == to_dict(central)


# --- the bench ----------------------------------------------------------------------------------------------------------
def test_bench_align_counts_pairs_and_rows(capsys):
    from danvan.cli import main
    assert main(["bench", "align", "--corpus", str(PAIR)]) == 0
    out = capsys.readouterr().out
    assert "1 văn bản thực hiện một văn bản trung ương, trong đó 1 thực hiện văn bản có trong bộ văn bản" in out
    assert "đối chiếu: 1 cặp văn bản" in out and f"{PROV_ID} -> {CENTRAL_ID}" in out


def test_bench_align_figures_on_the_seeds():
    from danvan.align.bench import bench_align
    res = bench_align(str(ROOT / "corpus"))
    # both seeds implement 23-QĐ/TW, whose text is not there
    assert (res["implementing_documents"], res["implementing_in_corpus"], res["cited_central_missing"],
            res["pairs_aligned"], res["rows"]) == (2, 0, 2, 0, {})


def test_a_provincial_quyet_dinh_is_aligned_through_its_annexed_quy_che(tmp_path):
    """A province that issues its Quy chế with a Quyết định: the annex's articles (qc-dieu-N) are aligned, not the
    decision's own Điều 1, 2."""
    text = (PAIR / "tinh-quy-che-phoi-hop.txt").read_text(encoding="utf-8")
    body = text[text.index("Chương I"):text.index("T/M BAN THƯỜNG VỤ")]
    decision = ("TỈNH ỦY HÒA AN\n*\nSố 78-QĐ/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nHòa An, ngày 20 tháng 6 năm 2024\n\n"
                "QUYẾT ĐỊNH\nban hành Quy chế phối hợp vận động quần chúng\n\n"
                "Căn cứ Quy chế số 901-QC/TW, ngày 15/3/2024 của Ban Bí thư;\n\nBAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH:\n\n"
                "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp vận động quần chúng.\n\n"
                "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLê Thị Thử\n\n"
                "QUY CHẾ\nphối hợp vận động quần chúng trong hệ thống chính trị tỉnh Hòa An\n"
                "(Ban hành kèm theo Quyết định số 78-QĐ/TU, ngày 20/6/2024 của Ban Thường vụ Tỉnh ủy)\n\n" + body)
    (tmp_path / "qd.txt").write_text(decision, encoding="utf-8")
    shutil.copy(PAIR / "trung-uong-quy-che-901.txt", tmp_path / "tw.txt")
    docs = load_corpus(tmp_path).documents
    [a] = align_site(docs).alignments
    assert (a.provincial_part, a.central_id) == ("qc", CENTRAL_ID)
    rows = [(p.provincial.anchor if p.provincial else None, p.central.anchor if p.central else None, p.cls)
            for p in a.pairs]
    assert rows == [(f"qc-dieu-{pn}" if pn else None, f"dieu-{cn}" if cn else None, cls)
                    for pn, cn, cls, _ in EXPECTED_ROWS]
