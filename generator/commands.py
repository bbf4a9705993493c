"""The verbs: ``build`` (write the site) and ``check`` (validate and report, write nothing)."""
from __future__ import annotations

from pathlib import Path

from .config import Settings
from .errors import BuildError
from .pages import article_path, navigation, render_digest
from .pipeline import Digest, process
from .preserve import Loss, check_accounting, check_output
from .site import build_edition
from .write import staged, write_files


def generate(settings: Settings) -> tuple[Digest, dict[str, str]]:
    """Process the content and render the Simplified edition's Markdown."""
    digest = process(settings.content)
    files = render_digest(digest, settings.site_title)
    losses = preservation(digest, files)
    if losses:
        raise BuildError("preservation check failed: " + "; ".join(map(str, losses[:5])))
    return digest, files


def preservation(digest: Digest, files: dict[str, str]) -> list[Loss]:
    losses: list[Loss] = []
    for result in digest.pages:
        losses += check_accounting(result.page, result.repairs)
        for article in result.page.articles:
            losses += check_output(article, files[article_path(article)])
    return losses


def build(settings: Settings, log=print) -> Digest:
    """Generate Markdown into docs/ and the site into site/, both swapped in on success."""
    digest, files = generate(settings)
    with staged(settings.docs) as docs:
        edition_docs = docs / "zh-Hans"
        write_files(edition_docs, files)
        _assets(edition_docs)
        with staged(settings.site) as site:
            build_edition(settings, edition_docs, site, nav=navigation(digest))
    log(f"built {len(digest.articles)} articles from {len(digest.pages)} pages into {settings.site}")
    return digest


def _assets(docs: Path) -> None:
    """Copy the site's own stylesheet and scripts next to the generated pages."""
    source = Path(__file__).parent / "assets"
    for asset in sorted(source.iterdir()):
        target = docs / "assets" / asset.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.read_bytes())


def check(settings: Settings, verbose: bool = False) -> list[str]:
    """Everything ``baozhai check`` prints, line by line."""
    digest, files = generate(settings)
    lines = [f"{len(digest.pages)} page(s), {len(digest.articles)} article(s)"]
    for result in digest.pages:
        lines += _page_report(result, verbose)
    lines.append("preservation: every source character accounted for and shown")
    return lines


def _page_report(result, verbose: bool) -> list[str]:
    name = result.page.source.name
    lines = [f"\n{name}"]
    for article in result.page.articles:
        flag = " (provisional title)" if article.provisional else ""
        lines.append(f"  article {article.number}: {article.title}{flag} "
                     f"[{len(article.paragraphs)} paragraphs] → {article.slug}")
    lines.append(f"  joins: {len(result.repairs.joins)}")
    lines += [f"    {name}:{j.before}+{j.after}: {j.reason}" for j in result.repairs.joins]
    punct = result.repairs.punctuation
    lines.append(f"  punctuation made full-width: {len(punct)} on {len({p.line for p in punct})} lines")
    if verbose:
        lines += [f"    {name}:{p.line}:{p.column + 1}: {p.old} → {p.new}" for p in punct]
    lines.append(f"  errata: {len(result.errata)}")
    lines += [f"    {name}:{e.erratum.line}: {e.erratum.kind}: {e.erratum.reason}" for e in result.errata]
    lines.append(f"  suspects: {len(result.suspects)}")
    lines += [f"    {s.source}:{s.line}: {s.kind}: {s.message}" for s in result.suspects]
    return lines
