"""Stable addresses: one function makes every anchor from structure (ids.anchor), and citations name the same
anchors (ids.anchor_for_citation); a document's id comes from its own facts, never from file order, and two
documents that would share an id are reported."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS
from danvan import ids
from danvan.corpus import document_id, load_corpus
from danvan.parse import parse

ANCHORS = [
    ([("article", "5")], "", "dieu-5"),
    ([("article", "5"), ("clause", "2"), ("point", "a")], "", "dieu-5-khoan-2-diem-a"),
    ([("article", "5"), ("clause", "2"), ("point", "đ")], "", "dieu-5-khoan-2-diem-dd"),
    ([("article", "4"), ("clause", "1"), ("point", "1.1")], "", "dieu-4-khoan-1-diem-1-1"),
    ([("chapter", "II"), ("article", "5")], "", "dieu-5"),                 # articles are numbered through the text
    ([("part", "thứ hai"), ("chapter", "III")], "", "chuong-3"),
    ([("chapter", "II"), ("section", "1")], "", "chuong-2-muc-1"),          # a section keeps its chapter
    ([("part", "I"), ("section", "2")], "", "muc-2"),
    ([("chapter", "II"), ("section", "1"), ("clause", "3")], "", "chuong-2-muc-1-khoan-3"),
    ([("article", "5")], "qd", "qd-dieu-5"),
    ([("article", "5"), ("clause", "2"), ("point", "a")], "pl-2", "pl-2-dieu-5-khoan-2-diem-a"),
    ([("article", "5"), ("paragraph", 2)], "", "dieu-5-doan-2"),
    ([("article", "5"), ("clause", "1"), ("item", 3)], "", "dieu-5-khoan-1-y-3"),
    ([("article", "5"), ("table", 1), ("row", 4)], "", "dieu-5-bang-1-dong-4"),
    ([("paragraph", 1)], "qc", "qc-doan-1"),
]


@pytest.mark.parametrize("path,prefix,want", ANCHORS)
def test_anchor(path, prefix, want):
    assert ids.anchor(path, prefix) == want
    assert ids.is_safe_id(want)


def test_anchor_for_citation():
    # "điểm a khoản 2 Điều 5", read from small to large
    assert ids.anchor_for_citation(point="a", clause="2", article="5") == "dieu-5-khoan-2-diem-a"
    assert ids.anchor_for_citation(clause="2", article="5") == "dieu-5-khoan-2"
    assert ids.anchor_for_citation(point="đ", clause="1", article="12") == "dieu-12-khoan-1-diem-dd"
    # "Điều 5 Quy định ban hành kèm theo Quyết định …": the annex's anchor prefix
    assert ids.anchor_for_citation(article="5", annex="qd") == "qd-dieu-5"
    assert ids.anchor_for_citation(section="1", chapter="II") == "chuong-2-muc-1"
    assert ids.anchor_for_citation(article="5", chapter="II") == "dieu-5"


TEXT = """QUYẾT ĐỊNH
Ban hành Quy chế

Chương I
QUY ĐỊNH CHUNG

Mục 1
PHẠM VI

Điều 1. Phạm vi
1. Khoản một.
a) Điểm a.
đ) Điểm đ.
2. Khoản hai.

