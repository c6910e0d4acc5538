"""`danvan bench search`: quality (MRR@10, Recall@10 per query kind) and speed of the search engines.

The evaluation knows nothing of any engine: `evaluate(search, query_set, units)` takes a function
query -> [Hit] (a Hit names its document and its unit's anchor), so the browser engine can be measured the
same way once it exists (danvan.search.prebuilt.PrebuiltEngine is its Python reference).

Query sets (tests/search_queries/*.json) name their targets by document file, article number and optional
clause number ("DN/3.3", "BT/head", "<stem>/annex1/7"), resolved here to the units' anchors, so the sets
survive changes of anchors by the parser.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .units import Unit, corpus_units

K = 10


@dataclass
class Target:
    uid: str                    # unit uid
    clause_anchor: str | None   # anchor of the clause the hit should link to, when the target names one


@dataclass
class Judged:
    query: str
    kind: str
    targets: list[Target]
    unresolved: list[str] = field(default_factory=list)


def _doc_for(alias: str, docs_map: dict, by_source: dict):
    path = docs_map.get(alias, alias)
    for cand in (path, path + ".md", path + ".txt"):
        if cand in by_source:
            return by_source[cand]
    for src, d in by_source.items():
        if Path(src).stem == alias:
            return d
    return None


def resolve(query_set: dict, units: list[Unit]) -> list[Judged]:
    """Targets of every query resolved to unit uids (unresolvable ones listed, never silently dropped)."""
    by_source = {}
    for u in units:
        if u.doc.source:
            by_source.setdefault(u.doc.source.path, u.doc)
    by_key: dict[tuple, list[Unit]] = {}
    heads = {}
    for u in units:
        if u.kind == "document":
            heads[u.doc.id] = u
        if u.kind in ("article", "quote"):   # a page's quoted article counts as the article
            by_key.setdefault((u.doc.id, u.annex_index, u.article_num), []).append(u)
    docs_map = query_set.get("docs", {})
    out = []
    for q in query_set["queries"]:
        j = Judged(q["query"], q["kind"], [])
        for t in q["relevant"]:
            parts = t.split("/")
            doc = _doc_for(parts[0], docs_map, by_source)
            if doc is None:
                j.unresolved.append(t)
                continue
            if parts[1] == "head":
                j.targets.append(Target(heads[doc.id].uid, None))
                continue
            annex = None
            rest = parts[1:]
            if rest[0].startswith("annex"):
                annex = int(rest[0][5:]) - 1
                rest = rest[1:]
            art, _, clause = rest[0].partition(".")
            cands = by_key.get((doc.id, annex, art), [])
            if not cands:   # the parser moved the article (annex <-> body, annexes split or merged): unique?
                cands = [u for (d, a, n), us in by_key.items() if d == doc.id and n == art for u in us]
            if len(cands) != 1:
                j.unresolved.append(t + (" (ambiguous)" if cands else ""))
                continue
            u = cands[0]
            anchor = None
            if clause and u.node is not None:
                anchor = next((c.anchor for c in u.node.children if c.kind == "clause" and c.num == clause), None)
            j.targets.append(Target(u.uid, anchor))
        out.append(j)
    return out


def hit_uid(h) -> str:
    return f"{h.doc}#{h.unit_anchor or ''}"


def evaluate(search, judged: list[Judged], k: int = K) -> dict:
    """MRR@k and Recall@k per kind and overall; clause accuracy of the first relevant hit; timings."""
    rows = []
    times = []
    for j in judged:
        if not j.targets:
            continue
        t0 = time.perf_counter()
        hits = search(j.query, k)
        times.append(time.perf_counter() - t0)
        rel = {t.uid: t for t in j.targets}
        rank, clause_ok = None, None
        found = set()
        for i, h in enumerate(hits[:k], 1):
            uid = hit_uid(h)
            if uid in rel:
                found.add(uid)
                if rank is None:
                    rank = i
                    want = rel[uid].clause_anchor
                    clause_ok = None if want is None else (h.anchor == want)
        rows.append({"query": j.query, "kind": j.kind, "rank": rank, "rr": 1 / rank if rank else 0.0,
                     "recall": len(found) / len(rel), "clause_ok": clause_ok,
                     "top": hit_uid(hits[0]) if hits else None})
    kinds = sorted({r["kind"] for r in rows})

    def agg(rs):
        cl = [r["clause_ok"] for r in rs if r["clause_ok"] is not None]
        return {"n": len(rs), "mrr": statistics.mean(r["rr"] for r in rs) if rs else 0.0,
                "recall": statistics.mean(r["recall"] for r in rs) if rs else 0.0,
                "clause": (sum(cl) / len(cl)) if cl else None}
    res = {"kinds": {kd: agg([r for r in rows if r["kind"] == kd]) for kd in kinds}, "overall": agg(rows),
           "rows": rows, "unresolved": [(j.query, u) for j in judged for u in j.unresolved]}
    if times:
        ts = sorted(times)
        res["ms_mean"] = 1000 * statistics.mean(ts)
        res["ms_p95"] = 1000 * ts[min(len(ts) - 1, int(0.95 * len(ts)))]
        res["ms_max"] = 1000 * ts[-1]
    return res


def load_query_set(path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def print_report(title: str, res: dict, out=None) -> None:
    out = out or sys.stdout
    print(f"  {title}", file=out)
    print(f"    {'loại truy vấn':16} {'số':>4} {'MRR@10':>7} {'Recall@10':>9} {'khoản đúng':>10}", file=out)
    for kd, a in list(res["kinds"].items()) + [("TẤT CẢ", res["overall"])]:
        cl = "—" if a["clause"] is None else f"{a['clause']:.2f}"
        print(f"    {kd:16} {a['n']:>4} {a['mrr']:>7.3f} {a['recall']:>9.3f} {cl:>10}", file=out)
    if "ms_mean" in res:
        print(f"    thời gian mỗi truy vấn (trong tiến trình): trung bình {res['ms_mean']:.1f} ms · "
              f"p95 {res['ms_p95']:.1f} ms · lớn nhất {res['ms_max']:.1f} ms", file=out)
    for q, u in res["unresolved"]:
        print(f"    ! không xác định được đích '{u}' của truy vấn '{q}'", file=out)
    misses = [r for r in res["rows"] if r["rr"] < 1]
    if misses:
        print("    truy vấn chưa đứng đầu: " + "; ".join(
            f"'{r['query']}' (hạng {r['rank'] or '>10'})" for r in misses[:12])
            + (" …" if len(misses) > 12 else ""), file=out)


def _engines(documents, which: str, workdir: Path):
    from .whoosh_index import WhooshEngine, build_index
    out = []
    t0 = time.perf_counter()
    if which in ("whoosh", "all"):
        build_index(documents, workdir / "whoosh")
        out.append(("whoosh", WhooshEngine(workdir / "whoosh"), time.perf_counter() - t0))
    if which in ("prebuilt", "all"):
        from .prebuilt import PrebuiltEngine, write_prebuilt
        t0 = time.perf_counter()
        write_prebuilt(documents, workdir / "prebuilt")
        out.append(("prebuilt", PrebuiltEngine(workdir / "prebuilt"), time.perf_counter() - t0))
    return out


def cli_timing(index_dir: Path, queries: list[str], repeat: int = 1) -> float:
    """Mean wall time of `danvan search QUERY --index DIR --json` as a new process (interpreter start,
    imports, opening the index, the query)."""
    exe = Path(sys.executable).with_name("danvan")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "danvan.cli"]
    times = []
    for q in queries * repeat:
        t0 = time.perf_counter()
        subprocess.run(cmd + ["search", q, "--index", str(index_dir), "--json"], capture_output=True,
                       check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        times.append(time.perf_counter() - t0)
    return statistics.mean(times)


def bench_search(sets: list[tuple[str, str, str]], engine: str = "whoosh", cli_calls: int = 5,
                 out=None, browser: bool = False, scale: int = 0) -> dict:
    """sets: (name, corpus dir, query-set file). Prints per-kind quality and timings; returns the figures.
    browser: also build the site and measure its JavaScript engine in Chromium (danvan.search.browser_bench);
    scale: for the realworld set, also an index of that many copies of its documents."""
    out = out or sys.stdout
    from ..corpus import load_corpus
    report = {}
    built: dict[str, tuple] = {}     # corpus -> (documents, units, workdir, engines): sets over one corpus share them
    try:
        for name, corpus, qfile in sets:
            if corpus not in built:
                res = load_corpus(corpus)
                tmp = tempfile.TemporaryDirectory(prefix="danvan-bench-")
                built[corpus] = (res.documents, corpus_units(res.documents), tmp,
                                 _engines(res.documents, engine, Path(tmp.name)))
            _bench_set(name, corpus, qfile, built[corpus], report, engine, cli_calls, out, browser, scale)
    finally:
        for _, _, tmp, engines in built.values():
            for _, eng, _ in engines:
                if hasattr(eng, "close"):
                    eng.close()
            tmp.cleanup()
    return report


def _bench_set(name, corpus, qfile, built, report, engine, cli_calls, out, browser, scale) -> None:
    """One query set over an already indexed corpus: quality per kind, timings, sizes."""
    documents, units, tmpdir, engines = built
    tmp = Path(tmpdir.name)
    print(f"danvan bench search — {name}: {corpus} · {qfile}", file=out)
    judged = resolve(load_query_set(qfile), units)
    for ename, eng, build_s in engines:
        print(f"  công cụ {ename}: {len(documents)} văn bản, {len(units)} mục, lập chỉ mục {build_s:.1f} s", file=out)
        if hasattr(eng, "loaded_log"):
            eng.loaded_log.clear()      # bytes loaded per query: this set's queries only
        r = evaluate(lambda q, k, e=eng: e.search(q, limit=k), judged)
        print_report(f"{ename} · {len(judged)} truy vấn", r, out)
        if ename == "whoosh" and cli_calls:
            qs = [j.query for j in judged[:cli_calls]]
            r["cli_s"] = cli_timing(tmp / "whoosh", qs)
            print(f"    lệnh `danvan search` (tiến trình mới, {len(qs)} lần): trung bình {r['cli_s']:.2f} s/lần",
                  file=out)
        if ename == "prebuilt":
            r["sizes"] = eng.sizes()
            print(f"    chỉ mục trình duyệt: tổng {r['sizes']['total'] / 1e6:.2f} MB, tệp đầu "
                  f"{r['sizes']['meta'] / 1e6:.2f} MB, tải trung bình trước kết quả đầu "
                  f"{statistics.mean(eng.loaded_log) / 1e6 if eng.loaded_log else 0:.2f} MB "
                  f"(lớn nhất {max(eng.loaded_log, default=0) / 1e6:.2f} MB)", file=out)
        report[(name, ename)] = r
    if browser:
        from .browser_bench import bench_browser
        (tmp / name).mkdir(exist_ok=True)
        report[(name, "browser")] = bench_browser(name, corpus, judged, tmp / name,
                                                  scale=scale if name == "realworld" else 0, out=out)
