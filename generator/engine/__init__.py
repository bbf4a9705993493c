"""The one adapter to the site engine: MkDocs 1.6 and Material for MkDocs 9.

Everything else in the generator writes plain Markdown, data files and templates that
a plain MkDocs + Material build (or a successor reading ``mkdocs.yml``) can use. Only
this package touches their internals; each coupling, the internal it depends on, and
the versions it was checked against:

* ``plugin``: the ``baozhai`` MkDocs plugin (events ``on_config``, ``on_page_content``,
  ``on_post_page``, ``on_post_build``); sets ``material.plugins.search.plugin.jieba``
  to None so Material does not segment the index; drops ``page.markdown`` and
  ``page.content`` once used (memory).
* ``build``: ``mkdocs.commands.build.build`` with ``mkdocs.config.load_config``.
* ``raw_blocks``: a Python-Markdown preprocessor that stashes the templates' own HTML
  lists (``md.htmlStash``), registered before ``html_block``.
* ``options``: per-edition config overrides (``theme.language``, ``extra.alternate``,
  ``nav``, ``site_url``); Material's ``offline`` plugin with the vendored iframe-worker
  shim as ``extra.polyfills``.
* ``search``: rewrites Material's ``search/search_index.json`` (Lunr fields ``alt``,
  ``exact``) and prepends Baozhai's query layer to Material's search worker
  ``assets/javascripts/workers/search.*.min.js`` (whose message protocol
  ``generator/search/prelude.js`` relies on); prunes Lunr language files.
* ``overrides/main.html`` (project folder): removes ``navigation.instant*`` from
  ``#__config`` under ``file://``.

Checked against: mkdocs 1.6.1, mkdocs-material 9.8.2, Markdown 3.11.3.
"""
