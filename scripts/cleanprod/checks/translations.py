"""Which pages lack a translation, and which translations are out of date.

Staff write each page in zh-Hant (`about.md`) and English (`about.en.md`).
A page missing in English is shown on the English site in Traditional
Chinese, with a line saying so; a page missing in Traditional Chinese is on
neither Chinese site. An English page last changed before its zh-Hant page may no
longer say the same thing. Both are reported for staff to act on; neither
stops the build.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cleanprod import languages
from cleanprod.content import revision
from cleanprod.content.pages import Page, file_name, page_key, plainly_named
from cleanprod.content.revision import HONG_KONG

def reads_in(written: str | None, lang: str) -> bool:
    """Whether a page that `lang`'s site publishes from a file written in
    `written` reads in `lang`: its own file, or for zh-Hans the zh-Hant file it
    is converted from. Otherwise the site shows another language's page in
    place of a missing translation, which must not be announced as `lang`'s
    version (hreflang, sitemap.xml) and says it is not yet translated."""
    return languages.shown_in(written, lang) == lang


def missing_page(key: str, lang: str, other: str) -> tuple[str, str]:
    """What readers meet where `lang`'s page of `key` is missing, and the fix:
    the file to write. The translations report and the menu check say the
    same, so that staff are pointed one way."""
    if languages.get(lang).is_default:
        shown = "neither Chinese site has this page, and the menu (which names each page by its Traditional Chinese file) cannot lead to it"
    else:
        shown = f"readers of the {languages.get(lang).name} site see the {languages.get(other).name} page, with a line saying it is not yet translated"
    return f"there is no {languages.get(lang).name} page; {shown}", f"write docs/{file_name(key, lang)}"


@dataclass(frozen=True)
class Notice:
    """A translation to write or to bring up to date."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


def report(found_pages: list[Page], docs: Path, root: Path) -> list[Notice]:
    """Missing and stale translations of the pages under `docs`, in a stable order."""
    folder = docs.relative_to(root).as_posix()
    committed = revision.last_commit_times(root, folder)
    changed = revision.uncommitted(root, folder)
    now = datetime.now(HONG_KONG)

    def last_change(key: str, lang: str) -> datetime | None:
        path = f"{folder}/{file_name(key, lang)}"
        return now if path in changed else committed.get(path)

    by_key: dict[str, set[str]] = {}
    for page in found_pages:
        if plainly_named(key := page_key(page.path, docs)):
            by_key.setdefault(key, set()).add(page.lang)

    notices = []
    for key, langs in sorted(by_key.items()):
        for lang in languages.WRITTEN:
            if lang not in langs and not (docs / file_name(key, lang)).exists():  # a file that exists but cannot be read has its own problem
                other = next((written for written in languages.WRITTEN if written in langs), None)  # the default first: readers see it in the page's place
                if other:
                    what, fix = missing_page(key, lang, other)
                    notices.append(Notice(f"{folder}/{file_name(key, other)}", f"{what}. {fix[0].upper()}{fix[1:]}"))
        translated = [lang for lang in languages.WRITTEN if not languages.get(lang).is_default] if languages.DEFAULT.code in langs else []
        for lang in translated:
            source, translation = last_change(key, languages.DEFAULT.code), last_change(key, lang) if lang in langs else None
            if source and translation and source > translation:
                name = languages.get(lang).name
                notices.append(Notice(
                    f"{folder}/{file_name(key, lang)}",
                    f"the {name} page is older than {folder}/{key} (changed {source:%Y-%m-%d %H:%M}; "
                    f"{name} last changed {translation:%Y-%m-%d %H:%M}). "
                    f"Bring the {name} page up to date and commit both",
                ))
    return notices
