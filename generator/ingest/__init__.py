"""Ingest: raw page files in, parsed and repaired pages out.

Enters: ``content/sources/*.txt`` (with front matter or a ``.meta.yml`` sidecar),
scraper records ``*.json``/``*.jsonl`` and ``content/errata.yml``. Leaves: one
:class:`generator.model.PageResult` per page: its articles (headline, kicker, deck,
bylines, dateline, photos, body blocks), the joins and punctuation changes made, the
errata located in it and the suspects found; its furniture, decisions and duplicates.

read (``records`` for JSON/JSONL; ``layers``: leftover HTML taken apart, a Traditional
page converted by its region, decided in ``script``) → (errata located, editor moves) →
parse (classify lines, group them into units: ``units``; articles by ``#`` marks in
``parse`` or by the page's evidence in ``unmarked``, both through ``assemble``; a record
file in ``structured``; page furniture recognised by ``furniture``, filed and metadata
settled by ``metadata``, bylines checked by ``names``; every structural choice a
Decision) → repair (joins, punctuation) → suspects; ``preserve`` proves that every
source character is accounted for (and, after rendering, shown). Once every page is
read, ``duplicates`` publishes the same text once; ``words`` holds the one jieba
dictionary every stage cuts words with. Next stage: :mod:`generator.annotate`.
"""
