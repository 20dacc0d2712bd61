"""zh-Hant → zh-Hans conversion keeps Markdown syntax and applies the glossary."""

import markdown
from pymdownx.slugs import slugify

from cleanprod.content.chinese import markdown_to_simplified, to_simplified


def test_text_is_converted_and_figures_kept() -> None:
    assert to_simplified("示範項目資助 1,802 宗") == "示范项目资助 1,802 项"


def test_glossary_replaces_plain_conversion() -> None:
    assert to_simplified("私隱政策") == "隐私政策"
    assert to_simplified("搜尋") == "搜索"


def test_link_targets_code_and_attributes_are_protected() -> None:
    source = "見[資助](資助.md) `資助.csv` {#資助} <a title=\"資助\">資助</a> https://例子.香港/資助\n"
    assert markdown_to_simplified(source) == (
        "见[资助](資助.md) `資助.csv` {#資助} <a title=\"資助\">资助</a> https://例子.香港/資助\n"
    )


def test_link_fragment_follows_the_converted_heading() -> None:
    assert markdown_to_simplified("[行業](about.md#對象行業)") == "[行业](about.md#对象行业)"


def test_a_reference_link_leads_to_its_converted_heading() -> None:
    """Rendered as the site renders headings (mkdocs.yml's toc slugify): the
    definition's label and fragment are converted as the link and the
    heading's id are, so the link is a link, to the heading."""
    page = markdown_to_simplified("## 對象行業\n\n見[行業][對象]。\n\n[對象]: #對象行業\n")
    html = markdown.markdown(page, extensions=["toc"], extension_configs={"toc": {"slugify": slugify(case="lower")}})
    assert html == '<h2 id="对象行业">对象行业</h2>\n<p>见<a href="#对象行业">行业</a>。</p>'


def test_fenced_code_is_protected() -> None:
    source = "```\n資助\n```\n資助\n"
    assert markdown_to_simplified(source) == "```\n資助\n```\n资助\n"
