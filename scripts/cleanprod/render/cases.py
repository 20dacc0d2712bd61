"""Case studies rendered for a page: the results panel of a case page, and the
outcomes index with its filters, totals and a chart by sector."""

from __future__ import annotations

from html import escape

from cleanprod import languages
from cleanprod.content.cases import Case, Cases
from cleanprod.content.datasets import Dataset
from cleanprod.render.chart import figure, svg_bars
from cleanprod.render.forms import filter_select
from cleanprod.render.markup import PASSING, example_note, fill, money

Labels = dict[str, str]
CHART_RESULT = "electricity_kwh"  # the result the index charts by sector


def _amount(value: int, field: str, cases: Cases, lang: str, labels: Labels) -> str:
    if field.endswith("_hkd"):
        return fill(labels["calc.money"], amount=money(value))
    return f"{languages.get(lang).figure(value)} {cases.result_label(field, lang, 'x-unit')}"


def payback_text(case: Case, labels: Labels) -> str:
    years = case.payback_years
    if years is None:
        return labels["cases.payback.none"]
    return fill(labels["cases.payback.years"], years=f"{years:.1f}")


def headline(case: Case, cases: Cases, labels: Labels) -> str:
    """The case's first result, in the schema's order: '350,000 kWh electricity saved a year'."""
    field = next((f for f in cases.result_fields() if case.results.get(f)), None) or next(iter(case.results))
    return fill(labels["cases.headline"], result=cases.result_label(field, case.lang), amount=_amount(case.results[field], field, cases, case.lang, labels))


def panel(case: Case, cases: Cases, sectors: Dataset, labels: Labels) -> str:
    """The project's facts and measured results, from its front matter."""
    lang = case.lang
    facts = [
        ("cases.sector", sectors.name_of(sectors.row_by_key()[case.sector], lang)),
        ("cases.technology", cases.label("technology", case.technology, lang)),
        ("cases.year", str(case.year)),
        ("cases.city", cases.label("city", case.city, lang)),
        ("cases.investment", fill(labels["calc.money"], amount=money(case.investment_hkd))),
        ("cases.subsidy", fill(labels["calc.money"], amount=money(case.subsidy_hkd))),
        ("cases.payback", payback_text(case, labels)),
    ]
    details = "".join(f"<dt>{escape(labels[k])}</dt><dd>{escape(v)}</dd>" for k, v in facts)
    results = "".join(
        f'<tr><th scope="row">{escape(cases.result_label(f, lang))}</th><td class="num">{escape(_amount(case.results[f], f, cases, lang, labels))}</td></tr>'
        for f in cases.result_fields()
        if f in case.results
    )
    note = example_note(labels["example.case"], labels) if case.example else ""
    return (
        f'{note}<section class="case-panel" aria-label="{escape(labels["cases.details"])}"><dl>{details}</dl>'
        f'<div class="data-table"><table><caption>{escape(labels["cases.results"])}</caption>'
        f'<thead><tr><th scope="col">{escape(labels["cases.result"])}</th><th scope="col" class="num">{escape(labels["cases.per-year"])}</th></tr></thead>'
        f"<tbody>{results}</tbody></table></div>"
        f'<p class="case-payback-note">{escape(labels["cases.payback.how"])}</p></section>'
    )


def index(lang: str, cases: Cases, sectors: Dataset, labels: Labels, home: str) -> str:
    """Every case as a row with its headline result; filters; totals; a chart by sector."""
    chosen = cases.by_lang[lang]
    rows = []
    for case in chosen:
        badge = f' <strong class="example-badge">{escape(labels["example.badge"])}</strong>' if case.example else ""
        data = " ".join(f'data-{f.replace("_", "-")}="{case.results[f]}"' for f in cases.result_fields() if f in case.results)
        rows.append(
            f'<li class="case-item" data-sector="{escape(case.sector)}" data-technology="{escape(case.technology)}" data-year="{case.year}" {data}>'
            f'<a href="{escape(home + case.url)}">{escape(case.title)}</a>{badge}<br>'
            f'<span class="case-facts">{escape(sectors.name_of(sectors.row_by_key()[case.sector], lang))} · '
            f'{escape(cases.label("technology", case.technology, lang))} · {case.year}</span><br>'
            f'<strong>{escape(headline(case, cases, labels))}</strong></li>'
        )
    return (
        _filters(lang, cases, sectors, labels)
        + _totals(chosen, cases, lang, labels)
        + f'<ul class="case-list" data-case-list {PASSING}>{"".join(rows)}</ul>'
        + _chart(chosen, cases, sectors, lang, labels)
    )


