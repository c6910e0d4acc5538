"""The enrich stage over ../shared/realworld (test data only): it runs on every document, every duty is well
formed, and a share of clauses gets a duty (figures: `danvan bench duties --realworld …`)."""
from __future__ import annotations

import re

import pytest

from conftest import REALWORLD, require_realworld

pytestmark = pytest.mark.realworld
require_realworld()


def test_realworld_duties():
    from danvan.corpus import load_corpus
    from danvan.enrich import enrich
    from danvan.enrich.bench import realworld_coverage
    from danvan.enrich.cues import load_cues
    docs = load_corpus(str(REALWORLD), progress=False).documents
    enr = enrich(docs)
    cues = load_cues()
    for d in enr.all_duties():
        assert re.fullmatch(r"[a-z0-9-]+/[a-z0-9-]+", d.agency_id)
        assert d.role in cues.roles and set(d.period) <= set(cues.periods)
        assert d.text.strip()
    cov = realworld_coverage(docs, sample=20)
    assert cov["units"] > 10000
    assert cov["share"] >= 0.04, cov["share"]
    assert len(cov["sample"]) == 20
