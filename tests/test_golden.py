"""Golden outlines of the two seed regulations, hand-checked against the source texts.

Regenerate only on purpose: UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py writes the new files and
fails, so that the change is reviewed (`git diff tests/golden`) before the run without the flag passes.
"""
import json

import pytest

from conftest import ROOT, SEEDS, UPDATE_GOLDEN

GOLDEN = ROOT / "tests" / "golden"


def outline(doc):
    arts = []

    def walk(nodes, chapter=None, section=None):
        for n in nodes:
            if n.kind == "chapter":
                walk(n.children, f"{n.num}. {n.title}", None)
            elif n.kind == "section":
                walk(n.children, chapter, f"{n.num}. {n.title}")
            elif n.kind == "article":
                clauses = [c for c in n.children if c.kind == "clause"]
                arts.append({
                    "anchor": n.anchor, "num": n.num, "title": n.title, "chapter": chapter, "section": section,
                    "text_start": n.text[:40],
                    "clauses": [{"num": c.num, "anchor": c.anchor,
                                 "points": [p.num for p in c.children if p.kind == "point"],
                                 "items": sum(1 for x in c.walk() if x.kind == "item"),
                                 "paragraphs": sum(1 for x in c.walk() if x.kind == "paragraph")}
                                for c in clauses],
                    "paragraphs": sum(1 for c in n.children if c.kind == "paragraph"),
                })
            else:
                walk(n.children, chapter, section)

    walk(doc.body)
    return {
        "title": doc.title, "type": doc.type, "number": doc.number, "date": doc.date, "place": doc.place,
        "locality": doc.locality, "level": doc.level,
        "issuers": [[i.name, i.parent] for i in doc.issuers], "motto": doc.motto,
        "preamble": [[p.kind, p.text[:50]] for p in doc.preamble],
        "articles": arts,
        "joins": [[j["before"][-15:], j["after"][:15]] for j in doc.joins],
        "signers": [[s.on_behalf, s.title, s.name] for s in doc.signers],
        "recipients": len(doc.recipients), "cc": doc.cc,
        "annexes": len(doc.annexes), "warnings": [w.code for w in doc.warnings], "unplaced": len(doc.unplaced),
    }


def compare_golden(path, got, update: bool) -> None:
    """Compare with the golden file; with `update`, rewrite a differing file and fail (review by hand)."""
    if update:
        new = json.dumps(got, ensure_ascii=False, indent=1) + "\n"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if new != old:
            path.write_text(new, encoding="utf-8")
            pytest.fail(f"{path.name} rewritten: review `git diff {path}`, "
                        "then run the tests again without UPDATE_GOLDEN", pytrace=False)
    if not path.exists():
        pytest.fail(f"{path} missing: run with UPDATE_GOLDEN=1 and review it by hand", pytrace=False)
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_golden_outline(seed_docs, name):
    compare_golden(GOLDEN / f"{name}.json", outline(seed_docs[name]), UPDATE_GOLDEN)


def test_golden_update_writes_then_fails(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="rewritten: review"):
        compare_golden(path, {"a": 2}, update=True)
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 2}
    compare_golden(path, {"a": 2}, update=True)          # unchanged: nothing to review, passes
    with pytest.raises(AssertionError):
        compare_golden(path, {"a": 3}, update=False)     # without the flag a difference fails
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 2}
    with pytest.raises(pytest.fail.Exception, match="missing"):
        compare_golden(tmp_path / "none.json", {}, update=False)


def test_dong_nai_facts(seed_docs):
    d = seed_docs["dong-nai"]
    assert d.number == "03-QC/BDVTU-BCSDUBND"
    assert d.date == "2021-11-05" and d.place == "Đồng Nai"
    assert [i.name for i in d.issuers] == ["BAN DÂN VẬN TỈNH ỦY", "BCS ĐẢNG UBND TỈNH"]
    assert d.motto == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert [a.num for a in d.all_nodes() if a.kind == "article"] == ["1", "2", "3", "4", "5"]
    # the page break inside khoản 2 Điều 2 is joined into one clause text
    k2 = next(n for n in d.all_nodes() if n.anchor == "dieu-2-khoan-2")
    assert "quy định, nguyên tắc tổ chức và hoạt động của Đảng" in k2.text
    # signers keep the source's spelling ("Phuoc" without tone marks stays as written)
    assert [s.name for s in d.signers] == ["Đào Văn Phuoc", "Cao Tiến Dũng"]
    assert d.cc == ["Thường trực Tỉnh ủy (b/c)", "Ban Dân vận TW A+B (b/c)"]


def test_binh_thuan_facts(seed_docs):
    d = seed_docs["binh-thuan"]
    assert d.number is None and d.date is None          # the text carries neither: never invented
    assert d.locality == "Bình Thuận" and "locality" in d.metadata["from_sidecar"]
    arts = [a for a in d.all_nodes() if a.kind == "article"]
    assert [a.num for a in arts] == [str(i) for i in range(1, 21)]
    a1 = arts[0]
    assert a1.title is None and a1.text.startswith("Dân vận và công tác dân vận là")
    assert arts[4].title == "Ban Dân vận Tỉnh ủy"
    assert arts[16].title == "Phương thức thực hiện"       # from the glued "**Chương III****…****Điều 17…**" line
    ch3 = [n for n in d.body if n.kind == "chapter"][2]
    assert ch3.num == "III" and ch3.title == "PHƯƠNG THỨC THỰC HIỆN CÔNG TÁC DÂN VẬN"
    k23 = next(n for n in d.all_nodes() if n.anchor == "dieu-6-khoan-2-diem-2-3")
    assert "nắm tình hình nhân dân, dư luận xã hội;" in k23.text
    assert [(s.on_behalf, s.title, s.name) for s in d.signers] == [("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Dương Văn An")]
