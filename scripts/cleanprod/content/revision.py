"""Last revision dates of source files, from git history.

Hong Kong government pages show when each was last revised. The date is the
date of the last commit that changed the page's source file, in Hong Kong
time, so the same commit always builds the same page. A file not yet committed
shows the build date (SOURCE_DATE_EPOCH, where set, for reproducible builds).
"""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HONG_KONG = timezone(timedelta(hours=8), "HKT")


def _git(root: Path, *args: str) -> str:
    """A git command's output; '' outside a git repository (a copy of the site)."""
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return ""


def last_commit_times(root: Path, folder: str = "docs") -> dict[str, datetime]:
    """Map each path under `folder` (relative to `root`) to its last commit's time.

    One `git log` call for the whole folder: a call per page would cost
    seconds on a site of thousands of pages.
    """
    log = _git(root, "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", folder)
    times: dict[str, datetime] = {}
    for commit in log.split("\x00")[1:]:
        stamp, _, names = commit.partition("\n")
        moment = datetime.fromtimestamp(int(stamp), HONG_KONG)
        for name in names.split():
            times.setdefault(name, moment)
    return times


def uncommitted(root: Path, folder: str = "docs") -> set[str]:
    """Paths under `folder` changed or added since the last commit."""
    status = _git(root, "status", "--porcelain", "--no-renames", "--untracked-files=all", "--", folder)
    return {line[3:].strip('"') for line in status.splitlines() if line[3:]}


def build_moment() -> datetime:
    """Now in Hong Kong, or SOURCE_DATE_EPOCH where it is set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), HONG_KONG) if epoch else datetime.now(HONG_KONG)


def build_date() -> date:
    """The build's day in Hong Kong."""
    return build_moment().date()

