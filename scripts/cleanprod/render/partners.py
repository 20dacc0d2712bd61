"""The partner awardee directory: counts by year and class, a search box and
filters for directory.js, and the complete list, usable without JavaScript.

Each row carries its names in zh-Hant, zh-Hans (converted here) and English,
lower-cased, so that a query in either Chinese script or in English finds it.
Every value is escaped: a name is shown as text, never run.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from cleanprod import languages
from cleanprod.content.chinese import converter_for, to_simplified
from cleanprod.content.datasets import Dataset
from cleanprod.render.forms import filter_select
from cleanprod.render.markup import fill
from cleanprod.render.table import scrolling

Labels = dict[str, str]


def counts(partners: Dataset, lang: str, labels: Labels) -> str:
    """How many names the directory lists, by year (rows) and class (columns)."""
    classes = partners.field("class")["constraints"]["enum"]
    counted = Counter((row["year"], row["class"]) for row in partners.rows)
    years = sorted({year for year, _ in counted}, reverse=True)
    head = "".join(f'<th scope="col" class="num">{escape(partners.label("class", c, lang))}</th>' for c in classes)
    body = ""
    for year in years:
        cells = "".join(f'<td class="num">{languages.get(lang).figure(counted[year, c])}</td>' for c in classes)
        body += f'<tr><th scope="row">{year}</th>{cells}</tr>'
    return scrolling(  # a column per class: wider than a phone in English
        f'<table class="partner-counts"><caption>{escape(labels["partners.counts.examples" if any(row["example"] for row in partners.rows) else "partners.counts"])}</caption>'
        f'<thead><tr><th scope="col">{escape(labels["partners.year"])}</th>{head}</tr></thead><tbody>{body}</tbody></table>',
        labels["partners.counts"],
        labels,
    )


def directory(partners: Dataset, sectors: Dataset, lang: str, labels: Labels) -> str:
    sector_rows = sectors.row_by_key()
    rows = []
    chinese, other = languages.DEFAULT, languages.REFERENCE  # the directory's two name columns
    shown_lang = languages.shown_in(chinese.code, lang)
    for row in sorted(partners.rows, key=lambda r: (-r["year"], r["class"], r[f"name_{other.label_column}"].lower())):
        zh, named = row[f"name_{chinese.label_column}"], row[f"name_{other.label_column}"]
        search = f"{zh} {to_simplified(zh)} {named}".lower()
        sector = sectors.name_of(sector_rows[row["sector"]], lang) if row["sector"] else ""
        badge = f' <strong class="example-badge">{escape(labels["example.partner"])}</strong>' if row["example"] else ""
        shown_zh = converter_for(lang)(zh)
        rows.append(
            f'<tr data-year="{row["year"]}" data-class="{escape(row["class"])}" data-search="{escape(search)}">'
            f'<td>{row["year"]}</td><td>{escape(partners.label("class", row["class"], lang))}</td>'
            f'<td lang="{shown_lang}">{escape(shown_zh)}{badge}</td><td lang="{other.code}">{escape(named)}</td><td>{escape(sector)}</td></tr>'
        )
    total = len(partners.rows)
    every = labels["events.filter.all"]
    years = [(str(y), str(y)) for y in sorted({r["year"] for r in partners.rows}, reverse=True)]
    classes = [(c, partners.label("class", c, lang)) for c in partners.field("class")["constraints"]["enum"]]
    form = (
        f'<form class="event-filters" data-directory-filters hidden role="search" data-more="{escape(labels["partners.more"])}">'
        f'<div class="question"><label for="partner-search">{escape(labels["partners.search"])}</label>'
        '<input id="partner-search" type="search" name="q" autocomplete="off" spellcheck="false"></div>'
        + filter_select("partner-year", "year", labels["partners.year"], every, years)
        + filter_select("partner-class", "class", labels["partners.class"], every, classes)
        + f'<p class="event-count" role="status" aria-live="polite" data-directory-count data-template="{escape(labels["partners.shown"])}" '
        f'data-none="{escape(labels["partners.none"])}" data-total="{total}">{escape(fill(labels["partners.shown"], shown=total, total=total))}</p></form>'
    )
    head = "".join(
        f'<th scope="col">{escape(labels[k])}</th>'
        for k in ("partners.year", "partners.class", "partners.name-zh", "partners.name-en", "partners.sector")
    )
    table = (
        f'<div class="data-table partner-directory"><table class="partner-list"><caption>{escape(labels["partners.list"])}</caption>'
        f'<thead><tr>{head}</tr></thead><tbody data-directory>{"".join(rows)}</tbody></table></div>'
    )
    return counts(partners, lang, labels) + form + table
