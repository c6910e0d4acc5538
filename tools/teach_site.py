"""Files the cite/print/teach features add to the site: the configuration script (the public address that
copied links use). A document's Word file is made in the browser from its page (danvan-teach.js); the python-docx
export (``export_docx.document_docx``) is ``danvan export --format docx``, not part of every build (it weighed
8 MB and 50 s for 182 documents)."""
from __future__ import annotations

import json
from pathlib import Path

from .export_docx import document_docx
from .model import Document
from .render.teach import docx_name, public_link


def config_js(site_url: str) -> str:
    """A script that hands the public address to danvan-teach.js (no fetch: it works from file://)."""
    url = (site_url or "").strip()
    if url and not url.endswith("/"):
        url += "/"
    payload = json.dumps({"siteUrl": url}, ensure_ascii=True).replace("<", "\\u003c")
    return f"window.danvanConfig = {payload};\n"


def extra_files(docs: list[Document], site_url: str, assets_uri: str) -> list[tuple[str, bytes]]:
    """[(site-relative path, content)]: the configuration script."""
    return [(f"{assets_uri}/danvan-config.js", config_js(site_url).encode("utf-8"))]


def write_docx(docs: list[Document], out: Path, site_url: str | None = None) -> list[Path]:
    """One python-docx Word file per document into `out` (``danvan export --format docx``)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        p = out / docx_name(d)
        p.write_bytes(document_docx(d, public_link(site_url, d)))
        paths.append(p)
    return paths
