"""Everything staff write, read and checked in one pass before anything is built.

The build (scripts/hooks.py) and the staff check (`make check`) call the same
function, so a file that passes the check builds, and a mistake is reported
the same way by both: every problem at once, with file, place and fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleanprod import datasets, directives, pages
from cleanprod.labels import Labels, load as load_labels
from cleanprod.paths import DATA_FILES, DOCS, LABELS_FILE
from cleanprod.problems import Problem


@dataclass(frozen=True)
class Content:
    """The checked content: pages, UI labels and data files."""

    pages: list[pages.Page]
    labels: Labels
    datasets: dict[str, datasets.Dataset]


def validate(docs: Path = DOCS) -> tuple[Content, list[Problem]]:
    """Read and check every page, label and data file under `docs`."""
    found_pages, problems = pages.read_all(docs)
    labels, label_problems = load_labels(docs / LABELS_FILE.relative_to(DOCS))
    data_folder = docs / DATA_FILES.relative_to(DOCS)
    data, data_problems = datasets.load_all(data_folder)
    problems += label_problems + data_problems
    # A data file with problems is reported once, not again at each page that uses it.
    unusable = {path.name for path in data_folder.glob("*.csv")} - set(data)
    for page in found_pages:
        problems += directives.check(page.path, page.body, page.body_line, data, unusable)
    return Content(found_pages, labels, data), problems
