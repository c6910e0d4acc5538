"""`danvan bench align --corpus DIR`: how many documents implement a central document (and how many of those
central documents are in the corpus), how many pairs and article rows were aligned, by class, and the time
the alignment stage takes (parsing excluded)."""
from __future__ import annotations

import time
from collections import Counter

from ..corpus import load_corpus
from ..ids import slugify
from . import align_corpus, align_documents, detect_implements
from .match import article_part
from .detect import citing_lines, clean_number
from .patterns import RE_CITED_NUMBER


def _citing_central(docs) -> set[str]:
    """Documents whose căn cứ / thực hiện lines or title cite a central document of the corpus at all (as a basis
    or otherwise): the upper bound of what could be aligned."""
    central = {slugify(d.number) for d in docs if d.level == "central" and d.number}
    return {d.id for d in docs if d.level != "central"
            and any(slugify(clean_number(m.group(1))) in central
                    for _, text in citing_lines(d) for m in RE_CITED_NUMBER.finditer(text))}


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
        "citing_central_in_corpus": len(_citing_central(docs)),
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
          f"{figures['cited_central_missing']} dẫn chiếu tới văn bản trung ương chưa có toàn văn; "
          f"{figures['citing_central_in_corpus']} văn bản dẫn chiếu (căn cứ, thực hiện, tên) một văn bản trung ương "
          "có trong bộ văn bản")
    print(f"đối chiếu: {figures['pairs_aligned']} cặp văn bản; các điều: "
          + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    for a in al.alignments:
        print(f"  {a.provincial_id} -> {a.central_id}: " + ", ".join(f"{k} {v}" for k, v in a.counts().items()))
    # the cost on real texts, whatever the corpus holds: every document aligned with itself (the largest
    # matrices a text of that size can give)
    self_times = []
    for d in docs:
        n = len(article_part(d)[1])
        if n:
            t = time.perf_counter()
            align_documents(d, d)
            self_times.append((time.perf_counter() - t, n, d.id))
    figures["self_alignment"] = {"documents": len(self_times), "articles": sum(n for _, n, _ in self_times),
                                 "seconds": round(sum(t for t, _, _ in self_times), 3),
                                 "worst": [round(max(self_times)[0], 3), max(self_times)[1], max(self_times)[2]]
                                 if self_times else None}
    if self_times:
        worst = max(self_times)
        print(f"mỗi văn bản đối chiếu với chính nó: {len(self_times)} văn bản, "
              f"{figures['self_alignment']['articles']} điều, {figures['self_alignment']['seconds']:.2f} s; "
              f"lâu nhất {worst[0]:.2f} s ({worst[2]}, {worst[1]} điều)")
    print(f"thời gian: đọc và phân tích {t_load:.2f} s; tìm cặp {t_detect * 1000:.1f} ms; "
          f"đối chiếu {best * 1000:.1f} ms")
    return figures
