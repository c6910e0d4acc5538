"""`danvan bench search --browser`: the JavaScript engine of the built site, measured in headless Chromium.

For a built site (danvan build writes assets/search/ and search.html) and a query set:

- quality: every query through the browser engine (DanvanSearch in the page), MRR@10 / Recall@10 as for the
  Python engines, and how many top-10 lists differ from PrebuiltEngine's (its Python reference): must be 0;
- query time in the page (performance.now around engine.search, limit 10): a cold pass (each query the first
  time: its shards and text chunks are loaded by <script>) and a warm pass (everything already loaded);
- opening search.html?q=… over file:// in a fresh browser context: the time to the first result rendered
  (performance.now at render, from the start of navigation) and the bytes of every file the page loaded by
  then (the page, Material's assets, ours, the index files), with the index files apart.

`synthetic_documents` makes the scale corpus: N copies of the documents, each copy with its own id, number
and locality (written into the text too), held in memory only.
"""
from __future__ import annotations

import copy
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SYNTHETIC_LOCALITIES = ["Hà Giang", "Cao Bằng", "Lào Cai", "Yên Bái", "Sơn La", "Hòa Bình", "Thái Bình",
                        "Nam Định", "Quảng Trị", "Kon Tum", "Gia Lai", "Đắk Lắk", "Bến Tre", "Cà Mau"]
FIRST_RESULT_QUERIES = 20

_RUN_JS = """async ([queries, limit]) => {
  const e = await DanvanSearch.loadEngine();
  const out = {cold: [], warm: [], hits: []};
  for (const pass of ["cold", "warm"]) {
    for (const q of queries) {
      const t0 = performance.now();
      const r = await e.search(q, {limit});
      out[pass].push(performance.now() - t0);
      if (pass === "cold") out.hits.push(r.hits.map(h => [h.doc, h.unitAnchor, h.anchor]));
    }
  }
  return out;
}"""


# facet counts (the search page's facet list) of each query, Maps made plain objects
FACETS_JS = """async (queries) => {
  const e = await DanvanSearch.loadEngine();
  const out = [];
  for (const q of queries) {
    const r = await e.search(q, {limit: 1, facets: true});
    const f = {};
    for (const [dim, m] of Object.entries(r.facets || {})) f[dim] = Object.fromEntries(m);
    out.push(f);
  }
  return out;
}"""


class BrowserHit:
    """What bench.evaluate reads of a hit."""

    def __init__(self, doc, unit_anchor, anchor):
        self.doc, self.unit_anchor, self.anchor = doc, unit_anchor, anchor


def percentile(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(p * len(v)))] if v else 0.0


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        raise RuntimeError(f"bench search --browser cần Playwright (pip install playwright): {e}") from e
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"bench search --browser cần Chromium tại {CHROMIUM}")
    return sync_playwright


def _file_bytes(url: str, site: Path) -> tuple[int, bool]:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return 0, False
    p = Path(unquote(parts.path))
    try:
        rel = p.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        rel = ""
    return (p.stat().st_size if p.is_file() else 0), rel.startswith("assets/search/")


def browser_figures(site: Path, queries: list[str], first_n: int = FIRST_RESULT_QUERIES, browser=None) -> dict:
    """Run the queries through the site's browser engine over file://; returns hits and figures. `browser`: a
    Playwright browser to use (else Chromium is started here)."""
    if browser is not None:
        return _figures(browser, Path(site).resolve(), queries, first_n)
    with _playwright()() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return _figures(b, Path(site).resolve(), queries, first_n)
        finally:
            b.close()


