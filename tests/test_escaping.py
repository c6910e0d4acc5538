"""Escaping by construction (danvan.render): corpus text is never markup, Markdown or a template expression.

Three kinds of checks:
* structure: HTML comes from autoescaping templates whose every {{ value }} goes through `esc`; the template
  environment has no filters (so no `|safe`); Python marks nothing as HTML except string literals and holds
  no HTML of its own;
* behaviour: a document with a hostile value in every field the renderer reads, and a built site, show
  every value as text;
* sensitivity: the same checks do flag a page whose values were escaped the ordinary way (markupsafe only)
  or not at all, so they would fail if escaping were dropped.
"""
from __future__ import annotations

import ast
import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown
import pytest
from jinja2 import nodes as jn

from sitebuild_helpers import XSS, PageScan, minimal_document, nav_titles, probe_document, without_jsonld
from danvan import render
from danvan.model import Annex, Document, Issuer, Node, PreambleItem, Signer, Source, Unplaced, Warning_
from danvan.render import markup

ROOT = Path(__file__).resolve().parent.parent
RENDER_DIR = ROOT / "tools" / "render"
TEMPLATE_DIR = ROOT / "tools" / "templates"

# What corpus text may hold; each must come out as the same text, inert.
HOSTILE = XSS + ["&amp; &lt;b&gt; &#42;", "${x} $$ \\(y\\)", "<!-- c -->", "| a | b |", "~~s~~ ==m== ^x^",
                 "*[HTML]: abbr", "[^1]", "{: .cls }", "`code`", "_em_", "'single' \"double\""]
RAW_MARKERS = ("<script", "<img", "<iframe", "<!--", "{{", "{%", "**", "](", "`", "${", "onerror=", "[^")


def split_front(page: str) -> tuple[str, str]:
    assert page.startswith("---\n")
    end = page.index("\n---\n", 4)
    return page[4:end], page[end + 5:]


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.parts.extend(v for k, v in attrs if k in ("title", "aria-label", "data-dv-ref") and v)


def text_of(html: str) -> str:
    t = _Text()
    t.feed(html)
    t.close()
    return " ".join(" ".join(t.parts).split())


def problems(page: str) -> list[str]:
    """What would make a page unsafe: raw markup or Markdown/Jinja syntax in its HTML block, a blank line,
    or anything active once Markdown (with extensions that read inside HTML) has processed it."""
    _, body = split_front(page)
    body = without_jsonld(body)   # JSON-LD (markup.json_ld) is data: valid JSON with no '<', checked there
    found = [f"raw {m!r}" for m in RAW_MARKERS if m in body]
    if "\n\n" in body.strip():
        found.append("blank line in the HTML block")
    html = markdown.markdown(body, extensions=["toc", "tables", "fenced_code", "md_in_html", "attr_list",
                                               "def_list", "abbr", "footnotes"])
    scan = PageScan()
    scan.feed(html)
    scan.close()
    found += [f"active {a}" for a in scan.active] + [f"script {s}" for s in scan.scripts]
    found += [f"element <{t}>" for t in set(re.findall(r"<(strong|em|code|abbr|sup|del|mark)>", html))
              if f"<{t}>" not in body]
    return found


# ---------------------------------------------------------------------------------------------
# A document with a hostile value in every text field
# ---------------------------------------------------------------------------------------------

def _tag(i: int) -> str:
    return f"Q{i:03d}Q"


def hostile_document(doc_id: str = "hostile") -> tuple[Document, list[str]]:
    """The probe document, with every string field (recursively: nodes, annexes, signers, tables, notes…)
    replaced by a unique tag followed by all the hostile strings. Returns the document and the tags."""
    tags: list[str] = []
    payload = " ".join(HOSTILE)
    keep = {"id", "url", "anchor", "kind", "level", "severity", "date", "sha256", "encoding"}

    def fill(obj):
        if isinstance(obj, list):
            return [fill(x) for x in obj]
        if isinstance(obj, dict):
            return {k: fill(v) for k, v in obj.items()}
        if isinstance(obj, str):
            tags.append(_tag(len(tags)))
            return f"{tags[-1]} {payload}"
        if dataclasses.is_dataclass(obj):
            for f in dataclasses.fields(obj):
                if f.name not in keep and f.name != "metadata":
                    setattr(obj, f.name, fill(getattr(obj, f.name)))
            return obj
        return obj

    d = probe_document(doc_id)
    d.source = Source(path="a/b.txt", sha256="0" * 64)
    d.body.append(Node(kind="table", rows=[["h1", "h2"], ["c1\nc2", "c3"]], header_rows=1))
    d.body.append(Node(kind="paragraph", text="plain"))
    d.annexes.append(Annex(kind="appendix", type=None, title="", anchor="pl", heading=["PHỤ LỤC"],
                           preamble=[PreambleItem(kind="paragraph", text="p")], recipients=["r"],
                           closing=["c"], signers=[Signer(lines=["l1", "l2"])]))
    d.issuers.append(Issuer(name="I2"))
    d.warnings.append(Warning_(code="c", message="m", line=None))
    d.unplaced.append(Unplaced(text="u", line=2, reason="r"))
    d.motto.append("Độc lập")
    d.date = "2024-13-45"          # shown as written when it is not a date
    return fill(d), tags


