"""Shared by the site tests: the probe texts, a hand-made probe Document, one site build per session,
and an HTML scanner for links, ids and active content."""
from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import json
import re
import shutil
import tempfile
import threading
from html.parser import HTMLParser
from pathlib import Path

from danvan.model import Annex, Document, Issuer, Node, PreambleItem, Signer, Unplaced, Warning_

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ config }}",
    "{% if %}",
    "**bold**",
    "# heading",
]
PROBE_ALL = " ".join(XSS)

# A regulation text full of markup, template and Markdown syntax, parsed by the real parser.
PROBE_TEXT = f"""ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: 99/2024/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Bình Thuận, ngày 02 tháng 03 năm 2024

QUYẾT ĐỊNH
Về việc thử {PROBE_ALL}

Căn cứ Luật <script>alert(1)</script> ngày 01/01/2020;

QUYẾT ĐỊNH:

Điều 1. Tiêu đề <script>alert(1)</script>

1. Khoản <img src=x onerror=alert(1)> và [x](javascript:alert(1)) cùng {{{{ config }}}}.

2. Khoản {{% if true %}}x{{% endif %}} **bold** _em_ `code` # heading.

a) Điểm <b>đậm</b> & ampersand <!-- comment --> &lt;script&gt;.

Điều 2. # heading

Nội dung <iframe src="javascript:alert(1)"></iframe> với <a href="javascript:alert(1)">link</a>.

Nơi nhận:
- <script>alert(1)</script>;
- {{{{ config }}}};
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn <script>alert(1)</script>
"""


def probe_document(doc_id: str = "probe") -> Document:
    """A hand-made document with the probe strings in every field that reaches the page."""
    p = PROBE_ALL
    return Document(
        id=doc_id, url=f"van-ban/{doc_id}.html", title=f"Quy chế thử {p}", type="Quy chế",
        number=f"01/QC-{p}", date="2024-03-02", place=f"Nơi {p}", locality=f"Tỉnh {p}", level="province",
        issuers=[Issuer(name=f"BAN {p}", parent=f"TỈNH ỦY {p}")],
        signers=[Signer(name=f"Nguyễn {p}", title=f"TRƯỞNG BAN {p}", on_behalf=f"T/M {p}", lines=[p])],
        recipients=[f"Nơi nhận {p}", "Lưu VT"], cc=[f"Đồng gửi {p}"],
        preamble=[PreambleItem(kind="basis", text=f"Căn cứ {p};", line=5),
                  PreambleItem(kind="implementing", text=f"Thực hiện {p};", line=6),
                  PreambleItem(kind="enacting", text=f"QUYẾT ĐỊNH {p}", line=7)],
        body=[
            Node(kind="chapter", num="I", label=f"Chương I {p}", title=f"CHUNG {p}", anchor="chuong-1", line=9,
                 children=[
                     Node(kind="article", num="1", label="Điều 1.", title=f"Phạm vi {p}", anchor="dieu-1",
                          text=f"Văn bản {p}", line=10),
                     Node(kind="article", num="2", label="Điều 2.", title=f"Nguyên tắc {p}", anchor="dieu-2", line=12,
                          children=[
                              Node(kind="clause", num="1", label="1.", text=f"Khoản một {p}", anchor="dieu-2-khoan-1", line=13),
                              Node(kind="clause", num="2", label="2.", text=f"Khoản hai {p}\nĐoạn hai {p}",
                                   anchor="dieu-2-khoan-2", line=14, children=[
                                       Node(kind="point", num="a", label="a)", text=f"Điểm a {p}",
                                            anchor="dieu-2-khoan-2-diem-a", line=16, children=[
                                                Node(kind="item", label="-", text=f"Gạch {p}", line=17)]),
                                       Node(kind="paragraph", text=f"Đoạn {p}", line=18),
                                   ]),
                          ]),
                 ]),
        ],
        annexes=[Annex(kind="annex", type="Quy chế", title=f"Phụ {p}", anchor="qc", heading=[f"KÈM {p}"],
                       note=f"(Ban hành kèm theo {p})", line=30,
                       body=[Node(kind="article", num="1", label="Điều 1.", title=f"Annex {p}", anchor="qc-dieu-1",
                                  line=32, children=[Node(kind="clause", num="1", label="1.", text=f"Annex khoản {p}",
                                                          anchor="qc-dieu-1-khoan-1", line=33)])],
                       signers=[Signer(name=f"Trần {p}", title="CHỦ TỊCH")])],
        warnings=[Warning_(code=f"probe-{p}", message=f"Cảnh báo {p}", line=3),
                  Warning_(code="err", message="Lỗi thử", severity="error")],
        unplaced=[Unplaced(text=f"Lạc chỗ {p}", line=11, reason=f"lý do {p}"),
                  Unplaced(text=f"Cuối {p}", line=None)],
        motto=[f"CỘNG HÒA {p}"], closing=[f"./. {p}"],
        adoption={"text": f"Quy chế này đã được {p} thông qua ngày 2 tháng 3 năm 2024.", "date": "2024-03-02", "line": 20},
        joins=[{"line": 14, "before": f"trước {p}", "after": f"sau {p}"}],
    )


