"""Structure report (danvan.report): each check on small invented texts, a positive and a negative case each;
the seeds are clean; `danvan check --strict/--json`."""
import json
import pytest

from conftest import CORPUS, REALWORLD, SEEDS, require_realworld
from danvan.cli import main
from danvan.corpus import load_corpus
from danvan.model import Annex, Document, Node
from danvan.parse import parse
from danvan.report import CODES, Finding, structure_report

# --- invented texts in the style of the real ones, parsed ---------------------------------------------------

HEAD = """BAN THƯỜNG VỤ TỈNH ỦY
*
Số 12-QĐ/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Phú Yên, ngày 10 tháng 3 năm 2022

QUY CHẾ
phối hợp công tác dân vận

"""


def text(body: str) -> str:
    return HEAD + body.strip() + "\n"


CLEAN = text("""
Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi

Quy chế này quy định việc phối hợp.

Điều 2. Nguyên tắc

1. Phối hợp thường xuyên.

2. Phối hợp theo chức năng:

a) Ban Dân vận chủ trì;

b) Ủy ban nhân dân phối hợp.

Chương II
TỔ CHỨC THỰC HIỆN

Điều 3. Hiệu lực

Quy chế có hiệu lực từ ngày ký.
""")

DECISION = """BAN THƯỜNG VỤ TỈNH ỦY
*
Số 12-QĐ/TU

ĐẢNG CỘNG SẢN VIỆT NAM
Phú Yên, ngày 10 tháng 3 năm 2022

QUYẾT ĐỊNH
ban hành Quy chế phối hợp công tác dân vận

Căn cứ Điều lệ Đảng;

BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp công tác dân vận.

Điều 2. Quyết định có hiệu lực từ ngày ký.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn A

QUY CHẾ
phối hợp công tác dân vận
(Ban hành kèm theo Quyết định số 12-QĐ/TU ngày 10/3/2022 của Ban Thường vụ Tỉnh ủy)

Điều 1. Phạm vi

Quy chế này quy định việc phối hợp.

Điều 2. Nguyên tắc

Phối hợp thường xuyên.

Điều 3. Trách nhiệm

Các cơ quan thực hiện Quy chế này.
"""

PARSED = [
    # (case, text, expected codes, a message that must appear)
    ("clean", CLEAN, [], None),
    ("annex articles restart at 1", DECISION, [], None),
    ("article gap across chapters", CLEAN.replace("Điều 3. Hiệu lực", "Điều 5. Hiệu lực"),
     ["numbering-gap"], "Chương II: sau Điều 2 là Điều 5 (thiếu Điều 3, Điều 4)"),
    ("clauses restart in each article", CLEAN.replace("Quy chế có hiệu lực từ ngày ký.",
                                                       "1. Quy chế có hiệu lực từ ngày ký.\n\n2. Sửa đổi khi cần."),
     [], None),
    ("chapter gap", CLEAN.replace("Chương II\n", "Chương IV\n"),
     ["numbering-gap"], "sau Chương I là Chương IV (thiếu Chương II, Chương III)"),
    ("article repeat", CLEAN.replace("Điều 3. Hiệu lực", "Điều 2. Hiệu lực"),
     ["numbering-repeat", "anchor-suffix"], "Chương II: sau Điều 2 là Điều 2 (trùng số)"),
    ("clause repeat", CLEAN.replace("2. Phối hợp theo", "1. Phối hợp theo"),
     ["numbering-repeat", "anchor-suffix"], "Điều 2: sau khoản 1 là khoản 1 (trùng số)"),
    ("clauses start at 2", CLEAN.replace("1. Phối hợp thường", "3. Phối hợp thường")
     .replace("2. Phối hợp theo", "4. Phối hợp theo"),
     ["numbering-start"], "Điều 2: khoản 3 mở đầu dãy khoản (lẽ ra là khoản 1)"),
    ("point gap", CLEAN.replace("b) Ủy ban", "c) Ủy ban"),
     ["numbering-gap"], "khoản 2 Điều 2: sau điểm a là điểm c (thiếu điểm b)"),
    ("đ follows d", CLEAN.replace("b) Ủy ban nhân dân phối hợp.",
                                   "b) Ủy ban;\n\nc) Mặt trận;\n\nd) Đoàn thể;\n\nđ) Công an;\n\ne) Quân sự."),
     [], None),
    ("đ skipped", CLEAN.replace("b) Ủy ban nhân dân phối hợp.",
                                "b) Ủy ban;\n\nc) Mặt trận;\n\nd) Đoàn thể;\n\ne) Quân sự."),
     ["numbering-gap"], "sau điểm d là điểm e (thiếu điểm đ)"),
    ("Latin letters a-f", CLEAN.replace("b) Ủy ban nhân dân phối hợp.",
                                        "b) Ủy ban;\n\nc) Mặt trận;\n\nd) Đoàn thể;\n\ne) Công an;\n\nf) Quân sự."),
     [], None),
    ("empty article", CLEAN.replace("Quy chế có hiệu lực từ ngày ký.", ""),
     ["empty-article"], "Điều 3 không có nội dung (chỉ có tên: «Hiệu lực»)"),
    ("appendix continues the body", DECISION + "\nPHỤ LỤC\nDANH MỤC CƠ QUAN PHỐI HỢP\n\n"
     "Điều 4. Tổ chức thực hiện\n\nCác cơ quan thực hiện Quy chế này.\n",
     ["numbering-start", "appendix-articles"], "chứa Điều 4, đánh số tiếp sau Điều 3 của phần trước"),
    ("appendix with its own articles", DECISION + "\nPHỤ LỤC\nMẪU BIÊN BẢN\n\n"
     "Điều 1. Thành phần\n\nĐại diện các bên.\n", [], None),
]


