"""Every class of bad CSV input stops with a message naming file, row and column;
spreadsheet exports that are otherwise correct are accepted; values are escaped."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from cleanprod.content import datasets
from cleanprod.render.table import plain_table
from conftest import edit

DATA = Path(__file__).resolve().parents[1] / "docs" / "data"
LABELS = {"data.total": "Total", "data.table.more": "Scroll for more", "data.source": "Source"}


@pytest.fixture
def approvals(tmp_path: Path) -> Path:
    for name in ("approvals.csv", "approvals.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "approvals.csv"


def problems_of(path: Path) -> list[str]:
    dataset, problems = datasets.load(path)
    assert dataset is None and problems
    return [str(p) for p in problems]


def test_missing_or_renamed_column(approvals: Path) -> None:
    edit(approvals, "year,measure,approved", "yr,measure,approved")
    [message] = problems_of(approvals)
    assert "approvals.csv, row 1, column 'year': the column 'year' is missing (is 'yr' meant to be 'year'?)" in message


def test_extra_column(approvals: Path) -> None:
    text = approvals.read_text(encoding="utf-8").splitlines()
    approvals.write_text("\n".join([text[0] + ",note"] + [t + "," for t in text[1:]]) + "\n", encoding="utf-8")
    [message] = problems_of(approvals)
    assert "row 1, column 'note': the column 'note' is not in the schema" in message


def test_value_of_the_wrong_type(approvals: Path) -> None:
    edit(approvals, "2009/10,assessment,227", "2009/10,assessment,227 cases")
    [message] = problems_of(approvals)
    assert "approvals.csv, row 3, column 'approved': found '227 cases', expected a whole number" in message


def test_negative_count(approvals: Path) -> None:
    edit(approvals, "2008/09,demonstration,25", "2008/09,demonstration,-25")
    messages = problems_of(approvals)
    assert "row 6, column 'approved': found -25, expected a count of 0 or more" in messages[0]


def test_year_or_measure_outside_the_allowed_set(approvals: Path) -> None:
    edit(approvals, "2010/11,verification,154", "2010-11,verification,154")
    edit(approvals, "2011/12,demonstration,41", "2011/12,demo,41")
    messages = problems_of(approvals)
    assert any("row 9, column 'measure': found 'demo'" in m and "use one of: assessment, demonstration, verification" in m for m in messages)
    assert any("row 12, column 'year': found '2010-11'" in m and "2008/09, 2009/10, 2010/11, 2011/12" in m for m in messages)
    assert not any("formatted as Text" in m for m in messages)


def test_a_year_a_spreadsheet_took_for_a_date_is_explained(approvals: Path) -> None:
    edit(approvals, "2008/09,assessment,113", "Sep-08,assessment,113")
    [message] = problems_of(approvals)
    assert message.endswith("row 2, column 'year': found 'Sep-08', which is not one of the allowed values. Fix: use one of: 2008/09, 2009/10, 2010/11, 2011/12; a spreadsheet turns '2008/09' into a date unless the column is formatted as Text first.")


def test_duplicate_key(approvals: Path) -> None:
    approvals.write_text(approvals.read_text(encoding="utf-8") + "2009/10,assessment,0\n", encoding="utf-8")
    [message] = problems_of(approvals)
    assert "approvals.csv, row 14: the row repeats row 3 (year = 2009/10, measure = assessment)" in message


def test_rows_that_do_not_add_up_to_a_stated_total(approvals: Path) -> None:
    edit(approvals, "2011/12,verification,370", "2011/12,verification,371")
    messages = problems_of(approvals)
    assert any("rows with measure = verification, column 'approved': the rows add up to 731, but the source states a total of 730" in m for m in messages)
    assert any("year = 2011/12" in m and "696" in m and "695" in m for m in messages)
    assert any("all rows" in m and "1,803" in m and "1,802" in m for m in messages)


@pytest.mark.parametrize("encoding,expected", [("big5", "not saved as UTF-8"), ("utf-16", "saved as UTF-16")])
def test_file_not_in_utf8(approvals: Path, encoding: str, expected: str) -> None:
    text = approvals.read_text(encoding="utf-8").replace("assessment", "實地評估", 1)
    approvals.write_bytes(text.encode(encoding))
    [message] = problems_of(approvals)
    assert "approvals.csv" in message and expected in message and "CSV UTF-8" in message


def test_broken_quoting(approvals: Path) -> None:
    edit(approvals, "2010/11,assessment,319", '2010/11,"assessment,319')
    messages = problems_of(approvals)
    assert any("approvals.csv, row" in m and ("quotation marks" in m or "double quotes" in m) for m in messages)


def test_empty_file(approvals: Path) -> None:
    approvals.write_text("", encoding="utf-8")
    [message] = problems_of(approvals)
    assert "approvals.csv, the whole file: the file is empty" in message


def test_excel_export_variants_are_accepted(approvals: Path) -> None:
    lines = approvals.read_text(encoding="utf-8").splitlines()
    lines = [lines[0], lines[1].replace("113", '"113"')] + [" , ".join(line.split(",")) for line in lines[2:]]
    approvals.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n\r\n,,\r\n").encode("utf-8"))
    dataset, problems = datasets.load(approvals)
    assert problems == []
    assert dataset.total() == 1802
    assert dataset.published == (DATA / "approvals.csv").read_bytes()


def test_published_copy_is_written_as_the_schema_reads_it(tmp_path: Path) -> None:
    """Thousands separators, full-width digits, Yes and spaces, which the
    check accepts, are published as the schema declares them."""
    for name in ("awareness.csv", "awareness.schema.json", "partners.csv", "partners.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    edit(tmp_path / "awareness.csv", "54,4100", '５４,"4,100"')
    original = (DATA / "partners.csv").read_text(encoding="utf-8")
    (tmp_path / "partners.csv").write_text(original.replace(",yes\n", ", Yes \n").replace("\n", "\r\n"), encoding="utf-8-sig")
    awareness, problems = datasets.load(tmp_path / "awareness.csv")
    assert problems == []
    assert awareness.published == b"period,activities,participants\n2011/12,54,4100\n"
    partners, problems = datasets.load(tmp_path / "partners.csv")
    assert problems == []
    assert ", Yes" in (tmp_path / "partners.csv").read_text(encoding="utf-8-sig")
    assert partners.published == original.encode("utf-8")


def test_markup_in_a_cell_is_text(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text('name,count\n"<script>alert(1)</script>",3\n', encoding="utf-8")
    (tmp_path / "notes.schema.json").write_text(
        '{"x-title": {"zh-Hant": "註", "en": "Notes"}, "x-source": {"zh-Hant": "示例", "en": "Example"}, "fields": ['
        '{"name": "name", "type": "string", "x-title": {"zh-Hant": "名稱", "en": "Name"}},'
        '{"name": "count", "type": "integer", "x-title": {"zh-Hant": "數目", "en": "Count"}}]}',
        encoding="utf-8",
    )
    dataset, problems = datasets.load(tmp_path / "notes.csv")
    assert problems == []
    html = plain_table(dataset, "en", LABELS)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_schema_without_an_english_title_is_named(approvals: Path) -> None:
    edit(approvals.with_name("approvals.schema.json"), '"x-title": {"zh-Hant": "年度", "en": "Year"}', '"x-title": {"zh-Hant": "年度"}')
    [message] = problems_of(approvals)
    assert "approvals.schema.json, field 'year': 'x-title' needs a zh-Hant and an en text" in message


# ---- What a checked file gives the pages -------------------------------------------


@pytest.fixture
def over_time(tmp_path: Path) -> Path:
    for name in ("approvals-over-time.csv", "approvals-over-time.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "approvals-over-time.csv"


def test_a_figure_is_written_with_its_qualifier_in_each_language(over_time: Path, approvals: Path) -> None:
    stated, _ = datasets.load(over_time)
    first, second = stated.rows[:2]  # 330 and 2,000, both 'over'
    assert [stated.value_text("approved", first, lang) for lang in ("en", "zh-Hant", "zh-Hans")] == ["over 330", "超過 330", "超过 330"]
    assert stated.value_text("approved", second, "en") == "over 2,000"
    counted, _ = datasets.load(approvals)  # no qualifier: the number alone
    assert counted.value_text("approved", counted.rows[0], "en") == "113"


def test_a_rows_source_is_its_title_in_each_language_and_its_address(over_time: Path) -> None:
    edit(over_time, "paragraphs 36 to 37\",https://www.policyaddress.gov.hk/09-10/eng/p36.html", "paragraphs 36 to 37\",")
    stated, problems = datasets.load(over_time)
    assert problems == []
    assert stated.row_source_fields() == ("source_zh-Hant", "source_en", "source_url")
    first, second = stated.rows[:2]
    assert stated.row_source(first, "en") == ("Hong Kong Government, The 2009-10 Policy Address, paragraphs 36 to 37", None)
    assert stated.row_source(second, "zh-Hant") == ("清潔生產伙伴計劃網站：2012 年標誌頒授典禮（簡體中文版）", "https://www.cleanerproduction.hk/sc/awards?post=4")
    assert stated.row_source(second, "zh-Hans") == ("清洁生产伙伴计划网站：2012 年标志颁授典礼（简体中文版）", "https://www.cleanerproduction.hk/sc/awards?post=4")


def test_a_file_without_row_sources_has_no_source_columns(approvals: Path) -> None:
    counted, _ = datasets.load(approvals)
    assert counted.row_source_fields() == ()


def test_a_false_value_is_published_as_the_schemas_word_for_false(tmp_path: Path) -> None:
    for name in ("partners.csv", "partners.schema.json"):
        shutil.copy(DATA / name, tmp_path / name)
    edit(tmp_path / "partners.csv", "textiles,yes\n", "textiles, No \n")
    partners, problems = datasets.load(tmp_path / "partners.csv")
    assert problems == []
    assert partners.rows[0]["example"] is False
    assert partners.published.splitlines()[1] == "2012,manufacturer,示例紡織製品有限公司,Example Textile Products Limited,textiles,no".encode("utf-8")


def _small(path: Path, title: str, chinese: str, field: str, value: object) -> datasets.Dataset:
    schema = {
        "x-title": {"zh-Hant": chinese, "en": title},
        "x-source": {"zh-Hant": f"來源：{chinese}", "en": f"Source: {title}"},
        "fields": [{"name": field, "type": "string", "x-title": {"zh-Hant": "欄", "en": "Column"}}],
    }
    return datasets.Dataset(path, schema, ({field: value},))


def test_the_data_package_lists_each_file_by_name_with_its_size(tmp_path: Path) -> None:
    found = {
        "b.csv": _small(tmp_path / "b.csv", "Table B", "乙表", "name", "甲"),  # "name\n甲\n": 9 bytes
        "a.csv": _small(tmp_path / "a.csv", "Table A", "甲表", "n", 1802),  # "n\n1802\n": 7 bytes
    }
    titles = {"zh-Hant": "清潔生產伙伴計劃", "en": "Cleaner Production Partnership Programme (2008–2027)"}
    assert datasets.package(found, titles).decode("utf-8") == """{
  "profile": "tabular-data-package",
  "name": "cleaner-production-partnership-programme-2008-2027",
  "title": "Cleaner Production Partnership Programme (2008–2027)",
  "x-title": {
    "zh-Hant": "清潔生產伙伴計劃",
    "en": "Cleaner Production Partnership Programme (2008–2027)"
  },
  "resources": [
    {
      "profile": "tabular-data-resource",
      "name": "a",
      "path": "a.csv",
      "title": "Table A",
      "x-title": {
        "zh-Hant": "甲表",
        "en": "Table A"
      },
      "description": "Source: Table A",
      "format": "csv",
      "mediatype": "text/csv",
      "encoding": "utf-8",
      "bytes": 7,
      "schema": "a.schema.json"
    },
    {
      "profile": "tabular-data-resource",
      "name": "b",
      "path": "b.csv",
      "title": "Table B",
      "x-title": {
        "zh-Hant": "乙表",
        "en": "Table B"
      },
      "description": "Source: Table B",
      "format": "csv",
      "mediatype": "text/csv",
      "encoding": "utf-8",
      "bytes": 9,
      "schema": "b.schema.json"
    }
  ]
}
"""


# ---- What one file is checked against in another (load_all) ------------------------


def _partners(folder: Path, rows: list[tuple[int, str, str, str]]) -> None:
    """partners.csv of rows (year, class, sector, example), each a company of its own."""
    lines = ["year,class,name_zh-Hant,name_en,sector,example"]
    lines += [f"{year},{cls},公司{n},Company {n},{sector},{example}" for n, (year, cls, sector, example) in enumerate(rows, 1)]
    (folder / "partners.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _copies(folder: Path, *names: str) -> Path:
    for name in names:
        for suffix in (".csv", ".schema.json"):
            shutil.copy(DATA / (name + suffix), folder / (name + suffix))
    shutil.copy(DATA / "partners.schema.json", folder / "partners.schema.json")
    return folder


def test_a_code_not_in_the_file_it_names_is_refused_with_the_codes_to_use(tmp_path: Path) -> None:
    folder = _copies(tmp_path, "sectors")
    _partners(folder, [(2013, "buyer", "furniture", "no"), (2013, "buyer", "", "no"), (2013, "buyer", "toys", "no")])
    found, problems = datasets.load_all(folder)
    assert [str(p) for p in problems] == [
        f"{folder / 'partners.csv'}, row 4, column 'sector': found 'toys', which is not in sectors.csv. Fix: use one of: "
        "textiles, printing-publishing, metal-products, non-metallic-minerals, chemical-products, food-beverage, paper-products, furniture; or leave it empty."
    ]
    assert sorted(found) == ["sectors.csv"]


def test_a_list_is_counted_against_the_official_counts_class_by_class(tmp_path: Path) -> None:
    folder = _copies(tmp_path, "logo-awardees")
    official = (folder / "logo-awardees.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    official.insert(1, official.pop(4))  # 2011's total first: a count the list does not hold, passed over
    (folder / "logo-awardees.csv").write_text("".join(official), encoding="utf-8")
    rows = [(2011, "manufacturer", "", "no")] * 113 + [(2011, "buyer", "", "no")] * 5 + [(2011, "service-provider", "", "no")] * 20
    rows += [(2012, "manufacturer", "", "yes")] * 2  # examples: not counted
    rows += [(2012, "manufacturer", "", "no")] * 109 + [(2012, "buyer", "", "no")] * 3 + [(2012, "service-provider", "", "no")] * 25
    rows += [(2013, "buyer", "", "no")] * 2  # a year with no official count
    _partners(folder, rows)
    found, problems = datasets.load_all(folder)
    fix = "Fix: add or remove rows so that the two agree, or correct logo-awardees.csv if its count is wrong."
    assert [str(p) for p in problems] == [
        f"{folder / 'partners.csv'}, rows with year = 2011, class = buyer: the file lists 5 but logo-awardees.csv counts 6. {fix}",
        f"{folder / 'partners.csv'}, rows with year = 2012, class = service-provider: the file lists 25 but logo-awardees.csv counts 24. {fix}",
    ]
    assert sorted(found) == ["logo-awardees.csv"]


def test_the_problems_of_every_file_are_kept_and_the_good_files_loaded(tmp_path: Path) -> None:
    folder = _copies(tmp_path, "sectors")
    (folder / "a-notes.csv").write_text("a\n1\n", encoding="utf-8")  # no schema
    _partners(folder, [(2013, "buyer", "toys", "no")])
    (folder / "venues.csv").write_text("", encoding="utf-8")
    shutil.copy(DATA / "venues.schema.json", folder / "venues.schema.json")
    found, problems = datasets.load_all(folder)
    assert [(p.file.name, p.where, p.what) for p in problems] == [
        ("a-notes.csv", "the whole file", "there is no schema a-notes.schema.json beside it"),
        ("venues.csv", "the whole file", "the file is empty"),
        ("partners.csv", "row 2, column 'sector'", "found 'toys', which is not in sectors.csv"),
    ]
    assert sorted(found) == ["sectors.csv"]


def test_a_list_whose_schema_skips_no_rows_counts_every_row(tmp_path: Path) -> None:
    """A rule without skip-where counts examples too; a field it groups by
    may have no constraints (no list of values) at all."""
    folder = _copies(tmp_path, "logo-awardees")
    schema = json.loads((folder / "partners.schema.json").read_text(encoding="utf-8"))
    del schema["x-counts-agree-with"]["skip-where"]
    del next(field for field in schema["fields"] if field["name"] == "year")["constraints"]
    (folder / "partners.schema.json").write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    _partners(folder, [(2011, "manufacturer", "", "yes")] * 113 + [(2011, "buyer", "", "yes")] * 6 + [(2011, "service-provider", "", "yes")] * 19)
    found, problems = datasets.load_all(folder)
    assert [str(p) for p in problems] == [
        f"{folder / 'partners.csv'}, rows with year = 2011, class = service-provider: the file lists 19 but logo-awardees.csv counts 20. "
        "Fix: add or remove rows so that the two agree, or correct logo-awardees.csv if its count is wrong."
    ]
    assert sorted(found) == ["logo-awardees.csv"]


def test_a_list_that_agrees_with_the_official_counts_is_kept(tmp_path: Path) -> None:
    folder = _copies(tmp_path, "logo-awardees", "sectors")
    _partners(folder, [(2011, "manufacturer", "textiles", "no")] * 113 + [(2011, "buyer", "", "no")] * 6 + [(2011, "service-provider", "", "no")] * 20)
    found, problems = datasets.load_all(folder)
    assert problems == []
    assert sorted(found) == ["logo-awardees.csv", "partners.csv", "sectors.csv"]


# ---- Each mistake, named whole (where, what and the fix staff read) -----------------

SAVE_AS_UTF8 = "in Excel choose File > Save As > 'CSV UTF-8 (Comma delimited)'; in other programs save as CSV with the encoding 'UTF-8'"


def named(path: Path, file: Path | None = None) -> list[tuple[str, str, str]]:
    """The problems of loading `path`, each found in `file` (the data file itself unless named)."""
    dataset, problems = datasets.load(path)
    assert dataset is None
    assert [p.file for p in problems] == [file or path] * len(problems)
    return [(p.where, p.what, p.fix) for p in problems]


@pytest.mark.parametrize("raw,expected", [
    # 實 is Big5 on row 4: named with its row
    (lambda text: text.replace("2010/11,assessment", "2010/11,實地評估", 1).encode("big5"),
     ("row 4", "the file is not saved as UTF-8 (perhaps Big5 or another encoding)", SAVE_AS_UTF8)),
    (lambda text: text.encode("utf-16-le").join([b"\xff\xfe", b""]),
     ("the whole file", "the file is saved as UTF-16 ('Unicode text'), not UTF-8", SAVE_AS_UTF8)),
    (lambda text: text.encode("utf-16-be").join([b"\xfe\xff", b""]),
     ("the whole file", "the file is saved as UTF-16 ('Unicode text'), not UTF-8", SAVE_AS_UTF8)),
    (lambda text: b" \r\n\n",
     ("the whole file", "the file is empty", "put back the header row and the data, or restore the file from the previous version")),
], ids=["big5", "utf-16-le", "utf-16-be", "blank"])
def test_a_file_that_cannot_be_read_as_text_is_named_with_the_fix(approvals: Path, raw: Callable[[str], bytes], expected: tuple[str, str, str]) -> None:
    approvals.write_bytes(raw(approvals.read_text(encoding="utf-8")))
    assert named(approvals) == [expected]


COLUMNS = "year, measure, approved"


@pytest.mark.parametrize("old,new,expected", [
    ("year,measure,approved\n", "yr,measure,approved,note\n", [  # two extra for one missing: no guess
        ("row 1, column 'year'", "the column 'year' is missing", f"the header row must have exactly these columns: {COLUMNS}"),
        ("row 1, column 'yr'", "the column 'yr' is not in the schema", f"remove it, or add it to approvals.schema.json; expected columns: {COLUMNS}"),
        ("row 1, column 'note'", "the column 'note' is not in the schema", f"remove it, or add it to approvals.schema.json; expected columns: {COLUMNS}"),
    ]),
    ("year,measure,approved\n", "yr,measure,amount\n", [  # as many extra as missing: each guessed from the unknown name in its place
        ("row 1, column 'year'", "the column 'year' is missing (is 'yr' meant to be 'year'?)", f"the header row must have exactly these columns: {COLUMNS}"),
        ("row 1, column 'approved'", "the column 'approved' is missing (is 'amount' meant to be 'approved'?)", f"the header row must have exactly these columns: {COLUMNS}"),
    ]),
    ("year,measure,approved\n", ",measure,approved\n", [  # a blank header cell is not offered as a name
        ("row 1, column 'year'", "the column 'year' is missing (a cell of the header row is blank)", f"the header row must have exactly these columns: {COLUMNS}"),
    ]),
    ("2009/10,assessment,227\n", "2009/10,assessment,227,5\n2010/11,assessment\n", [
        ("row 3", "the row has 4 values but the header has 3 columns", 'give the row one value per column; wrap a value that contains a comma in "double quotes"'),
        ("row 4", "the row has 2 values but the header has 3 columns", 'give the row one value per column; wrap a value that contains a comma in "double quotes"'),
    ]),
    ("2009/10,assessment,227\n", "2009/10,assessment,227\n , ,\n\n", [  # blank rows inside the file, not at its end
        ("row 4", "the row is empty", "delete the empty row"),
        ("row 5", "the row is empty", "delete the empty row"),
    ]),
    ("2009/10,assessment,227\n", "2009/10,,227\n", [
        ("row 3, column 'measure'", "the value is empty", "fill it in"),
    ]),
    ("2009/10,assessment,227\n", "2009/10,assessment,1.5\n", [
        ("row 3, column 'approved'", "found '1.5', expected a whole number", "write the number with digits only, such as 1802 or 1,802"),
    ]),
    ("2008/09,demonstration,25\n", "2008/09,demonstration,-25\n", [
        ("row 6, column 'approved'", "found -25, expected a count of 0 or more", "correct the number"),
    ]),
    ("2011/12,verification,370\n", "2011/12,verification,370\n2011/12,verification,0\n", [
        ("row 14", "the row repeats row 13 (year = 2011/12, measure = verification); each combination may appear once", "delete one of rows 13 and 14, or correct its year or measure"),
    ]),
], ids=["extra", "renamed", "blank-header", "values", "blank", "empty", "fraction", "negative", "repeated"])
def test_a_mistake_in_the_rows_is_named_with_its_place_and_fix(approvals: Path, old: str, new: str, expected: list[tuple[str, str, str]]) -> None:
    edit(approvals, old, new)
    assert named(approvals) == expected


def test_a_file_of_blank_rows_has_no_header_row(approvals: Path) -> None:
    approvals.write_text(",,\n , ,\n", encoding="utf-8")
    assert named(approvals) == [("row 1", "there is no header row", f"make row 1 the column names: {COLUMNS}")]


def test_a_quote_left_open_is_named_with_its_row(approvals: Path) -> None:
    edit(approvals, "2010/11,assessment,319", '2010/11,"assessment"x,319')
    [(where, what, fix)] = named(approvals)
    assert (where, what[:24]) == ("row 4", "the row cannot be read: ")
    assert fix == 'check the quotation marks: a value with a comma must be wrapped in "double quotes", and a quote inside it written twice ("")'


def test_spaces_around_the_column_names_are_ignored(approvals: Path) -> None:
    edit(approvals, "year,measure,approved", " year , measure,approved ")
    dataset, problems = datasets.load(approvals)
    assert problems == []
    assert dataset.total() == 1802


def test_a_value_on_two_lines_keeps_the_line_end_it_was_saved_with(tmp_path: Path) -> None:
    (tmp_path / "notes.schema.json").write_text(json.dumps({
        "x-title": {"zh-Hant": "註", "en": "Notes"}, "x-source": {"zh-Hant": "示例", "en": "Example"},
        "fields": [{"name": "note", "type": "string", "x-title": {"zh-Hant": "註", "en": "Note"}}, {"name": "n", "type": "integer", "x-title": {"zh-Hant": "數", "en": "N"}}],
    }), encoding="utf-8")
    (tmp_path / "notes.csv").write_bytes(b'note,n\r\n"first\r\nsecond",1\r\nthird,2\r\n')
    dataset, problems = datasets.load(tmp_path / "notes.csv")
    assert problems == []
    assert dataset.rows == ({"note": "first\r\nsecond", "n": 1}, {"note": "third", "n": 2})
    assert dataset.lines == (3, 4)  # the line each row ends on


def _table(folder: Path, fields: list[dict], text: str, **schema: object) -> Path:
    """notes.csv holding `text`, with a schema of `fields` (titles added)."""
    for field in fields:
        field.setdefault("x-title", {"zh-Hant": "欄", "en": "Column"})
    described = {"x-title": {"zh-Hant": "註", "en": "Notes"}, "x-source": {"zh-Hant": "示例", "en": "Example"}, "fields": fields, **schema}
    (folder / "notes.schema.json").write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    (folder / "notes.csv").write_text(text, encoding="utf-8")
    return folder / "notes.csv"


def test_a_boolean_without_words_of_its_own_reads_table_schemas(tmp_path: Path) -> None:
    path = _table(tmp_path, [{"name": "n", "type": "integer"}, {"name": "open", "type": "boolean"}], "n,open\n1,TRUE\n2,0\n3,False\n4,1\n5,\n")
    dataset, problems = datasets.load(path)
    assert problems == []
    assert [row["open"] for row in dataset.rows] == [True, False, False, True, None]
    assert dataset.published == b"n,open\n1,true\n2,false\n3,false\n4,true\n5,\n"
    edit(path, "4,1", "4,yes")
    assert named(path) == [("row 5, column 'open'", "found 'yes', expected true or false", "write true or false")]


def test_a_boolean_with_words_of_its_own_names_them(tmp_path: Path) -> None:
    path = _table(tmp_path, [{"name": "example", "type": "boolean", "trueValues": ["yes", "y"], "falseValues": ["no", "n"]}], "example\nY\nn\nmaybe\n")
    assert named(path) == [("row 4, column 'example'", "found 'maybe', expected yes or no", "write yes or no")]
    edit(path, "maybe\n", "")
    dataset, _ = datasets.load(path)
    assert dataset.published == b"example\nyes\nno\n"


@pytest.mark.parametrize("text,expected", [
    ("2017-10-27", None),
    ("2017-02-30", "found '2017-02-30', expected a date written as year-month-day"),  # not a real day
    ("27/10/2017", "found '27/10/2017', expected a date written as year-month-day"),
    ("2017-10-27x", "found '2017-10-27x', expected a date written as year-month-day"),
    ("20171027", "found '20171027', expected a date written as year-month-day"),  # a form isoformat reads, the schema's date type does not
])
def test_a_date_must_be_a_real_day_written_year_month_day(tmp_path: Path, text: str, expected: str | None) -> None:
    path = _table(tmp_path, [{"name": "day", "type": "date"}], f"day\n{text}\n")
    dataset, problems = datasets.load(path)
    if expected is None:
        assert problems == [] and dataset.rows == ({"day": date(2017, 10, 27)},)
        assert dataset.published == b"day\n2017-10-27\n"
    else:
        assert [(p.where, p.what, p.fix) for p in problems] == [
            ("row 2, column 'day'", expected, "write the date as YYYY-MM-DD, such as 2017-10-27; a spreadsheet keeps it so when the column is formatted as Text")
        ]


@pytest.mark.parametrize("text,expected", [
    ("2009", None), ("2100", None),
    ("2008", ("found 2008, expected a number of 2009 or more", "correct the number")),
    ("2101", ("found 2101, expected a number of 2100 or less", "correct the number")),
    ("2,101", ("found 2101, expected a number of 2100 or less", "correct the number")),
    ("+2,009", None), ("20,09", ("found '20,09', expected a whole number", "write the number with digits only, such as 1802 or 1,802")),
    ("2010 ", None), ("二〇一〇", ("found '二〇一〇', expected a whole number", "write the number with digits only, such as 1802 or 1,802")),
])
def test_a_whole_number_is_checked_against_its_bounds(tmp_path: Path, text: str, expected: tuple[str, str] | None) -> None:
    path = _table(tmp_path, [{"name": "year", "type": "integer", "constraints": {"minimum": 2009, "maximum": 2100}}], f'year\n"{text}"\n')
    dataset, problems = datasets.load(path)
    assert [(p.file, p.where, p.what, p.fix) for p in problems] == ([] if expected is None else [(path, "row 2, column 'year'", *expected)])
    if expected is None:
        assert dataset.rows[0]["year"] == int(text.replace(",", ""))


def test_a_value_not_in_the_expected_form_names_the_pattern_unless_the_schema_explains_it(tmp_path: Path) -> None:
    fields = [{"name": "code", "type": "string", "constraints": {"pattern": "[a-z]+"}}, {"name": "url", "type": "string", "constraints": {"pattern": "https://.+"}, "x-form": "write the full address"}]
    path = _table(tmp_path, fields, "code,url\nab,https://a\nabc1,http://a\n")
    assert named(path) == [
        ("row 3, column 'code'", "found 'abc1', which is not in the expected form", "write it to match [a-z]+"),
        ("row 3, column 'url'", "found 'http://a', which is not in the expected form", "write the full address"),
    ]


def test_a_required_value_left_empty_names_the_schemas_own_fix(tmp_path: Path) -> None:
    fields = [{"name": "a", "type": "string", "constraints": {"required": True}, "x-required-fix": "every figure needs its source"}, {"name": "b", "type": "string"}]
    path = _table(tmp_path, fields, "a,b\n,x\n")
    assert named(path) == [("row 2, column 'a'", "the value is empty", "every figure needs its source")]


def test_simplified_characters_are_refused_in_traditional_columns_only(tmp_path: Path) -> None:
    fields = [{"name": "name_zh-Hant", "type": "string"}, {"name": "name_en", "type": "string"}, {"name": "name_x", "type": "string"}]
    path = _table(tmp_path, fields, "name_zh-Hant,name_en,name_x\n纺织公司,纺织,纺织\n")
    assert named(path) == [("row 2, column 'name_zh-Hant'", "'纺织公司' has Simplified characters in a Traditional Chinese text",
                            "type it again with the keyboard set to Traditional Chinese (纺 → 紡, 织 → 織); the Simplified Chinese page is made from this one")]


def test_a_missing_or_unreadable_schema_is_named(approvals: Path) -> None:
    schema = approvals.with_name("approvals.schema.json")
    schema.write_text('{"x-title": {"zh-Hant": "甲",\n "en": }', encoding="utf-8")
    [problem] = datasets.load(approvals)[1]
    assert (problem.file, problem.where, problem.what[:37], problem.fix) == (schema, "line 2", "the schema is not valid JSON (Expecti", "correct the JSON syntax")
    schema.write_bytes(b'{"x-title": "\xff"}')
    [problem] = datasets.load(approvals)[1]
    assert (problem.where, problem.what[:29]) == ("line 1", "the schema is not valid JSON ")
    schema.unlink()
    [problem] = datasets.load(approvals)[1]
    assert (problem.file, problem.where, problem.what, problem.fix) == (
        approvals, "the whole file", "there is no schema approvals.schema.json beside it", "add the schema, or remove the file if it is not needed")


def test_a_schema_missing_what_the_site_needs_names_each_part(tmp_path: Path) -> None:
    (tmp_path / "notes.schema.json").write_text(json.dumps({"x-title": {"zh-Hant": "註", "en": ""}, "x-source": "Example"}), encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    fix = 'add "{}": {{"zh-Hant": "…", "en": "…"}}'
    assert named(tmp_path / "notes.csv", tmp_path / "notes.schema.json") == [
        ("the table", "'x-title' needs a zh-Hant and an en text", fix.format("x-title")),
        ("the table", "'x-source' needs a zh-Hant and an en text", fix.format("x-source")),
        ("the table", "the schema lists no fields", 'add a "fields" list naming each column'),
    ]
