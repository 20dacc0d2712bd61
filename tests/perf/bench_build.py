"""Benchmark at scale: our build, preview and pages against a stock MkDocs +
Material + mkdocs-static-i18n build of the same corpus.

Not part of the test suite (it prints figures; nothing passes or fails).
Run:  PYTHONPATH=scripts .venv/bin/python tests/perf/bench_build.py [N ...] [--lighthouse]

For each N (default 100 500 2000) pages per language, it copies the site into
a temporary folder and adds N/3 each of synthetic case studies, events and
news items in zh-Hant and English (realistic lengths, marked as examples), and
10 × N awardee rows. Then it reports:

- our full build (`python -m cleanprod build`): wall time, CPU time and peak
  memory of all its processes together, output size and size per page, the
  largest HTML page; the CPU time each language's search indexing alone takes;
- each language's search index (raw and gzip);
- in Chromium, what the home page, the funding page and a case page transfer
  on first load (gzip sizes), and what the first search on the search page
  transfers; with --lighthouse, Lighthouse's mobile scores for those pages
  (tests/perf/package.json pins it; `npm ci --prefix tests/perf` installs it);
- the preview (`python -m cleanprod preview`): the time from saving an edited
  case study to the preview serving it;
- the tuned stock build (Material's search plugin, navigation.prune, the i18n
  plugin's search de-duplication off, not the site's plugin) of the same pages, and our
  wall and CPU time as ratios of its.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import json
import os
import random
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from serving import serve  # noqa: E402  (tests/serving.py, shared with the browser tests)
from cleanprod import languages, search_words  # noqa: E402  (run with PYTHONPATH=scripts)
from cleanprod.publish import search_index
PERF = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
ZH = "清潔生產技術幫助工廠節省能源和原材料，並從源頭減少污染物排放和廢物。示範項目的成果與其他工廠分享。"
EN = "Cleaner production helps factories save energy and raw materials and cut pollution and waste at source. "
SECTORS = ["textiles", "printing-publishing", "metal-products", "non-metallic-minerals", "chemical-products", "food-beverage", "paper-products", "furniture"]
WEIGHED = {"home page": "", "funding page": "funding/", "case page": "cases/bench-1/"}
QUERY = "示範項目"


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
    """mkdocs.yml as a tuned stock setup has it: Material's search plugin (the
    i18n plugin's de-duplication of it off), navigation.prune, not the site's plugin."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\n  - cleanprod\n", "\n").replace("plugins:\n", "plugins:\n  - search\n")
    # Material has no zh-Hans theme strings: the stock build keeps only the site's.
    shutil.copytree(project / "overrides" / "partials" / "languages", project / "stock-overrides" / "partials" / "languages")
    config = config.replace("strict: true", "strict: false").replace("  custom_dir: overrides\n", "  custom_dir: stock-overrides\n")
    for line in ("  favicon: assets/favicon.svg\n", "  logo: assets/favicon.svg\n", "extra_css:\n  - assets/site.css\n"):
        config = config.replace(line, "")
    path = project / "mkdocs-stock.yml"
    path.write_text(config, encoding="utf-8")
    return path


