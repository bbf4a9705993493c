"""Site: the digest in, the reader's pages out.

Enters: the :class:`generator.model.Digest` (articles, annotations, links, glossary).
Leaves: the Simplified edition's Markdown pages (``pages``, ``render``, ``browse_pages``,
``glossary_pages``: Jinja2 templates in ``templates/``, every source value escaped by
``escape``), with the stylesheet and scripts of ``assets/``. Next stage:
:mod:`generator.editions` converts the pages; then ``builds`` has the engine
(:mod:`generator.engine`) build each edition's site, ``bundle`` zips the offline
bundles and ``linkcheck`` checks every internal link of the built site.
"""
