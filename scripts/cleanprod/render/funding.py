"""The funding rules rendered for a page: the rules table, a measure's summary,
worked examples, the eligibility checker and the subsidy calculator.

Every share and cap shown comes from docs/data/funding-rules.yml. The checker
and the calculator are forms that eligibility.js brings to life; they are
hidden until it runs, so a reader without JavaScript sees the conditions, the
rules table and the worked examples, all rendered here.
"""

from __future__ import annotations

import json
from decimal import Decimal
from html import escape

from cleanprod import funding
from cleanprod.chinese import in_language
from cleanprod.datasets import Dataset
from cleanprod.funding import Measure, Phase
from cleanprod.search_index import ANSWERING

Labels = dict[str, str]


def money(amount: Decimal | int) -> str:
    """15000 → '15,000'; 20000.5 → '20,000.50': whole dollars without cents."""
    amount = Decimal(amount)
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def fill(template: str, **values: object) -> str:
    """A label with its {placeholders} filled in."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def cap_text(measure: Measure, labels: Labels) -> str:
    if measure.funding != "share-of-cost":
        return labels["funding.cap.none"]
    return fill(labels[f"funding.cap.{measure.cap_basis}"], cap=money(measure.cap_hkd))


def funding_text(measure: Measure, labels: Labels) -> str:
    if measure.funding != "share-of-cost":
        return labels["funding.free"]
    return fill(labels["funding.share"], share=measure.share_percent)


def summary(measure: Measure, labels: Labels) -> str:
    """One sentence: what the government pays for this measure, up to what."""
    if measure.funding != "share-of-cost":
        return escape(labels["funding.summary.free"])
    return escape(fill(labels["funding.summary"], share=funding_text(measure, labels), cap=cap_text(measure, labels)))


def rules_table(phase: Phase, lang: str, labels: Labels, funding_page: str) -> str:
    """Each measure of a phase: what it pays for, the government's share, the cap."""
    head = "".join(
        f'<th scope="col">{escape(labels[k])}</th>'
        for k in ("funding.col.measure", "funding.col.pays_for", "funding.col.funding", "funding.col.cap")
    )
    rows = "".join(
        f'<tr><th scope="row"><a href="{escape(funding_page)}#{m.measure}">{escape(in_language(m.name, lang))}</a></th>'
        + _cell(labels["funding.col.pays_for"], in_language(m.pays_for, lang))
        + _cell(labels["funding.col.funding"], funding_text(m, labels))
        + _cell(labels["funding.col.cap"], cap_text(m, labels))
        + "</tr>"
        for m in phase.measures
    )
    caption = f'{escape(in_language(phase.name, lang))}<span class="data-caption-source">{escape(in_language(phase.source, lang))}</span>'
    return f'<div class="data-table stacked-table"><table class="funding-rules"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _cell(column: str, value: str, css_class: str = "") -> str:
    """A table cell that names its column, for the stacked layout on phones."""
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f'<td data-label="{escape(column)}"{class_attribute}>{escape(value)}</td>'


def explanation(measure: Measure, result: funding.Subsidy, labels: Labels) -> str:
    """The rule that produced a subsidy, in words: '50% of HK$40,000 is …'."""
    sentence = fill(
        labels["calc.over" if result.capped else "calc.within"],
        cost=money(result.cost),
        share=measure.share_percent,
        raw=money(result.share_of_cost),
        cap=cap_text(measure, labels),
        subsidy=money(result.subsidy),
    )
    return sentence


def example_costs(measure: Measure) -> tuple[int, int]:
    """Two costs for worked examples: one where the cap does not bind, one where it does."""
    reaches_cap = Decimal(measure.cap_hkd) * 100 / measure.share_percent
    return _round_to_two_figures(reaches_cap * 2 / 3), _round_to_two_figures(reaches_cap * 4 / 3)


def _round_to_two_figures(amount: Decimal) -> int:
    digits = len(str(int(amount)))
    step = 10 ** max(digits - 2, 0)
    return int((amount / step).to_integral_value()) * step


def examples(phase: Phase, lang: str, labels: Labels) -> str:
    """A table of worked examples, two for each measure that pays a share of a cost."""
    head = "".join(
        f'<th scope="col">{escape(labels[k])}</th>'
        for k in ("funding.col.measure", "calc.examples.cost", "calc.subsidy", "calc.own_share", "calc.examples.how")
    )
    rows = []
    for measure in phase.measures:
        if measure.funding != "share-of-cost":
            continue
        for cost in example_costs(measure):
            result = funding.subsidy(measure, Decimal(cost))
            how = explanation(measure, result, labels)
            if measure.cap_basis == "average-per-project":
                how += " " + fill(labels["calc.average"], approved_by=in_language(phase.approved_by, lang))
            amounts = "".join(
                _cell(labels[key], fill(labels["calc.money"], amount=money(a)), "num")
                for key, a in zip(("calc.examples.cost", "calc.subsidy", "calc.own_share"), (result.cost, result.subsidy, result.own_share))
            )
            how_cell = _cell(labels["calc.examples.how"], how)
            rows.append(f'<tr><th scope="row">{escape(in_language(measure.name, lang))}</th>{amounts}{how_cell}</tr>')
    caption = escape(labels["calc.examples.caption"])
    return f'<div class="data-table stacked-table"><table class="funding-examples"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def conditions(phase: Phase, sectors: Dataset, lang: str, labels: Labels) -> str:
    """Who may apply for funding in a phase, as a list. The target sectors are
    named here, not only behind a link: a factory owner sees at once whether
    the factory's trade is one, and a search for a trade finds this page."""
    eligible = phase.eligible
    sector_names = "".join(f"<li>{escape(sectors.name_of(row, lang))}</li>" for row in sectors.row_by_key().values())
    items = [
        escape(fill(labels["funding.condition.ownership"], ownership=in_language(eligible["ownership"], lang))),
        escape(fill(labels["funding.condition.area"], area=in_language(eligible["area"], lang))),
        f'{escape(fill(labels["funding.condition.sectors"], count=len(sectors.rows)))}<ul {ANSWERING}>{sector_names}</ul>',
    ]
    approval = escape(fill(labels["funding.approval"], approved_by=in_language(phase.approved_by, lang)))
    return (
        f'<p>{escape(labels["funding.conditions"])}</p><ul class="funding-conditions">'
        + "".join(f"<li>{item}</li>" for item in items)
        + f"</ul><p>{approval}</p>"
    )


