"""The link stage over the 182 real regulations in ../shared/realworld (read in place, never copied): spans index
their texts and never overlap, links reach anchors that exist, registry keys are safe file names, and most
citations resolve."""
from __future__ import annotations

import pytest

from conftest import REALWORLD, require_realworld
from danvan.corpus import load_corpus
from danvan.ids import is_safe_id
from danvan.link import link, places
from danvan.link.bench import unresolved

pytestmark = pytest.mark.realworld

require_realworld()


@pytest.fixture(scope="module")
def linked():
    docs = load_corpus(str(REALWORLD)).documents
    return docs, link(docs)


def test_spans_index_the_text_and_do_not_overlap(linked):
    docs, links = linked
    for d in docs:
        for place, text, key, _ in places(d):
            refs = links.by_text.get(key, [])
            for r in refs:
                assert text[r.citation.start:r.citation.end] == r.citation.text
            ends = [(r.citation.start, r.citation.end) for r in refs]
            assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:])), (d.id, place.anchor, ends)


def test_links_reach_existing_anchors_and_keys_are_safe(linked):
    docs, links = linked
    anchors = {d.id: {n.anchor for n in d.all_nodes()} | {a.anchor for a in d.annexes} for d in docs}
    refs = [r for d in docs for r in links.references.get(d.id, [])]
    assert len(refs) > 5000
    for r in refs:
        if r.doc_id and r.anchor:
            assert r.anchor in anchors[r.doc_id], (r.place.doc_id, r.citation.text, r.anchor)
    for key in links.registry:
        assert is_safe_id(key), key
    resolved = sum(1 for r in refs if not unresolved(r))
    assert resolved / len(refs) > 0.8
