"""Build logic of the Cleaner Production Partnership Programme site.

Data flows one way: content and data files are read and validated
(`sources`, `validate`), rendered (`chinese`, `sitemap`, `revision`), and handed
to MkDocs by the thin glue in `plugin.py`; `build` wraps the whole in a
staged, all-or-nothing build.
"""

import os

# SITE_ENGINE=properdocs builds with ProperDocs, the maintained drop-in fork of
# MkDocs 1.x: its replacement module makes every later `mkdocs.*` import load
# ProperDocs, so it must run before anything imports MkDocs, in every process
# of the build: the command's and each language's (language_builds.py), which
# import this package first.
if os.environ.get("SITE_ENGINE") == "properdocs":
    import properdocs.replacement  # noqa: F401
