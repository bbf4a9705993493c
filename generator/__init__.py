"""Baozhai (报摘): raw Chinese news pages → an annotated, searchable reading site.

The package is the pipeline; its folders are the stages, in order:

    ingest/    source files → parsed pages of articles, repaired, with errata and suspects
    annotate/  articles → glossary occurrences, key numbers, related articles and jumps
    site/      the digest → Simplified Markdown pages (Jinja2), then the built sites and bundles
    editions/  Simplified pages → each edition's pages (OpenCC)
    search/    the search index fields and the query layer (engine-independent)
    engine/    the one adapter to MkDocs and Material internals (every coupling listed there)

``model`` holds the typed records passed between stages, ``pipeline`` the one order
in which they run, ``config`` the settings (declared once), ``errors`` the exception
types; ``commands/`` are the verbs (build, check, serve) that ``cli`` dispatches to.
``cache``, ``write`` and ``timing`` serve every stage (build cache, atomic output
folders, stage timings); ``slugs`` gives records their stable URLs.
"""
