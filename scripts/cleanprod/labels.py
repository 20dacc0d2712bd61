"""The site's own UI labels, read from docs/_data/labels.yml (their one home).

Each label is written in zh-Hant and English; zh-Hans is converted from zh-Hant.
A missing translation stops the build, naming the label.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cleanprod import languages
from cleanprod.chinese import to_simplified
from cleanprod.problems import Problem

Labels = dict[str, dict[str, str]]


def load(path: Path) -> tuple[Labels, list[Problem]]:
    """Read the labels; return them for every language, and any problems."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    labels: Labels = {lang: {} for lang in languages.ALL}
    problems: list[Problem] = []
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
            labels[lang][key] = text
        if languages.DEFAULT in labels and key in labels[languages.DEFAULT]:
            labels[languages.SIMPLIFIED][key] = to_simplified(labels[languages.DEFAULT][key])
    return labels, problems
