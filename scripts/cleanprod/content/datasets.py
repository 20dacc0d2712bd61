"""The programme's data files (docs/data/*.csv), read and checked against their schemas.

Each CSV has a Frictionless Table Schema beside it (`name.schema.json`): its
fields, their types and allowed values, the key, and, in `x-` properties the
standard allows, the column titles in each language, value labels, units, the
source, and the totals the source states. Every problem found is reported with
the file, the row (as a spreadsheet numbers it, the header being row 1) and
the column, what was found, what was expected and how to fix it.

Spreadsheet exports that are otherwise correct are accepted: a UTF-8 byte order
mark, CRLF line ends, trailing blank lines, spaces around values, thousands
separators in numbers, and Yes for yes. The site publishes each file written
again from its checked rows (`Dataset.published`), so that what readers
download always matches its schema, as `frictionless validate` reads it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

from cleanprod import languages
from cleanprod.content.chinese import in_language, simplified_problem
from cleanprod.problems import Problem

PACKAGE_FILE = "datapackage.json"  # the Data Package descriptor, published beside the files it lists
SAVE_AS_UTF8 = "in Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)'; in other programs save as CSV with the encoding 'UTF-8'"
# Table Schema's words for true and false, where a boolean field does not name its own.
# The columns (<base>_zh-Hant, <base>_en) and texts ({"zh-Hant": …, "en": …})
# a data file and a schema give in each required language; a language
# without its own shows the default's (chinese.in_language).
_COLUMNS = tuple(languages.get(lang).label_column for lang in languages.REQUIRED)
_TRADITIONAL = tuple(language.label_column for language in languages.TABLE if language.traditional and language.written)
_TRUE_VALUES = ["true", "True", "TRUE", "1"]
_FALSE_VALUES = ["false", "False", "FALSE", "0"]
_INTEGER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$|^[+-]?\d+$")
# How Excel writes a year like 2008/09 once it has taken it for a date: Sep-08, 1/9/2008, 2008-09-01.
_SPREADSHEET_DATE = re.compile(r"^(?:[A-Za-z]{3}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Dataset:
    """One checked data file: its schema and its rows, values typed."""

    path: Path
    schema: dict
    rows: tuple[dict, ...]
    lines: tuple[int, ...] = ()  # each row's line in the file, for messages

    @property
    def name(self) -> str:
        return self.path.name

    def field(self, name: str) -> dict:
        return next(f for f in self.schema["fields"] if f["name"] == name)

    def title(self, lang: str) -> str:
        return in_language(self.schema["x-title"], lang)

    def source(self, lang: str) -> str:
        return in_language(self.schema["x-source"], lang)

    def column_title(self, name: str, lang: str) -> str:
        return in_language(self.field(name)["x-title"], lang)

    def label(self, name: str, value: object, lang: str) -> str:
        """How a value of field `name` reads in `lang` (a code's label, or the value)."""
        labels = self.field(name).get("x-labels", {})
        return in_language(labels[value], lang) if value in labels else str(value)

    def value_text(self, name: str, row: dict, lang: str) -> str:
        """A number as the source states it: with its qualifier, where its
        field names one (x-qualifier), as in 'over 2,800' or 'about 150'."""
        number = f"{row[name]:,}"
        qualifier = self.field(name).get("x-qualifier")
        if not qualifier:
            return number
        return self.label(qualifier, row[qualifier], lang).replace("{n}", number)

    def row_source(self, row: dict, lang: str) -> tuple[str, str | None]:
        """Where a row's figure comes from, for files that name a source in
        each row (x-row-source: the columns <base>_zh-Hant, <base>_en and
        <base>_url): the source's title in `lang`, and its address if given."""
        base = self.schema["x-row-source"]
        return in_language(_texts(row, base), lang), row.get(f"{base}_url") or None

    def row_source_fields(self) -> tuple[str, ...]:
        """The columns that hold each row's source, if the file has them."""
        base = self.schema.get("x-row-source")
        return tuple(f"{base}_{suffix}" for suffix in (*_COLUMNS, "url")) if base else ()

    def name_of(self, row: dict, lang: str) -> str:
        """A row's name in `lang`, from the columns `<x-names>_zh-Hant` and `<x-names>_en`."""
        base = self.schema["x-names"]
        return in_language(_texts(row, base), lang)

    @cached_property
    def published(self) -> bytes:
        """The file as the site publishes it: UTF-8 without a byte order mark,
        the columns in the schema's order, each value as its schema reads it
        (4100, not 4,100; yes, not Yes), whatever form the spreadsheet saved.
        Kept once made: the build needs it three times (the file, its size,
        the Data Package)."""
        fields = self.schema["fields"]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(field["name"] for field in fields)
        for row in self.rows:
            writer.writerow(_as_text(field, row[field["name"]]) for field in fields)
        return out.getvalue().encode("utf-8")

    def row_by_key(self) -> dict[str, dict]:
        """Rows by their one-column primary key, e.g. sectors by code."""
        [key] = self.schema["primaryKey"]
        return {str(row[key]): row for row in self.rows}

    def rows_where(self, where: dict[str, str]) -> list[dict]:
        """The rows whose fields equal `where` (field → value as text)."""
        return [row for row in self.rows if all(str(row[k]) == str(v) for k, v in where.items())]

    def total(self, where: dict[str, str] | None = None) -> int:
        """The sum of the value field over the rows matching `where`."""
        value = self.schema["x-value"]
        return sum(row[value] for row in self.rows_where(where or {}))


def _texts(row: dict, base: str) -> dict[str, str]:
    """A row's texts in columns `<base>_<language>`, by language column."""
    return {column: row[f"{base}_{column}"] for column in _COLUMNS}


def package(found: dict[str, Dataset], titles: dict[str, str]) -> bytes:
    """The Frictionless Data Package descriptor of the published files, the
    programme's name in each language being `titles`: one file that lists
    every data file with its schema, title and source, so that data tools
    and portals take them in at once, and one command checks them all
    (`frictionless validate datapackage.json`)."""
    title = titles[languages.REFERENCE.code]
    descriptor = {
        "profile": "tabular-data-package",
        "name": "-".join(re.findall(r"[a-z0-9]+", title.lower())),
        "title": title,
        "x-title": titles,
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": dataset.path.stem,
                "path": dataset.name,
                "title": dataset.title(languages.REFERENCE.code),
                "x-title": dataset.schema["x-title"],
                "description": dataset.source(languages.REFERENCE.code),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(dataset.published),
                "schema": dataset.path.stem + ".schema.json",
            }
            for dataset in sorted(found.values(), key=lambda d: d.path.stem)
        ],
    }
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load_all(folder: Path) -> tuple[dict[str, Dataset], list[Problem]]:
    """Read and check every CSV in `folder`; return the good ones and every problem."""
    datasets: dict[str, Dataset] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.csv")):
        dataset, found = load(path)
        problems += found
        if dataset is not None:
            datasets[path.name] = dataset
    for dataset in list(datasets.values()):
        found = _check_references(dataset, datasets) + _check_counts_agree(dataset, datasets)
        problems += found
        if found:
            del datasets[dataset.name]
    return datasets, problems


