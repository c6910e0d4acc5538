"""`danvan bench duties`: precision, recall and F1 of agency, role and period against hand-labelled gold,
and on a real-world folder the share of clauses with an extracted duty plus a sample for review."""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from . import Enrichment, enrich, enrich_document
from .duties import UNIT_KINDS


@dataclass
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score(gold: set, got: set) -> Score:
    return Score(len(gold & got), len(got - gold), len(gold - got))


def triples(gold_docs: dict) -> tuple[set, set, set]:
    """Gold as sets: (doc, anchor, agency), (doc, anchor, agency, role), (doc, anchor, period)."""
    ag, ro, pe = set(), set(), set()
    for doc_id, units in gold_docs.items():
        for anchor, duties in units.items():
            for agency, role, periods in duties:
                ag.add((doc_id, anchor, agency))
                ro.add((doc_id, anchor, agency, role))
                pe.update((doc_id, anchor, p) for p in periods)
    return ag, ro, pe


def extracted(enr: Enrichment, doc_ids) -> tuple[set, set, set]:
    ag, ro, pe = set(), set(), set()
    for (doc_id, anchor), duties in enr.duties.items():
        if doc_id not in doc_ids:
            continue
        for d in duties:
            ag.add((doc_id, anchor, d.kind))
            ro.add((doc_id, anchor, d.kind, d.role))
            pe.update((doc_id, anchor, p) for p in d.period)
    return ag, ro, pe


def gold_scores(gold: dict, enr: Enrichment) -> dict[str, Score]:
    docs = gold["documents"]
    g = triples(docs)
    e = extracted(enr, set(docs))
    return {name: _score(a, b) for name, a, b in zip(("agency", "role", "period"), g, e)}


def realworld_coverage(documents, sample: int = 20, seed: int = 10) -> dict:
    """Share of clauses and points that get at least one duty; a reproducible sample of extracted duties."""
    units = with_duty = 0
    picked: list[dict] = []
    for doc in documents:
        found, _ = enrich_document(doc)
        for node, duties in found:
            if node.kind not in UNIT_KINDS:
                continue
            units += 1
            if duties:
                with_duty += 1
                picked.append({"doc": doc.id, "anchor": node.anchor, "text": " ".join(node.text.split())[:160],
                               "duties": [(d.kind, d.role, d.period) for d in duties]})
    rnd = random.Random(seed)
    return {"units": units, "with_duty": with_duty, "share": with_duty / units if units else 0.0,
            "sample": rnd.sample(picked, min(sample, len(picked)))}


def bench_duties(corpus: str, gold_path: str | None, realworld: str | None, sample: int = 20) -> int:
    from ..corpus import load_corpus
    res = load_corpus(corpus, progress=False)
    enr = enrich(res.documents)
    print(f"{len(res.documents)} văn bản, {sum(len(v) for v in enr.duties.values())} nhiệm vụ, "
          f"{len(enr.agencies)} cơ quan")
    if gold_path and Path(gold_path).is_file():
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
        for name, s in gold_scores(gold, enr).items():
            print(f"  {name:7} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  (đúng {s.tp}, thừa {s.fp}, thiếu {s.fn})")
    elif gold_path:
        print(f"không thấy tệp nhãn chuẩn {gold_path}")
    if realworld:
        rw = load_corpus(realworld, progress=False)
        cov = realworld_coverage(rw.documents, sample)
        print(f"{realworld}: {len(rw.documents)} văn bản, {cov['units']} khoản/điểm, "
              f"{cov['with_duty']} có nhiệm vụ ({cov['share']:.1%})")
        for s in cov["sample"]:
            print(f"  - {s['doc']}#{s['anchor']}: " + "; ".join(f"{k}/{r}" + (f"/{','.join(p)}" if p else "")
                                                          for k, r, p in s["duties"]))
            print(f"      {s['text']}")
    return 0
