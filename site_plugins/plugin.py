"""The `danvan` MkDocs plugin: loads the corpus and hands MkDocs the pages that tools.render makes.

All logic lives in tools/ (render, site); this module only wires it into MkDocs' events.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

log = get_plugin_logger(__name__)

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
ASSETS_URI = "assets/danvan"
DROPPED_TEMPLATES = ("404.html", "sitemap.xml")
_ID_ATTR = re.compile(r'\sid="([^"<>]+)"')


class DanvanConfig(Config):
    corpus = c.Type(str, default="corpus")
    # The public address of the site: copied links use it in every copy (online, or opened from a USB stick);
    # defaults to MkDocs' site_url. Without one, copied links are local and the site says so.
    site_url = c.Optional(c.Type(str))


class DanvanPlugin(BasePlugin[DanvanConfig]):
    """Adds the home page, one page per document, the navigation and the site's CSS/JS."""

    def __init__(self) -> None:
        super().__init__()
        self.build_info: dict | None = None   # tools.site.build_site sets it so the manifest matches
        self.result: dict | None = None       # what the last build produced (read by build_site)
        self._toc: dict[str, list] = {}
        self._generated: set[str] = set()     # src_uris of the pages tools.render made
        self._raw: dict[str, str] = {}
        self._user_nav = False
        self.progress = False                 # tools.site.build_site turns the progress bar on for a terminal

    def on_config(self, config):
        # Every link of the site must stay relative so it opens from file://. Without a site_url,
        # MkDocs writes 404.html with root-absolute links and an empty sitemap: leave both out.
        for name in DROPPED_TEMPLATES:
            config.theme.static_templates.discard(name)
        self._user_nav = bool(config.nav)    # a hand-written nav in mkdocs.yml wins over ours
        return config

    def _corpus_dir(self, config) -> Path:
        p = Path(os.path.expanduser(self.config.corpus))
        if not p.is_absolute() and config.config_file_path:
            p = Path(config.config_file_path).resolve().parent / p
        return p

    def on_files(self, files: Files, /, *, config) -> Files:
        from danvan import render, site
        from danvan.render.search_page import SEARCH_PAGE, render_search_page
        from danvan.corpus import load_corpus
        from danvan.render import knowledge

        corpus_dir = self._corpus_dir(config)
        if not corpus_dir.is_dir():
            raise PluginError(f"danvan: không tìm thấy thư mục văn bản (corpus) {corpus_dir}")
        t0 = time.perf_counter()
        result = load_corpus(str(corpus_dir), progress=self.progress)
        t1 = time.perf_counter()
        docs = list(result.documents)
        errors = list(result.errors)
        info = self.build_info if self.build_info is not None else site.build_info(str(corpus_dir))
        ok, refused = render.valid_documents(docs)
        search_files = self._search_index(ok)
        t_search = time.perf_counter()
        pages = render.render_site(docs, errors, info)
        extra_files = render.site_files(docs)     # downloads (tools/render/duties.py): not pages
        pages.update(render.teach.extra_pages())      # the handout page (cite/print/teach)
        # "Tìm hiểu": hand-written pages (docs_dir) that this corpus can back, and the glossary made from it
        handwritten = {f.src_uri: f.content_string for f in files.documentation_pages()
                       if knowledge.is_knowledge_page(f.src_uri) and f.src_uri not in pages}
        for uri, reason in knowledge.withheld_pages(handwritten, {d.id for d in ok}).items():
            log.warning(reason)
            files.remove(files.get_file_from_path(uri))
            del handwritten[uri]
        for uri, md in list(handwritten.items()):   # links to absent documents: text that cites them
            published = knowledge.published_source(md, [d.id for d in ok])
            if published != md:                        # still Markdown: not one of the generated HTML pages
                files.remove(files.get_file_from_path(uri))
                files.append(File.generated(config, uri, content=published))
                handwritten[uri] = published
        pages.update(knowledge.generated_pages(ok, handwritten))
        pages[SEARCH_PAGE] = render_search_page(ok, available=search_files is not None)
        t2 = time.perf_counter()
        for e in errors + refused:
            log.warning(e)

        for name in DROPPED_TEMPLATES:      # else MkDocs copies the theme's unrendered template
            f = files.get_file_from_path(name)
            if f is not None:
                files.remove(f)
        for f in [f for f in files if site.unused_theme_file(f.src_uri, "search" in config.plugins)]:
            files.remove(f)                 # search worker, lunr, source maps: nothing loads them
        self._generated = set(pages)
        for src_uri, content in pages.items():
            old = files.get_file_from_path(src_uri)
            if old is not None:
                files.remove(old)
            files.append(File.generated(config, src_uri, content=content))
        for uri, path in search_files or []:
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        for src_uri, content in extra_files.items():
            files.append(File.generated(config, src_uri, content=content))
        from danvan import teach_site
        for uri, data in teach_site.extra_files(ok, self.config.site_url or config.site_url or "", ASSETS_URI):
            files.append(File.generated(config, uri, content=data))
        for path in sorted(ASSETS_DIR.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                uri = f"{ASSETS_URI}/{path.relative_to(ASSETS_DIR).as_posix()}"
                files.append(File.generated(config, uri, abs_src_path=str(path)))
        for uri, content in render.site_data(ok).items():
            files.append(File.generated(config, uri, content=content))

        if not self._user_nav:
            config.nav = render.site_nav(ok)
            config.nav.insert(1, knowledge.knowledge_nav(handwritten))   # "Tìm hiểu", after the home page
        self._toc = {render.doc_page_path(d): render.toc_tokens(d) for d in ok}
        self.result = {"documents": len(ok), "pages": len(pages), "errors": errors + refused,
                       "build_info": info, "corpus": str(corpus_dir),
                       "timings": {"load": round(t1 - t0, 3), "search": round(t_search - t1, 3),
                                   "render": round(t2 - t_search, 3)}}
        return files

    def _search_index(self, docs):
        """The browser search index (danvan.search.site), written to a temporary folder removed after the
        build; None (with a warning) when the search extra is missing."""
        from danvan.search import site as search_site
        self._cleanup_search()
        self._search_tmp = tempfile.mkdtemp(prefix="danvan-search-")
        if search_site.write_site_index(docs, Path(self._search_tmp) / "index") is None:
            log.warning(search_site.SEARCH_UNAVAILABLE)
            return None
        return search_site.site_index_files(Path(self._search_tmp) / "index")

    def _cleanup_search(self) -> None:
        tmp = getattr(self, "_search_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
            self._search_tmp = None

    def on_post_build(self, *, config) -> None:
        self._cleanup_search()

    def on_build_error(self, *, error) -> None:
        self._cleanup_search()

    def on_post_page(self, output: str, /, *, page, config) -> str:
        from danvan.compact import compact_html
        return compact_html(output)      # the template's indentation and blank lines: one line break each

    def on_page_markdown(self, markdown: str, /, *, page, config, files) -> str:
        # Our pages are one raw HTML block, which Markdown would pass through unchanged; handing it
        # over directly is equivalent, several times faster on large corpora, and guarantees that no
        # Markdown extension ever looks at corpus text.
        if page.file.src_uri in self._generated:
            self._raw[page.file.src_uri] = markdown
            return ""
        return markdown

    def on_page_content(self, html: str, /, *, page, config, files) -> str:
        raw = self._raw.pop(page.file.src_uri, None)
        if raw is not None:
            html = raw
            # MkDocs checks the #anchors of links in the hand-written pages against the ids a page holds; it
            # found none in the empty Markdown of a generated page, so tell it the ids of the real content.
            page.present_anchor_ids = set(_ID_ATTR.findall(html))
        tokens = self._toc.get(page.file.src_uri)
        if tokens is not None:
            page.toc = get_toc(tokens)
        return html
