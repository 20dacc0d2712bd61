"""Problems found in content and data, collected and reported together.

A problem names the file, where in it (line, row, field), what is wrong and
how to fix it, in words a member of staff can act on. Validation returns
problems as values; the build prints all of them at once and stops.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from cleanprod.paths import ROOT


@dataclass(frozen=True)
class Problem:
    file: Path
    where: str
    what: str
    fix: str

    def __str__(self) -> str:
        try:
            name = self.file.resolve().relative_to(ROOT)
        except ValueError:
            name = self.file
        return f"{name}, {self.where}: {self.what}. Fix: {self.fix}."


def describe(problems: list[Problem]) -> str:
    """'2 problems found.' and the problems, numbered, one to a line: by file,
    and in a file from the top (the whole file, then by line or row), as
    staff work through it."""
    ordered = sorted(problems, key=lambda p: (str(p.file), _place(p.where)))
    lines = "\n".join(f"  {n}. {p}" for n, p in enumerate(ordered, 1))
    count = len(problems)
    return f"{count} problem{'s' if count != 1 else ''} found.\n{lines}"


def _place(where: str) -> int:
    """The line or row a problem is on ('line 12', "row 3, column 'year'"); 0 for the whole file."""
    number = re.search(r"\d+", where)
    return int(number[0]) if number else 0


class ContentError(Exception):
    """Raised with every problem found, so that the build stops once, listing all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(dict.fromkeys(problems))  # each once, though every language's build found it
        super().__init__(f"The site was not built: {describe(self.problems)}")