def _check_references(dataset: Dataset, datasets: dict[str, Dataset]) -> list[Problem]:
    """A column marked x-foreign holds, where filled in, a key of the file it names."""
    problems = []
    for spec in dataset.schema["fields"]:
        other = datasets.get(spec.get("x-foreign", ""))
        if other is None:
            continue
        keys = other.row_by_key()
        for line, row in zip(dataset.lines, dataset.rows):
            value = row[spec["name"]]
            if value not in (None, "") and str(value) not in keys:
                problems.append(Problem(dataset.path, f"row {line}, column '{spec['name']}'", f"found '{value}', which is not in {other.name}", f"use one of: {', '.join(keys)}; or leave it empty"))
    return problems


def _check_counts_agree(dataset: Dataset, datasets: dict[str, Dataset]) -> list[Problem]:
    """Where a file lists what another counts (awardees and their official counts),
    the numbers of rows must equal the counts, for each group the list covers."""
    rule = dataset.schema.get("x-counts-agree-with")
    if not rule or rule["file"] not in datasets:
        return []
    official, by, skip = datasets[rule["file"]], rule["by"], rule.get("skip-where", {})
    # Without skip-where every row counts (all() of no conditions is true, which would skip them all).
    counted = [row for row in dataset.rows if not (skip and all(row[k] == v for k, v in skip.items()))]
    problems = []
    for first in sorted({row[by[0]] for row in counted}):
        stated = official.rows_where({by[0]: first})
        for row in stated:
            if not all(row[k] in dataset.field(k).get("constraints", {}).get("enum", [row[k]]) for k in by):
                continue  # a count of a kind the list does not hold (a year's total)
            where = {k: row[k] for k in by}
            listed = sum(1 for r in counted if all(r[k] == v for k, v in where.items()))
            if listed != official.total(where):
                scope = ", ".join(f"{k} = {v}" for k, v in where.items())
                problems.append(Problem(dataset.path, f"rows with {scope}", f"the file lists {listed:,} but {official.name} counts {official.total(where):,}", f"add or remove rows so that the two agree, or correct {official.name} if its count is wrong"))
    return problems


