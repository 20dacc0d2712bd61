"""The funding rules rendered for a page: the phase in force and its sources,
the rules table, a measure's summary, worked examples, the history of the
phases (a table and a chart), the eligibility checker and the subsidy
calculator.

Every share, cap, date and source shown comes from docs/data/funding-rules.yml.
The checker and the calculator are forms that eligibility.js brings to life;
they are hidden until it runs, so a reader without JavaScript sees who may
apply, the rules table and the worked examples, all rendered here.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from html import escape

from cleanprod import languages
from cleanprod.content import funding
from cleanprod.content.chinese import in_language
from cleanprod.content.datasets import Dataset
from cleanprod.content.funding import Measure, Phase, Rules, Source
from cleanprod.render.chart import figure, svg_bars
from cleanprod.render.markup import ANSWERING, fill, money, unsearched
from cleanprod.render.table import scrolling

Labels = dict[str, str]
CONNECTIONS = ("joint-venture", "wholly-owned", "processing", "shareholder")  # the four kinds of Guangdong factory
REQUIREMENT_QUESTIONS = ("share-results", "completed-improvement-project", "new-technology")


def phase_title(phase: Phase, lang: str, labels: Labels) -> str:
    """'Phase 5 (2025 to 2027)'."""
    return fill(labels["funding.phase.title"], name=in_language(phase.name, lang), dates=in_language(phase.dates, lang))


def cap_text(measure: Measure, labels: Labels) -> str:
    if measure.funding == "not-published":
        return labels["funding.not-published"]
    if measure.funding == "generally-free":
        return labels["funding.cap.none"]
    if measure.cap_hkd is None:
        return labels["funding.cap.not-stated"]
    text = fill(labels[f"funding.cap.{measure.cap_basis or 'plain'}"], cap=money(measure.cap_hkd))
    if measure.higher_cap_hkd:
        text += fill(labels["funding.cap.higher"], cap=money(measure.higher_cap_hkd))
    return text


def funding_text(measure: Measure, lang: str, labels: Labels) -> str:
    """The government's share, as the source gives it, and the time allowed."""
    if measure.funding == "generally-free":
        return labels["funding.free"]
    if measure.funding == "not-published":
        return labels["funding.not-published"]
    if measure.funding == "cap-only":
        text = labels["funding.share.not-stated"]
    elif measure.share_of:
        text = fill(labels["funding.share.of"], share=measure.share_percent, of=in_language(measure.share_of, lang))
    else:
        text = fill(labels["funding.share.up-to" if measure.share_up_to else "funding.share"], share=measure.share_percent)
    if measure.within_months:
        text += fill(labels["funding.within"], months=measure.within_months)
    return text


def summary(measure: Measure, lang: str, labels: Labels, past: bool = False) -> str:
    """One sentence: what the government pays for this measure, up to what;
    in the past tense for a phase that has ended."""
    tense = ".past" if past else ""
    if measure.funding == "generally-free":
        return escape(labels["funding.summary.free" + tense])
    if measure.funding == "not-published":
        return escape(labels["funding.summary.not-published"])
    return escape(fill(labels["funding.summary" + tense], share=funding_text(measure, lang, labels), cap=cap_text(measure, labels)))


def source_link(source: Source, lang: str, labels: Labels) -> str:
    """A source named as the rules ask: its title linked to its page, its publisher, and its date if it gives one."""
    title = escape(in_language(source.title, lang))
    if source.url:
        title = f'<a href="{escape(source.url)}">{title}</a>'
    publisher = escape(in_language(source.publisher, lang))
    if source.date:
        return fill(escape(labels["funding.source.item.dated"]), title=title, publisher=publisher, date=escape(languages.get(lang).date(date.fromisoformat(source.date))))
    return fill(escape(labels["funding.source.item"]), title=title, publisher=publisher)


