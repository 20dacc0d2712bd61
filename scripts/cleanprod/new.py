"""`python -m cleanprod new event|news`: start a new event or news item in both
languages, from the answers to a few questions (or the same as flags).

The two files are written only if their front matter passes the same checks as
the build; otherwise nothing is written and the problems are listed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from cleanprod import events, news, page_structure
from cleanprod.paths import DOCS
from cleanprod.problems import describe
from cleanprod.validate import validate

# (flag, question, default) for each kind; a default of None means the answer is required.
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
    ],
    "news": [
        ("slug", "A short English name for the file, such as new-phase", None),
        ("title_zh", "Title in Traditional Chinese", None),
        ("title_en", "Title in English", None),
        ("date", "Date, as YYYY-MM-DD", None),
        ("summary_zh", "One-sentence summary in Traditional Chinese", None),
        ("summary_en", "One-sentence summary in English", None),
    ],
}
BODY = {
    "event": ("（在這裡介紹活動：內容、對象、講者。）", "(Write about the event here: what it covers, who it is for, the speakers.)"),
    "news": ("（在這裡寫消息內容。）", "(Write the news here.)"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", required=True)
    for kind, questions in QUESTIONS.items():
        sub = kinds.add_parser(kind, help=f"start a new {kind} item in zh-Hant and English")
        for flag, question, default in questions:
            sub.add_argument("--" + flag.replace("_", "-"), dest=flag, help=question + (f" (default: {default})" if default else ""))


def _answers(kind: str, given: dict, ask: Callable[[str], str] | None) -> tuple[dict, list[str]]:
    answers, missing = {}, []
    for flag, question, default in QUESTIONS[kind]:
        value = given.get(flag)
        if value is None and ask is not None:
            value = ask(f"{question}{f' [{default}]' if default else ''}: ").strip() or None
        value = value if value is not None else default
        if value is None:
            missing.append("--" + flag.replace("_", "-"))
        answers[flag] = value
    return answers, missing


def _front_matter(kind: str, a: dict, lang: str) -> dict:
    title = a["title_zh"] if lang == "zh" else a["title_en"]
    if kind == "news":
        return {"title": title, "date": a["date"], "summary": a["summary_zh"] if lang == "zh" else a["summary_en"]}
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
    if a["fee"] and a["fee"] != "0":
        meta["fee_hkd"] = int(a["fee"]) if a["fee"].isdigit() else a["fee"]
    return meta


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
    day = (answers["start"] if kind == "event" else answers["date"]).strip()[:10]
    folder = docs / (events.FOLDER if kind == "event" else news.FOLDER)
    zh_file, en_file = folder / f"{day}-{slug}.md", folder / f"{day}-{slug}.en.md"
    for file in (zh_file, en_file):
        if file.exists():
            print(f"{file.relative_to(docs.parent)} already exists: choose another name, or edit that file.", file=sys.stderr)
            return 1
    folder.mkdir(parents=True, exist_ok=True)
    zh_body, en_body = BODY[kind]
    zh_file.write_text(_page(_front_matter(kind, answers, "zh"), zh_body), encoding="utf-8")
    en_file.write_text(_page(_front_matter(kind, answers, "en"), en_body), encoding="utf-8")
    _, problems = validate(docs)
    mine = [p for p in problems if p.file in (zh_file, en_file)]
    if mine:
        zh_file.unlink()
        en_file.unlink()
        print(f"Nothing was written: {describe(mine)}", file=sys.stderr)
        return 1
    print(f"Written:\n  {zh_file.relative_to(docs.parent)}\n  {en_file.relative_to(docs.parent)}\nWrite the text in both, then run 'make check'.")
    return 0
