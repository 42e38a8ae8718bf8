"""Details extracted from real sentences: what each number counts, ages, days, places."""

from __future__ import annotations

import math

import pytest


def quantities(details, text):
    return {(q.key, q.amount.value): text[q.start : q.end] for q in details.quantities}


@pytest.mark.parametrize(
    ("sentence", "key", "value", "wording"),
    [
        ("At least 31 people were killed and 270 injured in the attacks.", ("injured", ""), 270, "270 injured"),
        ("Mourners paid tribute to the 31 dead and 300 wounded in Tuesday's carnage.",
         ("injured", ""), 300, "300 wounded"),
        ("The bombing killed 31 and injured almost 300 people.", ("killed", ""), 31, "killed 31"),
        ("German police have arrested two people in connection with the bombings.",
         ("arrested", ""), 2, "two people"),
        ("Police said they had arrested a 28-year-old Moroccan man on Friday.",
         ("arrested", ""), 1, "a 28-year-old Moroccan man"),
        ("About a dozen Americans were among those hurt in the attacks.",
         ("injured", "americans"), 12, "About a dozen Americans"),
        ("The quake killed a child in the province.", ("killed", ""), 1, "a child"),
        ("Officials said no one was killed in the attack.", ("killed", ""), 0, "no one"),
        ("Two hundred and fifty people were injured.", ("injured", ""), 250, "Two hundred and fifty people"),
        ("Six of the passengers died in the crash.", ("killed", ""), 6, "Six of the passengers"),
        ("Two hundred and fifty of the passengers were hurt.", ("injured", ""), 250,
         "Two hundred and fifty of the passengers"),
        ("About 2½ million people were killed.", ("killed", ""), 2_500_000, "About 2½ million people"),
        # thousands set off by spaces ("12 000" was read as "000 people", a toll of 0) and
        # abbreviated scales ("$1.5bn" was no sum at all)
        ("The quake killed 12 000 people in the region.", ("killed", ""), 12_000, "12 000 people"),
        ("The quake killed 1 000 000 people.", ("killed", ""), 1_000_000, "1 000 000 people"),
        ("On March 25 100 people were arrested.", ("arrested", ""), 100, "100 people"),
        ("The bank lost $1.5bn last year.", ("money", "dollar"), 1_500_000_000, "1.5bn"),
        ("He paid $1.5m for the house.", ("money", "dollar"), 1_500_000, "1.5m"),
        ("The stadium cost £20m to build.", ("money", "pound"), 20_000_000, "20m"),
        # the currency named after the glued scale: a sum, and in pounds not a weight
        ("UEFA fined the club 1.5m euros.", ("money", "euro"), 1_500_000, "1.5m euros"),
        ("The stadium cost 20m pounds to build.", ("money", "pound"), 20_000_000, "20m pounds"),
        # a decimal point followed by a space, as re-joined corpus tokens print it
        ("Thieves took jewels worth $2. 6 million.", ("money", "dollar"), 2_600_000, "2. 6 million"),
        ("Watches worth £1. 7m were stolen.", ("money", "pound"), 1_700_000, "1. 7m"),
        ("Shares rose 0. 26% on Monday.", ("percent", ""), 0.26, "0. 26%"),
        ("They fled with a two-million-euro booty.", ("money", "euro"), 2_000_000, "two-million-euro"),
    ],
)
def test_counts_know_what_they_count(sentence_details, sentence, key, value, wording):
    details, text = sentence_details(sentence)
    found = quantities(details, text)
    assert found.get((key, value)) == wording, found


def test_approximate_and_vague_counts_carry_ranges(sentence_details):
    details, _ = sentence_details("The bombing killed 31 and injured almost 300 people.")
    injured = next(q for q in details.quantities if q.key == ("injured", ""))
    assert injured.amount.qualifier == "almost" and injured.amount.low < 300 <= injured.amount.high
    details, _ = sentence_details("Five people died and dozens were injured in the quake.")
    vague = next(q for q in details.quantities if q.amount.qualifier == "vague")
    assert vague.amount.low >= 24 and vague.amount.high < 100