def _figures(browser, site: Path, queries: list[str], first_n: int) -> dict:
    page_url = (site / "search.html").as_uri()
    res: dict = {}
    ctx = browser.new_context(viewport={"width": 1366, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_url, wait_until="load")
    run = page.evaluate(_RUN_JS, [queries, 10])
    res["facets"] = dict(zip(queries, page.evaluate(FACETS_JS, queries)))
    ctx.close()
    res["hits"] = {q: [BrowserHit(*h) for h in hs] for q, hs in zip(queries, run["hits"])}
    res["cold"], res["warm"] = run["cold"], run["warm"]
    res["errors"] = errors
    firsts, total_bytes, index_bytes, foreign = [], [], [], []
    for q in [q for q in queries if res["hits"][q]][:first_n]:
        ctx = browser.new_context(viewport={"width": 1366, "height": 900})
        page = ctx.new_page()
        urls: list[str] = []
        page.on("request", lambda r, urls=urls: urls.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_url + "?q=" + quote(q), wait_until="commit")
        page.wait_for_selector("a[data-hit]", timeout=30_000)
        firsts.append(page.evaluate("window.DANVAN_SEARCH_PAGE.firstResult"))
        sizes = [_file_bytes(u, site) for u in dict.fromkeys(urls)]
        total_bytes.append(sum(n for n, _ in sizes))
        index_bytes.append(sum(n for n, idx in sizes if idx))
        foreign += [u for u in urls if not u.startswith(("file:", "data:", "blob:", "about:"))]
        ctx.close()
    res.update(first_ms=firsts, bytes=total_bytes, index_bytes=index_bytes, foreign=foreign)
    return res


def print_browser_figures(res: dict, out=None) -> None:
    out = out or sys.stdout
    c, w = res["cold"], res["warm"]
    print(f"    trình duyệt, thời gian mỗi truy vấn (performance.now, {len(c)} truy vấn): "
          f"lần đầu p50 {percentile(c, .5):.1f} ms · p95 {percentile(c, .95):.1f} ms · lớn nhất {max(c, default=0):.1f} ms; "
          f"đã nạp chỉ mục p50 {percentile(w, .5):.1f} ms · p95 {percentile(w, .95):.1f} ms", file=out)
    f, b, ib = res["first_ms"], res["bytes"], res["index_bytes"]
    if f:
        print(f"    mở search.html?q=… qua file:// ({len(f)} truy vấn, trình duyệt mới mỗi lần): kết quả đầu sau "
              f"p50 {percentile(f, .5):.0f} ms · p95 {percentile(f, .95):.0f} ms · lớn nhất {max(f):.0f} ms", file=out)
        print(f"    đã tải trước kết quả đầu: trung bình {statistics.mean(b) / 1e6:.2f} MB · lớn nhất {max(b) / 1e6:.2f} MB "
              f"(riêng chỉ mục: trung bình {statistics.mean(ib) / 1e6:.2f} MB · lớn nhất {max(ib) / 1e6:.2f} MB)", file=out)
    if res.get("foreign"):
        print(f"    ! yêu cầu ra ngoài máy: {res['foreign'][:5]}", file=out)
    if res.get("errors"):
        print(f"    ! lỗi JavaScript: {res['errors'][:5]}", file=out)


def same_as_reference(res: dict, reference, queries: list[str]) -> list[str]:
    """Queries whose browser top 10 (document, unit, clause anchor) differs from the reference engine's."""
    diff = []
    for q in queries:
        py = [(h.doc, h.unit_anchor, h.anchor) for h in reference.search(q, limit=10)]
        js = [(h.doc, h.unit_anchor, h.anchor) for h in res["hits"][q]]
        if py != js:
            diff.append(q)
    return diff


def same_facets_as_reference(facets: dict, reference, queries: list[str]) -> list[str]:
    """Queries whose browser facet counts (every dimension) differ from PrebuiltEngine.facet_counts."""
    diff = []
    for q in queries:
        py = {dim: c for dim, c in reference.facet_counts(q).items() if c}
        js = {dim: c for dim, c in (facets.get(q) or {}).items() if c}
        if py != js:
            diff.append(q)
    return diff


def index_sizes(index_dir: Path) -> dict:
    files = list(Path(index_dir).glob("*.js"))
    return {"files": len(files), "bytes": sum(f.stat().st_size for f in files),
            "meta": (Path(index_dir) / "meta.js").stat().st_size,
            "shards": sum(1 for f in files if f.name.startswith("t-")),
            "chunks": sum(1 for f in files if f.name.startswith("x-"))}


def print_sizes(s: dict, out=None) -> None:
    print(f"    chỉ mục trình duyệt: {s['bytes'] / 1e6:.2f} MB trong {s['files']} tệp (meta.js {s['meta'] / 1e6:.2f} MB, "
          f"{s['shards']} tệp từ, {s['chunks']} tệp văn bản)", file=out or sys.stdout)


# -- the scale corpus --------------------------------------------------------------------------------------
def _replace_everywhere(obj, old: str, new: str, seen=None):
    """Replace `old` by `new` in every string attribute of a dataclass tree (in place)."""
    seen = seen if seen is not None else set()
    if id(obj) in seen:
        return obj
    seen.add(id(obj))
    if isinstance(obj, list):
        for i, x in enumerate(obj):
            if isinstance(x, str):
                obj[i] = x.replace(old, new)
            else:
                _replace_everywhere(x, old, new, seen)
    elif hasattr(obj, "__dict__"):
        for k, v in vars(obj).items():
            if isinstance(v, str):
                setattr(obj, k, v.replace(old, new))
            elif isinstance(v, (list, dict)) or hasattr(v, "__dict__"):
                _replace_everywhere(v, old, new, seen)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, str):
                obj[k] = v.replace(old, new)
            else:
                _replace_everywhere(v, old, new, seen)
    return obj


