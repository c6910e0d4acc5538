"""The browser search index inside the built site: `danvan build` writes it to assets/search/ (the MkDocs
plugin hands the files to MkDocs, so the offline archive carries them) next to search.html.

The index is written with the one analyzer (danvan.search.analyzer), which needs pyvi for the compound
words the ranking relies on: without pyvi (the `search` extra is not installed) the site is built without
a search index, search.html says so, and the build warns with `SEARCH_UNAVAILABLE`.
"""
from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from ..render.search_page import INDEX_DIR

SEARCH_UNAVAILABLE = ("danvan: pyvi chưa được cài nên trang được dựng KHÔNG có chỉ mục tìm kiếm "
                      "(search.html báo không tìm được). Cài phần tìm kiếm rồi dựng lại: pip install 'danvan[search]'")


def pyvi_available() -> bool:
    """pyvi importable (the `search` extra). Checked without importing it."""
    try:
        return importlib.util.find_spec("pyvi") is not None
    except (ImportError, ValueError):
        return False


def write_site_index(documents, out_dir) -> dict | None:
    """Write the browser index of the documents into out_dir (a folder of its own, replaced). Returns the
    writer's figures, or None when pyvi is missing (nothing written)."""
    if not pyvi_available():
        return None
    from .prebuilt import write_prebuilt
    t0 = time.perf_counter()
    info = write_prebuilt(documents, Path(out_dir))
    info["seconds"] = round(time.perf_counter() - t0, 3)
    return info


def site_index_files(out_dir) -> list[tuple[str, Path]]:
    """(site URI, file) of every index file written by write_site_index, sorted."""
    out = Path(out_dir)
    if not out.is_dir():
        return []
    return [(f"{INDEX_DIR}/{p.name}", p) for p in sorted(out.iterdir()) if p.is_file() and p.suffix == ".js"]
