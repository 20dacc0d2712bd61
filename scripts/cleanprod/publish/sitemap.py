"""The site maps: for people, the navigation as a nested list; for search
engines, sitemap.xml and the robots.txt that points to it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import urljoin

# What the site map page writes (<div class="site-map" data-site-map></div>),
# as the article holds it once the HTML policy has written it again.
PLACEHOLDER = '<div class="site-map" data-site-map=""></div>'


@dataclass(frozen=True)
class Entry:
    title: str
    url: str | None = None  # None for a section heading
    children: tuple["Entry", ...] = field(default_factory=tuple)


def render(entries: list[Entry] | tuple[Entry, ...]) -> str:
    """Nested <ul> of links, escaped; sections become list items holding a list."""
    items = []
    for entry in entries:
        label = escape(entry.title)
        head = f'<a href="{escape(entry.url)}">{label}</a>' if entry.url is not None else label
        inner = render(entry.children) if entry.children else ""
        items.append(f"<li>{head}{inner}</li>")
    return f'<ul class="site-map">{"".join(items)}</ul>'


@dataclass(frozen=True)
class Url:
    """One page in one language, for sitemap.xml."""

    loc: str
    lastmod: date
    alternates: list[tuple[str, str]]  # (hreflang, absolute URL), this language included


def xml(urls: Iterable[Url]) -> str:
    """sitemap.xml, with each page's languages as xhtml:link alternates."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in urls:
        lines.append(f"<url><loc>{escape(url.loc)}</loc><lastmod>{url.lastmod.isoformat()}</lastmod>")
        lines += [f'  <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>' for lang, href in url.alternates]
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site_url: str) -> str:
    """robots.txt: every page may be crawled; sitemap.xml lists them."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site_url, 'sitemap.xml')}\n"
