"""Data tables: column titles in the page's language, numbers aligned, totals, a caption and the source."""

from __future__ import annotations

from datetime import date
from html import escape

from cleanprod import languages
from cleanprod.content.datasets import Dataset
from cleanprod.render.markup import unsearched


NUM = ' class="num"'


def _cell(value: object, lang: str) -> str:
    if isinstance(value, int):
        return f'<td class="num">{languages.get(lang).figure(value)}</td>'
    return f"<td>{escape(str(value))}</td>"


def pivot_table(dataset: Dataset, lang: str, labels: dict[str, str], caption: bool = True) -> str:
    """Rows × columns of the value field (e.g. measure × year), with totals on both edges."""
    rows_field = dataset.schema["x-pivot"]["rows"]
    cols_field = dataset.schema["x-pivot"]["columns"]
    row_keys = ordered(dataset, rows_field)
    col_keys = ordered(dataset, cols_field)
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
    """Every row as it is in the file, with labels and titles in `lang`: a
    number with its qualifier where the source gives one ('over 2,800'), a
    date as readers write it, and, in a file that names each row's source,
    that source with its link in a last column."""
    sources = dataset.row_source_fields()
    qualifiers = {f.get("x-qualifier") for f in dataset.schema["fields"]} - {None}
    shown = [f for f in dataset.schema["fields"] if f["name"] not in sources and f["name"] not in qualifiers]
    head = "".join(f'<th scope="col"{NUM if f["type"] == "integer" else ""}>{escape(dataset.column_title(f["name"], lang))}</th>' for f in shown)
    if sources:
        head += f'<th scope="col">{escape(labels["data.source"])}</th>'
    body = []
    for row in dataset.rows:
        cells = "".join(_field_cell(dataset, f, row, lang) for f in shown)
        if sources:
            cells += f"<td>{source_link(dataset, row, lang)}</td>"
        body.append(f"<tr>{cells}</tr>")
    return _table(dataset, lang, labels, caption, f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>")


def _field_cell(dataset: Dataset, spec: dict, row: dict, lang: str) -> str:
    value = row[spec["name"]]
    if spec["name"] in dataset.schema.get("primaryKey", ()) and spec["type"] == "integer":
        return f"<td>{value}</td>"  # a key, such as a year, names the row: 2011, not 2,011
    if spec["type"] == "integer" and value is not None:
        return f'<td class="num">{escape(dataset.value_text(spec["name"], row, lang))}</td>'
    if isinstance(value, date):
        return f'<td><time datetime="{value.isoformat()}">{escape(languages.get(lang).date(value))}</time></td>'
    return f"<td>{escape(dataset.label(spec['name'], value, lang))}</td>"


def source_link(dataset: Dataset, row: dict, lang: str) -> str:
    """A row's source: its title, a link where its address is known."""
    text, url = dataset.row_source(row, lang)
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def row_sources(dataset: Dataset, rows: list[dict], lang: str) -> str:
    """The different sources of `rows`, each once, as links."""
    links = list(dict.fromkeys(source_link(dataset, row, lang) for row in rows))
    return "<br>".join(links)


def stated_pivot(dataset: Dataset, lang: str, labels: dict[str, str], caption: bool = True) -> str:
    """Figures as their sources state them, one row per group (x-chart's
    groups, such as year) and one column per kind (the key's other field,
    such as class): a cell no source gives is shown as not published, never
    as 0, and nothing is added up. The last column names each row's sources;
    a row whose figures are a proposed list or the like (a labelled field
    other than the key, value and qualifier) says so after its name."""
    group_field = dataset.schema["x-chart"]["groups"]
    [kind_field] = [k for k in dataset.schema["primaryKey"] if k != group_field]
    value = dataset.schema["x-value"]
    notes = [f["name"] for f in dataset.schema["fields"] if "x-labels" in f and f["name"] not in (kind_field, dataset.field(value).get("x-qualifier"))]
    groups, kinds = ordered(dataset, group_field), ordered(dataset, kind_field)
    missing = escape(labels["data.not-published"])
    head = f'<th scope="col">{escape(dataset.column_title(group_field, lang))}</th>'
    head += "".join(f'<th scope="col" class="num">{escape(dataset.label(kind_field, k, lang))}</th>' for k in kinds)
    head += f'<th scope="col">{escape(labels["data.source"])}</th>'
    body = []
    for group in groups:
        rows = dataset.rows_where({group_field: group})
        by_kind = {row[kind_field]: row for row in rows}
        name = escape(dataset.label(group_field, group, lang))
        for note in notes:
            flagged = {row[note] for row in rows} - {dataset.field(note)["constraints"]["enum"][0]}
            name += "".join(f"<br><small>{escape(dataset.label(note, v, lang))}</small>" for v in sorted(flagged))
        cells = "".join(
            f'<td class="num">{escape(dataset.value_text(value, by_kind[k], lang))}</td>' if k in by_kind else f'<td class="num not-published">{missing}</td>'
            for k in kinds
        )
        body.append(f'<tr><th scope="row">{name}</th>{cells}<td>{row_sources(dataset, rows, lang)}</td></tr>')
    return _table(dataset, lang, labels, caption, f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>")


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
    more = unsearched(escape(labels["data.table.more"]), "p", ' class="data-table__more"')
    return f'<div class="data-table" role="group" tabindex="0" aria-label="{escape(name)}">{more}{table}</div>'


def ordered(dataset: Dataset, name: str) -> list:
    """A field's values in the schema's order (its allowed values), else as first met."""
    allowed = dataset.field(name).get("constraints", {}).get("enum")
    present = list(dict.fromkeys(row[name] for row in dataset.rows))
    return [v for v in allowed if v in present] if allowed else present
