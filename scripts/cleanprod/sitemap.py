"""The human-readable site map: the navigation as a nested list."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

PLACEHOLDER = '<div class="site-map" data-site-map></div>'


@dataclass(frozen=True)
class Entry:
    title: str
    url: str | None = None  # None for a section heading
    children: tuple["Entry", ...] = field(default_factory=tuple)


def render(entries: list[Entry] | tuple[Entry, ...]) -> str:
    """Nested <ul> of links, escaped; sections become list items holding a list."""
    items = []
    for entry in entries:
        label = escape(entry.title)
        head = f'<a href="{escape(entry.url)}">{label}</a>' if entry.url is not None else label
        inner = render(entry.children) if entry.children else ""
        items.append(f"<li>{head}{inner}</li>")
    return f'<ul class="site-map">{"".join(items)}</ul>'
