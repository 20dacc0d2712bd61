"""`python -m cleanprod new event|news|case`: start a new event, news item or
case study in both languages, from the answers to a few questions (or the
same as flags). A case study's questions come from its schema
(docs/_data/case.schema.json): its technologies, cities and results.

The two files are written only if their front matter passes the same checks as
the build; otherwise nothing is written and the problems are listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from cleanprod import languages
from cleanprod.checks import page_structure, unfinished
from cleanprod.content import cases, events, news
from cleanprod.content.datasets import whole_number
from cleanprod.content.pages import file_name
from cleanprod.paths import DOCS
from cleanprod.problems import describe
from cleanprod.checks.validate import validate

# (flag, question, default) for each kind; a default of None means the answer is
# required. A case study's are read from its schema (`_case_questions`).
OPTIONAL = ""  # the default of a question that may be left unanswered
QUESTIONS = {
    "event": [
        ("slug", "A short English name for the file, such as energy-seminar", None),
        ("title_zh", "Title in Traditional Chinese", None),
        ("title_en", "Title in English", None),
        ("type", "Type: briefing, study-visit, seminar-workshop, conference or exhibition", None),
        ("start", "Starts (Hong Kong time), as YYYY-MM-DD HH:MM", None),
        ("end", "Ends (Hong Kong time), as YYYY-MM-DD HH:MM", None),
        ("venue", "Venue code from docs/data/venues.csv", None),
        ("language", "Language(s) of delivery, comma-separated: cantonese, putonghua, english", "cantonese"),
        ("sectors", "Sectors, comma-separated codes from docs/data/sectors.csv, or all", "all"),
        ("fee", "Fee in HK$ (0 for free)", "0"),
        ("status", "Status: open, full, cancelled or postponed", "open"),
        ("description_zh", "One sentence about the event in Traditional Chinese, for search results and link previews (Enter to leave out)", OPTIONAL),
        ("description_en", "One sentence about the event in English, for search results and link previews (Enter to leave out)", OPTIONAL),
        ("registration_url", "The registration page's full address, starting https:// (Enter if there is none)", OPTIONAL),
        ("registration_deadline", "The last day to register, as YYYY-MM-DD (Enter if there is none)", OPTIONAL),
        ("example", "Is this an example, not a real event? yes or no", "no"),
    ],
    "news": [
        ("slug", "A short English name for the file, such as new-phase", None),
        ("title_zh", "Title in Traditional Chinese", None),
        ("title_en", "Title in English", None),
        ("date", "Date, as YYYY-MM-DD", None),
        ("summary_zh", "One-sentence summary in Traditional Chinese", None),
        ("summary_en", "One-sentence summary in English", None),
        ("example", "Is this an example, not real news? yes or no", "no"),
    ],
}


@dataclass(frozen=True)
class Kind:
    """What `new` writes for one kind of page."""

    what: str  # as --help names it
    folder: str  # under docs/
    dated_by: str  # the answer whose first ten characters start the file's name
    body: tuple[str, str]  # the text under the title, in each required language (zh-Hant, English)


KINDS = {
    "event": Kind("an event", events.FOLDER, "start", unfinished.EVENT),
    "news": Kind("a news item", news.FOLDER, "date", unfinished.NEWS),
    "case": Kind(
        "a demonstration project case study",
        cases.FOLDER,
        "year",
        ("## 項目內容\n\n" + unfinished.CASE[0], "## The project\n\n" + unfinished.CASE[1]),
    ),
}


@lru_cache(maxsize=1)
def _case_questions(schema_file: Path = DOCS / "_data" / cases.SCHEMA) -> list[tuple[str, str, str | None]]:
    """A case study's questions, with the choices and results its schema allows."""
    properties = json.loads(schema_file.read_text(encoding="utf-8"))["properties"]
    results = properties["results"]["properties"]
    english = languages.REFERENCE.label_column  # the language the questions are asked in
    return [
        ("slug", "A short English name for the file, such as dyeing-heat-recovery", None),
        ("title_zh", "Title in Traditional Chinese", None),
        ("title_en", "Title in English", None),
        ("sector", "Sector code from docs/data/sectors.csv", None),
        ("technology", f"Technology: {', '.join(properties['technology']['enum'])}", None),
        ("year", "Year the project was completed, such as 2011", None),
        ("city", f"City: {', '.join(properties['city']['enum'])}", None),
        ("investment_hkd", "The project's whole cost, in HK$", None),
        ("subsidy_hkd", "The government's subsidy, in HK$", None),
        *[(name, f"{field['x-labels'][english]} each year, in {field['x-unit'][english]} (leave empty if not measured)", OPTIONAL) for name, field in results.items()],
        ("example", "Is this an example, not a real project? yes or no", "no"),
    ]


