"""The one adapter to the site engine: MkDocs 1.6 and Material for MkDocs 9.

Enters: each edition's generated Markdown folder (docs/<edition>, with the data files
the generator writes beside it: ``<edition>.shown.json``, ``<edition>.search.json``)
and its per-edition options. Leaves: the edition's built site. It also reads
``mkdocs.yml`` for everyone (:mod:`.config`). Nothing else in the generator touches
MkDocs or Material internals: the rest writes plain Markdown and data files that a
plain MkDocs + Material build, or a successor reading ``mkdocs.yml``, can use
(tests/test_engine.py builds the seed's Markdown with a minimal mkdocs.yml and no
baozhai plugin). Moving to another engine means rewriting this package.

Modules: ``config`` (mkdocs.yml through MkDocs; the baozhai plugin's options),
``plugin`` (the ``baozhai`` MkDocs plugin), ``build`` (one edition's build, its
checks and errors), ``pages`` (MkDocs' build rendering only the pages the cache lacks), ``options`` (per-edition options, offline reading), ``search``
(Baozhai's search in Material's), ``raw_blocks`` (a Python-Markdown extension),
``pagefind`` (the hosted site's Pagefind index), ``couplings`` (the list below as data), ``theme/`` (Baozhai's templates and page
script), ``worker.js`` (the hook into Material's search worker), ``vendor/``.

Couplings: the internal each relies on (:data:`.couplings.COUPLINGS`, where
tests/test_engine.py checks the installed versions and names any that moved):

* plugin events (mkdocs): ``on_config``, ``on_page_content``, ``on_post_page``,
  ``on_post_build``, ``event_priority``; ``page.markdown`` and ``page.content``
  dropped once used (memory). [plugin]
* plugin options (mkdocs): ``mkdocs.config.base.Config`` and ``config_options``
  (``Type``, ``Choice``, ``ListOfItems``); the plugin's own ``enabled``. [config]
* config loading (mkdocs): ``load_config``, ``mkdocs.utils.yaml.yaml_load`` (``!ENV``,
  ``INHERIT``), the messages the ``mkdocs`` logger gives for a bad option ("Config
  value '…'", "Plugin '…' option '…'"), read for the line number. [config]
* build (mkdocs): ``mkdocs.commands.build.build`` in-process, strict. [build]
* theme folder (mkdocs): ``Theme.dirs`` (``theme/`` inserted after the project's
  ``custom_dir``), ``Theme.static_templates`` (robots.txt). [plugin]
* jieba switch (Material): ``material.plugins.search.plugin.jieba`` set to None so
  Material does not segment the index. [plugin]
* offline (Material): the ``offline`` plugin (writes ``search/search_index.js``) and
  ``extra.polyfills`` (the vendored iframe-worker 1.0.4 shim). [options]
* search index (Material): ``search/search_index.json`` (``docs`` of
  ``location``/``title``/``text``; Lunr ``config.fields``). [search]
* search worker (Material): ``assets/javascripts/workers/search.*.min.js``, its
  message protocol (``worker.js``: SETUP 0, QUERY 2, RESULT 3), the page script posting
  SETUP as ``{config, docs, options}`` of the index it fetched (the hosted stub's
  ``config.pagefind``), Lunr language files. [search]
* theme templates (Material): ``base.html`` blocks ``extrahead``, ``config`` (the
  ``#__config`` JSON and its ``features``, edited under ``file://``) and ``scripts``;
  ``404.html`` block ``content``; ``partials/alternate.html`` replaced;
  ``partials/languages/zh.html`` imported for ``zh-Hans``; ``partials/language.html``
  replaced (the search prompt); ``.icons/``. [theme/]
* page script (Material): ``#__config``'s ``base``, the header instant navigation
  keeps, ``document$``, ``.md-search`` (``theme/assets/javascripts/baozhai-material.js``).
* output files (mkdocs, Material): ``404.html``, ``sitemap.xml(.gz)``,
  ``search/search_index.json`` and ``.js`` (``options.HOSTED_ONLY``, ``OFFLINE_ONLY``:
  which the offline bundles leave out and which the hosted site drops). [options]
* page cache (mkdocs, Material): ``pages`` repeats ``mkdocs.commands.build.build``
  step for step with its ``_populate_page``, ``_build_page``, ``_build_theme_template``,
  ``_build_extra_template``; puts back a cached page's entries of Material's
  ``SearchIndex.entries`` (appended in ``on_page_context``); keys pages on what
  ``partials/nav-item.html`` and ``tabs-item.html`` show of the navigation (titles,
  addresses, ``meta`` icon, subtitle, status). [pages]
* pagefind (pagefind, pagefind-bin): ``PagefindIndex.add_directory`` over pages
  with ``data-pagefind-body``, ``data-pagefind-meta`` and ``<html lang>``, and the
  files it writes (``pagefind-entry.json``, ``pagefind.js``, ``*.pf_meta``,
  ``*.pf_index``, ``*.pf_fragment``: gzip, a record ``pagefind_dcd`` then JSON);
  ``pagefind.js``'s ``options``/``init``/``search``, results' ``score`` and
  ``data().meta``, a quoted query searched as an exact phrase, no query
  segmentation for the language ``und``. [pagefind, worker.js]
* raw blocks (Markdown): a ``Preprocessor`` between ``normalize_whitespace`` (30) and
  ``html_block`` (20) putting blocks in ``md.htmlStash``. [raw_blocks]

Outside this package only Material's documented features are used, which another
engine may ignore without breaking the pages: the CSS custom properties ``--md-*`` and
``.md-typeset`` (site/assets/baozhai.css), the ``document$`` observable of its
"custom JavaScript" guide (site/assets/baozhai-words.js), and its search exclusions, front
matter ``search: exclude`` and ``data-search-exclude`` (site/templates).

Checked against: mkdocs 1.6.1, mkdocs-material 9.8.2, Markdown 3.11.3, pagefind 1.5.2, pagefind-bin 1.5.2.
"""