@pytest.mark.parametrize(
    ("sentence", "key", "low", "high", "wording"),
    [
        ("Some 20 to 30 people were injured in the blast.", ("injured", ""), 17, 30, "Some 20 to 30 people"),
        ("Between 20 and 30 people were injured in the blast.", ("injured", ""), 20, 30, "Between 20 and 30 people"),
        ("Police arrested between 10 and 12 suspects.", ("arrested", ""), 10, 12, "between 10 and 12 suspects"),
        ("Police arrested between two and three men.", ("arrested", ""), 2, 3, "between two and three men"),
        ("Between 30 and 20 people were injured in the blast.", ("injured", ""), 20, 30, "Between 30 and 20 people"),
        # a change is not a range: the toll is now 15
        ("The death toll climbed from 12 to 15 dead on Monday.", ("killed", ""), 15, 15, "15 dead"),
    ],
)
def test_a_range_is_one_count_from_its_low_to_its_high_end(sentence_details, sentence, key, low, high, wording):
    details, text = sentence_details(sentence)
    (count,) = details.quantities
    assert (count.key, count.amount.low, count.amount.high) == (key, pytest.approx(low), high)
    assert text[count.start : count.end] == wording


def test_life_sentences_are_not_lives_lost(sentence_details):
    details, text = sentence_details("Nichols was sentenced to seven life sentences; the attack claimed four lives.")
    assert {text[q.start : q.end]: q.key for q in details.quantities} == {
        "seven life sentences": ("", "sentence"), "four lives": ("killed", "")
    }


def test_a_headline_in_capitals_has_no_model_names(sentence_details):
    details, text = sentence_details("GUNMEN KILL 12 VILLAGERS IN MARKET ATTACK")
    assert [(text[q.start : q.end], q.amount.value) for q in details.quantities] == [("12 VILLAGERS", 12)]


def test_a_model_number_is_not_the_count(sentence_details):
    details, text = sentence_details("Six AK 47 rifles and 300 rounds of ammunition were seized.")
    assert [(text[q.start : q.end], q.amount.value) for q in details.quantities if q.key == ("", "rifle")] == [
        ("Six AK 47 rifles", 6)
    ]


@pytest.mark.parametrize(
    ("sentence", "wording", "qualifier", "high"),
    [
        ("Police arrested Smith and seven other elder members.", "seven other elder members", "other", 7),
        ("Police arrested Smith and the other seven members.", "seven members", "other", 7),
        ("The UN confirmed 30 dead and 55 wounded, 15 critically.", "wounded, 15", "at least", math.inf),
        ("He made 8 of 14 shots from the field.", "8 of 14 shots", "at least", math.inf),
        ("Gunmen killed 12 early on Sunday.", "killed 12", "", 12),
    ],
)
def test_more_of_them_or_some_of_them_is_not_a_total(sentence_details, sentence, wording, qualifier, high):
    details, text = sentence_details(sentence)
    (count,) = [q for q in details.quantities if text[q.start : q.end] == wording]
    assert (count.amount.qualifier, count.amount.high) == (qualifier, high)


def test_a_count_knows_the_nationality_of_what_it_counts(sentence_details):
    details, text = sentence_details("The navy held 12 Somali and 11 Yemeni pirates and one English sailor.")
    assert {text[q.start : q.end]: q.group for q in details.quantities} == {
        "12 Somali and 11 Yemeni pirates": "somal", "11 Yemeni pirates": "yemen", "one English sailor": "engl"
    }
    # one nationality named as its people or as its country
    somalian, _ = sentence_details("The navy held three Somalian pirates.")
    american, _ = sentence_details("Two American soldiers were killed.")
    us, _ = sentence_details("Three U.S. soldiers were killed.")
    assert [q.group for q in somalian.quantities] == ["somal"]
    assert [q.group for q in american.quantities] == [q.group for q in us.quantities] == ["americ"]


