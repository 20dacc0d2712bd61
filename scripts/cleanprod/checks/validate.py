"""Everything staff write, read and checked in one pass before anything is built.

The build (plugin.py) and the staff check (`make check`) call the same
function, so a file that passes the check builds, and a mistake is reported
the same way by both: every problem at once, with file, place and fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleanprod import languages
from cleanprod.checks import html_policy, navigation, page_links, page_structure, text_checks, unfinished
from cleanprod.content import cases, chinese, datasets, events, funding, news, pages, search_words
from cleanprod.render import directives
from cleanprod.content.labels import Labels, load as load_labels
from cleanprod.paths import CONFIG, DATA_FILES, DOCS, GLOSSARY_FILE, LABELS_FILE, SEARCH_WORDS_FILE
from cleanprod.problems import Problem

SECTORS_FILE = "sectors.csv"  # the one list of target sectors
VENUES_FILE = "venues.csv"  # the one list of event venues


@dataclass(frozen=True)
class Content:
    """The checked content: pages and the data views they place, UI labels,
    the glossary, search words, data files and the funding rules."""

    pages: list[pages.Page]
    placed: dict[Path, list[directives.Placed]]  # page → its data directives, each with its view, in order
    labels: Labels
    glossary: chinese.Glossary
    search_words: search_words.Words
    datasets: dict[str, datasets.Dataset]
    rules: funding.Rules | None
    events: events.Events
    news: dict[str, list[news.NewsItem]]
    cases: cases.Cases


def validate(docs: Path = DOCS) -> tuple[Content, list[Problem]]:
    """Read and check every page, label and data file under `docs`.

    The Simplified Chinese text made from here on (the labels below, the
    pages) is converted through the glossary read from `docs`.
    """
    found_pages, problems = pages.read_all(docs)
    glossary, glossary_problems = chinese.read_glossary(docs / GLOSSARY_FILE.relative_to(DOCS))
    words, word_problems = search_words.read(docs / SEARCH_WORDS_FILE.relative_to(DOCS))
    labels, label_problems = load_labels(docs / LABELS_FILE.relative_to(DOCS))
    label_problems += glossary_problems + word_problems
    data_folder = docs / DATA_FILES.relative_to(DOCS)
    data, data_problems = datasets.load_all(data_folder)
    rules, rules_problems = funding.load(data_folder / funding.RULES_FILE)
    problems += label_problems + data_problems + rules_problems
    for name in (SECTORS_FILE, VENUES_FILE):
        if not (data_folder / name).exists():
            problems.append(Problem(data_folder / name, "the whole file", "the file is missing", f"restore docs/data/{name} from the previous version"))
    # The codes pages may use; None where the file has its own problem, so that pages are not blamed for it.
    codes = {name: list(data[name].row_by_key()) if name in data else None for name in (SECTORS_FILE, VENUES_FILE)}
    found_events, event_problems = events.load_all(found_pages, docs, codes[SECTORS_FILE], codes[VENUES_FILE])
    found_news, news_problems = news.load_all(found_pages, docs)
    found_cases, case_problems = cases.load_all(found_pages, docs, codes[SECTORS_FILE], rules)
    problems += event_problems + news_problems + case_problems
    problems += navigation.problems(found_pages, docs, docs.parent / CONFIG.name)
    problems += languages.config_problems(docs.parent / CONFIG.name)
    problems += text_checks.file_problems(docs)
    # A data file with problems is reported once, not again at each page that uses it.
    unusable = {path.name for path in data_folder.glob("*.csv")} - set(data)
    placed = {}
    for page in found_pages:
        placed[page.path], found = _page_problems(page, docs, data, rules, unusable)
        problems += found
    return Content(found_pages, placed, labels, glossary, words, data, rules, found_events, found_news, found_cases), problems


def recheck(path: Path, content: Content) -> tuple[pages.Page | None, list[directives.Placed], list[Problem]]:
    """One page read and checked again after an edit to its text, against
    content checked before (the preview's quick path): the page itself and
    the data directives in it, with the views they place. A change to a
    record's front matter, which other pages list, needs `validate`."""
    page, problems = pages.read_page(path)
    placed: list[directives.Placed] = []
    if page is not None:
        placed, found = _page_problems(page, DOCS, content.datasets, content.rules)
        problems += found
    return page, placed, problems


def _page_problems(page: pages.Page, docs: Path, data: dict[str, datasets.Dataset], rules: funding.Rules | None, unusable: set[str] = frozenset()) -> tuple[list[directives.Placed], list[Problem]]:
    """The data views a page places, and what is wrong in its text: its links, what it loads, its headings, images, tables, lists, name and data lines, and Simplified characters in a Traditional Chinese page."""
    found = page_links.problems(page, docs) + page_links.loaded_from_elsewhere(page) + html_policy.problems(page) + page_structure.problems(page, docs)
    found += text_checks.nesting_problems(page.path, page.body, page.body_line) + unfinished.problems(page.path, page.body, page.body_line)
    if languages.get(page.lang).traditional:
        found += chinese.simplified_problems(page.path, page.front_matter, pages.FRONT_MATTER_LINE) + chinese.simplified_problems(page.path, page.prose, page.body_line)
    placed, problems = directives.check(page.path, page.body, page.body_line, data, rules, unusable)
    return placed, found + problems