Điều 1. Phạm vi lặp lại
1. Khoản một của Điều 1 lặp lại.
"""


def _paths(nodes, above=()):
    for n in nodes:
        path = above + ((n.kind, n.num),)
        if n.kind not in ("paragraph", "item", "table"):
            yield n, list(path)
        yield from _paths(n.children, path)


def test_parser_anchors_are_ids_anchor_of_their_path():
    d = parse(TEXT)
    got = {n.anchor: ids.anchor(path) for n, path in _paths(d.body)}
    assert got["dieu-1-khoan-1-diem-dd"] == "dieu-1-khoan-1-diem-dd"
    assert got["chuong-1-muc-1"] == "chuong-1-muc-1"
    # the repeated article keeps a deterministic anchor, and its clauses go on from it
    assert "dieu-1-2" in got and "dieu-1-2-khoan-1" in got
    assert all(a == want for a, want in got.items() if not a.startswith("dieu-1-2")), got


def test_duplicate_anchor_is_reported_with_both_lines():
    d = parse(TEXT)
    (w,) = [w for w in d.warnings if w.code == "duplicate-anchor"]
    first = next(n.line for n in d.all_nodes() if n.anchor == "dieu-1")
    second = next(n.line for n in d.all_nodes() if n.anchor == "dieu-1-2")
    assert w.line == second and f"dòng {first}" in w.message and f"dòng {second}" in w.message
    assert w.message.rsplit("#", 1)[1] == "dieu-1-2"


# --- document ids --------------------------------------------------------------------------------------------
# Invented documents: a province decision with a local number, a central decree, a Party regulation with no
# number, a web page. Their ids come from their facts; the file names are arbitrary.
PROVINCES = ["Ninh Bình", "Đồng Nai", "Hà Tĩnh", "Lai Châu", "Bắc Ninh"]
TOPICS = ["công tác dân vận", "tiếp công dân", "phối hợp thông tin", "quản lý hồ sơ", "thi đua khen thưởng",
          "dân chủ ở cơ sở", "cải cách hành chính"]


def _text(kind: str, n: int, year: int, place: str, topic: str) -> str:
    if kind == "local":
        return (f"ỦY BAN NHÂN DÂN\nTỈNH {place.upper()}\n\nSố: {n}/{year}/QĐ-UBND\n\n{place}, ngày 3 tháng 4 năm {year}"
                f"\n\nQUYẾT ĐỊNH\nBan hành Quy chế {topic}\n\nĐiều 1. Ban hành Quy chế {topic}.\n")
    if kind == "central":
        return (f"CHÍNH PHỦ\n\nSố: {n}/{year}/NĐ-CP\n\nHà Nội, ngày 5 tháng 6 năm {year}\n\nNGHỊ ĐỊNH\nQuy định về {topic}"
                f"\n\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định về {topic}.\n")
    if kind == "party":
        return (f"TỈNH ỦY {place.upper()}\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nQUY CHẾ\n{topic} của hệ thống chính trị\n\n"
                f"Điều 1. Phạm vi\nQuy chế này quy định {topic}.\n")
    return f"# Hỏi đáp về {topic} năm {year}\n\nNgười dân hỏi về {topic} tại {place}.\n"


doc_facts = st.tuples(st.sampled_from(["local", "central", "party", "page"]), st.integers(1, 400),
                      st.integers(2019, 2025), st.sampled_from(PROVINCES), st.sampled_from(TOPICS))
file_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)


def _corpus_ids(root: Path) -> dict[str, tuple[str, list[str]]]:
    res = load_corpus(root)
    return {d.source.path: (d.id, [w.message for w in d.warnings if w.code == "id-collision"])
            for d in res.documents}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(file_names, doc_facts), min_size=1, max_size=6, unique_by=lambda x: x[0]),
       st.tuples(file_names, doc_facts))
def test_adding_a_file_renames_no_other_page(docs, new):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, facts in docs:
            (root / f"{name}.txt").write_text(_text(*facts), encoding="utf-8")
        before = _corpus_ids(root)
        new_name = f"{new[0]}-new.txt"
        (root / new_name).write_text(_text(*new[1]), encoding="utf-8")
        after = _corpus_ids(root)
    assert len({i for i, _ in after.values()}) == len(after)            # ids stay unique
    for path, (old_id, _) in before.items():
        new_id, collisions = after[path]
        if new_id != old_id:
            # only a collision with the new file renames a page, and then both pages say so
            assert any(new_name in m for m in collisions), (path, old_id, new_id)
            assert any(path in m for m in after[new_name][1])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(doc_facts, min_size=1, max_size=5), st.permutations(range(5)))
def test_ids_do_not_depend_on_file_order(facts, order):
    """The same texts under other file names (so found in another order) get the same ids, unless an id comes
    from the file name (a text without a title of its own)."""
    runs = []
    for names in (list(range(len(facts))), [order[i] for i in range(len(facts))]):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            for i, f in enumerate(facts):
                (root / f"{names[i]:02d}.txt").write_text(_text(*f) + f"\n{i}\n" * (i > 0), encoding="utf-8")
            res = load_corpus(root)
            runs.append(sorted(d.id for d in res.documents))
    assert runs[0] == runs[1]


def test_seed_ids_are_kept():
    res = load_corpus(CORPUS)
    assert {d.id for d in res.documents} == {"dong-nai-03-qc-bdvtu-bcsdubnd-2021",
                                             "binh-thuan-quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri"}


def test_document_id_from_facts():
    d = parse(_text("local", 102, 2025, "Ninh Bình", "công tác dân vận"))
    assert document_id(d, "ten-tep") == "ninh-binh-102-2025-qd-ubnd"
    d = parse(_text("central", 12, 2024, "Hà Nội", "tiếp công dân"))
    assert document_id(d, "ten-tep") == "12-2024-nd-cp"
    d = parse("Người dân hỏi về tiếp công dân.\n")      # no title of its own: the file name, as a last resort
    assert document_id(d, "Hỏi đáp 7") == "hoi-dap-7"


def test_colliding_ids_are_reported_and_resolved_without_file_order(tmp_path):
    text = _text("local", 7, 2025, "Lai Châu", "tiếp công dân")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text + "\nĐiều 2. Khác.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text(text, encoding="utf-8")      # the same bytes as a.txt
    got = _corpus_ids(tmp_path)
    ids_ = {p: i for p, (i, _) in got.items()}
    assert len(set(ids_.values())) == 3
    assert all(i.startswith("lai-chau-7-2025-qd-ubnd-") for i in ids_.values())
    assert "b.txt" in got["a.txt"][1][0] and "c.txt" in got["a.txt"][1][0] and "a.txt" in got["b.txt"][1][0]
    # the same files under a folder that sorts them the other way round keep their ids
    (tmp_path / "z").mkdir()
    for p in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / p).rename(tmp_path / "z" / p)
    (tmp_path / "z" / "b.txt").rename(tmp_path / "0-b.txt")
    again = {p.rsplit("/", 1)[-1].removeprefix("0-"): i for p, (i, _) in _corpus_ids(tmp_path).items()}
    assert again["b.txt"] == ids_["b.txt"]


# --- addresses of paragraphs, items, tables and rows -------------------------------------------------------------
BLOCKS_TEXT = """QUYẾT ĐỊNH
Ban hành Quy chế

