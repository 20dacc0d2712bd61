"""A data directive (see directives.py) rendered for one page in one language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from cleanprod.datasets import Dataset
from cleanprod.directives import CATALOGUE, Directive
from cleanprod.render.catalogue import catalogue
from cleanprod.render.chart import bar_chart
from cleanprod.render.numbers import format_number
from cleanprod.render.table import pivot_table, plain_table


@dataclass
class PageData:
    """What a page's directives are rendered with."""

    datasets: dict[str, Dataset]
    lang: str
    labels: dict[str, str]
    data_prefix: str  # link from this page to the data folder, e.g. '../data/'
    file_facts: dict[str, tuple[int, date, str]]  # file → (bytes, last update, as text)
    charts: int = 0

    def render(self, d: Directive) -> str:
        if d.file == CATALOGUE:
            ordered = [(self.datasets[n], *self.file_facts[n]) for n in sorted(self.datasets)]
            return catalogue(ordered, self.lang, self.labels, self.data_prefix)
        dataset = self.datasets[d.file]
        if d.view == "table":
            table = pivot_table if "x-pivot" in dataset.schema else plain_table
            return table(dataset, self.lang, self.labels) + self._download(dataset)
        if d.view == "chart":
            self.charts += 1
            return bar_chart(dataset, self.lang, self.labels, f"chart-{self.charts}")
        if d.view == "total":
            return format_number(dataset.total(d.where), self.lang)
        [row] = dataset.rows_where(d.where)  # directives.check made sure exactly one matches
        value = row[d.view]
        return format_number(value, self.lang) if isinstance(value, int) else escape(dataset.label(d.view, value, self.lang))

    def _download(self, dataset: Dataset) -> str:
        link = escape(self.data_prefix + dataset.name)
        return (
            f'<p class="data-source"><a href="{link}" download>{escape(self.labels["data.download"])} ({escape(dataset.name)})</a></p>'
        )
