"""Automatic topics: keyword phrases found as whole words, in order, anywhere in the text."""

from __future__ import annotations

import pytest

from minutebook.config import TopicDefinition, Vocabulary
from minutebook.model.topics import TopicMatcher, build_topic_matcher, words_of


def _matcher(**keywords: tuple[str, ...]) -> TopicMatcher:
    topics = {
        tid: TopicDefinition(tid, tid.title(), "", "cat", words) for tid, words in keywords.items()
    }
    return build_topic_matcher(Vocabulary(categories=(), topics=topics))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The social care budget", ["care", "budget"]),
        # the phrase's first word occurs first without the rest, then with it
        ("Social workers met; later the social care team reported.", ["care"]),
        ("Care was social.", []),  # words present, wrong order
        ("Socially careful", []),  # parts of words do not count
        ("Children’s services", ["children"]),  # curly apostrophe
        ("The budget.", ["budget"]),
    ],
)
def test_phrases_match_whole_words_in_order(text: str, expected: list[str]) -> None:
    matcher = _matcher(
        care=("social care",),
        budget=("budget", "budget setting"),
        children=("children's services",),
    )
    assert matcher.matches(text) == [t for t in ("care", "budget", "children") if t in expected]


def test_words_are_lower_case_with_plain_apostrophes() -> None:
    assert words_of("Children’s SERVICES, 2024") == ("children's", "services", "2024")
