"""Bar charts drawn at build time as inline SVG: no script, no library, readable
with JavaScript off, labelled in the page's language, with the numbers written
on the bars (colour is never the only cue) and the data table beside it."""

from __future__ import annotations

from datetime import date
from html import escape

from cleanprod import languages
from cleanprod.content.chinese import in_language
from cleanprod.content.datasets import Dataset
from cleanprod.render.table import ordered, pivot_table, plain_table

COLOURS = ("#00695c", "#b34700", "#3949ab", "#6a1b9a", "#37474f")  # each ≥ 4.5:1 on white
# The drawing's width, in its own units. Its text is drawn at 12 to 22 units
# (site.css), larger as the chart is drawn smaller, so that it stays readable
# on a phone; the spaces below are made for the largest size.
WIDTH = 640
LINE = 30  # a line of text: a legend key, a group's name
BAR, BAR_GAP, GROUP_GAP = 22, 4, 18
VALUE_ROOM = 130  # right of the longest bar, for its number
KEY = 14  # a legend key's square
TOP = 10  # room above the first line, whose Chinese line box rises above its text


def bar_chart(dataset: Dataset, lang: str, labels: dict[str, str], chart_id: str) -> str:
    """Grouped bars: one group per pivot column (e.g. year), one bar per pivot row (e.g. measure)."""
    rows_field = dataset.schema["x-pivot"]["rows"]
    cols_field = dataset.schema["x-pivot"]["columns"]
    series = ordered(dataset, rows_field)
    groups = ordered(dataset, cols_field)
    values = [[dataset.total({rows_field: s, cols_field: g}) for g in groups] for s in series]
    svg = svg_bars(
        dataset.title(lang),
        labels["data.chart.desc"],
        [dataset.label(cols_field, g, lang) for g in groups],
        [dataset.label(rows_field, s, lang) for s in series],
        values,
        lang,
        chart_id,
    )
    return figure(svg, pivot_table(dataset, lang, labels, caption=False), dataset.source(lang), labels)


def stated_chart(dataset: Dataset, lang: str, labels: dict[str, str], chart_id: str) -> str:
    """One bar for each figure a source states (x-chart: the rows grouped by
    `groups`, those matching `where`), each labelled as the source states it:
    'over 2,800' is drawn to 2,800 and says 'over', so that the chart never
    shows an exact count the sources do not give. The title says so too."""
    spec = dataset.schema["x-chart"]
    value = dataset.schema["x-value"]
    rows = dataset.rows_where(spec.get("where", {}))
    names = [languages.get(lang).date(row[spec["groups"]]) if isinstance(row[spec["groups"]], date) else dataset.label(spec["groups"], row[spec["groups"]], lang) for row in rows]
    texts = [dataset.value_text(value, row, lang) for row in rows]
    title = in_language(spec["x-title"], lang)
    svg = svg_bars(title, labels["data.chart.desc"], names, [title], [[row[value] for row in rows]], lang, chart_id, texts=[texts])
    table = plain_table(Dataset(dataset.path, dataset.schema, tuple(rows), ()), lang, labels, caption=False)
    return figure(svg, table, dataset.source(lang), labels, title)


def figure(svg: str, table: str, caption: str, labels: dict[str, str], title: str = "") -> str:
    """A chart with its numbers as a table for screen readers and print, and
    its source; `title`, where given, is shown above the chart."""
    heading = f'<p class="data-figure-title"><strong>{escape(title)}</strong></p>' if title else ""
    return (
        f'<figure class="data-figure">{heading}{svg}'
        f'<details class="data-chart-table"><summary>{escape(labels["data.chart.table"])}</summary>{table}</details>'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def svg_bars(title: str, desc: str, groups: list[str], series: list[str], values: list[list[int]], lang: str, chart_id: str, keys: list[str] | None = None, texts: list[list[str]] | None = None) -> str:
    """Bars for values[series][group], drawn across: each group's name on a
    line of its own, its bars under it, each with its number at its end. A
    name of any length, and any number of groups, fits a phone's width, as
    names under upright bars did not. A legend names the series, if more than one.

    With `keys`, each group is drawn as an element of its own, named by its
    key, and the chart says how its groups are laid out, so that a page's
    filters can draw it again for what they show (cases.js): bars rescaled,
    groups left out.

    `texts`, where given, are the words written at the bars' ends instead of
    their numbers ('over 2,800')."""
    most = max((v for row in values for v in row), default=0) or 1
    longest = WIDTH - VALUE_ROOM
    parts = []
    y = 0.0
    if len(series) > 1:  # legend, one key to a line
        for si, label in enumerate(series):
            parts.append(f'<rect x="0" y="{y + (LINE - KEY) / 2:.1f}" width="{KEY}" height="{KEY}" fill="{COLOURS[si % len(COLOURS)]}"/>')
            parts.append(f'<text x="{KEY + 8}" y="{y + LINE * 0.7:.1f}" class="legend">{escape(label)}</text>')
            y += LINE
        y += GROUP_GAP
    for gi, group in enumerate(groups):
        if keys:
            parts.append(f'<g data-key="{escape(keys[gi])}">')
        parts.append(f'<text x="0" y="{y + LINE * 0.7:.1f}" class="axis">{escape(group)}</text>')
        y += LINE
        for si in range(len(series)):
            value = values[si][gi]
            length = value / most * longest
            parts.append(f'<rect x="0" y="{y:.1f}" width="{length:.1f}" height="{BAR}" fill="{COLOURS[si % len(COLOURS)]}"/>')
            parts.append(f'<text x="{length + 6:.1f}" y="{y + BAR * 0.8:.1f}" class="value">{escape(texts[si][gi]) if texts else languages.get(lang).figure(value)}</text>')
            y += BAR + BAR_GAP
        y += GROUP_GAP
        if keys:
            parts.append("</g>")
    height = round(y - GROUP_GAP)
    layout = f' data-bar-room="{longest}" data-group-height="{LINE + len(series) * (BAR + BAR_GAP) + GROUP_GAP}" data-group-gap="{GROUP_GAP}"' if keys else ""
    return (
        f'<svg class="data-chart" viewBox="0 -{TOP} {WIDTH} {height + TOP}"{layout} role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(desc)}</desc>'
        + "".join(parts)
        + "</svg>"
    )
