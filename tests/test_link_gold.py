"""The link stage against the hand-checked gold of the two seeds (tests/data/cite-gold.json): every citation
found, with its span, relation type, registry key and provision; nothing else found. And `danvan bench cite`."""
from __future__ import annotations

import json
from pathlib import Path

from danvan import cli
from danvan.link import link
from danvan.link.bench import score

GOLD = json.loads((Path(__file__).parent / "data" / "cite-gold.json").read_text(encoding="utf-8"))["citations"]


def test_seeds_match_the_gold_exactly(seed_docs):
    docs = list(seed_docs.values())
    s = score(link(docs), GOLD, {d.id for d in docs})
    assert s["missed"] == [] and s["spurious"] == []
    assert s["precision"] == 1.0 and s["recall"] == 1.0 and s["gold"] == len(GOLD) == 22


def test_gold_spans_are_in_the_texts(seed_docs):
    by_id = {d.id: d for d in seed_docs.values()}
    texts = {}
    for d in by_id.values():
        for i, p in enumerate(d.preamble):
            texts[(d.id, "preamble", f"loi-dan-doan-{i + 1}")] = p.text
        for n in d.all_nodes():
            texts[(d.id, "text", n.anchor)] = n.text
    for g in GOLD:
        assert g["span"] in texts[(g["doc"], g["field"], g["anchor"])], g


def test_the_seeds_scope_the_local_numbers_apart(seed_docs):
    keys = {(g["doc"].split("-")[0], g["target"]) for g in GOLD}
    assert ("binh", "binh-thuan-2898-qd-tu-2010") in keys and ("dong", "dong-nai-31-kh-tu-2021") in keys
    central = {g["target"] for g in GOLD if g["span"] == "Quyết định số 23-QĐ/TW"}
    assert central == {"23-qd-tw-2021"}          # one key for the two seeds that cite it


def test_bench_cite_prints_the_figures(capsys):
    root = Path(__file__).resolve().parent.parent
    assert cli.main(["bench", "cite", "--corpus", str(root / "corpus"), "--realworld", ""]) == 0
    out = capsys.readouterr().out
    assert "precision 100.0% · recall 100.0%" in out
