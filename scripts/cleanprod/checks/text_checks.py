"""Text that is not text: characters no one can see, and nesting no one can follow.

Text pasted from e-mails, Word or PDFs can carry characters that are invisible
in an editor: a NUL or another control character, which would be published
into pages and the downloadable CSV files; and the characters that override
or embed a writing direction, which reverse what follows them on screen (a
heading, a partner's name) while the file reads normally. Each stops the
check with its line and column.

A page nested deeper than anyone could read (a list inside a list, dozens
of levels down, or quotations inside quotations) is named with its line
before Markdown reads it: Markdown's parser goes down one level of its own
for each, and at a few hundred levels runs out of memory and time.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

from cleanprod.problems import Problem

MAX_NESTING = 24  # levels of lists and quotations; the site's pages use at most three
# C0 controls but tab, line feed and carriage return; DEL; the C1 controls; the
# bidirectional embeddings, overrides and isolates.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# What opens a level at the start of a line: a quotation's '>', a list's
# marker (-, *, +, 1.), or four columns of indentation.
_LEVEL = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
# Emphasis or link brackets opened inside one another, which Markdown's
# inline parser also follows one level at a time; a line of only '*', '_'
# or '-' is a rule across the page, whatever its length.
MAX_RUN = 100
_RUN = re.compile(r"([*_\[~])\1{%d,}" % MAX_RUN)
_RULE = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1)*[ \t]*")
CHECKED_SUFFIXES = (".md", ".yml", ".yaml", ".csv", ".json")  # what staff write in docs/


def _name(character: str) -> str:
    """A character as staff can look it up: U+202E (RIGHT-TO-LEFT OVERRIDE), or U+0000."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} ({name})" if name else f"U+{ord(character):04X}"


def character_problems(path: Path, text: str, first_line: int = 1) -> list[Problem]:
    """Each control or direction character in `text`, whose first line is
    line `first_line` of `path`, named with its line and column (in a CSV
    file, with the column's name too)."""
    if not _NOT_TEXT.search(text):
        return []
    header = next(csv.reader([text.split("\n", 1)[0]]), []) if path.suffix == ".csv" else []
    found = []
    for number, line in enumerate(text.split("\n"), first_line):
        for match in _NOT_TEXT.finditer(line):
            column = match.start() + 1
            where = f"line {number}, character {column}"
            if header and number > 1:
                cells = next(csv.reader([line[: match.start()]]), [""])
                if len(cells) <= len(header):
                    where = f"row {number}, column '{header[len(cells) - 1]}', character {column}"
            if match[0] in _BIDI:
                what = f"the text holds {_name(match[0])}, which reverses the direction of what follows it on screen"
            else:
                what = f"the text holds a control character, {_name(match[0])}, which is not text"
            found.append(Problem(path, where, what, "delete it: it is invisible, so put the cursor just after the character before it and press Delete, or type the line again; text copied from e-mails, Word or PDFs can carry such characters"))
    return found


def nesting_problems(path: Path, body: str, body_line: int) -> list[Problem]:
    """The first line of `body` (the page's Markdown after its front matter,
    which starts on line `body_line`) nested deeper than MAX_NESTING levels."""
    for number, line in enumerate(body.split("\n"), body_line):
        if len(line) < MAX_NESTING:
            continue  # too short to open that many levels
        levels, position = 0, 0
        while (match := _LEVEL.match(line, position)) is not None:
            indent = match[0][: len(match[0]) - len(match[0].lstrip(" \t"))]
            levels += 1 + len(indent.expandtabs(4)) // 4
            position = match.end()
        if levels > MAX_NESTING:
            return [Problem(path, f"line {number}", f"the text is nested {levels} levels deep (lists inside lists, or quotations inside quotations), more than the {MAX_NESTING} a page may have", f"write it with at most {MAX_NESTING} levels: readers cannot follow more, and the site cannot build it")]
        if (run := _RUN.search(line)) and not _RULE.fullmatch(line):
            return [Problem(path, f"line {number}", f"'{run[1]}' is written {len(run[0])} times in a row, which Markdown would read as that many levels of emphasis or links", f"write it at most {MAX_RUN} times; for a line across the page, write '---' on a line of its own")]
    return []


def file_problems(docs: Path) -> list[Problem]:
    """The control and direction characters in every page and data file under
    `docs`, read as they are saved (a file that is not UTF-8 is reported by
    the check that reads it)."""
    found = []
    for path in sorted(docs.rglob("*")):
        if path.suffix in CHECKED_SUFFIXES and path.is_file():
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError:
                continue
            found += character_problems(path, text)
    return found
