"""The site's languages: one record per language, in one ordered table.

Every other module asks a language's record (`get(lang)`) how that language
is written, published and announced, rather than naming a language's code:
its address, how it writes dates, numbers and lists, what search engines,
link previews and the search index call it, and which column of the labels
and data files holds its words. The first language is the default, published
at the site's root; the table must list the same languages as the i18n
plugin in mkdocs.yml (`config_problems` says what differs).

zh-Hant is the default and is written by staff; English is written by staff;
zh-Hans is converted from zh-Hant at build time unless a hand-written
`.zh-Hans.md` page exists.

Adding a language touches:

1. its record below (a written language that is not `required` shows the
   default language's event, news item, case study, data text or page
   wherever its own is missing, as the i18n plugin does for pages);
2. its entry in the i18n plugin's `languages:` in mkdocs.yml;
3. Material's theme strings for it, in overrides/partials/languages/<code>.html
   when Material has no file of that name (as for zh-Hans);
4. a column in docs/_data/labels.yml: a line '<code>: …' under every label;
5. its pages, `<name>.<code>.md` beside each `<name>.md` in docs/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from cleanprod.problems import Problem

_ENGLISH_MONTHS = tuple("January February March April May June July August September October November December".split())


@dataclass(frozen=True)
class Language:
    """How one language is written, published and announced."""

    code: str  # in file names (about.en.md), the i18n plugin's `locale`, the pages' lang attribute
    name: str  # as the checks' messages name it to staff
    long_date: str  # a day: {year}, {month} (its number), {month_name} and {day}
    day_with_weekday: str  # a day with its weekday: {date} and {weekday} (from the 'weekday' label)
    day_time_separator: str  # between a day and its time: "Thursday 21 January 2027, 14:30"
    joiner: str  # between the items of a list written in a sentence
    full_stop: str
    hreflang: str  # as hreflang alternates and sitemap.xml name it to search engines
    pagefind: str  # as the search index (Pagefind) reads the pages' lang attribute
    og_locale: str  # as Open Graph names it, for link previews in chat apps and social sites
    label_column: str | None = None  # its column in labels.yml and data files; None for a converted language
    source: str | None = None  # the language it is converted from, at build time; None when written by staff
    converter: str | None = None  # the name of the converter (chinese.CONVERTERS) that makes it from `source`
    required: bool = True  # a written language every record and data text must be written in
    script: str | None = None  # a Chinese language's script (Hant, Hans), which the search treats alike
    is_reference: bool = False  # whose names identify things for every language: data portals' titles, form values
    month_names: tuple[str, ...] = ()
    time: str = "%H:%M"
    number: str = "{:,}"

    @property
    def is_default(self) -> bool:
        return self is TABLE[0]

    @property
    def url_prefix(self) -> str:
        """The folder the language is published under: '' for the default."""
        return "" if self.is_default else f"{self.code}/"

    @property
    def written(self) -> bool:
        """Whether staff write its pages (rather than the build converting them)."""
        return self.source is None

    @property
    def is_chinese(self) -> bool:
        return self.script is not None

    @property
    def traditional(self) -> bool:
        """Written in Traditional characters, where a Simplified one is a slip."""
        return self.script == "Hant"

    @property
    def simplified(self) -> bool:
        """Written in Simplified characters, as the Chinese search index is."""
        return self.script == "Hans"

    @property
    def reads(self) -> str:
        """The column (labels, data files) holding the words its pages show:
        its own, or for a converted language its source's."""
        return self.label_column or get(self.source).label_column

    def date(self, day: date) -> str:
        """A day as its readers write it: 2012年3月31日, or 31 March 2012."""
        month_name = self.month_names[day.month - 1] if self.month_names else ""
        return self.long_date.format(year=day.year, month=day.month, month_name=month_name, day=day.day)

    def day(self, day: date, weekday: str) -> str:
        """A day with its weekday: 2027年1月21日（星期四）, or Thursday 21 January 2027."""
        return self.day_with_weekday.format(date=self.date(day), weekday=weekday)

    def moment(self, day: str, moment: datetime) -> str:
        """A day (as `day` gives it) and its time: 'Thursday 21 January 2027, 14:30'."""
        return f"{day}{self.day_time_separator} {moment:{self.time}}"

    def clock(self, moment: datetime) -> str:
        return f"{moment:{self.time}}"

    def figure(self, value: int) -> str:
        """1802 → '1,802': Hong Kong writes thousands with commas in Chinese and English alike."""
        return self.number.format(value)


