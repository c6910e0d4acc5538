"""Build the static site (MkDocs + Material + the danvan plugin) and, optionally, the offline archive.

Public function: build_site(corpus, out, zip_path=None, quiet=False) -> BuildReport
Also: `python -m danvan.site --corpus corpus --out site [--zip site.zip]`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# In a checkout (or an editable install) the package folder is tools/ and its parent is the checkout;
# from a wheel it is site-packages/danvan, and there is no checkout.
REPO_ROOT = PACKAGE_DIR.parent
DEFAULT_CONFIG = PACKAGE_DIR.parent / "site_plugins" / "mkdocs.default.yml"
if not DEFAULT_CONFIG.is_file():                      # installed from a wheel
    DEFAULT_CONFIG = PACKAGE_DIR / "mkdocs_plugin" / "mkdocs.default.yml"
README_NAME = "DOC-OFFLINE.txt"
MANIFEST_JSON = "MANIFEST.json"
MANIFEST_TXT = "manifest.txt"


# Theme files that no page of ours loads: Material's search (its Web Worker and the lunr language files,
# used only by Material's own search plugin, which we do not enable) and source maps (*.map), which only a
# browser's developer tools fetch. Left out of the site and so of the offline archive.
UNUSED_THEME_FILES = ("assets/javascripts/workers/", "assets/javascripts/lunr/")


def unused_theme_file(src_uri: str, theme_search: bool = False) -> bool:
    """True for a theme file that nothing in the built site loads (see UNUSED_THEME_FILES)."""
    if src_uri.endswith(".map"):
        return True
    return not theme_search and src_uri.startswith(UNUSED_THEME_FILES)


@dataclass
class BuildReport:
    out: str
    documents: int = 0
    pages: int = 0
    files: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    build_date: str = ""
    corpus_version: str = ""
    git_describe: str | None = None
    zip_path: str | None = None
    timings: dict = field(default_factory=dict)   # seconds: load (read+parse), render, mkdocs, zip

    @property
    def ok(self) -> bool:
        return self.documents > 0


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def corpus_files(corpus_dir: str | os.PathLike) -> list[Path]:
    root = Path(corpus_dir)
    return sorted((p for p in root.rglob("*") if p.is_file()
                   and not any(part.startswith(".") for part in p.relative_to(root).parts)),
                  key=lambda p: p.relative_to(root).as_posix())


def corpus_version(corpus_dir: str | os.PathLike) -> str:
    """sha256 over the sorted 'relative/path<TAB>sha256' lines of every corpus file."""
    root = Path(corpus_dir)
    h = hashlib.sha256()
    for p in corpus_files(root):
        h.update(f"{p.relative_to(root).as_posix()}\t{_sha256_file(p)}\n".encode("utf-8"))
    return h.hexdigest()


def git_describe(path: str | os.PathLike = REPO_ROOT) -> str | None:
    try:
        r = subprocess.run(["git", "describe", "--always", "--dirty", "--tags"], cwd=str(path),
                           capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    out = r.stdout.strip()
    return out if r.returncode == 0 and out else None


def build_info(corpus_dir: str | os.PathLike) -> dict:
    now = datetime.now(timezone.utc).replace(microsecond=0)
    return {
        "build_date": now.isoformat().replace("+00:00", "Z"),
        "corpus_version": corpus_version(corpus_dir) if Path(corpus_dir).is_dir() else "",
        "git_describe": git_describe(),
    }


def _check_out_dir(out_dir: Path, corpus_dir: Path) -> None:
    """MkDocs empties the output folder first: refuse folders whose loss would hurt."""
    protected = [corpus_dir, REPO_ROOT, REPO_ROOT / "corpus", Path.cwd(), Path.home(), Path(out_dir.anchor)]
    for p in protected:
        if out_dir == p or p.is_relative_to(out_dir):
            raise ValueError(f"{out_dir}: không thể dựng trang vào thư mục này (nó chứa {p})")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / "index.html").exists():
        raise ValueError(f"{out_dir}: thư mục không trống và không phải một trang đã dựng; "
                         "hãy chọn thư mục khác (mọi tệp trong đó sẽ bị xóa khi dựng)")


def _quiet_mkdocs(quiet: bool):
    logger = logging.getLogger("mkdocs")
    old = logger.level
    if quiet:
        logger.setLevel(logging.ERROR)
    return logger, old


def find_config(config: str | os.PathLike | None = None) -> tuple[Path, bool]:
    """The MkDocs configuration to build with, and whether it is the packaged default.

    Rule: an explicit file wins; else a `mkdocs.yml` in the current folder that enables the danvan
    plugin (a project's own configuration, e.g. this checkout's); else the default shipped in the package.
    """
    if config:
        p = Path(config).resolve()
        if not p.is_file():
            raise FileNotFoundError(f"{config}: không tìm thấy tệp cấu hình MkDocs")
        return p, False
    local = Path.cwd() / "mkdocs.yml"
    if local.is_file() and "danvan" in local.read_text(encoding="utf-8", errors="replace"):
        return local.resolve(), False
    return DEFAULT_CONFIG, True


def build_site(corpus: str, out: str, zip_path: str | None = None, quiet: bool = False,
               config: str | os.PathLike | None = None) -> BuildReport:
    """Build the site from the corpus folder into `out`; with zip_path, also write the offline archive.

    `config` is a MkDocs configuration file; by default see `find_config`.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    t0 = time.perf_counter()
    corpus_dir = Path(corpus).resolve()
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"{corpus}: không phải thư mục (corpus folder not found)")
    out_dir = Path(out).resolve()
    _check_out_dir(out_dir, corpus_dir)
    info = build_info(corpus_dir)

    config_file, _packaged = find_config(config)
    logger, old_level = _quiet_mkdocs(quiet)
    # The hand-written pages (docs/) come with the configuration: the packaged default names them as
    # `docs_dir: ../docs`, next to its own folder, in a checkout (docs/) and in a wheel (danvan/docs/) alike.
    try:
        overrides = {"site_dir": str(out_dir)}
        cfg = load_config(config_file=str(config_file), **overrides)
        plugin = cfg.plugins.get("danvan")
        if plugin is None:
            raise RuntimeError(f"{config_file}: the danvan plugin is not enabled")
        plugin.config.corpus = str(corpus_dir)
        plugin.build_info = info
        plugin.progress = not quiet and sys.stderr.isatty()
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    finally:
        logger.setLevel(old_level)
    t_built = time.perf_counter()

    result = plugin.result or {}
    report = BuildReport(
        out=str(out_dir), documents=result.get("documents", 0), pages=result.get("pages", 0),
        errors=list(result.get("errors", [])), build_date=info["build_date"],
        corpus_version=info["corpus_version"], git_describe=info["git_describe"],
    )
    report.files = sum(1 for p in out_dir.rglob("*") if p.is_file())
    report.timings = dict(result.get("timings", {}))
    report.timings["mkdocs"] = round(t_built - t0 - sum(report.timings.values()), 3)
    if zip_path:
        report.zip_path = write_archive(out_dir, Path(zip_path), info, report)
        report.timings["zip"] = round(time.perf_counter() - t_built, 3)
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


