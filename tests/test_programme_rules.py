"""The programme as it stands: every phase's rules in docs/data/funding-rules.yml,
the sum they define checked against figures worked by hand and against its
own properties, the checks staff meet when they add a phase, the pages that
lead with the phase in force, the apply page, and the checker and calculator
answering for factories across phases."""

from __future__ import annotations

import dataclasses
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleanprod.content import funding
from cleanprod.content.datasets import Dataset
from cleanprod.content.funding import Measure, Phase, Source
from cleanprod.content.labels import load as load_labels
from cleanprod.paths import DATA_FILES, LABELS_FILE
from cleanprod.render import funding as render
from cleanprod.render.funding import explanation
from cleanprod.render.markup import fill, money
from conftest import LANG_PREFIXES, read_html

RULES, _ = funding.load(DATA_FILES / funding.RULES_FILE)
LABELS, _ = load_labels(LABELS_FILE)
BY_NUMBER = {p.number: p for p in RULES.phases}
CALCULABLE = [(p, m) for p in RULES.phases for m in p.measures if m.calculable]


# ---- The rules file holds the phases as the sources give them ------------


def test_five_phases_with_their_dates_and_money() -> None:
    assert [(p.number, p.phase, p.last_month) for p in RULES.phases] == [
        (1, "2008-04", "2013-03"), (2, "2013-04", "2015-03"), (3, "2015-06", "2020-03"), (4, "2020", "2025-03"), (5, "2025", "2027"),
    ]
    assert BY_NUMBER[2].money is None, "no source gives phase 2's money: it stays out"
    assert "HK$100 million" in BY_NUMBER[5].money["en"] and "HK$311 million" in BY_NUMBER[4].money["en"]
    assert RULES.phase() is BY_NUMBER[5]


def test_each_phase_has_its_own_measures() -> None:
    caps = {p.number: {m.measure: (m.funding, m.share_percent, m.cap_hkd, m.cap_basis) for m in p.measures} for p in RULES.phases}
    assert caps[2] == {
        "assessment": ("share-of-cost", 50, 25000, "per-factory"),
        "demonstration": ("cap-only", None, 300000, "per-project"),
        "verification": ("cap-only", None, 20000, "per-project"),
    }
    assert caps[3] == {
        "assessment": ("share-of-cost", 50, 28000, "per-project"),
        "demonstration": ("share-of-cost", 50, 330000, "per-project"),
        "verification": ("not-published", None, None, None),
    }
    assert caps[4]["assessment"][:3] == ("share-of-cost", 50, 45000) and BY_NUMBER[4].measure("assessment").within_months == 3
    assert caps[4]["demonstration-wider"][:3] == ("share-of-cost", 50, 450000)
    assert caps[4]["demonstration-research"][:3] == ("share-of-cost", 50, 650000)
    support = BY_NUMBER[4].measure("organisation-support")
    assert (support.share_percent, support.share_up_to, support.cap_hkd, support.for_associations) == (90, True, None, True)
    [new] = BY_NUMBER[5].measures
    assert (new.measure, new.share_percent, new.share_up_to, new.cap_hkd, new.higher_cap_hkd) == ("new-technology", 50, True, 650000, 750000)


def test_who_may_apply_in_phase_5_is_only_what_the_source_confirms() -> None:
    who = BY_NUMBER[5].who
    assert (who["business"], who["guangdong"], who["sectors"]) == ("required", "four-connections", "priority")
    assert who["hong-kong-factory"] == who["hong-kong-workshop"] == "not-confirmed"
    assert BY_NUMBER[4].who["hong-kong-workshop"] == "demonstration-only" and BY_NUMBER[4].who["hong-kong-factory"] == "yes"
    assert BY_NUMBER[5].rules_source.code == "smelink-zh" and BY_NUMBER[5].rules_source.date is None


# ---- The sum, worked by hand at and around each boundary -----------------


@pytest.mark.parametrize(
    ("number", "measure", "cost", "higher", "paid", "own", "capped", "at_most"),
    [
        # phase 5: up to 50%, up to HK$650,000, or HK$750,000 for a Hong Kong technology
        (5, "new-technology", "1300000", False, "650000", "650000", False, True),  # exactly at the cap
        (5, "new-technology", "1299998", False, "649999", "649999", False, True),  # a dollar's share below
        (5, "new-technology", "1300002", False, "650000", "650002", True, True),  # a dollar's share above
        (5, "new-technology", "1500000", True, "750000", "750000", False, True),
        (5, "new-technology", "1500002", True, "750000", "750002", True, True),
        (5, "new-technology", "1500002", False, "650000", "850002", True, True),
        (5, "new-technology", "20001.01", False, "10000.51", "10000.50", False, True),  # half a cent rounds up
        # phase 4
        (4, "assessment", "90000", False, "45000", "45000", False, False),
        (4, "assessment", "90001", False, "45000", "45001", True, False),  # 45,000.50: over by half a dollar
        (4, "assessment", "89999.99", False, "45000.00", "44999.99", False, False),  # 44,999.995 rounds up to the cap
        (4, "demonstration-research", "1300001", False, "650000", "650001", True, False),
        (4, "organisation-support", "100000", False, "90000", "10000", False, True),  # up to 90%, no cap given
        (4, "organisation-support", "100.05", False, "90.05", "10.00", False, True),  # 90.045 rounds up
        # phase 3
        (3, "assessment", "56000", False, "28000", "28000", False, False),
        (3, "assessment", "55998", False, "27999", "27999", False, False),
        (3, "demonstration", "660002", False, "330000", "330002", True, False),
        # phase 2: caps without a share: at most the cost and at most the cap
        (2, "demonstration", "250000", False, "250000", "0", False, True),
        (2, "demonstration", "300001", False, "300000", "1", True, True),
        (2, "verification", "20000", False, "20000", "0", False, True),
        (2, "verification", "20000.01", False, "20000", "0.01", True, True),
        (2, "assessment", "50002", False, "25000", "25002", True, False),
        # phase 1: the demonstration cap is an average, which limits no single project
        (1, "demonstration", "1000000", False, "500000", "500000", False, True),
        (1, "assessment", "30000", False, "15000", "15000", False, False),
        (1, "assessment", "30001", False, "15000", "15001", True, False),
        (1, "verification", "15000.01", False, "15000", "0.01", True, False),
    ],
)
def test_subsidy_by_hand(number: int, measure: str, cost: str, higher: bool, paid: str, own: str, capped: bool, at_most: bool) -> None:
    result = funding.subsidy(BY_NUMBER[number].measure(measure), Decimal(cost), higher_cap=higher)
    assert (result.subsidy, result.own_share, result.capped, result.at_most) == (Decimal(paid), Decimal(own), capped, at_most)


