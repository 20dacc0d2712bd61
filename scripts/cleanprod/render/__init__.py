"""Rendering: plain data in, escaped HTML out. Nothing here reads files or MkDocs' config."""
