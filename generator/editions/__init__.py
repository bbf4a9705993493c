"""Editions: the Simplified pages in, each edition's pages out.

Enters: the rendered Simplified Markdown and the glossary's Traditional forms. Leaves:
the same pages in the edition's script and usage (OpenCC, with Baozhai's reviewed
phrase layers and the editor's ``content/phrases.txt``), and the edition's search
options. Next stage: the engine builds each edition's site (:mod:`generator.engine`).
"""