@pytest.mark.parametrize(
    ("sentence", "era"),
    [
        ("In 2004, a quake off Aceh triggered a tsunami that killed 230,000 people.", "2004"),
        ("Some 168,000 people were killed in Aceh by the 2004 Asian tsunami.", "2004"),
        ("Insurgents killed 20 Marines in 2004.", "2004"),
        ("The quake killed five people in a region devastated by the tsunami of 2004.", ""),
        ("On March 20, 2007, a jury convicted him of killing two people.", ""),
        # a year compared with, or a sentence that names the day, is not history
        ("The quake killed five people, the worst since 2004.", ""),
        ("The crash killed 12 people, up from five in 2008.", ""),
        ("In 2004 floods killed 12 people on Tuesday.", ""),
    ],
)
def test_a_figure_in_the_clause_of_a_year_is_history(sentence_details, sentence, era):
    details, _ = sentence_details(sentence)
    (killed,) = [q for q in details.quantities if q.key[0] == "killed"]
    assert killed.era == era


def test_spaced_thousands_artefact_is_one_number(sentence_details):
    details, _ = sentence_details("About 1, 500 houses were damaged in the district.")
    assert any(q.amount.value == 1500 for q in details.quantities)


@pytest.mark.parametrize(
    ("sentence", "owner"),
    [
        ("The bodies of Robyn Mendes, 48, and his mother, Catherine Gomes, 61, were found.", "catherine gomes"),
        ("Police named the victim as Ann Smith-Jones, 40, of Leeds.", "ann smith jones"),
        ("A 35-year-old Detective John Smith was hurt.", "john smith"),
    ],
)
def test_an_age_knows_its_owners_full_name(sentence_details, sentence, owner):
    details, _ = sentence_details(sentence)
    assert [q.group for q in details.quantities if q.key[0] == "age"][-1] == owner


def test_age_belongs_to_the_named_person(sentence_details):
    details, _ = sentence_details("The suspect, named as Reda Kriket, 34, was convicted last year.")
    assert [(q.key, q.amount.value) for q in details.quantities] == [(("age", "kriket"), 34)]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("German police have arrested two people in connection with the bombings.", "german"),
        ("Two men were arrested by French police on Sunday.", "french"),
        ("A 36-year-old Australian climber died after the fall.", "australian"),
        # a place is not a nationality: "Brussels police" and "Belgian police" are one force
        ("North Korean troops killed two soldiers.", "north korean"),
        # a faith or a party is not a nation: "Islamist" and "Jihadist" gunmen may be the same men
        ("Islamist gunmen killed 12 people.", ""),
        ("Japanese seismologists recorded a 7.1 magnitude quake.", ""),
        ("Brussels police have arrested two people.", ""),
        ("Police said they had arrested two people.", ""),
    ],
)
def test_who_made_the_count(sentence_details, sentence, actor):
    details, _ = sentence_details(sentence)
    assert [q.actor for q in details.quantities] == [actor]


def test_dozens_of_people_count_for_the_verb(sentence_details):
    details, _ = sentence_details("Dozens of people were injured in the blast.")
    (count,) = details.quantities
    assert count.key == ("injured", "") and 24 <= count.amount.low < count.amount.high <= 99


def test_another_some_of_a_set_keeps_its_qualifier(sentence_details):
    details, _ = sentence_details("Another two of the passengers died in hospital.")
    (count,) = details.quantities
    assert count.amount.qualifier == "another"


def test_some_of_a_set_does_not_size_it(sentence_details):
    details, _ = sentence_details("The shell hit one of his schools in Gaza.")
    (count,) = details.quantities
    assert count.key == ("", "school") and count.amount.low == 1 and count.amount.high == math.inf


def test_years_and_bare_numbers_are_not_counts(sentence_details):
    details, _ = sentence_details("In 2005 the team finished 12th in the league, he said.")
    assert details.quantities == ()


