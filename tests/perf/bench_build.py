"""Build benchmark at scale: our build against a stock MkDocs + Material +
mkdocs-static-i18n build of the same corpus.

Not part of the test suite (it prints figures; nothing passes or fails).
Run:  PYTHONPATH=scripts .venv/bin/python tests/perf/bench_build.py [N ...]

For each N (default 100 500 2000) it copies the site into a temporary folder,
adds N synthetic case studies, events and news items in zh-Hant and English
(realistic lengths, marked as examples), and N awardee rows, then reports:
wall time and peak memory of the full build, output size, the largest HTML
page, and each language's search index (raw and gzip). The stock build uses
Material's own search plugin, no navigation pruning and no hooks, on the same
pages; our time is printed as a ratio of it.
"""

from __future__ import annotations

import csv
import gzip
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ZH = "清潔生產技術幫助工廠節省能源和原材料，並從源頭減少污染物排放和廢物。示範項目的成果與其他工廠分享。"
EN = "Cleaner production helps factories save energy and raw materials and cut pollution and waste at source. "
SECTORS = ["textiles", "printing-publishing", "metal-products", "non-metallic-minerals", "chemical-products", "food-beverage", "paper-products", "furniture"]


def page(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + f"---\n\n# {meta['title']}\n\n{body}\n"


def corpus(docs: Path, n: int) -> None:
    """n pages per language (a third each of cases, events and news items)
    and 10 × n awardee rows."""
    rng = random.Random(n)
    for i in range(n // 3):
        investment = rng.randrange(100_000, 900_000, 1000)
        case = {
            "sector": SECTORS[i % 8], "technology": "heat-recovery", "year": 2009 + i % 4, "city": "dongguan",
            "investment_hkd": investment, "subsidy_hkd": investment // 3,
            "results": {"electricity_kwh": rng.randrange(10_000, 900_000), "cost_saved_hkd": rng.randrange(50_000, 400_000)},
            "example": True,
        }
        (docs / "cases" / f"bench-{i}.md").write_text(page({"title": f"示例個案 {i}", **case}, (ZH * 12 + "\n\n") * 4), encoding="utf-8")
        (docs / "cases" / f"bench-{i}.en.md").write_text(page({"title": f"Example case {i}", **case}, (EN * 8 + "\n\n") * 4), encoding="utf-8")
        day = f"20{26 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        event = {"type": "briefing", "start": f"{day} 10:00", "end": f"{day} 12:00", "venue": "online", "language": ["cantonese"], "status": "open", "example": True}
        (docs / "events" / f"{day}-bench-{i}.md").write_text(page({"title": f"示例活動 {i}", **event}, ZH * 6), encoding="utf-8")
        (docs / "events" / f"{day}-bench-{i}.en.md").write_text(page({"title": f"Example event {i}", **event}, EN * 4), encoding="utf-8")
        item = {"date": day, "summary": "示例消息。", "example": True}
        (docs / "news" / f"{day}-bench-{i}.md").write_text(page({"title": f"示例消息 {i}", **item}, ZH * 4), encoding="utf-8")
        (docs / "news" / f"{day}-bench-{i}.en.md").write_text(page({"title": f"Example news {i}", **{**item, "summary": "Example news."}}, EN * 3), encoding="utf-8")
    with (docs / "data" / "partners.csv").open("a", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for i in range(10 * n):
            writer.writerow([2013 + i % 10, "manufacturer", f"示例公司{i}", f"Example Company {i}", "", "yes"])


def stock_config(project: Path) -> Path:
    """mkdocs.yml as a stock setup would have it: Material's search, no pruning, no hooks."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks:\n  - scripts/hooks.py\n", "").replace("    - navigation.prune\n", "    - navigation.sections\n")
    config = config.replace("plugins:\n", "plugins:\n  - search\n").replace("reconfigure_search: false", "reconfigure_search: true")
    # Material has no zh-Hans theme strings: the stock build keeps only the site's.
    shutil.copytree(project / "overrides" / "partials" / "languages", project / "stock-overrides" / "partials" / "languages")
    config = config.replace("strict: true", "strict: false").replace("  custom_dir: overrides\n", "  custom_dir: stock-overrides\n")
    for line in ("  favicon: assets/favicon.svg\n", "  logo: assets/favicon.svg\n", "extra_css:\n  - assets/site.css\n"):
        config = config.replace(line, "")
    path = project / "mkdocs-stock.yml"
    path.write_text(config, encoding="utf-8")
    return path


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of the command and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return time.perf_counter() - started, max(peak, before) / 1024


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def report(n: int) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"bench-build-{n}-"))
    try:
        for name in ("docs", "overrides", "scripts"):
            shutil.copytree(ROOT / name, work / name)
        shutil.copy(ROOT / "mkdocs.yml", work)
        corpus(work / "docs", n)
        env = dict(os.environ, PYTHONPATH=str(work / "scripts"), NO_MKDOCS_2_WARNING="1")
        ours, memory = timed([sys.executable, "-m", "cleanprod", "build"], work, env)
        site = work / "site"
        pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        print(f"N = {n} per language: our build {ours:.1f} s, peak memory {memory:.0f} MB, output {folder_size(site) / 1e6:.1f} MB, "
              f"largest page {pages[-1].relative_to(site)} {pages[-1].stat().st_size / 1e3:.0f} kB")
        for meta in sorted((site / "pagefind").glob("pagefind.*.pf_meta")):
            print(f"  first search fetch, {meta.name}: {meta.stat().st_size / 1e3:.0f} kB (then only the chunks a query needs)")
        raw = folder_size(site / "pagefind")
        packed = sum(len(gzip.compress(p.read_bytes())) for p in (site / "pagefind").rglob("*") if p.is_file())
        print(f"  search index, all languages: {raw / 1e6:.1f} MB raw, {packed / 1e6:.1f} MB gzip (loaded in chunks, per language, only on search)")
        stock, stock_memory = timed([sys.executable, "-m", "mkdocs", "build", "-f", str(stock_config(work)), "--site-dir", str(work / "stock-site")], work, env)
        stock_site = work / "stock-site"
        print(f"  stock build {stock:.1f} s, output {folder_size(stock_site) / 1e6:.1f} MB; ours / stock = {ours / stock:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    for n in [int(a) for a in sys.argv[1:]] or [100, 500, 2000]:
        report(n)
