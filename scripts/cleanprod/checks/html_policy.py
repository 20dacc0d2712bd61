"""What HTML a page may hold: one policy, checked in the source and enforced on the article.

Staff write Markdown, and a little HTML where Markdown has no form for
something (a `<details>`, an `<abbr>`, a line break in a table cell, a
`<noscript>` note). Nothing a page holds may run a script or load anything
from another site: a title pasted from an e-mail, a careless pull request or
a compromised account must not be able to put script on the site. So:

- `problems(page)`: before anything is built, the HTML written in a page's
  Markdown is parsed (html.parser, which decodes character references as a
  browser does) and each element, attribute and address is compared with the
  allow-lists below; each one outside them is named with its line and the fix.
- `enforce(html, …)`: as the build renders each page, the article as
  Markdown made it (raw HTML, attributes given with `{…}`, links), before the
  site's own blocks are put in, is compared with the same allow-lists; then
  nh3, a sanitiser, writes it again with only what they allow, so that
  nothing else reaches a page even if a form of writing escaped the check.

Links may lead to http(s), mailto and tel addresses and to the site's own
pages; images, video, audio and subtitles only come from the site itself.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nh3

from cleanprod.problems import Problem

# The elements staff may write, and the attributes each may have.
_GLOBAL = {"id", "class", "title", "lang"}
STAFF_ATTRIBUTES: dict[str, set[str]] = {
    **{tag: set() for tag in (
        "b", "blockquote", "br", "caption", "cite", "code", "dd", "div", "dl", "dt", "em", "figcaption", "figure",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "mark", "noscript", "p", "picture", "pre", "s", "samp",
        "small", "span", "strong", "sub", "summary", "sup", "tbody", "tfoot", "thead", "tr", "u", "ul", "var", "wbr",
    )},
    "a": {"href", "hreflang", "download"},
    "abbr": set(),
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "del": {"cite", "datetime"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ins": {"cite", "datetime"},
    "li": {"value"},
    "ol": {"start", "reversed", "type"},
    "q": {"cite"},
    "source": {"src", "type"},
    "table": set(),
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "time": {"datetime"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "video": {"src", "controls", "poster", "width", "height", "preload", "loop", "muted", "playsinline"},
}
# What Markdown and its extensions write besides: the page's title. (Their
# permalinks, admonitions, tables and lists use the elements above; a table
# column's alignment is an `align` attribute, not a style: mkdocs.yml.)
ARTICLE_ATTRIBUTES: dict[str, set[str]] = {**STAFF_ATTRIBUTES, "h1": set()}
_DATA = "data-"  # data-* attributes hold text that the site's scripts read as text
_MARKDOWN = "markdown"  # md_in_html's switch, read by Markdown and not published
_LINKS = {"href", "cite"}  # addresses a reader may follow
_LOADS = {"src", "poster"}  # addresses a browser loads by itself
LINK_SCHEMES = {"http", "https", "mailto", "tel"}

# The browser's second line of defence, on every page (a <meta> element in
# overrides/main.html; README.md shows it as the host's header): everything
# from the site itself; scripts only from files on it (none written into a
# page, no event handlers), with WebAssembly, which the search (Pagefind)
# compiles; no plugins; no <base>; forms sent only to the site.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",  # the theme's icons, which its stylesheet holds as data: URLs
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")  # what browsers drop from an address before reading it


@dataclass(frozen=True)
class Breach:
    """One thing outside the policy: where it is in the parsed text, what it is, and the fix."""

    line: int  # 1 for the first line of the parsed text
    what: str
    fix: str
    written: str  # the element's or attribute's name, as the Markdown may hold it


def _scheme(address: str) -> str | None:
    """The scheme of an address as a browser reads it ('javascript' for ' java\\tscript:…'), or None for a relative one."""
    found = _SCHEME.match(_URL_NOISE.sub("", html.unescape(address)))
    return found[1].lower() if found else None


def loads_from_elsewhere(address: str) -> bool:
    """Whether loading `address` would fetch from another site (or run something)."""
    cleaned = _URL_NOISE.sub("", html.unescape(address)).replace("\\", "/")
    return _scheme(address) is not None or cleaned.startswith("//")


def _attribute_breach(tag: str, name: str, value: str | None, allowed: dict[str, set[str]]) -> tuple[str, str] | None:
    """What is wrong with one attribute, and the fix; None if the policy allows it."""
    if name.startswith("on"):
        return f"the <{tag}> has an event handler ({name}=…), which would run a script", f"remove '{name}=…': pages hold no scripts"
    if name == "style":
        return f"the <{tag}> has a style attribute", "remove 'style=…': the site's look is set in overrides/assets/site.css, for every page alike"
    if name not in allowed[tag] | _GLOBAL and not name.startswith(_DATA) and name != _MARKDOWN:
        return f"the <{tag}> has the attribute '{name}', which pages may not use", f"remove '{name}=…'; a <{tag}> may have: {', '.join(sorted(allowed[tag] | _GLOBAL))}"
    value = value or ""
    if name in _LINKS and (scheme := _scheme(value)) is not None and scheme not in LINK_SCHEMES:
        return f"the <{tag}> links to '{value}', a {scheme}: address", "link only to https:, http:, mailto: and tel: addresses, or to a page of the site by its file name"
    if name in _LOADS and loads_from_elsewhere(value):
        return f"the <{tag}> would load '{value}' from another site", _LOAD_FIX
    return None


_LOAD_FIX = "link to it instead, as [what it is](address), or save the file in docs/ and use it from there"
_ELEMENT_FIXES = {
    "script": ("the page has a script written into it", "remove it: pages hold text, and the site's few scripts are in overrides/assets/"),
    "style": ("the page has a <style> element", "remove it: the site's look is set in overrides/assets/site.css, for every page alike"),
    "form": ("the page has a <form> element, which pages may not use", "remove it: the site's forms are made by its data lines, such as [[data:funding-rules.yml|checker]]"),
}


def _element_breach(tag: str, attrs: list[tuple[str, str | None]]) -> tuple[str, str]:
    """What is wrong with an element the policy does not allow, and the fix."""
    loading = {"src", "data", "action", "formaction", "poster"} | ({"href"} if tag in ("link", "image", "use") else set())
    loaded = [value for name, value in attrs if name in loading and value and loads_from_elsewhere(value)]
    if loaded:
        return f"the <{tag}> would load '{loaded[0]}' from another site", _LOAD_FIX
    if tag in _ELEMENT_FIXES:
        return _ELEMENT_FIXES[tag]
    return f"the page has a <{tag}> element, which pages may not use", f"remove it, or write it with Markdown; the HTML elements pages may use are: {', '.join(sorted(STAFF_ATTRIBUTES))}"


class _Parser(HTMLParser):
    """Every element and attribute in a text, each compared with the policy."""

    def __init__(self, allowed: dict[str, set[str]]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed = allowed
        self.breaches: list[Breach] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if ":" in tag or "@" in tag:  # <https://…> or <name@example.org>: Markdown's automatic links
            return
        if tag not in self.allowed:
            self.breaches.append(Breach(line, *_element_breach(tag, attrs), f"<{tag}"))
            return
        for name, value in attrs:
            if (breach := _attribute_breach(tag, name, value, self.allowed)) is not None:
                self.breaches.append(Breach(line, *breach, value if name in _LINKS | _LOADS and value else name))

    handle_startendtag = handle_starttag


def breaches(text: str, allowed: dict[str, set[str]] = STAFF_ATTRIBUTES) -> list[Breach]:
    """Everything in the HTML of `text` that the policy does not allow."""
    parser = _Parser(allowed)
    parser.feed(text)
    parser.close()
    return parser.breaches


def problems(page) -> list[Problem]:
    """The HTML written in a page's Markdown (its code left aside) that the policy does not allow."""
    if "<" not in page.prose:
        return []
    return [Problem(page.path, f"line {page.body_line + b.line - 1}", b.what, b.fix) for b in breaches(page.prose)]


