"""The engines' internals are used in one module, engine/adapter.py, so that
the day MkDocs, Material or mkdocs-static-i18n changes or is replaced, one
module is read and adapted; the build keeps no state in modules, so that
each build, and each language's, starts from what it is given."""

from __future__ import annotations

import os
import re
from importlib.metadata import entry_points
from pathlib import Path

from cleanprod.content import chinese, search_words

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "cleanprod"
ADAPTER = PACKAGE / "engine" / "adapter.py"
# What only the adapter may write: the engines' modules other than their
# documented plugin interface, private names, i18n's plugin and file
# attributes, Material's markup, the preview server.
INTERNALS = re.compile(
    r"from mkdocs(\.commands|\.utils|\.livereload| import utils)"
    r"|import (material|mkdocs_static_i18n)|from (material|mkdocs_static_i18n)"
    r"|_build_page|_populate_page|clean_directory|LiveReloadServer|error_handler"
    r"|plugins\[\"i18n\"\]|current_language|\.building\b|file\.(alternates|locale)\b|getattr\([^)]*\"(alternates|locale)\"|__dict__"
    r"|md-toggle|__toc|\"mkdocs\.structure\.pages\"|does not contain an anchor"
)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_the_adapter_uses_the_engines_internals() -> None:
    modules = _modules()
    assert len(modules) > 30 and ADAPTER in modules
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}" for path in modules if path != ADAPTER for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if INTERNALS.search(line)]
    assert found == []


def test_no_module_keeps_a_build_in_a_global() -> None:
    modules = _modules()
    assert len(modules) > 30
    assert [str(path.relative_to(ROOT)) for path in modules if re.search(r"^\s*global ", path.read_text(encoding="utf-8"), re.MULTILINE)] == []


def test_the_site_plugin_is_installed_for_mkdocs_to_find() -> None:
    """mkdocs.yml names it `cleanprod`; ProperDocs reads the same entry points."""
    found = [(point.name, point.value) for point in entry_points(group="mkdocs.plugins") if point.name == "cleanprod"]
    assert found == [("cleanprod", "cleanprod.engine.plugin:SitePlugin")]


def _rewrite(path: Path, text: str, stamp: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))


def test_an_edited_glossary_is_read_again_by_the_same_process(tmp_path: Path) -> None:
    """The preview's process outlives many builds: a glossary changed between them applies to the next."""
    glossary = tmp_path / "glossary.yml"
    _rewrite(glossary, "资讯: 信息\n", 1_000_000_000_000_000_000)
    assert chinese._glossary(glossary) == (("资讯", "信息"),)
    _rewrite(glossary, "透过: 通过\n", 1_000_000_001_000_000_000)
    assert chinese._glossary(glossary) == (("透过", "通过"),)


def test_edited_search_words_are_read_again_by_the_same_process(tmp_path: Path) -> None:
    """The check reads them each time (validate.py) and the build takes them
    from the check: no copy outlives an edit."""
    words = tmp_path / "search-words.yml"
    _rewrite(words, "zh-Hant:\n  補貼: 資助\n", 1_000_000_000_000_000_000)
    assert search_words.read(words)[0] == {"zh-Hant": {"補貼": "資助"}}
    _rewrite(words, "en:\n  grant: funding\n", 1_000_000_001_000_000_000)
    assert search_words.read(words)[0] == {"en": {"grant": "funding"}}