@settings(max_examples=300, deadline=None)
@given(
    choice=st.sampled_from(CALCULABLE),
    cents=st.integers(min_value=int(funding.SMALLEST_COST) * 100, max_value=int(funding.LARGEST_COST) * 100),
    higher=st.booleans(),
)
def test_subsidy_never_exceeds_the_share_or_the_cap(choice, cents: int, higher: bool) -> None:
    phase, measure = choice
    cost = Decimal(cents) / 100
    result = funding.subsidy(measure, cost, higher_cap=higher)
    assert result.subsidy + result.own_share == cost
    assert Decimal(0) < result.subsidy <= result.share_of_cost <= cost
    assert result.share_of_cost - cost * (measure.share_percent or 100) / 100 <= Decimal("0.005")
    if measure.cap_hkd is not None and measure.cap_basis != "average-per-project":
        assert result.subsidy <= (measure.higher_cap_hkd if higher and measure.higher_cap_hkd else measure.cap_hkd)
        assert result.subsidy <= max(measure.cap_hkd, measure.higher_cap_hkd or 0)


# ---- The checks staff meet ------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    for name in (funding.RULES_FILE, "funding-rules.schema.json"):
        shutil.copy(DATA_FILES / name, tmp_path / name)
    return tmp_path / funding.RULES_FILE


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_phase_naming_a_missing_source_is_named(rules_copy: Path) -> None:
    _edit(rules_copy, "sources: [cpp-event-549]", "sources: [cpp-event-594]")
    rules, problems = funding.load(rules_copy)
    assert rules is None
    [problem] = problems
    assert problem.what == "phase 5 names the source 'cpp-event-594', which is not under 'sources'"
    assert problem.where == f"line {rules_copy.read_text(encoding='utf-8').splitlines().index('    sources: [cpp-event-594]') + 1}"
    assert "add it under 'sources' with its title, publisher and address" in problem.fix


def test_a_phase_without_sources_is_refused(rules_copy: Path) -> None:
    _edit(rules_copy, "    sources: [cpp-event-549]\n", "")
    _, problems = funding.load(rules_copy)
    assert [p.what for p in problems] == ["'sources' is missing"]


def test_overlapping_phases_are_named(rules_copy: Path) -> None:
    _edit(rules_copy, '  - phase: "2015-06"', '  - phase: "2015-02"')
    _, problems = funding.load(rules_copy)
    assert [p.what for p in problems] == ["phase 3 starts (2015-02) before phase 2 ends (2015-03): the phases overlap"]
    assert "phase 3 should start after 2015-03" in problems[0].fix


def test_a_next_phase_starting_in_the_year_the_last_ends_is_no_overlap(rules_copy: Path) -> None:
    """Phase 4 ended in March 2025 and phase 5's source gives only its year, 2025."""
    assert funding.overlaps("2025-03", "2025") is False
    assert funding.overlaps("2027", "2026") is True
    _edit(rules_copy, '    ends: "2025-03"', '    ends: "2026-03"')
    _, problems = funding.load(rules_copy)
    assert [p.what for p in problems] == ["phase 5 starts (2025) before phase 4 ends (2026-03): the phases overlap"]


def test_a_share_given_for_a_cap_only_measure_is_refused(rules_copy: Path) -> None:
    _edit(rules_copy, "        funding: cap-only       # the source gives the cap but not the share\n", "        funding: cap-only\n        share_percent: 50\n")
    _, problems = funding.load(rules_copy)
    assert len(problems) == 1 and "funding: cap-only' means the source gives the cap but not the share" in problems[0].fix


# ---- The renderers, on rules made for the test (render/funding.py) -----------
#
# Every text staff write holds markup, and each label the test does not give
# reads as its name in angle brackets, so that a text or label left unescaped
# shows. The Chinese texts are the English with 中 before them.


class _Labels(dict):
    """The labels given, and any other as `<its name>`."""

    def __missing__(self, key: str) -> str:
        return f"<{key}>"


def _t(en: str) -> dict[str, str]:
    return {"zh-Hant": "中" + en, "en": en}


L = _Labels({
    "funding.phase.title": "{name} ({dates})",
    "funding.phase.in-force": ": <now>",
    "funding.phase.ended": ": ended",
    "funding.current": "In {phase}, {money}.",
    "funding.cap.per-application": "${cap} an application",
    "funding.cap.per-project": "${cap} a project",
    "funding.cap.average-per-project": "${cap} on average",
    "funding.cap.plain": "${cap}",
    "funding.cap.higher": "; ${cap} & more",
    "funding.share": "{share}%",
    "funding.share.up-to": "up to {share}%",
    "funding.share.of": "{share}% of {of}",
    "funding.within": " in {months} months",
    "funding.summary": "Pays {share}, to {cap}.",
    "funding.summary.past": "Paid {share}, to {cap}.",
    "funding.summary.free": "Free <now>",
    "funding.summary.free.past": "Free <then>",
    "funding.summary.not-published": "Not <published>",
    "funding.source.label": "Source & ",
    "funding.source.item": "{title} ({publisher})",
    "funding.source.item.dated": "{title} ({publisher}, {date})",
    "funding.source.separator": "; ",
    "funding.source.as-published": "As on {page} <undated>.",
    "funding.conditions": "Who, in {phase}:",
    "funding.who.guangdong": "Tied to {area}:",
    "funding.who.hong-kong-owned": "HK-owned in {area}",
    "funding.who.connection.not-confirmed": "In {area}, tie unknown",
    "funding.who.sectors.target-only": "{count} sectors:",
    "funding.who.sectors.priority": "{count} first; {approved_by} decides:",
    "funding.approval": "Approved by {approved_by}.",
    "funding.chart.average": ", <average>",
    "calc.money": "HK${amount}",
    "calc.within": "{share}% of {cost} is {raw}, within {cap}: {subsidy}",
    "calc.over": "{share}% of {cost} is {raw}, over {cap}: {subsidy}",
    "calc.no-cap": "{share}% of {cost} is {raw}: {subsidy}",
    "calc.cap-only.within": "Cap {cap}: {subsidy}",
    "calc.cap-only.over": "Over cap {cap}: {subsidy}",
    "calc.average.sum": "{share}% of {cost} is {raw} ({cap})",
    "calc.average": "Average {cap} <by> {approved_by}.",
    "calc.examples.caption": "Examples: {phase}",
    "elig.sector.trades": " (e.g. {trades})",
    "elig.trades.textiles": "dye & <print>",
})

