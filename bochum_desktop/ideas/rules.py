"""Pure rules of the suggestion scheme: shares, award calculation, group split. No database, no Qt.

Money is integer cents; rates are basis points (1000 = 10 %); factors are Decimal. Every rounding is
ROUND_HALF_UP to whole cents, and the calculation returns the German explanation lines printed on the
decision letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..core.errors import ValidationError
from ..core.formatting import format_cents, format_number

FULL_SHARE_BP = 10_000  # 100 %


# ---------------------------------------------------------------------------------------------- shares
def equal_shares(count: int) -> list[int]:
    """Equal split in basis points; the remainder goes one point each to the first submitters, so the
    result is deterministic and sums to exactly 100 %."""
    if count <= 0:
        return []
    base, rest = divmod(FULL_SHARE_BP, count)
    return [base + (1 if i < rest else 0) for i in range(count)]


def percent_to_bp(value: Decimal | int | str, field_name: str = "shares") -> int:
    """'33,34' / Decimal('33.34') -> 3334 basis points. At most two decimal places."""
    try:
        d = Decimal(str(value).replace(",", ".").replace("%", "").strip())
    except InvalidOperation:
        raise ValidationError({field_name: f"Anteil „{value}“ ist keine Zahl."}) from None
    bp = d * 100
    if bp != bp.to_integral_value():
        raise ValidationError({field_name: "Anteile bitte mit höchstens zwei Nachkommastellen angeben."})
    return int(bp)


def bp_to_percent_text(bp: int) -> str:
    return format_number(Decimal(bp) / 100, 2) + " %"


def check_shares(shares_bp: list[int], field_name: str = "shares") -> None:
    """Shares must be positive and sum to exactly 100 %."""
    if not shares_bp:
        raise ValidationError({field_name: "Bitte mindestens eine Einreicherin oder einen Einreicher angeben."})
    if any(s <= 0 for s in shares_bp):
        raise ValidationError({field_name: "Anteile der Einreichenden müssen größer als 0 % sein."})
    total = sum(shares_bp)
    if total != FULL_SHARE_BP:
        raise ValidationError(
            {field_name: f"Die Anteile der Einreichenden ergeben {bp_to_percent_text(total)} statt 100 %."}
        )


def split_amount(total_cents: int, shares_bp: list[int]) -> list[int]:
    """Split an amount by shares to the cent. Largest-remainder method: everybody gets the floor of their
    exact share, the leftover cents go to the largest fractional parts, ties to the earlier submitter.
    The parts always sum to exactly total_cents."""
    check_shares(shares_bp)
    if total_cents < 0:
        raise ValidationError({"award": "Der Prämienbetrag darf nicht negativ sein."})
    parts, remainders = [], []
    for i, bp in enumerate(shares_bp):
        q, r = divmod(total_cents * bp, FULL_SHARE_BP)
        parts.append(q)
        remainders.append((-r, i))
    leftover = total_cents - sum(parts)
    for _r, i in sorted(remainders)[:leftover]:
        parts[i] += 1
    return parts


# ---------------------------------------------------------------------------------------------- rules
def _cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _pct(bp: int) -> str:
    return format_number(Decimal(bp) / 100, 2 if bp % 100 else 0) + " %"


def _factor_text(value: Decimal) -> str:
    return format_number(value, 2 if value != value.to_integral_value() else 0)


@dataclass(frozen=True)
class AwardRules:
    """One rule set. Defaults: a neutral example, not any city's rules; the city sets its own."""

    one_off_rate_bp: int = 1000  # % of net one-off savings
    annual_rate_bp: int = 1000  # % of net recurring (annual) savings of the first year
    lasting_bonus_bp: int = 0  # extra % on the savings award if the savings are lasting (Dormagen +50 %)
    floor_cents: int = 10_000
    cap_cents: int = 500_000
    recognition_min_cents: int = 5_000
    recognition_max_cents: int = 10_000
    # Points table for non-calculable benefit: base amount by benefit level, multiplied by factors.
    base_amounts: dict[str, int] = field(
        default_factory=lambda: {"gering": 10_000, "mittel": 25_000, "hoch": 50_000}
    )
    scope_factors: dict[str, Decimal] = field(
        default_factory=lambda: {
            "Arbeitsplatz": Decimal("1"), "Amt": Decimal("1.5"), "Stadtverwaltung": Decimal("2")}
    )
    effort_factors: dict[str, Decimal] = field(
        default_factory=lambda: {"gering": Decimal("1"), "mittel": Decimal("1.2"), "hoch": Decimal("1.5")}
    )
    time_factors: dict[str, Decimal] = field(
        default_factory=lambda: {"sofort": Decimal("1.2"), "kurzfristig": Decimal("1"), "langfristig": Decimal("0.8")}
    )

    def to_dict(self) -> dict:
        return {
            "one_off_rate_bp": self.one_off_rate_bp,
            "annual_rate_bp": self.annual_rate_bp,
            "lasting_bonus_bp": self.lasting_bonus_bp,
            "floor_cents": self.floor_cents,
            "cap_cents": self.cap_cents,
            "recognition_min_cents": self.recognition_min_cents,
            "recognition_max_cents": self.recognition_max_cents,
            "base_amounts": dict(self.base_amounts),
            "scope_factors": {k: str(v) for k, v in self.scope_factors.items()},
            "effort_factors": {k: str(v) for k, v in self.effort_factors.items()},
            "time_factors": {k: str(v) for k, v in self.time_factors.items()},
        }

    @classmethod
    def from_dict(cls, data: dict) -> AwardRules:
        """Build and check a rule set from JSON-like data; German messages name the field."""
        defaults = cls()
        errors: dict[str, str] = {}

        def integer(key: str, label: str) -> int:
            value = data.get(key, getattr(defaults, key))
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                errors[key] = f"„{label}“ muss eine ganze Zahl ≥ 0 sein."
                return getattr(defaults, key)
            return value

        def factors(key: str, label: str) -> dict[str, Decimal]:
            raw = data.get(key, getattr(defaults, key))
            out: dict[str, Decimal] = {}
            try:
                for k, v in dict(raw).items():
                    d = Decimal(str(v))
                    if d <= 0:
                        raise InvalidOperation
                    out[str(k)] = d
            except (InvalidOperation, TypeError, ValueError):
                errors[key] = f"„{label}“: Faktoren müssen Zahlen größer 0 sein."
                return dict(getattr(defaults, key))
            return out

        base_raw = data.get("base_amounts", defaults.base_amounts)
        base: dict[str, int] = {}
        try:
            for k, v in dict(base_raw).items():
                if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    raise ValueError
                base[str(k)] = v
        except (TypeError, ValueError):
            errors["base_amounts"] = "„Grundbeträge“ müssen Beträge in Cent ≥ 0 sein."
        rules = cls(
            one_off_rate_bp=integer("one_off_rate_bp", "Satz einmalige Einsparung"),
            annual_rate_bp=integer("annual_rate_bp", "Satz jährliche Einsparung"),
            lasting_bonus_bp=integer("lasting_bonus_bp", "Zuschlag für dauerhafte Einsparung"),
            floor_cents=integer("floor_cents", "Mindestprämie"),
            cap_cents=integer("cap_cents", "Höchstprämie"),
            recognition_min_cents=integer("recognition_min_cents", "Anerkennungsprämie von"),
            recognition_max_cents=integer("recognition_max_cents", "Anerkennungsprämie bis"),
            base_amounts=base or dict(defaults.base_amounts),
            scope_factors=factors("scope_factors", "Faktoren Anwendungsbereich"),
            effort_factors=factors("effort_factors", "Faktoren Aufwand"),
            time_factors=factors("time_factors", "Faktoren Umsetzungszeit"),
        )
        if not errors and rules.cap_cents and rules.floor_cents > rules.cap_cents:
            errors["cap_cents"] = "Die Höchstprämie darf nicht kleiner als die Mindestprämie sein."
        if not errors and rules.recognition_min_cents > rules.recognition_max_cents:
            errors["recognition_max_cents"] = "Anerkennungsprämie: „bis“ darf nicht kleiner als „von“ sein."
        if errors:
            raise ValidationError(errors)
        return rules


