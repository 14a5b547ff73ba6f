"""Topics: assign the controlled vocabulary's topics to an item from its front matter and text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.config import Vocabulary
from minutebook.diagnostics import Diagnostics
from minutebook.load.records import ItemRecord
from minutebook.model.entities import AssignedTopic


@dataclass(frozen=True)
class TopicMatcher:
    """One compiled pattern per topic: any of its keywords as whole words, any case."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def build_topic_matcher(vocabulary: Vocabulary) -> TopicMatcher:
    patterns = []
    for topic in vocabulary.topics.values():
        if not topic.keywords:
            continue
        alternatives = "|".join(
            re.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]") for k in topic.keywords
        )
        patterns.append((topic.id, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)))
    return TopicMatcher(tuple(patterns))


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
    matched = [
        tid for tid, pattern in matcher.patterns if tid not in named and pattern.search(text)
    ]
    assigned = [AssignedTopic(t, False) for t in named] + [AssignedTopic(t, True) for t in matched]
    order = list(vocabulary.topics)
    return tuple(sorted(assigned, key=lambda a: order.index(a.id)))
