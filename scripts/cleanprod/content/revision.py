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
    seconds on a site of thousands of pages. Its names are separated by NUL
    (`-z`), and so written as they are: otherwise git quotes a name with a
    space or a Chinese character ("docs/\\350\\263\\207.md"). Each commit is
    an empty field, its time, then its names, the first after a newline.
    """
    log = _git(root, "log", "-z", "--format=%x00%ct", "--name-only", "--no-renames", "--", folder)
    times: dict[str, datetime] = {}
    fields = iter(log.split("\x00"))
    for field in fields:
        if field:
            times.setdefault(field.removeprefix("\n"), moment)
        elif stamp := next(fields, ""):  # the log ends with an empty field, after its last name
            moment = datetime.fromtimestamp(int(stamp), HONG_KONG)
    return times


def uncommitted(root: Path, folder: str = "docs") -> set[str]:
    """Paths under `folder` changed or added since the last commit, each
    status line ending in NUL (`-z`) and so holding the name as it is, not
    quoted as git quotes a name with a space or a Chinese character."""
    status = _git(root, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all", "--", folder)
    return {entry[3:] for entry in status.split("\x00") if entry[3:]}


def build_moment() -> datetime:
    """Now in Hong Kong, or SOURCE_DATE_EPOCH where it is set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), HONG_KONG) if epoch else datetime.now(HONG_KONG)


def build_date() -> date:
    """The build's day in Hong Kong."""
    return build_moment().date()

