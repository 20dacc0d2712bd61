"""The programme as it stands: every phase's rules in docs/data/funding-rules.yml,
the sum they define checked against figures worked by hand and against its
own properties, the checks staff meet when they add a phase, the pages that
lead with the phase in force, the apply page, and the checker and calculator
answering for factories across phases."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleanprod.content import funding
from cleanprod.content.labels import load as load_labels
from cleanprod.paths import DATA_FILES, LABELS_FILE
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
