"""Bar charts drawn at build time as inline SVG: no script, no library, readable
with JavaScript off, labelled in the page's language, with the numbers written
on the bars (colour is never the only cue) and the data table beside it."""

from __future__ import annotations

from html import escape

from cleanprod.datasets import Dataset
from cleanprod.render.numbers import format_number
from cleanprod.render.table import _ordered, pivot_table

COLOURS = ("#00695c", "#b34700", "#3949ab", "#6a1b9a", "#37474f")  # each ≥ 4.5:1 on white
WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 44, 36


def _axis_max(value: int) -> int:
    """The top of the value axis: the smallest 1, 2 or 5 × 10ⁿ at or above `value`."""
    return min(m * 10**e for e in range(12) for m in (1, 2, 5) if m * 10**e >= value)


def bar_chart(dataset: Dataset, lang: str, labels: dict[str, str], chart_id: str) -> str:
    """Grouped bars: one group per pivot column (e.g. year), one bar per pivot row (e.g. measure)."""
    rows_field = dataset.schema["x-pivot"]["rows"]
    cols_field = dataset.schema["x-pivot"]["columns"]
    series = _ordered(dataset, rows_field)
    groups = _ordered(dataset, cols_field)
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


def figure(svg: str, table: str, caption: str, labels: dict[str, str]) -> str:
    """A chart with its numbers as a table for screen readers and print, and its source."""
    return (
        f'<figure class="data-figure">{svg}'
        f'<details class="data-chart-table"><summary>{escape(labels["data.chart.table"])}</summary>{table}</details>'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def svg_bars(title: str, desc: str, groups: list[str], series: list[str], values: list[list[int]], lang: str, chart_id: str) -> str:
    """Bars for values[series][group], the groups along the bottom, a legend for the series."""
    top = _axis_max(max((v for row in values for v in row), default=0) or 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group_w = plot_w / max(len(groups), 1)
    bar_w = group_w * 0.8 / len(series)

    def y(value: float) -> float:
        return TOP + plot_h - value / top * plot_h

    parts = [
        f'<svg class="data-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for i in range(6):  # gridlines and the value axis
        value = top * i / 5
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" class="axis">{format_number(int(value), lang)}</text>')
    for gi, group in enumerate(groups):
        x0 = LEFT + gi * group_w + group_w * 0.1
        for si in range(len(series)):
            value = values[si][gi]
            x = x0 + si * bar_w
            parts.append(f'<rect x="{x:.1f}" y="{y(value):.1f}" width="{bar_w - 2:.1f}" height="{y(0) - y(value):.1f}" fill="{COLOURS[si % len(COLOURS)]}"/>')
            parts.append(f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{y(value) - 4:.1f}" text-anchor="middle" class="value">{format_number(value, lang)}</text>')
        parts.append(f'<text x="{LEFT + (gi + 0.5) * group_w:.1f}" y="{HEIGHT - 12}" text-anchor="middle" class="axis">{escape(group)}</text>')
    legend_x = LEFT
    for si, label in enumerate(series):  # legend along the top
        parts.append(f'<rect x="{legend_x}" y="10" width="12" height="12" fill="{COLOURS[si % len(COLOURS)]}"/>')
        parts.append(f'<text x="{legend_x + 16}" y="21" class="legend">{escape(label)}</text>')
        legend_x += 28 + len(label) * (14 if lang != "en" else 7)
    parts.append("</svg>")
    return "".join(parts)
