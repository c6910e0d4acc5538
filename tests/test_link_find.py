"""The finder (danvan.link.find), table-driven: the worked examples of tools/data/citations.json, then invented
sentences for each form (numbers, lists, dates, issuers, terms, names, provisions) and texts that cite nothing."""
from __future__ import annotations

import pytest

from danvan.link import find
from danvan.link.patterns import data, issuer_codes, normalize_number, scope_of_number, type_from_code

FIELDS = ("number", "name", "date", "year", "issuer", "term", "annex_type")


def _check(text: str, expected: list[dict]):
    got = find(text)
    assert [c.text for c in got] == [e["span"] for e in expected], text
    for c, e in zip(got, expected):
        assert text[c.start:c.end] == c.text                       # spans index the text itself
        for f in FIELDS:
            if f in e:
                assert getattr(c, f) == e[f], (text, f, getattr(c, f))
        if "type" in e:
            assert c.doc_type == e["type"], (text, c.doc_type)
        if "provision" in e:
            assert c.provision == e["provision"], (text, c.provision)
        if "self" in e:
            assert c.self_type == e["self"], (text, c.self_type)


@pytest.mark.parametrize("ex", data()["examples"], ids=lambda ex: ex["text"][:40])
def test_worked_examples_of_the_data_file(ex):
    _check(ex["text"], ex["found"])


INVENTED = [
    # numbers: Party and State forms, with and without "số", with a colon, lowercase type words
    ("Theo nghị quyết số: 12-NQ/TW về dân vận", [{"span": "nghị quyết số: 12-NQ/TW", "number": "12-NQ/TW", "type": "Nghị quyết"}]),
    ("như 45-KL/TW đã nêu", [{"span": "45-KL/TW", "number": "45-KL/TW", "type": "Kết luận"}]),
    ("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ",
     [{"span": "Nghị định số 30/2020/NĐ-CP", "number": "30/2020/NĐ-CP", "date": "2020-03-05", "year": "2020", "issuer": "Chính phủ"}]),
    ("Nghị định 15/2020/NĐ- CP", [{"span": "Nghị định 15/2020/NĐ- CP", "number": "15/2020/NĐ-CP"}]),
    ("Thông tư số 01/2021/TT-BNV", [{"span": "Thông tư số 01/2021/TT-BNV", "number": "01/2021/TT-BNV"}]),
    ("Quyết định số 2579/QĐ-UBND ngày 1-12-2023", [{"span": "Quyết định số 2579/QĐ-UBND", "date": "2023-12-01"}]),
    ("ngày 30.7.2021 ban hành Quy định số 05-QĐi/TU ngày 30.7.2021",
     [{"span": "Quy định số 05-QĐi/TU", "date": "2021-07-30"}]),
    # lists sharing a type
    ("các Kết luận số 11-KL/TU, 12-KL/TU và 13-KL/TU của Tỉnh ủy",
     [{"span": "Kết luận số 11-KL/TU", "issuer": "Tỉnh ủy"}, {"span": "12-KL/TU", "type": "Kết luận", "issuer": "Tỉnh ủy"},
      {"span": "13-KL/TU", "type": "Kết luận", "issuer": "Tỉnh ủy"}]),
    # issuer before the date, term after
    ("Chỉ thị số 07-CT/TW của Ban Bí thư ngày 02 tháng 1 năm 2017 (khoá XII)",
     [{"span": "Chỉ thị số 07-CT/TW", "issuer": "Ban Bí thư", "date": "2017-01-02", "term": "XII"}]),
    # names
    ("theo Hiến pháp năm 2013 và Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     [{"span": "Hiến pháp", "name": "Hiến pháp"},
      {"span": "Luật Tổ chức chính quyền địa phương", "name": "Luật Tổ chức chính quyền địa phương", "date": None}]),
    ("Luật Đất đai số 31/2024/QH15 có hiệu lực", [{"span": "Luật Đất đai số 31/2024/QH15", "number": "31/2024/QH15", "name": "Luật Đất đai"}]),
    ("Luật này quy định; luật pháp nói chung", [{"span": "Luật này", "self": "Luật"}]),
    # a name with a comma or 'và' inside, up to a word that starts another document or names a body
    ("theo Luật Khoa học, Công nghệ và Đổi mới sáng tạo về tài chính",
     [{"span": "Luật Khoa học, Công nghệ và Đổi mới sáng tạo", "name": "Luật Khoa học, Công nghệ và Đổi mới sáng tạo"}]),
    ("Luật Cán bộ, công chức và Luật Viên chức thuộc phạm vi",
     [{"span": "Luật Cán bộ, công chức", "name": "Luật Cán bộ, công chức"}, {"span": "Luật Viên chức", "name": "Luật Viên chức"}]),
    ("Luật Đất đai và Ủy ban nhân dân tỉnh; Luật Thuế thuộc trường hợp khác",
     [{"span": "Luật Đất đai"}, {"span": "Luật Thuế", "name": "Luật Thuế"}]),
    # provisions
    ("theo điểm b khoản 3 Điều 12", [{"span": "điểm b khoản 3 Điều 12", "provision": {"point": "b", "clause": "3", "article": "12"}}]),
    ("quy định tại khoản 3", [{"span": "khoản 3", "provision": {"clause": "3"}}]),
    ("các điểm a, b và đ khoản 1 Điều 7 Quyết định này",
     [{"span": "điểm a", "provision": {"point": "a", "clause": "1", "article": "7"}},
      {"span": "b", "provision": {"point": "b", "clause": "1", "article": "7"}},
      {"span": "đ", "provision": {"point": "đ", "clause": "1", "article": "7"}},
      {"span": "khoản 1 Điều 7 Quyết định này", "provision": {"clause": "1", "article": "7"}, "self": "Quyết định"}]),
    ("điểm 1.2 khoản 1 Điều 4", [{"span": "điểm 1.2 khoản 1 Điều 4", "provision": {"point": "1.2", "clause": "1", "article": "4"}}]),
    ("tại Điều 4 Quy định này", [{"span": "Điều 4 Quy định này", "provision": {"article": "4"}, "self": "Quy định"}]),
    ("khoản này và điểm a khoản này", [{"span": "khoản này", "self": "khoản"},
                                       {"span": "điểm a khoản này", "provision": {"point": "a"}, "self": "khoản"}]),
    # nothing: dates, periods, amounts, words that begin like a provision
    ("ngày 14/7/2015, giai đoạn 2021 - 2025, từ 1-2 lớp, 6 tháng, 9 tháng", []),
    ("khoản kinh phí, điều kiện, Điều lệ hội, khoản 5 triệu đồng, điểm nóng, tỷ lệ 50/100", []),
    ("Quy chế làm việc của Ban Chấp hành", []),
]


