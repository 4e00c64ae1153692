"""Korean particles after a value filled in at run time: a template writes both forms, "{loss}(으)로",
"{x}(을)를", "{x}(은)는", "{x}(이)가", "{x}(과)와", and the word before it picks one by how it is read aloud
(0.7643 -> 삼 -> 으로; 0.7482 -> 이 -> 로; 0.8061 -> 일 -> 로, as after every ㄹ)."""

from __future__ import annotations

import re

# (with a final consonant, without): the first form of each marker follows a final consonant
PAIRS = {"(을)를": ("을", "를"), "(은)는": ("은", "는"), "(이)가": ("이", "가"), "(과)와": ("과", "와"),
         "(으)로": ("으로", "로")}  # fmt: skip
# How a digit or a Latin letter is read: its final consonant ("" none, "ㄹ" the one that takes 로).
DIGITS = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
LETTERS = {"L": "ㄹ", "M": "ㅁ", "N": "ㄴ", "R": "ㄹ"}  # an acronym's last letter: el, em, en, ar; others a vowel
WORDS = {"adam": "ㅁ", "rmsprop": "ㅂ", "relu": "", "tanh": "", "sgd": "", "loss": ""}  # names read as words
SKIP = set("]}'\"*`’”」 ")  # closing marks are passed over to the word they close; a (...) aside as a whole
MARKER = re.compile("|".join(re.escape(m) for m in PAIRS))


def final(word: str) -> str | None:
    """The final consonant of how `word` ends when read aloud ("" none), None if it cannot tell."""
    depth = 0
    for i in range(len(word) - 1, -1, -1):
        ch = word[i]
        if ch == ")":
            depth += 1
        elif ch == "(" and depth:
            depth -= 1
            continue
        if depth or ch in SKIP or ch == ")":
            continue
        if ch.isascii() and ch.isalpha():
            return _latin(word[: i + 1])
        if "가" <= ch <= "힣":
            jong = (ord(ch) - 0xAC00) % 28
            return "" if jong == 0 else ("ㄹ" if jong == 8 else "ㅇ")  # any final but ㄹ behaves alike here
        if ch in DIGITS:
            return DIGITS[ch]
        return None
    return None


def _latin(text: str) -> str | None:
    """The final consonant of a Latin word at the end of `text`: a known name, or an acronym's last letter."""
    m = re.search(r"[A-Za-z]+$", text)
    word = m.group(0) if m else ""
    if word.lower() in WORDS:
        return WORDS[word.lower()]
    if word.isupper():
        return LETTERS.get(word[-1], "")
    return None


def particles(text: str) -> str:
    """Every marker in `text` replaced by the particle its preceding word takes (with a consonant if unknown)."""

    def pick(m: re.Match) -> str:
        with_c, without = PAIRS[m.group(0)]
        end = final(text[: m.start()])
        if end is None:
            return with_c
        if m.group(0) == "(으)로":
            return without if end in ("", "ㄹ") else with_c
        return with_c if end else without

    return MARKER.sub(pick, text)