DATED = Source("dated", _t("<Brief>"), _t("LegCo & Sec"), url="https://example.org/?a=1&b=2", date="2012-11-21")
UNDATED = Source("undated", _t("Home"), _t("CPP"))
ASSESS = Measure("assessment", _t("Assess <A>"), "share-of-cost", pays_for=_t("<audits>"), share_percent=50, cap_hkd=40000, cap_basis="per-application", higher_cap_hkd=60000, within_months=3, requires="share-results")
PROJECT = Measure("demonstration", _t("Demo"), "cap-only", cap_hkd=300000, cap_basis="per-project", requires="new-technology")
OF = Measure("verification", _t("Verify"), "share-of-cost", share_percent=30, share_of=_t("the <fee>"), cap_hkd=15000)
UP_TO = Measure("organisation-support", _t("Support"), "share-of-cost", share_percent=90, share_up_to=True, for_associations=True)
FREE = Measure("awareness", _t("Aware"), "generally-free")
UNPUBLISHED = Measure("new-technology", _t("New"), "not-published")
AVERAGE = Measure("demonstration", _t("Demo <1>"), "share-of-cost", share_percent=50, cap_hkd=75000, cap_basis="average-per-project")
WHO_1 = {"business": "not-stated", "area": _t("the <PRD>"), "area_code": "pearl-river-delta", "guangdong": "hong-kong-owned", "hong-kong-factory": "no", "hong-kong-workshop": "no", "sectors": "priority"}
WHO_2 = {"business": "not-stated", "guangdong": "not-confirmed", "hong-kong-factory": "not-confirmed", "hong-kong-workshop": "yes", "sectors": "not-stated"}
WHO_3 = {"business": "required", "area": _t("Guangdong"), "area_code": "guangdong", "guangdong": "four-connections", "hong-kong-factory": "yes", "hong-kong-workshop": "demonstration-only", "sectors": "target-only"}
P1 = Phase("2008-04", 1, _t("P1"), _t("2008-2013"), (DATED,), _t("the <PMC>"), WHO_1, (AVERAGE, FREE), rules_source=UNDATED)
P2 = Phase("2013-04", 2, _t("P2"), _t("2013-2015"), (UNDATED,), _t("the PMC"), WHO_2, (OF,))
P3 = Phase("2025", 3, _t("P3"), _t("2025-2027"), (DATED, UNDATED), _t("the PMC"), WHO_3, (ASSESS, PROJECT, OF, UP_TO, UNPUBLISHED), money=_t("HK$<100> million"))
MADE = funding.Rules((P1, P2, P3), {"pearl-river-delta": [{"zh-Hant": "廣州<市>", "en": "Guang<zhou>"}, {"zh-Hant": "深圳", "en": "Shenzhen"}], "other-guangdong": [{"zh-Hant": "汕頭", "en": "Shantou"}]})
SECTORS = Dataset(Path("sectors.csv"), {"x-names": "name", "primaryKey": ["code"]}, (
    {"code": "textiles", "name_zh-Hant": "紡織<染>", "name_en": "Textiles & <dye>"},
    {"code": "furniture", "name_zh-Hant": "傢俬", "name_en": "Furniture"},
))
# Each source as it is named: linked where it has an address, dated where it has a date.
NAMED_DATED = '<a href="https://example.org/?a=1&amp;b=2">&lt;Brief&gt;</a> (LegCo &amp; Sec, 21 November 2012)'
NAMED_UNDATED = "Home (CPP)"


@pytest.mark.parametrize(("measure", "cap", "share"), [
    (FREE, "<funding.cap.none>", "<funding.free>"),
    (UNPUBLISHED, "<funding.not-published>", "<funding.not-published>"),
    (UP_TO, "<funding.cap.not-stated>", "up to 90%"),
    (ASSESS, "$40,000 an application; $60,000 & more", "50% in 3 months"),
    (OF, "$15,000", "30% of the <fee>"),
    (PROJECT, "$300,000 a project", "<funding.share.not-stated>"),
    (AVERAGE, "$75,000 on average", "50%"),
])
def test_each_kind_of_measure_names_its_share_and_cap(measure: Measure, cap: str, share: str) -> None:
    assert (render.cap_text(measure, L), render.funding_text(measure, "en", L)) == (cap, share)


def test_a_share_of_something_named_is_in_the_page_s_language() -> None:
    assert render.funding_text(OF, "zh-Hant", L) == "30% of 中the <fee>"


@pytest.mark.parametrize(("measure", "past", "expected"), [
    (FREE, False, "Free &lt;now&gt;"),
    (FREE, True, "Free &lt;then&gt;"),
    (UNPUBLISHED, False, "Not &lt;published&gt;"),
    (UNPUBLISHED, True, "Not &lt;published&gt;"),
    (ASSESS, False, "Pays 50% in 3 months, to $40,000 an application; $60,000 &amp; more."),
    (OF, True, "Paid 30% of the &lt;fee&gt;, to $15,000."),
])
def test_a_measure_s_summary_in_its_tense_escaped(measure: Measure, past: bool, expected: str) -> None:
    assert render.summary(measure, "en", L, past=past) == expected


def test_a_summary_is_in_the_present_unless_asked() -> None:
    assert render.summary(FREE, "en", L) == "Free &lt;now&gt;"


@pytest.mark.parametrize(("measure", "cost", "higher", "expected"), [
    (ASSESS, "30000", False, "50% of 30,000 is 15,000, within HK$40,000: 15,000"),
    (ASSESS, "100000.50", False, "50% of 100,000.50 is 50,000.25, over HK$40,000: 40,000"),
    (ASSESS, "100000.50", True, "50% of 100,000.50 is 50,000.25, within HK$60,000: 50,000.25"),
    (PROJECT, "200000", False, "Cap 300,000: 200,000"),
    (PROJECT, "400000", False, "Over cap 300,000: 300,000"),
    (AVERAGE, "200000", False, "50% of 200,000 is 100,000 ($75,000 on average)"),
    (UP_TO, "1000", False, "90% of 1,000 is 900: 900"),
])
def test_each_rule_explains_its_sum(measure: Measure, cost: str, higher: bool, expected: str) -> None:
    assert render.explanation(measure, funding.subsidy(measure, Decimal(cost), higher_cap=higher), L) == expected


@pytest.mark.parametrize(("measure", "costs"), [
    (ASSESS, (53000, 110000)),  # the cap binds at 80,000: 2/3 and 4/3 of it, to two figures
    (PROJECT, (200000, 400000)),  # no share: the cap binds at 300,000
    (dataclasses.replace(PROJECT, cap_hkd=15000), (10000, 20000)),
    (OF, (33000, 67000)),  # 30%: the cap binds at 50,000
])
def test_example_costs_fall_either_side_of_the_cap(measure: Measure, costs: tuple[int, int]) -> None:
    assert render.example_costs(measure) == costs


@pytest.mark.parametrize(("amount", "rounded"), [("7.4", 7), ("64", 64), ("1250", 1200), ("1351", 1400), ("106666.67", 110000)])
def test_example_costs_are_rounded_to_two_figures(amount: str, rounded: int) -> None:
    assert render._round_to_two_figures(Decimal(amount)) == rounded


def test_a_source_is_linked_and_dated_only_where_it_says() -> None:
    assert render.source_link(DATED, "en", L) == NAMED_DATED
    assert render.source_link(DATED, "zh-Hant", L) == '<a href="https://example.org/?a=1&amp;b=2">中&lt;Brief&gt;</a> (中LegCo &amp; Sec, 2012年11月21日)'
    assert render.source_link(UNDATED, "zh-Hant", L) == "中Home (中CPP)"


