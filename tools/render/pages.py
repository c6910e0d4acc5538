"""The whole site: every page, and the navigation handed to MkDocs."""
from __future__ import annotations

from ..align import align_site
from ..link import link
from ..model import Document
from .align import AlignContext, compare_pages
from .browse import BROWSE_PAGE, BROWSE_TITLE, LIST_SCRIPT, list_script, render_browse
from .common import doc_page_path, valid_documents
from .document import render_document
from .home import render_home
from .markup import plain_label
from .duties import CALENDAR, COMPARE, MATRIX
from .duties import INDEX as AGENCY_INDEX
from .duties import duty_downloads, duty_pages, enrichment, has_tables
from .topics import INDEX as TOPIC_INDEX
from .topics import tag_renderer, topic_pages
from .registry import INDEX_TITLE, registry_path, render_registry


def render_site(docs: list[Document], errors: list[str], build_info: dict) -> dict[str, str]:
    """All pages of the site: {'index.md': …, 'van-ban/<id>.md': …}.

    Documents whose id could not safely name a file (or repeats an earlier id) are refused: they get
    no page and an error naming them is listed on the home page."""
    ok, refused = valid_documents(docs)
    all_errors = list(errors) + refused
    enr = enrichment(ok)                               # responsibility tables and topics (render/duties, topics)
    pages = {"index.md": render_home(ok, all_errors, build_info or {}, entry_points(enr)),
             BROWSE_PAGE: render_browse(ok)}
    align = AlignContext(align_site(ok), ok)      # central ↔ provincial alignment (danvan.align)
    pages.update(compare_pages(align))
    links = link(ok)                                   # citations, relations, registry (danvan.link)
    by_id = {d.id: d for d in ok}
    for d in ok:
        pages[doc_page_path(d)] = render_document(d, align=align, topic_tags=tag_renderer(d, enr), links=links,
                                                  docs=by_id)
    if has_tables(enr):
        pages.update(duty_pages(ok, enr))
        pages.update(topic_pages(ok, enr))
    pages.update(render_registry(links, ok))
    return pages


def _html(src_uri: str) -> str:
    return src_uri[:-3] + ".html"


def entry_points(enr) -> list[tuple[str, str, str]]:
    """The pages render_site makes besides documents, as the home page lists them: (label, href, purpose)."""
    out = []
    if has_tables(enr):
        out += [("Cơ quan và nhiệm vụ", _html(AGENCY_INDEX), "ai phải làm gì, phối hợp với ai, bao lâu một lần"),
                ("Lịch báo cáo", _html(CALENDAR), "việc đến hạn hằng tháng, quý, 6 tháng, năm"),
                ("Chủ đề", _html(TOPIC_INDEX), "các điều, khoản theo từng lĩnh vực")]
    out.append((INDEX_TITLE, _html(registry_path("index")), "các văn bản được trích dẫn và nơi trích dẫn"))
    return out


def site_files(docs: list[Document]) -> dict[str, str]:
    """Files of the site that are not pages: the downloads of all duties (CSV, JSON)."""
    ok, _ = valid_documents(docs)
    enr = enrichment(ok)
    return duty_downloads(ok, enr) if has_tables(enr) else {}


def _entry(label: str, target: str | list) -> dict:
    """One navigation entry. MkDocs/Material print the label unescaped: it is made plain here."""
    return {plain_label(label): target}


def site_data(docs: list[Document]) -> dict[str, str]:
    """Files that are not pages: the list's data script, loaded by danh-sach.html only."""
    ok, _ = valid_documents(docs)
    return {LIST_SCRIPT: list_script(ok)}


# Extra navigation entries (label, page) that features with pages of their own append to: search,
# knowledge pages, registries. Documents are never listed here: every page carries the navigation, so a
# page's weight must not grow with the corpus (the list is danh-sach.html).
NAV_EXTRA: list[tuple[str, str]] = []


def site_nav(docs: list[Document]) -> list:
    """MkDocs `nav` config: a few fixed entries, whatever the number of documents."""
    ok, _ = valid_documents(docs)
    nav = [_entry("Trang chủ", "index.md"), _entry(BROWSE_TITLE, BROWSE_PAGE)]
    if has_tables(enrichment(ok)):          # a fixed handful of entries, whatever the corpus size
        nav.append(_entry("Cơ quan và nhiệm vụ", [
            _entry("Danh sách cơ quan", AGENCY_INDEX), _entry("Cơ quan cùng loại", COMPARE),
            _entry("Ma trận cơ quan × văn bản", MATRIX), _entry("Lịch báo cáo", CALENDAR)]))
        nav.append(_entry("Chủ đề", TOPIC_INDEX))
    nav.append(_entry(INDEX_TITLE, registry_path("index")))
    return nav + [_entry(label, page) for label, page in NAV_EXTRA]