def check_no_overlap(periods: list[tuple[str, date, date | None]], new: tuple[str, date, date | None]) -> None:
    """Rule sets' validity periods (inclusive; open end = None) must not overlap."""
    key, start, end = new
    if end is not None and end < start:
        raise ValidationError({"valid_to": "„Gültig bis“ darf nicht vor „Gültig ab“ liegen."})
    for other_key, o_start, o_end in periods:
        if other_key == key:
            continue
        if start <= (o_end or date.max) and o_start <= (end or date.max):
            raise ValidationError(
                {"valid_from": "Der Gültigkeitszeitraum überschneidet sich mit einem anderen Prämienregelwerk "
                 f"(gültig ab {o_start.strftime('%d.%m.%Y')})."}
            )


# ---------------------------------------------------------------------------------------------- awards
@dataclass(frozen=True)
class AwardInput:
    kind: str  # "savings" | "points" | "recognition" | "none"
    one_off_savings_cents: int = 0
    annual_savings_cents: int = 0
    costs_cents: int = 0  # first-year costs of the implementation
    lasting: bool = False
    benefit_level: str = ""
    scope: str = ""
    effort: str = ""
    time: str = ""
    recognition_cents: int = 0


@dataclass(frozen=True)
class AwardResult:
    total_cents: int
    lines: list[str]
    kind: str


