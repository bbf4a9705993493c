"""The records passed from one pipeline stage to the next (all of them, by name).

source       a raw page as read: lines, metadata, pieces of text with their line and column
article      a parsed page: articles, blocks, photos, continuations, consumed structure
repairs      joins, punctuation changes, suspects, errata, and a page after every stage
glossary     curated terms
annotations  term occurrences and key numbers
links        features, related articles, continuation jumps
digest       everything the site is rendered from
edition      the editions a site can have (Simplified, Traditional)
"""
from generator.model.annotations import Annotations, KeyNumber, Occurrence
from generator.model.article import (CELLS, PROVISIONAL_LEAD, Article, Block, Consumed, Continuation, Decision, Duplicate,
                                     Furniture, Page, Photo)
from generator.model.digest import Digest
from generator.model.edition import EDITIONS, Edition
from generator.model.glossary import CATEGORIES, Glossary, PageNote, Term, toneless
from generator.model.links import Feature, Jump, Links, Related, Weighted
from generator.model.repairs import Erratum, Join, Located, PageResult, PunctChange, Repairs, Suspect
from generator.model.source import Change, Origin, PageMeta, Piece, SourceLine, SourcePage, Text

__all__ = ["CELLS", "Annotations", "KeyNumber", "Occurrence", "PROVISIONAL_LEAD", "Article", "Block", "Consumed",
           "Continuation", "Decision", "Duplicate", "Furniture", "Page", "Photo", "Digest", "CATEGORIES",
           "Glossary", "PageNote", "Term", "toneless",
           "Feature", "Jump", "Links", "Related", "Weighted", "Erratum", "Join", "Located", "PageResult",
           "PunctChange", "Repairs", "Suspect", "Change", "Origin", "PageMeta", "Piece", "SourceLine", "SourcePage",
           "Text", "EDITIONS", "Edition"]
