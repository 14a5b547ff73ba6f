"""Where a resolution starts and ends: narrative sentences, rows after a colon, nested labels,
motions, label words in ordinary sentences and the "incomplete" flag. Fixtures are invented."""

from __future__ import annotations

from helpers import convert, resolved_section

from minutebook.importers.sentences import split_sentences


def test_sentences_are_not_split_at_abbreviations_numbers_or_initials() -> None:
    text = (
        "Cllr. Amber Vale asked about Item No. 5 and S.106 funds, e.g. £1.5m for 1.1 above. "
        "The minutes of 3rdJune were signed by J. Smith. It was noted that parks (e.g. Lowfield) "
        "were open."
    )
    assert split_sentences(text) == [
        "Cllr. Amber Vale asked about Item No. 5 and S.106 funds, e.g. £1.5m for 1.1 above.",
        "The minutes of 3rdJune were signed by J. Smith.",
        "It was noted that parks (e.g. Lowfield) were open.",
    ]


def test_a_narrative_decision_is_its_sentence_and_the_report_after_it_stays_in_minutes() -> None:
    [content] = convert(
        """
        Agenda item

        Previous Minutes

        Minutes:

        The panel reviewed last month's notes. The notes of the meeting of 4thApril were taken as read and signed as correct. It was reported that the notes had been sent to the Board.
        """
    )
    assert resolved_section(content) == (
        "- The notes of the meeting of 4thApril were taken as read and signed as correct."
    )
    minutes = content.text.split("## Minutes\n\n", 1)[1].split("\n## ", 1)[0]
    assert "The panel reviewed last month's notes." in minutes
    assert "It was reported that the notes had been sent to the Board." in minutes


def test_a_prose_resolution_keeps_a_following_decision_sentence_but_not_details() -> None:
    [content] = convert(
        """
        Agenda item

        Street Trading

        Minutes:

        The Panel resolved that the consent be granted. The fee shall be waived and the consent be reviewed in a year. Details of the hearing are in the appendix.
        """
    )
    assert resolved_section(content) == (
        "- The Panel resolved that the consent be granted. The fee shall be waived and the "
        "consent be reviewed in a year."
    )
    assert "Details of the hearing are in the appendix." in content.text


def test_a_labelled_resolution_keeps_everything_after_its_label() -> None:
    [content] = convert(
        """
        Agenda item

        Grit Bins

        Minutes:

        Members discussed the winter. RESOLVED that the report be noted. Members asked for a map of the bins.
        """
    )
    assert resolved_section(content) == (
        "- RESOLVED that the report be noted. Members asked for a map of the bins."
    )


def test_rows_a_colon_introduces_go_to_the_minutes_not_into_the_resolution() -> None:
    [content] = convert(
        """
        Agenda item

        Private Business

        Minutes:

        RESOLVED that the public be excluded for the following reports:

        Minute No.  Report title

          71  Sale of the Old Depot

          72  Leisure Contract Review
        """
    )
    assert resolved_section(content) == (
        "- RESOLVED that the public be excluded for the following reports:"
    )
    minutes = content.text.split("## Minutes\n\n", 1)[1].split("\n## ", 1)[0]
    assert "71 Sale of the Old Depot" in minutes and "72 Leisure Contract Review" in minutes


def test_rows_that_finish_the_resolutions_sentence_stay_in_it() -> None:
    [content] = convert(
        """
        Agenda item

        Fees

        Minutes:

        RESOLVED that

        1) the fees be set as follows:

        2024/25 £10,000

        2025/26 £12,000;

        2) the charges be published.
        """
    )
    assert resolved_section(content) == (
        "RESOLVED that\n\n- 1\\) the fees be set as follows:\n  2024/25 £10,000\n"
        "  2025/26 £12,000;\n- 2\\) the charges be published."
    )


def test_lettered_parts_nest_under_their_numbered_resolution() -> None:
    [content] = convert(
        """
        Agenda item

        Play Areas

        Decision:

        (1) That the play strategy be approved, subject to:

        (a) a review of the swings; and

        (b) a report on costs.

        (2) That the Director be thanked.
        """
    )
    assert resolved_section(content) == (
        "- (1) That the play strategy be approved, subject to:\n"
        "  - (a) a review of the swings; and\n"
        "  - (b) a report on costs.\n"
        "- (2) That the Director be thanked."
    )


def test_letters_after_a_lead_in_stay_top_level_and_numerals_start_a_list() -> None:
    [lettered] = convert(
        """
        Agenda item

        Libraries

        Decision:

        That the Committee:

        (a) notes the report;

        (b) approves the opening hours.
        """
    )
    assert resolved_section(lettered) == (
        "That the Committee:\n\n- (a) notes the report;\n- (b) approves the opening hours."
    )
    [numerals] = convert(
        """
        Agenda item

        Libraries

        Decision:

        (i) That the report be noted.

        (ii) That the hours be approved.
        """
    )
    assert resolved_section(numerals).count("\n- ") == 1


def test_a_motion_put_to_the_meeting_is_not_a_resolution() -> None:
    [content] = convert(
        """
        Agenda item

        Notice of Motion - Bus Routes

        Councillor Example will move:

        That this Council asks the operator to restore the route.
        """
    )
    assert resolved_section(content) == ""


def test_ordinary_sentences_starting_agreed_or_recommended_do_not_start_a_decision() -> None:
    [content] = convert(
        """
        Agenda item

        Work Programme

        Minutes:

        Agreed actions from the last meeting were reviewed.

        Recommended changes to the programme were discussed.
        """
    )
    assert resolved_section(content) == ""


def test_a_missing_full_stop_on_a_table_row_does_not_mark_the_item_incomplete() -> None:
    first, second = convert(
        """
        Agenda and minutes

        Board - Monday, 3rd June, 2024 6.00 pm

        1.

        Apologies

        Minutes:

        Apologies were received from Councillor Rowan Example

        2.

        Reports Taken in Private

        Minutes:

        RESOLVED that the reports listed below be taken in private:

          14  Depot Lease Renewal
        """
    )
    assert "incomplete" not in first.text
    assert "incomplete" not in second.text


def test_a_page_ending_mid_sentence_or_at_an_empty_label_is_incomplete() -> None:
    [cut] = convert(
        """
        Agenda item

        Parking Review

        Minutes:

        The Committee considered the report of the Director and asked about the
        """
    )
    [empty] = convert(
        """
        Agenda item

        Parking Review

        To consider the report.

        Minutes:
        """
    )
    assert "incomplete: true" in cut.text
    assert "incomplete: true" in empty.text
