"""Pages that are records: an event or a news item is a Markdown page whose
front matter is data, checked against a JSON Schema in docs/_data/.

Each record is written in zh-Hant (NAME.md) and English (NAME.en.md). Both
files must exist and agree on every field that is not words (dates, venue,
status …); the zh-Hans record is converted from the zh-Hant one.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import yaml

from cleanprod import languages
from cleanprod.content import structured
from cleanprod.content.pages import Page, file_name, page_key
from cleanprod.problems import Problem
from cleanprod.content.revision import HONG_KONG


T = TypeVar("T")


@dataclass(frozen=True)
class Record:
    """One record in one written language: its page and its checked front matter."""

    key: str  # the path shared by its languages: events/2027-01-15-energy.md
    page: Page
    meta: dict
    faulty: frozenset[str] = frozenset()  # the entries its schema found fault with

    @property
    def slug(self) -> str:
        return Path(self.key).stem


def load_schema(path: Path, enums: dict[str, list[str] | None]) -> dict:
    """A front matter schema, with the allowed values that live in data files filled in.

    `enums` maps a property (or 'property[]' for the items of a list) to its
    values, or to None if their file could not be read: that file's problem
    is reported, and not again at every page that uses a value from it.
    """
    schema = copy.deepcopy(json.loads(path.read_text(encoding="utf-8")))
    for name, values in enums.items():
        if values is None:
            continue
        target = schema["properties"][name.removesuffix("[]")]
        if name.endswith("[]"):
            target = target["items"]
        target["enum"] = values
    return schema


def normalise(meta: dict, lists: tuple[str, ...]) -> dict:
    """Front matter as the schema expects it: YAML's dates as text, single values as lists."""
    meta = dict(meta)
    for name, value in meta.items():
        if isinstance(value, datetime):
            meta[name] = value.strftime("%Y-%m-%d %H:%M")
        elif isinstance(value, date):
            meta[name] = value.isoformat()
        elif isinstance(value, dict):
            meta[name] = normalise(value, ())
    for name in lists:
        if isinstance(meta.get(name), str):
            meta[name] = [meta[name]]
    return meta


def check_page(page: Page, schema: dict, lists: tuple[str, ...] = ()) -> tuple[dict, list[Problem]]:
    """A record page's front matter, normalised and checked against its schema."""
    meta = normalise(page.meta, lists)
    return meta, structured.check(page.path, meta, lambda: _front_matter_node(page), schema, line_offset=1)


def field_line(page: Page, name: str) -> str:
    """'line N' of a front matter field, for problems found after the schema check."""
    return structured.line_of(_front_matter_node(page), name.split("."), 1)


def _front_matter_node(page: Page) -> yaml.Node | None:
    return yaml.compose(page.front_matter, Loader=structured.LOADER) if page.front_matter.strip() else None


def parse_time(text: str) -> datetime:
    """'2027-01-15 14:30' (or with 'T', or a date alone) as a Hong Kong time."""
    text = text.replace("T", " ")
    moment = datetime.strptime(text, "%Y-%m-%d %H:%M" if " " in text else "%Y-%m-%d")
    return moment.replace(tzinfo=HONG_KONG)


def by_key(records: list[Record]) -> dict[str, dict[str, Record]]:
    """Records by key and language."""
    found: dict[str, dict[str, Record]] = {}
    for record in records:
        found.setdefault(record.key, {})[record.page.lang] = record
    return found


def pair(records: list[Record], docs: Path, shared: tuple[str, ...], kind: str) -> list[Problem]:
    """Every record (valid or not) must be written in each required
    language, and each written language's version must agree with the
    default language's on the `shared` fields, except those either's schema
    found fault with, which are reported already."""
    problems = []
    for key, versions in sorted(by_key(records).items()):
        for lang in languages.REQUIRED:
            missing = docs / file_name(key, lang)
            if lang not in versions and not missing.exists():  # a file that exists but cannot be read has its own problem
                page = next(iter(versions.values())).page
                problems.append(Problem(page.path, "the whole file", f"this {kind} has no {languages.get(lang).name} version", f"add {missing.relative_to(docs.parent).as_posix()}, with the same front matter but the title and text translated"))
        if not set(languages.REQUIRED) <= set(versions):
            continue
        original = versions[languages.DEFAULT.code]
        for translated in (versions[lang] for lang in languages.WRITTEN if lang in versions and versions[lang] is not original):
            for name in shared:
                if name not in original.faulty | translated.faulty and original.meta.get(name) != translated.meta.get(name):
                    problems.append(Problem(translated.page.path, field_line(translated.page, name), f"'{name}' is {_shown(translated.meta.get(name))} here but {_shown(original.meta.get(name))} in {original.page.path.name}", f"make the two languages agree: correct '{name}' in whichever file is wrong"))
    return problems


def _shown(value: object) -> str:
    if value is None:
        return "missing"
    if isinstance(value, dict):
        return "'" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "'"
    return f"'{', '.join(map(str, value)) if isinstance(value, list) else value}'"


def record_pages(pages: list[Page], docs: Path, folder: str) -> list[tuple[str, Page]]:
    """The written-language pages in docs/<folder>/, by key, leaving out the folder's index page."""
    found = []
    for page in pages:
        key = page_key(page.path, docs)
        if key.startswith(folder + "/") and Path(key).name != "index.md" and page.lang in languages.WRITTEN:
            found.append((key, page))
    return found


def load_records(
    pages: list[Page],
    docs: Path,
    folder: str,
    schema: dict,
    *,
    kind: str,
    shared: tuple[str, ...],
    make: Callable[[Record, str], T],
    lists: tuple[str, ...] = (),
    more_checks: Callable[[Page, dict], list[Problem]] | None = None,
) -> tuple[dict[str, list[T]], list[Problem]]:
    """The records in docs/<folder>/ in every language, made with `make(record, lang)`.

    Each page's front matter is checked against `schema`, then by `more_checks`
    (on the entries the schema passed, which may lack any of them); the two
    written languages are paired and compared; a converted language's are
    made from its source's, and a written language's that is not required
    from the default's where it has none.
    """
    records, valid, problems = [], [], []
    for key, page in record_pages(pages, docs, folder):
        meta, found = check_page(page, schema, lists)
        sound = structured.sound_part(meta, schema) if found else meta
        if more_checks is not None:
            found += more_checks(page, sound)
        problems += found
        records.append(Record(key, page, meta, frozenset(meta.keys() - sound.keys())))
        if not found:
            valid.append(records[-1])
    problems += pair(records, docs, shared, kind)
    by_lang: dict[str, list[T]] = {lang: [] for lang in languages.ALL}
    for versions in by_key(valid).values():
        if set(languages.REQUIRED) <= set(versions):
            for lang in languages.ALL:
                by_lang[lang].append(make(versions.get(languages.get(lang).source or lang, versions[languages.DEFAULT.code]), lang))
    return by_lang, problems
