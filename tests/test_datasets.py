"""Every class of bad CSV input stops with a message naming file, row and column;
spreadsheet exports that are otherwise correct are accepted; values are escaped."""

from __future__ import annotations

import shutil
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
