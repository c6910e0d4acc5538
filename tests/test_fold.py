"""The preamble fold's rule (danvan.render.fold): what folds, and what its summary says; and that the folded
lines keep their ids, their text and their order in the page."""
from __future__ import annotations

import re

import pytest

from danvan.model import Document, Node, PreambleItem
from danvan.render import render_document
from danvan.render.fold import MIN_CHARS, fold_summary, folded_count


def items(*kinds, size=40):
    return [PreambleItem(kind=k, text=("Căn cứ " if k == "basis" else "Dòng ") + "x" * size) for k in kinds]


@pytest.mark.parametrize("preamble, folded, summary", [
    (items("basis", "basis", "basis", "basis", "enacting"), 4, "Căn cứ ban hành (4)"),
    (items("basis", "basis", "proposal", "enacting"), 3, "Căn cứ ban hành (2 căn cứ, 1 đề nghị)"),
    (items("paragraph", "basis", "basis", "basis", "proposal", "enacting"), 5,
     "Căn cứ ban hành (1 đoạn, 3 căn cứ, 1 đề nghị)"),
    (items("paragraph", "paragraph", "paragraph"), 3, "Phần mở đầu (3 đoạn)"),
    (items("implementing", size=MIN_CHARS + 1), 1, "Căn cứ ban hành (1)"),          # one long line
    (items("basis", "basis", "enacting"), 2, None),                                   # short: stays as it is
    (items("enacting"), 0, None),
    ([], 0, None),
])
def test_fold_rule(preamble, folded, summary):
    assert folded_count(preamble) == folded
    assert fold_summary(preamble) == summary


def test_folded_lines_keep_ids_text_and_order():
    pre = items("basis", "basis", "basis", "proposal", "enacting")
    doc = Document(id="q", url="van-ban/q.html", title="Quyết định thử", type="Quyết định", number="1/QĐ",
                   date=None, place=None, locality=None, level=None, preamble=pre,
                   body=[Node(kind="article", num="1", anchor="dieu-1", text="Nội dung.")])
    page = render_document(doc)
    fold = re.search(r'<details class="dv-fold dv-pre-fold"><summary class="dv-fold-sum">([^<]*)</summary>\n(.*?)</details>',
                     page, re.S)
    assert fold and fold.group(1) == "Căn cứ ban hành (3 căn cứ, 1 đề nghị)"
    assert re.findall(r'id="(loi-dan-doan-\d)"', fold.group(2)) == [f"loi-dan-doan-{i}" for i in range(1, 5)]
    assert 'id="loi-dan-doan-5">Dòng' in page[fold.end():]            # the enacting formula stays outside
    assert page.index("loi-dan-doan-5") < page.index('id="dieu-1"')
