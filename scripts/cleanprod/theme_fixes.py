"""Corrections to the HTML that Material's base template writes outside any block.

Material puts two hidden checkboxes at the top of every page with
`autocomplete="off"`, which HTML allows only on text-like inputs (the Nu HTML
Checker reports it). The search checkbox drives Material's search dialog, which
this site does not use, so it goes; the drawer checkbox keeps the mobile menu
working without JavaScript and only loses the attribute.

On a page that is not in the navigation (an event, a case study), the table of
contents' title still points at the navigation's toggle, which is not there:
a label must name a control on the page, so the reference goes.

Material's JavaScript is left out of the site (see UNUSED_FOLDER).
"""

from __future__ import annotations

# Material's JavaScript (its bundle, search and workers, with their source
# maps): no page loads it (overrides/main.html), so it is not published.
UNUSED_FOLDER = "assets/javascripts/"
_DRAWER = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
_SEARCH = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'


def fix_page(html: str) -> str:
    """The page with Material's checkbox markup made valid."""
    html = html.replace(_SEARCH, "").replace(_DRAWER, _DRAWER.replace(' autocomplete="off"', ""))
    if 'id="__toc"' not in html:
        html = html.replace(' for="__toc"', "")
    return html
