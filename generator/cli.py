"""``baozhai`` command line (also ``python -m generator``)."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from generator.commands import build as building
from generator.commands import check as checking
from generator.commands.serve import serve
from generator.config import load_settings
from generator.errors import BaozhaiError
from generator.site import linkcheck
from generator.site.builds import Shard
from generator.timing import Stopwatch


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="baozhai",
        description="Baozhai (报摘): raw Chinese newspaper pages → an annotated, searchable site.")
    main.add_argument("--root", type=Path, default=Path("."), help="folder holding mkdocs.yml (default: .)")
    verbs = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = verbs.add_parser("build", help="generate the pages and build the site")
    build.add_argument("--content", type=Path, help="content folder (sources/, glossary, errata); default content/")
    build.add_argument("--site", type=Path, help="where the site goes; default site/")
    build.add_argument("--dist", type=Path, help="where the offline bundles go; default dist/")
    build.add_argument("--timings", type=Path, help="write each stage's seconds as JSON to this file")
    build.add_argument("--hosted", action="store_true",
                       help="for deploying: refuse a placeholder site_url (canonical URLs, sitemaps, feeds use it)")
    build.add_argument("--shard", type=shard_arg, metavar="K/N",
                       help="render only shard K of N into the cache (.cache/html), for a CI matrix; "
                            "a build with every shard's cache joins them (README: Performance and caching)")
    bundle = verbs.add_parser("bundle", help="write only the offline bundles (dist/*.zip)")
    bundle.add_argument("--content", type=Path, help="content folder; default content/")
    bundle.add_argument("--dist", type=Path, help="where the offline bundles go; default dist/")
    preview = verbs.add_parser("serve", help="build, serve site/ on 127.0.0.1 and rebuild on changes")
    preview.add_argument("--content", type=Path, help="content folder; default content/")
    preview.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    preview.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    links = verbs.add_parser("linkcheck", help="check every internal link and anchor of the built site")
    links.add_argument("--site", type=Path, help="the built site; default site/")
    links.set_defaults(content=None)
    check = verbs.add_parser("check", help="validate the content and report; writes nothing")
    check.add_argument("--content", type=Path, help="content folder; default content/")
    check.add_argument("--verbose", action="store_true", help="list every punctuation change")
    terms = verbs.add_parser("terms", help="glossary helpers for editors")
    terms.add_argument("--content", type=Path, help="content folder; default content/")
    terms.add_argument("--suggest", action="store_true", required=True,
                       help="list candidate terms the glossary lacks (jieba keywords)")
    terms.add_argument("--limit", type=int, default=20, help="how many candidates (default 20)")
    return main


def shard_arg(text: str) -> Shard:
    try:
        return Shard.parse(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = load_settings(args.root.resolve(), args.content, getattr(args, "site", None))
        if getattr(args, "dist", None):
            settings = replace(settings, dist=args.dist.resolve())
        if args.command == "build":
            watch = Stopwatch.for_terminal()
            building.build(settings, watch=watch, shard=args.shard, hosted=args.hosted)
            watch.mark("total")
            if args.timings:
                args.timings.write_text(json.dumps(watch.rounded(), indent=1), encoding="utf-8")
        elif args.command == "bundle":
            building.bundle(settings)
        elif args.command == "serve":
            def rebuild() -> None:  # mkdocs.yml is read again: a changed option takes effect
                building.build(load_settings(args.root.resolve(), args.content), offline=False)
            serve(settings, rebuild, args.host, args.port)
        elif args.command == "linkcheck":
            return linkcheck.run(settings)
        elif args.command == "terms":
            print("\n".join(checking.suggest_terms(settings, args.limit)))
        else:
            report = checking.check(settings, args.verbose)
            print("\n".join(report))
            return 1 if checking.failed(report) else 0
    except BaozhaiError as err:
        print(f"baozhai: error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