def _question(name: str, legend: str, labels: Labels) -> str:
    options = "".join(
        f'<label class="choice"><input type="radio" name="{name}" value="{value}"> {escape(labels["elig." + value])}</label>'
        for value in ("yes", "no", "unsure")
    )
    return (
        f'<fieldset class="question" id="q-{name}" aria-describedby="q-{name}-error"><legend>{escape(legend)}</legend>'
        f'<p class="field-error" id="q-{name}-error" hidden></p>{options}</fieldset>'
    )


def checker(phase: Phase, sectors: Dataset, lang: str, labels: Labels) -> str:
    """The eligibility questions: the phase's conditions, then each measure's own."""
    eligible = phase.eligible
    sector_options = "".join(
        f'<option value="{escape(code)}">{escape(sectors.name_of(row, lang))}</option>'
        for code, row in sectors.row_by_key().items()
    )
    questions = [
        _question("ownership", fill(labels["elig.q.ownership"], ownership=in_language(eligible["ownership"], lang)), labels),
        _question("area", fill(labels["elig.q.area"], area=in_language(eligible["area"], lang)), labels),
        '<div class="question" id="q-sector">'
        f'<label for="q-sector-select">{escape(labels["elig.q.sector"])}</label>'
        '<p class="field-error" id="q-sector-error" hidden></p>'
        f'<select id="q-sector-select" name="sector" aria-describedby="q-sector-error"><option value="">{escape(labels["elig.sector.choose"])}</option>'
        f'{sector_options}<option value="other">{escape(labels["elig.sector.other"])}</option></select></div>',
    ]
    for requirement in dict.fromkeys(m.requires for m in phase.measures if m.requires):
        questions.append(_question(requirement, labels[f"elig.q.{requirement}"], labels))
    return (
        '<form class="checker" data-checker hidden novalidate>'
        + "".join(questions)
        + f'<button type="submit" class="md-button md-button--primary">{escape(labels["elig.button"])}</button></form>'
        + '<div class="tool-result" role="status" aria-live="polite" data-checker-result></div>'
    )


def calculator(phase: Phase, lang: str, labels: Labels) -> str:
    """The subsidy calculator's form: a measure and a cost."""
    options = "".join(
        f'<option value="{m.measure}">{escape(in_language(m.name, lang))}</option>'
        for m in phase.measures
        if m.funding == "share-of-cost"
    )
    return (
        '<form class="calculator" data-calculator hidden novalidate>'
        f'<div class="question"><label for="calc-measure">{escape(labels["calc.measure"])}</label>'
        f'<select id="calc-measure" name="measure">{options}</select></div>'
        f'<div class="question"><label for="calc-cost">{escape(labels["calc.cost"])}</label>'
        f'<p class="hint" id="calc-cost-hint">{escape(labels["calc.cost.hint"])}</p>'
        '<p class="field-error" id="calc-cost-error" hidden></p>'
        '<input id="calc-cost" name="cost" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
        'aria-describedby="calc-cost-hint calc-cost-error"></div>'
        f'<button type="submit" class="md-button md-button--primary">{escape(labels["calc.button"])}</button></form>'
        '<div class="tool-result" role="status" aria-live="polite" data-calculator-result></div>'
    )


def script_data(phase: Phase, sectors: Dataset, lang: str, labels: Labels) -> str:
    """The rules and labels eligibility.js needs, as JSON in the page."""
    data = {
        "sectorCount": len(sectors.rows),
        "largest": int(funding.LARGEST_COST),
        "approvedBy": in_language(phase.approved_by, lang),
        "ownership": in_language(phase.eligible["ownership"], lang),
        "area": in_language(phase.eligible["area"], lang),
        "measures": [
            {
                "measure": m.measure,
                "name": in_language(m.name, lang),
                "funding": m.funding,
                "share": m.share_percent,
                "cap": m.cap_hkd,
                "capBasis": m.cap_basis,
                "capText": cap_text(m, labels),
                "fundingText": funding_text(m, labels),
                "requires": m.requires,
            }
            for m in phase.measures
        ],
        "labels": {k: v for k, v in labels.items() if k.split(".")[0] in ("calc", "elig", "funding")},
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="funding-data">{text}</script>'
