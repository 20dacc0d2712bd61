"""Links and images in the Markdown that lead to no file, and anything a
page would load from another site, found before the build.

MkDocs finds a link to no file too, but names neither the line nor the fix,
and stops at the first language. Here each is named with its page, its line
and the file the writer probably meant. So is a link to an address on the
site (/statistics/), which would lead an English reader to the Chinese page
and break wherever the site is published below its root, and a link typed
with a Chinese keyboard's brackets (［資助］（funding.md）) or with a space
before its address ([資助] (funding.md)), which is published as plain text.
Anchors (#…) are checked by MkDocs as it builds, when the headings' ids are
known (anchor_warnings.py), and again on the built pages (links.py).

The site loads nothing from other sites: an image, a video or a script from
elsewhere would tell that site who reads the page, and could change or
vanish. So a page may link to another site but not show what is there.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from urllib.parse import unquote

from cleanprod import languages
from cleanprod.checks import html_policy
from cleanprod.content.pages import Page, ending, language_of
from cleanprod.problems import Problem

# [text](target "title"), ![alt](target), and reference definitions [name]: target
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"'\n]*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.MULTILINE)
# A link typed with full-width brackets, or a space between its text and its
# address, whose address looks like one: published as the text it is.
_MISTYPED = re.compile(r"([\[［【])([^\]］】\n]+)([\]］】])([ \t]*)([(（])([A-Za-z0-9_./#:%?=&~+-]*[./][A-Za-z0-9_./#:%?=&~+-]*)([)）])")
_ELSEWHERE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")  # another site, mail, or this page
_SITE_ADDRESS = re.compile(r"^/(?!/)")  # /statistics/: this site's root, not the page's file
IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)")  # ![description](address)


def _exists(target: Path) -> bool:
    """A file, a folder with an index page, or a page in another language (about.md → about.en.md)."""
    if target.is_file() or (target / "index.md").is_file():
        return True
    if target.suffix == ".md":
        return any(target.with_suffix(f".{lang}.md").is_file() for lang in languages.ALL)
    return False


def problems(page: Page, docs: Path) -> list[Problem]:
    """Each link or image in `page` that leads to no file under `docs`."""
    found = []
    root = docs.resolve()
    for match in [*_INLINE.finditer(page.prose), *_REFERENCE.finditer(page.prose)]:
        written = match[1]
        path = unquote(written.split("#")[0].split("?")[0])
        if _SITE_ADDRESS.match(written):
            meant = Path(os.path.relpath(docs / (path.strip("/") or "index.md"), page.path.parent)).as_posix()
            found.append(Problem(page.path, _line(page, match.start()), f"the link '{written}' is an address on this site, which is different in each language and wherever the site is published", _fix(page.path.parent, meant, docs)))
            continue
        if not match[0].startswith("!") and (wrong := html_policy.link_problem(written)) is not None:
            found.append(Problem(page.path, _line(page, match.start()), *wrong))
            continue
        if not path or _ELSEWHERE.match(written):
            continue
        target = (page.path.parent / path).resolve()
        if target.is_relative_to(root) and _exists(target):
            lang = language_of(Path(path))
            if path.endswith(".md") and not languages.get(lang).is_default:  # funding.en.md, not funding.md
                meant = path.removesuffix(ending(lang)) + ending(languages.DEFAULT.code)
                named = languages.get(lang).name
                found.append(Problem(page.path, _line(page, match.start()), f"the link '{written}' names the {named} file, and leads to the {named} page from every language", f"write '{meant}', the Traditional Chinese file's name, as every link does: each language's page then links to the page in its own language"))
            continue
        found.append(Problem(page.path, _line(page, match.start()), f"the link '{written}' leads to no file", _fix(page.path.parent, path, docs)))
    for match in _MISTYPED.finditer(page.prose):
        opening, text, closing, space, left, address, right = match.groups()
        if (opening, closing, space, left, right) != ("[", "]", "", "(", ")"):
            how = "a space between its text and its address" if space else "full-width brackets"
            found.append(Problem(page.path, _line(page, match.start()), f"'{match[0]}' has {how}, so it would be published as plain text, not as a link", f"write it as '[{text}]({address})', with half-width brackets and nothing between ']' and '('"))
    return found


def loaded_from_elsewhere(page: Page) -> list[Problem]:
    """Each Markdown image that `page` would load from another site (or from
    an address of another kind, data: or javascript:). What HTML written in
    the page would load is checked with the rest of its HTML (html_policy.py)."""
    return [
        Problem(page.path, _line(page, match.start()), f"the image '{match[2]}' would be loaded from another site", "save the image in docs/images/ and show it from there: ![description](images/NAME.jpg); or link to the other site instead")
        for match in IMAGE.finditer(page.prose)
        if html_policy.loads_from_elsewhere(match[2])
    ]


def _line(page: Page, offset: int) -> str:
    """'line N': where in the file the body's character at `offset` is."""
    return f"line {page.body_line + page.body.count(chr(10), 0, offset)}"


def _fix(folder: Path, path: str, docs: Path) -> str:
    """What to write instead: the full address of another site, an email
    address as mailto:, or the name nearest to `path` of a file under `docs`
    (pages by their zh-Hant name, which links use in every language)."""
    if path.lower().startswith("www."):
        return f"to link to another site, write its full address, starting https://: 'https://{path}'"
    if "@" in path and "/" not in path:
        return f"to link to an email address, write 'mailto:{path}'"
    names = [
        Path(os.path.relpath(file, folder)).as_posix()
        for file in docs.rglob("*")
        if file.is_file() and "_data" not in file.relative_to(docs).parts and language_of(file) == languages.DEFAULT.code
    ]
    near = difflib.get_close_matches(path, names, n=1, cutoff=0.6)
    hint = f"; the nearest file name is '{near[0]}'" if near else ""
    return f"write the path of a file in docs/, from this page's folder, such as 'funding.md' or '../data/approvals.csv'{hint}"