def sources_note(phase: Phase, lang: str, labels: Labels) -> str:
    """Where the phase's dates, money and rules were published; 'as published
    on' the rules' page where that page is undated."""
    named = escape(labels["funding.source.separator"]).join(source_link(s, lang, labels) for s in phase.sources)
    text = escape(labels["funding.source.label"]) + named
    if phase.rules_source:
        text += " " + fill(escape(labels["funding.source.as-published"]), page=source_link(phase.rules_source, lang, labels))
    return text


def current(rules: Rules, lang: str, labels: Labels, apply_page: str) -> str:
    """The phase in force: its name, dates, money, and where its rules were published."""
    phase = rules.phase()
    money_text = in_language(phase.money, lang) if phase.money else labels["funding.money.not-published"]
    lead = fill(labels["funding.current"], phase=phase_title(phase, lang, labels), money=money_text)
    link = f'<a href="{escape(apply_page)}">{escape(labels["apply.link"])}</a>'
    return f'<p class="funding-current">{escape(lead)} {link}</p><p class="funding-sources">{sources_note(phase, lang, labels)}</p>'


def rules_table(phase: Phase, lang: str, labels: Labels) -> str:
    """Each measure of a phase: what it pays for, the government's share, the cap."""
    head = "".join(
        f'<th scope="col">{escape(labels[k])}</th>'
        for k in ("funding.col.measure", "funding.col.pays_for", "funding.col.funding", "funding.col.cap")
    )
    rows = "".join(
        f'<tr><th scope="row" id="rule-{escape(phase.phase)}-{escape(m.measure)}">{escape(in_language(m.name, lang))}</th>'
        + _cell(labels["funding.col.pays_for"], in_language(m.pays_for, lang) if m.pays_for else labels["funding.pays_for.not-stated"])
        + _cell(labels["funding.col.funding"], funding_text(m, lang, labels))
        + _cell(labels["funding.col.cap"], cap_text(m, labels))
        + "</tr>"
        for m in phase.measures
    )
    caption = f'{escape(phase_title(phase, lang, labels))}<span class="data-caption-source">{sources_note(phase, lang, labels)}</span>'
    return f'<div class="data-table stacked-table"><table class="funding-rules"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'


def _cell(column: str, value: str, css_class: str = "") -> str:
    """A table cell that names its column, for the stacked layout on phones."""
    class_attribute = f' class="{css_class}"' if css_class else ""
    return f'<td data-label="{escape(column)}"{class_attribute}>{escape(value)}</td>'


def history(rules: Rules, lang: str, labels: Labels) -> str:
    """Every phase's measures, shares and caps side by side, the earliest first,
    each phase with its dates, money and sources: the programme's history."""
    head = "".join(
        f'<th scope="col">{escape(labels[k])}</th>'
        for k in ("funding.col.phase", "funding.col.money", "funding.col.measure", "funding.col.funding", "funding.col.cap")
    )
    rows = []
    for phase in rules.phases:
        span = len(phase.measures)
        money_text = in_language(phase.money, lang) if phase.money else labels["funding.money.not-published"]
        for i, m in enumerate(phase.measures):
            lead = ""
            if i == 0:
                lead = (
                    f'<th scope="rowgroup" rowspan="{span}">{escape(phase_title(phase, lang, labels))}'
                    f'<span class="data-caption-source">{sources_note(phase, lang, labels)}</span></th>'
                    f'<td rowspan="{span}" data-label="{escape(labels["funding.col.money"])}">{escape(money_text)}</td>'
                )
            rows.append(
                f"<tr>{lead}"
                + _cell(labels["funding.col.measure"], in_language(m.name, lang))
                + _cell(labels["funding.col.funding"], funding_text(m, lang, labels))
                + _cell(labels["funding.col.cap"], cap_text(m, labels))
                + "</tr>"
            )
    caption = escape(labels["funding.history.caption"])
    table = scrolling(f'<table class="funding-history"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>', labels["funding.history.caption"], labels)
    return unsearched(table)


def largest_cap(phase: Phase) -> Measure | None:
    """The measure of a phase with the highest cap on one project or application."""
    capped = [m for m in phase.measures if m.cap_hkd is not None]
    return max(capped, key=lambda m: m.higher_cap_hkd or m.cap_hkd, default=None)


