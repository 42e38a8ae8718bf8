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
