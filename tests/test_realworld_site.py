"""The whole real-world corpus (182 documents, read in place) built as a site: every anchor of the export is on
its page, every internal link and fragment resolves, nothing remote, nothing from the corpus executable."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REALWORLD, require_realworld
from sitebuild_helpers import scan

pytestmark = pytest.mark.realworld

require_realworld()


@pytest.fixture(scope="module")
def rw_site():
    from danvan.corpus import load_corpus
    from danvan.site import build_site
    tmp = Path(tempfile.mkdtemp(prefix="danvan-rw-site-"))
    out = tmp / "site"
    try:
        report = build_site(str(REALWORLD), str(out), quiet=True)
        docs = load_corpus(REALWORLD).documents
        pages = {p.resolve(): scan(p) for p in sorted(out.rglob("*.html"))}
        yield {"out": out.resolve(), "report": report, "docs": docs, "pages": pages}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def test_every_document_has_a_page_with_every_anchor(rw_site):
    out, pages = rw_site["out"], rw_site["pages"]
    assert len(rw_site["docs"]) == len(list(REALWORLD.glob("*.md")))
    missing = []
    for d in rw_site["docs"]:
        page = (out / d.url).resolve()
        assert page in pages, d.url
        ids = pages[page].ids
        missing += [f"{d.url}#{n.anchor}" for n in d.all_nodes() if n.anchor and n.anchor not in ids]
        missing += [f"{d.url}#{a.anchor}" for a in d.annexes if a.anchor not in ids]
    assert missing == []


def test_links_resolve_and_nothing_is_remote_or_active(rw_site):
    out, pages = rw_site["out"], rw_site["pages"]
    problems = []
    for page, s in pages.items():
        problems += [f"{page.name}: {a}" for a in s.active]
        for tag, attr, url in s.links:
            parts = urlsplit(url)
            if url.startswith(("data:", "blob:", "mailto:")):
                continue
            if parts.scheme or parts.netloc:
                if tag in ("script", "link", "img", "iframe", "source", "video", "audio"):
                    problems.append(f"{page.name}: remote {tag} {url}")
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if not target.is_relative_to(out) or not target.is_file():
                problems.append(f"{page.name}: {url} -> missing")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else scan(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page.name}: {url} -> no id")
    assert problems == []