def caps_chart(rules: Rules, lang: str, labels: Labels, chart_id: str) -> str:
    """How the caps grew: each phase's highest cap, drawn with the site's bar charts."""
    points = [(p, m) for p in rules.phases if (m := largest_cap(p))]
    groups = [
        phase_title(p, lang, labels) + (labels["funding.chart.average"] if m.cap_basis == "average-per-project" else "")
        for p, m in points
    ]
    values = [m.higher_cap_hkd or m.cap_hkd for _, m in points]
    svg = svg_bars(labels["funding.chart.title"], labels["data.chart.desc"], groups, [labels["funding.chart.series"]], [values], lang, chart_id)
    head = f'<tr><th scope="col">{escape(labels["funding.col.phase"])}</th><th scope="col">{escape(labels["funding.col.measure"])}</th><th scope="col">{escape(labels["funding.chart.series"])}</th></tr>'
    body = "".join(
        f"<tr><th scope=\"row\">{escape(g)}</th><td>{escape(in_language(m.name, lang))}</td><td class=\"num\">{escape(fill(labels['calc.money'], amount=money(v)))}</td></tr>"
        for g, (_, m), v in zip(groups, points, values)
    )
    table = f"<table><thead>{head}</thead><tbody>{body}</tbody></table>"
    return unsearched(figure(svg, table, labels["funding.chart.caption"], labels))


def explanation(measure: Measure, result: funding.Subsidy, labels: Labels) -> str:
    """The rule that produced a subsidy, in words: '50% of HK$40,000 is …'."""
    values = dict(cost=money(result.cost), share=measure.share_percent, raw=money(result.share_of_cost), cap=cap_text(measure, labels), subsidy=money(result.subsidy))
    if measure.funding == "cap-only":
        key = "calc.cap-only.over" if result.capped else "calc.cap-only.within"
        values["cap"] = money(result.cap)
    elif measure.cap_basis == "average-per-project":
        key = "calc.average.sum"
    elif result.cap is None:
        key = "calc.no-cap"
    else:
        key = "calc.over" if result.capped else "calc.within"
        values["cap"] = fill(labels["calc.money"], amount=money(result.cap))
    return fill(labels[key], **values)


def example_costs(measure: Measure) -> tuple[int, int]:
    """Two costs for worked examples: one where the cap does not bind, one where it does."""
    reaches_cap = Decimal(measure.cap_hkd) * 100 / (measure.share_percent or 100)
    return _round_to_two_figures(reaches_cap * 2 / 3), _round_to_two_figures(reaches_cap * 4 / 3)


def _round_to_two_figures(amount: Decimal) -> int:
    digits = len(str(int(amount)))
    step = 10 ** max(digits - 2, 0)
    return int((amount / step).to_integral_value()) * step


