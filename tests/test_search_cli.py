"""`danvan index`, `danvan search` and `danvan bench search` as a user runs them."""
import json

import pytest

from conftest import CORPUS, ROOT
from danvan.cli import main


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("idx") / "whoosh"
    browser = out.parent / "browser"
    assert main(["index", "--corpus", str(CORPUS), "--out", str(out), "--browser", str(browser), "--quiet"]) == 0
    assert (browser / "meta.js").exists()
    return out


def run_json(capsys, *argv):
    assert main(["search", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_search_json_shape(index_dir, capsys):
    hits = run_json(capsys, "Ban Nội chính", "--index", str(index_dir))
    assert isinstance(hits, list) and 1 <= len(hits) <= 10
    h = hits[0]
    for key in ("url", "doc", "anchor", "title", "score", "snippet"):
        assert key in h, key
    assert h["url"] == f"van-ban/{h['doc']}.html#{h['anchor']}"
    assert h["url"].endswith("#dieu-6-khoan-2")
    assert isinstance(h["score"], float) and "Ban Nội chính" in h["snippet"]
    assert [x["score"] for x in hits] == sorted((x["score"] for x in hits), reverse=True)


def test_search_builds_a_temporary_index_from_a_corpus(capsys):
    hits = run_json(capsys, "2898-QĐ/TU", "--corpus", str(CORPUS), "--limit", "1")
    assert len(hits) == 1 and hits[0]["anchor"] == "dieu-20"


def test_search_facets(index_dir, capsys):
    hits = run_json(capsys, "trách nhiệm", "--index", str(index_dir), "--agency", "Ban Tuyên giáo", "--limit", "50")
    assert hits and len(hits) < 27
    hits = run_json(capsys, "công tác", "--index", str(index_dir), "--doc", "03-QC/BDVTU-BCSDUBND", "--limit", "50")
    assert hits and {h["doc"] for h in hits} == {"dong-nai-03-qc-bdvtu-bcsdubnd-2021"}



@pytest.mark.parametrize("dim, typed, close", [
    ("--agency", "Ban Dân vặn Tỉnh ủyy", "Ban Dân vận"),        # a slip: close names are listed
    ("--topic", "dân chủ cơ sởơ", "Dân chủ ở cơ sở"),
    ("--agency", "không có cơ quan này", None),
])
def test_a_facet_name_that_matches_nothing_is_an_error(index_dir, capsys, dim, typed, close):
    if close is None:
        typed = "qqqq zzzz"
    assert main(["search", "công tác", "--index", str(index_dir), dim, typed, "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "không có" in err and typed in err
    if close:
        assert "có phải" in err and close in err


def test_facets_option_prints_vietnamese_labels(index_dir, capsys):
    assert main(["search", "dân vận", "--index", str(index_dir), "--facets"]) == 0
    out = capsys.readouterr().out
    assert "Cơ quan chịu trách nhiệm:" in out and "Chủ đề:" in out
    assert "Ban Dân vận Tỉnh ủy (" in out and "[ban-dan-van-tinh-uy]" in out


@pytest.mark.parametrize("q", ['"', "(", "*", "AND", "x" * 10_000, "😀", "của và các", ""])
def test_hostile_queries_on_the_command_line(index_dir, capsys, q):
    hits = run_json(capsys, q, "--index", str(index_dir))
    assert isinstance(hits, list)


def test_plain_output(index_dir, capsys):
    assert main(["search", "dân vận khéo", "--index", str(index_dir), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert " 1. Điều " in out and "van-ban/" in out and "Dân vận khéo" in out
    assert main(["search", "zzzzqqq", "--index", str(index_dir)]) == 0
    assert "không tìm thấy" in capsys.readouterr().out


def test_missing_index(tmp_path, capsys):
    assert main(["search", "x", "--index", str(tmp_path)]) == 2
    assert "danvan index" in capsys.readouterr().err


def test_bench_search_prints_quality_and_speed(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["bench", "search", "--corpus", str(CORPUS), "--realworld", "", "--engine", "all"]) == 0
    out = capsys.readouterr().out
    assert "MRR@10" in out and "Recall@10" in out and "TẤT CẢ" in out
    for kind in ("no-diacritics", "old-tone", "acronym", "number", "agency", "topic", "phrase", "typo"):
        assert kind in out
    assert "ms" in out and "danvan search" in out and "chỉ mục trình duyệt" in out


def test_index_will_not_overwrite_a_foreign_folder(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("keep me")
    assert main(["index", "--corpus", str(CORPUS), "--out", str(tmp_path), "--quiet"]) == 2
    assert "không trống" in capsys.readouterr().err and (tmp_path / "notes.txt").exists()
