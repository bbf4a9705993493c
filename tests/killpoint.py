"""Run ``baozhai`` and kill it (SIGKILL) when a named function is entered.

    python tests/killpoint.py MODULE:NAME[#N] [baozhai arguments…]

replaces ``NAME`` (``Class.method`` allowed) in ``MODULE`` by a tripwire that sends
the process SIGKILL on the ``N``-th call (default: the first), then runs
``generator.cli.main`` with the remaining arguments. The name is replaced where the
build looks it up (``generator.write:swap``, not a module that imported it by
name), so the kill lands at that point of the build on every machine, however fast.
A build that never reaches the point exits as usual: the caller sees the difference
(killed: return code -9). Used by tests/test_atomic.py.
"""
from __future__ import annotations

import functools
import importlib
import os
import signal
import sys


def arm(point: str) -> None:
    """Set the tripwire at ``MODULE:NAME[#N]``."""
    where, _, count = point.partition("#")
    module_name, _, qualname = where.partition(":")
    owner = importlib.import_module(module_name)
    *path, name = qualname.split(".")
    for part in path:
        owner = getattr(owner, part)
    original = getattr(owner, name)
    calls = {"left": int(count or 1)}

    @functools.wraps(original)
    def tripwire(*args, **kwargs):
        calls["left"] -= 1
        if calls["left"] == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(owner, name, tripwire)


if __name__ == "__main__":
    arm(sys.argv[1])
    from generator.cli import main

    sys.exit(main(sys.argv[2:]))
