"""`danvan bench cite`: precision and recall of the link stage on the hand-checked gold of the seeds, and what it
finds in a real-world corpus (how many citations, the share resolved, a sample of the unresolved)."""
from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path

from . import Links, Reference, link

DEFAULT_GOLD = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "cite-gold.json"


def key_of(r: Reference) -> tuple:
    """What a gold item says of one citation: where, the span, its relation type and its target."""
    return (r.place.doc_id, r.place.field, r.place.anchor, r.place.index, r.citation.text,
            "nội bộ" if r.internal else r.relation, r.target, r.anchor)


def gold_keys(gold: list[dict]) -> list[tuple]:
    return [(g["doc"], g["field"], g["anchor"], g.get("index", 0), g["span"], g["type"], g["target"],
             g.get("target_anchor")) for g in gold]


def score(links: Links, gold: list[dict], docs: set[str]) -> dict:
    pred = Counter(key_of(r) for d in docs for r in links.references.get(d, []))
    want = Counter(gold_keys(gold))
    hit = sum((pred & want).values())
    return {"gold": sum(want.values()), "found": sum(pred.values()), "correct": hit,
            "precision": hit / sum(pred.values()) if pred else 1.0, "recall": hit / sum(want.values()) if want else 1.0,
            "missed": sorted((want - pred).elements()), "spurious": sorted((pred - want).elements())}


def unresolved(r: Reference) -> str | None:
    """Why a reference does not reach its target, or None when it does."""
    c = r.citation
    if not r.target:
        return "không có đích"
    if c.kind == "provision" and r.doc_id and r.wanted_anchor and r.anchor != r.wanted_anchor:
        return f"không có {r.wanted_anchor} (dẫn tới {r.anchor or 'đầu văn bản'})"
    return None


def bench_cite(corpus: str, realworld: str | None, gold_path: str | None = None, sample: int = 12) -> int:
    from ..corpus import load_corpus
    gold_file = Path(gold_path) if gold_path else DEFAULT_GOLD
    res = load_corpus(corpus)
    t0 = time.perf_counter()
    links = link(res.documents)
    t1 = time.perf_counter()
    if gold_file.is_file():
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["citations"]
        s = score(links, gold, {d.id for d in res.documents})
        print(f"gold ({gold_file.name}): {s['gold']} trích dẫn; tìm được {s['found']}, đúng {s['correct']}")
        print(f"  precision {s['precision']:.1%} · recall {s['recall']:.1%}")
        for m in s["missed"]:
            print(f"  thiếu: {m}")
        for m in s["spurious"]:
            print(f"  thừa:  {m}")
    else:
        print(f"{gold_file}: không có tệp gold (chỉ có trong bản checkout)")
    print(f"  link: {len(res.documents)} văn bản trong {t1 - t0:.3f} s")
    if not realworld:
        return 0
    rw = load_corpus(realworld)
    t0 = time.perf_counter()
    lk = link(rw.documents)
    t1 = time.perf_counter()
    refs = [r for d in rw.documents for r in lk.references.get(d.id, [])]
    kinds = Counter(r.citation.kind for r in refs)
    outward = [r for r in refs if not r.internal]
    internal = [r for r in refs if r.internal]
    in_corpus = sum(1 for r in outward if r.doc_id)
    registry = sum(1 for r in outward if r.target and not r.doc_id)
    bad = [(r, why) for r in refs if (why := unresolved(r))]
    n = len(refs) or 1
    print(f"realworld: {len(rw.documents)} văn bản, {len(refs)} trích dẫn trong {t1 - t0:.2f} s "
          f"({', '.join(f'{k} {v}' for k, v in kinds.most_common())})")
    print(f"  dẫn chiếu văn bản khác: {len(outward)} — trong bộ sưu tập {in_corpus} ({in_corpus / n:.1%}), "
          f"sổ đăng ký {registry} ({registry / n:.1%})")
    print(f"  trong chính văn bản: {len(internal)} ({len(internal) / n:.1%}); "
          f"đã phân giải: {n - len(bad)} ({(n - len(bad)) / n:.1%}); chưa phân giải: {len(bad)}")
    print(f"  văn bản được dẫn chiếu ngoài bộ sưu tập: {len(lk.registry)}; "
          f"quan hệ: {dict(Counter(r.relation for r in outward).most_common())}")
    rnd = random.Random(7)
    for r, why in rnd.sample(bad, min(sample, len(bad))):
        print(f"  chưa phân giải [{r.place.doc_id} #{r.place.anchor}] {r.citation.text!r}: {why}")
    return 0
