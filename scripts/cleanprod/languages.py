"""The site's languages, named once.

zh-Hant is the default and is written by staff; English is written by staff;
zh-Hans is converted from zh-Hant at build time unless a hand-written
`.zh-Hans.md` page exists.
"""

DEFAULT = "zh-Hant"
ENGLISH = "en"
SIMPLIFIED = "zh-Hans"
ALL = (DEFAULT, ENGLISH, SIMPLIFIED)
WRITTEN = (DEFAULT, ENGLISH)
CHINESE = (DEFAULT, SIMPLIFIED)
# Each language as the checks' messages name it to staff.
NAMES = {DEFAULT: "Traditional Chinese (zh-Hant)", ENGLISH: "English", SIMPLIFIED: "Simplified Chinese (zh-Hans)"}
# Each language as Open Graph names it, for link previews in chat apps and social sites.
SHARE_LOCALE = {DEFAULT: "zh_HK", ENGLISH: "en_GB", SIMPLIFIED: "zh_CN"}


def url_prefix(lang: str) -> str:
    """The folder a language is published under: '' for the default."""
    return "" if lang == DEFAULT else f"{lang}/"
