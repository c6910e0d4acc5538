"""The benchmark commands run and print their figures (speed targets are checked by running them, not here)."""
from conftest import CORPUS
from danvan.cli import main


def test_bench_parse_prints_figures(capsys):
    assert main(["bench", "parse", "--corpus", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "văn bản/s" in out and "MB/s" in out and "bộ nhớ đỉnh" in out


def test_bench_parse_returns_numbers():
    from danvan.bench import bench_parse
    res = bench_parse(str(CORPUS))
    assert res["documents"] == 2 and res["unreadable"] == 0
    assert res["seconds"] > 0 and res["docs_per_s"] > 0 and res["peak_mb"] > 0
