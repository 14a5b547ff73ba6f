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
    return tuple(_WORD.findall(text.lower().replace("’", "'")))


@dataclass(frozen=True)
class TopicMatcher:
    """Each topic's keywords as word sequences, found in one pass over an item's words.

    Phrases are indexed by their first word: only the phrases whose first word occurs in the
    text at all are looked for, as " word word " in the text's words joined by single spaces
    (a substring search in C: this runs over every word of every item).
    """

    phrases_by_first_word: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    topic_order: tuple[str, ...]

    def matches(self, text: str) -> list[str]:
        words = words_of(text)
        joined = f" {' '.join(words)} "
        found: set[str] = set()
        for word in self.phrases_by_first_word.keys() & set(words):
            for phrase, topic_id in self.phrases_by_first_word[word]:
                # A one-word phrase is its first word, which is in the text.
                if topic_id not in found and (len(phrase) == 1 or _spaced(phrase) in joined):
                    found.add(topic_id)
        return [topic_id for topic_id in self.topic_order if topic_id in found]


def _spaced(phrase: tuple[str, ...]) -> str:
    return f" {' '.join(phrase)} "


def build_topic_matcher(vocabulary: Vocabulary) -> TopicMatcher:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for topic in vocabulary.topics.values():
        for phrase in {words_of(k) for k in topic.keywords} - {()}:
            index.setdefault(phrase[0], []).append((phrase, topic.id))
    return TopicMatcher(
        {word: tuple(sorted(entries)) for word, entries in index.items()},
        tuple(vocabulary.topics),
    )


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
