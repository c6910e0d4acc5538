"""The package as a user installs it: a wheel in a fresh virtualenv, used from a folder outside the checkout.

The wheel must hold one import name (`danvan`, with `danvan.mkdocs_plugin`), its templates, assets and
the MkDocs configuration, so that `danvan build` works with no checkout around.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT


def _run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert r.returncode == 0, f"{cmd}\n{r.stdout}\n{r.stderr}"
    return r


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split("\n")
    for rel in filter(None, files):
        if (ROOT / rel).is_file():
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, src / rel)
    out = tmp_path_factory.mktemp("wheel")
    r = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(src)])
    assert "warning" not in (r.stdout + r.stderr).lower().replace("location", ""), r.stderr
    (whl,) = out.glob("danvan-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    env = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", str(env)])
    py = env / "bin" / "python"
    # Dependencies come from the test environment (no download); the package itself only from the wheel.
    site = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    Path(site, "deps-from-test-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)])
    return env


def test_wheel_holds_one_import_name(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"danvan"}
    for needed in ("danvan/mkdocs_plugin/plugin.py", "danvan/mkdocs_plugin/mkdocs.default.yml",
                   "danvan/mkdocs_plugin/assets/danvan.css", "danvan/schema/document.schema.json",
                   "danvan/docs/tim-hieu/gioi-thieu.md", "danvan/data/glossary.json", "danvan/templates/glossary.html"):
        assert needed in names
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "danvan = danvan.cli:main" in meta
    assert "danvan = danvan.mkdocs_plugin.plugin:DanvanPlugin" in meta


def test_installed_package_imports_as_danvan_only(venv, tmp_path):
    py = str(venv / "bin" / "python")
    r = _run([py, "-c", "import danvan, danvan.mkdocs_plugin.plugin; print(danvan.__file__)"], cwd=tmp_path)
    assert str(venv) in r.stdout and str(ROOT) not in r.stdout
    for old in ("tools", "site_plugins"):
        r = subprocess.run([py, "-c", f"import {old}"], capture_output=True, text=True, cwd=tmp_path)
        assert r.returncode != 0 and "ModuleNotFoundError" in r.stderr


def test_wheel_builds_the_site_outside_the_checkout(venv, tmp_path):
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    r = _run([str(venv / "bin" / "danvan"), "build", "--corpus", str(CORPUS), "--out", "out", "--quiet"],
             cwd=work, env=env)
    out = work / "out"
    pages = sorted(p.name for p in (out / "van-ban").glob("*.html"))
    assert len(pages) == 2, (pages, r.stdout)
    assert (out / "index.html").is_file() and (out / "assets" / "danvan" / "danvan.js").is_file()
    html = (out / "van-ban" / "dong-nai-03-qc-bdvtu-bcsdubnd-2021.html").read_text(encoding="utf-8")
    assert 'id="dieu-2-khoan-2"' in html and "Văn bản công tác dân vận" in html
    # the hand-written pages ship in the wheel (danvan/docs) and the glossary is made from the corpus
    assert sorted(p.name for p in (out / "tim-hieu").glob("*.html")) == [
        "doc-van-ban.html", "gioi-thieu.html", "huong-dan.html", "thuat-ngu.html"]
