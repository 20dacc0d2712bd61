"""Form controls the site's filter forms share (events, case studies, the directory)."""

from __future__ import annotations

from html import escape


def filter_select(control_id: str, name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    """A labelled drop-down: `everything` (no filter) first, then each (value, text)."""
    choices = f'<option value="">{escape(everything)}</option>' + "".join(
        f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options
    )
    return f'<div class="question"><label for="{control_id}">{escape(label)}</label><select id="{control_id}" name="{name}">{choices}</select></div>'