@pytest.mark.parametrize("case,source,codes,message", PARSED, ids=[c[0] for c in PARSED])
def test_parsed_documents(case, source, codes, message):
    findings = structure_report(parse(source))
    assert sorted(f.code for f in findings) == sorted(codes), findings
    if message:
        assert any(message in f.message for f in findings), [f.message for f in findings]
    assert all(f.code in CODES for f in findings)


# --- documents built directly: shapes a parser may or may not produce ---------------------------------------

def N(kind, num=None, text="", title=None, children=(), anchor=None, line=None):  # noqa: N802
    return Node(kind=kind, num=num, text=text, title=title, anchor=anchor, line=line,
                label={"article": f"Điều {num}.", "clause": f"{num}.", "point": f"{num})",
                       "chapter": f"Chương {num}"}.get(kind), children=list(children))


def D(body, annexes=(), title="Quy chế phối hợp công tác dân vận"):  # noqa: N802
    return Document(id="x", url="van-ban/x.html", title=title, type="Quy chế", number=None, date=None,
                    place=None, locality=None, level=None, body=list(body), annexes=list(annexes))


def art(num, *children, text="", title="Trách nhiệm", anchor=None):
    return N("article", num, text=text, title=title, children=children, anchor=anchor or f"dieu-{num}")


P = lambda t: N("paragraph", text=t)  # noqa: E731