def examples(phase: Phase, lang: str, labels: Labels) -> str:
    """A table of worked examples, two for each measure with a cap."""
    head = "".join(
        f'<th scope="col">{escape(labels[k])}</th>'
        for k in ("funding.col.measure", "calc.examples.cost", "calc.subsidy", "calc.own_share", "calc.examples.how")
    )
    rows = []
    for measure in phase.measures:
        if not measure.calculable or measure.cap_hkd is None:
            continue
        for cost in example_costs(measure):
            result = funding.subsidy(measure, Decimal(cost))
            how = explanation(measure, result, labels)
            if measure.cap_basis == "average-per-project":
                how += " " + fill(labels["calc.average"], cap=money(measure.cap_hkd), approved_by=in_language(phase.approved_by, lang))
            elif result.at_most:
                how += " " + labels["calc.at-most"]
            subsidy_label = "calc.subsidy.at-most" if result.at_most else "calc.subsidy"
            own_label = "calc.own_share.at-least" if result.at_most else "calc.own_share"
            amounts = (
                _cell(labels["calc.examples.cost"], fill(labels["calc.money"], amount=money(result.cost)), "num")
                + _cell(labels[subsidy_label], fill(labels["calc.money"], amount=money(result.subsidy)), "num")
                + _cell(labels[own_label], fill(labels["calc.money"], amount=money(result.own_share)), "num")
            )
            how_cell = _cell(labels["calc.examples.how"], how)
            rows.append(f'<tr><th scope="row">{escape(in_language(measure.name, lang))}</th>{amounts}{how_cell}</tr>')
    caption = escape(fill(labels["calc.examples.caption"], phase=phase_title(phase, lang, labels)))
    return f'<div class="data-table stacked-table"><table class="funding-examples"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def conditions(phase: Phase, sectors: Dataset, lang: str, labels: Labels, apply_page: str) -> str:
    """Who may apply in a phase, as its source sets it out, and what it does
    not confirm. The target sectors are named here, not only behind a link: a
    factory owner sees at once whether the factory's trade is one."""
    who = phase.who
    area = in_language(who["area"], lang) if "area" in who else ""
    items = []
    if who["business"] == "required":
        items.append(escape(labels["funding.who.business"]))
    guangdong = who["guangdong"]
    if guangdong == "four-connections":
        kinds = "".join(f"<li>{escape(labels['funding.who.connection.' + c])}</li>" for c in CONNECTIONS)
        items.append(f'{escape(fill(labels["funding.who.guangdong"], area=area))}<ul>{kinds}</ul>')
    elif guangdong == "hong-kong-owned":
        items.append(escape(fill(labels["funding.who.hong-kong-owned"], area=area)))
    elif area:
        items.append(escape(fill(labels["funding.who.connection.not-confirmed"], area=area)))
    else:
        items.append(escape(labels["funding.who.guangdong.not-confirmed"]))
    for kind in ("hong-kong-factory", "hong-kong-workshop"):
        status = who[kind]
        if status != "no":
            items.append(escape(labels[f"funding.who.{kind}.{status}"]))
    sector_names = "".join(f"<li>{escape(sectors.name_of(row, lang))}</li>" for row in sectors.row_by_key().values())
    items.append(f'{escape(fill(labels["funding.who.sectors." + who["sectors"]], count=len(sectors.rows), approved_by=in_language(phase.approved_by, lang)))}<ul {ANSWERING}>{sector_names}</ul>')
    approval = escape(fill(labels["funding.approval"], approved_by=in_language(phase.approved_by, lang)))
    link = f'<a href="{escape(apply_page)}">{escape(labels["apply.link"])}</a>'
    return (
        f'<p>{escape(fill(labels["funding.conditions"], phase=phase_title(phase, lang, labels)))}</p><ul class="funding-conditions">'
        + "".join(f"<li>{item}</li>" for item in items)
        + f"</ul><p>{approval} {link}</p>"
    )


def _radios(name: str, values: list[tuple[str, str]]) -> str:
    return "".join(
        f'<label class="choice"><input type="radio" name="{name}" value="{escape(value)}"> {escape(text)}</label>' for value, text in values
    )


def _question(name: str, legend: str, choices: str, asked_in: list[str], hint: str = "") -> str:
    """A fieldset of radio buttons; `asked_in`: the phases whose rules ask it."""
    hint_html = f'<p class="hint">{escape(hint)}</p>' if hint else ""
    return (
        f'<fieldset class="question" id="q-{name}" data-phases="{escape(" ".join(asked_in))}" aria-describedby="q-{name}-error"><legend>{escape(legend)}</legend>'
        f'{hint_html}<p class="field-error" id="q-{name}-error" hidden></p>{choices}</fieldset>'
    )


def _yes_no(labels: Labels) -> list[tuple[str, str]]:
    return [(v, labels["elig." + v]) for v in ("yes", "no", "unsure")]


