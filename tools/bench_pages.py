"""Benchmarks of the built site as a reader gets it (`danvan bench size|page|offset`).

* size:   the site folder and its offline archive (bytes, files), and a document page's weight.
* page:   the largest document page loaded in Chromium with the CPU slowed 4× (CDP
          Emulation.setCPUThrottlingRate): time spent in layout and style, and until the load event.
* offset: how far down a document page its first article (#dieu-1) starts, at 390 px and 1366 px
          (median and worst), and how many pages scroll sideways on a 390 px phone.

`--site DIR` measures a site built elsewhere (e.g. from another branch), so before/after figures come from
the same code. Browser benches need Playwright and /usr/bin/chromium (the test extra)."""
from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = (390, 1366)


def _dir_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def site_sizes(site: Path, zip_path: Path | None) -> dict:
    total, files = _dir_size(site)
    pages = sorted((p.stat().st_size for p in (site / "van-ban").glob("*.html")), reverse=False)
    res = {"site_bytes": total, "files": files, "zip_bytes": zip_path.stat().st_size if zip_path and zip_path.is_file() else None,
           "doc_pages": len(pages), "doc_page_median": int(statistics.median(pages)) if pages else 0,
           "doc_page_max": max(pages) if pages else 0,
           "maps": sum(1 for _ in site.rglob("*.map")),
           "search_worker": any((site / "assets/javascripts/workers").glob("*")) if (site / "assets/javascripts/workers").is_dir() else False}
    return res


def bench_size(corpus: str | None, site: str | None = None, zip_path: str | None = None) -> dict:
    """Build the site and its archive from `corpus` (or measure `site` and `zip_path`) and print the sizes."""
    with tempfile.TemporaryDirectory(prefix="danvan-size-") as tmp:
        if site is None:
            from .site import build_site
            site = str(Path(tmp) / "site")
            zip_path = str(Path(tmp) / "site.zip")
            build_site(corpus, site, zip_path=zip_path, quiet=True)
        res = site_sizes(Path(site), Path(zip_path) if zip_path else None)
        from .bench_weight import weight_report
        res["weight"] = weight_report(Path(site))
    print(f"trang: {_mb(res['site_bytes'])} ({res['files']} tệp); bản nén: "
          f"{_mb(res['zip_bytes']) if res['zip_bytes'] else 'không có'}; trang văn bản: {res['doc_pages']}, "
          f"trung vị {res['doc_page_median'] / 1e3:.1f} kB, lớn nhất {res['doc_page_max'] / 1e3:.1f} kB; "
          f"tệp .map: {res['maps']}; search worker: {'có' if res['search_worker'] else 'không'}")
    from .bench_weight import print_weight
    print_weight(res["weight"])
    return res


def _browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:                      # pragma: no cover - depends on the machine
        raise SystemExit(f"cần Playwright (pip install '.[test]'): {e}")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"cần {CHROMIUM}")
    return sync_playwright


def largest_page(site: Path) -> Path:
    return max((site / "van-ban").glob("*.html"), key=lambda p: p.stat().st_size)


def bench_page(site: str, page: str | None = None, rate: float = 4.0, repeat: int = 3) -> dict:
    """Load one document page (default: the largest) with the CPU slowed `rate`×; median of `repeat` loads."""
    site_dir = Path(site).resolve()
    target = (site_dir / page) if page else largest_page(site_dir)
    url = target.as_uri()
    runs = []
    with _browser()() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for _ in range(repeat):
            ctx = b.new_context(viewport={"width": 1366, "height": 900})
            pg = ctx.new_page()
            cdp = ctx.new_cdp_session(pg)
            cdp.send("Performance.enable")
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
            pg.goto(url, wait_until="load", timeout=180_000)
            pg.wait_for_timeout(500)
            m = {x["name"]: x["value"] for x in cdp.send("Performance.getMetrics")["metrics"]}
            load = pg.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                               " return n ? n.loadEventEnd : 0; })()")
            runs.append({"layout": m.get("LayoutDuration", 0) * 1000, "style": m.get("RecalcStyleDuration", 0) * 1000,
                         "script": m.get("ScriptDuration", 0) * 1000, "task": m.get("TaskDuration", 0) * 1000,
                         "load": load, "layouts": m.get("LayoutCount", 0)})
            ctx.close()
        b.close()
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"{target.name} ({target.stat().st_size / 1e6:.2f} MB), CPU chậm {rate:g}×, trung vị {repeat} lần: "
          f"layout {med['layout']:.0f} ms ({med['layouts']:.0f} lần), style {med['style']:.0f} ms, "
          f"script {med['script']:.0f} ms, tổng tác vụ {med['task']:.0f} ms, đến sự kiện load {med['load']:.0f} ms")
    return {"page": target.name, "bytes": target.stat().st_size, **med}


FIRST_ARTICLE_JS = """() => {
  const el = document.getElementById('dieu-1');
  const r = el ? el.getBoundingClientRect().top + window.scrollY : null;
  const d = document.documentElement;
  return {offset: r, overflow: d.scrollWidth - d.clientWidth};
}"""


def bench_offset(site: str, limit: int | None = None) -> dict:
    """Offset of #dieu-1 from the top of each document page, at 390 and 1366 px."""
    site_dir = Path(site).resolve()
    pages = sorted((site_dir / "van-ban").glob("*.html"))[:limit]
    res: dict = {}
    with _browser()() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for w in WIDTHS:
            ctx = b.new_context(viewport={"width": w, "height": 844 if w < 500 else 900})
            pg = ctx.new_page()
            offsets, wide = [], []
            for f in pages:
                pg.goto(f.as_uri(), wait_until="load", timeout=180_000)
                r = pg.evaluate(FIRST_ARTICLE_JS)
                if r["offset"] is not None:
                    offsets.append(r["offset"])
                if r["overflow"] > 0:
                    wide.append((f.name, r["overflow"]))
            ctx.close()
            res[w] = {"pages": len(pages), "with_dieu_1": len(offsets),
                      "median": statistics.median(offsets) if offsets else None,
                      "worst": max(offsets) if offsets else None, "sideways": len(wide),
                      "sideways_max": max((x for _, x in wide), default=0)}
            r = res[w]
            print(f"{w} px: Điều 1 cách đầu trang trung vị {r['median']:.0f} px, xa nhất {r['worst']:.0f} px "
                  f"({r['with_dieu_1']}/{r['pages']} trang có #dieu-1); cuộn ngang: {r['sideways']} trang "
                  f"(nhiều nhất {r['sideways_max']} px)")
        b.close()
    return res
