"""Small closed word lists the detail rules need.

These are general properties of English news prose (which words mean a death,
an injury, an arrest; which nouns just mean "people"), not facts about any
particular article.
"""

from __future__ import annotations

# lemma -> the quantity it counts, so "270 injured" and "300 wounded" compare
COUNT_CATEGORIES: dict[str, str] = {
    **dict.fromkeys(
        ("kill", "dead", "death", "die", "life", "fatality", "fatal", "toll", "murder",
         "slay", "body", "killing", "perish", "drown"),
        "killed",
    ),
    **dict.fromkeys(
        ("injure", "injured", "wound", "wounded", "hurt", "injury", "casualty", "hospitalise",
         "hospitalize", "hospitalized", "hospitalised"),
        "injured",
    ),
    **dict.fromkeys(
        ("arrest", "detain", "detention", "custody", "capture", "apprehend", "nab", "detainee",
         "charge"),
        "arrested",
    ),
    **dict.fromkeys(("rescue", "save"), "rescued"),
    **dict.fromkeys(("evacuate", "evacuation", "evacuee", "flee"), "evacuated"),
    **dict.fromkeys(("missing",), "missing"),
    **dict.fromkeys(("magnitude", "richter"), "magnitude"),
}

GENERIC_PERSONS = frozenset(
    "people person persons man men woman women individual individuals suspect suspects "
    "other others".split()
)

# qualifiers that may precede a number, longest first
QUALIFIER_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(q.split())
    for q in sorted(
        [
            "almost", "nearly", "close to", "about", "around", "some", "approximately",
            "roughly", "an estimated", "estimated", "up to", "as many as", "at least",
            "more than", "over", "upwards of", "in excess of", "fewer than", "less than",
            "under", "at most", "a further", "another",
        ],
        key=lambda q: -len(q.split()),
    )
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)

# common nouns that locate an event, so "the Schaerbeek district" and "the
# districts of Schaerbeek and Jette" name the same role with different places
PLACE_NOUNS = frozenset(
    "district districts city town village province state region country area neighbourhood "
    "neighborhood suburb county capital island street road municipality borough commune "
    "prefecture territory coast port".split()
)

# nouns that only place a date in the day ("Saturday evening", "a Monday night vigil"):
# two dates sharing one are not the same event, so the event is looked for above them
TIME_NOUNS = frozenset(
    "morning afternoon evening night day week weekend hour overnight midnight dawn dusk "
    "noon midday time a.m. p.m. am pm".split()
)

DURATION_UNITS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
"""Units of how long something lasted ("five days of rioting"), by lemma, in days: "four
months" and "more than four years" are compared."""

DISTANCE_UNITS = {
    "m": 1.0, "metre": 1.0, "meter": 1.0, "km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0,
    "mile": 1609.344, "mi": 1609.344, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048,
}
"""Length units in metres: lengths are compared whatever unit each outlet used."""

TEMPERATURE_WORDS = frozenset("temperature temp chill thermometer mercury heat cold freezing frost".split())
"""Lemmas that make "minus 20" or "17 degrees" hanging off them a temperature: a degree
alone may be an angle ("turned 180 degrees")."""

SPEECH_VERBS = frozenset("say tell add state announce confirm claim report write explain insist warn".split())
"""Lemmas that credit words to someone ("..., A.J. Smith said")."""

TEMPERATURE_SCALES = {"fahrenheit": "F", "f": "F", "°f": "F", "celsius": "C", "centigrade": "C", "c": "C", "°c": "C"}
"""Scales a temperature may name; a figure with no scale is compared only with others with none."""

# units of sports statistics (and lengths that are not read as one, see DISTANCE_UNITS):
# a count of them belongs to one player, one game or one stretch of road, so two
# sentences' figures rarely measure the same thing ("404 yards" passing vs "440 yards"
# of offence), and comparing them would report divergences that are not there
MEASURE_UNITS = frozenset(
    "yard point rebound assist touchdown carry pass interception tackle sack inning "
    "mile kilometre kilometer km metre meter foot inch".split()
)
