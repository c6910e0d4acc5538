"""Unit tests of tools/render/ (danvan.render): escaping, anchors, unknown values, refused ids, page structure."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from sitebuild_helpers import XSS, PageScan, minimal_document, nav_titles, probe_document, without_jsonld
from danvan import render
from danvan.model import Node


def split_front(page: str) -> tuple[str, str]:
    assert page.startswith("---\n")
    end = page.index("\n---\n", 4)
    return page[4:end], page[end + 5:]


def md_to_html(body: str, extra: tuple = ()) -> str:
    """What MkDocs does to the page body (its default extensions), optionally with more extensions."""
    return markdown.markdown(body, extensions=["toc", "tables", "fenced_code", *extra])


def scan_html(html: str) -> PageScan:
    s = PageScan()
    s.feed(html)
    s.close()
    return s


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html: str) -> str:
    t = TextOf()
    t.feed(html)
    t.close()
    return " ".join(" ".join(t.parts).split())


@pytest.fixture(scope="module")
def probe_page():
    return render.render_document(probe_document())


# ---------------------------------------------------------------------------------------------
# escaping
# ---------------------------------------------------------------------------------------------

def test_esc_neutralises_markup_markdown_and_templates():
    for s in XSS:
        e = re.sub(r"&#?[0-9a-z]+;", "", render.esc(s))
        for ch in "<>\"'*_`[]{}#":
            assert ch not in e, (s, e)
    assert render.esc("a & b") == "a &amp; b"
    assert render.esc(None) == ""
    assert render.esc("x\x00y\x07z") == "xyz"


@pytest.mark.parametrize("extra", [(), ("md_in_html", "attr_list", "def_list", "abbr", "footnotes")])
def test_probe_document_shows_every_probe_literally(probe_page, extra):
    front, body = split_front(probe_page)
    html = md_to_html(body, extra)
    s = scan_html(html)
    assert s.active == [], s.active
    assert s.scripts == []
    assert [d.get("type") for d in s.data_scripts] == ["application/ld+json"]   # JSON-LD: data, checked as JSON
    assert not [v for _, _, v in s.links if v.lower().startswith("javascript")]
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", without_jsonld(html)))
    assert tags <= {"article", "p", "a", "header", "div", "h1", "h2", "h3", "h4", "h5", "h6", "span", "section",
                    "dl", "dt", "dd", "ul", "ol", "li", "nav", "details", "summary", "strong", "code", "button",
                    "svg", "path"}, tags
    text = text_of(html)
    for s_ in XSS:
        assert s_ in text, s_
    # nothing was interpreted: no <strong>bold</strong>, no <em>, no generated heading from '# heading'
    assert "<strong>bold</strong>" not in html
    assert "<em>" not in html
    assert 'id="heading"' not in html


def test_probe_strings_in_every_field(probe_page):
    _, body = split_front(probe_page)
    text = text_of(md_to_html(body))
    full = " ".join(XSS)
    for what in ("Quy chế thử", "Căn cứ", "Thực hiện", "Phạm vi", "Khoản một", "Điểm a", "Gạch", "Đoạn",
                 "Nơi nhận", "Đồng gửi", "Nguyễn", "TRƯỞNG BAN", "T/M", "Phụ", "Annex khoản", "Trần",
                 "Cảnh báo", "Lạc chỗ", "Cuối", "CHUNG", "Chương I", "Nơi", "BAN", "TỈNH ỦY", "CỘNG HÒA"):
        assert f"{what} {full}" in text, what


def test_raw_block_has_no_blank_line_and_no_raw_metacharacters(probe_page):
    _, body = split_front(probe_page)
    assert "\n\n" not in body.strip()
    body = without_jsonld(body)
    for bad in ("<script", "<img", "{{", "{%", "**", "](", "javascript:alert(1)\">", "onerror=alert"):
        assert bad not in body, bad


def test_titles_given_to_the_theme_are_plain(probe_page):
    front, _ = split_front(probe_page)
    title = front.split("title:", 1)[1].strip()
    assert title.startswith("'") and title.endswith("'")
    for ch in "<>&\"\n{}`":
        assert ch not in title[1:-1]
    for entry in nav_titles(render.site_nav([probe_document()])):
        for ch in "<>&\"'{}`":
            assert ch not in entry, entry




def test_toc_tokens_are_escaped():
    toks = render.toc_tokens(probe_document())
    names = []

    def walk(ts):
        for t in ts:
            names.append(t["name"])
            walk(t["children"])
    walk(toks)
    assert names and all("<" not in n and "{" not in n for n in names)
    assert [t["id"] for t in toks] == ["chuong-1", "qc"]


def test_home_page_escapes_probe():
    page = render.render_site([probe_document()], ["<script>alert(1)</script> {{ config }}"], {"build_date": "<b>x</b>"})
    _, body = split_front(page["index.md"])
    html = md_to_html(body)
    s = scan_html(html)
    assert s.active == [] and s.scripts == []
    text = text_of(html)
    assert "<script>alert(1)</script> {{ config }}" in text
    assert "Quy chế thử " + " ".join(XSS) in text


# ---------------------------------------------------------------------------------------------
# structure
# ---------------------------------------------------------------------------------------------

def test_anchors_become_ids_and_links(probe_page):
    _, body = split_front(probe_page)
    s = scan_html(md_to_html(body))
    for a in ("chuong-1", "dieu-1", "dieu-2", "dieu-2-khoan-1", "dieu-2-khoan-2", "dieu-2-khoan-2-diem-a",
              "qc", "qc-dieu-1", "qc-dieu-1-khoan-1"):
        assert a in s.ids, a
    frags = {v[1:] for _, _, v in s.links if v.startswith("#")}
    assert frags <= s.ids, frags - s.ids
    assert {"dieu-1", "dieu-2", "chuong-1", "qc-dieu-1"} <= frags  # the table of contents links them


def test_copy_and_print_controls(probe_page):
    _, body = split_front(probe_page)
    # the tools (danvan/templates/teach.html) follow their node's id: an article's copy and print buttons, a
    # clause's or point's menu button
    tools = dict(re.findall(r'id="([^"]+)"(?:(?! id=").)*?<span class="dv-tools[^"]*"[^>]*>(.*?)</span>', body, re.S))
    copies = {a for a, t in tools.items() if "dv-copy" in t}
    prints = {a for a, t in tools.items() if 'dv-btn dv-print"' in t}
    menus = {a for a, t in tools.items() if "dv-more" in t}
    assert copies == prints == {"dieu-1", "dieu-2", "qc-dieu-1"}
    assert menus == {"dieu-2-khoan-1", "dieu-2-khoan-2", "dieu-2-khoan-2-diem-a", "qc-dieu-1-khoan-1"}
    # a clause's tools: the whole citation (data-cite) and its short reference (data-dv-ref); inside an annexed
    # text the reference names the text ("… Quy chế") and the citation ties it to the document
    assert re.search(r'<span class="dv-tools dv-tools-mini" data-cite="khoản 2 Điều 2 [^"]+" '
                     r'data-dv-ref="khoản 2 Điều 2">', body)
    assert re.search(r'data-cite="khoản 1 Điều 1 [^"]*kèm theo [^"]+" data-dv-ref="khoản 1 Điều 1 Quy chế"', body)


def test_metadata_panel(probe_page):
    _, body = split_front(probe_page)
    text = text_of(md_to_html(body))
    for label in ("Loại văn bản", "Số hiệu", "Cơ quan ban hành", "Ngày ban hành", "Nơi ban hành",
                  "Người ký", "Căn cứ", "Nơi nhận"):
        assert label in text
    assert "02/03/2024" in text


def test_unknowns_say_chua_ro():
    page = render.render_document(minimal_document("toi-gian"))
    _, body = split_front(page)
    panel = body[body.index('class="dv-meta"'):body.index("</details>", body.index('class="dv-meta"'))]
    # type, number, issuer, date, place, signers, basis, recipients
    assert panel.count(f">{render.UNKNOWN}<") == 8
    home = render.render_site([minimal_document("toi-gian")], [], {})["index.md"]
    assert "Chưa rõ cấp" in home
    import re
    unknown = re.findall(r'<span class="dv-fact-k">([^<]+):</span> ' + render.UNKNOWN + "<", home)
    assert unknown == ["Loại", "Số hiệu", "Ngày"]        # the card says what is unknown, never invents it


def test_editorial_notes_collapsed_but_present_and_unplaced_shown(probe_page):
    _, body = split_front(probe_page)
    notes_at = body.index('<details class="dv-notes">')
    notes = body[notes_at:]
    assert "Ghi chú biên tập" in notes and "Cảnh báo" in notes and "Lỗi" in notes
    assert "Chưa xếp vào cấu trúc" in notes and "Nối đoạn" in notes
    # unplaced text is also shown in the text itself, outside the collapsed notes, where it stood
    before = body[:notes_at]
    assert before.count('class="dv-unplaced"') == 2
    assert before.index('id="dv-unplaced-1"') < before.index('id="dieu-2"')   # line 11 < line 12
    assert before.index('id="dv-unplaced-2"') > before.index('id="qc"')        # no line: at the end
    assert "<details" not in before.split('class="dv-toc"', 1)[1].split("</nav>", 1)[1]


def test_duplicate_anchor_gets_one_id():
    d = minimal_document("dup", body=[Node(kind="article", num="1", label="Điều 1.", anchor="dieu-1"),
                                      Node(kind="article", num="1", label="Điều 1.", anchor="dieu-1")])
    page = render.render_document(d)
    assert page.count('id="dieu-1"') == 1
    assert "bị trùng" in page


def test_heading_levels_follow_nesting():
    d = minimal_document("lv", body=[Node(kind="part", num="1", label="Phần I", anchor="phan-1", children=[
        Node(kind="chapter", num="1", label="Chương I", anchor="chuong-1", children=[
            Node(kind="section", num="1", label="Mục 1", anchor="chuong-1-muc-1", children=[
                Node(kind="article", num="1", label="Điều 1.", anchor="dieu-1")])])])])
    page = render.render_document(d)
    assert re.search(r'<h2 class="dv-heading"><span class="dv-hlabel">Phần I', page)
    assert re.search(r'<h3 class="dv-heading"><span class="dv-hlabel">Chương I', page)
    assert re.search(r'<h4 class="dv-heading"><span class="dv-hlabel">Mục 1', page)
    assert '<h5 class="dv-article-title">' in page


# ---------------------------------------------------------------------------------------------
# ids and file names
# ---------------------------------------------------------------------------------------------

BAD_IDS = ["../evil", "..", "a/b", "a\\b", "/etc/passwd", "UPPER", "", "-x", ".x", "x.y", "a b", "con\x00",
           "van-ban/../../x", "é", "x\n", None]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_unsafe_ids_are_refused(bad):
    assert render.check_doc_id(bad)
    good = minimal_document("tot")
    badd = minimal_document("x")
    badd.id = bad
    pages = render.render_site([good, badd], [], {})
    assert set(pages) == {"index.md", "danh-sach.md", "van-ban/tot.md", "dan-chieu/index.md"}   # + the registry index
    home = pages["index.md"]
    assert "Bỏ qua văn bản có mã" in home
    with pytest.raises(ValueError):
        render.doc_page_path(badd)


def test_every_page_path_stays_inside_the_site():
    docs = [minimal_document(i) for i in ("a", "b-1", "0x")]
    for path in render.render_site(docs, [], {}):
        assert re.fullmatch(r"index\.md|danh-sach\.md|(van-ban|dan-chieu)/[a-z0-9][a-z0-9-]*\.md", path), path


def test_duplicate_ids_refused():
    pages = render.render_site([minimal_document("same"), minimal_document("same")], [], {})
    assert list(pages) == ["index.md", "danh-sach.md", "van-ban/same.md", "dan-chieu/index.md"]
    assert "trùng mã" in pages["index.md"]


# ---------------------------------------------------------------------------------------------
# home page and navigation
# ---------------------------------------------------------------------------------------------

def test_home_counts_and_levels():
    docs = [
        minimal_document("tw", level="central", type="Quyết định", number="23-QĐ/TW", date="2021-07-30",
                         body=[Node(kind="article", num="1", anchor="dieu-1",
                                    children=[Node(kind="clause", num="1", anchor="dieu-1-khoan-1")])]),
        minimal_document("dn", level="province", locality="Đồng Nai", date="2021-11-05"),
        minimal_document("bt", level="province", locality="Bình Thuận"),
        minimal_document("xa", level="commune", locality="Xã A"),
        minimal_document("unk"),
    ]
    home = render.render_site(docs, [], {"build_date": "2025-01-01T00:00:00Z", "corpus_version": "abc"})["index.md"]
    text = text_of(md_to_html(split_front(home)[1]))
    assert "5 văn bản" in text and "1 điều" in text and "1 khoản" in text
    order = [text.index(x) for x in ("Trung ương (1)", "Tỉnh, thành phố (2)", "Xã (1)", "Chưa rõ cấp (1)")]
    assert order == sorted(order)
    assert ("a", "href", "danh-sach.html?cap=tinh") in scan_html(md_to_html(split_front(home)[1])).links
    assert "30/07/2021" in text and "23-QĐ/TW" in text
    assert 'href="van-ban/tw.html"' in home
    assert "sắp có" not in text
    nav = render.site_nav(docs)
    assert [list(x)[0] for x in nav] == ["Trang chủ", "Danh sách văn bản", "Văn bản được dẫn chiếu"]


def test_fmt_date():
    assert render.fmt_date("2021-11-05") == "05/11/2021"
    assert render.fmt_date(None) is None
    assert render.fmt_date("2021-11") == "11/2021"


def test_plain_label():
    assert render.plain_label('<a href="x">&</a>') == "‹a href=”x”›＆‹/a›"
    assert render.plain_label("a\nb\tc") == "a b c"
    assert render.plain_label("một hai ba bốn năm", 10).endswith("…")