def _phase_options(rules: Rules, lang: str, labels: Labels) -> str:
    """The phases, the one in force first and marked so, the earlier ones after it."""
    ordered = [rules.phase(), *reversed(rules.phases[:-1])]
    return "".join(
        f'<option value="{escape(p.phase)}">{escape(phase_title(p, lang, labels) + (labels["funding.phase.in-force"] if rules.is_current(p) else labels["funding.phase.ended"]))}</option>'
        for p in ordered
    )


def checker(rules: Rules, sectors: Dataset, places: dict, lang: str, labels: Labels) -> str:
    """The eligibility questions of every phase; eligibility.js shows the ones
    the chosen phase's rules ask, and answers from that phase's rules."""
    every = [p.phase for p in rules.phases]
    asks = {
        "business": [p.phase for p in rules.phases if p.who["business"] == "required"],
        "hk-technology": [p.phase for p in rules.phases if any(m.higher_cap_hkd for m in p.measures)],
        **{r: [p.phase for p in rules.phases if any(m.requires == r for m in p.measures)] for r in REQUIREMENT_QUESTIONS},
    }
    place_groups = "".join(
        f'<optgroup label="{escape(labels["elig.place." + area])}">'
        + "".join(f'<option value="{escape(area)}:{escape(c[languages.REFERENCE.label_column])}">{escape(in_language(c, lang))}</option>' for c in cities)
        + "</optgroup>"
        for area, cities in places.items()
    )
    sector_options = "".join(
        f'<option value="{escape(code)}">{escape(sectors.name_of(row, lang))}{escape(_trades(code, labels))}</option>'
        for code, row in sectors.row_by_key().items()
    )
    questions = [
        '<div class="question" id="q-phase"><label for="q-phase-select">' + escape(labels["elig.q.phase"]) + "</label>"
        f'<p class="hint" id="q-phase-hint">{escape(labels["elig.q.phase.hint"])}</p>'
        f'<select id="q-phase-select" name="phase" aria-describedby="q-phase-hint">{_phase_options(rules, lang, labels)}</select></div>',
        _question("business", labels["elig.q.business"], _radios("business", _yes_no(labels)), asks["business"]),
        '<div class="question" id="q-place" data-phases="' + " ".join(every) + '"><label for="q-place-select">' + escape(labels["elig.q.place"]) + "</label>"
        '<p class="field-error" id="q-place-error" hidden></p>'
        f'<select id="q-place-select" name="place" aria-describedby="q-place-error"><option value="">{escape(labels["elig.place.choose"])}</option>'
        f'{place_groups}<option value="hong-kong">{escape(labels["elig.place.hong-kong"])}</option>'
        f'<option value="elsewhere">{escape(labels["elig.place.elsewhere"])}</option></select></div>',
        _question("connection", labels["elig.q.connection"], _radios("connection", [(c, labels["elig.connection." + c]) for c in (*CONNECTIONS, "none", "unsure")]), every),
        _question("hk-kind", labels["elig.q.hk-kind"], _radios("hk-kind", [(c, labels["elig.hk-kind." + c]) for c in ("factory", "workshop", "none")]), every, labels["elig.q.hk-kind.hint"]),
        '<div class="question" id="q-sector" data-phases="' + " ".join(every) + '">'
        f'<label for="q-sector-select">{escape(labels["elig.q.sector"])}</label>'
        f'<p class="hint" id="q-sector-hint">{escape(labels["elig.q.sector.hint"])}</p>'
        '<p class="field-error" id="q-sector-error" hidden></p>'
        f'<select id="q-sector-select" name="sector" aria-describedby="q-sector-hint q-sector-error"><option value="">{escape(labels["elig.sector.choose"])}</option>'
        f'{sector_options}<option value="other">{escape(labels["elig.sector.other"])}</option></select></div>',
    ]
    for requirement in REQUIREMENT_QUESTIONS:
        if asks[requirement]:
            questions.append(_question(requirement, labels[f"elig.q.{requirement}"], _radios(requirement, _yes_no(labels)), asks[requirement]))
    if asks["hk-technology"]:
        questions.append(_question("hk-technology", labels["elig.q.hk-technology"], _radios("hk-technology", _yes_no(labels)), asks["hk-technology"]))
    return (
        '<form class="checker" data-checker hidden novalidate>'
        + "".join(questions)
        + f'<button type="submit" class="md-button md-button--primary">{escape(labels["elig.button"])}</button></form>'
        + '<div class="tool-result" role="status" aria-live="polite" data-checker-result></div>'
    )


