"""Properties that hold for any input (Hypothesis draws them):

- any text staff write, through any renderer, comes out as text, never as
  markup: the page's elements and attributes are the same whatever the text,
  and the text is there as written;
- converting a page to Simplified Chinese never changes a link's target (the
  file it leads to) or a code span, and converts a link's fragment as the
  heading it names is converted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import example, given, settings, strategies as st

from cleanprod.content.chinese import markdown_to_simplified, to_simplified
from cleanprod.content.datasets import Dataset
from cleanprod.render.directives import Directive, Placed
from cleanprod.render import cases, chart, events, forms, news, partners, table
from cleanprod.render.catalogue import catalogue
from cleanprod.render.data import PageData
from cleanprod.checks.validate import Content
from cleanprod.render.views import resolve
from conftest import checked_content

# Texts with the characters that make markup, and any others but control
# characters (which no editor writes) and lone surrogates (which no file holds).
_ANY = st.text(st.sampled_from('<>&"\'=/!-;# ') | st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)
_MARKUP = st.sampled_from(["<b>", "</td>", '"><i a="', "' onclick='x'", "&amp;", "&lt;", "<!--", "<script>x()</script>"])
TEXTS = _ANY | st.tuples(_ANY, _MARKUP, _ANY).map("".join)
LANGS = ["zh-Hant", "en"]  # zh-Hans shows the conversion of the zh-Hant text, not the text as written
SETTINGS = settings(max_examples=25, deadline=None)


class _Markup(HTMLParser):
    """A page fragment's elements and attribute names, in order, and its texts and attribute values."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, ...]] = []
        self.texts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape.append((tag, *sorted(name for name, _ in attrs)))
        self.texts += [value for _, value in attrs if value]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.shape.append(("/" + tag,))

    def handle_endtag(self, tag: str) -> None:
        self.shape.append(("/" + tag,))

    def handle_data(self, data: str) -> None:
        self.texts.append(data)

    def handle_comment(self, data: str) -> None:
        self.shape.append(("<!--",))

    def handle_decl(self, decl: str) -> None:
        self.shape.append(("<!",))


