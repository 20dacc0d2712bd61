"""Expected answers worked out by hand, at and around each boundary, for the
code that decides what readers see: the stated totals of a data file, the
Simplified conversion's link protection, the escaping of every table part,
the link checker's branches, revision dates and the staged build. Each test
runs in-process, without a build (the fast tier, `make test-fast`)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from cleanprod import languages
from cleanprod.checks import links
from cleanprod.content import datasets, revision
from cleanprod.engine import build
from cleanprod.content.chinese import markdown_to_simplified, to_simplified
from cleanprod.content.datasets import Dataset
from cleanprod.render.table import pivot_table, plain_table, scrolling
from conftest import edit

DATA = Path(__file__).resolve().parents[1] / "docs" / "data"


# ---- Stated totals (datasets.py) ----------------------------------------------


@pytest.fixture
def approvals(tmp_path: Path) -> Path:
    for name in ("approvals.csv", "approvals.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "approvals.csv"


def test_rows_adding_up_to_every_stated_total_pass(approvals: Path) -> None:
    # 28 + 178 + 154 + 370 = 730 verifications; 284 + 41 + 370 = 695 in 2011/12; 1,802 in all.
    dataset, problems = datasets.load(approvals)
    assert problems == []
    assert (dataset.total({"measure": "verification"}), dataset.total({"year": "2011/12"}), dataset.total()) == (730, 695, 1802)


@pytest.mark.parametrize("written,verification,year,everything", [
    ("369", "729", "694", "1,801"),  # one under each total the row counts in
    ("371", "731", "696", "1,803"),  # one over
])
def test_a_row_one_over_or_under_a_stated_total_is_named(approvals: Path, written: str, verification: str, year: str, everything: str) -> None:
    edit(approvals, "2011/12,verification,370", f"2011/12,verification,{written}")
    dataset, problems = datasets.load(approvals)
    assert dataset is None
    assert sorted(str(p).split("approvals.csv, ", 1)[1] for p in problems) == sorted([
        f"rows with measure = verification, column 'approved': the rows add up to {verification}, but the source states a total of 730 (paragraph 10). Fix: check each of these rows against the source.",
        f"rows with year = 2011/12, column 'approved': the rows add up to {year}, but the source states a total of 695 (paragraph 10). Fix: check each of these rows against the source.",
        f"rows with all rows, column 'approved': the rows add up to {everything}, but the source states a total of 1,802 (paragraph 10). Fix: check each of these rows against the source.",
    ])


# ---- Simplified conversion: what it must leave alone (chinese.py) --------------


@pytest.mark.parametrize("source,expected", [
    # A link's text is converted; its file name never, or it would lead nowhere.
    ("見[資助](資助.md)。", "见[资助](資助.md)。"),
    # The fragment names a heading, which is converted too; the file name is not.
    ("見[對象行業](資助.md#對象行業)。", "见[对象行业](資助.md#对象行业)。"),
    # A title after the fragment is kept as written, as is a folder's name.
    ('[資助](資助.md#對象行業 "資助")', '[资助](資助.md#对象行业 "資助")'),
    ("![圖表](圖表/資助.png)", "![图表](圖表/資助.png)"),
    ("[資助](<資助 計劃.md>)", "[资助](<資助 計劃.md>)"),
    # Code, an attribute list, a tag's attributes and an address are copied through.
    ("`資助.csv` 資助", "`資助.csv` 资助"),
    ("## 資助 {#資助}", "## 资助 {#資助}"),
    ('<abbr title="資助">資助</abbr>', '<abbr title="資助">资助</abbr>'),
    ("https://例子.香港/資助 資助", "https://例子.香港/資助 资助"),
    ("```\n資助\n```\n資助", "```\n資助\n```\n资助"),
])
def test_conversion_keeps_link_targets_and_code(source: str, expected: str) -> None:
    assert markdown_to_simplified(source) == expected


def test_conversion_applies_the_glossary_after_opencc() -> None:
    assert to_simplified("私隱政策：搜尋資訊") == "隐私政策：搜索信息"


# ---- Escaping in data tables (render/table.py) ---------------------------------

MARKUP = 'A <b>&amp; "B"'
ESCAPED = "A &lt;b&gt;&amp;amp; &quot;B&quot;"
LABELS = {"data.table.more": "<Scroll> & see"}  # the line over a table that scrolls
MORE = '<p class="data-table__more" data-pagefind-ignore>&lt;Scroll&gt; &amp; see</p>'


def _dataset(path: Path) -> Dataset:
    """A two-by-two table whose every text staff write holds markup."""
    def texts(value: str) -> dict[str, str]:
        return {"zh-Hant": value, "en": value}
    schema = {
        "x-title": texts(MARKUP),
        "x-source": texts(MARKUP + " source"),
        "fields": [
            {"name": "year", "type": "string", "x-title": texts(MARKUP + " year"), "constraints": {"enum": ["1", "2"]}},
            {"name": "kind", "type": "string", "x-title": texts(MARKUP + " kind"), "x-labels": {"a": texts("<i>a</i>"), "b": texts("b & c")}},
            {"name": "count", "type": "integer", "x-title": texts(MARKUP + " count")},
        ],
        "x-value": "count",
        "x-pivot": {"rows": "kind", "columns": "year"},
    }
    rows = ({"year": "1", "kind": "a", "count": 1000}, {"year": "2", "kind": "a", "count": 2}, {"year": "1", "kind": "b", "count": 30}, {"year": "2", "kind": "b", "count": 4})
    return Dataset(path, schema, rows)


def test_pivot_table_escapes_caption_headers_and_name(tmp_path: Path) -> None:
    html = pivot_table(_dataset(tmp_path / "t.csv"), "en", {"data.total": "<Total>", **LABELS})
    assert html == (
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<caption>{ESCAPED}<span class="data-caption-source">{ESCAPED} source</span></caption>'
        f'<thead><tr><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">1</th><th scope="col" class="num">2</th><th scope="col" class="num">&lt;Total&gt;</th></tr></thead>'
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td><td class="num">2</td><td class="num">1,002</td></tr>'
        '<tr><th scope="row">b &amp; c</th><td class="num">30</td><td class="num">4</td><td class="num">34</td></tr></tbody>'
        '<tfoot><tr><th scope="row">&lt;Total&gt;</th><td class="num">1,030</td><td class="num">6</td><td class="num">1,036</td></tr></tfoot>'
        "</table></div>"
    )


def test_plain_table_escapes_titles_labels_and_values(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "t.csv")
    rows = ({"year": "<1>", "kind": "b", "count": 5}, {"year": "2", "kind": "a", "count": 1234})
    html = plain_table(Dataset(dataset.path, dataset.schema, rows), "zh-Hant", LABELS, caption=False)
    assert html == (
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<thead><tr><th scope="col">{ESCAPED} year</th><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">{ESCAPED} count</th></tr></thead>'
        '<tbody><tr><td>&lt;1&gt;</td><td>b &amp; c</td><td class="num">5</td></tr>'
        '<tr><td>2</td><td>&lt;i&gt;a&lt;/i&gt;</td><td class="num">1,234</td></tr></tbody></table></div>'
    )


def test_a_table_with_one_row_and_one_column_has_no_totals(tmp_path: Path) -> None:
    dataset = _dataset(tmp_path / "t.csv")
    html = pivot_table(Dataset(dataset.path, dataset.schema, dataset.rows[:1]), "en", {"data.total": "Total", **LABELS}, caption=False)
    assert html == (
        f'<div class="data-table" role="group" tabindex="0" aria-label="{ESCAPED}">{MORE}<table>'
        f'<thead><tr><th scope="col">{ESCAPED} kind</th><th scope="col" class="num">1</th></tr></thead>'
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td></tr></tbody></table></div>'
    )


def test_a_table_with_one_column_totals_its_rows_only(tmp_path: Path) -> None:
    # 1,000 (a) + 30 (b) in year 1; no total column beside a single column.
    dataset = _dataset(tmp_path / "t.csv")
    html = pivot_table(Dataset(dataset.path, dataset.schema, (dataset.rows[0], dataset.rows[2])), "en", {"data.total": "Total", **LABELS}, caption=False)
    assert html.endswith(
        '<tbody><tr><th scope="row">&lt;i&gt;a&lt;/i&gt;</th><td class="num">1,000</td></tr><tr><th scope="row">b &amp; c</th><td class="num">30</td></tr></tbody>'
        '<tfoot><tr><th scope="row">Total</th><td class="num">1,030</td></tr></tfoot></table></div>'
    )


def test_pivot_columns_follow_the_schema_and_rows_the_file(tmp_path: Path) -> None:
    """Years in the schema's order whatever the file's; kinds, which have no
    list of allowed values, in the order the file first names them."""
    dataset = _dataset(tmp_path / "t.csv")
    rows = tuple(sorted(dataset.rows, key=lambda row: (row["year"] != "2", row["kind"] != "b")))  # 2/b, 2/a, 1/b, 1/a
    html = pivot_table(Dataset(dataset.path, dataset.schema, rows), "en", {"data.total": "T", **LABELS}, caption=False)
    assert '<th scope="col" class="num">1</th><th scope="col" class="num">2</th><th scope="col" class="num">T</th>' in html
    assert html.index("b &amp; c") < html.index("&lt;i&gt;a&lt;/i&gt;")


def test_scrolling_box_names_itself_as_text() -> None:
    assert scrolling("<table></table>", '"><script>', LABELS) == f'<div class="data-table" role="group" tabindex="0" aria-label="&quot;&gt;&lt;script&gt;">{MORE}<table></table></div>'


# ---- The link checker's branches (links.py) -----------------------------------


def _site(folder: Path, pages: dict[str, str], base: str | None) -> Path:
    """A built site of these pages (path → body), published at `base`."""
    for path, body in pages.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        canonical = f'<link rel="canonical" href="{base}">' if base is not None and path == "index.html" else ""
        (folder / path).write_text(canonical + body, encoding="utf-8")
    return folder


def test_checker_flags_scripts_and_skips_data_addresses(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": '<a href="javascript:alert(1)">run</a><a href="JavaScript:void(0)">x</a><img src="data:image/png;base64,AAAA" alt="">'}, "https://cpp-site.hk/")
    report = links.check(site)
    assert report.broken == {"index.html": ["'javascript:alert(1)' is a script, not a link", "'JavaScript:void(0)' is a script, not a link"]}
    assert report.external == {}


def test_checker_of_a_site_published_below_its_root(tmp_path: Path) -> None:
    """Published at https://cpp-site.hk/cpp/: a link that climbs above /cpp/
    leads out of the site, wherever it leads on the builder's disk."""
    site = _site(tmp_path, {
        "index.html": '<a href="../">up</a> <a href="/about/">root</a> <a href="en/about/">ok</a> <a href="/cpp/en/about/#why">ok too</a> '
                      '<a href="https://cpp-site.hk/cpp/en/about/#nowhere">own address</a> <a href="https://cpp-site.hk/other/">other site</a>',
        "en/about/index.html": '<h2 id="why">Why</h2><a href="../../">home</a>',
    }, "https://cpp-site.hk/cpp/")
    report = links.check(site)
    assert report.broken == {"index.html": [
        "'../' points outside the site's folder /cpp/",
        "'/about/' points outside the site's folder /cpp/",
        "'/cpp/en/about/#nowhere': the page has no anchor '#nowhere'",
    ]}
    assert report.external == {"https://cpp-site.hk/other/": ["index.html"]}


