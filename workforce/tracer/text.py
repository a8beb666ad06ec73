"""Sentences about the 12-month figures, in the reader's language."""

from __future__ import annotations

from workforce.core import i18n
from workforce.tracer.numbers import Lasting, SixToTwelve


def tr(key: str, lang: str, **values: object) -> str:
    """A text of this feature (``tracer.<key>``)."""
    return i18n.t(f"tracer.{key}", lang, **values)


def pct(value: float | None, lang: str) -> str:
    """A rate as the overview's cards write it (two decimals: 71,43%)."""
    return i18n.fmt_pct(value, lang)


def low_response_warning(response: float | None, lang: str) -> str:
    """The warning a 12-month rate carries when under 60% of the cohort answered."""
    return tr("low_response", lang, response=pct(response, lang))


def lasting_sentence(data: Lasting, lang: str) -> str:
    """The 6- and 12-month rates and the response rate, in one sentence."""
    if not data.twelve.available:
        return tr("card.no_twelve", lang, six=pct(data.six.value, lang))
    return tr(
        "card.sentence",
        lang,
        six=pct(data.six.value, lang),
        twelve=pct(data.twelve.value, lang),
        response=pct(data.response.value, lang),
        answered=i18n.fmt_number(data.response.numerator or 0, lang, 0),
        cohort=i18n.fmt_number(data.response.denominator or 0, lang, 0),
    )


def six_to_twelve_sentence(step: SixToTwelve, lang: str) -> str:
    """Of those placed within 6 months, how many still work; how many found work
    later; with the response rate."""
    if step.answered == 0:
        return tr("step.none", lang)
    return tr(
        "step.sentence",
        lang,
        answered=i18n.fmt_number(step.answered, lang, 0),
        cohort=i18n.fmt_number(step.cohort, lang, 0),
        response=pct(step.response_pct, lang),
        placed=i18n.fmt_number(step.placed, lang, 0),
        still=i18n.fmt_number(step.still_working, lang, 0),
        still_pct=pct(step.share(step.still_working, step.placed), lang),
        unplaced=i18n.fmt_number(step.unplaced, lang, 0),
        later=i18n.fmt_number(step.found_later, lang, 0),
        later_pct=pct(step.share(step.found_later, step.unplaced), lang),
    )
