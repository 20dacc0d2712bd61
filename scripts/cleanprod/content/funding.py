"""The funding rules (docs/data/funding-rules.yml), read and checked, and the
sum they define: what the government pays towards a cost.

The rules are kept phase by phase, each as its sources give it: a detail no
source gives (a phase's money, a measure's share) is absent, and the pages
say so. The latest phase is the one in force; the pages show the earlier
ones as history.

The subsidy calculator in the browser (overrides/assets/eligibility.js) does
the same sum; the tests check that the two agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from cleanprod.content import structured
from cleanprod.problems import Problem

RULES_FILE = "funding-rules.yml"
LARGEST_COST = Decimal(100_000_000)  # HK$100 million: more than the programme's whole first budget
# The smallest cost the calculator takes: below it a figure is a slip (40 typed
# for 40,000), not the cost of an assessment or a project.
SMALLEST_COST = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Source:
    """A published page that rules come from: named on every page that uses it."""

    code: str
    title: dict[str, str]
    publisher: dict[str, str]
    url: str | None = None
    date: str | None = None  # as the page dates itself; None: undated


@dataclass(frozen=True)
class Measure:
    measure: str
    name: dict[str, str]
    funding: str  # generally-free | share-of-cost | cap-only | not-published
    pays_for: dict[str, str] | None = None
    share_percent: int | None = None
    share_up_to: bool = False  # the share is a most: "up to 50%"
    share_of: dict[str, str] | None = None
    cap_hkd: int | None = None
    cap_basis: str | None = None  # per-application | per-project | per-factory | average-per-project
    higher_cap_hkd: int | None = None  # for a technology developed in Hong Kong, or jointly
    within_months: int | None = None
    for_associations: bool = False
    requires: str | None = None

    @property
    def calculable(self) -> bool:
        """A sum can be done: the source gives a share, a cap, or both."""
        return self.funding in ("share-of-cost", "cap-only")


@dataclass(frozen=True)
class Phase:
    phase: str  # when it started: year-month (2008-04) or the year (2025)
    number: int
    name: dict[str, str]
    dates: dict[str, str]
    sources: tuple[Source, ...]
    approved_by: dict[str, str]
    who: dict
    measures: tuple[Measure, ...]
    years: int | None = None
    ends: str | None = None
    money: dict[str, str] | None = None
    rules_source: Source | None = None  # undated: the pages say "as published on" it

    def measure(self, code: str) -> Measure:
        return next(m for m in self.measures if m.measure == code)

    @property
    def last_month(self) -> str | None:
        """The month (or year) the phase ended, as the source gives it."""
        if self.ends:
            return self.ends
        if self.years and len(self.phase) == 7:
            year, month = int(self.phase[:4]), int(self.phase[5:])
            months = year * 12 + month - 1 + self.years * 12 - 1
            return f"{months // 12}-{months % 12 + 1:02d}"
        return None


@dataclass(frozen=True)
class Rules:
    phases: tuple[Phase, ...]  # in order, the latest last
    places: dict[str, list[dict[str, str]]]  # area → its cities, for the checker

    def phase(self, code: str | None = None) -> Phase:
        """The phase that started in `code`, or the latest: the one in force."""
        return self.phases[-1] if code is None else next(p for p in self.phases if p.phase == code)

    def is_current(self, phase: Phase) -> bool:
        return phase is self.phases[-1]


@dataclass(frozen=True)
class Subsidy:
    """What the government pays towards `cost` under one measure, and why."""

    cost: Decimal
    share_of_cost: Decimal  # share_percent of the cost (all of it where no share is given), before the cap
    subsidy: Decimal  # the sum; where `at_most`, the most the rules allow
    own_share: Decimal  # the cost less the subsidy; where `at_most`, the least the factory pays
    capped: bool  # the cap, not the share, set the subsidy
    cap: int | None  # the cap that applied
    at_most: bool  # the rules give a most, not a sum: "up to 50%", a cap without a share, an average cap


def subsidy(measure: Measure, cost: Decimal, higher_cap: bool = False) -> Subsidy:
    """The share of the cost, at most the cap; rounded to the cent, halves up.

    Where the source gives a cap but no share, the government pays at most
    the whole cost and at most the cap. A cap that is an average over all
    projects (the first phase's demonstration projects) limits no single
    project, so the most is the share; the pages say what the average means.
    `higher_cap`: the technology was developed in Hong Kong or jointly.
    """
    percent = measure.share_percent if measure.share_percent is not None else 100
    share = (cost * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    cap = measure.higher_cap_hkd if higher_cap and measure.higher_cap_hkd else measure.cap_hkd
    limits = cap is not None and measure.cap_basis != "average-per-project"
    paid = min(share, Decimal(cap)) if limits else share
    at_most = measure.share_up_to or measure.funding == "cap-only" or measure.cap_basis == "average-per-project"
    return Subsidy(cost, share, paid, cost - paid, capped=limits and share > cap, cap=cap, at_most=at_most)


def _month(text: str) -> tuple[int, int | None]:
    return (int(text[:4]), int(text[5:]) if len(text) == 7 else None)


def overlaps(earlier_end: str, later_start: str) -> bool:
    """The later phase starts before the earlier ended, at the precision both give:
    a phase that ended in 2025-03 and one that started in '2025' do not overlap."""
    (end_year, end_month), (start_year, start_month) = _month(earlier_end), _month(later_start)
    if end_month is not None and start_month is not None:
        return (start_year, start_month) <= (end_year, end_month)
    return start_year < end_year


def load(path: Path) -> tuple[Rules | None, list[Problem]]:
    """Read the rules and check them against their schema and each other."""
    data, node_of, problems = structured.read_yaml(path)
    if problems:
        return None, problems
    schema = json.loads(path.with_name(path.name.replace(".yml", ".schema.json")).read_text(encoding="utf-8"))
    problems = structured.check(path, data, node_of, schema)
    if problems:
        return None, problems

    def at(*steps: str | int) -> str:
        return structured.line_of(node_of(), list(steps))

    sources = {
        code: Source(code, s["title"], s["publisher"], s.get("url"), str(s["date"]) if "date" in s else None)
        for code, s in data["sources"].items()
    }
    known = ", ".join(sources)
    for i, p in enumerate(data["phases"]):
        for code in p["sources"]:
            if code not in sources:
                problems.append(Problem(path, at("phases", i, "sources"), f"phase {p['number']} names the source '{code}', which is not under 'sources'", f"add it under 'sources' with its title, publisher and address, or use one of: {known}"))
        if "rules_source" in p and p["rules_source"] not in sources:
            problems.append(Problem(path, at("phases", i, "rules_source"), f"phase {p['number']} names the source '{p['rules_source']}', which is not under 'sources'", f"add it under 'sources', or use one of: {known}"))
        if "years" in p and "ends" in p:
            problems.append(Problem(path, at("phases", i, "years"), f"phase {p['number']} gives both 'years' and 'ends'", "keep the one the source gives"))
    if problems:
        return None, problems

    phases = tuple(
        Phase(**{
            **p,
            "sources": tuple(sources[c] for c in p["sources"]),
            "rules_source": sources[p["rules_source"]] if "rules_source" in p else None,
            "measures": tuple(Measure(**m) for m in p["measures"]),
        })
        for p in data["phases"]
    )
    for i, phase in enumerate(phases):
        if i:
            before = phases[i - 1]
            if _month(phase.phase) <= _month(before.phase):
                problems.append(Problem(path, at("phases", i, "phase"), f"phase {phase.phase} comes after phase {before.phase} but starts no later", "list the phases in the order they started, the latest last"))
            elif before.last_month and overlaps(before.last_month, phase.phase):
                problems.append(Problem(path, at("phases", i, "phase"), f"phase {phase.number} starts ({phase.phase}) before phase {before.number} ends ({before.last_month}): the phases overlap", f"check both phases' dates in their sources: phase {phase.number} should start after {before.last_month}"))
            if phase.number != before.number + 1:
                problems.append(Problem(path, at("phases", i, "number"), f"phase {phase.phase} is numbered {phase.number}, after phase {before.number}", f"number it {before.number + 1}"))
        codes = [m.measure for m in phase.measures]
        for j, code in enumerate(codes):
            if code in codes[:j]:
                problems.append(Problem(path, at("phases", i, "measures", j), f"phase {phase.phase} lists the measure '{code}' twice", "keep one of them"))
        for j, m in enumerate(phase.measures):
            if m.higher_cap_hkd is not None and m.cap_hkd is not None and m.higher_cap_hkd <= m.cap_hkd:
                problems.append(Problem(path, at("phases", i, "measures", j, "higher_cap_hkd"), f"the higher cap (HK${m.higher_cap_hkd:,}) is not more than the cap (HK${m.cap_hkd:,})", "check both figures in the source"))
    return (None if problems else Rules(phases, data["places"])), problems
