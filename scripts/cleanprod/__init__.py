"""Build logic of the Cleaner Production Partnership Programme site.

Data flows one way: content and data files are read and validated
(`sources`, `validate`), rendered (`chinese`, `sitemap`, `revision`), and handed
to MkDocs by the thin glue in `plugin.py`; `build` wraps the whole in a
staged, all-or-nothing build.
"""
