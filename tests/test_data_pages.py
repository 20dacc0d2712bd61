"""Data rendered into pages: charts, open data downloads, the data dictionary."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from frictionless import Package, Resource, Schema, system

from cleanprod.paths import DATA_FILES
from conftest import LANG_PREFIXES, edit, read_html, run_build

MEASURES = {"zh-Hant": "實地評估", "en": "On-site assessment", "zh-Hans": "实地评估"}


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_chart_is_inline_svg_labelled_in_the_page_language(site: Path, lang: str) -> None:
    html = read_html(site, LANG_PREFIXES[lang] + "statistics/")
    svg = html.select_one("#approvals ~ figure svg.data-chart")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    caption = html.select_one("#approvals ~ .data-table caption")
    assert caption.get_text().startswith(svg.find(id=title_id).get_text())
    assert "paragraph 10" in caption.get_text() or "第 10 段" in caption.get_text()
    assert svg.find(id=desc_id).get_text()
    texts = [t.get_text() for t in svg.find_all("text")]
    assert MEASURES[lang] in texts and "2011/12" in texts
    assert {"113", "227", "319", "284", "25", "38", "41", "28", "178", "154", "370"} <= set(texts)
    assert len(svg.find_all("rect")) == 12 + 3  # bars, legend keys
    # The same numbers as a table, beside the chart.
    table = svg.find_parent("figure").select_one("details table")
    assert "370" in table.get_text()


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_open_data_offers_every_file_with_schema_and_dictionary(site: Path, lang: str) -> None:
    path = LANG_PREFIXES[lang] + "open-data/"
    html = read_html(site, path)
    downloads = [a["href"] for a in html.select("article a[download]")]
    assert len(downloads) == len(list(DATA_FILES.glob("*.csv"))) >= 4
    for href in downloads + [a["href"] for a in html.select('article a[href$=".schema.json"]')]:
        target = site / urljoin("/" + path, href).lstrip("/")
        assert target.is_file(), href
    text = html.select_one("article").get_text()
    assert "approvals.csv" in text and "logo-awardees.csv" in text and "awareness.csv" in text and "sectors.csv" in text
    assert {"zh-Hant": "可用數值", "en": "Allowed values", "zh-Hans": "可用数值"}[lang] in text
    assert "verification" in text and MEASURES[lang] in text
    size = (site / "data" / "approvals.csv").stat().st_size
    assert f"{size:,}" in text


def frictionless_errors(csv_file: Path) -> list[list]:
    """What `frictionless validate` finds wrong with a published CSV file
    against the schema published beside it: row, column, error, note."""
    with system.use_context(trusted=True):  # the files are local and ours
        schema = Schema.from_descriptor(str(csv_file.with_name(csv_file.stem + ".schema.json")))
        report = Resource(path=str(csv_file), schema=schema).validate()
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_published_data_file_matches_its_schema(site: Path) -> None:
    published = sorted((site / "data").glob("*.csv"))
    assert [f.name for f in published] == sorted(f.name for f in DATA_FILES.glob("*.csv"))
    for csv_file in published:
        assert frictionless_errors(csv_file) == [], csv_file.name


@pytest.mark.parametrize("lang", LANG_PREFIXES)
def test_one_data_package_describes_every_file(site: Path, lang: str) -> None:
    """datapackage.json lists every file with its schema; a data user's
    `frictionless validate datapackage.json` accepts them all at once."""
    path = LANG_PREFIXES[lang] + "open-data/"
    [link] = [a["href"] for a in read_html(site, path).select('article a[href$="datapackage.json"]')]
    descriptor = site / urljoin("/" + path, link).lstrip("/")
    assert descriptor == site / "data" / "datapackage.json"
    with system.use_context(trusted=True):  # the files are local and ours
        report = Package(str(descriptor)).validate()
    assert report.valid, report.flatten(["taskName", "rowNumber", "type", "note"])
    assert [task.name for task in report.tasks] == sorted(f.stem for f in DATA_FILES.glob("*.csv"))
    assert all(task.stats["rows"] > 0 for task in report.tasks)


def test_data_saved_by_a_spreadsheet_is_published_as_its_schema_reads_it(project: Path) -> None:
    """What the check accepts (a byte order mark, CRLF, 4,100, Yes) is not
    what the schema declares; the published copy is, and so is its size."""
    data = project / "docs" / "data"
    edit(data / "awareness.csv", "54,4100", '54,"4,100"')
    partners = (data / "partners.csv").read_text(encoding="utf-8")
    (data / "partners.csv").write_text(partners.replace(",yes\n", ",Yes\n").replace("\n", "\r\n"), encoding="utf-8-sig")
    assert frictionless_errors(data / "awareness.csv")[0][1:3] == ["participants", "type-error"]
    assert frictionless_errors(data / "partners.csv")[0][1:3] == ["example", "type-error"]
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for name in ("awareness.csv", "partners.csv"):
        assert (site / "data" / name).read_bytes() == (DATA_FILES / name).read_bytes()
        assert frictionless_errors(site / "data" / name) == []
    listing = read_html(site, "en/open-data/").select_one("article").get_text()
    assert f"awareness.csv (CSV, UTF-8, {(site / 'data' / 'awareness.csv').stat().st_size:,} bytes" in listing


def test_statistics_page_links_to_the_csv(site: Path) -> None:
    html = read_html(site, "en/statistics/")
    hrefs = [a["href"] for a in html.select("article .data-source a")]
    assert "../../data/approvals.csv" in hrefs
    assert (site / "data" / "approvals.csv").is_file()
