"""Files the cite/print/teach features add to the site: the configuration script (the public address that
copied links use) and the Word export of each document (``van-ban/<id>.docx``)."""
from __future__ import annotations

import json

from .export_docx import document_docx
from .model import Document
from .render.teach import docx_path, public_link


def config_js(site_url: str) -> str:
    """A script that hands the public address to danvan-teach.js (no fetch: it works from file://)."""
    url = (site_url or "").strip()
    if url and not url.endswith("/"):
        url += "/"
    payload = json.dumps({"siteUrl": url}, ensure_ascii=True).replace("<", "\\u003c")
    return f"window.danvanConfig = {payload};\n"


def extra_files(docs: list[Document], site_url: str, assets_uri: str) -> list[tuple[str, bytes]]:
    """[(site-relative path, content)]: the configuration script, then one .docx per document."""
    out = [(f"{assets_uri}/danvan-config.js", config_js(site_url).encode("utf-8"))]
    for d in docs:
        out.append((docx_path(d), document_docx(d, public_link(site_url, d))))
    return out
