"""`danvan bench size` says where the bytes go (danvan.bench_weight): by folder, by kind of file, and the markup
the site adds to document pages, counted from a small invented site folder."""
from __future__ import annotations

from danvan.bench_weight import weight_report


def test_weight_report_counts_folders_kinds_and_markup(tmp_path):
    (tmp_path / "van-ban").mkdir()
    (tmp_path / "assets").mkdir()
    page = ('<article class="dv-doc" data-cite-scope="Quyết định số 1">'
            '<span class="dv-tools dv-tools-mini" data-cite="khoản 1 Điều 1"></span>'
            '<a class="dv-xref dv-xref-noi-bo" href="#dieu-2" data-dv-preview-head="Điều 2">Điều 2</a>'
            '<aside class="dv-xref-by" aria-label="Được dẫn chiếu tại"><p>x</p></aside></article>')
    (tmp_path / "van-ban" / "a.html").write_text(page, encoding="utf-8")
    (tmp_path / "assets" / "x.js").write_bytes(b"12345")
    (tmp_path / "index.html").write_bytes(b"abc")
    r = weight_report(tmp_path)
    size = len(page.encode("utf-8"))
    assert r["folders"] == {"van-ban": size, "assets": 5, "(gốc)": 3}
    assert r["kinds"] == {"html": size + 3, "js": 5}
    assert r["doc_bytes"] == size
    m = r["markup"]
    assert m["data-cite"] == len(' data-cite="khoản 1 Điều 1"'.encode("utf-8"))
    assert m["data-cite-scope"] == len(' data-cite-scope="Quyết định số 1"'.encode("utf-8"))
    assert m["cited-by lists"] == len('<aside class="dv-xref-by" aria-label="Được dẫn chiếu tại"><p>x</p></aside>'.encode())
    assert m["previews (data-dv-preview)"] == 0
