"""Resolution kinds: the shipped phrase rules, and errors for bad rule files."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.diagnostics import ConfigError
from minutebook.model.resolution_kinds import (
    DEFAULT_RULES_PATH,
    classify_resolution,
    classify_with_lead_in,
    load_kind_rules,
    parse_kind_rules,
)

RULES = load_kind_rules(DEFAULT_RULES_PATH)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("That the report be noted.", "noted"),
        ("(a) notes the update on recycling; and", "noted"),
        ("That the budget be approved.", "agreed"),
        ("The minutes of the last meeting were taken as read and signed as correct.", "agreed"),
        (
            "That Cabinet approves the scheme and recommends it to Council for adoption.",
            "recommended",
        ),
        ("To recommend to Full Council the revised fees.", "recommended"),
        ("That a further report be brought to the next meeting.", "report-requested"),
        ("requests a briefing note on the new app.", "report-requested"),
        ("That consideration of the item be deferred to the next meeting.", "deferred"),
        ("That the matter be referred to the Audit Committee.", "referred"),
        ("RESOLVED that the application be refused.", "refused"),
        ("That authority be delegated to the Director of Place.", "delegated"),
        ("That Councillor Example be elected Vice-Chair.", "agreed"),
        ("Cadarnhawyd cofnodion y cyfarfod blaenorol.", "agreed"),
        ("That the Panel meets quarterly.", "other"),
        (
            "That the Committee request that more detail be provided on recruitment.",
            "report-requested",
        ),
        ("Members asked that officers provide an update at the next meeting.", "report-requested"),
        ("That the report be received.", "noted"),
        ("That the Committee considered the progress made against the plan.", "noted"),
        ("That the application be granted subject to conditions.", "agreed"),
        (
            "That a report on the maintenance backlog be submitted to a future meeting.",
            "report-requested",
        ),
        (
            "That an update on progress be presented to the Committee in six months.",
            "report-requested",
        ),
    ],
)
def test_shipped_rules_classify_common_phrasings(text: str, kind: str) -> None:
    assert classify_resolution(text, RULES) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "reasons for refusal" is wording being delegated, not a refusal.
        ("the wording of reasons for refusal be delegated to the Head of Planning", "delegated"),
        # minutes note an earlier delegation; the decision is the approval.
        ("The minutes were signed as correct; the Council had delegated its powers.", "agreed"),
        # "to note that" inside an amendment is not the committee noting anything.
        ("Subject to the amendment of the minutes to note that Councillor X attended;", "other"),
        # asking for money is not asking for a report.
        ("Support the request for additional funding of £10k.", "agreed"),
    ],
)
def test_traps(text: str, kind: str) -> None:
    assert classify_resolution(text, RULES) == kind


def test_recommended_lead_in_makes_plain_items_recommendations() -> None:
    assert classify_with_lead_in("1) the estimates be approved;", "RECOMMENDED that", RULES) == (
        "recommended"
    )
    assert (
        classify_with_lead_in("1) the estimates be approved;", "RESOLVED that", RULES) == "agreed"
    )


def test_every_kind_has_a_label_and_description() -> None:
    ids = [kind.id for kind in RULES.kinds]
    assert set(ids) >= {"noted", "agreed", "recommended", "report-requested", "deferred"}
    assert {"referred", "refused", "delegated", "other", "none"} <= set(ids)
    assert RULES.by_id("none").label == "No resolution recorded"
    assert all(kind.description.endswith(".") for kind in RULES.kinds)


def test_first_matching_kind_wins() -> None:
    rules = parse_kind_rules(
        {
            "kinds": [
                {"id": "a", "label": "A", "description": "A.", "patterns": ["apple"]},
                {"id": "b", "label": "B", "description": "B.", "patterns": ["apple|pear"]},
                {"id": "other", "label": "O", "description": "O."},
                {"id": "none", "label": "N", "description": "N."},
            ]
        },
        "kinds.yaml",
    )
    assert [classify_resolution(t, rules) for t in ("APPLE", "pear", "plum")] == ["a", "b", "other"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "kinds.yaml: expected a top-level 'kinds:' list"),
        ({"kinds": ["x"]}, "kinds.yaml: kinds[0]: each kind must be a mapping"),
        ({"kinds": [{"id": "a", "label": "A"}]}, "kinds.yaml: kinds[0]: 'description' must be"),
        (
            {"kinds": [{"id": "a", "label": "A", "description": "A.", "patterns": ["(unclosed"]}]},
            "kinds.yaml: kinds[0].patterns[0]: invalid regular expression '(unclosed'",
        ),
        ({"kinds": [{"id": "a", "label": "A", "description": "A."}]}, "the kind 'other' must be"),
    ],
)
def test_bad_rules_raise_config_error_naming_the_file(data: object, message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_kind_rules(data, "kinds.yaml")
    assert message in str(error.value)


def test_invalid_yaml_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "kinds.yaml"
    path.write_text("kinds: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_kind_rules(path)
