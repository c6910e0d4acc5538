"""`danvan bench build`: how long our site takes to build, against a plain Material site of the same texts.

The baseline is what a user would otherwise do: put each document's raw text in a .md file and run
`mkdocs build` with a bare Material configuration (same theme, no plugins, same URL style).
Targets: our build ≤ 3× the baseline, and < 60 s for the 182 documents of ../shared/realworld.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
import time
from pathlib import Path

TARGET_RATIO = 3.0
TARGET_SECONDS = 60.0

BARE_CONFIG = """site_name: Văn bản (bản thô)
docs_dir: docs
use_directory_urls: false
theme:
  name: material
  language: vi
  font: false
plugins: []
"""


def _plain_build(corpus_dir: Path, work: Path) -> tuple[float, int]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .corpus import find_documents

    docs = work / "docs"
    docs.mkdir(parents=True)
    files = find_documents(corpus_dir)
    lines = ["# Văn bản", ""]
    for i, p in enumerate(files, 1):
        text = p.read_bytes().decode("utf-8", errors="replace")
        (docs / f"{i:04d}.md").write_text(text, encoding="utf-8")
        lines.append(f"- [{p.stem}]({i:04d}.md)")
    (docs / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    t0 = time.perf_counter()
    cfg = load_config(config_file=str(work / "mkdocs.yml"), site_dir=str(work / "site"))
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()
    return time.perf_counter() - t0, len(files)


def bench_build(corpus_dir: str, repeat: int = 1) -> dict:
    """Build our site and the plain baseline from `corpus_dir` (best of `repeat`), print and return timings."""
    from .site import build_site

    corpus = Path(corpus_dir)
    log = logging.getLogger("mkdocs")
    old = log.level
    ours = plain = None
    report = None
    n_files = 0
    with tempfile.TemporaryDirectory(prefix="danvan-bench-") as tmp:
        try:
            log.setLevel(logging.ERROR)
            for k in range(max(1, repeat)):
                t0 = time.perf_counter()
                report = build_site(str(corpus), str(Path(tmp) / f"ours-{k}"), quiet=True)
                dt = time.perf_counter() - t0
                ours = dt if ours is None else min(ours, dt)
                work = Path(tmp) / f"plain-{k}"
                dt, n_files = _plain_build(corpus, work)
                plain = dt if plain is None else min(plain, dt)
                shutil.rmtree(work, ignore_errors=True)
        finally:
            log.setLevel(old)
    ratio = ours / plain if plain else float("inf")
    res = {
        "documents": report.documents if report else 0, "files": n_files,
        "ours_s": round(ours, 3), "plain_s": round(plain, 3), "ratio": round(ratio, 2),
        "timings": report.timings if report else {},
        "target_ratio": TARGET_RATIO, "target_s": TARGET_SECONDS,
        "ok": ratio <= TARGET_RATIO and ours < TARGET_SECONDS,
    }
    t = res["timings"]
    print(f"danvan bench build — {corpus}")
    print(f"  văn bản:              {res['documents']} (trên {n_files} tệp)")
    print(f"  trang của dự án:      {ours:.2f} s  (đọc + phân tích {t.get('load', 0):.2f} s, "
          f"dựng HTML {t.get('render', 0):.2f} s, MkDocs {t.get('mkdocs', 0):.2f} s)")
    print(f"  Material thuần (thô): {plain:.2f} s")
    print(f"  tỉ lệ:                {ratio:.2f}× (mục tiêu ≤ {TARGET_RATIO:g}×, < {TARGET_SECONDS:g} s) "
          f"{'ĐẠT' if res['ok'] else 'CHƯA ĐẠT'}")
    return res


if __name__ == "__main__":
    import sys
    bench_build(sys.argv[1] if len(sys.argv) > 1 else "corpus")