def test_checker_of_a_site_at_its_root(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="/en/about/">ok</a> <a href="en/about/#why">ok</a> <a href="/funding/">none</a> <a href="en/about/index.html">file</a>',
        "en/about/index.html": '<h2 id="why">Why</h2><a href="../../">home</a> <a href="../../missing.csv">data</a>',
    }, "https://cpp-site.hk/")
    report = links.check(site)
    assert report.broken == {
        "index.html": ["'/funding/' leads to no page or file"],
        "en/about/index.html": ["'../../missing.csv' leads to no page or file"],
    }
    assert report.lines() == [
        "BROKEN  /en/about/index.html: '../../missing.csv' leads to no page or file",
        "BROKEN  /index.html: '/funding/' leads to no page or file",
    ]


def test_checker_decodes_percent_encoded_paths_and_anchors(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="%E8%B3%87%E5%8A%A9/#%E5%B0%8D%E8%B1%A1">found</a> <a href="%E8%B3%87%E5%8A%A9/#%E8%A1%8C%E6%A5%AD">no such anchor</a>',
        "資助/index.html": '<h2 id="對象">對象</h2>',
    }, None)
    assert links.check(site).broken == {"index.html": ["'%E8%B3%87%E5%8A%A9/#%E8%A1%8C%E6%A5%AD': the page has no anchor '#行業'"]}


