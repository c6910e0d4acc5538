"""sentence_case: the worked examples of tools/data/names.json, and what it must never do."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from danvan.render.titles import is_all_caps, sentence_case

EXAMPLES = json.loads(resources.files("danvan.data").joinpath("names.json").read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["in"][:40] or "empty" for e in EXAMPLES])
def test_worked_examples(ex):
    assert sentence_case(ex["in"], ex.get("names", ())) == ex["out"]


@pytest.mark.parametrize("text", ["Quy chế phối hợp giữa UBND và MTTQ", "quy chế viết thường", "123/2024", "—"])
def test_text_in_normal_case_or_without_letters_is_unchanged(text):
    assert sentence_case(text) == text


def test_same_letters_only_case_changes():
    src = "QUYẾT ĐỊNH BAN HÀNH QUY CHẾ QUẢN LÝ, VẬN HÀNH HỆ THỐNG 03-QC/BDVTU TỈNH NINH BÌNH (KÈM THEO)"
    out = sentence_case(src)
    assert out.upper() == src and out != src
    assert "03-QC/BDVTU" in out and "Ninh Bình" in out


def test_is_all_caps():
    assert is_all_caps("ĐIỀU 1. PHẠM VI") and not is_all_caps("Điều 1") and not is_all_caps("123")
