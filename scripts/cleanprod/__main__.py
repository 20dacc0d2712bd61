"""Staff and build commands: `python -m cleanprod build [--site-dir DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cleanprod import build
from cleanprod.paths import SITE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleanprod", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="build the whole site into site/, all or nothing")
    build_command.add_argument("--site-dir", type=Path, default=SITE, help="where to put the site (default: site/)")
    args = parser.parse_args(argv)

    if args.command == "build":
        try:
            build.build(args.site_dir)
        except build.BuildFailed as error:
            print(f"\nThe site was not built, and {args.site_dir} was left as it was: {error}.", file=sys.stderr)
            return 1
        print(f"The site is ready in {args.site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