def load(path: Path) -> tuple[Dataset | None, list[Problem]]:
    """Read one CSV and its schema; return the dataset only when it has no problem."""
    schema_path = path.with_name(path.stem + ".schema.json")
    if not schema_path.exists():
        return None, [Problem(path, "the whole file", f"there is no schema {schema_path.name} beside it", "add the schema, or remove the file if it is not needed")]
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return None, [Problem(schema_path, f"line {getattr(error, 'lineno', 1)}", f"the schema is not valid JSON ({error})", "correct the JSON syntax")]

    problems = _check_schema(schema_path, schema)
    if problems:
        return None, problems
    text, problems = _decode(path)
    if text is None:
        return None, problems
    rows, lines, problems = _parse(path, text, schema)
    if problems:
        return None, problems
    dataset = Dataset(path, schema, tuple(rows), tuple(lines))
    problems = _check_stated_totals(dataset) + _check_parts_add_up(dataset)
    return (None if problems else dataset), problems


def _check_schema(path: Path, schema: dict) -> list[Problem]:
    """The parts of a schema the site needs: titles in both languages and the source."""
    problems = []
    needs = [("the table", schema, "x-title"), ("the table", schema, "x-source")]
    needs += [(f"field '{f.get('name')}'", f, "x-title") for f in schema.get("fields", [])]
    for where, part, key in needs:
        texts = part.get(key)
        if not isinstance(texts, dict) or not all(texts.get(column) for column in _COLUMNS):
            needed = " and ".join(f"{'an' if column[0] in 'aeiou' else 'a'} {column}" for column in _COLUMNS)
            written = ", ".join(f'"{column}": "…"' for column in _COLUMNS)
            problems.append(Problem(path, where, f"'{key}' needs {needed} text", f'add "{key}": {{{written}}}'))
    if not schema.get("fields"):
        problems.append(Problem(path, "the table", "the schema lists no fields", "add a \"fields\" list naming each column"))
    return problems