_CHINESE_DATE = dict(long_date="{year}年{month}月{day}日", day_with_weekday="{date}（{weekday}）", day_time_separator="", joiner="、", full_stop="。")

TABLE: tuple[Language, ...] = (
    Language(code="zh-Hant", name="Traditional Chinese (zh-Hant)", label_column="zh-Hant", script="Hant",
             hreflang="zh-Hant", pagefind="zh-Hant", og_locale="zh_HK", **_CHINESE_DATE),
    Language(code="en", name="English", label_column="en", is_reference=True,
             long_date="{day} {month_name} {year}", month_names=_ENGLISH_MONTHS, day_with_weekday="{weekday} {date}",
             day_time_separator=",", joiner=", ", full_stop=".", hreflang="en", pagefind="en", og_locale="en_GB"),
    Language(code="zh-Hans", name="Simplified Chinese (zh-Hans)", source="zh-Hant", converter="to_simplified", script="Hans",
             hreflang="zh-Hans", pagefind="zh-Hans", og_locale="zh_CN", **_CHINESE_DATE),
)

_BY_CODE = {language.code: language for language in TABLE}
DEFAULT = TABLE[0]
ALL = tuple(_BY_CODE)  # every language's code, the default first
WRITTEN = tuple(language.code for language in TABLE if language.written)
REQUIRED = tuple(language.code for language in TABLE if language.written and language.required)
REFERENCE = next(language for language in TABLE if language.is_reference)


def get(code: str) -> Language:
    """A language's record, by its code."""
    return _BY_CODE[code]


def shown_in(written: str, lang: str) -> str:
    """The language a text written in `written` reads in on `lang`'s pages:
    `lang` itself when `lang` is converted from it, else `written`."""
    return lang if get(lang).source == written else written


def config_problems(config: Path) -> list[Problem]:
    """The i18n plugin's languages in mkdocs.yml must be this table's, with
    the same default: a language in one and not the other would be built
    without its dates, labels and addresses, or not built at all."""
    listed = _i18n_languages(config)
    where = f"line {listed[0][1]}" if listed else "the i18n plugin's 'languages:'"
    codes = [code for code, _, _ in listed]
    default = next((code for code, _, is_default in listed if is_default), None)
    table = "scripts/cleanprod/languages.py"
    problems = [
        Problem(config, where, f"the i18n plugin does not list the language '{code}', which {table} has", f"add '- locale: {code}' with its name and 'build: true' under the i18n plugin's languages, or remove its record from {table}")
        for code in ALL
        if code not in codes
    ]
    problems += [
        Problem(config, f"line {line}", f"the i18n plugin lists the language '{code}', which {table} does not have", f"add its record to {table} (its docstring says what a language needs), or remove '- locale: {code}' from mkdocs.yml")
        for code, line, _ in listed
        if code not in ALL
    ]
    if default != DEFAULT.code:
        given = f"'{default}'" if default else "not given"
        problems.append(Problem(config, where, f"the i18n plugin's default language is {given}, but the site's default is '{DEFAULT.code}' (the first in {table})", f"write 'default: true' under '- locale: {DEFAULT.code}' alone"))
    return problems


def _i18n_languages(config: Path) -> list[tuple[str, int, bool]]:
    """Each language the i18n plugin lists in mkdocs.yml: its locale, line and
    whether it is the default. The file is composed, not loaded, so that its
    MkDocs tags (!ENV) need no meaning here."""
    plugins = _value(yaml.compose(config.read_text(encoding="utf-8")), "plugins")
    i18n = next((found for plugin in _items(plugins) if (found := _value(plugin, "i18n")) is not None), None)
    found = []
    for entry in _items(_value(i18n, "languages")):
        locale, default = _value(entry, "locale"), _value(entry, "default")
        if isinstance(locale, yaml.ScalarNode):
            found.append((locale.value, locale.start_mark.line + 1, isinstance(default, yaml.ScalarNode) and default.value.lower() == "true"))
    return found


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """A mapping node's value at `key`, if any."""
    if isinstance(node, yaml.MappingNode):
        return next((value for name, value in node.value if name.value == key), None)
    return None


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    """A sequence node's items; none for anything else."""
    return node.value if isinstance(node, yaml.SequenceNode) else []