def _apply_floor_cap(rules: AwardRules, amount: int, lines: list[str]) -> int:
    if amount <= 0:
        lines.append("Keine Prämie, da sich kein positiver Betrag ergibt.")
        return 0
    if rules.floor_cents and amount < rules.floor_cents:
        lines.append(f"Angehoben auf die Mindestprämie: {format_cents(rules.floor_cents)}")
        amount = rules.floor_cents
    if rules.cap_cents and amount > rules.cap_cents:
        lines.append(f"Begrenzt auf die Höchstprämie: {format_cents(rules.cap_cents)}")
        amount = rules.cap_cents
    return amount


def _savings(rules: AwardRules, inp: AwardInput, lines: list[str]) -> int:
    for name, label in (("one_off_savings_cents", "Einmalige Einsparung"),
                        ("annual_savings_cents", "Jährliche Einsparung"), ("costs_cents", "Kosten")):
        if getattr(inp, name) < 0:
            raise ValidationError({name: f"„{label}“ darf nicht negativ sein."})
    one_off, annual, costs = inp.one_off_savings_cents, inp.annual_savings_cents, inp.costs_cents
    lines.append(f"Einmalige Einsparung im ersten Jahr: {format_cents(one_off)}")
    lines.append(f"Jährlich wiederkehrende Einsparung: {format_cents(annual)}")
    lines.append(f"Kosten der Umsetzung im ersten Jahr: {format_cents(costs)}")
    # Costs are set off against the one-off savings first, then against the recurring ones, so a
    # city with different rates rewards recurring savings at their (usually higher) rate.
    net_one_off = one_off - min(costs, one_off)
    net_annual = annual - (costs - min(costs, one_off))
    lines.append(f"Netto-Einsparung im ersten Jahr: {format_cents(net_one_off + net_annual)}")
    if net_one_off + net_annual <= 0:
        lines.append("Die Kosten übersteigen die Einsparung.")
        return _apply_floor_cap(rules, 0, lines)
    if rules.one_off_rate_bp == rules.annual_rate_bp:
        amount = Decimal(net_one_off + max(net_annual, 0)) * rules.one_off_rate_bp / FULL_SHARE_BP
        lines.append(
            f"{_pct(rules.one_off_rate_bp)} der Netto-Einsparung: {format_cents(_cents(amount))}"
        )
    else:
        part_one = Decimal(net_one_off) * rules.one_off_rate_bp / FULL_SHARE_BP
        part_annual = Decimal(max(net_annual, 0)) * rules.annual_rate_bp / FULL_SHARE_BP
        if net_one_off:
            lines.append(f"{_pct(rules.one_off_rate_bp)} der einmaligen Netto-Einsparung "
                         f"({format_cents(net_one_off)}): {format_cents(_cents(part_one))}")
        if net_annual > 0:
            lines.append(f"{_pct(rules.annual_rate_bp)} der jährlichen Netto-Einsparung "
                         f"({format_cents(net_annual)}): {format_cents(_cents(part_annual))}")
        amount = part_one + part_annual
    if inp.lasting and rules.lasting_bonus_bp:
        bonus = amount * rules.lasting_bonus_bp / FULL_SHARE_BP
        lines.append(f"Zuschlag {_pct(rules.lasting_bonus_bp)} für dauerhafte Einsparung: "
                     f"{format_cents(_cents(bonus))}")
        amount += bonus
    total = _cents(amount)
    lines.append(f"Errechnete Prämie: {format_cents(total)}")
    return _apply_floor_cap(rules, total, lines)


