"""The `danvan` command.

    danvan parse FILE [--json] [--stage normalize|parse]
    danvan export --format json --corpus DIR --out DIR
    danvan check --corpus DIR [--strict] [--json]
    danvan build --corpus DIR --out DIR [--zip [PATH]]
    danvan bench parse --corpus DIR
    danvan bench build --corpus DIR
    danvan bench glossary --corpus DIR
    danvan bench align --corpus DIR
    danvan index --corpus DIR --out DIR                      (danvan.search.cli)
    danvan search QUERY [--corpus DIR | --index DIR] [--agency A] [--topic T] [--doc D] [--limit N] [--json]
    danvan bench search [--corpus DIR] [--realworld DIR] [--engine whoosh|prebuilt|all]
    danvan bench duties [--corpus DIR] [--gold FILE] [--realworld DIR]
    danvan bench cite [--corpus DIR] [--realworld DIR] [--gold FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from .model import Document, to_dict

DEFAULT_CORPUS = "corpus"


def _outline(doc: Document) -> str:
    out = []
    out.append(f"{doc.title}")
    out.append(f"  loại: {doc.type or 'chưa rõ'} · số: {doc.number or 'chưa rõ'} · ngày: {doc.date or 'chưa rõ'}"
               f" · nơi: {doc.place or 'chưa rõ'} · cấp: {doc.level or 'chưa rõ'} · địa phương: {doc.locality or 'chưa rõ'}")
    if doc.genre != "regulation":   # parse/page.py
        out.append("  thể loại: " + {"page": "trang web (hỏi đáp, bài báo, bách khoa): các Điều là trích dẫn",
                                     "consolidated": "văn bản hợp nhất"}.get(doc.genre, doc.genre))
    if doc.issuers:
        out.append("  cơ quan ban hành: " + "; ".join(
            (f"{i.name} (thuộc {i.parent})" if i.parent else i.name) for i in doc.issuers))
    for p in doc.preamble:
        out.append(f"  [{p.kind}] {p.text[:90]}")

    def walk(nodes, depth):
        for n in nodes:
            if n.kind in ("paragraph", "item"):
                continue
            if n.kind in ("part", "chapter", "section", "article"):
                kids = [c for c in n.children if c.kind == "clause"]
                extra = f" ({len(kids)} khoản)" if n.kind == "article" and kids else ""
                out.append("  " * depth + f"{n.label} {n.title or ''}{extra}  #{n.anchor}")
            elif n.kind == "clause":
                pts = [c for c in n.children if c.kind == "point"]
                out.append("  " * depth + f"{n.label} {n.text[:50]}… " + (f"({len(pts)} điểm) " if pts else "")
                           + f"#{n.anchor}")
            elif n.kind == "point":
                out.append("  " * depth + f"{n.label} {n.text[:40]}…  #{n.anchor}")
            elif n.kind == "heading":    # a page's own heading
                out.append("  " * depth + f"# {n.title}  #{n.anchor}")
            elif n.kind == "quote":      # an article a page quotes, and the document it comes from
                out.append("  " * depth + f"[trích] {n.label} {n.title or ''} — {n.source or 'nguồn chưa rõ'}"
                           f"  #{n.anchor}")
            walk(n.children, depth + 1)

    walk(doc.body, 1)
    for a in doc.annexes:
        out.append(f"  [PHỤ LỤC/VĂN BẢN KÈM THEO] {a.title}  (neo: {a.anchor}-…)")
        walk(a.body, 2)
    for s in doc.signers:
        out.append(f"  người ký: {s.name or 'chưa rõ'} — {s.title or ''} {('(' + s.on_behalf + ')') if s.on_behalf else ''}")
    if doc.recipients:
        out.append(f"  nơi nhận: {len(doc.recipients)} mục")
    if doc.notes:
        out.append(f"  chú thích cuối văn bản: {len(doc.notes)}")
    for w in doc.warnings:
        out.append(f"  ! [{w.severity}] {w.code}: {w.message}" + (f" (dòng {w.line})" if w.line else ""))
    return "\n".join(out)


def cmd_parse(args) -> int:
    from .corpus import parse_file
    from .decode import decode_bytes
    from .normalize import normalize
    path = Path(args.file)
    if args.stage == "normalize":
        try:
            dec = decode_bytes(path.read_bytes(), str(path))
        except OSError as e:
            print(f"{path}: không đọc được tệp ({e})", file=sys.stderr)
            return 2
        if dec.error:
            print(f"{path}: {dec.error}", file=sys.stderr)
            return 2
        n = normalize(dec.text)
        print(json.dumps({"paras": [asdict(p) for p in n.paras], "joins": n.joins}, ensure_ascii=False, indent=2))
        return 0
    meta = {}
    side = path.with_name(path.stem + ".meta.json")
    if side.exists():
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except ValueError as e:
            print(f"{side}: sidecar không hợp lệ ({e})", file=sys.stderr)
    doc, err = parse_file(path, str(path), meta)
    if err:
        print(err, file=sys.stderr)
        return 2
    from .corpus import document_id
    doc.id = document_id(doc, path.stem)
    doc.url = f"van-ban/{doc.id}.html"
    if args.json:
        print(json.dumps(to_dict(doc), ensure_ascii=False, indent=2))
    else:
        print(_outline(doc))
    return 1 if doc.has_errors else 0


def cmd_export(args) -> int:
    from .corpus import load_corpus
    if args.format == "docx":                       # python-docx, one Word file per document
        from .teach_site import write_docx
        res = load_corpus(args.corpus, progress=not args.quiet)
        paths = write_docx(res.documents, Path(args.out), args.site_url)
        for e in res.errors:
            print(f"lỗi: {e}", file=sys.stderr)
        print(f"đã xuất {len(paths)} tệp Word vào {args.out}")
        return 1 if res.errors else 0
    if args.format != "json":
        print(f"định dạng không hỗ trợ: {args.format} (json, docx)", file=sys.stderr)
        return 2
    from .align import align_site
    from .align.export import add_alignment
    from .link import link
    from .link.export import add_links
    res = load_corpus(args.corpus, progress=not args.quiet)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from .enrich import enrich
    from .enrich.export import annotate
    enr = enrich(res.documents)                     # node-level `duties` and `topics`
    alignments = align_site(res.documents)          # central ↔ provincial alignment: `alignment` of articles
    links = link(res.documents)                     # relations, references, cited_by (danvan.link.export)
    for d in res.documents:
        data = add_links(add_alignment(annotate(to_dict(d), enr), alignments), d, links)
        (out / f"{d.id}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    index = [{"id": d.id, "url": d.url, "title": d.title, "type": d.type, "number": d.number, "date": d.date,
              "level": d.level, "locality": d.locality, "file": f"{d.id}.json"} for d in res.documents]
    (out / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=2), encoding="utf-8")
    for e in res.errors:
        print(f"lỗi: {e}", file=sys.stderr)
    print(f"đã xuất {len(res.documents)} văn bản vào {out}" + (f"; {len(res.errors)} tệp lỗi" if res.errors else ""))
    return 1 if res.errors else 0


def cmd_check(args) -> int:
    from collections import Counter

    from .corpus import find_documents, load_corpus
    from .decode import decode_bytes
    from .lossless import check_lossless
    from .report import CODES, structure_report
    res = load_corpus(args.corpus, progress=not args.quiet)
    bad = 0
    root = Path(args.corpus)
    totals: Counter = Counter()
    flagged = 0
    as_json = []
    say = (lambda *a, **k: None) if args.json else print
    for d in res.documents:
        errs = [w for w in d.warnings if w.severity == "error"]
        src = None
        try:
            src = decode_bytes((root / d.source.path).read_bytes()).text
        except OSError:
            pass
        lost = check_lossless(src, d) if src is not None else None
        status = "OK"
        if errs or (lost is not None and not lost.ok):
            status = "LỖI"
            bad += 1
        findings = structure_report(d)
        totals.update(f.code for f in findings)
        flagged += bool(findings)
        arts = sum(1 for n in d.all_nodes() if n.kind == "article")
        say(f"{status:4} {d.source.path}: {arts} điều, {len(d.warnings)} cảnh báo"
            + (f", {len(findings)} vấn đề cấu trúc" if findings else ""))
        for w in d.warnings:
            say(f"     [{w.severity}] {w.code}: {w.message}" + (f" (dòng {w.line})" if w.line else ""))
        if lost is not None and not lost.ok:
            say(f"     [error] lossless: thiếu {sum(lost.missing.values())} từ, thừa {sum(lost.extra.values())} từ: "
                f"{list(lost.missing)[:8]} {list(lost.extra)[:8]}")
        for f in findings:
            say(f"     [cấu trúc] {f.code}: {f.message}" + (f" (dòng {f.line})" if f.line else "")
                + (f" #{f.anchor}" if f.anchor else ""))
        as_json.append({"path": d.source.path, "id": d.id, "status": status, "articles": arts,
                        "warnings": [asdict(w) for w in d.warnings], "findings": [asdict(f) for f in findings]})
    for e in res.errors:
        say(f"LỖI  {e}")
    n = len(find_documents(root))
    say(f"{n} tệp, {len(res.documents)} văn bản đọc được, {len(res.errors)} tệp lỗi, {bad} văn bản có lỗi")
    order = list(CODES) + sorted(c for c in totals if c not in CODES)
    say(f"vấn đề cấu trúc: {sum(totals.values())} ở {flagged} văn bản"
        + "".join(f"\n  {c:22} {totals[c]}" for c in order))
    if args.json:
        print(json.dumps({"documents": as_json, "errors": res.errors, "files": n, "documents_with_errors": bad,
                          "totals": {c: totals[c] for c in order}}, ensure_ascii=False, indent=2))
    if bad or res.errors:
        return 1
    return 1 if (args.strict and totals) else 0


def cmd_build(args) -> int:
    from .site import build_site
    zip_path = None
    if args.zip is not None:
        zip_path = args.zip or str(Path(args.out).with_suffix(".zip"))
    report = build_site(args.corpus, args.out, zip_path=zip_path, quiet=args.quiet, config=args.config)
    errors = getattr(report, "errors", []) or []
    if args.quiet:  # otherwise MkDocs' log has already shown each one
        for e in errors:
            print(f"lỗi: {e}", file=sys.stderr)
    print(f"đã dựng trang vào {args.out}" + (f"; bản ngoại tuyến: {zip_path}" if zip_path else "")
          + (f"; {len(errors)} tệp không đọc được (xem trang chủ)" if errors else ""))
    return 0


def cmd_bench(args) -> int:
    from . import bench
    if args.what == "parse":
        bench.bench_parse(args.corpus, repeat=args.repeat)
        return 0
    if args.what == "build":
        from .bench_site import bench_build
        bench_build(args.corpus)
        return 0
    if args.what == "align":
        from .align.bench import bench_align
        bench_align(args.corpus, repeat=args.repeat)
        return 0
    if args.what == "search":
        from .search.cli import cmd_bench_search
        return cmd_bench_search(args)
    if args.what == "duties":
        from .enrich.bench import bench_duties
        return bench_duties(args.corpus, args.gold or "tests/data/duties_gold.json", getattr(args, "realworld", None))
    if args.what == "cite":
        from .link.bench import bench_cite
        rw = args.realworld if args.realworld is not None else \
            ("../shared/realworld" if Path("../shared/realworld").is_dir() else None)
        return bench_cite(args.corpus, rw or None, args.gold)     # --realworld "": the gold only
    if args.what == "glossary":
        from .glossary import bench_glossary
        bench_glossary(args.corpus)
        return 0
    if args.what in ("size", "page", "offset"):
        from . import bench_pages
        if args.what == "size":
            bench_pages.bench_size(args.corpus, args.site, args.zip)
        elif args.what == "page":
            bench_pages.bench_page(args.site or _built(args), args.page, rate=args.cpu_rate, repeat=max(1, args.repeat))
        else:
            bench_pages.bench_offset(args.site or _built(args))
        return 0
    return 2


def _built(args) -> str:
    """A site built from --corpus into a temporary folder (for the browser benches without --site)."""
    import tempfile
    out = tempfile.mkdtemp(prefix="danvan-bench-site-")
    from .site import build_site
    build_site(args.corpus, out, quiet=True)
    return out


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="danvan", description="Bộ công cụ văn bản công tác dân vận")
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("parse", help="phân tích một tệp, in dàn ý (hoặc --json)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="in cây văn bản dạng JSON")
    p.add_argument("--stage", choices=["normalize", "parse"], default="parse",
                   help="in kết quả của một công đoạn (normalize: các đoạn sau khi làm sạch)")
    p.set_defaults(func=cmd_parse)

    p = sub.add_parser("export", help="xuất mỗi văn bản ra một tệp JSON")
    p.add_argument("--format", default="json", choices=["json", "docx"])
    p.add_argument("--site-url", default=None, help="docx: địa chỉ công khai của trang, để ghi liên kết vào tệp Word")
    p.add_argument("--corpus", default=DEFAULT_CORPUS)
    p.add_argument("--out", required=True)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="kiểm tra kho văn bản và cấu trúc từng văn bản; mã thoát khác 0 nếu có lỗi")
    p.add_argument("--corpus", default=DEFAULT_CORPUS)
    p.add_argument("--quiet", action="store_true")
    p.add_argument("--strict", action="store_true",
                   help="mã thoát khác 0 cả khi chỉ có vấn đề cấu trúc (số thứ tự thiếu/trùng, tiêu đề ngắt câu…)")
    p.add_argument("--json", action="store_true", help="in kết quả (cảnh báo và vấn đề cấu trúc) dạng JSON")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("build", help="dựng trang web tĩnh")
    p.add_argument("--corpus", default=DEFAULT_CORPUS)
    p.add_argument("--out", default="site")
    p.add_argument("--zip", nargs="?", const="", default=None, help="ghi thêm bản nén ngoại tuyến (kèm manifest)")
    p.add_argument("--config", default=None,
                   help="tệp cấu hình MkDocs (mặc định: mkdocs.yml ở thư mục hiện tại nếu có, nếu không thì cấu hình kèm gói)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("bench", help="đo tốc độ")
    p.add_argument("what", choices=["parse", "build", "search", "duties", "align", "glossary", "cite", "size", "page",
                                    "offset"])
    p.add_argument("--corpus", default=DEFAULT_CORPUS)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--gold", default=None, help="tệp nhãn chuẩn (duties: tests/data/duties_gold.json, "
                                                "cite: tests/data/cite-gold.json)")
    p.add_argument("--site", default=None, help="size/page/offset: đo một trang đã dựng (mặc định: dựng từ --corpus)")
    p.add_argument("--zip", default=None, help="size: bản nén của --site")
    p.add_argument("--page", default=None, help="page: trang cần đo (mặc định: trang văn bản lớn nhất)")
    p.add_argument("--cpu-rate", type=float, default=4.0, help="page: CPU chậm đi bao nhiêu lần (mặc định 4)")
    from .search.cli import add_bench_search_args, add_search_commands
    add_bench_search_args(p)
    p.set_defaults(func=cmd_bench)

    add_search_commands(sub, DEFAULT_CORPUS)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except FileNotFoundError as e:
        print(str(e), file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover
        os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