def test_sources_are_listed_and_an_undated_rules_page_is_named() -> None:
    assert render.sources_note(P3, "en", L) == f"Source &amp; {NAMED_DATED}; {NAMED_UNDATED}"
    assert render.sources_note(P1, "en", L) == f"Source &amp; {NAMED_DATED} As on {NAMED_UNDATED} &lt;undated&gt;."


def test_the_labels_a_source_is_named_with_are_escaped_as_text() -> None:
    labels = _Labels({"funding.source.label": "", "funding.source.item": "{title} <{publisher}>", "funding.source.item.dated": "{title} & {publisher} & {date}", "funding.source.separator": " <&> "})
    assert render.sources_note(P3, "en", labels) == (
        '<a href="https://example.org/?a=1&amp;b=2">&lt;Brief&gt;</a> &amp; LegCo &amp; Sec &amp; 21 November 2012 &lt;&amp;&gt; Home &lt;CPP&gt;'
    )


def test_the_phase_in_force_leads_with_its_money_and_sources() -> None:
    assert render.current(MADE, "en", L, "../apply/?a&b") == (
        '<p class="funding-current">In P3 (2025-2027), HK$&lt;100&gt; million. <a href="../apply/?a&amp;b">&lt;apply.link&gt;</a></p>'
        f'<p class="funding-sources">Source &amp; {NAMED_DATED}; {NAMED_UNDATED}</p>'
    )
    in_force = funding.Rules((P2,), {})
    assert render.current(in_force, "zh-Hant", L, "../apply/") == (
        '<p class="funding-current">In 中P2 (中2013-2015), &lt;funding.money.not-published&gt;. <a href="../apply/">&lt;apply.link&gt;</a></p>'
        '<p class="funding-sources">Source &amp; 中Home (中CPP)</p>'
    )


def test_rules_table_names_each_measure_s_pay_share_and_cap() -> None:
    phase = dataclasses.replace(P3, measures=(ASSESS, FREE, OF))
    assert render.rules_table(phase, "en", L) == (
        '<div class="data-table stacked-table"><table class="funding-rules">'
        f'<caption>P3 (2025-2027)<span class="data-caption-source">Source &amp; {NAMED_DATED}; {NAMED_UNDATED}</span></caption>'
        '<thead><tr><th scope="col">&lt;funding.col.measure&gt;</th><th scope="col">&lt;funding.col.pays_for&gt;</th>'
        '<th scope="col">&lt;funding.col.funding&gt;</th><th scope="col">&lt;funding.col.cap&gt;</th></tr></thead><tbody>'
        '<tr><th scope="row" id="rule-2025-assessment">Assess &lt;A&gt;</th><td data-label="&lt;funding.col.pays_for&gt;">&lt;audits&gt;</td>'
        '<td data-label="&lt;funding.col.funding&gt;">50% in 3 months</td><td data-label="&lt;funding.col.cap&gt;">$40,000 an application; $60,000 &amp; more</td></tr>'
        '<tr><th scope="row" id="rule-2025-awareness">Aware</th><td data-label="&lt;funding.col.pays_for&gt;">&lt;funding.pays_for.not-stated&gt;</td>'
        '<td data-label="&lt;funding.col.funding&gt;">&lt;funding.free&gt;</td><td data-label="&lt;funding.col.cap&gt;">&lt;funding.cap.none&gt;</td></tr>'
        '<tr><th scope="row" id="rule-2025-verification">Verify</th><td data-label="&lt;funding.col.pays_for&gt;">&lt;funding.pays_for.not-stated&gt;</td>'
        '<td data-label="&lt;funding.col.funding&gt;">30% of the &lt;fee&gt;</td><td data-label="&lt;funding.col.cap&gt;">$15,000</td></tr>'
        "</tbody></table></div>"
    )


def test_history_sets_each_phase_s_measures_under_its_title_and_money() -> None:
    rules = funding.Rules((P1, dataclasses.replace(P3, measures=(OF,))), {})
    cell = '<td data-label="&lt;funding.col.{}&gt;">{}</td>'
    assert render.history(rules, "en", L) == (
        '<div data-pagefind-ignore><div class="data-table" role="group" tabindex="0" aria-label="&lt;funding.history.caption&gt;">'
        '<p class="data-table__more" data-pagefind-ignore>&lt;data.table.more&gt;</p>'
        '<table class="funding-history"><caption>&lt;funding.history.caption&gt;</caption><thead><tr>'
        '<th scope="col">&lt;funding.col.phase&gt;</th><th scope="col">&lt;funding.col.money&gt;</th><th scope="col">&lt;funding.col.measure&gt;</th>'
        '<th scope="col">&lt;funding.col.funding&gt;</th><th scope="col">&lt;funding.col.cap&gt;</th></tr></thead><tbody>'
        f'<tr><th scope="rowgroup" rowspan="2">P1 (2008-2013)<span class="data-caption-source">Source &amp; {NAMED_DATED} As on {NAMED_UNDATED} &lt;undated&gt;.</span></th>'
        '<td rowspan="2" data-label="&lt;funding.col.money&gt;">&lt;funding.money.not-published&gt;</td>'
        + cell.format("measure", "Demo &lt;1&gt;") + cell.format("funding", "50%") + cell.format("cap", "$75,000 on average") + "</tr>"
        "<tr>" + cell.format("measure", "Aware") + cell.format("funding", "&lt;funding.free&gt;") + cell.format("cap", "&lt;funding.cap.none&gt;") + "</tr>"
        f'<tr><th scope="rowgroup" rowspan="1">P3 (2025-2027)<span class="data-caption-source">Source &amp; {NAMED_DATED}; {NAMED_UNDATED}</span></th>'
        '<td rowspan="1" data-label="&lt;funding.col.money&gt;">HK$&lt;100&gt; million</td>'
        + cell.format("measure", "Verify") + cell.format("funding", "30% of the &lt;fee&gt;") + cell.format("cap", "$15,000") + "</tr>"
        "</tbody></table></div></div>"
    )


@pytest.mark.parametrize(("measures", "largest"), [
    ((OF, PROJECT, ASSESS), PROJECT),
    ((dataclasses.replace(OF, cap_hkd=59000), ASSESS), ASSESS),  # 60,000 where the technology is Hong Kong's
    ((dataclasses.replace(OF, cap_hkd=61000), ASSESS), dataclasses.replace(OF, cap_hkd=61000)),
    ((FREE, UP_TO), None),  # no cap
])
def test_largest_cap_counts_the_higher_cap(measures: tuple[Measure, ...], largest: Measure | None) -> None:
    assert render.largest_cap(dataclasses.replace(P3, measures=measures)) == largest


