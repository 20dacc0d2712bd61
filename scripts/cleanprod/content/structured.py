"""YAML data checked against a JSON Schema, each problem named by its line.

Used for data that is nested rather than a table (the funding rules; the
front matter of events and case studies): the schema is the one statement of
what a file may hold, and every problem comes back with the line it is on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from cleanprod.problems import Problem

FIX_YAML = "check the indentation and that each quotation mark is closed, and put quotes around a value that contains ':' or '#'"
FIX_DATE = "write a real date as year-month-day, such as 2026-08-12, and a time as hours:minutes, such as 2026-08-12 14:30"


class NotADate(yaml.constructor.ConstructorError):
    """A value written as a date that is none (2026-13-01), placed on its line:
    PyYAML stops on it with a bare ValueError, which names no line."""

    fix = FIX_DATE


class GivenTwice(yaml.constructor.ConstructorError):
    """An entry whose name is given twice in one mapping (a line copied and
    not changed): YAML would quietly keep the second value."""

    def __init__(self, name: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"'{name}' is given twice", mark)
        self.fix = f"keep one of the two '{name}:' lines and delete the other"


def _date(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise NotADate(None, None, f"'{node.value}' is not a real date ({error})", node.start_mark) from None


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when PyYAML was built with it (the pinned wheels are):
    the same YAML, read many times faster, which counts with thousands of
    pages; dates read by _date, and a name given twice refused."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen = set()
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                if key.value in seen:
                    raise GivenTwice(key.value, key.start_mark)
                seen.add(key.value)
        return super().construct_mapping(node, deep)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date)
LOADER = _Loader


def fix_for(error: yaml.YAMLError, otherwise: str) -> str:
    """The fix for a YAML mistake: its own, for a mistake this module finds
    (NotADate, GivenTwice), else `otherwise`."""
    return getattr(error, "fix", otherwise)


# A line 'name: "value…' or '- name: \'value…': its quotation mark and what follows.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?[^\s:#'"][^:#]*:\s+(?P<quote>["'])(?P<rest>.*)$""")


# 'title：…' or 'title:\u3000…': a name followed by a full-width colon, or a colon and a full-width space.
_FULL_WIDTH_COLON = re.compile(r"^[ \t]*([A-Za-z_][\w-]*)[ \t]*(?:：|:\u3000)", re.MULTILINE)

NodeOf = Callable[[], "yaml.Node | None"]  # a file's YAML node tree, made when first asked for


def full_width_colons(path: Path, text: str, first_line: int = 1) -> list[Problem]:
    """Each name in the YAML `text` (its first line being `first_line` of the
    file) followed by a full-width colon or space, as a Chinese keyboard in
    full-width mode types them: YAML reads neither as 'name: value', and its
    own message names neither."""
    return [
        Problem(path, f"line {text.count(chr(10), 0, colon.start()) + first_line}", f"the name '{colon[1]}' is followed by a full-width colon or space", f"write '{colon[1]}: ' with the ordinary colon ':' and an ordinary space (switch the keyboard to half-width)")
        for colon in _FULL_WIDTH_COLON.finditer(text)
    ]


def changed_at(path: Path) -> int | None:
    """When a file last changed, in nanoseconds (None if it cannot be read):
    part of the key of a cache of what the file holds, so that an edit is read
    again by a process that outlives a build (the preview's)."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def read_yaml(path: Path) -> tuple[Any, NodeOf, list[Problem]]:
    """A YAML file's data, its node tree (for line numbers, composed only if
    a problem needs one), or the problem reading it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
        if typed_full_width := full_width_colons(path, text):
            return None, _no_node, typed_full_width
        data = yaml.load(text, Loader=LOADER)
    except FileNotFoundError:
        return None, _no_node, [Problem(path, "the whole file", "the file is missing", "restore it from the previous version")]
    except UnicodeDecodeError:
        return None, _no_node, [Problem(path, "the whole file", "the file is not saved as UTF-8 text", "save it again with the encoding 'UTF-8'")]
    except yaml.YAMLError as error:
        line = error_line(error, text)
        where = f"line {line}" if line else "the whole file"
        return None, _no_node, [Problem(path, where, f"the file cannot be read: {getattr(error, 'problem', error)}", fix_for(error, FIX_YAML))]
    return data, cache(lambda: yaml.compose(text, Loader=LOADER)), []


def _no_node() -> None:
    return None


def error_line(error: yaml.YAMLError, text: str) -> int | None:
    """The line (from 1) of a YAML mistake in `text`, if it can be placed.

    An unclosed quotation mark is the likeliest mistake, and YAML reads on
    past it, so the parser may give up many lines later: the first line
    before that whose quoted value is never closed is named instead. For a
    mistake inside one value (an unclosed bracket, say), where the value
    starts beats where the parser gave up; for a mistake in the indented
    structure, the start of the enclosing list or mapping would be too far back.
    """
    in_structure = str(getattr(error, "context", "")).startswith("while parsing a block")
    mark = (not in_structure and getattr(error, "context_mark", None)) or getattr(error, "problem_mark", None)
    if mark is None:
        return None
    for number, line in enumerate(text.splitlines()[: mark.line + 1], 1):
        quoted = _QUOTED_VALUE.match(line)
        if quoted and quoted["quote"] not in quoted["rest"].replace('\\"', "").replace("''", ""):
            return number
    return mark.line + 1


