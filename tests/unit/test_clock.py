"""Times of day: wording read as ranges, zones kept apart."""

from __future__ import annotations

import pytest

from tui.clock import clock_times


def only(text):
    (found,) = clock_times(text)
    return found


@pytest.mark.parametrize(
    ("text", "wording", "low", "high"),
    [
        ("He was stopped at 2:30 a.m. on Sunday.", "2:30 a.m.", 150, 150),
        ("It started about 9:40 p.m. Friday.", "about 9:40 p.m.", 21 * 60 + 30, 21 * 60 + 50),
        ("He failed the tests shortly after 2 a.m.", "shortly after 2 a.m.", 120, 135),
        ("The call came in at 3:30 a. m.", "3:30 a. m.", 210, 210),
        ("She died at 11am.", "11am", 10 * 60 + 45, 11 * 60 + 15),
        ("The meeting ended at 12:15 p.m.", "12:15 p.m.", 12 * 60 + 15, 12 * 60 + 15),
        ("The quake struck at 12:05 AM local time.", "12:05 AM local time", 5, 5),
    ],
)
def test_wording_becomes_a_range_of_minutes(text, wording, low, high):
    found = only(text)
    assert text[found.start : found.end] == wording
    assert (found.low, found.high) == (low, high)


def test_numbers_that_are_not_times_are_ignored():
    assert clock_times("He proposed 3 amendments and 12 pmc units.") == []
    assert clock_times("Flight 13 landed at gate 40.") == []


def test_zones_are_kept_and_only_like_is_compared():
    local, eastern = clock_times("It started about 9:40 p.m. Friday (1:40 a.m. ET Saturday).")
    assert local.zone == "" and eastern.zone == "ET"
    assert not local.conflicts(eastern)  # the same moment on two clocks
    assert only("at 9:40 p.m. local time").zone == ""


def test_ranges_that_cannot_both_hold_conflict():
    assert only("at about 2:30 a.m.").conflicts(only("shortly after 2 a.m."))
    assert not only("at about 2:30 a.m.").conflicts(only("at 2:35 a.m."))
    assert not only("at 2 a.m.").conflicts(only("at 2:09 a.m."))  # a bare hour is rounded
    assert not only("at 11:55 p.m.").conflicts(only("shortly after 11:50 p.m."))
    assert not only("just before midnight, at 11:58 p.m.").conflicts(only("around 12:05 a.m."))


def test_what_follows_a_time_is_not_swallowed():
    _, second = clock_times("at 9:40 p.m. (about 1:40 a.m. ET)")
    assert (second.low, second.high, second.zone) == (90, 110, "ET")
    text = "at 7 a.m. central Italy, 9:40 p.m. (ET)"
    morning, evening = clock_times(text)
    assert morning.zone == "" and text[morning.start : morning.end] == "7 a.m."
    assert evening.zone == "ET" and text[evening.start : evening.end] == "9:40 p.m."


def test_the_end_of_a_range_is_not_a_moment():
    assert clock_times("Police searched the area between 2 and 3 a.m.") == []
    assert clock_times("The polls were open 9-11 pm.") == []
    assert clock_times("It cost $1.5pm to build.") == []


def test_about_a_whole_hour_is_as_loose_as_the_hour():
    assert not only("at about 2 a.m.").conflicts(only("at 2:12 a.m."))
    assert only("at about 2 a.m.").conflicts(only("at 2:30 a.m."))