class _Labels(dict):
    """Every label the renderers ask for is `text`, but the list of the
    weekdays' names, which a date is made with."""

    def __init__(self, text: str) -> None:
        super().__init__(weekday="Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
        self.text = text

    def __missing__(self, key: str) -> str:
        return self.text


def _texts_of(value: object, text: str) -> object:
    """A schema with every text staff write for readers (titles, sources, labels, units) replaced by `text`."""
    if isinstance(value, dict):
        if set(value) == {"zh-Hant", "en"}:
            return {"zh-Hant": text, "en": text}
        return {k: _texts_of(v, text) for k, v in value.items()}
    if isinstance(value, list):
        return [_texts_of(v, text) for v in value]
    return value


def _dataset(dataset: Dataset, text: str) -> Dataset:
    names = [f"{dataset.schema['x-names']}_{lang}" for lang in ("zh-Hant", "en")] if "x-names" in dataset.schema else []
    rows = tuple({k: (text if k in names else v) for k, v in row.items()} for row in dataset.rows)
    return Dataset(dataset.path, _texts_of(dataset.schema, text), rows, dataset.lines)




def _renderers(content: Content, text: str, lang: str) -> dict[str, Callable[[], str]]:
    """Each renderer, given `text` wherever staff write one."""
    labels = _Labels(text)
    data = {name: _dataset(d, text) for name, d in content.datasets.items()}
    sectors, venues, approvals, partner_list = data["sectors.csv"], data["venues.csv"], data["approvals.csv"], data["partners.csv"]
    event_list = [dataclasses.replace(e, title=text, description=text, registration_url=text if e.registration_url else None) for e in content.events.by_lang[lang]]
    all_events = dataclasses.replace(content.events, schema=_texts_of(content.events.schema, text), by_lang={lang: event_list})
    case_list = [dataclasses.replace(c, title=text, description=text) for c in content.cases.by_lang[lang]]
    all_cases = dataclasses.replace(content.cases, schema=_texts_of(content.cases.schema, text), by_lang={lang: case_list})
    items = [dataclasses.replace(n, title=text, summary=text) for n in content.news[lang]]
    today = date(2027, 1, 1)
    page = PageData(data, lang, labels, text, text, {n: (today, text) for n in data}, content.rules, all_events, items, all_cases, today)
    assert len(event_list) >= 2 and len(case_list) >= 2 and len(items) >= 2  # upcoming and past, more than one of each
    return {
        "pivot table": lambda: table.pivot_table(approvals, lang, labels),
        "plain table": lambda: table.plain_table(sectors, lang, labels),
        "scrolling box": lambda: table.scrolling("<table></table>", text, labels),
        "bar chart": lambda: chart.bar_chart(approvals, lang, labels, "chart-1"),
        "bars": lambda: chart.svg_bars(text, text, [text, text], [text, text], [[1, 2], [3, 4]], lang, "chart-2"),
        "drop-down": lambda: forms.filter_select("id", "name", text, text, [(text, text), ("b", text)]),
        "partner counts": lambda: partners.counts(partner_list, lang, labels),
        "partner directory": lambda: partners.directory(partner_list, sectors, lang, labels),
        "open data": lambda: catalogue([(d, today, text) for d in data.values()], lang, labels, text),
        "news list": lambda: news.index(items, labels, text),
        "latest news": lambda: news.latest(items, labels, text),
        "news date line": lambda: news.header(items[0], labels),
        "events list": lambda: events.index(lang, all_events, venues, sectors, labels, text, today),
        "event panels": lambda: "".join(events.panel(e, all_events, venues, sectors, labels, text, today) for e in event_list),
        "cases list": lambda: cases.index(lang, all_cases, sectors, labels, text),
        "case panels": lambda: "".join(cases.panel(c, all_cases, sectors, labels) for c in case_list),
        "list of names": lambda: page.render(_placed(Directive("", "sectors.csv", "list", {}), data, content)),
        "a value": lambda: page.render(_placed(Directive("", "venues.csv", "name_en", {"venue": "online"}), data, content)),
        "table with its download": lambda: page.render(_placed(Directive("", "approvals.csv", "table", {}), data, content)),
    }


def _placed(directive: Directive, data: dict[str, Dataset], content: Content) -> Placed:
    """A directive with the view the check finds for it."""
    return Placed(directive, resolve(directive, data, content.rules))


_PLAIN: dict[str, dict[str, _Markup]] = {}


def _plain(content: Content, lang: str) -> dict[str, _Markup]:
    """What each renderer makes of a plain text, 'x', made once."""
    if lang not in _PLAIN:
        _PLAIN[lang] = {name: _Markup(render()) for name, render in _renderers(content, "x", lang).items()}
    return _PLAIN[lang]


@pytest.mark.parametrize("lang", LANGS)
@SETTINGS
@given(text=TEXTS)
@example(text='<b>"A" & \'B\'</b>')
def test_any_text_through_any_renderer_comes_out_as_text(lang: str, text: str) -> None:
    content = checked_content()
    plain = _plain(content, lang)
    assert len(plain) == 19
    for name, render in _renderers(content, text, lang).items():
        shown = _Markup(render())
        assert shown.shape == plain[name].shape, name  # no element or attribute the text made
        assert any(text in part for part in shown.texts), name  # and the text is shown as written


# ---- Simplified conversion --------------------------------------------------------

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PROSE = st.text(HAN | st.sampled_from("，。、 "), min_size=1, max_size=8)
TARGETS = st.text(HAN | st.sampled_from("abc-_./0123"), min_size=1, max_size=10)
FRAGMENTS = st.none() | st.text(HAN | st.sampled_from("abc-"), min_size=1, max_size=6)
CODE = st.text(HAN | st.sampled_from("abc .#()[]"), min_size=1, max_size=10)


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, list[tuple[str, str | None]], list[str]]:
    """A Markdown text of prose, links (with and without a fragment) and code
    spans, with the links' targets and the code spans it holds."""
    parts, links, code = [], [], []
    for _ in range(draw(st.integers(1, 5))):
        parts.append(draw(PROSE))
        kind = draw(st.sampled_from(["link", "image", "code"]))
        if kind == "code":
            code.append(draw(CODE))
            parts.append(f"`{code[-1]}`")
        else:
            target, fragment = draw(TARGETS), draw(FRAGMENTS)
            links.append((target, fragment))
            parts.append(("!" if kind == "image" else "") + f"[{draw(PROSE)}]({target}{'' if fragment is None else '#' + fragment})")
    return "".join(parts), links, code


@settings(max_examples=150, deadline=None)
@given(page=pages())
def test_conversion_never_changes_a_link_target_or_a_code_span(page: tuple[str, list[tuple[str, str | None]], list[str]]) -> None:
    source, links, code = page
    converted = markdown_to_simplified(source)
    found = re.findall(r"\]\(([^)#\n]*)(?:#([^)\n]*))?\)", converted)
    assert [target for target, _ in found] == [target for target, _ in links]
    assert [fragment for _, fragment in found] == ["" if fragment is None else to_simplified(fragment) for _, fragment in links]
    assert re.findall(r"`([^`\n]+)`", converted) == code
