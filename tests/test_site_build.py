"""Build the site (two seeds + a probe text) and check every built page: links, fragments, no remote
assets, nothing executable from the corpus; and the offline archive's manifest."""
from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild_helpers import built_site, probe_page, scan
from danvan.corpus import load_corpus
from danvan.site import MANIFEST_JSON, MANIFEST_TXT, README_NAME, corpus_version


@pytest.fixture(scope="session")
def site():
    return built_site()


@pytest.fixture(scope="session")
def pages(site):
    root = site["site"]
    return {p: scan(p) for p in sorted(root.rglob("*.html"))}


def test_build_report(site):
    rep = site["report"]
    assert rep.documents == 3, rep.errors
    assert rep.errors == []
    # home, document list, search.html, 3 documents, the handout page (tai-lieu-phat-tay), the glossary (tim-hieu/thuat-ngu),
    # the responsibility and topic pages (tools/render/duties.py, topics.py) and the registry pages
    tables = len(list((site["site"] / "co-quan").rglob("*.html"))) + len(list((site["site"] / "chu-de").glob("*.html")))
    assert tables > 20
    registry = list((site["site"] / "dan-chieu").glob("*.html"))       # cited documents outside the corpus + index
    assert len(registry) >= 13
    assert rep.pages == 8 + tables + len(registry)
    assert (site["site"] / "index.html").is_file()
    assert len(list((site["site"] / "van-ban").glob("*.html"))) == 3
    # no root-absolute 404 page, no empty sitemap, no unrendered theme template
    assert not (site["site"] / "404.html").exists() and not (site["site"] / "sitemap.xml").exists()


def _resolve(page: Path, root: Path, url: str) -> tuple[Path | None, str]:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, parts.fragment
    if not parts.path:
        return page, unquote(parts.fragment)
    target = (page.parent / unquote(parts.path)).resolve()
    if url.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_every_internal_link_and_fragment_resolves(site, pages):
    root = site["site"].resolve()
    problems = []
    checked = 0
    for page, s in pages.items():
        for tag, attr, url in s.links:
            if url.startswith(("data:", "mailto:", "blob:")):
                continue
            target, frag = _resolve(page.resolve(), root, url)
            if target is None:
                continue  # remote: judged by the next test
            checked += 1
            if not target.is_relative_to(root):
                problems.append(f"{page.name}: {url} leaves the site")
            elif not target.is_file():
                problems.append(f"{page.name}: {url} -> missing {target}")
            elif frag and target.suffix == ".html":
                ids = pages[target].ids if target in pages else scan(target).ids
                if frag not in ids:
                    problems.append(f"{page.name}: {url} -> no id {frag!r}")
    assert checked > 100
    assert problems == []


def test_no_remote_assets_and_no_remote_links(pages):
    remote = []
    for page, s in pages.items():
        for tag, attr, url in s.links:
            if url.lower().startswith(("http:", "https:", "//")):
                remote.append(f"{page.name}: <{tag} {attr}={url}>")
    assert remote == []


def test_only_our_and_the_themes_scripts(site, pages):
    for page, s in pages.items():
        for sc in s.scripts:
            src = sc.get("src")
            if src:
                assert "assets/" in src and not src.startswith(("http", "//")), (page, src)
            assert "alert(" not in sc.get("__inline__", ""), page
        assert s.active == [], (page, s.active)


def test_probe_page_shows_probe_as_text(site, pages):
    p = probe_page(site["site"])
    s = pages[p]
    text = " ".join(" ".join(s.text).split())
    # (the normaliser drops the source's Markdown bold markers, so "**" is not expected back)
    for x in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
              "{{ config }}", "{% if %}", "{% if true %}x{% endif %}", "_em_", "`code`", "# heading",
              "<b>đậm</b> & ampersand"):
        assert x in text, x
    assert "<iframe src=\"javascript:alert(1)\"></iframe>" in text
    raw = p.read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw and "<iframe" not in raw
    # the title in <title> and in the navigation carries no markup
    head = raw[raw.index("<title>"):raw.index("</title>")]
    assert "<" not in head[len("<title>"):]


