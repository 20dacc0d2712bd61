"""Where things live in the repository, named once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "mkdocs.yml"  # the site's settings and its menu
DOCS = ROOT / "docs"
DATA = DOCS / "_data"
LABELS_FILE = DATA / "labels.yml"
GLOSSARY_FILE = DATA / "glossary.yml"
HONG_KONG_TERMS_FILE = DATA / "hong-kong-terms.yml"  # words no Simplified page may show
SEARCH_WORDS_FILE = DATA / "search-words.yml"
DATA_FILES = DOCS / "data"
SITE = ROOT / "site"
STAFF_GUIDE = ROOT / "CONTRIBUTING.md"
FEED_FILE = "news/feed.xml"  # each language's Atom feed, from its home