READ_ME = """VĂN BẢN CÔNG TÁC DÂN VẬN – BẢN DÙNG KHÔNG CẦN MẠNG

Cách dùng
  1. Giải nén toàn bộ tệp nén này vào một thư mục.
  2. Mở tệp index.html trong thư mục "{folder}" bằng trình duyệt (Chrome, Edge, Firefox, Cốc Cốc…).
     Không cần kết nối Internet.

Thông tin bản này
  Ngày dựng (giờ UTC):       {build_date}
  Phiên bản kho văn bản:     {corpus_version}
  Phiên bản mã nguồn (git):  {git}
  Số văn bản:                {documents}

Kiểm tra tệp có bị thay đổi hay không
  Tệp {txt} ghi mã SHA-256 của từng tệp trong thư mục; {json} ghi cùng thông tin đó kèm ngày dựng
  và phiên bản kho văn bản.
  - Linux:    cd "{folder}" && sha256sum -c {txt}
  - macOS:    cd "{folder}" && shasum -a 256 -c {txt}
  - Windows (PowerShell): Get-FileHash -Algorithm SHA256 "{folder}\\index.html"
    rồi so mã nhận được với dòng tương ứng trong {txt}.
  Mọi dòng phải báo "OK" (hoặc mã phải trùng khớp). Nếu có tệp sai mã, đừng dùng bản này; hãy xin lại
  bản gốc từ nơi phát hành.
"""


