import pytest

from build_scripts.numerals import from_chinese, from_roman, to_chinese, to_roman

TABLE = [(1, "一"), (2, "二"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
         (73, "七十三"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
         (111, "一百一十一"), (120, "一百二十"), (199, "一百九十九")]


@pytest.mark.parametrize("number,text", TABLE)
def test_chinese_numerals_table(number, text):
    assert to_chinese(number) == text
    assert from_chinese(text) == number


def test_chinese_numerals_round_trip_1_to_999():
    assert [from_chinese(to_chinese(n)) for n in range(1, 1000)] == list(range(1, 1000))


@pytest.mark.parametrize("bad", ["", "一十", "二二", "十十", "零", "百", "一百一", "七三", "abc", "一百零十"])
def test_non_canonical_chinese_numerals_are_rejected(bad):
    with pytest.raises(ValueError):
        from_chinese(bad)


@pytest.mark.parametrize("number,text", [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (90, "XC")])
def test_roman_numerals(number, text):
    assert to_roman(number) == text and from_roman(text) == number


@pytest.mark.parametrize("bad", ["", "IIII", "IC", "VV", "iv", "XIIX"])
def test_non_canonical_roman_numerals_are_rejected(bad):
    with pytest.raises(ValueError):
        from_roman(bad)