def synthetic_documents(documents, copies: int = 10) -> list:
    """`copies` copies of the documents (the first copy is the original): copy k gets the id `<id>-k`, its
    number with every digit run shifted by 100·k, and a locality of its own, replaced in its text too."""
    out = []
    for k in range(copies):
        for d in documents:
            if k == 0:
                out.append(d)
                continue
            c = copy.deepcopy(d)
            loc = SYNTHETIC_LOCALITIES[(k - 1) % len(SYNTHETIC_LOCALITIES)]
            if d.locality:
                _replace_everywhere(c, d.locality, loc)
            c.locality = loc
            c.id = f"{d.id}-{k}"
            c.url = f"van-ban/{c.id}.html"
            if d.number:
                c.number = re.sub(r"\d+", lambda m: str(int(m.group()) + 100 * k), d.number)
            out.append(c)
    return out


def scale_index(documents, copies: int, out_dir: Path) -> tuple[dict, float]:
    from .prebuilt import write_prebuilt
    t0 = time.perf_counter()
    docs = synthetic_documents(documents, copies)
    info = write_prebuilt(docs, out_dir)
    return info, time.perf_counter() - t0


def bench_browser(name: str, corpus: str, judged, workdir: Path, scale: int = 0, out=None) -> dict:
    """Build the site of `corpus`, measure its browser engine on the judged queries (quality, identity with
    PrebuiltEngine, speed, first result, bytes); with scale > 1, the same figures for an index of `scale`
    copies of the documents served by the same search.html."""
    import shutil

    from ..corpus import load_corpus
    from ..site import build_site
    from .bench import evaluate, print_report
    from .prebuilt import PrebuiltEngine
    out = out or sys.stdout
    site = workdir / "site"
    t0 = time.perf_counter()
    rep = build_site(corpus, str(site), quiet=True)
    print(f"  trang web dựng trong {time.perf_counter() - t0:.1f} s ({rep.documents} văn bản, chỉ mục "
          f"{rep.timings.get('search', 0):.1f} s)", file=out)
    index = site / "assets" / "search"
    if not (index / "meta.js").exists():
        print("    ! trang được dựng không có chỉ mục tìm kiếm (thiếu pyvi?)", file=out)
        return {}
    queries = [j.query for j in judged if j.targets]
    fig = browser_figures(site, queries)
    r = evaluate(lambda q, k: fig["hits"][q][:k], judged)
    for k in ("ms_mean", "ms_p95", "ms_max"):   # lookups of hits found in the page: timed below instead
        r.pop(k, None)
    print_report(f"browser (JavaScript, trong Chromium) · {len(judged)} truy vấn", r, out)
    diff = same_as_reference(fig, PrebuiltEngine(index), queries)
    print(f"    top 10 giống hệt PrebuiltEngine: {len(queries) - len(diff)}/{len(queries)} truy vấn"
          + (f"; khác: {diff[:5]}" if diff else ""), file=out)
    fdiff = same_facets_as_reference(fig["facets"], PrebuiltEngine(index), queries)
    print(f"    số đếm bộ lọc (cơ quan, chủ đề, văn bản…) giống hệt PrebuiltEngine: {len(queries) - len(fdiff)}/"
          f"{len(queries)} truy vấn" + (f"; khác: {fdiff[:5]}" if fdiff else ""), file=out)
    fig["sizes"] = index_sizes(index)
    print_sizes(fig["sizes"], out)
    print_browser_figures(fig, out)
    report = {"quality": r, "figures": fig, "differ": diff, "facets_differ": fdiff}
    if scale > 1:
        docs = load_corpus(corpus).documents
        big = workdir / "scale-site"
        shutil.copytree(site, big)
        shutil.rmtree(big / "assets" / "search")
        info, secs = scale_index(docs, scale, big / "assets" / "search")
        print(f"  {name} × {scale} (tổng hợp, {len(docs) * scale} văn bản, {info['units']} mục; chỉ mục {secs:.0f} s):",
              file=out)
        sfig = browser_figures(big, queries)
        sfig["sizes"] = index_sizes(big / "assets" / "search")
        print_sizes(sfig["sizes"], out)
        print_browser_figures(sfig, out)
        report["scale"] = sfig
    return report
