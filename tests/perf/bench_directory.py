"""Browser benchmark: the partner directory with N synthetic awardee rows.

Not part of the test suite (it prints figures; nothing passes or fails).
Run:  PYTHONPATH=scripts .venv/bin/python tests/perf/bench_directory.py [ROWS]

It copies the site into a temporary folder, writes ROWS synthetic rows
(default 20,000, marked as examples) into docs/data/partners.csv, builds, and
in Debian's Chromium measures: the page's load, the time from each keystroke
of a search to the updated count, and a filter change.
"""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from serving import serve  # noqa: E402  (tests/serving.py, shared with the browser tests)
SURNAMES = "陳 李 張 黃 何 林 周 吳 梁 劉 鄭 謝 羅 馮 蔡 許".split()
WORDS = "環保 紡織 印染 五金 電子 塑膠 家具 食品 造紙 化工 印刷 製衣 皮革 玻璃 陶瓷 包裝".split()
ENGLISH = "Eco Textile Dyeing Metal Electronic Plastic Furniture Food Paper Chemical Printing Garment Leather Glass Ceramic Packaging".split()


def synthetic_rows(count: int) -> list[dict]:
    rng = random.Random(2011)
    classes = ["manufacturer"] * 8 + ["service-provider"] + ["buyer"]
    rows = []
    for i in range(count):
        word = rng.randrange(len(WORDS))
        rows.append({
            "year": 2012 + i % 14,
            "class": rng.choice(classes),
            "name_zh-Hant": f"{rng.choice(SURNAMES)}氏{WORDS[word]}有限公司{i}",
            "name_en": f"{ENGLISH[word]} Company {i} Limited",
            "sector": "",
            "example": "yes",
        })
    return rows


def main(count: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-directory-"))
    try:
        for name in ("docs", "overrides", "scripts"):
            shutil.copytree(ROOT / name, work / name)
        shutil.copy(ROOT / "mkdocs.yml", work)
        with (work / "docs" / "data" / "partners.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, ["year", "class", "name_zh-Hant", "name_en", "sector", "example"])
            writer.writeheader()
            writer.writerows(synthetic_rows(count))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cleanprod", "build"], cwd=work, check=True, capture_output=True,
                       env={"PYTHONPATH": str(work / "scripts"), "PATH": "/usr/bin:/bin"})
        print(f"rows: {count:,}; build: {time.perf_counter() - started:.1f} s")
        page_file = work / "site" / "en" / "partners" / "index.html"
        print(f"page: {page_file.stat().st_size / 1e6:.1f} MB HTML")

        with serve(work / "site") as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(base + "en/partners/", wait_until="load")
            print(f"load: {(time.perf_counter() - started) * 1000:.0f} ms")
            for selector, value in (("#partner-search", "紡"), ("#partner-search", "紡織"), ("#partner-search", "纺织有"),
                                    ("#partner-search", "Company 1999"), ("#partner-search", ""), ("#partner-class", "buyer")):
                timing = page.evaluate(
                    """([selector, value]) => new Promise(resolve => {
                        const field = document.querySelector(selector);
                        const count = document.querySelector('[data-directory-count]');
                        const start = performance.now();
                        const observer = new MutationObserver(() => { observer.disconnect();
                            requestAnimationFrame(() => resolve([performance.now() - start, count.textContent])); });
                        observer.observe(count, {childList: true, characterData: true, subtree: true});
                        field.value = value; field.dispatchEvent(new Event('input', {bubbles: true}));
                    })""",
                    [selector, value],
                )
                print(f"{selector} = {value!r}: {timing[0]:.0f} ms to the next frame ({timing[1]})")
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
