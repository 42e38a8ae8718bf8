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

_ZONE_WORDS = sorted(
    {w.upper() for w in _ZONES if len(w) <= 4} | {"Eastern", "Central", "Mountain", "Pacific"}, key=len
)
# a zone is an abbreviation in capitals or a capitalised zone name, so "central Italy" or
# "et al" is not one; nothing else after the time is consumed (it may start the next time)
_TIME = re.compile(
    r"(?:\b(?P<q>" + "|".join(sorted(_SLACK, key=len, reverse=True)) + r")\s+(?:at\s+)?)?"
    r"(?<![\d.$£€])\b(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[aApP])(?:\.\s?[mM]\b\.?|\s?[mM]\b)"
    r"(?:(?P<paren>\s*\(?\s*)(?:local(?:\s+time)?|(?-i:(?P<z>"
    + "|".join(reversed(_ZONE_WORDS))
    + r")))\b)?",
    re.IGNORECASE,
)
_RANGE_START = re.compile(r"\d(?::\d\d)?\s*(?:[-–]|to|and|until|till)\s*$", re.IGNORECASE)
"""What comes before the second end of a range ("between 2 and 3 a.m.", "9-11 pm")."""


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
        if not m["q"] and _RANGE_START.search(text, 0, m.start("h")):
            continue  # the end of a range ("between 2 and 3 a.m."): not a moment to compare
        minute = int(m["m"] or 0)
        hour = hour % 12 + (12 if m["ap"].lower() == "p" else 0)
        value = hour * 60 + minute
        qualifier = (m["q"] or "").lower()
        before, after = _SLACK.get(qualifier, (0, 0))
        if m["m"] is None and before == after:
            # a whole hour is rounded, and "about" a whole hour is at least as loose
            before, after = max(before, _BARE_HOUR[0]), max(after, _BARE_HOUR[1])
        zone = LOCAL
        end = m.end()
        if m["z"]:
            zone = _ZONES[m["z"].lower()]
        if m["paren"] and "(" in m["paren"]:
            end = m.start("paren")  # "9:40 p.m. (ET": the wording stops before the bracket
        start = m.start("q") if m["q"] else m.start("h")
        out.append(ClockTime(value - before, value + after, zone, start, end))
    return out
