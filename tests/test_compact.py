"""Page weight: compact_html collapses the whitespace between lines and changes nothing a reader sees: the same
tags with the same attributes, the same text once whitespace is collapsed as HTML does, pre/textarea/script/style
untouched (danvan.compact)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from danvan import render
from danvan.compact import compact_html


class _Tokens(HTMLParser):
    """The page as (kind, value) tokens; text with whitespace runs collapsed to one space, except inside
    pre/textarea/script/style, where it is kept byte for byte."""

    RAW = {"pre", "textarea", "script", "style"}

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out: list[tuple] = []
        self.raw = 0

    def handle_starttag(self, tag, attrs):
        self.out.append(("start", tag, tuple(attrs)))
        self.raw += tag in self.RAW

    def handle_endtag(self, tag):
        self.out.append(("end", tag))
        self.raw -= tag in self.RAW

    def handle_data(self, data):
        text = data if self.raw else re.sub(r"\s+", " ", data)
        if self.out and self.out[-1][0] == "text":
            self.out[-1] = ("text", self.out[-1][1] + text)
        else:
            self.out.append(("text", text))

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")


def tokens(html: str) -> list[tuple]:
    t = _Tokens()
    t.feed(html)
    t.close()
    return t.out


CASES = [
    # (html, compacted)
    ("<ul>\n    <li>a</li>\n\n    <li>b</li>\n</ul>", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
    ("<p>Điều 5.   khoản\n      2</p>", "<p>Điều 5.   khoản\n2</p>"),          # spaces alone are left
    ("<pre>  a\n    b\n\n</pre>\n   <p>x</p>", "<pre>  a\n    b\n\n</pre>\n<p>x</p>"),
    ("<textarea>\n  keep\n</textarea>", "<textarea>\n  keep\n</textarea>"),
    ("<script>\n  var a = 1;\n\n  var b = '>\\n  <';\n</script>\n  <div>", "<script>\n  var a = 1;\n\n  var b = '>\\n  <';\n</script>\n<div>"),
    ("<STYLE>\n  a { }\n</STYLE>\n\n", "<STYLE>\n  a { }\n</STYLE>\n"),
    ("<p>a</p>", "<p>a</p>"),
]


@pytest.mark.parametrize("src, want", CASES)
def test_compact_table(src, want):
    assert compact_html(src) == want
    assert tokens(compact_html(src)) == tokens(src)


def test_compact_keeps_every_tag_attribute_and_text_of_real_pages(seed_docs):
    pages = render.render_site(list(seed_docs.values()), [], {})
    assert pages
    for uri, src in pages.items():
        frame = ("<!doctype html>\n<html>\n  <head>\n    <script>var x = 1;\n      var y = 2;</script>\n  </head>\n"
                 "  <body>\n    <pre>  code\n    kept</pre>\n" + src + "\n  </body>\n</html>\n")
        small = compact_html(frame)
        assert tokens(small) == tokens(frame), uri
        assert "<pre>  code\n    kept</pre>" in small
        assert not re.search(r"\n[ \t]+<", small.replace("<pre>  code\n    kept</pre>", "")), uri
