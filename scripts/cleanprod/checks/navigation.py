"""Every page has a way in, and the menu leads only to pages that exist.

A page is reached from the site's menu (`nav:` in mkdocs.yml, which the site
map lists too) or, for an event, news item or case study, from its folder's
list. MkDocs is told not to mind pages left out of the menu, since those
records are; so a new page that staff forget to add to the menu would be
published where no link leads, found only by a search. A menu line naming a
file that is not in docs/ would stop MkDocs with a message about its
configuration; here each is named with its line and fix.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cleanprod import languages
from cleanprod.checks import translations
from cleanprod.content import cases, events, news
from cleanprod.content.pages import Page, file_name, language_of, page_key, plainly_named
from cleanprod.problems import Problem

LISTED_FOLDERS = (events.FOLDER, news.FOLDER, cases.FOLDER)  # whose pages their index page lists


def menu(config: Path) -> list[tuple[str, int]]:
    """Each page file the menu names, with its line in `config`. The file is
    composed, not loaded, so that its MkDocs tags (!ENV) need no meaning here."""
    root = yaml.compose(config.read_text(encoding="utf-8"))
    nav = next((value for key, value in root.value if key.value == "nav"), None) if isinstance(root, yaml.MappingNode) else None
    found: list[tuple[str, int]] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.ScalarNode) and node.value.endswith(".md"):
            found.append((node.value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for _, value in node.value:
                walk(value)

    if nav is not None:
        walk(nav)
    return found


def problems(found_pages: list[Page], docs: Path, config: Path) -> list[Problem]:
    """A menu line naming no page, and each page (once, by its Traditional
    Chinese file if it has one) that neither the menu nor a list leads to."""
    named = menu(config)
    found = [
        Problem(config, f"line {line}", f"the menu (nav) names '{file}', which is not in docs/", "write the name of a page's Traditional Chinese file in docs/ (such as about.md), or remove the line")
        for file, line in named
        if not any((docs / file_name(file, lang)).is_file() for lang in languages.WRITTEN)
    ]
    in_menu = {file for file, _ in named}
    by_key: dict[str, Path] = {}
    for page in sorted(found_pages, key=lambda page: languages.ALL.index(page.lang)):  # its Traditional Chinese file first
        key = page_key(page.path, docs)
        if page.lang in languages.WRITTEN and plainly_named(key):
            by_key.setdefault(key, page.path)
    for key, path in sorted(by_key.items()):
        if key.split("/")[0] in LISTED_FOLDERS:  # their lists lead to them; entries.py pairs their languages
            continue
        if not (docs / key).is_file():  # English only: the translations report's message, not a menu line to add
            found.append(Problem(path, "the whole file", *translations.missing_page(key, languages.DEFAULT.code, language_of(path))))
        elif key not in in_menu:
            found.append(Problem(path, "the whole file", "no menu or list of the site leads to this page, so readers could find it only by searching", f"add a line '- {key}' under nav: in mkdocs.yml, where the page belongs among the others"))
    return found