def line_of(node: yaml.Node | None, path: list[Any], offset: int = 0) -> str:
    """'line N' of the entry at `path` (keys and list positions) in a composed YAML tree."""
    line = node.start_mark.line if node else 0
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if _is_key(k, step)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line
        else:
            break
    return f"line {line + 1 + offset}"


def _is_key(node: yaml.Node, step: Any) -> bool:
    """Whether the key `node` of a mapping is `step`. A name in a path is
    the key's text; any other step is a key that YAML read as other than
    text (2020, 1.50, ~), as the data holds it, so the key is read the same
    way to compare: its text ('2020') never equals it."""
    if isinstance(step, str):
        return node.value == step
    value = yaml.load(yaml.serialize(node), Loader=LOADER)
    return type(value) is type(step) and value == step


# Each type a schema asks for, in words for staff, and how to write it.
_TYPES = {
    "boolean": ("true or false", "write true or false"),
    "integer": ("a whole number", "write a whole number with digits only, such as 15000"),
    "number": ("a number", "write a number with digits only, such as 15000 or 2.5"),
    "string": ("text", "put the text in quotes ('…'), as it would otherwise be read as a number, a date or a list"),
    "array": ("a list", "write the list in square brackets, such as [cantonese, english]"),
    "object": ("entries under it", "write its entries on the lines under it, each indented by two spaces"),
}


def _describe(error: jsonschema.ValidationError) -> tuple[str, str]:
    """What is wrong and the fix, in words for staff."""
    field = next((str(p) for p in reversed(error.absolute_path) if isinstance(p, str)), "")
    named = f"'{field}' " if field else ""
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"'{missing}' is missing", f"add a line '{missing}: …'"
    if error.validator in ("enum", "const"):
        allowed = error.validator_value if error.validator == "enum" else [error.validator_value]
        return f"{named}is '{error.instance}', which is not allowed", f"use one of: {', '.join(map(str, allowed))}"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "an entry is not known here"), "remove it, or correct its spelling"
    if error.validator == "type" and error.instance is None:  # 'title:' with nothing after it
        return f"{named}has no value", f"write its value after '{field}:', on the same line" if field else "write its value"
    if error.validator == "type":
        expected, fix = _TYPES.get(str(error.validator_value), (str(error.validator_value), "correct the value"))
        return f"{named}is '{error.instance}', expected {expected}", fix
    if error.validator in ("minimum", "maximum"):
        word = "at least" if error.validator == "minimum" else "at most"
        return f"{named}is {error.instance}, expected {word} {error.validator_value}", "correct the number"
    if error.validator == "pattern":
        return f"{named}is '{error.instance}', which is not in the expected form", (error.schema.get("description") or "correct it")
    if error.validator in ("minProperties", "minItems") and not error.instance:
        choices = list(error.schema.get("properties", {}))
        return f"{named}is empty", f"give at least one of: {', '.join(choices)}" if choices else "give at least one entry"
    if error.validator == "not":
        return f"{named}has entries that do not apply here", error.schema.get("x-fix", "remove the entries that do not apply")
    return f"{named}{error.message}", "correct the value"


@lru_cache(maxsize=16)
def _validator(schema: str) -> jsonschema.Draft202012Validator:
    """One validator per schema, not one per page: building one takes time."""
    return jsonschema.Draft202012Validator(json.loads(schema))


def check(path: Path, data: Any, node_of: NodeOf, schema: dict, line_offset: int = 0) -> list[Problem]:
    """Every way `data` breaks `schema`, each with its line in the file.

    `node_of` gives the file's YAML node tree, for the lines; it is called
    only if there is a problem to place.
    """
    validator = _validator(json.dumps(schema, sort_keys=True))
    errors = [e for e in validator.iter_errors(data) if e.validator not in ("if", "anyOf", "oneOf", "allOf")]  # their sub-errors say what is wrong
    if not errors:
        return []
    node = node_of()
    problems = []
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        what, fix = _describe(error)
        problems.append(Problem(path, line_of(node, list(error.absolute_path), line_offset), what, fix))
    return problems


def sound_part(data: dict, schema: dict) -> dict:
    """The entries of `data` that break none of `schema`'s rules, so that the
    checks made after the schema's can run on a page the schema found fault
    with: every problem is then named at once, not one after another is fixed."""
    validator = _validator(json.dumps(schema, sort_keys=True))
    faulty = {error.absolute_path[0] for error in validator.iter_errors(data) if error.absolute_path}
    return {name: value for name, value in data.items() if name not in faulty}
