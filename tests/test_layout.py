"""The package's folders follow its imports (ARCHITECTURE.md): content is
read and modelled; render turns it into HTML, and its views registry says
what each `[[data:…]]` line may ask for; checks use both (the content's
rules, the registry's, the built site); publish writes what goes beside the
pages; the engine drives them all. A module may import from its own folder
or an earlier one, never a later one, so that the folders tell a newcomer
which way the data flows."""

from __future__ import annotations

import ast
from pathlib import Path

from cleanprod.paths import ROOT

PACKAGE = ROOT / "scripts" / "cleanprod"
# The stages in the order data flows through them; the shared modules at the
# package's root come first, and the commands (__main__, new) last.
STAGES = ("", "content", "render", "checks", "publish", "engine", "commands")
COMMANDS = {"__main__", "new"}


def _stage(module: str) -> str:
    """'cleanprod.content.funding.Rules' → 'content'; a root module → '' or 'commands'."""
    first = module.split(".")[1]
    if first in STAGES:
        return first
    return "commands" if first in COMMANDS else ""


def _module_name(path: Path) -> str:
    return ".".join(("cleanprod", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cleanprod"):
            found |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("cleanprod")}
    return found


def backward_imports() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = _module_name(path)
        for imported in sorted(_imports(path)):
            if STAGES.index(_stage(imported)) > STAGES.index(_stage(here)):
                wrong.append(f"{here} imports {imported}")
    return wrong


def test_the_package_has_one_folder_a_stage() -> None:
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == ["checks", "content", "engine", "publish", "render"]
    assert len(list(PACKAGE.rglob("*.py"))) > 40  # every module is read below


def test_no_import_runs_against_the_flow() -> None:
    assert backward_imports() == []


def test_a_backward_import_would_be_found() -> None:
    """The positive control: content importing the renderers is reported."""
    assert _stage("cleanprod.content.funding") == "content"
    assert _stage("cleanprod.render.table") == "render"
    assert _stage("cleanprod.new") == "commands"
    assert STAGES.index(_stage("cleanprod.render.table")) > STAGES.index(_stage("cleanprod.content.funding"))