@pytest.mark.parametrize("text,expected", INVENTED, ids=[t[:40] for t, _ in INVENTED])
def test_invented_sentences(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("number,scope,codes,kind", [
    ("23-QĐ/TW", "national", ["TW"], "Quyết định"),
    ("31-KH/TU", "local", ["TU"], "Kế hoạch"),
    ("2898-QĐ/TU", "local", ["TU"], "Quyết định"),
    ("03-QC/BDVTU-BCSDUBND", "local", ["BDVTU", "BCSDUBND"], "Quy chế"),
    ("16/CT-TTg", "national", ["TTg"], "Chỉ thị"),
    ("102/2025/QĐ-UBND", "local", ["UBND"], "Quyết định"),
    ("97/2025/QH15", "national", ["QH15"], "Luật"),
    ("9086/BNV-CTTN&BĐG", "national", ["BNV", "CTTN&BĐG"], None),
    ("79-Ctr/BDVTW-BCSĐCP", "national", ["BDVTW", "BCSĐCP"], "Chương trình"),
    ("15/2020/NĐ-CP", "national", ["CP"], "Nghị định"),
    ("12-NQ/HU", "local", ["HU"], "Nghị quyết"),
    ("45/NQ-HĐND", "local", ["HĐND"], "Nghị quyết"),
])
def test_scope_and_type_from_the_number(number, scope, codes, kind):
    assert scope_of_number(number) == scope
    assert issuer_codes(number) == codes
    assert type_from_code(number) == kind


def test_normalized_numbers():
    assert normalize_number("290- QĐ/TW") == "290-QĐ/TW"
    assert normalize_number("79-Ctr/BDVTW – BCSĐCP") == "79-Ctr/BDVTW-BCSĐCP"
    assert normalize_number("15/2020/NĐ- CP") == "15/2020/NĐ-CP"
