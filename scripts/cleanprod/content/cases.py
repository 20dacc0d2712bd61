"""Demonstration project case studies (docs/cases/*.md): read, checked and
worked out.

A case's front matter is checked against docs/_data/case.schema.json, with the
sectors of docs/data/sectors.csv as the allowed values; its subsidy may be at
most the demonstration measure's share of its cost (docs/data/funding-rules.yml);
the zh-Hant and English files must give the same figures. The payback period
is worked out here, never written by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from cleanprod.content import entries
from cleanprod.content.chinese import converter_for, in_language
from cleanprod.content.funding import Rules
from cleanprod.problems import Problem
from cleanprod.content.revision import build_date

FOLDER = "cases"
SCHEMA = "case.schema.json"
SHARED = ("sector", "technology", "year", "city", "investment_hkd", "subsidy_hkd", "results", "example")
DEMONSTRATION = "demonstration"


@dataclass(frozen=True)
class Case:
    slug: str
    lang: str
    title: str
    description: str
    sector: str
    technology: str
    year: int
    city: str
    investment_hkd: int
    subsidy_hkd: int
    results: dict[str, int]
    example: bool
    source: Path

    @property
    def url(self) -> str:
        return f"{FOLDER}/{self.slug}/"

    @property
    def payback_years(self) -> Decimal | None:
        """Investment divided by the cost saved each year, to one decimal place; None without a saving."""
        saved = self.results.get("cost_saved_hkd")
        if not saved:
            return None
        return (Decimal(self.investment_hkd) / saved).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Cases:
    schema: dict
    by_lang: dict[str, list[Case]]  # newest first, then by title

    def label(self, field: str, code: str, lang: str) -> str:
        """A technology's or city's words, from the schema's x-labels."""
        return in_language(self.schema["properties"][field]["x-labels"][code], lang)

    def result_fields(self) -> list[str]:
        return list(self.schema["properties"]["results"]["properties"])

    def result_label(self, field: str, lang: str, key: str = "x-labels") -> str:
        """A result's name (key='x-labels') or unit (key='x-unit') in `lang`."""
        return in_language(self.schema["properties"]["results"]["properties"][field][key], lang)


def load_all(pages, docs: Path, sector_codes: list[str] | None, rules: Rules | None) -> tuple[Cases, list[Problem]]:
    schema = entries.load_schema(docs / "_data" / SCHEMA, {"sector": sector_codes})
    def checks(page, meta: dict) -> list[Problem]:
        return _check_year(page, meta) + (_check_subsidy(page, meta, rules) if rules is not None else [])

    by_lang, problems = entries.load_records(pages, docs, FOLDER, schema, kind="case study", shared=SHARED, make=_case, more_checks=checks)
    for cases in by_lang.values():
        cases.sort(key=lambda c: (-c.year, c.slug))
    return Cases(schema, by_lang), problems


def _check_year(page, meta: dict) -> list[Problem]:
    """A case study gives results measured once the project was completed,
    so its year is not after this one (a slip of a digit: 2031 for 2013)."""
    this_year = build_date().year
    if meta.get("year", 0) > this_year:
        return [Problem(page.path, entries.field_line(page, "year"), f"the project's year ({meta['year']}) is after this year ({this_year})", "write the year the project was completed, whose results the page gives")]
    return []


def _check_subsidy(page, meta: dict, rules: Rules) -> list[Problem]:
    """The demonstration rule of the phase the project was completed in: the
    government pays at most its share of the cost."""
    if not {"year", "investment_hkd", "subsidy_hkd"} <= meta.keys():
        return []
    started = [p for p in rules.phases if int(p.phase[:4]) <= meta["year"]] or [rules.phases[0]]
    share = next((m.share_percent for m in started[-1].measures if m.measure == DEMONSTRATION), None)
    if share is None:
        return []
    most = Decimal(meta["investment_hkd"]) * share / 100
    if meta["subsidy_hkd"] > most:
        return [Problem(page.path, entries.field_line(page, "subsidy_hkd"), f"the subsidy (HK${meta['subsidy_hkd']:,}) is more than {share}% of the investment (HK${meta['investment_hkd']:,}), the most a demonstration project gets", f"check both figures: the subsidy may be at most HK${most:,.0f}")]
    return []


def _case(record: entries.Record, lang: str) -> Case:
    meta = record.meta
    convert = converter_for(lang)
    return Case(
        slug=record.slug,
        lang=lang,
        title=convert(meta["title"]),
        description=convert(meta.get("description", "")),
        sector=meta["sector"],
        technology=meta["technology"],
        year=meta["year"],
        city=meta["city"],
        investment_hkd=meta["investment_hkd"],
        subsidy_hkd=meta["subsidy_hkd"],
        results=dict(meta["results"]),
        example=bool(meta.get("example")),
        source=record.page.path,
    )
