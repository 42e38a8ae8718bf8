"""Times of day in news prose ("about 2:30 a.m.", "shortly after 2 a.m.", "11am ET").

A time is read as a range of minutes after midnight, widened by its wording
("about" is give or take ten minutes, "shortly after 2" is 2:00 to 2:15, a
bare hour is the quarter-hour either side), so two reports conflict only when
their ranges cannot both hold.  Outlets often give the same moment in two
time zones ("9:40 p.m. Friday (1:40 a.m. ET Saturday)"), so each time keeps
its zone and only times in the same zone are compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAY = 24 * 60

_ZONES = {
    "et": "ET", "est": "ET", "edt": "ET", "eastern": "ET",
    "ct": "CT", "cst": "CT", "cdt": "CT", "central": "CT",
    "mt": "MT", "mst": "MT", "mdt": "MT", "mountain": "MT",
    "pt": "PT", "pst": "PT", "pdt": "PT", "pacific": "PT",
    "gmt": "UTC", "utc": "UTC", "bst": "BST", "cet": "CET", "cest": "CET", "ist": "IST",
    "jst": "JST", "aest": "AEST", "aedt": "AEST", "nzst": "NZST", "nzdt": "NZST", "hkt": "HKT",
}
LOCAL = ""
"""The zone of a time given without one, and of "local time": the place's own clock."""

# (minutes before, minutes after) the stated time that the wording allows
_SLACK = {
    "about": (10, 10), "around": (10, 10), "approximately": (10, 10), "roughly": (10, 10),
    "shortly after": (0, 15), "just after": (0, 15), "soon after": (0, 15), "just before": (15, 0),
    "shortly before": (15, 0), "after": (0, 90), "before": (90, 0), "by": (90, 0),
    "sometime after": (0, 90), "sometime before": (90, 0),
}
_BARE_HOUR = (15, 15)

_TIME = re.compile(
    r"(?:\b(?P<q>" + "|".join(sorted(_SLACK, key=len, reverse=True)) + r")\s+(?:at\s+)?)?"
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[aApP])(?:\.\s?[mM]\b\.?|\s?[mM]\b)"
    r"(?:\s*\(?\s*(?P<z>local(?:\s+time)?|[A-Za-z]{2,7})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    low: int
    high: int
    """The range of minutes after midnight the wording allows (``high`` may pass midnight)."""
    zone: str
    start: int
    end: int
    """Offsets of the wording ("shortly after 2 a.m.") in the text searched."""

    def conflicts(self, other: ClockTime) -> bool:
        if self.zone != other.zone:
            return False
        return not any(
            self.low <= other.high + shift and other.low + shift <= self.high for shift in (-DAY, 0, DAY)
        )


def clock_times(text: str) -> list[ClockTime]:
    out: list[ClockTime] = []
    for m in _TIME.finditer(text):
        hour = int(m["h"])
        if not 1 <= hour <= 12:
            continue
        minute = int(m["m"] or 0)
        hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
        value = hour * 60 + minute
        qualifier = (m["q"] or "").lower()
        before, after = _SLACK.get(qualifier, _BARE_HOUR if m["m"] is None else (0, 0))
        zone_word = (m["z"] or "").lower()
        end = m.end()
        if zone_word.startswith("local"):
            zone = LOCAL
        elif zone_word in _ZONES:
            zone = _ZONES[zone_word]
        else:
            zone = LOCAL
            if m["z"]:
                end = m.start("z")  # a following word that is not a zone
        while end > m.start() and text[end - 1] in " (":
            end -= 1
        start = m.start("q") if m["q"] else m.start("h")
        out.append(ClockTime(value - before, value + after, zone, start, end))
    return out