def test_caps_chart_draws_each_phase_s_largest_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = []
    monkeypatch.setattr(render, "svg_bars", lambda *args: drawn.append(args) or "<svg/>")
    rules = funding.Rules((P1, dataclasses.replace(P2, measures=(UP_TO,)), P3), {})
    assert render.caps_chart(rules, "en", L, "chart-7") == (
        '<div data-pagefind-ignore><figure class="data-figure"><svg/>'
        '<details class="data-chart-table"><summary>&lt;data.chart.table&gt;</summary><table><thead><tr>'
        '<th scope="col">&lt;funding.col.phase&gt;</th><th scope="col">&lt;funding.col.measure&gt;</th><th scope="col">&lt;funding.chart.series&gt;</th></tr></thead><tbody>'
        '<tr><th scope="row">P1 (2008-2013), &lt;average&gt;</th><td>Demo &lt;1&gt;</td><td class="num">HK$75,000</td></tr>'
        '<tr><th scope="row">P3 (2025-2027)</th><td>Demo</td><td class="num">HK$300,000</td></tr>'
        "</tbody></table></details><figcaption>&lt;funding.chart.caption&gt;</figcaption></figure></div>"
    )
    assert drawn == [("<funding.chart.title>", "<data.chart.desc>", ["P1 (2008-2013), <average>", "P3 (2025-2027)"], ["<funding.chart.series>"], [[75000, 300000]], "en", "chart-7")]


def test_worked_examples_two_for_each_capped_measure() -> None:
    def row(name: str, cost: str, paid: str, own: str, how: str, at_most: bool) -> str:
        most, least = (".at-most", ".at-least") if at_most else ("", "")
        return (
            f'<tr><th scope="row">{name}</th><td data-label="&lt;calc.examples.cost&gt;" class="num">HK${cost}</td>'
            f'<td data-label="&lt;calc.subsidy{most}&gt;" class="num">HK${paid}</td><td data-label="&lt;calc.own_share{least}&gt;" class="num">HK${own}</td>'
            f'<td data-label="&lt;calc.examples.how&gt;">{how}</td></tr>'
        )
    average = " ($75,000 on average) Average 75,000 &lt;by&gt; the &lt;PMC&gt;."
    phase = dataclasses.replace(P1, measures=(FREE, AVERAGE, UP_TO, PROJECT, ASSESS))  # no example of a free measure or one without a cap
    assert render.examples(phase, "en", L) == (
        '<div class="data-table stacked-table"><table class="funding-examples"><caption>Examples: P1 (2008-2013)</caption><thead><tr>'
        '<th scope="col">&lt;funding.col.measure&gt;</th><th scope="col">&lt;calc.examples.cost&gt;</th><th scope="col">&lt;calc.subsidy&gt;</th>'
        '<th scope="col">&lt;calc.own_share&gt;</th><th scope="col">&lt;calc.examples.how&gt;</th></tr></thead><tbody>'
        + row("Demo &lt;1&gt;", "100,000", "50,000", "50,000", "50% of 100,000 is 50,000" + average, True)
        + row("Demo &lt;1&gt;", "200,000", "100,000", "100,000", "50% of 200,000 is 100,000" + average, True)
        + row("Demo", "200,000", "200,000", "0", "Cap 300,000: 200,000 &lt;calc.at-most&gt;", True)
        + row("Demo", "400,000", "300,000", "100,000", "Over cap 300,000: 300,000 &lt;calc.at-most&gt;", True)
        + row("Assess &lt;A&gt;", "53,000", "26,500", "26,500", "50% of 53,000 is 26,500, within HK$40,000: 26,500", False)
        + row("Assess &lt;A&gt;", "110,000", "40,000", "70,000", "50% of 110,000 is 55,000, over HK$40,000: 40,000", False)
        + "</tbody></table></div>"
    )


SECTOR_LIST_EN = '<ul data-pagefind-weight="10.0"><li>Textiles &amp; &lt;dye&gt;</li><li>Furniture</li></ul>'


@pytest.mark.parametrize(("phase", "lang", "items", "approved_by"), [
    (P3, "en", [
        "&lt;funding.who.business&gt;",
        "Tied to Guangdong:<ul><li>&lt;funding.who.connection.joint-venture&gt;</li><li>&lt;funding.who.connection.wholly-owned&gt;</li>"
        "<li>&lt;funding.who.connection.processing&gt;</li><li>&lt;funding.who.connection.shareholder&gt;</li></ul>",
        "&lt;funding.who.hong-kong-factory.yes&gt;",
        "&lt;funding.who.hong-kong-workshop.demonstration-only&gt;",
        "2 sectors:" + SECTOR_LIST_EN,
    ], "the PMC"),
    (P1, "zh-Hant", [
        "HK-owned in 中the &lt;PRD&gt;",
        '2 first; 中the &lt;PMC&gt; decides:<ul data-pagefind-weight="10.0"><li>紡織&lt;染&gt;</li><li>傢俬</li></ul>',
    ], "中the &lt;PMC&gt;"),
    (P2, "en", [
        "&lt;funding.who.guangdong.not-confirmed&gt;",
        "&lt;funding.who.hong-kong-factory.not-confirmed&gt;",
        "&lt;funding.who.hong-kong-workshop.yes&gt;",
        "&lt;funding.who.sectors.not-stated&gt;" + SECTOR_LIST_EN,
    ], "the PMC"),
    (dataclasses.replace(P2, who={**WHO_2, "area": _t("<GD>"), "hong-kong-workshop": "no"}), "en", [
        "In &lt;GD&gt;, tie unknown",
        "&lt;funding.who.hong-kong-factory.not-confirmed&gt;",
        "&lt;funding.who.sectors.not-stated&gt;" + SECTOR_LIST_EN,
    ], "the PMC"),
])
def test_conditions_say_only_what_the_phase_s_source_confirms(phase: Phase, lang: str, items: list[str], approved_by: str) -> None:
    title = render.phase_title(phase, lang, L)
    assert render.conditions(phase, SECTORS, lang, L, "../apply/?a&b") == (
        f'<p>Who, in {title}:</p><ul class="funding-conditions">' + "".join(f"<li>{item}</li>" for item in items)
        + f'</ul><p>Approved by {approved_by}. <a href="../apply/?a&amp;b">&lt;apply.link&gt;</a></p>'
    )


PHASE_OPTIONS = (
    '<option value="2025">中P3 (中2025-2027): &lt;now&gt;</option><option value="2013-04">中P2 (中2013-2015): ended</option>'
    '<option value="2008-04">中P1 (中2008-2013): ended</option>'
)


def _choices(name: str, values: tuple[str, ...], prefix: str = "elig.") -> str:
    return "".join(f'<label class="choice"><input type="radio" name="{name}" value="{v}"> &lt;{prefix}{v}&gt;</label>' for v in values)


def _fieldset(name: str, phases: str, choices: str, hint: str = "") -> str:
    return (
        f'<fieldset class="question" id="q-{name}" data-phases="{phases}" aria-describedby="q-{name}-error"><legend>&lt;elig.q.{name}&gt;</legend>'
        f'{hint}<p class="field-error" id="q-{name}-error" hidden></p>{choices}</fieldset>'
    )