@pytest.fixture(scope="module")
def hostile():
    d, tags = hostile_document()
    return d, tags, render.render_document(d)


def test_hostile_values_in_every_field_stay_text(hostile):
    d, tags, page = hostile
    assert problems(page) == []
    _, body = split_front(page)
    text = text_of(body)
    payload = " ".join(" ".join(HOSTILE).split())
    # every field the page shows arrives whole, as text (the ones it does not show are the page's choice:
    # at least the top-level facts, the nodes, the annexes and the notes)
    shown = [t for t in tags if t in text]
    assert len(shown) >= 40, len(shown)
    for t in shown:
        assert f"{t} {payload}" in text or f"{t} {payload[:40]}" in text, t


def test_hostile_home_and_navigation(hostile):
    d, tags, _ = hostile
    d.level = "province"
    pages = render.render_site([d], [f"lỗi {' '.join(HOSTILE)}"],
                               {"build_date": HOSTILE[0], "corpus_version": HOSTILE[3], "git_describe": HOSTILE[5]})
    assert problems(pages["index.md"]) == []
    text = text_of(split_front(pages["index.md"])[1])
    assert f"lỗi {' '.join(' '.join(HOSTILE).split())}" in text
    for page in pages.values():
        title = split_front(page)[0]
        assert not set(title.split("title:", 1)[1].strip()[1:-1]) & set("<>&\"{}`\n")

    for label in nav_titles(render.site_nav([d])):
        assert not set(label) & set("<>&\"'{}`\\"), label
    for tok in json.loads(json.dumps(render.toc_tokens(d))):
        assert "<" not in tok["name"] and "{" not in tok["name"]


def test_entities_in_the_corpus_are_text_not_characters():
    d = minimal_document("ent", body=[Node(kind="paragraph", text="A &amp; B &lt;b&gt; &#42;")])
    _, body = split_front(render.render_document(d))
    assert '<p class="dv-node dv-para">A &amp;amp; B &amp;lt;b&amp;gt; &amp;&#35;42;</p>' in body
    assert "A &amp; B &lt;b&gt; &#42;" in text_of(body)


# ---------------------------------------------------------------------------------------------
# The checks above are sensitive: weaker escaping is flagged
# ---------------------------------------------------------------------------------------------

def test_checks_flag_ordinary_html_escaping(monkeypatch):
    """markupsafe's escape alone (what plain autoescaping does) leaves Markdown and Jinja syntax: flagged."""
    weak = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})
    monkeypatch.setattr(markup, "_ESC_TABLE", weak)
    found = problems(render.render_document(probe_document()))
    assert any("'{{'" in p for p in found) and any("'**'" in p or "'](" in p for p in found), found


