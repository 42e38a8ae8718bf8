"""Page-chrome rules: what is dimmed and excluded from alignment, and what is not."""

from __future__ import annotations

import pytest

from tui.boilerplate import is_dateline, paragraph_rule, sentence_rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Trending: WATCH: Inspector demands owner remove flags", "teaser"),
        ("Related Story", "teaser"),
        ("READ MORE: Police name the suspect", "teaser"),
        ("Join the conversation!", "comment policy"),
        ("We have no tolerance for comments containing violence. Thank you for partnering with us.",
         "comment policy"),
        ("Screen Shot 2016-03-25 at 8.00.54 AMHope that network is obliterated.", "screenshot caption"),
        ("#Bruxelles police operation pic.twitter.com/RcOmKUCXFk", "embedded tweet"),
        ("— Jane Doe (@janedoe) 25 March 2016", "embedded tweet"),
        ("Posted: May 24, 2005", "dateline"),
        ("Updated: May 24, 2005, 3:23 PM ET", "dateline"),
        ("Thursday, Aug 18, 2011", "dateline"),
        ("By Jim Smith, Staff Writer", "byline"),
        ("Share | Email | Print", "share bar"),
        ("© 2016 Example Media. All rights reserved.", "copyright"),
    ],
)
def test_chrome_is_recognised(text, rule):
    assert paragraph_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    [
        "He declined to comment on the policy.",
        "Watch officials said the bridge would reopen.",
        "By the third round it was clear that Rahman had nothing to offer.",
        "Police arrested six people on Thursday, May 24.",
        "The related story of the raid was told by neighbours.",
    ],
)
def test_story_text_is_not_chrome(text):
    assert paragraph_rule(text) == ""
    assert sentence_rule(text) == ""


def test_dateline_needs_a_number():
    assert not is_dateline("Monday")
    assert is_dateline("16 August 2011")
