"""Search for Chinese, independent of the site engine: index fields any engine's index
can carry (single-character tokens in Simplified script, exact titles, pinyin) and the
browser's query layer (``query.js``, opencc-js). :mod:`generator.engine.search`
installs them into Material's search (``generator/engine/worker.js`` hands the layer
the queries of Material's search worker).
"""
