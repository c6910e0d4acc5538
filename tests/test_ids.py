"""Stable addresses: one function makes every anchor from structure (ids.anchor), and citations name the same
anchors (ids.anchor_for_citation)."""
from __future__ import annotations

import pytest

from danvan import ids
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
