"""Every pattern of the parser carries worked examples next to it; one generic test checks them all, and no
pattern goes without examples.

A module of the parser (danvan.parse.*, danvan.normalize) that defines patterns lists their examples in a
module-level dict EXAMPLES (see danvan.parse.patterns for the format):

    EXAMPLES["RE_X"] = {"match": {text: expected group 1, …} or [text, …], "no_match": [text, …], "use": "match"}
"""
from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re

import pytest

import danvan.normalize
import danvan.parse
from danvan.parse import patterns


def _parser_modules():
    yield danvan.normalize     # its EXAMPLES cover the patterns of its submodules (markers, lines, wraps)
    yield from (importlib.import_module(f"danvan.normalize.{m.name}")
                for m in pkgutil.iter_modules(danvan.normalize.__path__))
    yield from (importlib.import_module(f"danvan.parse.{m.name}") for m in pkgutil.iter_modules(danvan.parse.__path__))


REGISTRIES = [m for m in _parser_modules() if isinstance(getattr(m, "EXAMPLES", None), dict)]


def _cases():
    for mod in REGISTRIES:
        for name, ex in mod.EXAMPLES.items():
            expected = ex.get("match", [])
            items = expected.items() if isinstance(expected, dict) else ((t, None) for t in expected)
            for text, want in items:
                yield pytest.param(mod, name, ex.get("use", "search"), text, True, want,
                                   id=f"{mod.__name__.rsplit('.', 1)[-1]}.{name}+{text[:40]}")
            for text in ex.get("no_match", []):
                yield pytest.param(mod, name, ex.get("use", "search"), text, False, None,
                                   id=f"{mod.__name__.rsplit('.', 1)[-1]}.{name}-{text[:40]}")


@pytest.mark.parametrize("mod,name,use,text,matches,want", list(_cases()))
def test_example(mod, name, use, text, matches, want):
    pattern = getattr(mod, name)
    m = getattr(pattern, use)(text)
    if not matches:
        assert m is None, f"{name}.{use}({text!r}) should not match, got {m.group(0)!r}"
        return
    assert m is not None, f"{name}.{use}({text!r}) should match"
    if want is None:
        return
    if isinstance(want, dict):
        for group, value in want.items():
            assert m.group(group) == value, f"{name}.{use}({text!r}).group({group!r})"
    else:
        assert (m.group(1) if m.re.groups else m.group(0)) == want, f"{name}.{use}({text!r})"


def _is_pattern(v) -> bool:
    return isinstance(v, re.Pattern) or (not inspect.isclass(v) and not inspect.ismodule(v)
                                         and not callable(v) and callable(getattr(v, "match", None)))


def test_every_pattern_has_examples():
    documented = {id(getattr(mod, name, None)) for mod in REGISTRIES for name in mod.EXAMPLES}
    missing = []
    for mod in _parser_modules():
        for name, v in vars(mod).items():
            if _is_pattern(v) and id(v) not in documented:
                missing.append(f"{mod.__name__}.{name}")
    assert not missing, ("patterns without worked examples (add them to EXAMPLES in the module that defines "
                         f"the pattern): {sorted(set(missing))}")


REGEX_FUNCTIONS = {"compile", "match", "search", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def test_no_regex_is_written_inside_a_function():
    """Patterns are module-level data with examples: no function of the parser writes a regex literal."""
    found = []
    for mod in _parser_modules():
        tree = ast.parse(inspect.getsource(mod))
        for fn in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call)):
                f = call.func
                if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "re" \
                        and f.attr in REGEX_FUNCTIONS and call.args \
                        and isinstance(call.args[0], (ast.Constant, ast.JoinedStr)):
                    found.append(f"{mod.__name__}.{fn.name} line {call.lineno}")
    assert not found, f"regex literals inside functions (make them named patterns with examples): {found}"


def test_examples_name_real_patterns_and_both_sides():
    for mod in REGISTRIES:
        for name, ex in mod.EXAMPLES.items():
            assert _is_pattern(getattr(mod, name, None)), f"{mod.__name__}.EXAMPLES names no pattern {name!r}"
            assert ex.get("match") and ex.get("no_match"), f"{name}: give examples that match and that do not"
            assert set(ex) <= {"match", "no_match", "use"}, name
            assert ex.get("use", "search") in ("search", "match", "fullmatch"), name


def test_word_lists_are_data():
    """The word lists come from danvan/data/words.json, each with a note saying what it is."""
    for key, entry in patterns.WORDS.items():
        if key == "about":
            continue
        assert entry.get("about"), key
    assert patterns.DOC_TYPES["QUY CHẾ"] == "Quy chế" and patterns.TYPE_CODES["QĐ"] == "Quyết định"
    assert patterns.ANNEX_PREFIX["Quy định"] == "qd" and "Luật" in patterns.CENTRAL_ONLY_TYPES