def test_days_remember_their_event(sentence_details):
    details, _ = sentence_details("Six arrests were made in Brussels on Thursday.")
    (day,) = details.dates
    assert day.key == "thursday" and "arrest" in day.event


def test_a_day_in_a_relative_clause_belongs_to_the_noun_it_describes(sentence_details):
    # without the noun, "set" and "destroyed" share nothing and the days are never compared
    details, _ = sentence_details("No one was injured in the fire, which was set Friday night.")
    (day,) = details.dates
    assert day.key == "friday" and "fire" in day.event


def test_set_or_scheduled_says_nothing_of_the_event(sentence_details):
    # "Trial is set for June 17" and "sentencing is set for Nov. 8" are two events
    trial, _ = sentence_details("Trial is set for June 17 for Simpson of Fort Coffee.")
    sentencing, _ = sentence_details("Formal sentencing is set for Nov. 8 before Judge Sullivan.")
    assert trial.dates[0].event.isdisjoint(sentencing.dates[0].event)


@pytest.mark.parametrize(
    ("sentence", "days", "wording"),
    [
        ("Greece was reeling from five days of rioting in Athens.", 5, "five days"),
        ("The strike went on for three weeks before a deal was struck.", 21, "three weeks"),
        ("He served four months in federal prison.", 4 * 30.44, "four months"),
        ("He died after serving more than four years for his role.", 4 * 365.25, "more than four years"),
        ("He served four and a half months in prison.", 4.5 * 30.44, "four and a half months"),
        ("He served 4 1/2 months in prison.", 4.5 * 30.44, "4 1/2 months"),
        ("He went back to prison for 2-1/2 years.", 2.5 * 365.25, "2-1/2 years"),
        # a number word before "to" is not the start of a range when it is the people sentenced
        ("A court sentenced the couple to 15 years in prison.", 15 * 365.25, "15 years"),
        ("The judge sentenced the two to 15 years in prison.", 15 * 365.25, "15 years"),
    ],
)
def test_how_long_something_lasted_is_a_count(sentence_details, sentence, days, wording):
    details, text = sentence_details(sentence)
    (duration,) = [q for q in details.quantities if q.key == ("duration", "")]
    assert duration.amount.value == pytest.approx(days) and text[duration.start : duration.end] == wording


@pytest.mark.parametrize(
    ("sentence", "key", "metres"),
    [
        ("The climber fell 200m down an icy gully.", ("distance", "fall"), 200),
        ("He fell 200ft to his death.", ("distance", "fall"), 60.96),
        ("The quake struck at a depth of 2.7 miles.", ("distance", "depth"), 4345.2288),
        ("The quake was centred 13 miles east of Cloverdale.", ("distance", "east cloverdale"), 20921.472),
    ],
)
def test_lengths_are_compared_in_metres_by_what_they_measure(sentence_details, sentence, key, metres):
    details, _ = sentence_details(sentence)
    (length,) = [q for q in details.quantities if q.key[0] == "distance"]
    assert length.key == key and length.amount.value == pytest.approx(metres)


@pytest.mark.parametrize(
    ("sentence", "key", "value", "wording"),
    [
        ("Firefighters fought the blaze in temperatures of minus 17 degrees.", ("temperature", ""), -17,
         "minus 17 degrees"),
        ("Outside temperatures were minus 20 as firefighters battled the blaze.", ("temperature", ""), -20, "minus 20"),
        ("Crews worked for hours in minus-20 degree temperatures.", ("temperature", ""), -20, "minus-20 degree"),
        ("The wind chill made it feel like 10 degrees below zero.", ("temperature", ""), -10, "10 degrees below zero"),
        ("The heat reached 104 degrees Fahrenheit on Monday.", ("temperature", "F"), 104, "104 degrees Fahrenheit"),
        ("They worked in temperatures of about minus 20 degrees.", ("temperature", ""), -20, "about minus 20 degrees"),
        ("They worked in temperatures of 5 degrees below.", ("temperature", ""), -5, "5 degrees below"),
        ("By dawn it was minus 20 degrees F.", ("temperature", "F"), -20, "minus 20 degrees F."),
        ("Temperatures were 20 Celsius at noon.", ("temperature", "C"), 20, "20 Celsius"),
    ],
)
def test_temperatures_are_signed_and_keep_their_scale(sentence_details, sentence, key, value, wording):
    details, text = sentence_details(sentence)
    (temperature,) = [q for q in details.quantities if q.key[0] == "temperature"]
    assert (temperature.key, temperature.amount.value) == (key, value)
    assert text[temperature.start : temperature.end] == wording