def test_external_links_are_listed_by_address_with_each_page_once(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="https://www.epd.gov.hk/">EPD</a><a href="mailto:a@cpp-site.hk">mail</a>',
        "en/index.html": '<a href="https://www.epd.gov.hk/">EPD</a><a href="https://www.epd.gov.hk/">again</a>',
    }, "https://cpp-site.hk/")
    report = links.check(site)
    assert report.broken == {}
    assert report.lines() == [
        "EXTERNAL  https://www.epd.gov.hk/  (linked from /en/index.html, /index.html)",
        "EXTERNAL  mailto:a@cpp-site.hk  (linked from /index.html)",
    ]


# ---- Revision dates (revision.py) ----------------------------------------------


def _commit(root: Path, when: str, *files: str) -> None:
    """Commit `files` (written with their own name) at `when`, as git records it."""
    env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name + when, encoding="utf-8")
    for args in (["add", *files], ["commit", "-q", "-m", "Pages"]):
        subprocess.run(["git", "-c", "user.name=Staff", "-c", "user.email=staff@example.org", *args], cwd=root, env=env, check=True, capture_output=True)


def test_revision_dates_are_each_file_s_last_commit_in_hong_kong(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    # 20:30 on 31 March at UTC+1 is 03:30 on 1 April in Hong Kong (UTC+8).
    _commit(tmp_path, "2012-03-31T20:30:00+01:00", "docs/about.md", "docs/funding.md")
    _commit(tmp_path, "2012-11-26T09:00:00+08:00", "docs/funding.md", "README.md")
    times = revision.last_commit_times(tmp_path)
    assert times == {
        "docs/about.md": datetime(2012, 4, 1, 3, 30, tzinfo=revision.HONG_KONG),
        "docs/funding.md": datetime(2012, 11, 26, 9, 0, tzinfo=revision.HONG_KONG),
    }
    assert times["docs/about.md"].date() == date(2012, 4, 1)
    (tmp_path / "docs" / "about.md").write_text("changed", encoding="utf-8")
    (tmp_path / "docs" / "new.md").write_text("new", encoding="utf-8")
    assert revision.uncommitted(tmp_path) == {"docs/about.md", "docs/new.md"}


def test_outside_a_repository_there_are_no_commit_dates(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    assert revision.last_commit_times(tmp_path) == {}
    assert revision.uncommitted(tmp_path) == set()


def test_build_day_is_source_date_epoch_in_hong_kong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.fromisoformat("2012-03-31T16:00:00+00:00").timestamp())))
    assert revision.build_moment() == datetime(2012, 4, 1, 0, 0, tzinfo=revision.HONG_KONG)
    assert revision.build_date() == date(2012, 4, 1)


