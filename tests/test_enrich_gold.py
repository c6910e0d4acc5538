"""Hand-labelled duties of both seeds (tests/data/duties_gold.json) against the extractor."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from danvan.enrich import enrich
from danvan.enrich.bench import gold_scores
from danvan.enrich.cues import load_cues
from danvan.enrich.gazetteer import load_gazetteer

GOLD = json.loads((Path(__file__).parent / "data" / "duties_gold.json").read_text(encoding="utf-8"))


def test_gold_labels_every_clause_and_point(seed_docs):
    """Every clause and point (and article without clauses) of both seeds is labelled, and nothing else."""
    docs = {d.id: d for d in seed_docs.values()}
    assert set(GOLD["documents"]) == set(docs)
    for doc_id, units in GOLD["documents"].items():
        want = {n.anchor for n in docs[doc_id].all_nodes()
                if n.kind in ("clause", "point")
                or (n.kind == "article" and not any(c.kind in ("clause", "point") for c in n.children))}
        assert set(units) == want, doc_id


def test_gold_uses_known_agencies_roles_and_periods():
    gz, cues = load_gazetteer(), load_cues()
    for units in GOLD["documents"].values():
        for duties in units.values():
            for agency, role, periods in duties:
                assert agency in gz.kinds and role in cues.roles and set(periods) <= set(cues.periods)


@pytest.mark.parametrize("field", ["agency", "role", "period"])
def test_seed_f1(seed_docs, field):
    scores = gold_scores(GOLD, enrich(list(seed_docs.values())))
    s = scores[field]
    assert s.f1 >= 0.95, (field, s)
