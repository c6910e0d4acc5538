"""An invented corpus for the page-frame tests: decisions of several provinces, levels, types and years, each
with chapters, articles, clauses and points. Every text is made up here (no real-world text)."""
from __future__ import annotations

from pathlib import Path

PROVINCES = ["Bình Thuận", "Đồng Nai", "Ninh Bình", "Bắc Ninh"]
TYPES = [("QUYẾT ĐỊNH", "QĐ-UBND"), ("NGHỊ QUYẾT", "NQ-HĐND"), ("CHỈ THỊ", "CT-UBND")]


def invented_text(k: int, articles: int = 6) -> str:
    """Document number k: province, type and year vary with k; a long unbreakable code tests wrapping."""
    if k % 5 == 4:                       # a central text
        head = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố: {n}-QĐ/TW".format(n=100 + k)
        motto = "ĐẢNG CỘNG SẢN VIỆT NAM"
        place = "Hà Nội"
        kind = "QUYẾT ĐỊNH"
    else:
        prov = PROVINCES[k % len(PROVINCES)]
        kind, code = TYPES[k % len(TYPES)]
        org = "HỘI ĐỒNG NHÂN DÂN" if "HĐND" in code else "ỦY BAN NHÂN DÂN"
        head = f"{org}\nTỈNH {prov.upper()}\nSố: {k + 1}/{2015 + k % 9}/{code}"
        motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        place = prov
    year = 2015 + k % 9
    lines = [head, "", motto, "", f"{place}, ngày {1 + k % 27:02d} tháng {1 + k % 12:02d} năm {year}", "",
             kind, f"VỀ VIỆC THỬ NGHIỆM TRANG SỐ {k} VỀ CÔNG TÁC DÂN VẬN TỈNH", "",
             "Căn cứ Quy chế thử nghiệm số 1-QC/TN/THUNGHIEMDAIKHONGNGATDONG-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789;", "",
             f"{kind}:", ""]
    n = 0
    for ch in range(1, 3):
        lines += [f"Chương {'I' * ch}", f"QUY ĐỊNH THỬ {ch}", ""]
        for _ in range(articles // 2):
            n += 1
            lines += [f"Điều {n}. Nội dung thử {n}", ""]
            for c in range(1, 4):
                lines += [f"{c}. Khoản {c} của Điều {n}: các cơ quan phối hợp thực hiện công tác dân vận "
                          f"theo chức năng, nhiệm vụ được giao, bảo đảm đúng quy định.", ""]
                if c == 2:
                    lines += ["a) Điểm a thử nghiệm;", "", "b) Điểm b thử nghiệm.", ""]
    lines += ["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Văn Thử", ""]
    return "\n".join(lines)


def write_corpus(folder: Path, count: int, articles: int = 6) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        (folder / f"van-ban-thu-{k:03d}.txt").write_text(invented_text(k, articles), encoding="utf-8")
    return folder