@pytest.mark.parametrize("day,lang,expected", [
    (date(2012, 3, 31), "zh-Hant", "2012年3月31日"),
    (date(2012, 3, 31), "zh-Hans", "2012年3月31日"),
    (date(2012, 3, 31), "en", "31 March 2012"),
    (date(2008, 1, 5), "en", "5 January 2008"),
    (date(2027, 12, 1), "en", "1 December 2027"),
])
def test_dates_as_readers_write_them(day: date, lang: str, expected: str) -> None:
    assert languages.get(lang).date(day) == expected


# ---- The staged build (build.py) -----------------------------------------------


def test_staged_build_is_published_readable_by_the_web_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """mkdtemp makes the staging folder 0700; a site/ the server's user cannot read is a site that is down."""
    def build_into(folder: Path, env: dict[str, str]) -> None:
        assert folder.parent == tmp_path and folder.name.startswith(".site-new-")
        (folder / "index.html").write_text("new", encoding="utf-8")
    monkeypatch.setattr(build, "build_into", build_into)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    build.build(site)
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_staged_build_leaves_the_site_and_no_staging_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def build_into(folder: Path, env: dict[str, str]) -> None:
        (folder / "index.html").write_text("half", encoding="utf-8")
        raise build.BuildFailed("'cleanprod.engine.language_builds' stopped the build (exit code 1)")
    monkeypatch.setattr(build, "build_into", build_into)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    with pytest.raises(build.BuildFailed):
        build.build(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_first_build_creates_the_site_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "build_into", lambda folder, env: (folder / "index.html").write_text("new", encoding="utf-8"))
    build.build(tmp_path / "public" / "site")
    assert (tmp_path / "public" / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE((tmp_path / "public" / "site").stat().st_mode) == 0o755


def test_build_environment_dates_the_build_by_the_last_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    expected = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=build.ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert expected, "the tests need the repository's git history"
    env = build.reproducible_env()
    assert (env["SOURCE_DATE_EPOCH"], env["NO_MKDOCS_2_WARNING"]) == (expected, "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1333209600")
    assert build.reproducible_env()["SOURCE_DATE_EPOCH"] == "1333209600"

