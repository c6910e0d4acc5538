"""The danvan command: parse, export (validated against the JSON Schema), check, bad input handling."""
import json
import shutil

import jsonschema
import pytest

from conftest import CORPUS, ROOT, SEEDS
from danvan.cli import main
from danvan.corpus import load_corpus

SCHEMA = json.loads((ROOT / "tools" / "schema" / "document.schema.json").read_text(encoding="utf-8"))


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_parse_outline(capsys):
    code, out, _ = run(capsys, "parse", str(SEEDS["dong-nai"]))
    assert code == 0
    assert "Điều 4: Trách nhiệm phối hợp (2 khoản)" in out
    assert "#dieu-4-khoan-1-diem-1-7" in out


def test_parse_json_tree_and_normalize_stage(capsys):
    code, out, _ = run(capsys, "parse", "--json", str(SEEDS["binh-thuan"]))
    d = json.loads(out)
    assert code == 0 and d["number"] is None and d["locality"] == "Bình Thuận"
    jsonschema.validate(d, SCHEMA)
    code, out, _ = run(capsys, "parse", "--stage", "normalize", str(SEEDS["dong-nai"]))
    n = json.loads(out)
    assert code == 0 and len(n["joins"]) == 6


def test_export_validates_against_schema(tmp_path, capsys):
    code, out, _ = run(capsys, "export", "--format", "json", "--corpus", str(CORPUS), "--out", str(tmp_path), "--quiet")
    assert code == 0
    files = sorted(p for p in tmp_path.glob("*.json") if p.name != "index.json")
    assert len(files) == 2
    for f in files:
        d = json.loads(f.read_text(encoding="utf-8"))
        jsonschema.validate(d, SCHEMA)
        assert d["url"] == f"van-ban/{d['id']}.html"
        assert "/" not in d["id"] and ".." not in d["id"]
    index = json.loads((tmp_path / "index.json").read_text(encoding="utf-8"))
    assert {i["id"] for i in index} == {"dong-nai-03-qc-bdvtu-bcsdubnd-2021",
                                        "binh-thuan-quy-che-cong-tac-dan-van-cua-he-thong-chinh-tri"}


@pytest.fixture
def messy_corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    shutil.copy(SEEDS["dong-nai"], root / "sub" / "dong-nai.txt")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "bad-utf8.txt").write_bytes("Điều 1. Phạm vi\n".encode() + b"\xff\xfe\xfa\xfb" * 50 + b"\x00\x01" * 30)
    (root / "utf16.txt").write_bytes("Điều 1. Phạm vi điều chỉnh\n\n1. Quy chế này.\n".encode("utf-16"))
    (root / "nfd.md").write_bytes(__import__("unicodedata").normalize(
        "NFD", "QUY CHẾ\nphối hợp\n\nĐiều 1. Hoá đơn thuỷ lợi\n").encode("utf-8"))
    (root / "notes.csv").write_text("ignored", encoding="utf-8")
    return root


def test_bad_files_are_reported_by_name_and_the_rest_is_processed(messy_corpus):
    res = load_corpus(messy_corpus)
    names = sorted(d.source.path for d in res.documents)
    assert names == ["nfd.md", "sub/dong-nai.txt", "utf16.txt"]
    msgs = " | ".join(res.errors)
    for bad in ("empty.txt", "image.md", "bad-utf8.txt"):
        assert bad in msgs
    assert "empty" in msgs and "binary" in msgs
    utf16 = next(d for d in res.documents if d.source.path == "utf16.txt")
    assert utf16.source.encoding.startswith("utf-16")
    nfd = next(d for d in res.documents if d.source.path == "nfd.md")
    assert next(n for n in nfd.all_nodes() if n.kind == "article").title == "Hoá đơn thuỷ lợi"


def test_check_exit_codes(messy_corpus, capsys):
    code, out, _ = run(capsys, "check", "--corpus", str(CORPUS), "--quiet")
    assert code == 0 and "0 tệp lỗi" in out
    code, out, _ = run(capsys, "check", "--corpus", str(messy_corpus), "--quiet")
    assert code == 1
    assert "image.md" in out and "sub/dong-nai.txt" in out


def test_missing_corpus_folder_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "check", "--corpus", str(tmp_path / "nope"))
    assert code == 2 and "nope" in err


def test_ids_are_unique_and_safe(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    for i in range(3):
        shutil.copy(SEEDS["dong-nai"], root / f"copy{i}.txt")
    (root / "evil.txt").write_text("QUY CHẾ\n../../etc/passwd <script>\n\nĐiều 1. A\n", encoding="utf-8")
    res = load_corpus(root)
    ids = [d.id for d in res.documents]
    assert len(set(ids)) == 4
    assert all(__import__("re").fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)


def test_legacy_encoded_files_are_converted_not_published_as_mojibake(tmp_path):
    from danvan.decode import encode_legacy
    root = tmp_path / "c"
    root.mkdir()
    text = "QUY CHẾ\nphối hợp công tác dân vận\n\nĐiều 1. Phạm vi\n\nBan dân vận tỉnh ủy và ủy ban nhân dân tỉnh phối hợp.\n"
    (root / "vni.txt").write_bytes(encode_legacy(text, "vni"))
    (root / "cp1258.txt").write_bytes(encode_legacy(text, "cp1258"))
    lower = text.replace("QUY CHẾ", "quy chế").replace("Điều", "điều")
    (root / "tcvn3.txt").write_bytes(encode_legacy(lower, "tcvn3"))   # TCVN3 (VN3) has no upper-case toned letters
    res = load_corpus(root)
    assert res.errors == []
    by = {d.source.path: d for d in res.documents}
    for name in ("vni.txt", "cp1258.txt"):
        d = by[name]
        assert d.source.encoding != "utf-8" and any(w.code == "encoding" for w in d.warnings)
        art = next(n for n in d.all_nodes() if n.kind == "article")
        assert art.title == "Phạm vi"
        assert "Ban dân vận tỉnh ủy và ủy ban nhân dân tỉnh phối hợp." in [c.text for c in art.children]
    from danvan.lossless import placed_texts
    tcvn3 = " ".join(placed_texts(by["tcvn3.txt"]))
    assert by["tcvn3.txt"].source.encoding == "tcvn3"
    assert "phối hợp công tác dân vận" in tcvn3 and "ủy ban nhân dân tỉnh phối hợp." in tcvn3