def write_archive(site_dir: Path, zip_path: Path, info: dict, report: BuildReport | None = None) -> str:
    """Zip the built site under one top folder, with MANIFEST.json, manifest.txt and DOC-OFFLINE.txt."""
    site_dir = Path(site_dir)
    zip_path = Path(zip_path).resolve()
    if zip_path.is_relative_to(site_dir.resolve()):
        raise ValueError(f"{zip_path}: the archive must not be written inside the site folder")
    folder = zip_path.stem or "site"
    entries = []
    for p in sorted((p for p in site_dir.rglob("*") if p.is_file()), key=lambda p: p.relative_to(site_dir).as_posix()):
        rel = p.relative_to(site_dir).as_posix()
        if rel in (MANIFEST_JSON, MANIFEST_TXT, README_NAME):
            continue
        entries.append((rel, p, _sha256_file(p), p.stat().st_size))
    readme = READ_ME.format(
        folder=folder, build_date=info.get("build_date", ""), corpus_version=info.get("corpus_version", ""),
        git=info.get("git_describe") or "không rõ", documents=report.documents if report else "không rõ",
        txt=MANIFEST_TXT, json=MANIFEST_JSON).replace("\n", "\r\n").encode("utf-8")
    readme_sha = hashlib.sha256(readme).hexdigest()
    manifest = {
        "name": "Văn bản công tác dân vận",
        "build_date": info.get("build_date"),
        "corpus_version": info.get("corpus_version"),
        "git_describe": info.get("git_describe"),
        "documents": report.documents if report else None,
        "files": [{"path": rel, "sha256": sha, "bytes": size} for rel, _, sha, size in entries]
                 + [{"path": README_NAME, "sha256": readme_sha, "bytes": len(readme)}],
    }
    manifest_json = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    lines = [f"{sha}  {rel}" for rel, _, sha, _ in entries] + [f"{readme_sha}  {README_NAME}",
             f"{hashlib.sha256(manifest_json).hexdigest()}  {MANIFEST_JSON}"]
    manifest_txt = ("\n".join(lines) + "\n").encode("utf-8")

    zip_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = zip_path.with_name(zip_path.name + ".part")
    stamp = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        def add(name: str, data: bytes) -> None:
            zi = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
        add(README_NAME, readme)
        add(MANIFEST_JSON, manifest_json)
        add(MANIFEST_TXT, manifest_txt)
        for rel, p, _, _ in entries:
            add(rel, p.read_bytes())
    os.replace(tmp, zip_path)
    return str(zip_path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m danvan.site", description="Dựng trang web tĩnh từ kho văn bản.")
    ap.add_argument("--corpus", default="corpus")
    ap.add_argument("--out", default="site")
    ap.add_argument("--zip", dest="zip_path", default=None, help="also write this offline .zip archive")
    ap.add_argument("--config", default=None, help="MkDocs configuration file (default: ./mkdocs.yml or the packaged one)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    rep = build_site(a.corpus, a.out, a.zip_path, quiet=a.quiet, config=a.config)
    for e in rep.errors:
        print(f"lỗi: {e}", file=sys.stderr)
    print(f"{rep.documents} văn bản, {rep.pages} trang, {rep.files} tệp -> {rep.out} ({rep.seconds:.1f} s)")
    if rep.zip_path:
        print(f"bản không cần mạng: {rep.zip_path}")
    return 0 if rep.ok else 1


if __name__ == "__main__":
    sys.exit(main())
