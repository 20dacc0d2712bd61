"""Corrections to the HTML that Material's base template writes outside any block.

Material puts two hidden checkboxes at the top of every page with
`autocomplete="off"`, which HTML allows only on text-like inputs (the Nu HTML
Checker reports it). The search checkbox drives Material's search dialog, which
this site does not use, so it goes; the drawer checkbox keeps the mobile menu
working without JavaScript and only loses the attribute.
"""

from __future__ import annotations

_DRAWER = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
_SEARCH = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'


def fix_page(html: str) -> str:
    """The page with Material's checkbox markup made valid."""
    return html.replace(_SEARCH, "").replace(_DRAWER, _DRAWER.replace(' autocomplete="off"', ""))
