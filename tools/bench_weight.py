"""Where a built site's bytes go (``danvan bench size`` prints it under the totals): bytes by top folder and by
kind of file, and, over the document pages, the bytes of each kind of markup the site adds to the text."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

# markup the site adds to a document page, as it is written (tools/templates/*.html)
MARKUP = {
    "data-cite": r' data-cite="[^"]*"',
    "data-cite-scope": r' data-cite-scope="[^"]*"',
    "aria-label": r' aria-label="[^"]*"',
    "citation links (opening tags, previews included)": r'<a class="dv-xref[^"]*"[^>]*>',
    "previews (data-dv-preview)": r' data-dv-preview="[^"]*"',
    "cited-by lists": r'<aside class="dv-xref-by".*?</aside>',
    "topic tags": r'<p class="dv-topic-tags">.*?</p>',
    "table of contents": r'<nav class="dv-toc".*?</nav>',
    "JSON-LD": r'<script type="application/ld\+json">.*?</script>',
    "inline SVG icons": r"<svg.*?</svg>",
}


def weight_report(site: Path) -> dict:
    folders: Counter = Counter()
    kinds: Counter = Counter()
    for p in site.rglob("*"):
        if p.is_file():
            rel = p.relative_to(site).parts
            size = p.stat().st_size
            folders[rel[0] if len(rel) > 1 else "(gốc)"] += size
            kinds[p.suffix.lstrip(".") or "(không đuôi)"] += size
    markup: Counter = Counter()
    doc_bytes = 0
    for p in (site / "van-ban").glob("*.html"):
        text = p.read_text(encoding="utf-8")
        doc_bytes += len(text.encode("utf-8"))
        for name, pat in MARKUP.items():
            markup[name] += sum(len(m.encode("utf-8")) for m in re.findall(pat, text, re.S))
    return {"folders": dict(folders.most_common()), "kinds": dict(kinds.most_common()), "doc_bytes": doc_bytes,
            "markup": dict(markup.most_common())}


def print_weight(r: dict) -> None:
    print("theo thư mục: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in r["folders"].items()))
    print("theo loại tệp: " + ", ".join(f".{k} {v / 1e6:.2f} MB" for k, v in r["kinds"].items()))
    total = r["doc_bytes"] or 1
    print(f"trang văn bản ({r['doc_bytes'] / 1e6:.2f} MB), phần do trang thêm: "
          + ", ".join(f"{k} {v / 1e6:.2f} MB ({100 * v / total:.1f} %)" for k, v in r["markup"].items()))
