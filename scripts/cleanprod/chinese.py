"""Traditional (Hong Kong) to Simplified Chinese, for the generated zh-Hans pages.

OpenCC's `hk2s` does the conversion; the project glossary (docs/_data/glossary.yml)
then replaces the few terms whose plain conversion reads wrong in the Mainland.
Markdown syntax that must not change is protected: link and image targets,
reference definitions, attribute lists, code, HTML tags and bare URLs. Otherwise a
converted link target would point at a page that does not exist. The fragment of
a link target (`#…`) is converted, since the heading it names is converted too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import opencc

from cleanprod import languages
from cleanprod.paths import GLOSSARY_FILE
from cleanprod.problems import Problem
from cleanprod.structured import line_of, read_yaml

Glossary = tuple[tuple[str, str], ...]

# Spans copied through unchanged, tried in this order at each position.
_PROTECTED = re.compile(
    r"""
      ^(?P<fence>[ ]{0,3}(?:```|~~~)).*?^(?P=fence)[ \t]*$   # fenced code block
    | `[^`\n]+`                                           # inline code
    | \]\((?P<target>[^)#\n]*)(?:\#(?P<fragment>[^)\s]*))?(?P<rest>[^)\n]*)\)  # link target
    | ^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+                     # reference definition
    | \{[:#.][^}\n]*\}                                    # attribute list
    | <[^>\n]+>                                           # HTML tag
    | https?://\S+                                        # bare URL
    """,
    re.VERBOSE | re.MULTILINE | re.DOTALL,
)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("hk2s.json")


def read_glossary(path: Path = GLOSSARY_FILE) -> tuple[Glossary, list[Problem]]:
    """The glossary's terms, longest first (so that a longer term wins over a
    term inside it), and every problem with the file. A term with a problem
    is left out: the check reports it, and the conversion goes on without it."""
    entries, node_of, problems = read_yaml(path)
    if problems or entries is None:
        return (), problems
    if not isinstance(entries, dict):
        return (), [Problem(path, "the whole file", "the file is not a list of 'term: replacement' lines", "write one term to a line, such as '资讯: 信息'")]
    terms = []
    for found, wanted in entries.items():
        if isinstance(found, str) and isinstance(wanted, str) and found.strip() and wanted.strip():
            terms.append((found, wanted))
        else:
            problems.append(
                Problem(
                    path,
                    line_of(node_of(), [found]),
                    f"'{found}: {wanted}' is not a term and its replacement",
                    "write the term as the plain conversion gives it, a colon and a space, and the wording to use instead, such as '资讯: 信息'",
                )
            )
    return tuple(sorted(terms, key=lambda kv: -len(kv[0]))), problems


@lru_cache(maxsize=4)
def _glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    return read_glossary(path)[0]


def to_simplified(text: str) -> str:
    """Convert plain Traditional Chinese text (no Markdown syntax) to Simplified."""
    converted = _converter().convert(text)
    for found, wanted in _glossary():
        converted = converted.replace(found, wanted)
    return converted


def markdown_to_simplified(markdown: str) -> str:
    """Convert a Markdown page to Simplified Chinese, leaving its syntax intact."""
    parts: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(markdown):
        parts.append(to_simplified(markdown[last : match.start()]))
        parts.append(_protected(match))
        last = match.end()
    parts.append(to_simplified(markdown[last:]))
    return "".join(parts)


def _protected(match: re.Match[str]) -> str:
    """A protected span as it must appear in the Simplified page."""
    if match.group("fragment"):
        return f"]({match.group('target')}#{to_simplified(match.group('fragment'))}{match.group('rest')})"
    return match.group(0)


def converter_for(lang: str) -> Callable[[str], str]:
    """How a text written for `lang`'s source page reads on its built page:
    converted to Simplified for zh-Hans, as written otherwise."""
    return to_simplified if lang == languages.SIMPLIFIED else str


def in_language(texts: dict[str, str], lang: str) -> str:
    """A text staff write in zh-Hant and English ({"zh-Hant": …, "en": …}), in
    `lang`: zh-Hans is converted from the zh-Hant."""
    return converter_for(lang)(texts[languages.DEFAULT if lang == languages.SIMPLIFIED else lang])
