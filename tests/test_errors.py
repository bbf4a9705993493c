"""MkDocs, Jinja and YAML errors, in the build and in the preview, come out as
``file:line: message`` with exit status 1; ``serve`` prints them and goes on."""
from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import pytest
from test_engine import line, project, run

from generator.commands import serve as serving
from generator.errors import ContentError
from generator.site import render

# the theme folder of the project: Material's customization guide's "overrides"
CUSTOM_DIR = ("  # custom_dir: overrides ", "  custom_dir: overrides  #")


def overrides(root: Path, template: str) -> Path:
    folder = root / "overrides"
    folder.mkdir(exist_ok=True)
    (folder / "main.html").write_text(template, encoding="utf-8")
    return folder / "main.html"


@pytest.mark.parametrize("template,where,message", [
    ('{% extends "base.html" %}\n\n{% blok content %}{% endblock %}\n', 3,
     "Encountered unknown tag 'blok'."),
    ('{% extends "base.html" %}\n{% block extrahead %}\n  {{ none_such.title }}\n{% endblock %}\n', 3,
     "'none_such' is undefined"),
], ids=["syntax", "undefined"])
def test_a_template_error_in_the_projects_overrides_names_its_line(capsys, tmp_path, template, where, message):
    root = project(tmp_path, CUSTOM_DIR)
    main = overrides(root, template)
    code, out, err = run(capsys, root, "build")
    assert (code, out) == (1, "")
    assert err == f"baozhai: error: {main}:{where}: template error: {message}\n"
    assert str(main).endswith("overrides/main.html")
    assert not (root / "site").exists()


def test_bad_yaml_in_mkdocs_yml_names_its_line(capsys, tmp_path):
    root = project(tmp_path, ("  language: zh-Hans\n", "  language: [zh-Hans\n"))
    code, out, err = run(capsys, root, "build")
    assert (code, out) == (1, "")
    assert err.startswith(f"baozhai: error: {root / 'mkdocs.yml'}:{line(root, '  font:')}: not valid YAML: ")


def test_bad_yaml_in_an_inherited_file_names_that_file(capsys, tmp_path):
    root = project(tmp_path)
    (root / "base.yml").write_text("site_name: x\ntheme: {name: material\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("INHERIT: base.yml\n" + (root / "mkdocs.yml").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    code, _, err = run(capsys, root, "check")
    assert code == 1
    assert err.startswith(f"baozhai: error: {root / 'base.yml'}:3: not valid YAML: ")


def test_a_template_error_in_the_generators_templates_names_its_line(capsys, tmp_path, monkeypatch):
    """A typo in generator/site/templates/article.md.j2 (simulated: the loader hands out
    the real file's name with a broken line 2) stops build and check with its line."""
    templates = Path(render.__file__).parent / "templates"
    original = render.environment

    def broken_environment():
        env = original()

        def load(name):
            path = templates / name
            text = path.read_text(encoding="utf-8")
            if name == "article.md.j2":
                lines = text.split("\n")
                lines[1] = "{% iff article %}"
                text = "\n".join(lines)
            return text, str(path), lambda: True
        env.loader = jinja2.FunctionLoader(load)
        return env
    monkeypatch.setattr("generator.site.pages.environment", broken_environment)
    root = project(tmp_path)
    for verb in ("check", "build"):
        code, out, err = run(capsys, root, verb)
        assert (code, out) == (1, "")
        assert err == (f"baozhai: error: {templates / 'article.md.j2'}:2: "
                       "template error: Encountered unknown tag 'iff'.\n")
    assert not (root / "site").exists()


def test_a_mkdocs_build_warning_fails_the_build_naming_mkdocs_yml(capsys, tmp_path):
    root = project(tmp_path)
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8")
                                     + "extra_templates:\n  - missing.html\n", encoding="utf-8")
    code, _, err = run(capsys, root, "build")
    assert code == 1
    assert err == (f"baozhai: error: {root / 'mkdocs.yml'}: mkdocs build failed: "
                   "Template skipped: 'missing.html' not found in docs_dir.\n")


# -- serve keeps serving ---------------------------------------------------------------

def test_serve_survives_a_failed_first_build_and_prints_its_error(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>上次的站点</p>", encoding="utf-8")
    settings = type("S", (), {"site": site, "content": tmp_path, "config_files": (), "theme_dir": None})()
    logged: list[str] = []

    def failing():
        raise ContentError("page is empty", tmp_path / "x.txt", 1)

    def stop(_):  # the first look for changes: stop as Ctrl-C would
        raise KeyboardInterrupt
    monkeypatch.setattr(serving.time, "sleep", stop)
    serving.serve(settings, failing, port=0, log=logged.append)
    assert logged[0] == f"baozhai: error: {tmp_path / 'x.txt'}:1: page is empty\n(still serving the previous site)"
    assert logged[1].startswith(f"serving {site} on http://127.0.0.1:") and logged[2] == "stopped"


def test_serve_watches_the_inherited_config_and_the_theme_folder(tmp_path):
    root = project(tmp_path, CUSTOM_DIR)
    overrides(root, '{% extends "base.html" %}\n')
    shutil.copy(root / "mkdocs.yml", root / "base.yml")
    (root / "mkdocs.yml").write_text("INHERIT: base.yml\n", encoding="utf-8")
    from generator.config import load_settings
    assert serving.watched(load_settings(root)) == [root / "content", root / "mkdocs.yml", root / "base.yml",
                                                    root / "overrides"]
