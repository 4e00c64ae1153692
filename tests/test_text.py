"""Both languages have the same keys and placeholders."""

from __future__ import annotations

import re
import string

import pytest

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


@pytest.mark.parametrize(("text", "want"), [
    ("0.7643(으)로", "0.7643으로"), ("0.7482(으)로", "0.7482로"), ("0.8061(으)로", "0.8061로"),
    ("-0.0346(을)를", "-0.0346을"), ("0.0713(으)로", "0.0713으로"), ("0.1112(으)로", "0.1112로"),
    ("RMSprop(lr = 0.02)(으)로", "RMSprop(lr = 0.02)으로"), ("SGD(과)와", "SGD와"), ("Adam(이)가", "Adam이"),
    ("시그모이드(은)는", "시그모이드는"), ("학습률(으)로", "학습률로"), ("W1[0,1](은)는", "W1[0,1]은"),
])  # fmt: skip
def test_korean_particles_follow_the_word_read_aloud(text, want):
    """The audit's particle errors after numbers: the particle follows how the value before it is read."""
    from xorcore.text.josa import particles

    assert particles(text) == want


def test_no_korean_template_writes_a_fixed_particle_after_a_value():
    """A value filled in at run time takes a marker, "{x}(으)로", never a particle fixed for one reading."""
    import re

    fixed = re.compile(r"\{\w+\}(으로|로|를|을|와|과|가|이|는|은)(?=[ .,):;])")
    assert [k for k, v in TABLES["ko"].items() if fixed.search(v)] == []
    assert t("ko", "bp_intro", loss="0.7643").startswith("순전파는 loss L = 0.7643으로 끝났습니다")
