"""The site's own UI labels, read from docs/_data/labels.yml (their one home).

Each label is written in every written language (its column, languages.py);
a converted language's are converted from its source's.
A missing translation, or a file that cannot be read, stops the build,
naming the label or the line. A label the site uses that is not in the file
(deleted by mistake) is found where it is used: a build notes it and goes on,
to list it with every other problem it finds (`noting`).
"""

from __future__ import annotations

from pathlib import Path

from cleanprod import languages
from cleanprod.content.chinese import converter_for, simplified_problem
from cleanprod.problems import ContentError, Problem
from cleanprod.content.structured import read_yaml


_LINES = " and ".join(f"a line '  {languages.get(lang).label_column}: …'" for lang in languages.WRITTEN)  # a label's lines, for the fixes


class LanguageLabels(dict[str, str]):
    """One language's labels, by name, read from `path`."""

    def __init__(self, path: Path, noted: list[Problem] | None = None) -> None:
        super().__init__()
        self.path = path
        self.noted = noted

    def __missing__(self, key: str) -> str:
        problem = Problem(self.path, f"label '{key}'", "the site uses this label, but the file has no label of that name", f"add it back: a line '{key}:', then {_LINES} (git shows the file's earlier versions)")
        if self.noted is None:
            # Not a LookupError, which a template would take for an empty label.
            raise ContentError([problem])
        self.noted.append(problem)
        return ""

    def noting(self, problems: list[Problem]) -> LanguageLabels:
        """These labels, for one build: a label missing is added to `problems`
        and reads as "", so that the build goes on to find every other problem
        before it stops."""
        copy = LanguageLabels(self.path, problems)
        copy.update(self)
        return copy


Labels = dict[str, LanguageLabels]


def load(path: Path) -> tuple[Labels, list[Problem]]:
    """Read the labels; return them for every language, and any problems."""
    labels: Labels = {lang: LanguageLabels(path) for lang in languages.ALL}
    raw, _, problems = read_yaml(path)
    if problems:
        return labels, problems
    if not isinstance(raw, dict):
        return labels, [Problem(path, "the whole file", "the file is not a list of labels", "restore it from the previous version; each label is its name, then " + _LINES.replace("'  ", "'"))]
    for key, texts in raw.items():
        texts = texts if isinstance(texts, dict) else {}
        for lang in languages.WRITTEN:
            text = texts.get(languages.get(lang).label_column)
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
            if languages.get(lang).traditional and (mixed := simplified_problem(path, f"label '{key}'", text)):
                problems.append(mixed)
            labels[lang][key] = text
        for converted in languages.TABLE:
            if converted.source is not None and key in labels[converted.source]:
                labels[converted.code][key] = converter_for(converted.code)(labels[converted.source][key])
    return labels, problems
