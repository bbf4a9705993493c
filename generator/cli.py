"""``baozhai`` command line (also ``python -m generator``)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import commands
from .config import load_settings
from .errors import BaozhaiError


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="baozhai",
        description="Baozhai (报摘): raw Chinese newspaper pages → an annotated, searchable site.")
    main.add_argument("--root", type=Path, default=Path("."), help="folder holding mkdocs.yml (default: .)")
    verbs = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = verbs.add_parser("build", help="generate the pages and build the site")
    build.add_argument("--content", type=Path, help="content folder (sources/, glossary, errata); default content/")
    build.add_argument("--site", type=Path, help="where the site goes; default site/")
    check = verbs.add_parser("check", help="validate the content and report; writes nothing")
    check.add_argument("--content", type=Path, help="content folder; default content/")
    check.add_argument("--verbose", action="store_true", help="list every punctuation change")
    terms = verbs.add_parser("terms", help="glossary helpers for editors")
    terms.add_argument("--content", type=Path, help="content folder; default content/")
    terms.add_argument("--suggest", action="store_true", required=True,
                       help="list candidate terms the glossary lacks (jieba keywords)")
    terms.add_argument("--limit", type=int, default=20, help="how many candidates (default 20)")
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(args.root.resolve(), args.content, getattr(args, "site", None))
        if args.command == "build":
            commands.build(settings)
        elif args.command == "terms":
            print("\n".join(commands.suggest_terms(settings, args.limit)))
        else:
            print("\n".join(commands.check(settings, args.verbose)))
    except BaozhaiError as err:
        print(f"baozhai: error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