BUILT = [
    ("reference split by an article heading",
     D([art("1", P("Thực hiện theo quy định tại")),
        art("2", P("Ban Dân vận chủ trì."), title="của Quy chế này.")]),
     ["heading-in-sentence"], "Điều 2 ngắt ngang câu: «…Thực hiện theo quy định tại» + «Điều 2. của Quy chế này.»"),
    ("'Điều' at a line end, clause number after it",
     D([art("1", N("clause", "1", text="Sửa đổi khoản 2 \"Điều", anchor="dieu-1-khoan-1"),
                N("clause", "39", text="Chi tổ chức hoạt động.", anchor="dieu-1-khoan-39"))]),
     ["heading-in-sentence", "numbering-gap"], "khoản 39 Điều 1 ngắt ngang câu"),
    ("reference word + the rest of a reference",
     D([art("1", P("được xét theo quy định tại")), N("chapter", "II", title="Thông tư này được xét.")]),
     ["heading-in-sentence", "numbering-start"], "Chương II ngắt ngang câu"),
    ("lead-in with a colon is not a cut",
     D([art("1", N("clause", "1", text="Ban Dân vận có nhiệm vụ sau đây:", anchor="dieu-1-khoan-1",
                   children=[N("point", "a", text="Tham mưu;", anchor="dieu-1-khoan-1-diem-a")]))]), [], None),
    ("missing full stop before a real heading is not a cut",
     D([art("1", P("Các cơ quan thực hiện theo quy định")), art("2", P("Chủ trì."), title="Trách nhiệm của Ban"),
        art("3", P("Giờ thấp điểm"), N("clause", "1", text="Giờ cao điểm.", anchor="dieu-3-khoan-1"))]),
     [], None),
    ("title runs past the enacting line",
     D([art("1", P("Nội dung."))], title="Quyết định ban hành Quy chế phối hợp BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH"),
     ["title-past-enacting"], "tên văn bản chạy qua dòng ban hành"),
    ("title with a căn cứ line",
     D([art("1", P("Nội dung."))], title="QUY CHẾ PHỐI HỢP Căn cứ Điều lệ Đảng"), ["title-past-enacting"], None),
    ("title with an authority that is not enacting",
     D([art("1", P("Nội dung."))],
       title="NGHỊ QUYẾT VỀ CÁC DỰ ÁN ĐÃ ĐƯỢC QUỐC HỘI QUYẾT ĐỊNH CHỦ TRƯƠNG ĐẦU TƯ"),
     [], None),
    ("type line with a colon is not a run-on", D([art("1", P("Nội dung."))], title="QUYẾT ĐỊNH: về việc ban hành"),
     [], None),
    ("anchor with a de-duplication suffix",
     D([art("1", P("a")), art("2", P("b")), art("2", P("c"), anchor="dieu-2-2")]),
     ["anchor-suffix", "numbering-repeat"], "Điều 2 có neo #dieu-2-2: số bị trùng, neo #dieu-2 đã dùng"),
    ("numbers in anchors are not suffixes",
     D([art("1", N("clause", "1", text="x.", anchor="dieu-1-khoan-1"),
            N("clause", "2", text="y.", anchor="dieu-1-khoan-2",
              children=[N("point", "2.1", text="z.", anchor="dieu-1-khoan-2-diem-2-1")]))]), [], None),
    ("annex anchors keep their prefix",
     D([art("1", P("a"))], [Annex(kind="annex", type="Quy chế", title="Quy chế", anchor="qc",
                                  body=[art("1", P("b"), anchor="qc-dieu-1"),
                                        art("1", P("c"), anchor="qc-dieu-1-2")])]),
     ["anchor-suffix", "numbering-repeat"], "Quy chế: Điều 1 có neo #qc-dieu-1-2"),
    ("anchor used twice",
     D([art("1", P("a")), art("2", P("b"), anchor="dieu-1")]), ["anchor-duplicate"], "neo #dieu-1 dùng hai lần"),
    ("appendix that continues the body, built",
     D([art("1", P("a")), art("2", P("b"))],
       [Annex(kind="appendix", type="Phụ lục", title="Phụ lục I", anchor="pl1",
              body=[art("3", P("c"), anchor="pl1-dieu-3"), art("4", P("d"), anchor="pl1-dieu-4")])]),
     ["appendix-articles", "numbering-start"], "Phụ lục I: chứa Điều 3–4, đánh số tiếp sau Điều 2"),
    ("a Quy chế annex restarting at 1 is not an appendix",
     D([art("1", P("a")), art("2", P("b"))],
       [Annex(kind="annex", type="Quy chế", title="Quy chế", anchor="qc",
              body=[art("1", P("c"), anchor="qc-dieu-1")])]),
     [], None),
    ("parts restart chapters, Roman numerals",
     D([N("part", "I", title="A", children=[N("chapter", "I", title="B", children=[art("1", P("x"))]),
                                             N("chapter", "II", title="C", children=[art("2", P("y"))])]),
        N("part", "II", title="D", children=[N("chapter", "I", title="E", children=[art("3", P("z"))])])]), [], None),
    ("parts numbered in words, a gap",
     D([N("part", "THỨ NHẤT", title="A", children=[art("1", P("x"))]),
        N("part", "THỨ BA", title="B", children=[art("2", P("y"))])]),
     ["numbering-gap"], "sau Phần THỨ NHẤT là Phần THỨ BA (thiếu Phần THỨ HAI)"),
    ("empty article without a title", D([art("1", title=None), art("2", P("b"))]),
     ["empty-article"], "Điều 1 không có nội dung"),
]


@pytest.mark.parametrize("case,doc,codes,message", BUILT, ids=[c[0] for c in BUILT])
def test_built_documents(case, doc, codes, message):
    findings = structure_report(doc)
    assert sorted(f.code for f in findings) == sorted(codes), findings
    if message:
        assert any(message in f.message for f in findings), [f.message for f in findings]


def test_every_code_is_exercised():
    seen = set()
    for _, source, codes, _ in PARSED:
        seen |= set(codes)
    for _, _, codes, _ in BUILT:
        seen |= set(codes)
    assert seen == set(CODES)