def test_seed_anchors_all_present(site, pages):
    res = load_corpus(site["corpus"])
    assert len(res.documents) == 3
    for d in res.documents:
        page = site["site"] / "van-ban" / f"{d.id}.html"
        ids = pages[page].ids
        anchors = [n.anchor for n in d.all_nodes() if n.anchor]
        assert anchors, d.id
        missing = [a for a in anchors if a not in ids]
        assert missing == [], (d.id, missing[:5])
        raw = page.read_text(encoding="utf-8")
        for n in d.all_nodes():
            if n.kind in ("article", "clause", "point") and n.anchor:
                # its tools (citation, link, print) come before the next id: they belong to it
                at = raw.index(f'id="{n.anchor}"')
                tools, next_id = raw.find('class="dv-tools', at), raw.find(' id="', at + 1)
                assert tools != -1 and (next_id == -1 or tools < next_id), n.anchor


def test_every_document_is_in_the_list_and_the_home_page_leads_there(site, pages):
    import re
    home = pages[site["site"] / "index.html"]
    linked = {u for _, _, u in home.links}
    assert "danh-sach.html" in linked
    on_disk = {f"van-ban/{p.name}" for p in (site["site"] / "van-ban").glob("*.html")}
    assert on_disk <= linked                     # three documents: all among the newest
    data = (site["site"] / "assets/du-lieu/danh-sach.js").read_text(encoding="utf-8")
    rows = json.loads(re.search(r"window\.danvanList = (.*);\n", data).group(1))["rows"]
    assert {r[0] for r in rows} == on_disk
    assert {"Đồng Nai", "Bình Thuận"} <= {r[6] for r in rows}


def test_offline_archive(site):
    z = zipfile.ZipFile(site["zip"])
    names = z.namelist()
    top = names[0].split("/")[0]
    assert all(n.startswith(top + "/") for n in names)
    manifest = json.loads(z.read(f"{top}/{MANIFEST_JSON}"))
    assert manifest["corpus_version"] == corpus_version(site["corpus"])
    assert manifest["build_date"].endswith("Z")
    files = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert "index.html" in files and README_NAME in files
    for path, sha in files.items():
        assert hashlib.sha256(z.read(f"{top}/{path}")).hexdigest() == sha, path
    site_files = {p.relative_to(site["site"]).as_posix() for p in site["site"].rglob("*") if p.is_file()}
    assert site_files == set(files) - {README_NAME}
    txt = z.read(f"{top}/{MANIFEST_TXT}").decode()
    lines = dict(reversed(line.split("  ", 1)) for line in txt.strip().splitlines())
    assert lines[MANIFEST_JSON] == hashlib.sha256(z.read(f"{top}/{MANIFEST_JSON}")).hexdigest()
    readme = z.read(f"{top}/{README_NAME}").decode("utf-8")
    assert "sha256sum -c manifest.txt" in readme and "index.html" in readme


def test_corpus_version_changes_with_content(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    v1 = corpus_version(tmp_path)
    (tmp_path / "a.txt").write_text("y", encoding="utf-8")
    assert corpus_version(tmp_path) != v1


def test_refuses_dangerous_output_folders(tmp_path):
    from danvan.site import REPO_ROOT, build_site
    corpus = tmp_path / "c"
    corpus.mkdir()
    with pytest.raises(ValueError):
        build_site(str(corpus), str(tmp_path), quiet=True)          # contains the corpus
    with pytest.raises(ValueError):
        build_site(str(corpus), str(REPO_ROOT), quiet=True)
    other = tmp_path / "notasite"
    other.mkdir()
    (other / "keep.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(ValueError):
        build_site(str(corpus), str(other), quiet=True)
    assert (other / "keep.txt").exists()


def test_plugin_refuses_unsafe_ids(tmp_path, monkeypatch):
    """Ids come from the loader; if one could escape the output folder, the page is refused."""
    import danvan.corpus
    from danvan.site import build_site
    from sitebuild_helpers import minimal_document

    def fake_load(_dir, progress=False):
        bad = minimal_document("x")
        bad.id = "../../escaped"
        return danvan.corpus.CorpusResult(documents=[minimal_document("ok"), bad], errors=[])

    monkeypatch.setattr(danvan.corpus, "load_corpus", fake_load)
    corpus = tmp_path / "c"
    corpus.mkdir()
    rep = build_site(str(corpus), str(tmp_path / "out"), quiet=True)
    assert rep.documents == 1
    assert any("../../escaped" in e for e in rep.errors)
    assert not (tmp_path / "escaped.html").exists() and not (tmp_path / "escaped.md").exists()
    assert sorted(p.name for p in (tmp_path / "out" / "van-ban").iterdir()) == ["ok.html"]   # the page (Word: in the browser)
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "../../escaped" in home
