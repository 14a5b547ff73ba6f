"""Unit tests of the public features' rules: threads, departures, actions, glossary marking."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.load.records import ItemRecord
from minutebook.model.actions import asks_for_something, find_due, find_owner
from minutebook.model.departures import AMENDED, WENT_FURTHER, compare
from minutebook.model.entities import AgendaItem
from minutebook.model.glossary import terms_used
from minutebook.model.threads import find_threads, is_procedural, same_matter, title_key
from minutebook.render.abbreviations import Abbreviator


def agenda_item(
    title: str, council: str = "bradford", matter: str | None = None, date: str | None = None
) -> AgendaItem:
    record = ItemRecord(
        source_path=f"{title}.md",
        council=council,
        committee="Cabinet",
        title=title,
        date=dt.date.fromisoformat(date) if date else None,
        item=None,
        topics=(),
        source=None,
        documents=(),
        incomplete=False,
        matter=matter,
    )
    url = f"/{council}/cabinet/{date or 'undated'}/{title.lower().replace(' ', '-')}/"
    return AgendaItem(record, url, council, "cabinet", "/m/", (), (), ("none",))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Children's Services Improvement Programme",
            "Children's Services Improvement Programme Update",
        ),
        ("Budget Monitoring Report 2020/21", "Budget monitoring report 2021/22"),
        ("Annual Report of the Fostering Service", "Annual Report of the Fostering Service 2021"),
        ("Land at Moor Lane, 21/01234/FUL", "Appeal decision: 21/01234/FUL"),
        ("Highways contract (ref: 4323)", "Highways contract award, ref 4323"),
    ],
)
def test_items_on_the_same_matter_are_threaded(a: str, b: str) -> None:
    assert same_matter(agenda_item(a), agenda_item(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Minutes", "Minutes"),
        ("Apologies for absence", "Apologies for Absence"),
        ("Declarations of interest", "Declarations of Interest"),
        ("Urgent business", "Urgent Business"),
        ("Work Programme", "Work programme 2021/22"),
        ("Budget", "Budget"),  # one word is too general to tie meetings together
        ("Document “AH”: Vital Signs", "Document “AH”: Fostering"),  # document letters are weak
        ("Children's Services Improvement Programme", "Adult Services Improvement Programme"),
    ],
)
def test_unrelated_or_procedural_items_are_not_threaded(a: str, b: str) -> None:
    assert not same_matter(agenda_item(a), agenda_item(b))


def test_same_title_at_different_councils_is_not_one_thread() -> None:
    a = agenda_item("Budget Monitoring Report", council="bradford")
    b = agenda_item("Budget Monitoring Report", council="powys")
    assert not same_matter(a, b)


def test_an_explicit_matter_ties_items_whatever_their_titles() -> None:
    a = agenda_item("Vital Signs", matter="csc")
    b = agenda_item("Audit of practice", matter="csc")
    assert same_matter(a, b)
    assert not same_matter(a, agenda_item("Vital Signs", matter="other"))


def test_threads_order_dated_items_oldest_first_then_undated_and_drop_singletons() -> None:
    items = [
        agenda_item("Fostering Service Update", date="2021-05-01"),
        agenda_item("Fostering Service", date="2020-01-01"),
        agenda_item("Fostering Service Annual Report"),
        agenda_item("Minutes", date="2021-05-01"),
        agenda_item("Minutes", date="2020-01-01"),
    ]
    threads = find_threads(items, ())
    assert len(threads) == 1
    assert [i.date for i in threads[0].items] == [dt.date(2020, 1, 1), dt.date(2021, 5, 1), None]
    assert threads[0].url == "/threads/bradford/fostering-service/"


def test_title_key_and_procedural_items() -> None:
    assert title_key("Children’s Services Improvement Programme – Update") == (
        "childrens services improvement programme"
    )
    assert is_procedural("3. Minutes of the previous meeting")
    assert title_key("Minutes") == ""


@pytest.mark.parametrize(
    ("recommended", "resolutions"),
    [
        ("That the report be noted.", [("That the report be noted.", "noted")]),
        (
            "That the contents of the report and the progress being made be noted.",
            [("That the report and the progress made be noted.", "noted")],
        ),
        (
            "That next steps are endorsed to continue to support practice improvement.",
            [
                (
                    "That the next steps be endorsed to continue to support practice improvement.",
                    "agreed",
                )
            ],
        ),
        (
            "- (1) That the budget be approved.\n- (2) That the fees be approved.",
            [("(1) The budget is approved.", "agreed"), ("(2) The fees are approved.", "agreed")],
        ),
    ],
)
def test_resolutions_that_follow_the_recommendation_are_not_departures(
    recommended: str, resolutions: list[tuple[str, str]]
) -> None:
    assert compare(recommended, resolutions) is None


def test_deferred_refused_amended_and_extra_resolutions_are_departures() -> None:
    noted = "That the report be noted."
    deferred = compare(noted, [("That the item be deferred to the next meeting.", "deferred")])
    assert deferred is not None and deferred.reasons == ("Deferred",)
    refused = compare("That the application be approved.", [("That it be refused.", "refused")])
    assert refused is not None and refused.reasons == ("Refused or rejected",)
    amended = compare(
        "That the policy be approved.",
        [("That the policy be approved subject to the following amendment: …", "agreed")],
    )
    assert amended is not None and AMENDED in amended.reasons
    further = compare(
        "That the contents of the report and the progress being made be noted.",
        [
            ("(1) That the report be noted.", "noted"),
            (
                "(2) That a further report be presented to the Committee in December.",
                "report-requested",
            ),
        ],
    )
    assert further is not None and further.reasons == (WENT_FURTHER,)


def test_action_owner_and_due_date_are_taken_as_written() -> None:
    text = (
        "That the Strategic Director of Children's Services and the Chair report back in December."
    )
    assert find_owner(text) == "Strategic Director of Children's Services"
    assert find_due(text) == "in December"
    assert find_due("That an update be given in 12 months' time.") == "in 12 months' time"
    assert (
        find_due("That a further report be presented to a future meeting.") == "to a future meeting"
    )
    assert find_owner("That a further report be presented to the Committee.") is None
    assert find_due("That the report be noted.") is None


def test_only_resolutions_that_ask_for_something_are_actions() -> None:
    assert asks_for_something("That a briefing note be circulated to Members.", "other")
    assert asks_for_something("That the Committee request a further report.", "report-requested")
    assert not asks_for_something("That the report be noted.", "noted")
    assert not asks_for_something("That the update be noted.", "noted")


def test_glossary_terms_are_whole_words_and_case_sensitive() -> None:
    terms = {
        "SEND": "Special Educational Needs and Disabilities",
        "CCG": "Clinical Commissioning Group",
    }
    assert terms_used("We send the SEND report to the CCGs.", terms) == ["SEND", "CCG"]
    assert terms_used("SENDING nothing", terms) == []


def test_abbreviations_mark_the_first_use_only_and_never_inside_links_or_tags() -> None:
    marker = Abbreviator({"MASH": "Multi-Agency Safeguarding Hub"})
    first = marker.mark('<p><a href="/MASH/">MASH</a> then MASH and MASH.</p>')
    assert first == (
        '<p><a href="/MASH/">MASH</a> then '
        '<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr> and MASH.</p>'
    )
    assert marker.mark("<p>MASH again</p>") == "<p>MASH again</p>"
    assert marker.used == ["MASH"]


def test_abbreviation_titles_are_escaped() -> None:
    marker = Abbreviator({"XY": 'Say "hi" <now>'})
    assert (
        marker.mark("<p>XY</p>") == '<p><abbr title="Say &quot;hi&quot; &lt;now&gt;">XY</abbr></p>'
    )
