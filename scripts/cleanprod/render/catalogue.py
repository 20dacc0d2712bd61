"""The open data page: each data file with its download, size, last update and data dictionary."""

from __future__ import annotations

from datetime import date
from html import escape

from cleanprod.content.chinese import in_language
from cleanprod.content.datasets import PACKAGE_FILE, Dataset
from cleanprod.render.markup import PASSING
from cleanprod.render.table import scrolling

TYPE_NAMES = {"integer": "data.type.integer", "string": "data.type.string", "boolean": "data.type.boolean", "date": "data.type.date"}


def catalogue(datasets: list[tuple[Dataset, date, str]], lang: str, labels: dict[str, str], link_prefix: str) -> str:
    """`datasets`: (dataset, last update, last update as text) for each file, in order."""
    sections = []
    for dataset, updated, updated_text in datasets:
        csv_link = escape(link_prefix + dataset.name)
        schema_link = escape(link_prefix + dataset.path.stem + ".schema.json")
        fields = []
        for spec in dataset.schema["fields"]:
            allowed = spec.get("constraints", {}).get("enum")
            values = ", ".join(
                f"{v} ({dataset.label(spec['name'], v, lang).replace('{n}', 'N')})" if "x-labels" in spec else str(v) for v in allowed
            ) if allowed else ""
            unit = in_language(spec["x-unit"], lang) if "x-unit" in spec else ""
            fields.append(
                f"<tr><td><code>{escape(spec['name'])}</code></td><td>{escape(dataset.column_title(spec['name'], lang))}</td>"
                f"<td>{escape(labels[TYPE_NAMES[spec['type']]])}</td><td>{escape(unit)}</td><td>{escape(values)}</td></tr>"
            )
        head = "".join(
            f'<th scope="col">{escape(labels[k])}</th>'
            for k in ("data.dict.name", "data.dict.title", "data.dict.type", "data.dict.unit", "data.dict.values")
        )
        sections.append(
            f'<section class="data-file" aria-labelledby="file-{escape(dataset.path.stem)}" {PASSING}>'
            f'<h2 id="file-{escape(dataset.path.stem)}" {PASSING}>{escape(dataset.title(lang))}</h2>'
            f'<ul><li><a href="{csv_link}" download>{escape(dataset.name)}</a> (CSV, UTF-8, {len(dataset.published):,} {escape(labels["data.bytes"])})'
            f' · <a href="{schema_link}">{escape(labels["data.schema"])}</a></li>'
            f'<li>{escape(labels["data.updated"])}<time datetime="{updated.isoformat()}">{escape(updated_text)}</time></li>'
            f"<li>{escape(dataset.source(lang))}</li></ul>"
            + scrolling(
                f'<table><caption>{escape(labels["data.dict.caption"])}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(fields)}</tbody></table>",
                labels["data.dict.caption"],  # within the section named by the file's heading
                labels,
            )
            + "</section>"
        )
    package = escape(link_prefix + PACKAGE_FILE)
    return f'<p>{escape(labels["data.package"])}<a href="{package}">{PACKAGE_FILE}</a></p>' + "".join(sections)