def _trades(code: str, labels: Labels) -> str:
    """'（如：印染、織造）': the everyday trade names a factory owner knows a
    sector by (labels elig.trades.<sector>), if the labels give them."""
    trades = labels.get(f"elig.trades.{code}")
    return fill(labels["elig.sector.trades"], trades=trades) if trades else ""


def calculator(rules: Rules, lang: str, labels: Labels) -> str:
    """The subsidy calculator's form: a phase, a measure and a cost. The
    measures listed are the phase in force's; eligibility.js lists another
    phase's when it is chosen."""
    options = "".join(
        f'<option value="{escape(m.measure)}">{escape(in_language(m.name, lang))}</option>' for m in rules.phase().measures if m.calculable
    )
    return (
        '<form class="calculator" data-calculator hidden novalidate>'
        f'<div class="question"><label for="calc-phase">{escape(labels["calc.phase"])}</label>'
        f'<select id="calc-phase" name="phase">{_phase_options(rules, lang, labels)}</select></div>'
        f'<div class="question"><label for="calc-measure">{escape(labels["calc.measure"])}</label>'
        f'<select id="calc-measure" name="measure">{options}</select></div>'
        f'<div class="question" id="calc-higher-question"><label class="choice"><input type="checkbox" id="calc-higher" name="higher"> {escape(labels["calc.higher"])}</label></div>'
        f'<div class="question"><label for="calc-cost">{escape(labels["calc.cost"])}</label>'
        f'<p class="hint" id="calc-cost-hint">{escape(labels["calc.cost.hint"])}</p>'
        '<p class="field-error" id="calc-cost-error" hidden></p>'
        '<input id="calc-cost" name="cost" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
        'aria-describedby="calc-cost-hint calc-cost-error"></div>'
        f'<button type="submit" class="md-button md-button--primary">{escape(labels["calc.button"])}</button></form>'
        '<div class="tool-result" role="status" aria-live="polite" data-calculator-result></div>'
    )


def _measure_data(m: Measure, lang: str, labels: Labels) -> dict:
    return {
        "measure": m.measure,
        "name": in_language(m.name, lang),
        "funding": m.funding,
        "share": m.share_percent,
        "shareUpTo": m.share_up_to,
        "cap": m.cap_hkd,
        "higherCap": m.higher_cap_hkd,
        "capBasis": m.cap_basis,
        "capText": cap_text(m, labels),
        "fundingText": funding_text(m, lang, labels),
        "requires": m.requires,
        "forAssociations": m.for_associations,
    }


def script_data(rules: Rules, sectors: Dataset, lang: str, labels: Labels, apply_page: str) -> str:
    """The rules of every phase and the labels eligibility.js needs, as JSON in the page."""
    data = {
        "sectorCount": len(sectors.rows),
        "largest": int(funding.LARGEST_COST),
        "smallest": int(funding.SMALLEST_COST),
        "applyPage": apply_page,
        "phases": [
            {
                "phase": p.phase,
                "title": phase_title(p, lang, labels),
                "current": rules.is_current(p),
                "approvedBy": in_language(p.approved_by, lang),
                "area": in_language(p.who["area"], lang) if "area" in p.who else "",
                "areaCode": p.who.get("area_code", ""),
                "who": {k: v for k, v in p.who.items() if k not in ("area", "area_code")},
                "measures": [_measure_data(m, lang, labels) for m in p.measures],
            }
            for p in rules.phases
        ],
        "labels": {k: v for k, v in labels.items() if k.split(".")[0] in ("calc", "elig", "funding", "apply", "contact")},
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" id="funding-data">{text}</script>'
