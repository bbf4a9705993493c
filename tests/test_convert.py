"""Tests for generator.editions.convert: OpenCC editions with Baozhai's phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.editions import convert, quotes
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


# --- the examples, class by class (issue 17) -------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("苏州市智能装备有限公司", "蘇州市智能裝備有限公司"),  # not 智慧
        ("深圳市大族激光科技产业集团股份有限公司", "深圳市大族激光科技產業集團股份有限公司"),  # not 雷射
        ("上海永久自行车有限公司", "上海永久自行車有限公司"),  # not 腳踏車
        ("大族激光发布公告", "大族激光發布公告"),  # a company's short name: not 雷射
        ("深圳市数码科技有限公司", "深圳市數碼科技有限公司"),  # 数码 → 數位, but not in a name
        ("贾里德·库什纳表示", "賈里德·庫什納表示"),  # 里, not 裡
        ("《人工智能发展报告》指出", "《人工智能發展報告》指出"),  # a title keeps its words
        ("工业和信息化部发布", "工業和信息化部發布"),  # the ministry keeps its name
        ("（记者颉满斌 通讯员余若怡）", "（記者頡滿斌 通訊員余若怡）"),  # 余, not 餘
        ("斯坦福大学教授", "史丹佛大學教授"),  # a name rule applies inside a name
    ],
)
def test_names_keep_their_own_words(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("招股说明书签署日", "招股說明書簽署日"),  # not 說明書籤署 (书签)
        ("下游客户需求", "下游客戶需求"),  # not 下遊客戶
        ("齐北松快步登上农机", "齊北松快步登上農機"),  # not 鬆快 (松快)
        ("谁就能牢牢把握发展的主动权", "誰就能牢牢把握發展的主動權"),  # not 髮展
        ("外交部部长发表讲话", "外交部部長發表講話"),
        ("党员带头发挥作用", "黨員帶頭發揮作用"),
        ("她留着一头长发", "她留著一頭長髮"),
        ("推进创新链产业链资金链人才链深度融合", "推進創新鏈產業鏈資金鏈人才鏈深度融合"),
    ],
)
def test_no_phrase_crosses_a_word_boundary(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("公司没有采用该方案", "公司沒有採用該方案"),
        ("新时代新征程", "新時代新征程"),  # not 新徵程
        ("由钢板压制而成", "由鋼板壓製而成"),  # pressed: 製
        ("压制通胀", "壓制通膨"),  # suppressed: 制 (and inflation is 通膨)
        ("赵岩研究岩体", "趙岩研究岩體"),  # not 巖
        ("“场”字重复，系排印错误。", "“場”字重複，係排印錯誤。"),
        ("系好安全带", "繫好安全帶"),  # tying: OpenCC's word 系好 (no rule of ours fires)
        ("双方已签了合同", "雙方已簽了合同"),
        ("78只股票涨停", "78隻股票漲停"),
        ("已有10余只宽基ETF", "已有10餘隻寬基ETF"),  # an approximate number: 余 and 只 are two words
        ("三十多只", "三十多隻"),
        ("其余只是参考", "其餘只是參考"),  # 只 "only" after 其余, no number
        ("指数拉升", "指數拉升"),
        ("占比超过一半", "占比超過一半"),
        ("回归企业价值", "回歸企業價值"),
        ("头发", "頭髮"),
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
        ("提升数据质量", "提升數據品質"),
        ("产品质量", "產品品質"),
        ("推动高质量发展", "推動高質量發展"),  # the slogan keeps 質量
        ("质量守恒", "質量守恆"),  # mass
        ("数码产品", "數位產品"),
        ("计算机", "電腦"),
        ("等离子体", "電漿"),
        ("55英寸电视", "55吋電視"),
        ("笔记本电脑", "筆電"),
        ("手机、笔记本", "手機、筆電"),
        ("集装箱码头", "貨櫃碼頭"),
        ("斯坦福", "史丹佛"),
        ("大语言模型", "大型語言模型"),
        ("最大语言模型", "最大語言模型"),  # 大语言模型 does not start inside 最大
        ("媒体报道", "媒體報導"),
        ("稍作调试", "稍作調試"),  # commissioning, not 除錯
        ("人工智能", "人工智慧"),
        ("信息", "資訊"),
        ("软件", "軟體"),
        ("开源社区", "開源社群"),
        ("社区医院", "社區醫院"),
        ("外部变量", "外部變數"),
        ("变量施肥", "變量施肥"),
        ("深交所主板上市", "深交所主板上市"),  # not 主機板
        ("电脑主板", "電腦主機板"),
        ("数据显示", "數據顯示"),  # figures: 數據, not 資料
        ("数字经济", "數位經濟"),
        ("阿拉伯数字", "阿拉伯數字"),
        ("收入水平", "收入水準"),
        ("水平方向", "水平方向"),
    ],
)
def test_taiwan_vocabulary_in_its_sense(taiwan: Converter, source: str, expected: str) -> None:
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
        ("持续支持香港构建多元化金融市场", "持續支持香港構建多元化金融市場"),
        ("一系列重要文件", "一系列重要文件"),
        ("建成并试运行", "建成並試運行"),
        ("数据库", "資料庫"),
        ("集成电路", "積體電路"),
        ("少数组织", "少數組織"),
    ],
)
def test_software_senses_of_twphrases_stay_out(taiwan: Converter, source: str, expected: str) -> None:
    assert taiwan.convert(source) == expected


def test_common_entries_are_words_and_convert_to_their_value(variants: dict[str, Converter]) -> None:
    """OpenCC sees one word at a time: an entry longer than a word would never match."""
    from generator.editions.words import words
    common = read_phrases(convert.CONFIG_DIR / convert.COMMON_LAYER)
    assert [k for k in common if len(words(k)) > 1] == []
    assert {k: variants["s2t"].convert(k) for k in common} == common


# --- editor phrases ---------------------------------------------------------


def test_editor_phrase_wins_over_opencc(tmp_path: Path, taiwan: Converter) -> None:
    phrases = write(tmp_path, "# keep the event's own name\n世界人工智能大会\t世界人工智能大會\n")
    edited = Converter(phrases=phrases)
    assert taiwan.convert("世界人工智能大会") == "世界人工智慧大會"
    assert edited.convert("2026世界人工智能大会释放AI发展新信号") == "2026世界人工智能大會釋放AI發展新訊號"
    assert edited.convert("人工智能") == "人工智慧"


def test_editor_names_are_converted_by_characters(tmp_path: Path, taiwan: Converter) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# a company's short name\n永久自行车\n", encoding="utf-8")
    assert taiwan.convert("永久自行车公告") == "永久腳踏車公告"
    assert Converter(names=names).convert("永久自行车公告") == "永久自行車公告"


def test_bad_names_line_names_file_and_line(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("华信智能\n\n华信智能\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"names\.txt:3: duplicate name '华信智能' \(first on line 1\)"):
        Converter(names=names)
    names.write_text("华信 智能\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"names\.txt:1: whitespace inside a name"):
        Converter(names=names)


def test_seeded_editor_file_is_valid() -> None:
    phrases = read_phrases(ROOT / "content" / "phrases.txt")
    assert phrases["国际热核聚变实验堆"] == "國際熱核融合實驗反應爐"


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


def test_edition_language_is_material_s_ui_language(variants: dict[str, Converter]) -> None:
    assert {v: c.language for v, c in variants.items()} == {
        "s2twp": "zh-TW", "s2tw": "zh-TW", "s2hk": "zh-HK", "s2t": "zh-Hant"}


def test_config_is_deterministic(tmp_path: Path) -> None:
    tables = (read_phrases(convert.CONFIG_DIR / convert.COMMON_LAYER),
              read_phrases(convert.CONFIG_DIR / "news_tw_forms.txt"))
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    convert.write_config(first, "s2twp", *tables)
    convert.write_config(second, "s2twp", *tables)
    names = sorted(p.name for p in first.iterdir())
    assert names == ["baozhai_phrases.txt", "baozhai_regional.txt", "s2tw.json"]  # s2twp: s2tw's OpenCC
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
            assert regional_quotes(text) == quotes._nested_quotes(text), repr(text)


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
    assert leftover_simplified(planted, taiwan) == ["发", "经济"]


def test_leftover_ignores_regional_forms(variants: dict[str, Converter]) -> None:
    assert variants["s2hk"].leftover_simplified("一台電腦的温度") == []
    assert variants["s2tw"].leftover_simplified("裡面著作高峰群眾") == []
    assert variants["s2tw"].leftover_simplified("温度") == ["温"]
