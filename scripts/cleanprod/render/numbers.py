"""Numbers as the page's readers write them."""


def format_number(value: int, lang: str) -> str:
    """1802 → '1,802': Hong Kong writes thousands with commas in Chinese and English alike."""
    return f"{value:,}"
