"""Corpus loading: scan a folder for .txt/.md documents, read optional sidecars, parse, give unique ids.

A sidecar `<name>.meta.json` next to `<name>.txt` holds facts the text does not carry (see docs/corpus.md).
Public function: load_corpus(corpus_dir, progress=False) -> CorpusResult
"""
from __future__ import annotations

import hashlib
import json
import os
import re

from dataclasses import dataclass, field
from pathlib import Path

from . import ids
from .model import Document, Source, Warning_
from .parse import parse

DOC_SUFFIXES = (".txt", ".md")
SKIP_NAMES = {"readme.md", "license.md", "changelog.md"}


@dataclass
class CorpusResult:
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)      # one message per unreadable file: "<path>: <cause>"


def find_documents(corpus_dir: str | os.PathLike) -> list[Path]:
    root = Path(corpus_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: không phải thư mục (corpus folder not found)")
    out = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix.lower() in DOC_SUFFIXES and p.name.lower() not in SKIP_NAMES \
                and not any(part.startswith(".") for part in p.relative_to(root).parts):
            out.append(p)
    return out


def read_sidecar(path: Path) -> tuple[dict, str | None]:
    side = path.with_name(path.stem + ".meta.json")
    if not side.exists():
        return {}, None
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            return {}, f"{side}: sidecar must be a JSON object"
        return data, None
    except (OSError, ValueError) as e:
        return {}, f"{side}: sidecar unreadable ({e})"


_DECODE_ERRORS_VI = [
    ("empty file", "tệp rỗng, không có nội dung"),
    ("binary file", "tệp nhị phân, không phải văn bản"),
    ("undecodable bytes", "không giải mã được thành chữ"),
    ("legacy Vietnamese encoding", "bảng mã tiếng Việt cũ, chưa chuyển được sang Unicode"),
]


def explain_decode_error(cause: str) -> str:
    """Vietnamese explanation first, the decoder's exact cause after it."""
    for key, vi in _DECODE_ERRORS_VI:
        if cause.startswith(key):
            return f"{vi} ({cause})"
    return f"không đọc được tệp ({cause})"


def decode_file(path: Path):
    from .decode import decode_bytes
    data = path.read_bytes()
    return data, decode_bytes(data, str(path))


def parse_file(path: Path, rel: str | None = None, meta: dict | None = None) -> tuple[Document | None, str | None]:
    """Parse one file. Returns (document, None) or (None, error message naming the file and the cause)."""
    rel = rel or str(path)
    try:
        data, dec = decode_file(path)
    except OSError as e:
        return None, f"{rel}: không mở được tệp ({e.strerror or e})"
    if dec.error or dec.text is None:
        return None, f"{rel}: {explain_decode_error(dec.error or 'unreadable')}"
    doc = parse(dec.text, rel, meta)
    doc.source = Source(path=rel, sha256=hashlib.sha256(data).hexdigest(), encoding=dec.encoding, bytes=len(data))
    for w in dec.warnings:
        doc.warnings.insert(0, Warning_(code="encoding", message=f"bảng mã / mã hoá ký tự: {w}"))
    return doc, None


def document_id(doc: Document, fallback: str) -> str:
    """ASCII slug from number and year (plus locality when the number is only locally unique), else title."""
    year = doc.date[:4] if doc.date else None
    if doc.number:
        base = ids.slugify(doc.number)
        if year and year not in doc.number:
            base = f"{base}-{year}"
        if doc.level in ("province", "district", "commune") and doc.locality:
            base = f"{ids.slugify(doc.locality)}-{base}"
        return base[:100].strip("-")
    loc = ids.slugify(doc.locality or "", 30)
    title = ids.slugify(doc.title or "", 200)
    if loc:
        title = re.sub(rf"-?(tinh|thanh-pho|huyen|xa|phuong)-{re.escape(loc)}\b", "", title).strip("-")
        title = title.replace(loc, "").replace("--", "-").strip("-")
    title = ids.slugify(title, 60)
    base = "-".join(x for x in (loc, title) if x) or ids.slugify(fallback, 60) or "van-ban"
    return base


def load_corpus(corpus_dir: str | os.PathLike, progress: bool = False) -> CorpusResult:
    res = CorpusResult()
    root = Path(corpus_dir)
    files = find_documents(root)
    it = files
    if progress and len(files) > 5:
        try:
            from tqdm import tqdm
            it = tqdm(files, desc="Phân tích", unit="văn bản")
        except ImportError:  # pragma: no cover
            pass
    used: set[str] = set()
    for path in it:
        rel = path.relative_to(root).as_posix()
        meta, err = read_sidecar(path)
        if err:
            res.errors.append(err)
        doc, err = parse_file(path, rel, meta)
        if err:
            res.errors.append(err)
            continue
        wanted = meta.get("id") if isinstance(meta.get("id"), str) and ids.is_safe_id(meta.get("id")) else None
        base = wanted or document_id(doc, path.stem) or "van-ban"
        base = ids.slugify(base, 100) or "van-ban"
        did, k = base, 2
        while did in used:
            did = f"{base}-{k}"
            k += 1
        used.add(did)
        doc.id = did
        doc.url = f"van-ban/{did}.html"
        res.documents.append(doc)
    return res