def test_checker_asks_each_question_of_the_phases_whose_rules_ask_it() -> None:
    yes_no = ("yes", "no", "unsure")
    every = "2008-04 2013-04 2025"
    assert render.checker(MADE, SECTORS, MADE.places, "zh-Hant", L) == (
        '<form class="checker" data-checker hidden novalidate>'
        '<div class="question" id="q-phase"><label for="q-phase-select">&lt;elig.q.phase&gt;</label><p class="hint" id="q-phase-hint">&lt;elig.q.phase.hint&gt;</p>'
        f'<select id="q-phase-select" name="phase" aria-describedby="q-phase-hint">{PHASE_OPTIONS}</select></div>'
        + _fieldset("business", "2025", _choices("business", yes_no))
        + f'<div class="question" id="q-place" data-phases="{every}"><label for="q-place-select">&lt;elig.q.place&gt;</label>'
        '<p class="field-error" id="q-place-error" hidden></p><select id="q-place-select" name="place" aria-describedby="q-place-error">'
        '<option value="">&lt;elig.place.choose&gt;</option>'
        '<optgroup label="&lt;elig.place.pearl-river-delta&gt;"><option value="pearl-river-delta:Guang&lt;zhou&gt;">廣州&lt;市&gt;</option>'
        '<option value="pearl-river-delta:Shenzhen">深圳</option></optgroup>'
        '<optgroup label="&lt;elig.place.other-guangdong&gt;"><option value="other-guangdong:Shantou">汕頭</option></optgroup>'
        '<option value="hong-kong">&lt;elig.place.hong-kong&gt;</option><option value="elsewhere">&lt;elig.place.elsewhere&gt;</option></select></div>'
        + _fieldset("connection", every, _choices("connection", ("joint-venture", "wholly-owned", "processing", "shareholder", "none", "unsure"), "elig.connection."))
        + _fieldset("hk-kind", every, _choices("hk-kind", ("factory", "workshop", "none"), "elig.hk-kind."), '<p class="hint">&lt;elig.q.hk-kind.hint&gt;</p>')
        + f'<div class="question" id="q-sector" data-phases="{every}"><label for="q-sector-select">&lt;elig.q.sector&gt;</label>'
        '<p class="hint" id="q-sector-hint">&lt;elig.q.sector.hint&gt;</p><p class="field-error" id="q-sector-error" hidden></p>'
        '<select id="q-sector-select" name="sector" aria-describedby="q-sector-hint q-sector-error"><option value="">&lt;elig.sector.choose&gt;</option>'
        '<option value="textiles">紡織&lt;染&gt; (e.g. dye &amp; &lt;print&gt;)</option><option value="furniture">傢俬</option>'
        '<option value="other">&lt;elig.sector.other&gt;</option></select></div>'
        + _fieldset("share-results", "2025", _choices("share-results", yes_no))
        + _fieldset("new-technology", "2025", _choices("new-technology", yes_no))
        + _fieldset("hk-technology", "2025", _choices("hk-technology", yes_no))
        + '<button type="submit" class="md-button md-button--primary">&lt;elig.button&gt;</button></form>'
        '<div class="tool-result" role="status" aria-live="polite" data-checker-result></div>'
    )


def test_checker_asks_the_business_of_every_phase_that_requires_it() -> None:
    rules = funding.Rules((dataclasses.replace(P1, who={**WHO_1, "business": "required"}), P3), {})
    assert _fieldset("business", "2008-04 2025", _choices("business", ("yes", "no", "unsure"))) in render.checker(rules, SECTORS, {}, "en", L)


def test_calculator_lists_the_measures_in_force_that_a_sum_can_be_done_for() -> None:
    assert render.calculator(MADE, "zh-Hant", L) == (
        '<form class="calculator" data-calculator hidden novalidate>'
        f'<div class="question"><label for="calc-phase">&lt;calc.phase&gt;</label><select id="calc-phase" name="phase">{PHASE_OPTIONS}</select></div>'
        '<div class="question"><label for="calc-measure">&lt;calc.measure&gt;</label><select id="calc-measure" name="measure">'
        '<option value="assessment">中Assess &lt;A&gt;</option><option value="demonstration">中Demo</option>'
        '<option value="verification">中Verify</option><option value="organisation-support">中Support</option></select></div>'
        '<div class="question" id="calc-higher-question"><label class="choice"><input type="checkbox" id="calc-higher" name="higher"> &lt;calc.higher&gt;</label></div>'
        '<div class="question"><label for="calc-cost">&lt;calc.cost&gt;</label><p class="hint" id="calc-cost-hint">&lt;calc.cost.hint&gt;</p>'
        '<p class="field-error" id="calc-cost-error" hidden></p>'
        '<input id="calc-cost" name="cost" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" aria-describedby="calc-cost-hint calc-cost-error"></div>'
        '<button type="submit" class="md-button md-button--primary">&lt;calc.button&gt;</button></form>'
        '<div class="tool-result" role="status" aria-live="polite" data-calculator-result></div>'
    )


def test_script_data_carries_every_phase_s_rules_and_the_tools_labels() -> None:
    labels = _Labels({"funding.phase.title": "{name} ({dates})", "funding.share.of": "{share}% of {of}", "calc.end": "</script>", "elig.x": "e", "apply.link": "A", "contact.phone": "1", "data.z": "no", "calcx.w": "no"})
    rules = funding.Rules((dataclasses.replace(P2, measures=(ASSESS, UP_TO, OF)), P1), {})
    html = render.script_data(rules, SECTORS, "zh-Hant", labels, "../apply/?a&b")
    start, end = '<script type="application/json" id="funding-data">', "</script>"
    assert html.startswith(start + '{"applyPage": "../apply/?a&b", "labels": {"apply.link": "A", "calc.end": "<\\/script>", ') and html.endswith(end)
    inner = html[len(start):-len(end)]
    assert "</" not in inner and '"title": "中P2 (中2013-2015)"' in inner  # Chinese as written, not as escapes
    none = {"shareUpTo": False, "cap": None, "higherCap": None, "capBasis": None, "requires": None, "forAssociations": False}
    assert json.loads(inner) == {
        "sectorCount": 2,
        "largest": 100000000,
        "smallest": 100,
        "applyPage": "../apply/?a&b",
        "phases": [
            {
                "phase": "2013-04", "title": "中P2 (中2013-2015)", "current": False, "approvedBy": "中the PMC", "area": "", "areaCode": "", "who": WHO_2,
                "measures": [
                    {**none, "measure": "assessment", "name": "中Assess <A>", "funding": "share-of-cost", "share": 50, "cap": 40000, "higherCap": 60000, "capBasis": "per-application",
                     "capText": "<funding.cap.per-application><funding.cap.higher>", "fundingText": "<funding.share><funding.within>", "requires": "share-results"},
                    {**none, "measure": "organisation-support", "name": "中Support", "funding": "share-of-cost", "share": 90, "shareUpTo": True,
                     "capText": "<funding.cap.not-stated>", "fundingText": "<funding.share.up-to>", "forAssociations": True},
                    {**none, "measure": "verification", "name": "中Verify", "funding": "share-of-cost", "share": 30, "cap": 15000,
                     "capText": "<funding.cap.plain>", "fundingText": "30% of 中the <fee>"},
                ],
            },
            {
                "phase": "2008-04", "title": "中P1 (中2008-2013)", "current": True, "approvedBy": "中the <PMC>", "area": "中the <PRD>", "areaCode": "pearl-river-delta",
                "who": {"business": "not-stated", "guangdong": "hong-kong-owned", "hong-kong-factory": "no", "hong-kong-workshop": "no", "sectors": "priority"},
                "measures": [
                    {**none, "measure": "demonstration", "name": "中Demo <1>", "funding": "share-of-cost", "share": 50, "cap": 75000, "capBasis": "average-per-project",
                     "capText": "<funding.cap.average-per-project>", "fundingText": "<funding.share>"},
                    {**none, "measure": "awareness", "name": "中Aware", "funding": "generally-free", "share": None, "capText": "<funding.cap.none>", "fundingText": "<funding.free>"},
                ],
            },
        ],
        "labels": {"funding.phase.title": "{name} ({dates})", "funding.share.of": "{share}% of {of}", "calc.end": "</script>", "elig.x": "e", "apply.link": "A", "contact.phone": "1"},
    }


