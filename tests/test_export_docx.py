"""The Word export of a document (danvan.export_docx): it opens with python-docx and holds the title, the source
line, every article heading, every clause and point, tables and the annexed text."""
from __future__ import annotations

import io

import docx
import pytest

from danvan.corpus import load_corpus
from danvan.export_docx import document_docx
from danvan.parse import parse
from danvan.render.cite import source_line
from teach_fixture import SITE_URL, write_corpus

TABLE_DOC = """ỦY BAN NHÂN DÂN TỈNH AN LẠC
Số: 7/2024/QĐ-UBND

QUYẾT ĐỊNH
Về mức thử

Điều 1. Mức thử
Mức thử như sau:

| Loại | Mức |
|---|---|
| Thứ nhất | 10 |
| Thứ hai | 20 |

Điều 2. Hiệu lực
Quyết định có hiệu lực từ ngày ký.
"""


@pytest.fixture(scope="module")
def fixture_doc(tmp_path_factory):
    return load_corpus(str(write_corpus(tmp_path_factory.mktemp("docx-corpus")))).documents[0]


def _text(data: bytes) -> tuple[list[str], list]:
    d = docx.Document(io.BytesIO(data))
    return [p.text for p in d.paragraphs], d.tables


def test_docx_holds_the_document(fixture_doc):
    data = document_docx(fixture_doc, f"{SITE_URL}van-ban/{fixture_doc.id}.html")
    assert data[:2] == b"PK"
    paras, _ = _text(data)
    joined = "\n".join(paras)
    assert paras[0].startswith("Quyết định ban hành Quy chế thử nghiệm")
    assert f"Nguồn: {source_line(fixture_doc)}. {SITE_URL}van-ban/{fixture_doc.id}.html" in paras
    for expect in ("Điều 1.", "Điều 2.", "Chương II TRÁCH NHIỆM", "Điều 5. Trách nhiệm của các cơ quan",
                   "1. Cơ quan thứ nhất thực hiện việc thử.", "a) Lập kế hoạch thử nghiệm hằng năm;",
                   "b) Báo cáo kết quả thử nghiệm.", "Quy chế thử nghiệm công tác dân vận của hệ thống chính trị tỉnh An Lạc"):
        assert expect in joined, expect


def test_docx_tables_and_seeds(seed_docs):
    paras, tables = _text(document_docx(parse(TABLE_DOC, path="t.txt")))
    assert len(tables) == 1 and tables[0].cell(2, 1).text == "20"
    for d in seed_docs.values():
        paras, _ = _text(document_docx(d))
        articles = [n for n in d.all_nodes() if n.kind == "article"]
        assert sum(p.startswith("Điều ") for p in paras) >= len(articles)


def test_cli_export_docx_writes_one_word_file_per_document(tmp_path):
    """python-docx stays on the command line: `danvan export --format docx` (the site makes its .docx in the
    browser)."""
    from danvan.cli import main
    corpus = write_corpus(tmp_path / "c")
    assert main(["export", "--format", "docx", "--corpus", str(corpus), "--out", str(tmp_path / "w"),
                 "--site-url", SITE_URL, "--quiet"]) == 0
    files = sorted((tmp_path / "w").glob("*.docx"))
    doc = load_corpus(str(corpus)).documents[0]
    assert [f.name for f in files] == [f"{doc.id}.docx"]
    paras, _ = _text(files[0].read_bytes())
    assert f"Nguồn: {source_line(doc)}. {SITE_URL}van-ban/{doc.id}.html" in paras
