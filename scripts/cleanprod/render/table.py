"""Data tables: column titles in the page's language, numbers aligned, totals, a caption and the source."""

from __future__ import annotations

from html import escape

from cleanprod.datasets import Dataset
from cleanprod.render.numbers import format_number


NUM = ' class="num"'


def _cell(value: object, lang: str) -> str:
    if isinstance(value, int):
        return f'<td class="num">{format_number(value, lang)}</td>'
    return f"<td>{escape(str(value))}</td>"


def pivot_table(dataset: Dataset, lang: str, labels: dict[str, str], caption: bool = True) -> str:
    """Rows × columns of the value field (e.g. measure × year), with totals on both edges."""
    rows_field = dataset.schema["x-pivot"]["rows"]
    cols_field = dataset.schema["x-pivot"]["columns"]
    row_keys = _ordered(dataset, rows_field)
    col_keys = _ordered(dataset, cols_field)
    total = escape(labels["data.total"])

    head = f'<th scope="col">{escape(dataset.column_title(rows_field, lang))}</th>'
    head += "".join(f'<th scope="col" class="num">{escape(dataset.label(cols_field, c, lang))}</th>' for c in col_keys)
    if len(col_keys) > 1:
        head += f'<th scope="col" class="num">{total}</th>'
    body = []
    for r in row_keys:
        cells = "".join(_cell(dataset.total({rows_field: r, cols_field: c}), lang) for c in col_keys)
        if len(col_keys) > 1:
            cells += _cell(dataset.total({rows_field: r}), lang)
        body.append(f'<tr><th scope="row">{escape(dataset.label(rows_field, r, lang))}</th>{cells}</tr>')
    foot = ""
    if len(row_keys) > 1:
        cells = "".join(_cell(dataset.total({cols_field: c}), lang) for c in col_keys)
        if len(col_keys) > 1:
            cells += _cell(dataset.total(), lang)
        foot = f'<tfoot><tr><th scope="row">{total}</th>{cells}</tr></tfoot>'
    return _table(dataset, lang, labels, caption, f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>{foot}")


def plain_table(dataset: Dataset, lang: str, labels: dict[str, str], caption: bool = True) -> str:
    """Every row and column as it is in the file, with labels and titles in `lang`."""
    names = [f["name"] for f in dataset.schema["fields"]]
    numeric = {f["name"] for f in dataset.schema["fields"] if f["type"] == "integer"}
    head = "".join(
        f'<th scope="col"{NUM if n in numeric else ""}>{escape(dataset.column_title(n, lang))}</th>' for n in names
    )
    body = "".join(
        "<tr>" + "".join(
            _cell(row[n], lang) if n in numeric else f"<td>{escape(dataset.label(n, row[n], lang))}</td>" for n in names
        ) + "</tr>"
        for row in dataset.rows
    )
    return _table(dataset, lang, labels, caption, f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>")


def _table(dataset: Dataset, lang: str, labels: dict[str, str], caption: bool, inner: str) -> str:
    title = (
        f'<caption>{escape(dataset.title(lang))}<span class="data-caption-source">{escape(dataset.source(lang))}</span></caption>'
        if caption
        else ""
    )
    return scrolling(f"<table>{title}{inner}</table>", dataset.title(lang), labels)


def scrolling(table: str, name: str, labels: dict[str, str]) -> str:
    """`table` in a box that scrolls sideways when the table is wider than
    the screen, as a table of many figures is on a phone. The box takes
    focus, so that the keyboard can scroll it too (WCAG 2.1.1), and is
    named, so that a screen reader says what it holds. A line above the
    table, which site.css shows only while the box can scroll, tells the
    reader there is more to the side: nothing else shows that columns are
    cut off at the screen's edge. Search leaves the line out."""
    more = f'<p class="data-table__more" data-pagefind-ignore>{escape(labels["data.table.more"])}</p>'
    return f'<div class="data-table" role="group" tabindex="0" aria-label="{escape(name)}">{more}{table}</div>'


def _ordered(dataset: Dataset, name: str) -> list:
    """A field's values in the schema's order (its allowed values), else as first met."""
    allowed = dataset.field(name).get("constraints", {}).get("enum")
    present = list(dict.fromkeys(row[name] for row in dataset.rows))
    return [v for v in allowed if v in present] if allowed else present
