"""Escaping by construction: the one escape, the HTML type, the template environment, MkDocs labels.

* ``esc`` is the only escape. Besides ``& < > " '`` it turns Markdown/Jinja/extension metacharacters into
  numeric character references (they render identically), drops control characters and makes a value
  one line. Whatever later reads the page (Python-Markdown with any extension, a Jinja pass, the
  browser), escaped corpus text can only ever be text.
* ``Html`` is a ``markupsafe.Markup`` whose escape is ``esc``: a value combined with it (``+``, ``join``,
  ``format``, ``%``) is escaped unless it is already HTML. ``Html("…")`` marks a string as HTML and is
  only ever called on string literals of this package (a test checks it).
* Templates (``danvan/templates/*.html``) render with autoescaping and ``finalize=esc``: every ``{{ … }}``
  is escaped with ``esc`` unless its value is already HTML (a macro's output). The environment has no
  filters at all, so ``|safe`` (or any filter that escapes differently) does not even compile.
* Titles handed to MkDocs/Material, which prints them unescaped, go through ``plain_label`` where they
  are handed over: ``page_source`` (front matter) and the navigation builder.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jinja2
from markupsafe import Markup

_ESC = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    # Markdown / Jinja / extension metacharacters, as numeric references (render identically)
    "*": "&#42;", "_": "&#95;", "`": "&#96;", "[": "&#91;", "]": "&#93;", "{": "&#123;",
    "}": "&#125;", "#": "&#35;", "|": "&#124;", "~": "&#126;", "^": "&#94;", "=": "&#61;",
    "\\": "&#92;", "!": "&#33;", "$": "&#36;", "%": "&#37;",
}
# C0/C1 controls are dropped, except tab and newline which become spaces: an escaped value is one line,
# so a page never gets a blank line (which would end the raw HTML block for Markdown).
for _c in list(range(0, 32)) + list(range(0x7F, 0xA0)):
    _ESC[chr(_c)] = ""
_ESC["\t"] = " "
_ESC["\n"] = " "
_ESC["\ufeff"] = ""
_ESC_TABLE = str.maketrans(_ESC)
_SURROGATES = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _escape_text(value: object) -> str:
    if type(value) is not str:
        if value is None:
            return ""
        value = str(value)
    if _SURROGATES.search(value):
        value = _SURROGATES.sub("\ufffd", value)
    return value.translate(_ESC_TABLE)


class Html(Markup):
    """A fragment of HTML. Whatever is combined with it and is not HTML already is escaped with ``esc``."""
    __slots__ = ()

    @classmethod
    def escape(cls, s: object, /) -> Markup:
        if isinstance(s, Markup):
            return s                 # already HTML (Html, or a template's output): kept as it is
        if hasattr(s, "__html__"):
            return cls(s)
        return _new_html(cls, _escape_text(s))


_new_html = str.__new__              # an Html from text esc has just escaped (skips Markup's checks)


def esc(s: object) -> Markup:
    """Corpus text (or any value) as HTML text, for element content or a double-quoted attribute:
    HTML-escaped, Markdown/Jinja metacharacters as character references, controls dropped, one line.
    ``None`` is the empty string; a value that is HTML already is returned unchanged."""
    return Html.escape(s)


EMPTY = Html("")


def concat(parts) -> Html:
    """Fragments one after the other (text among them is escaped)."""
    return EMPTY.join(parts)


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("danvan", "templates"),
        autoescape=True,                # anything not HTML is escaped…
        finalize=Html.escape,           # …with esc, before autoescape sees it
        undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        auto_reload=False,
    )
    # No filters: `|safe`, `|e`, `|join`, `|format`… would bypass esc or escape differently.
    env.filters.clear()
    from .common import UNKNOWN
    env.globals["UNKNOWN"] = UNKNOWN
    return env


@lru_cache(maxsize=None)
def template(name: str) -> jinja2.Template:
    return environment().get_template(name)


@lru_cache(maxsize=None)
def macros(name: str):
    """The macros of a template, callable from Python (each returns HTML)."""
    return template(name).module


def render_template(name: str, **context) -> Html:
    return Html(template(name).render(**context))  # autoescaped output of a package template


# ---------------------------------------------------------------------------------------------
# Titles and labels handed to MkDocs
# ---------------------------------------------------------------------------------------------

_LABEL_TABLE = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "\\": "＼",
                              "`": "ˋ", "{": "❴", "}": "❵"})


def plain_label(s: object, max_len: int = 0) -> str:
    """A title that is safe wherever a theme prints it, escaped or not: no HTML-significant
    characters, no controls, one line. Look-alike characters keep it readable."""
    t = "" if s is None else str(s)
    t = _SURROGATES.sub("", t)
    t = "".join(ch if (ch >= " " and not (0x7F <= ord(ch) < 0xA0) and ch != "\ufeff") else " " for ch in t)
    t = " ".join(t.translate(_LABEL_TABLE).split())
    if max_len and len(t) > max_len:
        cut = t[: max_len - 1]
        if " " in cut[max_len // 2:]:
            cut = cut[: cut.rfind(" ")]
        t = cut.rstrip(" ,;:-–") + "…"
    return t


def _yaml_single(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def page_source(title: object, body: Html) -> str:
    """A page as MkDocs reads it: front matter with the plain title, then the HTML block."""
    if not isinstance(body, Markup):
        raise TypeError("page body must be HTML")
    return f"---\ntitle: {_yaml_single(plain_label(title))}\n---\n\n{body}"


# ---------------------------------------------------------------------------------------------
# JSON inside a page (JSON-LD)
# ---------------------------------------------------------------------------------------------

# Characters that only ever stand inside JSON strings, written as \\u escapes: no `</script>`, no HTML, no
# Markdown/Jinja syntax can appear in the script element, whatever the values hold.
_JSON_TABLE = str.maketrans({c: f"\\u{ord(c):04x}" for c in "<>&'*_`#|~^=!$%"})
_JSON_BRACES = str.maketrans({c: f"\\u{ord(c):04x}" for c in "{}[]"})   # inside strings only
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def json_ld(obj: object) -> Html:
    """A JSON value as the content of a `<script type="application/ld+json">` element: json.dumps on one line,
    with `<`, `>`, `&` (so never `</script>`) and Markdown/Jinja metacharacters as \\u escapes."""
    import json
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    text = _JSON_STRING.sub(lambda m: m.group(0).translate(_JSON_BRACES), text.translate(_JSON_TABLE))
    text = _SURROGATES.sub("\ufffd", text)
    return _new_html(Html, text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
