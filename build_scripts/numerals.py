"""Roman and Chinese numerals, both ways. Only the canonical spelling of a number is accepted."""
from __future__ import annotations

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_DIGITS = "零一二三四五六七八九"


def to_roman(n: int) -> str:
    if not 0 < n < 4000:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int:
    """Value of a canonical Roman numeral; ValueError otherwise (IIII, IC, empty...)."""
    if not text or any(c not in _ROMAN_VALUE for c in text):
        raise ValueError(f"not a Roman numeral: {text!r}")
    total = 0
    for i, c in enumerate(text):
        value = _ROMAN_VALUE[c]
        if i + 1 < len(text) and _ROMAN_VALUE[text[i + 1]] > value:
            total -= value
        else:
            total += value
    if total <= 0 or total >= 4000 or to_roman(total) != text:
        raise ValueError(f"not a Roman numeral: {text!r}")
    return total


def to_chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 101 -> 一百零一, 110 -> 一百一十 (1..9999)."""
    if not 0 < n < 10000:
        raise ValueError(f"no Chinese numeral for {n}")
    if 10 <= n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    out = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out.append("零")
            out.append(_DIGITS[digit] + unit)
            zero = False
        elif out:
            zero = True
    return "".join(out)


def from_chinese(text: str) -> int:
    """Value of a canonical Chinese numeral; ValueError otherwise."""
    total, current = 0, 0
    units = {"十": 10, "百": 100, "千": 1000}
    if not text:
        raise ValueError("empty Chinese numeral")
    for c in text:
        if c in _DIGITS:
            current = _DIGITS.index(c)
        elif c in units:
            total += (current or 1) * units[c]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    total += current
    if not 0 < total < 10000 or to_chinese(total) != text:
        raise ValueError(f"not a Chinese numeral: {text!r}")
    return total