def _pick(table: dict, key: str, field_name: str, label: str):
    if key not in table:
        allowed = ", ".join(table) or "—"
        raise ValidationError({field_name: f"„{label}“: „{key}“ ist nicht zulässig (erlaubt: {allowed})."})
    return table[key]


def _points(rules: AwardRules, inp: AwardInput, lines: list[str]) -> int:
    base = _pick(rules.base_amounts, inp.benefit_level, "benefit_level", "Nutzenstufe")
    scope = _pick(rules.scope_factors, inp.scope, "scope", "Anwendungsbereich")
    effort = _pick(rules.effort_factors, inp.effort, "effort", "Aufwand")
    time = _pick(rules.time_factors, inp.time, "time", "Umsetzungszeit")
    lines.append(f"Nicht errechenbarer Nutzen, Nutzenstufe „{inp.benefit_level}“: "
                 f"Grundbetrag {format_cents(base)}")
    lines.append(f"× Faktor Anwendungsbereich „{inp.scope}“: {_factor_text(scope)}")
    lines.append(f"× Faktor Aufwand „{inp.effort}“: {_factor_text(effort)}")
    lines.append(f"× Faktor Umsetzungszeit „{inp.time}“: {_factor_text(time)}")
    total = _cents(Decimal(base) * scope * effort * time)
    lines.append(f"Errechnete Prämie: {format_cents(total)}")
    return _apply_floor_cap(rules, total, lines)


def calculate_award(rules: AwardRules, inp: AwardInput) -> AwardResult:
    """Calculate an award and explain it line by line (German, for the decision letter)."""
    lines: list[str] = []
    if inp.kind == "savings":
        total = _savings(rules, inp, lines)
    elif inp.kind == "points":
        total = _points(rules, inp, lines)
    elif inp.kind == "recognition":
        amount = inp.recognition_cents
        if not rules.recognition_min_cents <= amount <= rules.recognition_max_cents:
            raise ValidationError({"recognition_cents": (
                f"Die Anerkennungsprämie muss zwischen {format_cents(rules.recognition_min_cents)} und "
                f"{format_cents(rules.recognition_max_cents)} liegen.")})
        lines.append(f"Anerkennungsprämie: {format_cents(amount)}")
        total = amount
    elif inp.kind == "none":
        lines.append("Keine Prämie.")
        total = 0
    else:
        raise ValidationError({"kind": f"Unbekannte Prämienart „{inp.kind}“."})
    lines.append(f"Prämie gesamt: {format_cents(total)}")
    return AwardResult(total_cents=total, lines=lines, kind=inp.kind)


def split_lines(total_cents: int, names: list[str], shares_bp: list[int]) -> tuple[list[int], list[str]]:
    """Split the award among the submitters and explain it (for group suggestions)."""
    parts = split_amount(total_cents, shares_bp)
    lines = []
    if len(parts) > 1:
        lines.append("Aufteilung nach Anteilen:")
        for name, bp, cents in zip(names, shares_bp, parts, strict=True):
            lines.append(f"{name}: {bp_to_percent_text(bp)} = {format_cents(cents)}")
    return parts, lines
