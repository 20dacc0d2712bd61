"""The eligibility checker and the subsidy calculator, used in a real browser in
all three languages; their answers are compared with the funding rules file
through scripts/cleanprod/content/funding.py, the one statement of the sum."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cleanprod.content import funding
from cleanprod.content.chinese import in_language
from cleanprod.content.labels import load as load_labels
from cleanprod.paths import DATA_FILES, LABELS_FILE
from cleanprod.render.funding import explanation
from cleanprod.render.markup import fill, money
from conftest import LANG_PREFIXES, read_html
from page_checks import axe_violations

RULES, _ = funding.load(DATA_FILES / funding.RULES_FILE)
LABELS, _ = load_labels(LABELS_FILE)
PHASE = RULES.phase()
FIRST = RULES.phases[0]
PAID = [m for m in PHASE.measures if m.calculable]


def costs_around_the_cap(measure: funding.Measure) -> list[Decimal]:
    """Below, exactly at and above the cost at which the cap is reached, and one with cents."""
    reaches_cap = Decimal(measure.cap_hkd) * 100 / measure.share_percent
    return [reaches_cap - 1237, reaches_cap, reaches_cap * 3 + 17, Decimal("12345.67")]


def calculate(page, measure: str, cost: str, phase: str | None = None) -> str:
    if phase:
        page.select_option("#calc-phase", phase)
    page.select_option("#calc-measure", measure)
    page.fill("#calc-cost", cost)
    page.click("[data-calculator] button")
    return page.inner_text("[data-calculator-result]")


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
def test_calculator_answers_below_at_and_above_each_cap(server: str, page, lang: str) -> None:
    labels = LABELS[lang]
    page.goto(server + LANG_PREFIXES[lang] + "eligibility/")
    for measure in PAID:
        for cost in costs_around_the_cap(measure):
            shown = calculate(page, measure.measure, f"{cost:,}")
            expected = funding.subsidy(measure, cost)
            assert fill(labels["calc.money"], amount=money(expected.subsidy)) in shown
            own = labels["calc.own_share.at-least" if expected.at_most else "calc.own_share"]
            assert fill(labels["calc.figure"], name=own, value=fill(labels["calc.money"], amount=money(expected.own_share))) in shown
            assert explanation(measure, expected, labels) in shown
            average_note = labels["calc.average"].split("{")[0]
            assert (average_note in shown) == (measure.cap_basis == "average-per-project")


@pytest.mark.browser
def test_calculator_figures_by_hand(server: str, page) -> None:
    """The first phase's sums, and a sum with cents, checked against figures worked by hand."""
    page.goto(server + "en/eligibility/")
    shown = calculate(page, "assessment", "40000", phase=FIRST.phase)
    assert "Government subsidy: HK$15,000" in shown
    assert "Your factory pays: HK$25,000" in shown
    assert "50% of HK$40,000 is HK$20,000; the cap is HK$15,000, so the subsidy is HK$15,000." in shown
    assert "has ended" in shown
    shown = calculate(page, "assessment", "HK$ 20,001")
    assert "50% of HK$20,001 is HK$10,000.50. That is within the cap (HK$15,000), so the subsidy is HK$10,000.50." in shown
    assert "Your factory pays: HK$10,000.50" in shown
    for typed in ("４０，０００", "4萬", "港幣4萬元", "4.0万"):  # a Chinese keyboard's full width, and ten thousands
        assert "Government subsidy: HK$15,000" in calculate(page, "assessment", typed), typed
    assert "50% of HK$45,000 is HK$22,500" in calculate(page, "assessment", "4.5萬")
    shown = calculate(page, "verification", "9800")
    assert "Government subsidy: HK$9,800" in shown and "Your factory pays: HK$0" in shown
    shown = calculate(page, "demonstration", "1000000")
    assert "Government subsidy, at most: HK$500,000" in shown
    assert "a guide, not a promise" in shown
    page.goto(server + "eligibility/")
    shown = calculate(page, "demonstration", "200000", phase=FIRST.phase)
    assert "200,000 港元的 50% 是 100,000 港元，這是這個項目最多可獲的資助。" in shown
    page.goto(server + "zh-Hans/eligibility/")
    shown = calculate(page, "verification", "30000", phase=FIRST.phase)
    assert "政府资助：15,000 港元" in shown  # Chinese punctuation in Chinese: it read 政府资助: 15,000 元


