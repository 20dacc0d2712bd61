"""Words readers search for that the site does not use, each with the site's
word for the same thing (補貼 for 資助, "grant" for "funding"), read from
docs/_data/search-words.yml, their one home.

The search page reads such a word in a query as the site's word
(overrides/assets/search.js), so the reader finds the pages that say it.
A question word given "" as its word (多少: "") is left out of the query:
pages do not hold it, and Pagefind shows only the pages that hold every word
of a query that some page holds (有甚麼資助 found only the page that asked it).
Chinese words are written once, in Traditional characters, and serve both
Chinese languages: search_index.py writes them for each in the Simplified
characters the index and the query use.
"""

from __future__ import annotations

from pathlib import Path

from cleanprod import languages
from cleanprod.content.chinese import characters_to_simplified, converter_for, mainland_terms
from cleanprod.paths import SEARCH_WORDS_FILE
from cleanprod.problems import Problem
from cleanprod.content.structured import line_of, read_yaml

Words = dict[str, dict[str, str]]  # language written by hand → {reader's word: site's word}
_EXAMPLES = {languages.DEFAULT.code: "補貼: 資助", languages.REFERENCE.code: "grant: funding"}
_HEADINGS = " and ".join(f"'{lang}:'" for lang in languages.WRITTEN)  # the file's headings, one per written language


def _example(lang: str) -> str:
    """A line of the file as written under `lang`'s heading, for a fix."""
    return _EXAMPLES.get(lang, _EXAMPLES[languages.REFERENCE.code])


def _heading(lang: str) -> str:
    """A written language's heading, and the languages that read its words."""
    readers = [language for language in languages.TABLE if language.source == lang]
    return f"'{lang}:'" + (" (for both Chinese languages)" if readers else "")


def read(path: Path = SEARCH_WORDS_FILE) -> tuple[Words, list[Problem]]:
    """The words for each language written by hand, and every problem with
    the file. A line with a problem is left out: the check reports it."""
    raw, node_of, problems = read_yaml(path)
    if problems or raw is None:
        return {}, problems
    if not isinstance(raw, dict):
        return {}, [Problem(path, "the whole file", f"the file is not a list of words under {_HEADINGS}", "restore it from the previous version (git shows the file's earlier versions)")]
    words: Words = {}
    for lang, entries in raw.items():
        if lang not in languages.WRITTEN:
            problems.append(Problem(path, line_of(node_of(), [lang]), f"'{lang}' is not {' or '.join(languages.WRITTEN)}", f"put each word under {' or '.join(map(_heading, languages.WRITTEN))}"))
            continue
        if not isinstance(entries, dict):
            problems.append(Problem(path, line_of(node_of(), [lang]), f"the words under '{lang}:' are not 'word: the site's word' lines", f"indent each line under '{lang}:' by two spaces, such as '  {_example(lang)}'"))
            continue
        words[lang] = {}
        for found, wanted in entries.items():
            where = line_of(node_of(), [lang, found])
            if not (isinstance(found, str) and isinstance(wanted, str) and found.strip()):  # wanted may be "": left out
                problems.append(Problem(path, where, f"'{found}: {wanted}' is not a word and the site's word for it", f"write the word readers search for, a colon and a space, and the word the site uses, such as '{_example(lang)}'"))
            elif found.strip().casefold() == wanted.strip().casefold():
                problems.append(Problem(path, where, f"'{found}' is given as the site's word for itself", "delete the line: the site's own words are found already"))
            elif languages.get(lang).is_chinese and characters_to_simplified(found) == characters_to_simplified(wanted):  # both are searched in Simplified characters
                problems.append(Problem(path, where, f"'{found}' is the site's word '{wanted}' in other characters, which the search finds already", "delete the line"))
            elif wanted in entries:
                problems.append(Problem(path, where, f"the site's word '{wanted}' is itself listed as a word the site does not use", f"write the word the site uses after '{found}:', as '{wanted}' has it"))
            else:
                words[lang][found.strip().casefold()] = wanted.strip()
    return words, problems


def for_language(checked: Words, lang: str) -> dict[str, str]:
    """The words `lang`'s search reads as the site's, from the `checked` file's
    words: zh-Hans has zh-Hant's, each site's word as the Simplified pages
    write it (聯絡 as 联系, through the glossary), and the glossary's Hong Kong
    words too (计算机 as 计算器), which a reader may type but the Simplified
    pages no longer show."""
    source = languages.get(lang).source
    words = checked.get(source or lang, {})
    if source is None:
        return words
    mainland = {found: converter_for(lang)(wanted) for found, wanted in words.items()}
    mainland.update((found, wanted) for found, wanted in mainland_terms() if found not in mainland)
    return {found: wanted for found, wanted in mainland.items() if characters_to_simplified(found) != wanted}
