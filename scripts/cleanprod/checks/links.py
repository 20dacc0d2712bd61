"""Check every link in a built site: internal links and anchors must resolve;
links to other sites are listed for a person to review, never fetched.

Run after a build: `python -m cleanprod links` (part of `make check`). The
site's own absolute address (its canonical links, hreflang alternates) counts
as internal: it is checked against the built files. A link to a placeholder
address (example.org, example.com, a name ending .example, .test or
.invalid, reserved by RFC 2606 for examples) is broken: no reader can use
it, and it means a real address was never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("form", "action"), ("source", "src")}
_NOT_CHECKED = ("data:",)
PLACEHOLDER_DOMAINS = ("example.com", "example.net", "example.org")
PLACEHOLDER_ENDINGS = (".example", ".test", ".invalid")


def placeholder_host(link: str) -> str | None:
    """The host of `link` if it is a placeholder address (RFC 2606), else None."""
    parts = urlsplit(link)
    host = (parts.hostname or "") if parts.netloc else ""
    if parts.scheme == "mailto":
        host = parts.path.rpartition("@")[2].lower()
    if not host:
        return None
    placeholder = host in PLACEHOLDER_DOMAINS or host.endswith(tuple("." + d for d in PLACEHOLDER_DOMAINS)) or host.endswith(PLACEHOLDER_ENDINGS)
    return host if placeholder else None


class _PageParser(HTMLParser):
    """Collects a page's element ids and the links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in _LINK_ATTRIBUTES:
                self.links.append(value)


@dataclass
class Report:
    """Broken internal links (page → problems) and external links (URL → pages)."""

    broken: dict[str, list[str]] = field(default_factory=dict)
    external: dict[str, list[str]] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = []
        for page, problems in sorted(self.broken.items()):
            out += [f"BROKEN  /{page}: {problem}" for problem in problems]
        for url, pages in sorted(self.external.items()):
            out.append(f"EXTERNAL  {url}  (linked from {', '.join('/' + p for p in sorted(set(pages)))})")
        return out


def _url_of(file: Path, site: Path) -> str:
    """The site-relative URL a built file is served at: about/index.html → about/."""
    relative = file.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def _file_for(path: str, site: Path) -> Path | None:
    """The built file a site-relative URL path is served from, if any."""
    target = site / unquote(path)
    if path.endswith("/") or path == "" or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def site_base(site: Path) -> str:
    """The address the site is published at, from the home page's canonical link."""
    home = (site / "index.html").read_text(encoding="utf-8")
    marker = '<link rel="canonical" href="'
    start = home.find(marker)
    if start < 0:
        return ""
    return home[start + len(marker) : home.index('"', start + len(marker))]


def check(site: Path) -> Report:
    """Every link of every HTML page in `site` (the search index's files aside)."""
    base = site_base(site)
    base_path = urlsplit(base).path or "/"
    pages: dict[str, _PageParser] = {}
    for file in sorted(site.rglob("*.html")):
        if "pagefind" in file.relative_to(site).parts:
            continue
        parser = _PageParser()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file.relative_to(site).as_posix()] = parser

    report = Report()
    for name, parser in pages.items():
        here = _url_of(site / name, site)
        for link in parser.links:
            if link.startswith(_NOT_CHECKED):
                continue
            if base and link.startswith(base):
                link = base_path + link[len(base):]
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                host = placeholder_host(link)
                if host:
                    report.broken.setdefault(name, []).append(f"'{link}' is a placeholder address ({host}), which leads nowhere: link to the real address, or remove the link")
                elif parts.scheme == "javascript":
                    report.broken.setdefault(name, []).append(f"'{link}' is a script, not a link")
                else:
                    report.external.setdefault(link, []).append(name)
                continue
            absolute = urlsplit(urljoin(base_path + here, link))
            if not absolute.path.startswith(base_path):
                report.broken.setdefault(name, []).append(f"'{link}' points outside the site's folder {base_path}")
                continue
            target = _file_for(absolute.path[len(base_path):], site)
            if target is None:
                report.broken.setdefault(name, []).append(f"'{link}' leads to no page or file")
                continue
            fragment = unquote(absolute.fragment)
            if fragment and target.suffix == ".html":
                target_name = target.relative_to(site).as_posix()
                if fragment not in pages[target_name].ids:
                    report.broken.setdefault(name, []).append(f"'{link}': the page has no anchor '#{fragment}'")
    return report
