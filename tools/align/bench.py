"""`danvan bench align --corpus DIR`: how many documents implement a central document (and how many of those
central documents are in the corpus), how many pairs and article rows were aligned, by class, and the time
the alignment stage takes (parsing excluded)."""
from __future__ import annotations

import time
from collections import Counter

from ..corpus import load_corpus
from . import align_corpus, detect_implements


def bench_align(corpus: str, repeat: int = 1) -> dict:
    t0 = time.perf_counter()
    res = load_corpus(corpus)
    t_load = time.perf_counter() - t0
    docs = res.documents
    t1 = time.perf_counter()
    pairs, missing = detect_implements(docs)
    t_detect = time.perf_counter() - t1
    best = None
    for _ in range(max(1, repeat)):
        al = align_corpus(docs, pairs, missing)
        best = al.seconds if best is None else min(best, al.seconds)
    classes: Counter = Counter()
    for a in al.alignments:
        classes.update(a.counts())
    implementing = {p for p, _ in pairs} | set(missing)
    figures = {
        "documents": len(docs),
        "central_documents": sum(1 for d in docs if d.level == "central"),
        "implementing_documents": len(implementing),
        "implementing_in_corpus": len({p for p, _ in pairs}),
        "cited_central_missing": sum(len(v) for v in missing.values()),
        "pairs_aligned": len(al.alignments),
        "rows": dict(classes),
        "seconds_load": round(t_load, 3),
        "seconds_detect": round(t_detect, 4),
        "seconds_align": round(best, 4),
    }
    print(f"{figures['documents']} văn bản ({figures['central_documents']} văn bản trung ương); "
          f"{figures['implementing_documents']} văn bản thực hiện một văn bản trung ương, trong đó "
          f"{figures['implementing_in_corpus']} thực hiện văn bản có trong bộ văn bản; "
          f"{figures['cited_central_missing']} dẫn chiếu tới văn bản trung ương chưa có toàn văn")
    print(f"đối chiếu: {figures['pairs_aligned']} cặp văn bản; các điều: "
          + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    for a in al.alignments:
        print(f"  {a.provincial_id} -> {a.central_id}: " + ", ".join(f"{k} {v}" for k, v in a.counts().items()))
    print(f"thời gian: đọc và phân tích {t_load:.2f} s; tìm cặp {t_detect * 1000:.1f} ms; "
          f"đối chiếu {best * 1000:.1f} ms")
    return figures
