"""Tests for generator.editions.convert: OpenCC editions with Baozhai's phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.editions import convert
from generator.editions.convert import Converter, leftover_simplified, read_phrases, regional_quotes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "sources" / "000_371fdb277fab058e.txt"
QUOTE_LINE = "“党中央非常重视和爱惜科技人才。‘人生能有几回搏’，大家要放开手脚…”"


@pytest.fixture(scope="module")
def taiwan() -> Converter:
    return Converter()


@pytest.fixture(scope="module")
def variants() -> dict[str, Converter]:
    return {variant: Converter(variant) for variant in convert.VARIANTS}


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")  # in the repository: missing, the tests fail


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "phrases.txt"
    path.write_text(text, encoding="utf-8")
    return path


# --- vocabulary and phrases -------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"), [("人工智能", "人工智慧"), ("信息", "資訊"), ("软件", "軟體")]
)
def test_default_uses_taiwan_vocabulary(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.variant == "s2twp"
    assert taiwan.convert(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("发布", "發布"),
        ("新闻发布会", "新聞發布會"),
        ("国家发展改革委将发布2项成果", "國家發展改革委將發布2項成果"),
        ("据了解", "據了解"),
    ],
)
def test_fabu_stays_fabu_not_shichu(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


def test_hong_kong_keeps_its_own_fabu(variants: dict[str, Converter]) -> None:
    assert variants["s2hk"].convert("新闻发布会") == "新聞發佈會"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("谁就能牢牢把握发展的主动权", "誰就能牢牢把握發展的主動權"),
        ("外交部部长发表讲话", "外交部部長發表講話"),
        ("资金发放到位", "資金發放到位"),
        ("党员带头发挥作用", "黨員帶頭發揮作用"),
        ("推进创新链产业链资金链人才链深度融合", "推進創新鏈產業鏈資金鏈人才鏈深度融合"),
        ("她留着一头长发", "她留著一頭長髮"),
    ],
)
def test_phrase_matches_do_not_cross_words(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("头发", "頭髮"),
        ("发展", "發展"),
        ("以后", "以後"),
        ("皇后", "皇后"),
        ("干部", "幹部"),
        ("干净", "乾淨"),
    ],
)
def test_one_to_many_characters(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("持续支持香港构建多元化金融市场", "持續支持香港構建多元化金融市場"),
        ("一系列重要文件", "一系列重要文件"),
        ("建成并试运行", "建成並試運行"),
        ("数据库", "資料庫"),
        ("集成电路", "積體電路"),
        ("少数组织", "少數組織"),
    ],
)
def test_twphrases_deny_list(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


def test_curated_entries_convert_to_their_value(variants: dict[str, Converter]) -> None:
    twp = read_phrases(convert.CONFIG_DIR / "news_twp.txt")
    common = read_phrases(convert.CONFIG_DIR / convert.COMMON_LAYER)
    assert {k: variants["s2twp"].convert(k) for k in twp} == twp
    assert {k: variants["s2t"].convert(k) for k in common} == common


# --- editor phrases ---------------------------------------------------------


def test_editor_phrase_wins_over_opencc(tmp_path: Path, taiwan: Converter) -> None:
    phrases = write(tmp_path, "# keep the event's own name\n世界人工智能大会\t世界人工智能大會\n")
    edited = Converter(phrases=phrases)
    assert taiwan.convert("世界人工智能大会") == "世界人工智慧大會"
    assert edited.convert("2026世界人工智能大会释放AI发展新信号") == "2026世界人工智能大會釋放AI發展新訊號"
    assert edited.convert("人工智能") == "人工智慧"


def test_seeded_editor_file_is_valid() -> None:
    phrases = read_phrases(ROOT / "content" / "phrases.txt")
    assert phrases["欧空局"] == "歐洲太空總署"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# header\n人工智能\t人工智慧\n信息\n", 3, "expected 2 tab-separated columns"),
        ("人工智能\t\n", 1, "empty column"),
        ("人工智能\t人工 智慧\n", 1, "whitespace inside a phrase"),
        ("a\tb\tc\n", 1, "got 3"),
        ("信息\t資訊\n\n信息\t訊息\n", 3, "duplicate phrase '信息' (first on line 1)"),
    ],
)
def test_bad_phrase_line_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ValueError) as error:
        Converter(phrases=path)
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)


# --- variants ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "hong_kong", "taiwan_form"),
    [("这里", "這裏", "這裡"), ("温度", "温度", "溫度"), ("台湾", "台灣", "臺灣")],
)
def test_hong_kong_differs_from_taiwan(
    variants: dict[str, Converter], source: str, hong_kong: str, taiwan_form: str
) -> None:
    assert variants["s2hk"].convert(source) == hong_kong
    assert variants["s2tw"].convert(source) == taiwan_form


def test_s2tw_has_no_taiwan_vocabulary(variants: dict[str, Converter]) -> None:
    assert variants["s2tw"].convert("人工智能发布") == "人工智能發布"
    assert variants["s2t"].convert("人工智能发布") == "人工智能發佈"


def test_unknown_variant_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="'zh-tw'; allowed: s2twp, s2tw, s2hk, s2t"):
        Converter("zh-tw")


def test_config_is_deterministic(tmp_path: Path) -> None:
    tables = convert.phrase_tables("s2twp")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    convert.write_config(first, "s2twp", *tables)
    convert.write_config(second, "s2twp", *tables)
    names = sorted(p.name for p in first.iterdir())
    assert names == ["baozhai_phrases.txt", "baozhai_regional.txt", "s2twp.json"]
    assert all((first / n).read_bytes() == (second / n).read_bytes() for n in names)


# --- quotation marks ----------------------------------------------------------


def test_quotes_nest_outer_corner_inner_double_corner() -> None:
    assert regional_quotes(QUOTE_LINE) == "「党中央非常重视和爱惜科技人才。『人生能有几回搏』，大家要放开手脚…」"


def test_convert_text_converts_and_quotes(taiwan: Converter) -> None:
    assert taiwan.convert_text(QUOTE_LINE) == "「黨中央非常重視和愛惜科技人才。『人生能有幾回搏』，大家要放開手腳…」"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“外‘中“内”中’外”", "「外『中「内」中』外」"),
        ("‘单独’", "「单独」"),
        ("“第一段\n“第二段”", "「第一段\n「第二段」"),
        ("China’s “AI”", "China’s 「AI」"),
        ("“未闭合‘内”后", "「未闭合『内」后"),
    ],
)
def test_quote_nesting_edge_cases(text: str, expected: str) -> None:
    assert regional_quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“甲”“乙”\n“丙\n丁”", "「甲」「乙」\n「丙\n丁」"),  # only alternating: replaced at once
        ("“甲”“乙”\n“外“内”外”", "「甲」「乙」\n「外『内』外」"),  # one nested line among flat ones
        ("“甲”乙”\n“丙”", "「甲」乙」\n「丙」"),  # a ” that closes nothing
    ],
)
def test_flat_lines_and_nested_lines_on_one_page(text: str, expected: str) -> None:
    assert regional_quotes(text) == expected


def test_flat_shortcut_agrees_with_the_walk_on_every_small_text() -> None:
    """Every text of up to 6 marks from “”‘’, a letter and a line break: the page-wide
    replacement is taken only where walking the marks gives the same result."""
    import itertools

    for size in range(7):
        for chars in itertools.product("“”‘’a\n", repeat=size):
            text = "".join(chars)
            assert regional_quotes(text) == convert._nested_quotes(text), repr(text)


def test_guillemets_and_book_titles_untouched(taiwan: Converter) -> None:
    assert regional_quotes("«《人民日报》»") == "«《人民日报》»"
    assert taiwan.convert_text("«“《人民日报》”»") == "«「《人民日報》」»"


def test_opencc_standard_edition_keeps_curly_quotes(variants: dict[str, Converter]) -> None:
    assert variants["s2t"].convert_text("“发布”") == "“發佈”"
    assert variants["s2hk"].convert_text("“发布”") == "「發佈」"


# --- leftover Simplified ------------------------------------------------------


@pytest.mark.parametrize("variant", convert.VARIANTS)
def test_no_leftover_on_converted_seed(
    variants: dict[str, Converter], seed_text: str, variant: str
) -> None:
    converter = variants[variant]
    assert converter.leftover_simplified(converter.convert_text(seed_text)) == []


def test_leftover_finds_planted_simplified(taiwan: Converter, seed_text: str) -> None:
    converted = taiwan.convert_text(seed_text)
    planted = converted.replace("發展", "发展", 1).replace("經濟", "经济", 1)
    assert planted != converted
    assert leftover_simplified(planted) == ["发", "经济"]


def test_leftover_ignores_regional_forms(variants: dict[str, Converter]) -> None:
    assert variants["s2hk"].leftover_simplified("一台電腦的温度") == []
    assert variants["s2tw"].leftover_simplified("裡面著作高峰群眾") == []
    assert variants["s2tw"].leftover_simplified("温度") == ["温"]