# ---- The built pages ------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "figures"),
    [
        ("zh-Hant", ["第五期（2025 年至 2027 年）", "每個項目 650,000 港元", "上限為 750,000 港元", "最多為費用的 50%", "額外 1 億港元"]),
        ("en", ["Phase 5 (2025 to 2027)", "HK$650,000 per project", "HK$750,000 where the technology", "up to 50% of the cost", "an additional HK$100 million"]),
        ("zh-Hans", ["第五期（2025 年至 2027 年）", "每个项目 650,000 港元", "上限为 750,000 港元"]),
    ],
)
def test_funding_page_leads_with_phase_5_and_names_its_source(site: Path, lang: str, figures: list[str]) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "funding/")
    lead = html.select_one("p.funding-current").get_text()
    assert figures[0] in lead
    current_table = html.select("table.funding-rules")[0]
    text = current_table.get_text()
    for figure in figures[1:3]:
        assert figure in text
    sources = {a["href"] for a in current_table.select("caption a")}
    assert sources == {"https://www.cleanerproduction.hk/en/events?id=549", "https://www.smelink.gov.hk/zh/web/sme-portal/w/cleaner-production-partnership-programme.html"}
    assert fill(LABELS[lang]["funding.source.as-published"], page="").split("{")[0][:6] in current_table.caption.get_text()


def test_history_sets_every_phase_side_by_side_with_a_chart(site: Path) -> None:
    html = read_html(site, "en/funding/")
    history = html.select_one("table.funding-history")
    groups = [th.get_text(" ", strip=True) for th in history.select("th[scope=rowgroup]")]
    assert [g.split(" (")[0] for g in groups] == ["Phase 1", "Phase 2", "Phase 3", "Phase 4", "Phase 5"]
    text = history.get_text(" ")
    for figure in ("HK$25,000 per factory", "HK$300,000 per project", "share of the cost not stated in the source", "HK$28,000 per project", "HK$330,000 per project", "HK$45,000", "done within 3 months", "HK$450,000", "up to 90% of the cost", "HK$650,000 per project"):
        assert figure in text, figure
    assert text.count("not published in the source") >= 2, "phase 2's money and phase 3's verification"
    chart = html.select_one("figure.data-figure svg.data-chart").get_text(" ")
    for value in ("160,000", "300,000", "330,000", "650,000", "750,000"):
        assert value in chart


def test_no_bare_yuan_in_funding_pages(site: Path) -> None:
    for path in ("funding/", "eligibility/", "apply/", "zh-Hans/funding/", "zh-Hans/eligibility/"):
        html = read_html(site, path)
        text = html.select_one("article").get_text()
        assert "港元" in text, path
        for amount in ("000 元", "000元", "0 元"):
            assert amount not in text, path


@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
def test_apply_page_is_in_the_menu_and_the_footer_of_every_page(site: Path, lang: str) -> None:
    for path in ("", "funding/", "statistics/"):
        html = read_html(site, LANG_PREFIXES[lang] + path)
        footer_links = [a["href"] for a in html.select(".site-footer-links a")]
        assert any(href.endswith("apply/") for href in footer_links), path
        owner = html.select_one(".site-footer-owner").get_text()
        assert LABELS[lang]["footer.owner"] == owner
    nav = [a.get_text(strip=True) for a in read_html(site, LANG_PREFIXES[lang] + "about/").select("nav a")]
    assert LABELS[lang]["apply.link"] in nav
    apply_page = read_html(site, LANG_PREFIXES[lang] + "apply/").select_one("article")
    text = apply_page.get_text()
    assert "(852) 2788 5588" in text
    assert "https://www.cleanerproduction.hk/" in {a["href"] for a in apply_page.select("a")}


@pytest.mark.parametrize(("lang", "held_back"), [("zh-Hant", "申請表格"), ("en", "application forms")])
def test_apply_page_says_what_the_site_does_not_hold(site: Path, lang: str, held_back: str) -> None:
    section = read_html(site, LANG_PREFIXES[lang] + "apply/").find(id="not-here").find_next("p")
    assert held_back in section.get_text()
    assert section.a["href"] == "https://www.cleanerproduction.hk/"


@pytest.mark.parametrize("path", ["accessibility/", "privacy/", "en/accessibility/", "en/privacy/", "zh-Hans/privacy/"])
def test_contact_point_instead_of_not_yet_published(site: Path, path: str) -> None:
    text = read_html(site, path).select_one("article").get_text()
    assert "(852) 2788 5588" in text
    assert "尚未刊載" not in text and "not yet published" not in text


def test_funding_page_links_to_apply(site: Path) -> None:
    for lang in LANG_PREFIXES:
        links = {a["href"] for a in read_html(site, LANG_PREFIXES[lang] + "funding/").select("article a")}
        assert "../apply/" in links


def test_first_phase_measures_are_told_in_the_past(site: Path) -> None:
    text = read_html(site, "en/funding/").find(id="assessment").find_next("ul").get_text()
    assert "The government paid 50% of the cost, up to HK$15,000 per application." in text
    first_phase = read_html(site, "en/funding/").find(id="first-phase")
    told = " ".join(node.get_text() for node in first_phase.find_all_next(["p", "li"]))
    assert "The government paid" in told and "The government pays" not in told and "can take part" not in told


