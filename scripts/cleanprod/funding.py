"""The funding rules (docs/data/funding-rules.yml), read and checked, and the
sum they define: what the government pays towards a cost.

The subsidy calculator in the browser (overrides/assets/eligibility.js) does
the same sum; the tests check that the two agree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from cleanprod import structured
from cleanprod.problems import Problem

RULES_FILE = "funding-rules.yml"
LARGEST_COST = Decimal(100_000_000)  # HK$100 million: more than the programme's whole first budget
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Measure:
    measure: str
    name: dict[str, str]
    pays_for: dict[str, str]
    funding: str  # generally-free | share-of-cost
    share_percent: int | None = None
    cap_hkd: int | None = None
    cap_basis: str | None = None  # per-application | per-project | average-per-project
    requires: str | None = None


@dataclass(frozen=True)
class Phase:
    phase: str  # year-month it started: 2008-04
    years: int
    name: dict[str, str]
    eligible: dict
    approved_by: dict[str, str]
    source: dict[str, str]
    measures: tuple[Measure, ...]

    def measure(self, code: str) -> Measure:
        return next(m for m in self.measures if m.measure == code)


@dataclass(frozen=True)
class Rules:
    path: Path
    phases: tuple[Phase, ...]  # in order, the latest last

    def phase(self, code: str | None = None) -> Phase:
        """The phase that started in `code` (year-month), or the latest."""
        return self.phases[-1] if code is None else next(p for p in self.phases if p.phase == code)


@dataclass(frozen=True)
class Subsidy:
    """What the government pays towards `cost` under one measure, and why."""

    cost: Decimal
    share_of_cost: Decimal  # share_percent of the cost, before the cap
    subsidy: Decimal
    own_share: Decimal
    capped: bool


def subsidy(measure: Measure, cost: Decimal) -> Subsidy:
    """share_percent of the cost, at most the cap; rounded to the cent, halves up."""
    share = (cost * measure.share_percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    paid = min(share, Decimal(measure.cap_hkd))
    return Subsidy(cost, share, paid, cost - paid, capped=share > measure.cap_hkd)


def load(path: Path) -> tuple[Rules | None, list[Problem]]:
    """Read the rules and check them against their schema and each other."""
    data, node_of, problems = structured.read_yaml(path)
    if problems:
        return None, problems
    schema = json.loads(path.with_name(path.name.replace(".yml", ".schema.json")).read_text(encoding="utf-8"))
    problems = structured.check(path, data, node_of, schema)
    if problems:
        return None, problems
    phases = tuple(
        Phase(**{**p, "measures": tuple(Measure(**m) for m in p["measures"])}) for p in data["phases"]
    )
    for i, phase in enumerate(phases):
        if i and phase.phase <= phases[i - 1].phase:
            problems.append(Problem(path, structured.line_of(node_of(), ["phases", i, "phase"]), f"phase {phase.phase} comes after phase {phases[i - 1].phase} but starts no later", "list the phases in the order they started, the latest last"))
        codes = [m.measure for m in phase.measures]
        for j, code in enumerate(codes):
            if code in codes[:j]:
                problems.append(Problem(path, structured.line_of(node_of(), ["phases", i, "measures", j]), f"phase {phase.phase} lists the measure '{code}' twice", "keep one of them"))
    return (None if problems else Rules(path, phases)), problems
