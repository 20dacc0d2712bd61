"""Small pieces of markup every renderer may use: a label with its values
filled in, an amount of money, a block search leaves out, the attributes
that weigh words for search, an example's note and a record's source line.

They live here, in the renderers' own module, so that a renderer imports
nothing from the search index or from another renderer for them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from html import escape

Labels = dict[str, str]

PASSING_WEIGHT = 0.5  # for words that mention a topic in passing: news, events, lists of them, the open data catalogue
PASSING = f'data-pagefind-weight="{PASSING_WEIGHT}"'  # the attribute, for a list of other pages inside a page
# The names of the target sectors where a page says which sectors may apply
# (the about, funding and eligibility pages): a reader who types a trade
# ("textiles", 紡織) asks whether it can apply, and these pages answer, where
# an example event or case that names the trade in its title does not.
# Above the title of a news item or an event (search_index.TITLE_WEIGHT).
ANSWER_WEIGHT = 10.0
ANSWERING = f'data-pagefind-weight="{ANSWER_WEIGHT}"'  # the attribute, for a list of names
UNSEARCHED = "data-pagefind-ignore"  # the attribute of an element the search index leaves out


_PLACEHOLDER = re.compile(r"\{([\w.-]+)\}")


def fill(template: str, **values: object) -> str:
    """A label with its {placeholders} filled in, in one pass: a value that
    holds a placeholder's name (a source's title with "{date}" in it) is
    written as it is, never filled in again. A placeholder given no value
    is left as written."""
    return _PLACEHOLDER.sub(lambda found: str(values.get(found[1], found[0])), template)


def money(amount: Decimal | int) -> str:
    """15000 → '15,000'; 20000.5 → '20,000.50': whole dollars without cents."""
    amount = Decimal(amount)
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def unsearched(html: str, tag: str = "div", attributes: str = "") -> str:
    """`html` in an element (`tag`, with `attributes`) that the search index
    leaves out: words a page repeats (a table's history, phase by phase)
    would push it below others for those words, as the index weighs a word
    against the page's length, and a line about the layout is not content."""
    return f"<{tag}{attributes} {UNSEARCHED}>{html}</{tag}>"


def example_note(text: str, labels: Labels) -> str:
    """The note that marks an event, case or news item as an example."""
    return f'<p class="example-note"><strong class="example-badge">{escape(labels["example.badge"])}</strong> {escape(text)}</p>'


def source_line(title: str | None, url: str | None, labels: Labels) -> str:
    """'Source: <the page that announces it>', linked; nothing for an example."""
    if not (title and url):
        return ""
    return f'<p class="record-source">{escape(labels["record.source"])}<a href="{escape(url)}">{escape(title)}</a></p>'