def test_findings_carry_anchor_and_line():
    [f] = structure_report(parse(CLEAN.replace("Điều 3. Hiệu lực", "Điều 5. Hiệu lực")))
    assert isinstance(f, Finding) and f.anchor == "dieu-5"
    assert f.line == CLEAN.splitlines().index("Điều 3. Hiệu lực") + 1


# --- seeds and the command ----------------------------------------------------------------------------------

def test_seed_documents_are_clean():
    res = load_corpus(CORPUS)
    assert len(res.documents) == len(SEEDS) == 2
    assert {d.source.path: [f.code for f in structure_report(d)] for d in res.documents} == {
        "binh-thuan/binh-thuan-quy-che-cong-tac-dan-van.txt": [],
        "dong-nai/dong-nai-quy-che-phoi-hop-03-QC-BDVTU-BCSDUBND-2021.txt": [],
    }


@pytest.mark.realworld
def test_realworld_anchor_suffixes_match_the_parsers_duplicate_warnings():
    """On every real document the report runs, and its 'anchor-suffix' anchors are exactly the ones the parser
    renamed (its duplicate-anchor warnings): the report recognises the parser's de-duplication suffix."""
    require_realworld()
    res = load_corpus(REALWORLD)
    assert len(res.documents) == 182
    for d in res.documents:
        findings = structure_report(d)
        suffixed = sorted(f.anchor for f in findings if f.code == "anchor-suffix")
        renamed = sorted(w.message.rsplit("#", 1)[1] for w in d.warnings if w.code == "duplicate-anchor")
        assert suffixed == renamed, d.source.path
        assert not [f for f in findings if f.code == "anchor-duplicate"], d.source.path


@pytest.fixture
def gappy_corpus(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    (root / "sach.txt").write_text(CLEAN, encoding="utf-8")
    (root / "thieu.txt").write_text(CLEAN.replace("Điều 3. Hiệu lực", "Điều 5. Hiệu lực"), encoding="utf-8")
    (root / "thieu.meta.json").write_text('{"id": "thieu"}', encoding="utf-8")   # one number, two files: own id
    return root


def test_check_prints_findings_and_totals_strict_fails(gappy_corpus, capsys):
    code = main(["check", "--corpus", str(gappy_corpus), "--quiet"])
    out = capsys.readouterr().out
    assert code == 0                                    # findings alone do not fail without --strict
    assert "thieu.txt: 3 điều, 0 cảnh báo, 1 vấn đề cấu trúc" in out
    assert "[cấu trúc] numbering-gap: Chương II: sau Điều 2 là Điều 5 (thiếu Điều 3, Điều 4) (dòng" in out
    assert "vấn đề cấu trúc: 1 ở 1 văn bản" in out
    tail = out.split("vấn đề cấu trúc: 1 ở 1 văn bản")[1]
    totals = {line.split()[0]: int(line.split()[1]) for line in tail.splitlines() if line.strip()}
    assert totals == {c: (1 if c == "numbering-gap" else 0) for c in CODES}
    assert main(["check", "--corpus", str(gappy_corpus), "--quiet", "--strict"]) == 1
    capsys.readouterr()
    (gappy_corpus / "thieu.txt").unlink()
    assert main(["check", "--corpus", str(gappy_corpus), "--quiet", "--strict"]) == 0


def test_check_json(gappy_corpus, capsys):
    code = main(["check", "--corpus", str(gappy_corpus), "--quiet", "--strict", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    by = {d["path"]: d for d in data["documents"]}
    assert by["sach.txt"]["findings"] == []
    [f] = by["thieu.txt"]["findings"]
    assert f["code"] == "numbering-gap" and f["anchor"] == "dieu-5" and f["line"]
    assert data["totals"] == {c: (1 if c == "numbering-gap" else 0) for c in CODES}
    assert data["errors"] == [] and data["files"] == 2


def test_quoted_excerpts_keep_their_own_numbering():
    # a page quoting "Điều 426" with only its clause 3 and point c: the quote's numbers are the quoted law's
    quote = N("quote", "426", children=[N("clause", "3", "…", children=[N("point", "c", "…")])],
              anchor="trich-dieu-426")
    assert structure_report(D([quote])) == []
    # the same numbers as the document's own clauses are a wrong start
    own = art("1", N("clause", "3", "…"))
    assert [f.code for f in structure_report(D([own]))] == ["numbering-start"]
