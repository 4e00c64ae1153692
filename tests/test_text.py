"""Both languages have the same keys and placeholders."""

from __future__ import annotations

import re
import string

from xorcore.text import LANGS, MISSING, TABLES, lang_from_locale, t


def test_same_keys_in_both_languages():
    assert TABLES["ko"].keys() == TABLES["en"].keys()


def test_same_placeholders_in_both_languages():
    for key, en in TABLES["en"].items():
        fields = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        ko_fields = {f for _, f, _, _ in string.Formatter().parse(TABLES["ko"][key]) if f}
        assert fields == ko_fields, key


def test_korean_table_is_korean():
    hangul = re.compile("[가-힣]")
    share = sum(bool(hangul.search(v)) for v in TABLES["ko"].values()) / len(TABLES["ko"])
    assert share > 0.6


def test_missing_key_is_visible():
    assert t("en", "no_such_key") == MISSING.format("no_such_key")


def test_locale_default():
    assert lang_from_locale("ko-KR") == "ko"
    assert lang_from_locale("en-US") == "en"
    assert lang_from_locale(None) == "en"
    assert set(LANGS) == {"ko", "en"}