def test_no_external_resources_loaded(site: Path) -> None:
    """External pages are linked, never loaded: no script, style or image from another site."""
    for path in ("apply/", "en/funding/", "eligibility/"):
        html = read_html(site, path)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for node in html.select(f"{tag}[{attribute}]"):
                assert not node[attribute].startswith(("http://", "https://", "//")) or node.name == "link" and node.get("rel") in (["canonical"], ["alternate"]), node


# ---- The checker and the calculator in a browser ---------------------------


def choose(page, answers: dict[str, str]) -> str:
    """Answer the checker: selects (phase, place, sector) by value, radios by name."""
    for name in ("phase", "place"):
        if name in answers:
            page.select_option(f"#q-{name}-select", answers[name])
    for name, value in answers.items():
        if name not in ("phase", "place", "sector"):
            page.check(f"#q-{name} input[value={value}]")
    page.select_option("#q-sector-select", answers.get("sector", "textiles"))
    page.click("[data-checker] button")
    return page.inner_text("[data-checker-result]")


DONGGUAN = {"business": "yes", "place": "pearl-river-delta:Dongguan", "connection": "processing", "new-technology": "yes", "hk-technology": "yes"}


@pytest.mark.browser
def test_checker_across_phases_and_factories(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    result = choose(page, DONGGUAN)
    assert "From your answers and the rules of Phase 5 (2025 to 2027), your factory can apply for:" in result
    assert "HK$750,000 per project (a technology developed in Hong Kong, or jointly)" in result
    assert "decided by the Project Management Committee" in result
    assert page.locator("[data-checker-result] a", has_text="How to apply").get_attribute("href") == "../apply/"

    page.goto(server + "en/eligibility/")
    result = choose(page, {**DONGGUAN, "place": "other-guangdong:Shantou", "hk-technology": "no", "sector": "other"})
    assert "HK$650,000 per project" in result and "HK$750,000" not in result
    assert "decides each such application on its own merits" in result and "cannot apply" not in result

    page.goto(server + "en/eligibility/")
    result = choose(page, {"business": "yes", "place": "hong-kong", "hk-kind": "workshop", "new-technology": "yes", "hk-technology": "unsure"})
    assert "do not confirm whether a factory like yours may apply" in result and "(852) 2788 5588" in result
    assert "can apply for" not in result and "cannot apply" not in result

    page.goto(server + "en/eligibility/")
    result = choose(page, {**DONGGUAN, "connection": "none"})
    assert "does not meet these conditions of Phase 5" in result and "one of the four connections" in result

    page.goto(server + "en/eligibility/")
    result = choose(page, {"business": "yes", "place": "elsewhere", "new-technology": "yes", "hk-technology": "yes"})
    assert "a factory in Guangdong or Hong Kong" in result


@pytest.mark.browser
def test_checker_about_an_earlier_phase_answers_in_the_past(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    page.select_option("#q-phase-select", "2020")
    assert page.locator("#q-new-technology").is_hidden() and page.locator("#q-business").is_visible()
    result = choose(page, {"phase": "2020", "business": "yes", "place": "hong-kong", "hk-kind": "workshop"})
    assert result.startswith("Phase 4 (2020 to 31 March 2025) has ended; applications now follow the rules of Phase 5 (2025 to 2027).")
    assert "Under that phase, a factory with these answers could apply for:" in result
    open_part, closed_part = result.split("These measures were not open to it:")
    assert "Demonstration project DP(i)" in open_part and "On-site improvement assessment" in closed_part
    assert "Organisation Support Initiative: for Hong Kong trade and industry associations" in closed_part
    for present in ("your factory can apply", "cannot apply", "is decided by", "Next:"):
        assert present not in result

    page.goto(server + "en/eligibility/")
    result = choose(page, {"phase": "2008-04", "place": "other-guangdong:Meizhou", "connection": "wholly-owned", "share-results": "yes", "completed-improvement-project": "yes"})
    assert "could not apply, as it did not meet:" in result and "a factory in the Pearl River Delta" in result


@pytest.mark.browser
def test_checker_in_chinese_with_a_trade_name(server: str, page) -> None:
    page.goto(server + "eligibility/")
    option = page.locator("#q-sector-select option", has_text="印染")
    assert option.get_attribute("value") == "textiles"
    result = choose(page, {**DONGGUAN, "place": "pearl-river-delta:Foshan", "hk-technology": "no"})
    assert "根據你的答案和第五期（2025 年至 2027 年）的規則，你的工廠可以申請：" in result
    assert "每個項目 650,000 港元" in result
    assert ": " not in result and ", " not in result


def calculate(page, phase: str, measure: str, cost: str, higher: bool = False) -> str:
    page.select_option("#calc-phase", phase)
    page.select_option("#calc-measure", measure)
    if page.locator("#calc-higher").is_visible():
        page.set_checked("#calc-higher", higher)
    page.fill("#calc-cost", cost)
    page.click("[data-calculator] button")
    return page.inner_text("[data-calculator-result]")


@pytest.mark.browser
def test_calculator_agrees_with_the_rules_in_every_phase(server: str, page) -> None:
    labels = LABELS["en"]
    page.goto(server + "en/eligibility/")
    for phase, measure in CALCULABLE:
        for cost, higher in ((Decimal("20001.01"), False), (Decimal(measure.cap_hkd or 50000) * 2 + 2, bool(measure.higher_cap_hkd))):
            shown = calculate(page, phase.phase, measure.measure, str(cost), higher)
            expected = funding.subsidy(measure, cost, higher_cap=higher)
            name = labels["calc.subsidy.at-most" if expected.at_most else "calc.subsidy"]
            assert fill(labels["calc.figure"], name=name, value="HK$" + money(expected.subsidy)) in shown, (phase.phase, measure.measure, cost)
            assert explanation(measure, expected, labels) in shown
            assert ("has ended" in shown) == (phase is not RULES.phase())


@pytest.mark.browser
def test_calculator_answers_plainly(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    shown = calculate(page, "2025", "new-technology", "1600000", higher=True)
    assert "Government subsidy, at most: HK$750,000" in shown and "Your factory pays at least: HK$850,000" in shown
    shown = calculate(page, "2008-04", "demonstration", "1000000")
    assert "Government subsidy, at most: HK$500,000" in shown
    assert "an average of HK$160,000 per project" in shown and "never more than the figure above" in shown
    assert page.inner_text("[data-calculator-result] strong") == "Government subsidy, at most: HK$500,000"
    calculate(page, "2025", "new-technology", "40")
    assert page.inner_text("#calc-cost-error") == "Enter the whole cost, at least HK$100: for HK$40,000, enter 40000."
    shown = calculate(page, "2025", "new-technology", "100.01")
    assert "HK$50.01" in shown  # 50.005 rounds half up
    page.goto(server + "eligibility/")
    shown = calculate(page, "2025", "new-technology", "4萬")
    assert "政府資助最多：20,000 港元" in shown and " 元" not in shown.replace(" 港元", "")
