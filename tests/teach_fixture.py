"""An invented Quyết định of an invented province with an annexed Quy chế (chapters, an article with clauses
and points): the fixture of the cite/print/teach tests (tests/test_cite.py, tests/test_teach*.py)."""
from __future__ import annotations

from pathlib import Path

ANNEXED_DECISION = """TỈNH ỦY AN LẠC
BAN THƯỜNG VỤ
*
Số 1234-QĐ/TU

ĐẢNG CỘNG SẢN VIỆT NAM

An Lạc, ngày 05 tháng 6 năm 2020

QUYẾT ĐỊNH
ban hành Quy chế thử nghiệm công tác dân vận của hệ thống chính trị tỉnh An Lạc

Căn cứ Điều lệ Đảng;
Xét đề nghị của Ban Dân vận Tỉnh ủy,

BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH

Điều 1. Ban hành kèm theo Quyết định này Quy chế thử nghiệm công tác dân vận của hệ thống chính trị tỉnh An Lạc.

Điều 2. Quyết định có hiệu lực từ ngày ký.

Nơi nhận:
- Như Điều 2,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn A

QUY CHẾ
THỬ NGHIỆM CÔNG TÁC DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ TỈNH AN LẠC
(Ban hành kèm theo Quyết định số 1234-QĐ/TU ngày 05/6/2020 của Ban Thường vụ Tỉnh ủy)

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi
Quy chế này quy định việc thử nghiệm.

Chương II
TRÁCH NHIỆM

Điều 5. Trách nhiệm của các cơ quan
1. Cơ quan thứ nhất thực hiện việc thử.
2. Cơ quan thứ hai có trách nhiệm:
a) Lập kế hoạch thử nghiệm hằng năm;
b) Báo cáo kết quả thử nghiệm.
"""
DOC_ID = "an-lac-1234-qd-tu-2020"
SITE_URL = "https://vanban.example.vn/dan-van/"
# The point a) of clause 2 of Article 5 of the annexed Quy chế, as officials cite it.
POINT_CITE = ("điểm a khoản 2 Điều 5 Quy chế thử nghiệm công tác dân vận của hệ thống chính trị tỉnh An Lạc ban hành "
              "kèm theo Quyết định số 1234-QĐ/TU ngày 5/6/2020 của Ban Thường vụ Tỉnh ủy An Lạc")


def write_corpus(folder: Path) -> Path:
    d = folder / "an-lac"
    d.mkdir(parents=True, exist_ok=True)
    (d / "an-lac-1234.txt").write_text(ANNEXED_DECISION, encoding="utf-8")
    return folder


def site_config(folder: Path, site_url: str | None) -> Path:
    """A mkdocs.yml that inherits the packaged configuration, with or without a public address."""
    from danvan.site import DEFAULT_CONFIG as default
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    lines = [f"INHERIT: {default}", f"docs_dir: {docs}", "plugins:", "  - danvan:", "      corpus: corpus"]
    if site_url:
        lines.append(f"      site_url: {site_url}")
    cfg = folder / "mkdocs.yml"
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cfg
