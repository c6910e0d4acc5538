"""Invented regulations for the enrich tests (never real-world text)."""
from __future__ import annotations

import hashlib

from danvan.model import Source
from danvan.parse import parse

INVENTED = """TỈNH ỦY HÒA BÌNH XANH
BAN THƯỜNG VỤ

Số 07-QC/TU

QUY CHẾ
công tác dân vận của hệ thống chính trị tỉnh Hòa Bình Xanh

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi
Quy chế này quy định trách nhiệm của các cơ quan trong công tác dân vận.

Điều 2. Ban Dân vận Tỉnh ủy
1. Chủ trì, phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh hướng dẫn thực hiện quy chế dân chủ ở cơ sở.
2. Hằng quý, tổng hợp tình hình nhân dân, báo cáo Thường trực Tỉnh ủy trước ngày 20/3.

Điều 3. Trách nhiệm của Ủy ban nhân dân tỉnh
1. Chỉ đạo các sở, ban, ngành tiếp công dân, giải quyết khiếu nại, tố cáo.
2. Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy tổ chức tập huấn cho cán bộ.
3. Tháng 12 hằng năm, Ủy ban nhân dân tỉnh gửi báo cáo kết quả công tác dân vận chính quyền về Ban Dân vận Tỉnh ủy.

Điều 4. Chế độ báo cáo
1. Định kỳ 6 tháng và năm, các tổ chức chính trị - xã hội tỉnh báo cáo Ban Thường vụ Tỉnh ủy.
2. Trường hợp đột xuất, Công an tỉnh báo cáo ngay Thường trực Tỉnh ủy; ban dân vận cấp ủy được tham dự để theo dõi.
"""

# what a reader of INVENTED expects, clause by clause: (anchor, agency kind, role, periods)
EXPECTED = [
    ("dieu-2-khoan-1", "ban-dan-van-tinh-uy", "chu-tri", []),
    ("dieu-2-khoan-2", "ban-dan-van-tinh-uy", "thuc-hien", ["hang-quy"]),
    ("dieu-3-khoan-1", "ubnd-tinh", "chi-dao", []),
    ("dieu-3-khoan-2", "so-noi-vu", "chu-tri", []),
    ("dieu-3-khoan-3", "ubnd-tinh", "bao-cao", ["thang-12"]),
    ("dieu-4-khoan-1", "to-chuc-ct-xh", "bao-cao", ["6-thang", "hang-nam"]),
    ("dieu-4-khoan-2", "cong-an", "bao-cao", ["dot-xuat"]),
    ("dieu-4-khoan-2", "ban-dan-van-cap-uy", "phoi-hop", ["dot-xuat"]),
]


def invented_document(doc_id: str = "hoa-binh-xanh-07-qc-tu", locality: str = "Hòa Bình Xanh"):
    doc = parse(INVENTED, "invented.txt", {"locality": locality, "level": "province"})
    doc.id = doc_id
    doc.url = f"van-ban/{doc_id}.html"
    doc.source = Source(path="invented.txt", sha256=hashlib.sha256(INVENTED.encode()).hexdigest())
    return doc