def link_problem(address: str) -> tuple[str, str] | None:
    """What is wrong with the address of a Markdown link ([text](address)), and the fix; None if allowed."""
    scheme = _scheme(address)
    if scheme is None or scheme in LINK_SCHEMES:
        return None
    return f"the link '{address}' is a {scheme}: address", "link only to https:, http:, mailto: and tel: addresses, or to a page or file of the site by its name"


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's filter: no address that loads from elsewhere, nor links of other schemes."""
    return None if _attribute_breach(tag, name, value, ARTICLE_ATTRIBUTES) else value


def enforce(article: str, source: Path) -> tuple[str, list[Problem]]:
    """The article as Markdown rendered it, with only what the policy allows,
    and a problem for each thing that was not (named at the first
    line of the page's source file that holds it)."""
    found = breaches(article, ARTICLE_ATTRIBUTES)
    cleaned = nh3.clean(
        article,
        tags=set(ARTICLE_ATTRIBUTES),
        attributes={tag: names | _GLOBAL for tag, names in ARTICLE_ATTRIBUTES.items()},
        generic_attribute_prefixes={_DATA},
        url_schemes=LINK_SCHEMES,
        attribute_filter=_keep_attribute,
        link_rel=None,
        strip_comments=False,
    )
    return cleaned, [Problem(source, _line_of(source, b.written), b.what, b.fix) for b in found]


def _line_of(source: Path, written: str) -> str:
    """'line N': the first line of the page's source file that holds `written`
    (the rendered article has no lines of its own)."""
    for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if written.lower() in text.lower():
            return f"line {number}"
    return "the page"
