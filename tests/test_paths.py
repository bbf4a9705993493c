"""Paths: no slug, file name or metadata value can write outside the output folder.

Slugs are short ASCII ``[a-z0-9-]``, never a Windows-reserved name or a folder's
``index``; colliding slugs get distinct ones, deterministically; source file
names (``con.txt``, 240 characters, spaces, Chinese) are labels, never paths;
generated paths are checked again before anything is written; and the output
folders can never be the project or the content. Test fixtures, not news.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import yaml
from conftest import snapshot, write_content

from generator.cli import main
from generator.errors import BuildError
from generator.pipeline import process
from generator.site.pages import render_digest
from generator.slugs import MAX_LENGTH, RESERVED, slugify, unique
from generator.write import safe_relative, write_files

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
BODY = "测试市今天举办示例活动，共有一百人参加。\n"


@pytest.mark.parametrize("title", [
    "../../etc/passwd", "/etc/passwd", "C:\\Windows\\system32", "..", ".", "a\x00b", "CON", "nul", "Com1",
    "LPT9", "aux", "index", "INDEX", "ＣＯＮ", "测" * 300, "a" * 300, "x" + "-" * 100 + "y", "😀🎉", "\u202egnp.exe",
    "<script>alert(1)</script>", "Ǆemal İstanbul ß", "", "   ", "第1版 A02 (上接A01版)",
])
def test_slugs_are_short_ascii(title):
    slug = slugify(title)
    assert SLUG.fullmatch(slug), slug
    assert len(slug) <= MAX_LENGTH + 2
    assert slug not in RESERVED and slug.isascii()


def test_reserved_names_get_a_suffix():
    assert [slugify(t) for t in ("CON", "nul", "com1", "index", "console")] == \
           ["con-1", "nul-1", "com1-1", "index-1", "console"]


def test_unique_is_distinct_deterministic_and_keeps_the_first():
    wanted = ["a", "a", "a-2", "a", "b", "a-2"]
    assert unique(wanted) == ["a", "a-2", "a-2-2", "a-3", "b", "a-2-3"]
    assert unique(wanted) == unique(list(wanted))
    assert len(set(unique(["x"] * 500))) == 500


@pytest.mark.parametrize("path", [
    "../x.md", "a/../../x.md", "/etc/passwd", "", "a\x00b.md", "a\\..\\..\\x.md", "c:x.md", "con.md",
    "articles/NUL.md", "articles/com1.html", "a\nb.md", "x" * 201 + ".md", 'a"b.md', "a|b.md",
])
def test_generated_paths_are_checked_before_writing(path):
    with pytest.raises(BuildError, match="refusing to write outside the output folder or a non-portable name"):
        safe_relative(path)


def test_write_files_refuses_before_writing_anything(tmp_path):
    with pytest.raises(BuildError):
        write_files(tmp_path / "out", {"a.md": "x", "../escape.md": "y"})
    assert not (tmp_path / "escape.md").exists()


# -- untrusted names in a real digest -----------------------------------------------------

NAMES = ["con.txt", "NUL.txt", "com1.txt", "a" * 246 + ".txt", "a b c.txt", "报纸 第1版.txt", "-rf.txt",
         ".hidden.txt", "index.txt", "x.meta.txt"]
TITLES = ["测试标题", "测试 标题", "测试标题", "CON", "../../etc/passwd", "index", "测" * 200, "/", "Ceshi Biaoti"]


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    root = tmp_path_factory.mktemp("names")
    files = {}
    for number, name in enumerate(NAMES):
        title = TITLES[number % len(TITLES)]
        files[f"sources/{name}"] = f"# {title}\n{BODY}\n# {TITLES[(number + 3) % len(TITLES)]}\n{BODY}"
    files["sources/con.meta.yml"] = yaml.safe_dump({"publication": "../../x", "edition": "/etc/passwd",
                                                    "date": "2026-07-08", "page": "A01"})
    files["sources/NUL.meta.yml"] = yaml.safe_dump({"publication": "C:\\x", "edition": "NUL"})
    files["glossary.yml"] = yaml.safe_dump([
        {"term": "Index", "category": "technology", "gloss": "an index", "definition": "测试用。"},
        {"term": "公式", "category": "technology", "gloss": "formula", "definition": "测试用。"},
        {"term": "攻势", "category": "technology", "gloss": "offensive", "definition": "测试用。"},
        {"term": "测试" * 40, "category": "technology", "gloss": "long", "definition": "测试用。"},
        {"term": "CON", "category": "unit", "gloss": "reserved", "definition": "测试用。"},
    ], allow_unicode=True)
    return process(write_content(root, files))


def test_untrusted_file_names_are_read_in_name_order(digest):
    assert [r.page.source.name for r in digest.pages] == sorted(NAMES)
    assert len(digest.articles) == 2 * len(NAMES)


def test_article_slugs_are_short_ascii_and_distinct(digest):
    slugs = [a.slug for a in digest.articles]
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG.fullmatch(s) and len(s) <= MAX_LENGTH + 3 and s not in RESERVED for s in slugs), slugs
    assert slugs.count("ce-shi-biao-ti") == 1 and "ce-shi-biao-ti-2" in slugs


SLUGS = """\
import json, sys
from pathlib import Path
from generator.pipeline import process
digest = process(Path(sys.argv[1]))
print(json.dumps([[[a.source, a.number, a.slug] for a in digest.articles], [t.slug for t in digest.glossary.terms]]))
"""


def test_slugs_are_the_same_in_another_process_and_folder(digest, tmp_path):
    """Colliding slugs are told apart in reading order, so the same content gives the same
    slugs in another process (another hash seed), from a copy written in the reverse order
    (another directory order, where the file system lists in creation order)."""
    files = sorted((p for p in digest.content.rglob("*") if p.is_file()), reverse=True)
    for path in files:
        target = tmp_path / "content" / path.relative_to(digest.content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    run = subprocess.run([sys.executable, "-c", SLUGS, str(tmp_path / "content")], capture_output=True, text=True,
                         env=env, check=True)
    articles, terms = json.loads(run.stdout)
    assert [tuple(a) for a in articles] == [(a.source, a.number, a.slug) for a in digest.articles]
    assert terms == [t.slug for t in digest.glossary.terms]
    assert len({slug for _, _, slug in articles}) == len(articles) == 20


def test_glossary_slugs_are_short_ascii_distinct_and_not_the_index(digest):
    slugs = {t.term: t.slug for t in digest.glossary.terms}
    assert slugs["Index"] == "index-1" and slugs["CON"] == "con-1"
    assert slugs["公式"] != slugs["攻势"] and {slugs["公式"], slugs["攻势"]} == {"gongshi", "gongshi-2"}
    assert all(SLUG.fullmatch(s) and len(s) <= MAX_LENGTH + 3 for s in slugs.values()), slugs


def test_every_generated_file_stays_inside_the_output_folder(digest, tmp_path):
    files = render_digest(digest, "报摘")
    assert "glossary/index.md" in files and files["glossary/index.md"].count("bz-") > 3  # not a term page
    for name in files:
        assert re.fullmatch(r"(?:[a-z0-9-]+/)?[a-z0-9-]+\.md", name), name
        safe_relative(name)
    out = tmp_path / "out"
    write_files(out, files)
    written = snapshot(tmp_path)
    assert len(written) == len(files) and all(k.startswith("out/") for k in written)


def test_metadata_values_are_labels_not_paths(digest):
    files = render_digest(digest, "报摘")
    assert "issues/2026-07-08.md" in files
    assert not any(".." in name or name.startswith("/") for name in files)
    assert "&#46;&#46;&#47;&#46;&#46;&#47;x" in files["issues/2026-07-08.md"]  # ../../x, shown as text


# -- output folders -----------------------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    (["--site", "."], "the site folder {root} would replace the project folder"),
    (["--site", ".."], "the site folder {parent} would replace the project folder"),
    (["--site", "content"], "the site folder {root}/content would replace the content folder"),
    (["--site", "content/sources/x"], "the site folder {root}/content/sources/x is inside the content folder"),
    (["--dist", "site"], "the site folder {root}/site is inside the dist folder"),
    (["--site", "docs/x"], "the site folder {root}/docs/x is inside the docs folder"),
])
def test_output_folders_can_never_replace_the_project(capsys, tmp_path, monkeypatch, args, message):
    root = tmp_path / "project"
    write_content(root, {"sources/x.txt": "# 测试标题\n" + BODY}, mkdocs=True)
    before = snapshot(tmp_path)
    monkeypatch.chdir(root)
    assert main(["--root", str(root), "build", *args]) == 1
    err = capsys.readouterr().err
    assert err == f"baozhai: error: {message.format(root=root, parent=tmp_path)}\n"
    assert snapshot(tmp_path) == before


def test_a_source_linked_to_a_file_outside_the_content_is_refused(capsys, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("# 秘密\n不应发布的文字。\n", encoding="utf-8")
    content = write_content(tmp_path / "project", {"sources/a.txt": "# 测试标题\n" + BODY}, mkdocs=True)
    (content / "sources" / "b.txt").symlink_to(secret)
    assert main(["--root", str(tmp_path / "project"), "check"]) == 1
    assert capsys.readouterr().err == (f"baozhai: error: {content / 'sources' / 'b.txt'}:1: "
                                       "links to a file outside the sources folder\n")