@pytest.mark.parametrize(
    "sentence",
    [
        "The driver turned the truck 180 degrees and fled.",
        "The wind shifted 180 degrees as the cold front passed.",
        "The poll on the cold snap had a margin of error of plus or minus 4 percent.",
        "Growth was -0.5 percent in the cold winter.",
    ],
)
def test_a_figure_no_word_of_temperature_governs_is_not_a_temperature(sentence_details, sentence):
    details, _ = sentence_details(sentence)
    assert not [q for q in details.quantities if q.key[0] == "temperature"]


def test_a_converted_length_is_not_counted_twice(sentence_details):
    details, text = sentence_details("The quake struck at a depth of 10 kilometers (six miles).")
    assert [text[q.start : q.end] for q in details.quantities] == ["10 kilometers"]


def test_a_time_written_as_one_word_is_found(sentence_details):
    details, text = sentence_details("Police stopped Jackson at 2:30am on Sunday.")
    assert [text[t.time.start : t.time.end] for t in details.times] == ["2:30am"]


def test_a_month_without_a_day_is_a_date(sentence_details):
    details, _ = sentence_details("In April 2007 the suspect was found guilty of capital murder.")
    assert [d.key for d in details.dates] == ["04"]
    details, _ = sentence_details("A jury convicted the suspect on March 20, 2007.")
    assert [d.key for d in details.dates] == ["03-20"]


def test_an_age_the_tagger_calls_a_date_does_not_join_a_later_date(sentence_details):
    details, _ = sentence_details("Williams, 32, was pulled over for speeding around 1:30 a.m. on February 1.")
    assert [d.key for d in details.dates] == ["02-01"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Microsoft typically releases patches on the second Tuesday of each month.",
        "The market opens every Saturday in the square.",
        # not a date at all: "dec" begins "decades"
        "The river has flooded twice over the past 2 decades.",
    ],
)
def test_a_weekday_that_recurs_is_no_date(sentence_details, sentence):
    details, _ = sentence_details(sentence)
    assert details.dates == ()


def test_which_date_keys_can_differ():
    from tui.details import dates_differ

    assert dates_differ("04", "03-20") is True
    assert dates_differ("03", "03-20") is False  # the month agrees with the day
    assert dates_differ("friday", "saturday") is True
    assert dates_differ("03-20", "03-21") is True
    assert dates_differ("friday", "03-20") is None  # no calendar: not comparable


def test_a_time_of_day_is_not_the_event(sentence_details):
    # "Saturday evening" and "a Monday evening vigil" share "evening", not an event
    shooting, _ = sentence_details("Police say they came across a group of young men on Saturday evening.")
    vigil, _ = sentence_details("Then came the anger: a Monday evening vigil marred by an unruly mob.")
    (saturday,) = shooting.dates
    (monday,) = vigil.dates
    assert "evening" not in saturday.event and "evening" not in monday.event
    assert not saturday.event & monday.event


