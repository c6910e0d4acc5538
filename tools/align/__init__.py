"""Central ↔ provincial alignment: which article of a provincial text answers which article of the central
text it implements, and how it was adapted (giữ nguyên, điều chỉnh, bổ sung, không có tương ứng).

Stage of the pipeline after link (citations): pure functions over parsed Documents.

    align_corpus(documents, implements, missing=None) -> Alignments
    implemented_documents(documents) -> [(provincial doc id, central doc id)]   (fallback detector)
    missing_central(documents) -> {doc id: [CitedCentral]}                      (implemented, text not in corpus)

Modules: text (words, tone-canonical keys, locality names), match (similarity matrix, assignment, classes),
diff (word-level segments), detect (fallback detector), patterns (its patterns), export (JSON keys).
"""
from __future__ import annotations

import time

from ..model import Document
from .detect import detect_implements, implemented_citations, implemented_documents, missing_central
from .match import align_documents, article_part
from .model import (ADDED, CHANGED, CLASS_NAMES, CLASSES, MISSING, SAME, Alignment, Alignments, ArticleRef,
                    CitedCentral, Pair, Segment)


def align_corpus(documents: list[Document], implements: list[tuple[str, str]],
                 missing: dict[str, list[CitedCentral]] | None = None) -> Alignments:
    """Align every (provincial id, central id) pair of `implements` whose two documents are in `documents`
    (pairs naming a document that is not there are skipped). `missing`: central documents implemented but not in
    the corpus, by implementing doc id (shown as such on its page)."""
    t0 = time.perf_counter()
    by_id = {d.id: d for d in documents}
    out = Alignments(missing=dict(missing or {}))
    seen = set()
    for prov_id, central_id in implements:
        if (prov_id, central_id) in seen or prov_id == central_id:
            continue
        seen.add((prov_id, central_id))
        prov, central = by_id.get(prov_id), by_id.get(central_id)
        if prov is None or central is None:
            continue
        if not article_part(prov)[1] or not article_part(central)[1]:
            continue
        out.alignments.append(align_documents(prov, central))
    out.seconds = time.perf_counter() - t0
    return out


def align_site(documents: list[Document]) -> Alignments:
    """The alignments of a corpus with the fallback detector (what the site build uses until danvan.link's
    relations are wired in)."""
    pairs, missing = detect_implements(documents)
    return align_corpus(documents, pairs, missing)


__all__ = ["ADDED", "CHANGED", "CLASSES", "CLASS_NAMES", "MISSING", "SAME", "Alignment", "Alignments",
           "ArticleRef", "CitedCentral", "Pair", "Segment", "align_corpus", "align_documents", "align_site",
           "detect_implements", "implemented_citations", "implemented_documents", "missing_central"]