def _decode(path: Path) -> tuple[str | None, list[Problem]]:
    raw = path.read_bytes()
    if not raw.strip():
        return None, [Problem(path, "the whole file", "the file is empty", "put back the header row and the data, or restore the file from the previous version")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(path, "the whole file", "the file is saved as UTF-16 ('Unicode text'), not UTF-8", SAVE_AS_UTF8)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        row = raw[: error.start].count(b"\n") + 1
        return None, [Problem(path, f"row {row}", "the file is not saved as UTF-8 (perhaps Big5 or another encoding)", SAVE_AS_UTF8)]


def _parse(path: Path, text: str, schema: dict) -> tuple[list[dict], list[int], list[Problem]]:
    fields = [f["name"] for f in schema["fields"]]
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = [(reader.line_num, record) for record in reader]
    except csv.Error as error:
        return [], [], [Problem(path, f"row {reader.line_num}", f"the row cannot be read: {error}", "check the quotation marks: a value with a comma must be wrapped in \"double quotes\", and a quote inside it written twice (\"\")")]

    while records and not any(cell.strip() for cell in records[-1][1]):
        records.pop()  # trailing blank lines, as spreadsheets write them
    if not records:
        return [], [], [Problem(path, "row 1", "there is no header row", f"make row 1 the column names: {', '.join(fields)}")]

    header = [cell.strip() for cell in records[0][1]]
    missing = [name for name in fields if name not in header]
    extra = [name for name in header if name not in fields]
    for index, name in enumerate(missing):
        guess = ""
        if len(extra) == len(missing):  # each missing name read as the unknown one in its place
            guess = f" (is '{extra[index]}' meant to be '{name}'?)" if extra[index] else " (a cell of the header row is blank)"
        problems.append(Problem(path, f"row 1, column '{name}'", f"the column '{name}' is missing{guess}", f"the header row must have exactly these columns: {', '.join(fields)}"))
    for name in extra:
        if len(extra) != len(missing):
            problems.append(Problem(path, f"row 1, column '{name}'", f"the column '{name}' is not in the schema", f"remove it, or add it to {path.stem}.schema.json; expected columns: {', '.join(fields)}"))
    if problems:
        return [], [], problems

    rows: list[dict] = []
    lines: list[int] = []
    seen_keys: dict[tuple, int] = {}
    key_fields = schema.get("primaryKey", [])
    for line, record in records[1:]:
        if not any(cell.strip() for cell in record):
            problems.append(Problem(path, f"row {line}", "the row is empty", "delete the empty row"))
            continue
        if len(record) != len(header):
            problems.append(Problem(path, f"row {line}", f"the row has {len(record)} values but the header has {len(header)} columns", "give the row one value per column; wrap a value that contains a comma in \"double quotes\""))
            continue
        cells = {name: value.strip() for name, value in zip(header, record)}
        row: dict = {}
        for spec in schema["fields"]:
            value, problem = _typed(path, line, spec, cells[spec["name"]])
            if not problem and any(spec["name"].endswith(f"_{column}") for column in _TRADITIONAL):
                problem = simplified_problem(path, f"row {line}, column '{spec['name']}'", cells[spec["name"]])
            if problem:
                problems.append(problem)
            row[spec["name"]] = value
        key = tuple(str(row[k]) for k in key_fields)
        if key_fields and key in seen_keys:
            names = ", ".join(f"{k} = {v}" for k, v in zip(key_fields, key))
            problems.append(Problem(path, f"row {line}", f"the row repeats row {seen_keys[key]} ({names}); each combination may appear once", f"delete one of rows {seen_keys[key]} and {line}, or correct its {' or '.join(key_fields)}"))
        seen_keys.setdefault(key, line)
        rows.append(row)
        lines.append(line)
    return rows, lines, problems


def whole_number(text: str) -> int | None:
    """A whole number as staff type it (1802, 1,802 or ５４), or None."""
    return int(text.replace(",", "")) if _INTEGER.match(text) else None


def _typed(path: Path, line: int, spec: dict, text: str) -> tuple[object, Problem | None]:
    """A cell's value as its field's type, or the problem with it."""
    name = spec["name"]
    where = f"row {line}, column '{name}'"
    constraints = spec.get("constraints", {})
    if not text:
        if constraints.get("required"):
            return None, Problem(path, where, "the value is empty", spec.get("x-required-fix", "fill it in"))
        return None, None
    value: object = text
    if spec["type"] == "integer":
        value = whole_number(text)
        if value is None:
            return None, Problem(path, where, f"found '{text}', expected a whole number", "write the number with digits only, such as 1802 or 1,802")
        if "minimum" in constraints and value < constraints["minimum"]:
            expected = "a count of 0 or more" if constraints["minimum"] == 0 else f"a number of {constraints['minimum']} or more"
            return None, Problem(path, where, f"found {value}, expected {expected}", "correct the number")
        if "maximum" in constraints and value > constraints["maximum"]:
            return None, Problem(path, where, f"found {value}, expected a number of {constraints['maximum']} or less", "correct the number")
    if spec["type"] == "date":
        value = _iso_date(text)
        if value is None:
            return None, Problem(path, where, f"found '{text}', expected a date written as year-month-day", "write the date as YYYY-MM-DD, such as 2017-10-27; a spreadsheet keeps it so when the column is formatted as Text")
    if spec["type"] == "boolean":
        true_values, false_values = _boolean_values(spec)
        words = {word.lower(): True for word in true_values} | {word.lower(): False for word in false_values}
        if text.lower() not in words:
            return None, Problem(path, where, f"found '{text}', expected {true_values[0]} or {false_values[0]}", f"write {true_values[0]} or {false_values[0]}")
        value = words[text.lower()]
    pattern = constraints.get("pattern")
    if pattern and not re.fullmatch(pattern, text):
        return None, Problem(path, where, f"found '{text}', which is not in the expected form", spec.get("x-form", f"write it to match {pattern}"))
    allowed = constraints.get("enum")
    if allowed is not None and value not in allowed:
        fix = f"use one of: {', '.join(map(str, allowed))}"
        if _SPREADSHEET_DATE.match(text) and any("/" in str(a) for a in allowed):
            fix += f"; a spreadsheet turns '{allowed[0]}' into a date unless the column is formatted as Text first"
        return None, Problem(path, where, f"found '{text}', which is not one of the allowed values", fix)
    return value, None


def _iso_date(text: str) -> date | None:
    """A date written YYYY-MM-DD (as Table Schema's date type reads it), or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _boolean_values(spec: dict) -> tuple[list[str], list[str]]:
    """A boolean field's words for true and for false, as its schema names them."""
    return spec.get("trueValues", _TRUE_VALUES), spec.get("falseValues", _FALSE_VALUES)


def _as_text(spec: dict, value: object) -> str:
    """A checked value written as its field's schema reads it."""
    if value is None:
        return ""
    if spec["type"] == "boolean":
        true_values, false_values = _boolean_values(spec)
        return true_values[0] if value else false_values[0]
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _check_stated_totals(dataset: Dataset) -> list[Problem]:
    """The rows must add up to each total the source states."""
    problems = []
    for stated in dataset.schema.get("x-stated-totals", []):
        where = stated["where"]
        found = dataset.total(where)
        if found != stated["total"]:
            scope = ", ".join(f"{k} = {v}" for k, v in where.items()) or "all rows"
            problems.append(
                Problem(
                    dataset.path,
                    f"rows with {scope}, column '{dataset.schema['x-value']}'",
                    f"the rows add up to {found:,}, but the source states a total of {stated['total']:,} ({stated['source']})",
                    "check each of these rows against the source",
                )
            )
    return problems


def _check_parts_add_up(dataset: Dataset) -> list[Problem]:
    """Where a source states a total beside its parts (x-parts-add-up: the
    awardees of a year by class, and the year's total), the parts it gives
    in full must add up to the total it gives exactly."""
    rule = dataset.schema.get("x-parts-add-up")
    if not rule:
        return []
    by, part, total_code = rule["by"], rule["field"], rule["total"]
    value, qualifier = dataset.schema["x-value"], dataset.field(dataset.schema["x-value"]).get("x-qualifier")
    problems = []
    for group in dict.fromkeys(row[by] for row in dataset.rows):
        rows = dataset.rows_where({by: group})
        totals = [row for row in rows if row[part] == total_code]
        parts = [row for row in rows if row[part] != total_code]
        if len(totals) != 1 or not parts or (qualifier and any(row[qualifier] != rule["exact"] for row in rows)):
            continue
        found, stated = sum(row[value] for row in parts), totals[0][value]
        if found != stated:
            line = dataset.lines[dataset.rows.index(totals[0])]
            problems.append(Problem(dataset.path, f"rows with {by} = {group}", f"the {part} rows add up to {found:,}, but the row {part} = {total_code} (row {line}) states {stated:,}", f"check each row of {by} {group} against its source"))
    return problems