def test_places_in_the_same_role(sentence_details):
    details, _ = sentence_details(
        "Armed police swooped on addresses in the districts of Schaerbeek and Jette overnight."
    )
    assert {(r.role, r.text) for r in details.roles} == {("district", "Schaerbeek"), ("district", "Jette")}
    details, _ = sentence_details("A seventh arrest was made in the Forest district of Brussels.")
    assert {(r.role, r.text) for r in details.roles} == {("district", "Forest")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The champion was knocked down in the 11th round.",
        "The Bobcats went into the game with a 9-14 record.",
        "Police said the gunman carried a 357 caliber revolver.",
        "The shooting happened in the 12000 block of Main Street.",
        "Jackman will host the 2013 Academy Awards in February.",
        "He hosted the 85th Academy Awards.",
        "Brees threw for 404 yards and two touchdowns.",
        "Jackson was pulled over on state Route 52 near the border.",
        "Police arrested the Tarro striker Jackson at 2 A.M. on Sunday.",
        "Nearly 2m people fled the fighting in the region.",
        "Police made the arrest within two days of the shooting.",
        # when something happened is not how long it lasted, nor is the end of a range
        "The boy was shot two days ago in Athens.",
        "Three years later the case was reopened.",
        "He was sentenced to one to three years.",
        # a model or a standard
        "The laptop has USB 3.0 ports.",
    ],
)
def test_numbers_that_rank_label_or_measure_are_not_counts(sentence_details, sentence):
    details, text = sentence_details(sentence)
    assert quantities(details, text) == {}


def test_a_hyphenated_count_still_counts(sentence_details):
    details, text = sentence_details("An Indian warship foiled a five-boat pirate attack on Friday.")
    assert (("", "boat"), 5) in quantities(details, text)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He was fined 5 million pounds by the court.", 5_000_000),
        ("The club paid 300 pounds sterling for the ticket.", 300),
        ("The ticket cost £400 at the door.", 400),
        ("The deal is worth 2.5 billion pounds, the bank said.", 2_500_000_000),
    ],
)
def test_pounds_with_a_sign_a_scale_or_sterling_are_money(sentence_details, sentence, value):
    details, text = sentence_details(sentence)
    assert (("money", "pound"), value) in quantities(details, text)


@pytest.mark.parametrize(
    "sentence",
    ["The new MacBook Pro weighs under 4.5 pounds.", "The suspect, weighing 130 pounds, has a shaved head."],
)
def test_plain_pounds_are_a_weight_not_a_sum(sentence_details, sentence):
    details, text = sentence_details(sentence)
    assert not [q for q in details.quantities if q.key[0] == "money"], quantities(details, text)


def test_a_number_ending_a_phrase_before_a_point_is_not_a_decimal(sentence_details):
    # "9. 4 others": no currency before and no scale after, so two numbers, not 9.4
    details, text = sentence_details("The storm killed 12 people near exit 9. 4 others were injured, police said.")
    assert quantities(details, text) == {(("killed", ""), 12): "12 people", (("injured", ""), 4): "4 others"}


@pytest.mark.parametrize(
    ("sentence", "sums"),
    [
        ("A rescue of 110 billion euros ($158 billion) was agreed on Sunday.", [110e9]),
        ("The heist netted £20m ($31m) in cash and jewels.", [20e6]),
        # brackets after something else than a sum hold a sum of their own
        ("The two fines (€500 and €300) were paid on Monday.", [500, 300]),
    ],
)
def test_a_sum_converted_in_brackets_is_not_a_second_sum(sentence_details, sentence, sums):
    details, _ = sentence_details(sentence)
    assert [q.amount.value for q in details.quantities if q.key[0] == "money"] == sums


@pytest.mark.parametrize("then", ["then-15-year-old", "then- 15-year-old", "then 15-year-old"])
def test_an_age_then_is_not_an_age_now(sentence_details, then):
    details, _ = sentence_details(f"The attack on the {then} Timmons was filmed by a neighbour.")
    assert not [q for q in details.quantities if q.key[0] == "age"]


def test_a_weekday_in_another_time_zone_is_not_the_day(sentence_details):
    details, _ = sentence_details("He died at 18:41 local time on Thursday (02:41 GMT Friday), his family said.")
    assert [d.key for d in details.dates] == ["thursday"]
