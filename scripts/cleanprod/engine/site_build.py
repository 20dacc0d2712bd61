"""What a build of the site holds: the content, checked once, and each
language's build of it.

The checked content is the same for every language and is not changed after
the check; what a language's build works out as it goes (its files, its
navigation, fragments kept between pages, search records, the problems it
finds) belongs to that language alone, which it names. The site's plugin
(plugin.py) holds one of each and passes them to the functions that need them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from jinja2 import Environment
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from cleanprod.content import cases, datasets, events, funding, news, search_words
from cleanprod.publish import search_index
from cleanprod.render import directives
from cleanprod.content.labels import LanguageLabels, Labels
from cleanprod.checks.validate import Content
from cleanprod.problems import ContentError, Problem


@dataclass(frozen=True)
class Checked:
    """The content of one build, checked, for every language."""

    labels: Labels
    placed: Mapping[Path, list[directives.Placed]]  # page's source file → the views its directives place, in order
    search_words: search_words.Words
    datasets: Mapping[str, datasets.Dataset]
    rules: funding.Rules
    events: events.Events
    news: Mapping[str, list[news.NewsItem]]
    cases: cases.Cases
    changed: Mapping[str, datetime]  # docs/ path → its last commit

    @classmethod
    def of(cls, content: Content, changed: dict[str, datetime]) -> Checked:
        """The checked content, its mappings read-only."""
        return cls(
            labels=content.labels,
            placed=MappingProxyType(content.placed),
            search_words=content.search_words,
            datasets=MappingProxyType(content.datasets),
            rules=content.rules,
            events=content.events,
            news=MappingProxyType(content.news),
            cases=content.cases,
            changed=MappingProxyType(changed),
        )


@dataclass
class LanguageBuild:
    """One language's build: the content and what is worked out once per
    language, not once per page."""

    site: Checked
    lang: str
    # What is wrong, found while the pages render (a label missing, a link to
    # no heading, markup outside the policy): the build notes each and goes
    # on, and stops once every page has rendered, listing them all.
    problems: list[Problem] = field(default_factory=list)
    placed: dict[Path, list[directives.Placed]] = field(default_factory=dict)  # as checked, or checked again by the preview
    file_facts: dict[str, tuple[date, str]] = field(default_factory=dict)  # data file → last change, as a date and as text
    records: dict[str, object] = field(default_factory=dict)  # page key → its event, case or news item
    page_scripts: dict[str, list[str]] = field(default_factory=dict)  # page → scripts its views need
    blocks: dict[str, list[str]] = field(default_factory=dict)  # page → HTML kept out of Markdown's way
    files: Files | None = None  # this language's files, each with its alternates in the other languages
    nav: Navigation | None = None
    env: Environment | None = None
    in_nav: set[str] = field(default_factory=set)  # the pages the navigation lists
    kept: dict[tuple[str, str], str] = field(default_factory=dict)  # template fragments kept (see plugin._kept)
    again: bool = False  # the preview is rendering edited pages again, after the build
    labels: LanguageLabels = field(init=False)  # this language's, a missing one noted in `problems`
    search_records: dict[str, search_index.Record] = field(default_factory=dict)  # Chinese page's URL from its language's home → its record, for search_index.write

    def __post_init__(self) -> None:
        self.labels = self.labels_in(self.lang)

    def labels_in(self, lang: str) -> LanguageLabels:
        """`lang`'s labels, a missing one noted in this build's problems."""
        return self.site.labels[lang].noting(self.problems)

    def stop_if_problems(self) -> None:
        """Stop the build, listing the problems noted so far (and forgetting
        them: the preview renders pages again with the same build)."""
        if self.problems:
            found = list(self.problems)
            self.problems.clear()  # in place: the labels note into this list
            raise ProblemsFound(found)


class ProblemsFound(Abort):
    """What stops a language's build: the problems it found as it rendered,
    kept for the build of every language to list once (language_builds.py).
    An Abort, which MkDocs' build passes on as it is (a PluginError it would
    print and replace)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(ContentError(problems)))
