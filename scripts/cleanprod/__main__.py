"""Staff and build commands.

    python -m cleanprod check      check every page and data file; report missing or stale translations
    python -m cleanprod build      build the whole site into site/, all or nothing
    python -m cleanprod preview    serve the site at http://127.0.0.1:8000/, showing edits as they are saved
    python -m cleanprod links      check the links of the built site, list links to other sites, and
                                   check that the Simplified pages show no Hong Kong words
    python -m cleanprod new event  start a new event in zh-Hant and English (asks, or takes flags)
    python -m cleanprod new news   start a new news item in zh-Hant and English
    python -m cleanprod new case   start a new case study in zh-Hant and English
    python -m cleanprod views      print the staff guide's table of data views (views.py);
                                   with --write, put it in CONTRIBUTING.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleanprod import new
from cleanprod.checks import links, mainland_usage, translations
from cleanprod.engine import build, preview
from cleanprod.render import views
from cleanprod.paths import DOCS, ROOT, SITE, STAFF_GUIDE
from cleanprod.problems import describe
from cleanprod.checks.validate import validate


def check() -> int:
    content, problems = validate(DOCS)
    notices = translations.report(content.pages, DOCS, ROOT)
    if notices:
        print(f"Translations to write or update ({len(notices)}):")
        print("\n".join(f"  - {notice}." for notice in notices))
    if problems:
        print(f"Correct these before committing: {describe(problems)}", file=sys.stderr)
        return 1
    print(f"Checked {len(content.pages)} pages and {len(content.datasets)} data files: no problems.")
    return 0


def check_links(site: Path) -> int:
    if not (site / "index.html").exists():
        print(f"There is no built site in {site}: run 'make site' first.", file=sys.stderr)
        return 1
    report = links.check(site)
    print("\n".join(report.lines()))
    failed = False
    if report.broken:
        count = sum(len(problems) for problems in report.broken.values())
        print(f"{count} broken link{'s' if count != 1 else ''}: correct the link in the page's Markdown file, or add the missing page or anchor.", file=sys.stderr)
        failed = True
    else:
        print(f"All internal links resolve; {len(report.external)} links to other sites are listed above for review.")
    if usage := mainland_usage.problems(site):
        print(f"Hong Kong words on Simplified Chinese pages: {describe(usage)}", file=sys.stderr)
        failed = True
    else:
        print("The Simplified Chinese pages show none of the Hong Kong words listed in docs/_data/hong-kong-terms.yml.")
    return 1 if failed else 0


def show_views(write: bool) -> int:
    """The staff guide's table of data views, printed, or written into the guide."""
    if not write:
        print(views.staff_table(), end="")
    elif views.write_staff_table(STAFF_GUIDE):
        print(f"The table of data views in {STAFF_GUIDE.name} is written again.")
    else:
        print(f"The table of data views in {STAFF_GUIDE.name} is up to date.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleanprod", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check pages and data; report missing or stale translations")
    for name, help_text in (("build", "build the whole site, all or nothing"), ("links", "check the links of a built site")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--site-dir", type=Path, default=SITE, help="the site's folder (default: site/)")
    new.add_arguments(commands.add_parser("new", help="start a new event, news item or case study in both languages"))
    serving = commands.add_parser("preview", help="serve the site, showing edits as they are saved")
    serving.add_argument("--port", type=int, default=8000, help="the port to serve on (default: 8000)")
    listing = commands.add_parser("views", help="print the staff guide's table of data views")
    listing.add_argument("--write", action="store_true", help=f"put it in {STAFF_GUIDE.name}, between its markers")
    args = parser.parse_args(argv)

    if args.command == "check":
        return check()
    if args.command == "preview":
        return preview.serve(port=args.port)
    if args.command == "links":
        return check_links(args.site_dir)
    if args.command == "views":
        return show_views(args.write)
    if args.command == "new":
        given = {k: v for k, v in vars(args).items() if k not in ("command", "kind")}
        return new.create(args.kind, given, ask=input if sys.stdin.isatty() else None)
    build.stop_with_parent()
    try:
        build.build(args.site_dir)
    except build.BuildStopped as error:
        print(f"\nThe build was stopped ({error}): {args.site_dir} was left as it was, and the unfinished build was removed.", file=sys.stderr)
        return 128 + error.signum
    except build.BuildFailed as error:
        print(f"\nThe site was not built, and {args.site_dir} was left as it was: {error}.", file=sys.stderr)
        return 1
    print(f"The site is ready in {args.site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
