"""Images on pages, given their width and height, and loaded late where they
can wait.

A browser that knows an image's size keeps room for it while the page loads,
so the text does not jump when the image arrives (Lighthouse's "layout
shift"). An image further down the page is fetched only as the reader
scrolls near it (loading="lazy"), so that a phone on a slow line shows the
text first; the page's first image, often in the first screen, is fetched at
once, since delaying it would delay what the reader sees first. The size is
read from the file's header with `imagesize`; the site's CSS scales an image
down to the column's width and keeps its proportions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import imagesize

_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\ssrc="([^"]+)"')
_SIZE = re.compile(r"\s(?:width|height)=")
_LOADING = re.compile(r"\sloading=")


def sized(content: str, page_url: str, source: Callable[[str], Path | None]) -> str:
    """`content` (a page's HTML) with each of the site's own images given its
    width and height, and every image after the first loaded lazily.
    `source` gives the file an address from the site's root names, if any;
    `page_url` is the page's, from the site's root."""
    count = 0

    def attributes(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        tag, extra = match[0], []
        address = _SRC.search(tag)
        file = source(_from_root(page_url, html.unescape(address[1]))) if address else None
        if file is not None and not _SIZE.search(tag):
            width, height = size(file)
            if width > 0:
                extra.append(f'width="{width}" height="{height}"')
        if count > 1 and not _LOADING.search(tag):
            extra.append('loading="lazy"')
        if not extra:
            return tag
        end = "/>" if tag.endswith("/>") else ">"
        return f"{tag[: -len(end)].rstrip()} {' '.join(extra)}{end}"

    return _IMG.sub(attributes, content)


def size(file: Path) -> tuple[int, int]:
    """An image's width and height in pixels; (0, 0) if its header does not say
    (a drawing sized only by its viewBox, or a file that is not an image)."""
    try:
        width, height = (round(float(side)) for side in imagesize.get(file))
    except (OSError, ValueError):
        return 0, 0
    return (width, height) if width > 0 and height > 0 else (0, 0)


def _from_root(page_url: str, address: str) -> str:
    """The address of an image, written relative to the page, from the site's
    root; empty for an image on another site or written into the page."""
    target = urlsplit(urljoin("/" + page_url, address))
    return "" if target.scheme or target.netloc else unquote(target.path).lstrip("/")
