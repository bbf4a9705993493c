"""A Python-Markdown extension: the generator's own HTML lists set aside unparsed.

Python-Markdown finds raw HTML blocks by running its HTML parser (pure
Python, tag by tag) over the page. On Baozhai's pages nine tags in ten are in
a few lists the templates write whole — a term page's concordance, an
article's term list, key numbers and related articles — and parsing them only
to find where each ends was about a fifth of every MkDocs build.

Those blocks are declared here (:data:`BLOCKS`: the line that opens one and
the line that closes it, as ``generator/site/templates`` write them). A block
starts on a line beginning with its opening tag, after a blank line, and ends
on the first line that is its closing tag, followed by a blank line; source
text cannot start such a line (every ``<`` of it is escaped, generator.site.escape).
Each is put in Python-Markdown's HTML stash as it is, just as its raw-HTML
stage would have done after parsing it; the rest of the page goes to that
stage as before. The pages come out the same: tests compare every generated
page with and without this extension.
"""
from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# (how the first line starts, the whole last line): one per list the templates write
BLOCKS = (
    ('<ol class="bz-concordance">', "</ol>"),  # term.md.j2: every use of a term
    ('<ul class="bz-termlist">', "</ul>"),  # article.md.j2: the article's terms
    ('<table class="bz-numbers">', "</table>"),  # article.md.j2: key numbers
    ('<ul class="bz-related">', "</ul>"),  # article.md.j2: related articles
    ('<table class="bz-source">', "</table>"),  # source.md.j2: a source's lines and what became of each
)


class GeneratedBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        index = 0
        while index < len(lines):
            end = self._block_end(lines, index) if not out or not out[-1].strip() else None
            if end is None:
                out.append(lines[index])
                index += 1
                continue
            # what the raw-HTML stage makes of a block followed by a blank line
            out += ["", self.md.htmlStash.store("\n".join(lines[index:end + 1]) + "\n"), ""]
            index = end + 1
        return out

    @staticmethod
    def _block_end(lines: list[str], start: int) -> int | None:
        """The index of the block's closing line, if ``lines[start]`` opens a declared block."""
        first = lines[start]
        for opening, closing in BLOCKS:
            if first.startswith(opening):
                for index in range(start, len(lines)):
                    if lines[index] == closing:
                        following = lines[index + 1] if index + 1 < len(lines) else ""
                        return index if not following.strip() else None
                return None
        return None


class RawBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after whitespace is normalised (30), before the raw-HTML stage (20)
        md.preprocessors.register(GeneratedBlocks(md), "baozhai_raw_blocks", 25)


def makeExtension(**kwargs) -> RawBlocks:  # noqa: N802 (the name Python-Markdown looks for)
    return RawBlocks(**kwargs)
