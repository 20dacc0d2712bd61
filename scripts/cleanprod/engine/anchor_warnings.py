"""MkDocs' warning about a link to a heading that a page lacks, in the words
of the site's other checks: file, line, what is wrong and the fix.

MkDocs checks these links as it builds (`validation: anchors` in mkdocs.yml),
when every id of every page is known, those in data blocks included
(plugin.py adds them). Its warning names the file and the link, but neither
the line nor the headings there are to link to; this filter on its logger
takes the warning and notes it as a problem, with both, for the build to list
with every other problem it finds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from cleanprod.engine import adapter
from cleanprod.problems import Problem

SHOWN = 10  # headings named in the fix, at most


class NoteAsProblem(logging.Filter):
    """Notes each anchor warning as a problem, in place of printing it; lets
    every other record through."""

    def __init__(self, docs: Path, headings_of: Callable[[str], list[str]], note: Callable[[Problem], None]) -> None:
        super().__init__()
        self.docs = docs
        self.headings_of = headings_of  # a page's heading ids, by its file in docs/
        self.note = note

    def filter(self, record: logging.LogRecord) -> bool:
        found = adapter.anchor_warning(record.getMessage())
        if found:
            self.note(self.problem(found.file, found.link, found.doc, found.anchor))
        return not found

    def problem(self, file: str, link: str, doc: str, anchor: str) -> Problem:
        source = self.docs / file
        headings = self.headings_of(doc)
        named = ", ".join(headings[:SHOWN]) + (", …" if len(headings) > SHOWN else "")
        fix = f"after '#', write the id of the heading you mean; {doc} has: {named}" if headings else f"{doc} has no heading to link to: link to the page alone"
        return Problem(source, _line(source, link), f"the link '{link}' leads to no heading '#{anchor}' of {doc}", fix)


def install(docs: Path, headings_of: Callable[[str], list[str]], note: Callable[[Problem], None]) -> None:
    """Put the filter on MkDocs' logger, in place of one an earlier language's
    build put there (whose `headings_of` knows that language's pages, and
    whose `note` that language's problems)."""
    logger = logging.getLogger(adapter.ANCHOR_WARNING_LOGGER)
    for existing in [f for f in logger.filters if isinstance(f, NoteAsProblem)]:
        logger.removeFilter(existing)
    logger.addFilter(NoteAsProblem(docs, headings_of, note))


def _line(source: Path, link: str) -> str:
    """'line N' of the link in its file, or 'the whole file' if it is not
    written there as it is (a page converted to Simplified Chinese)."""
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError:
        return "the whole file"
    at = text.find(link)
    return f"line {text.count(chr(10), 0, at) + 1}" if at >= 0 else "the whole file"
