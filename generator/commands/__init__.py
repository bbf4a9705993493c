"""The verbs of ``baozhai``: ``build``/``bundle`` (build.py), ``check``/``terms`` (check.py)
and ``serve`` (serve.py). Each runs the pipeline (:mod:`generator.pipeline`) and
writes its outputs atomically."""
