"""docs/data/funding-rules.yml: staff mistakes stop the build with the line
and the fix; a new phase added by staff reaches the pages without code changes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cleanprod import funding
from conftest import edit, read_html, run_build, run_command

RULES = Path("docs") / "data" / "funding-rules.yml"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("cap_hkd: 15000\n        cap_basis: per-application", "cap_hkd: 15,000 dollars\n        cap_basis: per-application",
         "docs/data/funding-rules.yml, line 46: 'cap_hkd' is '15,000 dollars', expected a whole number. Fix: write a whole number with digits only, such as 15000."),
        ("measure: verification", "measure: verify",
         "docs/data/funding-rules.yml, line 60: 'measure' is 'verify', which is not allowed. Fix: use one of: awareness, assessment, demonstration, verification."),
        ("        share_percent: 100\n", "",
         "docs/data/funding-rules.yml, line 60: 'share_percent' is missing. Fix: add a line 'share_percent: …'."),
        ("share_percent: 100", "share_percent: 150",
         "docs/data/funding-rules.yml, line 68: 'share_percent' is 150, expected at most 100. Fix: correct the number."),
        ("cap_basis: per-project", "cap_basis: each project",
         "'cap_basis' is 'each project', which is not allowed. Fix: use one of: per-application, per-project, average-per-project."),
        ("  - phase: \"2008-04\"", "  - phase: \"April 2008\"",
         "docs/data/funding-rules.yml, line 9: 'phase' is 'April 2008', which is not in the expected form. Fix: When the phase started, as year-month: 2008-04."),
        ("        en: Hong Kong-owned\n", "",
         "docs/data/funding-rules.yml, line 15: 'en' is missing. Fix: add a line 'en: …'."),
        ("    years: 5\n", "    years: 5\n    year: 5\n",
         "docs/data/funding-rules.yml, line 9: an entry is not known here ('year' was unexpected). Fix: remove it, or correct its spelling."),
        ("        funding: generally-free\n", "        funding: generally-free\n        cap_hkd: 100\n",
         "has entries that do not apply here. Fix: remove share_percent, cap_hkd and cap_basis"),
        ("measures:\n      - measure: awareness", "measures:\n      - measure: awareness\n   bad indent: [",
         "docs/data/funding-rules.yml, line 30: the file cannot be read"),
    ],
)
def test_mistakes_in_the_rules_name_the_line_and_the_fix(project: Path, old: str, new: str, message: str) -> None:
    edit(project / RULES, old, new)
    result = run_command(project, "check")
    assert result.returncode == 1
    assert message in result.stderr


def test_summary_of_an_unknown_measure_is_named(project: Path) -> None:
    edit(project / "docs" / "funding.en.md", "summary|measure=assessment", "summary|measure=assesment")
    result = run_command(project, "check")
    assert "docs/funding.en.md, line 22: [[data:funding-rules.yml|summary|measure=assesment]]: the summary needs a measure of the phase" in result.stderr


def test_a_new_phase_reaches_the_pages_without_code_changes(project: Path) -> None:
    """Staff copy the phase, change what differs, and the calculator uses the latest."""
    text = (project / RULES).read_text(encoding="utf-8")
    first_phase = text[text.index("  - phase:"):]
    second = (
        first_phase.replace('"2008-04"', '"2031-04"').replace("years: 5", "years: 2")
        .replace("第一期（2008 年 4 月起，為期 5 年）", "示例期").replace("First phase (from April 2008, for 5 years)", "Example phase")
        .replace("cap_hkd: 15000\n        cap_basis: per-application", "cap_hkd: 25000\n        cap_basis: per-application")
    )
    (project / RULES).write_text(text + second, encoding="utf-8")
    assert run_command(project, "check").returncode == 0
    rules, problems = funding.load(project / RULES)
    assert problems == [] and rules.phase().phase == "2031-04"
    assert funding.subsidy(rules.phase().measure("assessment"), Decimal(60000)).subsidy == 25000

    assert run_build(project).returncode == 0
    page = read_html(project / "site", "en/eligibility/")
    assert page.select_one("table.funding-rules caption").get_text().startswith("Example phase")
    assert "HK$25,000 per application" in page.select_one("table.funding-rules").get_text()
    assert '"cap": 25000' in page.select_one("#funding-data").get_text()


def test_phases_out_of_order_are_refused(project: Path) -> None:
    text = (project / RULES).read_text(encoding="utf-8")
    first_phase = text[text.index("  - phase:"):]
    (project / RULES).write_text(text + first_phase.replace('"2008-04"', '"2005-01"'), encoding="utf-8")
    result = run_command(project, "check")
    assert "phase 2005-01 comes after phase 2008-04 but starts no later. Fix: list the phases in the order they started" in result.stderr