def _questions(kind: str) -> list[tuple[str, str, str | None]]:
    return _case_questions() if kind == "case" else QUESTIONS[kind]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", required=True)
    for kind, spec in KINDS.items():
        sub = kinds.add_parser(kind, help=f"start {spec.what} in zh-Hant and English")
        for flag, question, default in _questions(kind):
            sub.add_argument("--" + flag.replace("_", "-"), dest=flag, help=question + (f" (default: {default})" if default else ""))


def _answers(kind: str, given: dict, ask: Callable[[str], str] | None) -> tuple[dict, list[str]]:
    answers, missing = {}, []
    for flag, question, default in _questions(kind):
        value = given.get(flag)
        if value is None and ask is not None:
            value = ask(f"{question}{f' [{default}]' if default else ''}: ").strip() or None
        value = value if value is not None else default
        if value is None:
            missing.append("--" + flag.replace("_", "-"))
        answers[flag] = value
    return answers, missing


def _number(text: str) -> int | str:
    """A whole number as typed (260,000 or 260000); anything else as it is, for the check to name."""
    value = whole_number(text.strip())
    return text.strip() if value is None else value


def _in(lang: str) -> str:
    """How the questions' names end for a text in `lang`: title_zh, title_en."""
    return "_" + lang.partition("-")[0]


def _front_matter(kind: str, a: dict, lang: str) -> dict:
    title = a["title" + _in(lang)]
    example = {"example": True} if a["example"].strip().lower() in ("yes", "y") else {}
    if kind == "news":
        return {"title": title, "date": a["date"], "summary": a["summary" + _in(lang)], **example}
    if kind == "case":
        meta = {"title": title, "sector": a["sector"].strip(), "technology": a["technology"].strip(), "year": _number(a["year"]), "city": a["city"].strip()}
        meta.update({name: _number(a[name]) for name in ("investment_hkd", "subsidy_hkd")})
        meta["results"] = {name: _number(a[name]) for name, _, default in _questions(kind) if default == OPTIONAL and a[name]}
        return {**meta, **example}
    listed = lambda text: [part.strip() for part in text.split(",") if part.strip()]  # noqa: E731
    meta = {
        "title": title,
        "type": a["type"],
        "start": a["start"],
        "end": a["end"],
        "venue": a["venue"],
        "language": listed(a["language"]),
        "sectors": "all" if a["sectors"].strip() == "all" else listed(a["sectors"]),
        "status": a["status"],
    }
    meta["fee_hkd"] = _number(a["fee"] or "0")  # 0: free; left out only where the fee is not published
    if description := a["description" + _in(lang)].strip():
        meta["description"] = description
    if a["registration_url"].strip():
        meta["registration"] = {"url": a["registration_url"].strip(), **({"deadline": a["registration_deadline"].strip()} if a["registration_deadline"].strip() else {})}
    return {**meta, **example}


def _page(meta: dict, body: str) -> str:
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
    return f"---\n{front}---\n\n# {meta['title']}\n\n{body}\n"


def create(kind: str, given: dict, docs: Path = DOCS, ask: Callable[[str], str] | None = None) -> int:
    """Write docs/<folder>/<date>-<slug>.md and .en.md, or explain why not."""
    answers, missing = _answers(kind, given, ask)
    if missing:
        print(f"Please give: {', '.join(missing)}. Run with --help to see what each means.", file=sys.stderr)
        return 1
    slug = answers["slug"].strip().lower()
    if not page_structure.NAME.fullmatch(slug):
        print(f"The name '{slug}' must be lower-case English letters, digits and hyphens, such as energy-seminar.", file=sys.stderr)
        return 1
    spec = KINDS[kind]
    day = answers[spec.dated_by].strip()[:10]
    folder = docs / spec.folder
    files = {lang: folder / file_name(f"{day}-{slug}.md", lang) for lang in languages.REQUIRED}
    for file in files.values():
        if file.exists():
            print(f"{file.relative_to(docs.parent)} already exists: choose another name, or edit that file.", file=sys.stderr)
            return 1
    folder.mkdir(parents=True, exist_ok=True)
    for (lang, file), body in zip(files.items(), spec.body):
        file.write_text(_page(_front_matter(kind, answers, lang), body), encoding="utf-8")
    _, problems = validate(docs)
    # The text for staff to replace is there, as it should be until they write the page.
    mine = [p for p in problems if p.file in files.values() and not p.what.startswith(unfinished.WHAT)]
    if mine:
        for file in files.values():
            file.unlink()
        print(f"Nothing was written: {describe(mine)}", file=sys.stderr)
        return 1
    written = "".join(f"  {file.relative_to(docs.parent)}\n" for file in files.values())
    print(f"Written:\n{written}Write the text in both, in place of the line in brackets, then run 'make check'.")
    return 0
