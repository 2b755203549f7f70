"""Amounts of money as payment forms write them: 4,000.00 and 人民币大写 肆仟元整."""
from __future__ import annotations

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def yuan(amount: float) -> str:
    return f"{amount:,.2f}"


def _group(number: int) -> str:
    """0..9999 in capitals, zeros between digits as one 零."""
    text, zero = "", False
    for position in range(3, -1, -1):
        digit = number // 10 ** position % 10
        if digit:
            text += ("零" if zero and text else "") + _DIGITS[digit] + _SMALL[position]
            zero = False
        else:
            zero = True
    return text


def upper(amount: float) -> str:
    """4000 → 肆仟元整; 1234.5 → 壹仟贰佰叁拾肆元伍角; 0 → 零元整."""
    cents = round(abs(amount) * 100)
    whole, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    parts, index, need_zero = [], 0, False
    while whole:
        whole, group = divmod(whole, 10000)
        if group:
            text = _group(group) + _GROUPS[index]
            if need_zero:
                text += "零"
            parts.insert(0, text)
            need_zero = group < 1000
        elif parts:
            need_zero = True
        index += 1
    text = ("".join(parts) or "零") + "元"
    if not jiao and not fen:
        return text + "整"
    return text + (_DIGITS[jiao] + "角" if jiao else "零") + (_DIGITS[fen] + "分" if fen else "")
