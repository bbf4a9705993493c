"""Editions: the Simplified pages in, each edition's pages out.

Enters: the rendered Simplified Markdown, the glossary's Traditional forms and names.
Leaves: the same pages in the edition's script and usage, and the edition's search
options. Next stage: the engine builds each edition's site (:mod:`generator.engine`).

``convert`` (the Converter: OpenCC configs, the editor's phrases and names) drives
``wordwise`` (where each rule may apply), which uses ``words`` (jieba's word
boundaries: the one segmentation), ``names`` (spans converted by characters only) and
``layers`` (the reviewed rules of ``layers/*.tsv``); ``page`` converts a rendered page
through its inline markup; ``quotes`` gives 「」; ``leftover`` and ``confusables`` are
``baozhai check``'s reports; ``edition`` applies it all to a digest's pages.
"""