@pytest.mark.browser
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the cost in Hong Kong dollars, for example 40000."),
        ("   ", "Enter the cost in Hong Kong dollars, for example 40000."),
        ("-500", "Enter a cost of more than HK$0."),
        ("0", "Enter a cost of more than HK$0."),
        ("99.99", "Enter the whole cost, at least HK$100: for HK$40,000, enter 40000."),
        ("forty thousand", "Enter the cost as a number, for example 40000 or 40000.50."),
        ("1e5", "Enter the cost as a number, for example 40000 or 40000.50."),
        ("40000.123", "Enter the cost as a number, for example 40000 or 40000.50."),
        ("5000000000", "Enter a cost of HK$100,000,000 or less."),
    ],
)
def test_calculator_rejects_nonsense_next_to_the_field(server: str, page, typed: str, message: str) -> None:
    page.goto(server + "en/eligibility/")
    assert calculate(page, "new-technology", typed) == ""
    error = page.locator("#calc-cost-error")
    assert error.is_visible() and error.inner_text() == message
    assert page.get_attribute("#calc-cost", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "calc-cost"
    calculate(page, "new-technology", "1000")
    assert not error.is_visible() and page.get_attribute("#calc-cost", "aria-invalid") is None


@pytest.mark.browser
def test_calculator_error_in_chinese(server: str, page) -> None:
    page.goto(server + "eligibility/")
    calculate(page, "new-technology", "四萬")
    assert page.inner_text("#calc-cost-error") == "請只用數字輸入費用，例如 40000 或 40000.50。"


def answer(page, answers: dict[str, str], sector: str = "textiles", phase: str | None = None, place: str = "pearl-river-delta:Dongguan") -> str:
    if phase:
        page.select_option("#q-phase-select", phase)
    page.select_option("#q-place-select", place)
    for name, value in answers.items():
        page.check(f"#q-{name} input[value={value}]")
    if sector:
        page.select_option("#q-sector-select", sector)
    page.click("[data-checker] button")
    return page.inner_text("[data-checker-result]")


ALL_YES = {"business": "yes", "connection": "joint-venture", "new-technology": "yes", "hk-technology": "yes"}
FIRST_YES = {"connection": "joint-venture", "share-results": "yes", "completed-improvement-project": "yes"}


@pytest.mark.browser
def test_checker_paths(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    result = answer(page, ALL_YES)
    assert "your factory can apply for:" in result
    for measure in PHASE.measures:
        assert in_language(measure.name, "en") in result
    assert "These measures are not open" not in result
    assert "decided by the Project Management Committee" in result

    result = answer(page, {**ALL_YES, "new-technology": "no"})
    assert "a condition of the project: a new cleaner production technology" in result.split("These measures are not open to you:")[1]

    result = answer(page, {**ALL_YES, "business": "no"})
    assert "your factory does not meet these conditions" in result
    assert "the applicant is a business registered in Hong Kong (Cap. 310)" in result
    assert "can apply for" not in result

    result = answer(page, {**ALL_YES, "business": "unsure", "new-technology": "unsure"})
    assert "if the conditions you were not sure about are met, your factory can apply for:" in result
    check_part = result.split("Before you apply, find out about:")[1]
    assert "registered in Hong Kong" in check_part and "a new cleaner production technology" in check_part


@pytest.mark.browser
def test_checker_paths_in_the_first_phase(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    result = answer(page, {**FIRST_YES, "completed-improvement-project": "no"}, phase=FIRST.phase)
    open_part, closed_part = result.split("These measures were not open to it:")
    assert "Verification of improvement projects" not in open_part
    assert "Verification of improvement projects: a condition of verification" in closed_part

    result = answer(page, {**FIRST_YES, "connection": "none"}, phase=FIRST.phase)
    assert "could not apply" in result and "a Hong Kong-owned factory" in result

    result = answer(page, FIRST_YES, sector="other", phase=FIRST.phase, place="other-guangdong:Zhanjiang")
    assert "a factory in the Pearl River Delta" in result and "in one of the 8 target sectors" in result


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "expected"), [("zh-Hant", "你的工廠可以申請："), ("zh-Hans", "你的工厂可以申请：")])
def test_checker_in_chinese(server: str, page, lang: str, expected: str) -> None:
    page.goto(server + LANG_PREFIXES[lang] + "eligibility/")
    result = answer(page, ALL_YES, sector="furniture")
    assert expected in result
    assert in_language(PHASE.measures[0].name, lang) in result
    assert ": " not in result and ", " not in result, "Chinese punctuation in Chinese (示範項目：…，上限為…)"


@pytest.mark.browser
def test_checker_asks_for_unanswered_questions(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    page.check("#q-business input[value=yes]")
    page.click("[data-checker] button")
    assert page.inner_text("[data-checker-result]") == ""
    assert page.locator("#q-place-error").inner_text() == "Answer this question."
    assert page.locator("#q-sector-error").is_visible()
    assert not page.locator("#q-business-error").is_visible()
    assert page.evaluate("document.activeElement.id") == "q-place-select"


@pytest.mark.browser
def test_results_are_announced_in_live_regions(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    for selector in ("[data-checker-result]", "[data-calculator-result]"):
        region = page.locator(selector)
        assert region.get_attribute("role") == "status" and region.get_attribute("aria-live") == "polite"


@pytest.mark.browser
def test_keyboard_only(server: str, page) -> None:
    page.goto(server + "en/eligibility/")
    page.focus("#q-business input[value=yes]")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # to the place
    page.keyboard.press("ArrowDown")  # the first city
    page.keyboard.press("Tab")  # into the connection radios, shown for a city in Guangdong
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # the first sector
    for _ in range(2):  # the technology questions
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert "can apply for" in page.inner_text("[data-checker-result]")
    page.focus("#calc-cost")
    page.keyboard.type("40000")
    page.keyboard.press("Enter")
    assert "HK$20,000" in page.inner_text("[data-calculator-result]")


@pytest.mark.browser
def test_phone_screen(browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + "zh-Hant/eligibility/".removeprefix("zh-Hant/"))
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert "25,000 港元" in calculate(page, "new-technology", "50000")
    context.close()


@pytest.mark.browser
def test_without_javascript_rules_and_examples_show(page_without_javascript, server: str) -> None:
    page = page_without_javascript
    page.goto(server + "en/eligibility/")
    assert not page.locator("[data-checker]").is_visible()
    assert not page.locator("[data-calculator]").is_visible()
    assert page.locator("table.funding-rules").is_visible()
    examples = page.locator("table.funding-examples")
    assert examples.is_visible()
    text = examples.inner_text()
    for measure in PAID:
        assert in_language(measure.name, "en") in text
    assert "50% of HK$870,000 is HK$435,000. That is within the cap (HK$650,000), so the subsidy is HK$435,000." in text
    assert "This calculator needs JavaScript" in page.inner_text("article")


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANG_PREFIXES))
def test_no_axe_violations_with_results_and_errors(server: str, page, lang: str) -> None:
    page.goto(server + LANG_PREFIXES[lang] + "eligibility/")
    answer(page, {**ALL_YES, "business": "unsure"})
    page.click("[data-calculator] button")  # an empty cost: the error shows
    assert axe_violations(page) == []
    calculate(page, "demonstration", "400000", phase=FIRST.phase)
    assert axe_violations(page) == []


# ---- The built pages (no browser) ----------------------------------------


def test_funding_page_rules_table_comes_from_the_rules_file(site: Path) -> None:
    html = read_html(site, "en/funding/")
    [first] = [t for t in html.select("table.funding-rules") if t.caption.get_text().startswith("Phase 1")]
    rows = {row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")] for row in first.select("tbody tr")}
    assert rows["On-site improvement assessment"][1:] == ["50% of the cost", "HK$15,000 per application"]
    assert rows["Demonstration project"][1:] == ["50% of the cost", "an average of HK$160,000 per project"]
    assert rows["Verification of improvement projects"][1:] == ["100% of the cost", "HK$15,000 per project"]
    assert rows["Awareness promotion activities"][1:] == ["Generally free to take part", "Not applicable"]
    zh = read_html(site, "funding/").select_one("#assessment ~ ul").get_text()
    assert "政府當時資助費用的 50%，上限為每宗申請 15,000 港元。" in zh


def test_no_share_or_cap_is_typed_in_a_page() -> None:
    docs = DATA_FILES.parent
    for page in docs.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for figure in ("15,000", "15000", "160,000", "160000", "16 萬", "50%", "一半", "half of", "650,000", "750,000", "45,000", "330,000", "300,000", "65 萬"):
            assert figure not in text, f"{page.name} types {figure!r}: use [[data:funding-rules.yml|…]]"


def test_sector_list_comes_from_sectors_csv(site: Path) -> None:
    items = [li.get_text() for li in read_html(site, "en/about/").select("#sectors ~ ol li")]
    assert items[0] == "Textiles" and items[-1] == "Furniture manufacturing" and len(items) == 8
    assert [li.get_text() for li in read_html(site, "zh-Hans/about/").select("#sectors ~ ol li")][6] == "造纸和纸品制造业"
    options = [o.get_text() for o in read_html(site, "en/eligibility/").select("#q-sector-select option")]
    assert [o.split(" (such as")[0] for o in options[1:-1]] == items
    assert options[1] == "Textiles (such as dyeing and printing of fabric, spinning, weaving)"
