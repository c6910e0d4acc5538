"""The benchmark commands run and print their figures (speed targets are checked by running them, not here)."""
import pytest

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
    size = sum(f.stat().st_size for f in CORPUS.rglob("*") if f.suffix in (".txt", ".md")) / 1e6
    assert res["megabytes"] == pytest.approx(size, rel=0.01)
    assert res["docs_per_s"] == pytest.approx(2 / res["seconds"], rel=1e-6)
    assert res["mb_per_s"] == pytest.approx(size / res["seconds"], rel=0.01)
    # parsing builds the trees in memory: peak allocation exceeds the text's own size
    assert res["peak_mb"] > size