def _tree_memory(root: int) -> int:
    """Memory (kB) a process and its descendants hold together: the sum of
    their proportional set sizes, so that pages forked processes share are
    counted once."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
            pending += [int(c) for t in Path(f"/proc/{pid}/task").iterdir() for c in (t / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # it ended meanwhile
        total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
    return total


def _children_cpu() -> float:
    """CPU seconds (user and system) of every ended process this one waited for,
    and of the processes they waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, the peak (MB) of the memory its processes hold together
    (sampled twice a second), and CPU seconds of all its processes: steadier
    than wall time on a shared virtual machine."""
    cpu = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    reader = threading.Thread(target=lambda: setattr(process, "output", process.stdout.read()))
    reader.start()
    while process.poll() is None:
        peak = max(peak, _tree_memory(process.pid))
        time.sleep(0.5)
    reader.join()
    elapsed = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(process.output[-3000:])
    return elapsed, peak / 1024, _children_cpu() - cpu


def _chinese_records(home: Path) -> list[search_index.Record]:
    """A Chinese language's search records, made again from its built pages
    (the build makes them from each page's article as it renders it)."""
    records = []
    for page in home.rglob("index.html"):
        url = page.parent.relative_to(home).as_posix() + "/"
        if url.split("/")[0] in ("en", "zh-Hans", "pagefind", "search"):
            continue  # another language's pages, or not indexed
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<div data-pagefind-body[^>]*>(.*?)</article>", html, re.S)
        title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        if article and title:
            records.append(search_index.record(url.removeprefix("./"), re.sub(r"<[^>]+>", "", title[1]), None, article[1], None))
    return records


def indexing_cpu(site: Path) -> dict[str, float]:
    """CPU seconds each language's search indexing takes (search_index.write:
    the Chinese pages' twins and Pagefind), done again into a scratch folder."""
    seconds = {}
    words = search_words.read()[0]
    for lang in languages.ALL:
        language = languages.get(lang)
        home = site / language.url_prefix
        records = _chinese_records(home) if language.is_chinese else []
        with tempfile.TemporaryDirectory() as scratch:
            target = Path(scratch)
            if not language.is_chinese:  # Pagefind reads the pages; its bundle goes beside them
                shutil.copytree(home, target / language.url_prefix, ignore=shutil.ignore_patterns("pagefind"))
            (target / language.url_prefix / "search").mkdir(parents=True, exist_ok=True)
            started = resource.getrusage(resource.RUSAGE_SELF)
            cpu = _children_cpu()
            search_index.write(target, lang, records, words, contextlib.nullcontext())
            ended = resource.getrusage(resource.RUSAGE_SELF)
            seconds[lang] = _children_cpu() - cpu + ended.ru_utime - started.ru_utime + ended.ru_stime - started.ru_stime
    return seconds


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def search_index_sizes(site: Path) -> dict[str, tuple[int, int]]:
    """Each language's bundle (its index, fragments and scripts): raw bytes,
    and what a server with gzip sends (Pagefind's index files are compressed
    already)."""
    sizes = {}
    for prefix, lang in (("", "zh-Hant"), ("en/", "en"), ("zh-Hans/", "zh-Hans")):
        files = [f.read_bytes() for f in (site / prefix / "pagefind").rglob("*") if f.is_file()]
        sizes[lang] = (sum(map(len, files)), sum(map(_compressed, files)))
    return sizes


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _compressed(body: bytes) -> int:
    """What a server sends for a body with gzip on (never more than the body)."""
    return min(len(body), len(gzip.compress(body)))


def weigh_pages(site: Path) -> dict[str, int]:
    """Bytes (gzip) each page transfers on first load, and the first search."""
    from playwright.sync_api import sync_playwright

    weights: dict[str, int] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for name, path in WEIGHED.items():
            context = browser.new_context()
            tab = context.new_page()
            responses = []
            tab.on("response", lambda response: responses.append(response))
            tab.goto(base + path, wait_until="networkidle")
            assert not [r.url for r in responses if "/pagefind/" in r.url], "the search index was fetched before searching"
            weights[name] = sum(_compressed(r.body()) for r in responses if r.status == 200)
            context.close()
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(base + "search/", wait_until="networkidle")
        responses = []
        tab.on("response", lambda response: responses.append(response))
        tab.fill(".pagefind-ui__search-input", QUERY)
        tab.wait_for_selector(".pagefind-ui__result-link")
        tab.wait_for_load_state("networkidle")
        weights[f"first search ({QUERY})"] = sum(_compressed(r.body()) for r in responses if r.status == 200)
        browser.close()
    return weights


def lighthouse(site: Path) -> dict[str, dict[str, int]]:
    """Lighthouse's mobile scores (0-100) for the weighed pages."""
    binary = PERF / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: run 'npm ci --prefix tests/perf' first.")
    scores = {}
    with serve(site) as base:
        for name, path in WEIGHED.items():
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                subprocess.run(
                    [str(binary), base + path, "--quiet", "--chrome-flags=--headless=new --no-sandbox", "--output=json", f"--output-path={report.name}"],
                    env=dict(os.environ, CHROME_PATH=CHROMIUM), check=True, capture_output=True,
                )
                categories = json.loads(Path(report.name).read_text())["categories"]
            scores[name] = {key: round(value["score"] * 100) for key, value in categories.items()}
    return scores


def preview_latency(project: Path, env: dict[str, str], edits: int = 3) -> tuple[float, list[float]]:
    """Seconds until the preview first serves the site, and from each saved
    edit of a case study to the preview serving the edited page."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/cases/bench-1/"

    def served() -> str:
        try:
            return urllib.request.urlopen(url, timeout=5).read().decode()
        except OSError:
            return ""

    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "cleanprod", "preview", "--port", str(port)], cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while "</html>" not in served():
            if process.poll() is not None:
                raise SystemExit("the preview stopped")
            time.sleep(0.2)
        first = time.perf_counter() - started
        source = project / "docs" / "cases" / "bench-1.md"
        timings = []
        for edit in range(edits):
            marker = f"benchmark-edit-{edit}"
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            saved = time.perf_counter()
            while marker not in served():
                time.sleep(0.02)
            timings.append(time.perf_counter() - saved)
            time.sleep(0.5)
        return first, timings
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)


def report(n: int, with_lighthouse: bool) -> None:
    work = Path(tempfile.mkdtemp(prefix=f"bench-build-{n}-"))
    try:
        for name in ("docs", "overrides", "scripts"):
            shutil.copytree(ROOT / name, work / name)
        shutil.copy(ROOT / "mkdocs.yml", work)
        corpus(work / "docs", n)
        env = dict(os.environ, PYTHONPATH=str(work / "scripts"), NO_MKDOCS_2_WARNING="1")
        ours, memory, ours_cpu = timed([sys.executable, "-m", "cleanprod", "build"], work, env)
        site = work / "site"
        html = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        pages = len([p for p in html if "pagefind" not in p.parts])
        size = folder_size(site)
        print(f"\nN = {n} pages per language ({pages} HTML pages in all)")
        print(f"  our build: {ours:.1f} s ({ours_cpu:.0f} CPU-seconds), peak memory {memory:.0f} MB (all processes), output {size / 1e6:.1f} MB ({size / pages / 1e3:.1f} kB per page)")
        indexing = indexing_cpu(site)
        print("  search indexing alone (twins and Pagefind), done again: " + ", ".join(f"{lang} {cpu:.1f}" for lang, cpu in indexing.items()) + " CPU-seconds")
        print(f"  largest page: {html[-1].relative_to(site)}, {html[-1].stat().st_size / 1e3:.0f} kB")
        for lang, (raw, packed) in search_index_sizes(site).items():
            print(f"  search bundle {lang}: {raw / 1e6:.2f} MB raw, {packed / 1e6:.2f} MB gzip (fetched in chunks, only when searching)")
        weights = weigh_pages(site)
        for name, weight in weights.items():
            print(f"  {name}: {weight / 1e3:.0f} kB transferred (gzip)")
        if with_lighthouse:
            for name, scores in lighthouse(site).items():
                print(f"  Lighthouse, {name}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
        first, edits = preview_latency(work, env)
        print(f"  preview: first served after {first:.1f} s; an edited page served after " + ", ".join(f"{t:.2f}" for t in edits) + " s")
        stock, stock_memory, stock_cpu = timed([sys.executable, "-m", "mkdocs", "build", "-f", str(stock_config(work)), "--site-dir", str(work / "stock-site")], work, env)
        stock_size = folder_size(work / "stock-site")
        stock_index = work / "stock-site" / "search" / "search_index.json"
        print(f"  tuned stock build: {stock:.1f} s ({stock_cpu:.0f} CPU-seconds), peak memory {stock_memory:.0f} MB, output {stock_size / 1e6:.1f} MB, "
              f"search index {stock_index.stat().st_size / 1e6:.1f} MB raw, loaded by every page")
        print(f"  ours / stock = {ours / stock:.2f} (wall time), {ours_cpu / stock_cpu:.2f} (CPU time)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    for count in [int(a) for a in arguments] or [100, 500, 2000]:
        report(count, "--lighthouse" in sys.argv)
