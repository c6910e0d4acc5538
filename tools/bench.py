"""`danvan bench parse`: documents per second, MB per second and peak memory of decode + normalize + parse."""
from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from .corpus import find_documents


def bench_parse(corpus: str, repeat: int = 1) -> dict:
    from .decode import decode_bytes
    from .parse import parse
    files = find_documents(corpus)
    blobs = [(p, p.read_bytes()) for p in files]
    total_bytes = sum(len(b) for _, b in blobs)
    best = None
    errors = 0
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        errors = 0
        for p, b in blobs:
            dec = decode_bytes(b, str(p))
            if dec.error:
                errors += 1
                continue
            parse(dec.text, str(p))
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    # peak memory of one full pass, measured separately (tracemalloc slows the run)
    tracemalloc.start()
    for p, b in blobs:
        dec = decode_bytes(b, str(p))
        if not dec.error:
            parse(dec.text, str(p))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = len(blobs)
    res = {
        "documents": n, "unreadable": errors, "megabytes": total_bytes / 1e6, "seconds": best,
        "docs_per_s": n / best if best else 0.0, "mb_per_s": total_bytes / 1e6 / best if best else 0.0,
        "peak_mb": peak / 1e6,
    }
    print(f"danvan bench parse — {Path(corpus)}")
    print(f"  văn bản:        {n} ({errors} không đọc được)")
    print(f"  dung lượng:     {res['megabytes']:.2f} MB")
    print(f"  thời gian:      {best:.2f} s (tốt nhất của {max(1, repeat)} lần)")
    print(f"  tốc độ:         {res['docs_per_s']:.1f} văn bản/s · {res['mb_per_s']:.2f} MB/s")
    try:
        import resource
        res["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except (ImportError, AttributeError):  # pragma: no cover - not on Linux
        res["max_rss_mb"] = None
    print(f"  bộ nhớ đỉnh:    {res['peak_mb']:.1f} MB cấp phát Python (tracemalloc)"
          + (f" · {res['max_rss_mb']:.0f} MB RSS của tiến trình" if res["max_rss_mb"] else ""))
    if n >= 182:
        print(f"  mục tiêu:       {n} văn bản < 10 s → {'ĐẠT' if best < 10 else 'CHƯA ĐẠT'}")
    return res
