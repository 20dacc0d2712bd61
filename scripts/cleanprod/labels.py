"""The site's own UI labels, read from docs/_data/labels.yml (their one home).

Each label is written in zh-Hant and English; zh-Hans is converted from zh-Hant.
A missing translation, or a file that cannot be read, stops the build,
naming the label or the line. A label the site uses that is not in the file
(deleted by mistake) stops the build where it is used, naming it.
"""

from __future__ import annotations

from pathlib import Path

from cleanprod import languages
from cleanprod.chinese import simplified_problem, to_simplified
from cleanprod.problems import ContentError, Problem
from cleanprod.structured import read_yaml


class LanguageLabels(dict[str, str]):
    """One language's labels, by name, read from `path`."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def __missing__(self, key: str) -> str:
        # Not a LookupError, which a template would take for an empty label.
        raise ContentError([Problem(self.path, f"label '{key}'", "the site uses this label, but the file has no label of that name", f"add it back: a line '{key}:', then a line '  zh-Hant: …' and a line '  en: …' (git shows the file's earlier versions)")])


Labels = dict[str, LanguageLabels]


def load(path: Path) -> tuple[Labels, list[Problem]]:
    """Read the labels; return them for every language, and any problems."""
    labels: Labels = {lang: LanguageLabels(path) for lang in languages.ALL}
    raw, _, problems = read_yaml(path)
    if problems:
        return labels, problems
    if not isinstance(raw, dict):
        return labels, [Problem(path, "the whole file", "the file is not a list of labels", "restore it from the previous version; each label is its name, then a line 'zh-Hant: …' and a line 'en: …'")]
    for key, texts in raw.items():
        texts = texts if isinstance(texts, dict) else {}
        for lang in languages.WRITTEN:
            text = texts.get(lang)
            if not isinstance(text, str) or not text.strip():
                problems.append(
                    Problem(
                        path,
                        f"label '{key}'",
                        f"no {lang} text",
                        f"add a line '{lang}: …' under '{key}:'",
                    )
                )
                continue
            if lang == languages.DEFAULT and (mixed := simplified_problem(path, f"label '{key}'", text)):
                problems.append(mixed)
            labels[lang][key] = text
        if languages.DEFAULT in labels and key in labels[languages.DEFAULT]:
            labels[languages.SIMPLIFIED][key] = to_simplified(labels[languages.DEFAULT][key])
    return labels, problems
