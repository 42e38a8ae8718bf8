"""Page chrome: text that came with the web page, not with the story.

Rules are general patterns of news sites (teasers, comment policies, embedded
tweets, screenshot captions, datelines, bylines, share bars), each named so
the UI and the export can say why a line was dimmed.  Matching is on whole
paragraphs, except for the few patterns that mark a single sentence.
"""

from __future__ import annotations

import re

from tui.lexicon import MONTHS, WEEKDAYS

_I = re.IGNORECASE

TEASER = re.compile(
    r"^(trending|related( stor(y|ies)| articles?| content| coverage| links?)?|read more|"
    r"more from|more on this|see also|also read|read also|recommended( for you)?|most (read|popular)|"
    r"popular now|watch|video|advertisement|sponsored( content)?|promoted|editor'?s picks?|"
    r"top stories|you may also like|don'?t miss|click here|sign up|subscribe|follow us|like us on|"
    r"download (our|the) app|share (this|on)|listen to this article)\b\s*(:|!|\||—|-|$)",
    _I,
)
EXACT_CHROME = re.compile(
    r"^(advertisement|related story|related stories|share|share this|share this article|"
    r"print|email|comments?|loading|skip to (main )?content|back to top|continue reading|"
    r"scroll down for video|story continues below)[.!:]?$",
    _I,
)
SHARE_BAR = re.compile(
    r"^((email|print|tweet|share|facebook|twitter|whatsapp|pinterest|linkedin|reddit|"
    r"copy link)\s*[|·•/,]?\s*){2,}$",
    _I,
)
COMMENT_WORDS = re.compile(r"\b(comments?|commenting|commenters?|discussion|conversation)\b", _I)
POLICY_WORDS = re.compile(
    r"\b(polic(y|ies)|guidelines|tolerance|moderat\w*|courteous|civil(ity)?|respectful|"
    r"discourse|terms of (use|service)|log ?in|sign ?in|join)\b",
    _I,
)
ADDRESS = re.compile(r"\b(we|us|our|you|your)\b|^(join|leave|add|post|share|read)\b", _I)
SCREENSHOT = re.compile(r"\bscreen ?shot \d{4}-\d{2}-\d{2}\b|^(photo|image|picture|credit|file photo)\s*:", _I)
TWEET = re.compile(
    r"pic\.twitter\.com/|twitter\.com/\w+/status/|^\s*[—–-]{1,2}\s*[^()\n]{1,60}\(@\w{1,15}\)",
    _I,
)
BYLINE = re.compile(
    r"^(?i:(posted |written |reported )?by)\s+[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){0,3}"
    r"(\s*(,|and|&)\s*[A-Z][\w'.-]+(\s+[A-Z][\w'.-]+){0,3})*(\s*[,|—–-]\s*[^.!?]{0,40})?$",
)
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)|\ball rights reserved\b", _I)
SOURCE_LINE = re.compile(r"^source:\s*\S", _I)

_DATE_WORDS = (
    set(WEEKDAYS)
    | {d[:3] for d in WEEKDAYS}
    | {"tues", "thur", "thurs"}
    | set(MONTHS)
    | {m[:3] for m in MONTHS}
    | {"sept", "am", "pm", "a.m", "p.m", "at", "on", "of", "the", "th", "st", "nd", "rd",
       "et", "est", "edt", "gmt", "bst", "utc", "cet", "cest", "pt", "pst", "pdt", "ist"}
)
# page-stamp words that may sit anywhere in a dateline ("11 May 2011 Last updated at 12:41 GMT")
_STAMP_WORDS = frozenset(
    "posted updated published last modified first date time local uk us by".split()
)
DATELINE_PREFIX = re.compile(
    r"^(posted|updated|published|last updated|last modified|first published|date|modified)"
    r"( on| at)?\s*:?\s*",
    _I,
)


_PLACE_DATELINE = re.compile(r"^[A-Z][A-Za-z.]+(\s[A-Z][A-Za-z.]+)?,\s*(?=\S)")


def is_dateline(text: str) -> bool:
    """A line that is only a date or time stamp ("Posted: May 24, 2005", "16 August 2011").

    Page stamps may also carry "Last updated" in the middle, or open with the
    place the story was filed from ("Mumbai, Nov 11 -").
    """
    rest = DATELINE_PREFIX.sub("", text.strip())
    rest = _PLACE_DATELINE.sub("", rest).rstrip(" -–—")
    words = re.findall(r"[A-Za-z.]+|\d+", rest)
    if not words or not any(w.isdigit() for w in words) or len(words) > 12:
        return False
    if re.search(r"[^\w\s.,:;|()/\-–—+]", rest):
        return False
    dates = [w for w in words if not w.isdigit()]
    if not any(w.lower().rstrip(".") in _DATE_WORDS - {"at", "on", "of", "the"} for w in dates) and len(
        [w for w in words if w.isdigit()]
    ) < 3:
        return False
    return all(
        w.isdigit() or w.lower().rstrip(".") in _DATE_WORDS or w.lower() in _STAMP_WORDS for w in words
    )


_CAPTION_STARTS = ("photo", "image", "picture", "credit", "file photo")


def _maybe_tweet(t: str, lower: str) -> bool:
    # cheap substring tests first: the regexes are run only where they can match
    return ("twitter.com" in lower or "(@" in t) and bool(TWEET.search(t))


def _maybe_screenshot(lower: str, t: str) -> bool:
    return ("shot" in lower or lower.startswith(_CAPTION_STARTS)) and bool(SCREENSHOT.search(t))


def paragraph_rule(text: str) -> str:
    """Name of the chrome rule the whole paragraph matches, or ""."""
    t = text.strip()
    lower = t.lower()
    if EXACT_CHROME.match(t) or TEASER.match(t):
        return "teaser"
    if SHARE_BAR.match(t):
        return "share bar"
    if _maybe_tweet(t, lower):
        return "embedded tweet"
    if _maybe_screenshot(lower, t):
        return "screenshot caption"
    if (
        any(w in lower for w in ("comment", "discussion", "conversation"))
        and COMMENT_WORDS.search(t) and POLICY_WORDS.search(t) and ADDRESS.search(t)
    ):
        return "comment policy"
    if is_dateline(t):
        return "dateline"
    if len(t) < 80 and BYLINE.match(t):
        return "byline"
    if len(t) < 200 and COPYRIGHT.search(t):
        return "copyright"
    if len(t) < 80 and SOURCE_LINE.match(t):
        return "source line"
    return ""


def sentence_rule(text: str) -> str:
    """Chrome that can sit inside an otherwise real paragraph."""
    lower = text.lower()
    if _maybe_tweet(text, lower):
        return "embedded tweet"
    if _maybe_screenshot(lower, text.strip()):
        return "screenshot caption"
    if TEASER.match(text.strip()):
        return "teaser"
    return ""
