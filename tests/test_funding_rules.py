"""docs/data/funding-rules.yml: staff mistakes stop the build with the line
and the fix; a new phase added by staff reaches the pages without code changes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cleanprod.content import funding
from conftest import edit, read_html, run_build, run_command

RULES = Path("docs") / "data" / "funding-rules.yml"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("cap_hkd: 15000\n        cap_basis: per-application", "cap_hkd: 15,000 dollars\n        cap_basis: per-application",
         "docs/data/funding-rules.yml, line 163: 'cap_hkd' is '15,000 dollars', expected a whole number. Fix: write a whole number with digits only, such as 15000."),
        ("measure: verification", "measure: verify",
         "docs/data/funding-rules.yml, line 177: 'measure' is 'verify', which is not allowed. Fix: use one of: awareness, assessment, demonstration, verification, demonstration-wider, demonstration-research, organisation-support, new-technology."),
        ("        share_percent: 100\n", "",
         "docs/data/funding-rules.yml, line 177: 'share_percent' is missing. Fix: add a line 'share_percent: …'."),
        ("share_percent: 100", "share_percent: 150",
         "docs/data/funding-rules.yml, line 185: 'share_percent' is 150, expected at most 100. Fix: correct the number."),
        ("cap_basis: per-project", "cap_basis: each project",
         "'cap_basis' is 'each project', which is not allowed. Fix: use one of: per-application, per-project, per-factory, average-per-project."),
        ("  - phase: \"2008-04\"", "  - phase: \"April 2008\"",
         "docs/data/funding-rules.yml, line 119: 'phase' is 'April 2008', which is not in the expected form. Fix: write it as year-month, such as 2008-04, or the year alone, such as 2025, where the source gives no month."),
        ("        en: the Pearl River Delta\n", "",
         "docs/data/funding-rules.yml, line 137: 'en' is missing. Fix: add a line 'en: …'."),
        ("    years: 5 ", "    year: 5\n    years: 5 ",
         "docs/data/funding-rules.yml, line 119: an entry is not known here ('year' was unexpected). Fix: remove it, or correct its spelling."),
        ("        funding: generally-free\n", "        funding: generally-free\n        cap_hkd: 100\n",
         "has entries that do not apply here. Fix: remove share_percent, cap_hkd and cap_basis"),
        ("measures:\n      - measure: awareness", "measures:\n      - measure: awareness\n   bad indent: [",
         "docs/data/funding-rules.yml, line 147: the file cannot be read"),
    ],
)
def test_mistakes_in_the_rules_name_the_line_and_the_fix(project: Path, old: str, new: str, message: str) -> None:
    edit(project / RULES, old, new)
    result = run_command(project, "check")
    assert result.returncode == 1
    assert message in result.stderr


def test_summary_of_an_unknown_measure_is_named(project: Path) -> None:
    edit(project / "docs" / "funding.en.md", "phase=2008-04|measure=assessment", "phase=2008-04|measure=assesment")
    result = run_command(project, "check")
    assert "docs/funding.en.md, line 47: [[data:funding-rules.yml|summary|phase=2008-04|measure=assesment]]: the summary needs a measure of the phase" in result.stderr


def test_a_new_phase_reaches_the_pages_without_code_changes(project: Path) -> None:
    """Staff copy the last phase, change what differs, and the pages lead with it."""
    text = (project / RULES).read_text(encoding="utf-8")
    last_phase = text[text.rindex("  - phase:"):]
    sixth = (
        last_phase.replace('"2025"', '"2028-04"').replace("number: 5", "number: 6").replace('ends: "2027"', 'ends: "2030-03"')
        .replace("第五期", "示例期").replace("Phase 5", "Example phase")
        .replace("cap_hkd: 650000", "cap_hkd: 700000")
    )
    (project / RULES).write_text(text + sixth, encoding="utf-8")
    assert run_command(project, "check").returncode == 0
    rules, problems = funding.load(project / RULES)
    assert problems == [] and rules.phase().phase == "2028-04"
    assert funding.subsidy(rules.phase().measure("new-technology"), Decimal(2_000_000)).subsidy == 700000

    assert run_build(project).returncode == 0
    page = read_html(project / "site", "en/eligibility/")
    assert page.select_one("table.funding-rules caption").get_text().startswith("Example phase")
    assert "HK$700,000 per project" in page.select_one("table.funding-rules").get_text()
    assert '"cap": 700000' in page.select_one("#funding-data").get_text()
    assert page.select_one("#q-phase-select option").get_text().startswith("Example phase")


def test_phases_out_of_order_are_refused(project: Path) -> None:
    text = (project / RULES).read_text(encoding="utf-8")
    first_phase = text[text.index('  - phase: "2008-04"'):text.index('  - phase: "2013-04"')]
    (project / RULES).write_text(text + first_phase.replace('"2008-04"', '"2005-01"'), encoding="utf-8")
    result = run_command(project, "check")
    assert "phase 2005-01 comes after phase 2025 but starts no later. Fix: list the phases in the order they started" in result.stderr
