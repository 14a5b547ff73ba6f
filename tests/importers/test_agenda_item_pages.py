"""mgAi agenda-item pages: sections, resolutions, chrome and escaping."""

from __future__ import annotations

from helpers import NBSP, convert, resolved_section

BRADFORD_STYLE = f"""
Local democracy

Agenda item

PARKS AND OPEN SPACES REVIEW

The Strategic Director will submit Document "Q" which reviews the parks service.

{NBSP}

Recommended -

{NBSP}

That the review be noted.

{NBSP}

(Sam Example – 01234 567890)

Minutes:

The Strategic Director submitted Document "Q".

{NBSP}

·{NBSP * 8} Members asked about litter bins.

·{NBSP * 8} Play areas were being refurbished.

Resolved –

{NBSP}

(1){NBSP * 5} That the review be noted.

{NBSP}

(2){NBSP * 5} That a further report be presented in six months.

ACTION: Strategic Director, Place

Supporting documents:
"""


def test_agenda_item_sections_are_divided_by_their_labels() -> None:
    [content] = convert(BRADFORD_STYLE)
    text = content.text
    assert "title: PARKS AND OPEN SPACES REVIEW" in text
    assert "## Purpose\n\nThe Strategic Director will submit" in text
    assert "## Recommended\n\nThat the review be noted." in text
    assert "## Contact officer\n\nSam Example – 01234 567890" in text
    assert "- Members asked about litter bins.\n- Play areas were being refurbished." in text
    assert "## Actions\n\n- Strategic Director, Place" in text


def test_each_numbered_resolution_is_a_list_item_keeping_its_label() -> None:
    [content] = convert(BRADFORD_STYLE)
    assert resolved_section(content) == (
        "- (1) That the review be noted.\n- (2) That a further report be presented in six months."
    )


def test_page_chrome_is_dropped() -> None:
    [content] = convert(BRADFORD_STYLE)
    for chrome in ("Local democracy", "Agenda item", "Supporting documents", NBSP):
        assert chrome not in content.text


def test_bulleted_resolutions_after_a_lead_in_are_separate() -> None:
    [content] = convert(
        """
        Agenda item

        Library opening hours

        Minutes:

        The committee discussed the hours.

        RESOLVED: That the committee:

        •   asks for a briefing note on weekend opening.
        •   agrees that the trial continues.
        """
    )
    assert resolved_section(content) == (
        "RESOLVED: That the committee:\n\n"
        "- asks for a briefing note on weekend opening.\n- agrees that the trial continues."
    )


def test_hard_wrapped_resolution_is_joined_and_reason_is_not_a_resolution() -> None:
    [content] = convert(
        """
        Agenda item

        Bus shelters

        Minutes:

        RESOLVED: (i) That the shelter programme be approved.
        REASON: To improve waiting areas.
        (ii) That the officer be authorised to order
        new shelters as funds allow.
        """
    )
    assert resolved_section(content) == (
        "RESOLVED:\n\n- (i) That the shelter programme be approved.\n"
        "- (ii) That the officer be authorised to order\n  new shelters as funds allow."
    )
    assert "## Reasons\n\nTo improve waiting areas." in content.text


def test_label_less_page_finds_a_narrative_decision_and_is_marked_incomplete() -> None:
    [content] = convert(
        """
        Agenda item

        Minutes of the previous meeting

        A Member asked about the spelling of a street name.

        Accordingly, the minutes of the meeting held on 3 May were agreed as a correct record.
        """
    )
    assert "incomplete: true" in content.text
    assert resolved_section(content).startswith("- Accordingly, the minutes")
    assert "## Minutes\n\nA Member asked" in content.text


def test_agenda_recommendation_is_not_taken_as_a_resolution() -> None:
    [content] = convert(
        """
        Agenda item

        Planning applications

        To RESOLVE that conditions be delegated to the Head of Planning.

        Minutes:

        The Committee considered the applications.
        """
    )
    assert resolved_section(content) == ""


def test_text_that_looks_like_markdown_is_escaped() -> None:
    [content] = convert(
        """
        Agenda item

        Fees <2024> *draft*

        Minutes:

        1. This numbered line is minute text, not a list.
        # not a heading
        -5% rise in [band] fees_total
        """
    )
    assert "1\\. This numbered line" in content.text
    assert "\\# not a heading" in content.text
    assert "\\-5% rise in \\[band\\] fees\\_total" in content.text
    assert "title: Fees <2024> *draft*" in content.text


def test_paragraph_numbers_are_kept_as_text() -> None:
    [content] = convert(
        """
        Agenda item

        Work programme

        Minutes:

        5.1

        The Chair introduced the work programme.

        5.2

        RESOLVED: That the Committee:-

        (a) notes the programme; and

        (b) asks for a further report in March.
        """
    )
    assert "## Minutes\n\n5.1\n\nThe Chair introduced" in content.text
    assert resolved_section(content).startswith("5.2\n\nRESOLVED: That the Committee:-\n\n- (a)")
