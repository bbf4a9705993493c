"""Configuration through MkDocs: mkdocs.yml read by MkDocs' own loader (``!ENV``,
``INHERIT``), Baozhai's options validated as the baozhai plugin's, each setting
declared once (the Markdown extensions come from mkdocs.yml)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, write_content
from test_engine import PAGE, PLUGIN, line, project, run

from generator.config import load_settings
from generator.errors import ConfigError
from generator.model.edition import EDITIONS, VARIANTS


def test_the_projects_settings():
    settings = load_settings(ROOT)
    assert (settings.site_title, settings.traditional, settings.editions) == ("报摘", "s2twp", ("zh-Hans", "zh-Hant"))
    assert (settings.site, settings.site_name, settings.site_url) == (
        ROOT / "site", "报摘 Baozhai", "https://baozhai.example.org/")
    assert settings.markdown_extensions == ("toc", "tables", "fenced_code", "attr_list", "footnotes", "admonition",
                                            "generator.engine.raw_blocks")  # MkDocs' three, then mkdocs.yml's
    assert settings.markdown_options == {"toc": {"permalink": False},
                                         "footnotes": {"BACKLINK_TITLE": "回到正文中的第 %d 条注释"}}
    assert settings.theme_dir is None and settings.config_files == (ROOT / "mkdocs.yml",)
    assert settings.words is True  # the dictionary layer, unless ``words: false``


def test_env_tags_are_read(tmp_path, monkeypatch):
    root = project(tmp_path, ("traditional: s2twp", "traditional: !ENV [BZ_TEST_VARIANT, s2twp]"),
                   ("site_url: https://baozhai.example.org/", "site_url: !ENV BZ_TEST_URL"))
    monkeypatch.setenv("BZ_TEST_VARIANT", "s2hk")
    monkeypatch.setenv("BZ_TEST_URL", "https://example.test/news/")
    settings = load_settings(root)
    assert settings.traditional == "s2hk" and settings.edition_list()[1].variant == "s2hk"
    assert settings.site_url == "https://example.test/news/"
    monkeypatch.delenv("BZ_TEST_VARIANT")
    assert load_settings(root).traditional == "s2twp"  # the !ENV default


def test_inherit_merges_a_parent_file(tmp_path):
    write_content(tmp_path, {"sources/x.txt": PAGE}, mkdocs=True)
    (tmp_path / "mkdocs.yml").rename(tmp_path / "base.yml")
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: 另一个站\nsite_dir: public\n"
                                         "plugins:\n  - baozhai:\n      traditional: s2t\n  - search\n",
                                         encoding="utf-8")
    settings = load_settings(tmp_path)
    assert (settings.site_name, settings.traditional, settings.site) == ("另一个站", "s2t", tmp_path / "public")
    assert settings.markdown_extensions[-1] == "generator.engine.raw_blocks"  # from base.yml
    assert settings.config_files == (tmp_path / "mkdocs.yml", tmp_path / "base.yml")


def test_without_the_plugin_the_options_take_their_defaults(tmp_path):
    settings = load_settings(project(tmp_path, (PLUGIN, "")))
    assert (settings.site_title, settings.traditional, settings.editions) == ("报摘", VARIANTS[0], tuple(EDITIONS))


@pytest.mark.parametrize("change,option,message", [
    (("      site_title: 报摘\n", "      site_title: 报摘\n      colour: red\n"), "colour",
     "Config value 'plugins': Plugin 'baozhai' option 'colour': Unrecognised configuration name: colour"),
    (("traditional: s2twp", "traditional: s2xx"), "traditional",
     "Config value 'plugins': Plugin 'baozhai' option 'traditional': Expected one of: "
     "('s2twp', 's2tw', 's2hk', 's2t') but received: 's2xx'"),
    (("editions: [zh-Hans, zh-Hant]", "editions: [zh-Hant]"), "editions",
     "Config value 'plugins': Plugin 'baozhai' option 'editions': must start with zh-Hans and name each "
     "edition once, got ['zh-Hant']"),
    (("editions: [zh-Hans, zh-Hant]", "editions: [zh-Hans, zh-HK]"), "editions",
     "Config value 'plugins': Plugin 'baozhai' option 'editions': Expected one of: ('zh-Hans', 'zh-Hant') "
     "but received: 'zh-HK'"),
    (("      site_title: 报摘\n", "      site_title: 7\n"), "site_title",
     "Config value 'plugins': Plugin 'baozhai' option 'site_title': Expected type: <class 'str'> "
     "but received: <class 'int'>"),
    (("      site_title: 报摘\n", "      site_title: 报摘\n      words: sometimes\n"), "words",
     "Config value 'plugins': Plugin 'baozhai' option 'words': Expected type: <class 'bool'> "
     "but received: <class 'str'>"),
], ids=["unknown", "variant", "editions-order", "editions-unknown", "type", "words"])
def test_a_bad_option_names_its_line(capsys, tmp_path, change, option, message):
    root = project(tmp_path, change)
    with pytest.raises(ConfigError) as info:
        load_settings(root)
    assert str(info.value) == f"{root / 'mkdocs.yml'}:{line(root, f'      {option}:')}: {message}"
    code, _, err = run(capsys, root, "check")
    assert (code, err) == (1, f"baozhai: error: {info.value}\n")


def test_a_bad_mkdocs_option_names_its_line(tmp_path):
    root = project(tmp_path, ("use_directory_urls: false", "use_directory_urls: sometimes"))
    with pytest.raises(ConfigError) as info:
        load_settings(root)
    assert str(info.value) == (f"{root / 'mkdocs.yml'}:{line(root, 'use_directory_urls')}: Config value "
                               "'use_directory_urls': Expected type: <class 'bool'> but received: <class 'str'>")


def test_the_check_renders_with_the_extensions_of_mkdocs_yml(capsys, tmp_path):
    """Without attr_list (as mkdocs.yml would build the site) no paragraph gets its id:
    the output check of ``baozhai check`` sees it, because it uses mkdocs.yml's list."""
    root = project(tmp_path, ("  - attr_list\n", ""))
    assert "attr_list" not in load_settings(root).markdown_extensions
    code, out, err = run(capsys, root, "check")
    assert (code, out) == (1, "")
    assert err == ("baozhai: error: preservation check failed: x.txt:2: "
                   "text not shown: “测试市今天举办示例活动，共有一百人参加。…”\n")


def test_the_editions_are_declared_once():
    """The plugin's option validates against the one table of editions."""
    from generator.engine.config import BaozhaiConfig

    config = BaozhaiConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert (config.editions, config.traditional) == (list(EDITIONS), VARIANTS[0])
    assert load_settings(ROOT).edition_list()[1].label == EDITIONS["zh-Hant"][0]


def test_missing_mkdocs_yml(tmp_path: Path):
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path)
    assert str(info.value) == f"{tmp_path / 'mkdocs.yml'}: mkdocs.yml not found"