def _totals(chosen: list[Case], cases: Cases, lang: str, labels: Labels) -> str:
    """Each result added up over the cases shown (the script updates them as filters change)."""
    cells = []
    for field in cases.result_fields():
        if not any(field in c.results for c in chosen):
            continue
        total = sum(c.results.get(field, 0) for c in chosen)
        if field.endswith("_hkd"):
            before, _, after = labels["calc.money"].partition("{amount}")
        else:
            before, after = "", " " + cases.result_label(field, lang, "x-unit")
        cells.append(
            f'<tr><th scope="row">{escape(cases.result_label(field, lang))}</th>'
            f'<td class="num">{escape(before)}<span data-total="{escape(field.replace("_", "-"))}">{languages.get(lang).figure(total)}</span>{escape(after)}</td></tr>'
        )
    count = f'<p class="case-count" role="status" aria-live="polite" data-case-count data-template="{escape(labels["cases.shown"])}" data-none="{escape(labels["cases.none"])}">{escape(fill(labels["cases.shown"], shown=len(chosen), total=len(chosen)))}</p>'
    return (
        f'{count}<div class="data-table"><table class="case-totals"><caption>{escape(labels[_from_examples("cases.totals", chosen)])}</caption>'
        f'<thead><tr><th scope="col">{escape(labels["cases.result"])}</th><th scope="col" class="num">{escape(labels["cases.per-year"])}</th></tr></thead>'
        f'<tbody>{"".join(cells)}</tbody></table></div>'
    )


def _from_examples(label: str, chosen: list[Case]) -> str:
    """The label of a total or chart: one that says its figures are examples
    when any case it adds up is one, so that no reader takes them as real."""
    return f"{label}.examples" if any(c.example for c in chosen) else label


def _filters(lang: str, cases: Cases, sectors: Dataset, labels: Labels) -> str:
    chosen = cases.by_lang[lang]

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        return filter_select(f"filter-{name}", name, label, labels["events.filter.all"], options)

    sector_rows = sectors.row_by_key()
    present_sectors = [s for s in sector_rows if any(c.sector == s for c in chosen)]
    technologies = [t for t in cases.schema["properties"]["technology"]["enum"] if any(c.technology == t for c in chosen)]
    years = sorted({c.year for c in chosen}, reverse=True)
    return (
        '<form class="event-filters" data-case-filters hidden>'
        + select("sector", labels["events.filter.sector"], [(s, sectors.name_of(sector_rows[s], lang)) for s in present_sectors])
        + select("technology", labels["cases.technology"], [(t, cases.label("technology", t, lang)) for t in technologies])
        + select("year", labels["cases.year"], [(str(y), str(y)) for y in years])
        + "</form>"
    )


def _chart(chosen: list[Case], cases: Cases, sectors: Dataset, lang: str, labels: Labels) -> str:
    """Electricity saved a year, by sector, over all cases: drawn at build time."""
    rows = sectors.row_by_key()
    present = [s for s in rows if any(c.sector == s and CHART_RESULT in c.results for c in chosen)]
    if not present:
        return ""
    names = [sectors.name_of(rows[s], lang) for s in present]
    values = [sum(c.results.get(CHART_RESULT, 0) for c in chosen if c.sector == s) for s in present]
    result, unit = cases.result_label(CHART_RESULT, lang), cases.result_label(CHART_RESULT, lang, "x-unit")
    title = fill(labels[_from_examples("cases.chart", chosen)], result=result, unit=unit)
    svg = svg_bars(title, labels["data.chart.desc"], names, [result], [values], lang, "cases-chart", keys=present)
    body = "".join(
        f'<tr data-key="{escape(s)}"><th scope="row">{escape(n)}</th><td class="num">{languages.get(lang).figure(v)}</td></tr>' for s, n, v in zip(present, names, values)
    )
    table = (
        f'<div class="data-table"><table><thead><tr><th scope="col">{escape(labels["events.filter.sector"])}</th>'
        f'<th scope="col" class="num">{escape(unit)}</th></tr></thead><tbody>{body}</tbody></table></div>'
    )
    # cases.js draws the chart again for the cases shown, or shows this line instead when none of them has the result.
    none = f'<p class="case-chart-none" data-chart-none hidden>{escape(labels["cases.chart.none"])}</p>'
    chart = figure(svg, table, labels["cases.chart.source"], labels)
    chart = chart.replace("<figure ", f'<figure data-case-chart="{CHART_RESULT.replace("_", "-")}" ', 1)
    return f'<h2 id="by-sector">{escape(title)}</h2>' + none + chart
