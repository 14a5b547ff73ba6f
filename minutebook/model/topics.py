"""Topics: assign the controlled vocabulary's topics to an item from its front matter and text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.config import Vocabulary
from minutebook.diagnostics import Diagnostics
from minutebook.load.records import ItemRecord
from minutebook.model.entities import AssignedTopic

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def words_of(text: str) -> tuple[str, ...]:
    """Lower-case words with plain apostrophes: "Children’s Services" → children's, services."""
    return tuple(w.replace("’", "'") for w in _WORD.findall(text.lower()))


@dataclass(frozen=True)
class TopicMatcher:
    """Each topic's keywords as word sequences, matched against an item's word n-grams.

    One pass over the text builds the set of its n-grams; each keyword is then a set lookup,
    so the cost does not grow with the number of keywords times the length of the text.
    """

    keywords: tuple[tuple[str, frozenset[tuple[str, ...]]], ...]
    longest: int

    def matches(self, text: str) -> list[str]:
        words = words_of(text)
        grams = {
            words[start : start + size]
            for size in range(1, self.longest + 1)
            for start in range(len(words) - size + 1)
        }
        return [topic_id for topic_id, phrases in self.keywords if not phrases.isdisjoint(grams)]


def build_topic_matcher(vocabulary: Vocabulary) -> TopicMatcher:
    keywords = tuple(
        (topic.id, frozenset(words_of(k) for k in topic.keywords if words_of(k)))
        for topic in vocabulary.topics.values()
        if topic.keywords
    )
    longest = max((len(p) for _, phrases in keywords for p in phrases), default=1)
    return TopicMatcher(keywords, longest)


def assign_topics(
    record: ItemRecord,
    vocabulary: Vocabulary,
    matcher: TopicMatcher,
    diagnostics: Diagnostics,
) -> tuple[AssignedTopic, ...]:
    named = []
    for topic_id in record.topics:
        if topic_id in vocabulary.topics:
            named.append(topic_id)
        else:
            diagnostics.warning(
                "model.unknown-topic",
                f"topic '{topic_id}' is not in config/topics.yaml; ignored",
                record.source_path,
            )
    text = "\n".join([record.title, *(s.markdown for s in record.sections)])
    matched = [tid for tid in matcher.matches(text) if tid not in named]
    assigned = [AssignedTopic(t, False) for t in named] + [AssignedTopic(t, True) for t in matched]
    order = list(vocabulary.topics)
    return tuple(sorted(assigned, key=lambda a: order.index(a.id)))