def minimal_document(doc_id: str, **kw) -> Document:
    base = dict(id=doc_id, url=f"van-ban/{doc_id}.html", title="Quy chế tối giản", type=None, number=None,
                date=None, place=None, locality=None, level=None)
    base.update(kw)
    return Document(**base)


# ---------------------------------------------------------------------------------------------
# One site build per test session
# ---------------------------------------------------------------------------------------------

_BUILT: dict = {}


def built_site() -> dict:
    """Build (once per process) a site from the two seeds plus the probe text.
    Returns {"site": Path, "corpus": Path, "report": BuildReport, "zip": Path}."""
    if _BUILT:
        return _BUILT
    from danvan.site import build_site
    tmp = Path(tempfile.mkdtemp(prefix="danvan-site-test-"))
    atexit.register(shutil.rmtree, tmp, True)
    corpus = tmp / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "probe").mkdir()
    (corpus / "probe" / "probe-xss.txt").write_text(PROBE_TEXT, encoding="utf-8")
    site = tmp / "site"
    report = build_site(str(corpus), str(site), zip_path=str(tmp / "offline.zip"), quiet=True)
    _BUILT.update(site=site, corpus=corpus, report=report, zip=tmp / "offline.zip", tmp=tmp)
    return _BUILT


def probe_page(site: Path) -> Path:
    """The built page of the probe text (found by its content, whatever id the loader gave it)."""
    for p in sorted((site / "van-ban").glob("*.html")):
        if "Tiêu đề &lt;script&gt;" in p.read_text(encoding="utf-8"):
            return p
    raise AssertionError("probe page not found in the built site")


# ---------------------------------------------------------------------------------------------
# HTML scanning
# ---------------------------------------------------------------------------------------------

class PageScan(HTMLParser):
    """Collects ids, links, scripts and anything that could run code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []   # (tag, attr, value)
        self.scripts: list[dict] = []
        self.data_scripts: list[dict] = []            # <script type="application/ld+json">: data, never run
        self.active: list[str] = []                   # event handlers, javascript: URLs, iframes…
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a and a["id"] is not None:
            self.ids.add(a["id"])
        if "name" in a and tag == "a" and a["name"]:
            self.ids.add(a["name"])
        for k, v in attrs:
            if k.startswith("on"):
                self.active.append(f"<{tag} {k}=…>")
            if k in ("href", "src", "action", "formaction", "xlink:href") and v is not None:
                self.links.append((tag, k, v))
                if v.strip().lower().startswith(("javascript:", "vbscript:")):
                    self.active.append(f"<{tag} {k}={v}>")
        if tag in ("iframe", "object", "embed", "frame", "base") or (
                tag == "form" and not (a.get("data-md-component") == "palette" and "action" not in a)):
            self.active.append(f"<{tag}>")          # (the theme's light/dark switch is a form without action)
        if tag == "script" and a.get("type") == "application/ld+json":
            self.data_scripts.append(a)
            self._in_script = "data"
        elif tag == "script":
            self.scripts.append(a)
            self._in_script = True

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self._in_script = False

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script and self.data_scripts and self._in_script == "data":
            try:                                    # JSON-LD must be JSON, and never hold markup
                json.loads(self.data_scripts[-1].get("__inline__", ""))
            except ValueError:
                self.active.append("<script type=application/ld+json> that is not JSON")
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            target = self.data_scripts[-1] if self._in_script == "data" else self.scripts[-1]
            if data.strip():
                target["__inline__"] = target.get("__inline__", "") + data
        else:
            self.text.append(data)


def scan(path: Path) -> PageScan:
    s = PageScan()
    s.feed(path.read_text(encoding="utf-8"))
    s.close()
    return s


def nav_titles(nav):
    """Every label of a MkDocs navigation (nested lists of {label: page or [children]})."""
    for item in nav:
        for k, v in item.items():
            yield k
            if isinstance(v, list):
                yield from nav_titles(v)


JSONLD = re.compile(r'<script type="application/ld\+json">([^<]*)</script>')


def without_jsonld(html: str) -> str:
    """The page without its JSON-LD block (markup.json_ld: one line of JSON with no '<' at all), after checking
    that each block is valid JSON. What is left is checked like any page."""
    for data in JSONLD.findall(html):
        json.loads(data)
    return re.sub(JSONLD.pattern + r"\n?", "", html)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The static file server of the browser tests, without a log line per request."""
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory):
    """Serve `directory` over http on a free local port for the length of the block; yields its address."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
