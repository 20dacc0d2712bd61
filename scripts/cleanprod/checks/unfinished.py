"""Text written for staff to replace, which must not be published.

`make event`, `make news` and `make case` (new.py) start each page with a
line in brackets saying what to write there. Left as it is, it would reach
readers as the page's text; so the check names each one still in a page.
The lines are written here, once: new.py writes them, and the check looks
for them.
"""

from __future__ import annotations

from pathlib import Path

from cleanprod.problems import Problem

# By kind of page: the text under the title, in zh-Hant and in English.
EVENT = ("（在這裡介紹活動：內容、對象、講者。）", "(Write about the event here: what it covers, who it is for, the speakers.)")
NEWS = ("（在這裡寫消息內容。）", "(Write the news here.)")
CASE = ("（在這裡介紹項目：工廠原來的問題、採用的技術、量度成果的方法。）", "(Write about the project here: the factory's problem, the technology it used, how the results were measured.)")
PLACEHOLDERS = frozenset(EVENT + NEWS + CASE)
WHAT = "the page still holds the text written for you to replace"


def problems(path: Path, body: str, body_line: int) -> list[Problem]:
    """Each line of a page's Markdown that is a placeholder left unchanged."""
    return [
        Problem(path, f"line {number}", f"{WHAT}: '{line.strip()}'", "write the page's text in its place, in this page's language")
        for number, line in enumerate(body.split("\n"), body_line)
        if line.strip() in PLACEHOLDERS
    ]
