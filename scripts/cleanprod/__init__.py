"""Build logic of the Cleaner Production Partnership Programme site.

Data flows one way, and the folders follow it (ARCHITECTURE.md): what staff
write is read and modelled (`content/`), rendered as HTML (`render/`, whose
`views.py` is the registry of data views), checked (`checks/validate.py`,
and the built site's links), and written beside the pages (`publish/`); the
MkDocs plugin and the staged, all-or-nothing build drive it all (`engine/`).
"""

import os

# SITE_ENGINE=properdocs builds with ProperDocs, the maintained drop-in fork of
# MkDocs 1.x: its replacement module makes every later `mkdocs.*` import load
# ProperDocs, so it must run before anything imports MkDocs, in every process
# of the build: the command's and each language's (language_builds.py), which
# import this package first.
if os.environ.get("SITE_ENGINE") == "properdocs":
    import properdocs.replacement  # noqa: F401
