"""The alignment on real texts (../shared/realworld, read only): every document with 4 to 30 articles is aligned
with a copy of itself that drops one article and swaps two others — a province that keeps the rest word for
word. Every kept article must come back 'giữ nguyên' with its own counterpart, the swapped ones marked moved,
the dropped one 'không có tương ứng'. Also the fallback detector over the whole corpus: what it reports is
cited in the document's own căn cứ/thực hiện lines or title."""
from __future__ import annotations

import copy

import pytest

from conftest import REALWORLD, require_realworld

pytestmark = pytest.mark.realworld
require_realworld()

from danvan.align import MISSING, SAME, align_documents, detect_implements  # noqa: E402
from danvan.align.match import CONTAINER_KINDS, article_part  # noqa: E402
from danvan.corpus import load_corpus  # noqa: E402


@pytest.fixture(scope="module")
def docs():
    return load_corpus(REALWORLD).documents


def _parents(nodes, out):
    """(container list, index) of every article, in reading order."""
    for k, n in enumerate(nodes):
        if n.kind == "article":
            out.append((nodes, k))
        elif n.kind in CONTAINER_KINDS:
            _parents(n.children, out)
    return out


def _adapted(doc):
    """A copy that swaps the first two articles of one container and drops the last article."""
    twin = copy.deepcopy(doc)
    twin.id = doc.id + "-tinh"
    prefix, _ = article_part(twin)
    body = next(a.body for a in twin.annexes if a.anchor == prefix) if prefix else twin.body
    places = _parents(body, [])
    swapped = next(((lst, k) for lst, k in places if k + 1 < len(lst) and lst[k + 1].kind == "article"), None)
    if swapped:
        lst, k = swapped
        lst[k], lst[k + 1] = lst[k + 1], lst[k]
    lst, k = _parents(body, [])[-1]
    dropped = lst.pop(k)
    return twin, dropped, swapped is not None


def test_a_copy_that_keeps_the_text_aligns_word_for_word(docs):
    checked = 0
    for doc in docs:
        _, arts = article_part(doc)
        texts = [" ".join(a.text.split()) + repr([c.text for c in a.walk()]) for a in arts]
        if not 4 <= len(arts) <= 30 or len(set(texts)) < len(texts):
            continue   # identical articles could pair either way
        twin, dropped, swapped = _adapted(doc)
        al = align_documents(twin, doc)
        rows = {(p.provincial.anchor if p.provincial else None, p.central.anchor if p.central else None, p.cls)
                for p in al.pairs}
        _, twin_arts = article_part(twin)
        assert rows == {(a.anchor, a.anchor, SAME) for a in twin_arts} | {(None, dropped.anchor, MISSING)}, doc.id
        assert sum(p.moved for p in al.pairs) == (1 if swapped else 0), doc.id
        checked += 1
    print(f"{checked} documents aligned with their adapted copy")
    assert checked >= 30


def test_detector_reports_only_numbers_the_document_cites(docs):
    pairs, missing = detect_implements(docs)
    by_id = {d.id: d for d in docs}
    for doc_id, cited in missing.items():
        doc = by_id[doc_id]
        lines = [doc.title, *doc.title_lines, *(p.text for p in doc.preamble),
                 *(p.text for a in doc.annexes for p in a.preamble)]
        for c in cited:
            assert any(c.text == ln for ln in lines), (doc_id, c.text)
            assert doc.level != "central" and doc.genre == "regulation"
    assert all(by_id[c].level == "central" for _, c in pairs)