def test_checks_flag_a_template_value_left_unescaped():
    """The same page layout, rendered by an environment without esc and with `|safe` on one value: flagged."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals["UNKNOWN"] = render.UNKNOWN
    src = (TEMPLATE_DIR / "nodes.html").read_text(encoding="utf-8")
    para = '<p class="dv-node dv-para"{% if id %} id="{{ id }}"{% endif %}>{{ text }}</p>'
    assert para in src
    unsafe = env.from_string(src.replace(para, para.replace("{{ text }}", "{{ text|safe }}")))
    html = unsafe.module.para("<script>alert(1)</script> {{ config }}")
    assert problems(markup.page_source("x", markup.Html("") + html))
    # …while the real environment cannot even compile it
    with pytest.raises(jinja2.TemplateAssertionError):
        markup.environment().from_string("{{ x|safe }}")
    ok = markup.macros("nodes.html").para("<script>alert(1)</script> {{ config }}")
    assert problems(markup.page_source("x", markup.Html("") + ok)) == []


# ---------------------------------------------------------------------------------------------
# Structure: templates and Python
# ---------------------------------------------------------------------------------------------

def test_environment_escapes_everything_with_esc():
    env = markup.environment()
    assert env.autoescape is True
    assert env.finalize == markup.Html.escape
    assert dict(env.filters) == {}
    assert isinstance(env.undefined, type) and issubclass(env.undefined, jinja2.StrictUndefined)
    t = env.from_string('<a title="{{ x }}">{{ x }}</a>{{ n }}')
    assert t.render(x="<b>*{{ y }}*</b>\n'", n=None) == (
        '<a title="&lt;b&gt;&#42;&#123;&#123; y &#125;&#125;&#42;&lt;/b&gt; &#39;">'
        '&lt;b&gt;&#42;&#123;&#123; y &#125;&#125;&#42;&lt;/b&gt; &#39;</a>')
    with pytest.raises(jinja2.UndefinedError):
        t.render(x="a")      # a misspelt variable is an error, not an empty string


def _template_asts():
    env = markup.environment()
    for path in sorted(TEMPLATE_DIR.glob("*.html")):
        yield path.name, env.parse(path.read_text(encoding="utf-8"))


FORBIDDEN_NODES = (jn.Filter, jn.FilterBlock, jn.Concat, jn.Add, jn.Mod, jn.MarkSafe, jn.MarkSafeIfAutoescape,
                   jn.EvalContextModifier, jn.ScopedEvalContextModifier, jn.Include, jn.Extends)


def test_templates_build_no_strings_and_call_no_methods():
    """In templates, values are only printed (escaped) or tested: no filter, no `~`/`+`/`%` string building,
    no autoescape switch, no method call (`.replace`, `.format`…): calls go to macros only."""
    names = []
    for name, tree in _template_asts():
        names.append(name)
        for node in tree.find_all(FORBIDDEN_NODES):
            pytest.fail(f"{name}:{node.lineno}: {type(node).__name__} is not allowed in templates")
        macros = {m.name for m in tree.find_all(jn.Macro)} | {"caller", "sep", "joiner"}
        for imp in tree.find_all(jn.FromImport):
            macros |= {n if isinstance(n, str) else n[1] or n[0] for n in imp.names}
        for call in tree.find_all(jn.Call):
            assert isinstance(call.node, jn.Name) and call.node.name in macros, (name, call.lineno, call.node)
    assert {"document.html", "home.html", "nodes.html", "meta.html", "toc.html"} <= set(names)


def _python_modules():
    for path in sorted(RENDER_DIR.glob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _docstrings(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def test_python_marks_only_literals_as_html_and_writes_no_html():
    """Outside markup.py, `Html(...)` / `Markup(...)` only wrap string literals, and no string holds a tag:
    markup is written in templates only."""
    tag = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*[ >/]")
    for path, tree in _python_modules():
        if path.name == "markup.py":
            continue
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("Html", "Markup"):
                assert all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args), \
                    f"{path.name}:{node.lineno}: {node.func.id}() of a non-literal"
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                assert not tag.search(node.value), f"{path.name}:{node.lineno}: HTML in Python: {node.value!r}"
            if isinstance(node, ast.Name) and node.id in ("Markup", "_new_html"):
                pytest.fail(f"{path.name}:{node.lineno}: {node.id} is for markup.py only")


def test_render_modules_stay_small():
    for path, _ in _python_modules():
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_every_node_kind_has_a_layout_with_a_macro():
    m = markup.macros("nodes.html")
    from danvan.model import NODE_KINDS
    for kind in NODE_KINDS:
        layout = render.NODE_LAYOUTS[kind]
        assert callable(getattr(m, layout)), (kind, layout)
    # a kind the renderer does not know yet is shown, escaped, as a paragraph
    d = minimal_document("new-kind", body=[Node(kind="mystery", text="<q>trích **dẫn**</q>")])
    page = render.render_document(d)
    assert problems(page) == []
    assert '<p class="dv-node dv-para">&lt;q&gt;trích &#42;&#42;dẫn&#42;&#42;&lt;/q&gt;</p>' in page


def test_html_combines_by_escaping():
    h = markup.Html("<p>") + "<b>*x*</b>" + markup.Html("</p>")
    assert h == "<p>&lt;b&gt;&#42;x&#42;&lt;/b&gt;</p>"
    assert markup.concat(["{{ a }}", markup.Html("<br>")]) == "&#123;&#123; a &#125;&#125;<br>"
    assert markup.esc(markup.Html("<br>")) == "<br>"       # HTML already: not escaped twice
    assert markup.esc("a\nb\r\tc\x00") == "a b c"
    with pytest.raises(TypeError):
        markup.page_source("t", "<p>not marked as HTML</p>")
