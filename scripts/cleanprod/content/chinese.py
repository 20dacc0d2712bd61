"""Traditional (Hong Kong) to Simplified Chinese, for the generated zh-Hans pages.

OpenCC's `hk2s` converts the characters, not the vocabulary: 計算機 becomes
计算机 ("computer" to a Mainland reader, where the site means a calculator) and
透過 becomes 透过 (the Mainland writes 通过). So the project glossary
(docs/_data/glossary.yml) then replaces each Hong Kong term with the Mainland
one, and the corner brackets 「」『』 become the quotation marks “”‘’ that the
Mainland uses.
Markdown syntax that must not change is protected: link and image targets,
reference definitions, attribute lists, code, HTML tags and bare URLs. Otherwise a
converted link target would point at a page that does not exist. The fragment of
a link target (`#…`), inline or in a reference definition, is converted, since
the heading it names is converted too; so is a reference definition's label, as
the links that use it are.
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
from cleanprod.content.structured import changed_at, line_of, read_yaml

Glossary = tuple[tuple[str, str], ...]

HAN_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))  # the Chinese characters, as search.js has them
HAN = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in HAN_RANGES) + "]")
HAN_RUN = re.compile(HAN.pattern + "+")

# Spans copied through unchanged, tried in this order at each position.
_PROTECTED = re.compile(
    r"""
      ^(?P<fence>[ ]{0,3}(?:```|~~~)).*?^(?P=fence)[ \t]*$   # fenced code block
    | `[^`\n]+`                                           # inline code
    | \]\((?P<target>[^)#\n]*)(?:\#(?P<fragment>[^)\s]*))?(?P<rest>[^)\n]*)\)  # link target
    | ^(?P<indent>[ ]{0,3})\[(?P<label>[^\]\n]+)\](?P<colon>:[ \t]*)(?P<address><[^>\n]*>|\S+)  # reference definition
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
            if "<" in wanted or ">" in wanted:  # the pages' HTML policy would stop the build, naming each page, not this line
                problems.append(Problem(path, line_of(node_of(), [found]), f"the replacement '{wanted}' holds '<' or '>', which would put markup into the Simplified Chinese pages", "write the replacement as plain words"))
                continue
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


def _glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    """The glossary's terms, read once per version of the file."""
    return _read_glossary(path, changed_at(path))


@lru_cache(maxsize=4)
def _read_glossary(path: Path, changed: int | None) -> Glossary:
    return read_glossary(path)[0]


@lru_cache(maxsize=1)
def _to_hong_kong() -> opencc.OpenCC:
    return opencc.OpenCC("s2hk.json")


# Simplified forms that Big5 holds as rare characters of their own, which
# Hong Kong writing does not use for their everyday meaning (厂 for 廠).
_SIMPLIFIED_IN_BIG5 = frozenset("厂万与么几儿气机网价优体极构确种离适据庄丰党听吨坏惊扰岭圣异并复挂胜触赶虫蚕灶柜帘篱筑宁怀洁")


@lru_cache(maxsize=8192)
def _simplified_only(character: str) -> bool:
    """Whether Hong Kong writing never uses `character` and Simplified does
    (资, 为, 厂): it is outside Big5, the Traditional character set, and
    Hong Kong's standard forms change it. Characters both scripts use (家,
    后, 台) are in Big5; Hong Kong's own forms outside it (户, 着) stay."""
    if character in _SIMPLIFIED_IN_BIG5:
        return True
    try:
        character.encode("big5")
        return False
    except UnicodeEncodeError:
        return _to_hong_kong().convert(character) != character


def simplified_problem(path: Path, where: str, text: str) -> Problem | None:
    """The problem with one line or value of a Traditional Chinese text (a
    zh-Hant page, a _zh-Hant column) written partly in Simplified characters,
    as a keyboard or a copied mainland text may give; None if it has none.
    The Simplified pages are made from the Traditional ones, so these must
    be Traditional throughout."""
    runs = [run for run in HAN_RUN.findall(text) if any(map(_simplified_only, run))]
    if not runs:
        return None
    changes: dict[str, str] = {}  # each Simplified character, with its form in this text
    for run in runs:
        converted = _to_hong_kong().convert(run)  # word by word: 计划 → 計劃, 后来 → 後來
        for i, character in enumerate(run):
            if _simplified_only(character):
                changes.setdefault(character, converted[i] if len(converted) == len(run) else _to_hong_kong().convert(character))
    written = "', '".join(runs)
    listed = ", ".join(f"{simplified} → {traditional}" for simplified, traditional in changes.items())
    return Problem(path, where, f"'{written}' has Simplified characters in a Traditional Chinese text", f"type it again with the keyboard set to Traditional Chinese ({listed}); the Simplified Chinese page is made from this one")


def simplified_problems(path: Path, text: str, first_line: int) -> list[Problem]:
    """simplified_problem for each line of `text`, which starts on `first_line`."""
    found = (simplified_problem(path, f"line {number}", line) for number, line in enumerate(text.split("\n"), first_line))
    return [problem for problem in found if problem]


# Hong Kong's corner brackets, as the Mainland writes quotation marks.
MAINLAND_QUOTES = str.maketrans({"「": "\u201c", "」": "\u201d", "『": "\u2018", "』": "\u2019"})


def characters_to_simplified(text: str) -> str:
    """Each character of `text` in its Simplified form, the words as they are
    (計算機 → 计算机): whether two words are one word in other characters."""
    return _converter().convert(text)


def mainland_terms() -> Glossary:
    """The glossary's Hong Kong words (in Simplified characters) that are words
    alone, each with the Mainland word the Simplified pages use instead."""
    return tuple((found, wanted) for found, wanted in _glossary() if HAN_RUN.fullmatch(found) and HAN_RUN.fullmatch(wanted))


def to_simplified(text: str) -> str:
    """Convert plain Traditional Chinese text (no Markdown syntax) to Simplified,
    in the Mainland's words and quotation marks."""
    converted = _converter().convert(text)
    for found, wanted in _glossary():
        converted = converted.replace(found, wanted)
    return converted.translate(MAINLAND_QUOTES)


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
    if match.group("label"):
        # The label as the links that use it are converted ([資助][計劃] reads
        # [资助][计划]), and the fragment as the heading it names.
        file, hash_, fragment = match.group("address").partition("#")
        return f"{match.group('indent')}[{to_simplified(match.group('label'))}]{match.group('colon')}{file}{hash_}{to_simplified(fragment)}"
    return match.group(0)


# The converters a language's record may name (languages.Language.converter).
CONVERTERS: dict[str, Callable[[str], str]] = {"to_simplified": to_simplified}


def converter_for(lang: str) -> Callable[[str], str]:
    """How a text written for `lang`'s source page reads on its built page:
    converted by its record's converter (to Simplified for zh-Hans), as
    written otherwise."""
    name = languages.get(lang).converter
    return CONVERTERS[name] if name else str


def in_language(texts: dict[str, str], lang: str) -> str:
    """A text staff write in each required language ({"zh-Hant": …, "en": …}),
    in `lang`: a converted language's is converted from its source's; a
    language the text is not written in shows the default's."""
    return converter_for(lang)(texts.get(languages.get(lang).reads) or texts[languages.DEFAULT.label_column])