Lời mở đầu của văn bản.

Điều 1. Phạm vi
Đoạn thứ nhất của Điều 1.

Đoạn thứ hai của Điều 1.

| Tên | Số lượng |
|---|---|
| Sở Nội vụ | 2 |
| Sở Tư pháp | 3 |

1. Khoản một:
- Gạch một;
+ Cộng một;
- Gạch hai.

QUY CHẾ
(Ban hành kèm theo Quyết định số 12/QĐ-UBND)

Đoạn mở đầu của Quy chế.

Điều 1. Phạm vi
Quy chế này quy định.
"""


def test_blocks_are_addressed_under_their_parent():
    d = parse(BLOCKS_TEXT)
    got = {(n.kind, n.text[:12] if n.text else None): n.anchor for n in d.all_nodes()}
    assert got[("paragraph", "Lời mở đầu c")] == "doan-1"                 # top of the body
    assert got[("paragraph", "Đoạn thứ nhấ")] == "dieu-1-doan-1"
    assert got[("paragraph", "Đoạn thứ hai")] == "dieu-1-doan-2"
    assert got[("table", None)] == "dieu-1-bang-1"
    assert got[("item", "Gạch một;")] == "dieu-1-khoan-1-y-1"
    assert got[("item", "Cộng một;")] == "dieu-1-khoan-1-y-1-y-1"        # an item under an item
    assert got[("item", "Gạch hai.")] == "dieu-1-khoan-1-y-2"
    assert got[("paragraph", "Đoạn mở đầu ")] == "qc-doan-1"              # an annex: its prefix
    assert ids.row_anchor("dieu-1-bang-1", 3) == "dieu-1-bang-1-dong-3"


def test_block_addresses_are_on_the_page():
    import re

    from danvan import render
    d = parse(BLOCKS_TEXT)
    page_ids = set(re.findall(r'\bid="([^"]+)"', render.render_document(d)))
    anchors = {n.anchor for n in d.all_nodes()}
    assert None not in anchors and anchors <= page_ids
    table = next(n for n in d.all_nodes() if n.kind == "table")
    assert {ids.row_anchor(table.anchor, k) for k in range(1, len(table.rows) + 1)} <= page_ids


def test_a_new_paragraph_renames_no_provision():
    """Adding a paragraph renumbers only the paragraphs after it in the same parent, never an article,
    clause or point, nor the blocks of another parent."""
    a = parse(BLOCKS_TEXT)
    b = parse(BLOCKS_TEXT.replace("Đoạn thứ nhất của Điều 1.", "Đoạn chen vào.\n\nĐoạn thứ nhất của Điều 1."))
    now = {n.text: n.anchor for n in b.all_nodes()}
    for n in a.all_nodes():
        if n.text and not n.anchor.startswith("dieu-1-doan-"):
            assert now[n.text] == n.anchor, n.text


STRUCTURAL = ("part", "chapter", "section", "article", "clause", "point")


@pytest.mark.realworld
def test_realworld_anchors_unique_and_from_structure():
    """Every node of every real document has an anchor, none twice in a document; in a document without
    repeated numbers, every provision's anchor is ids.anchor of its path."""
    from conftest import REALWORLD, require_realworld
    require_realworld()
    res = load_corpus(REALWORLD)
    assert len(res.documents) == 182
    checked = 0
    for d in res.documents:
        seen: set[str] = set()
        for n in d.all_nodes():
            assert n.anchor, (d.source.path, n.kind, n.line)
            assert n.anchor not in seen, (d.source.path, n.anchor)
            seen.add(n.anchor)
        if d.genre == "page" or any(w.code == "duplicate-anchor" for w in d.warnings):
            continue
        for body, prefix in [(d.body, "")] + [(a.body, a.anchor) for a in d.annexes]:
            for n, path in _paths(body):
                if n.kind in STRUCTURAL:
                    assert n.anchor == ids.anchor(path, prefix), (d.source.path, n.anchor)
                    checked += 1
    assert checked > 5000
