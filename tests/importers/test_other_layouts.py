"""Issue, decision, decision-list and whole-meeting pages."""

from __future__ import annotations

from helpers import convert, resolved_section

from minutebook.importers.text import normalise_lines


def test_issue_page_gives_one_item_per_meeting_with_its_date_and_committee() -> None:
    first, second = convert(
        """
        Issue - meetings

        Allotment Rents

        Meeting: 12/03/2020 - Cabinet (Item 41)

        41 Allotment Rents pdf icon PDF 120 KB

        Minutes:

        Resolved:

        That the rents be frozen.

        Meeting: 05/02/2019 - Environment Panel (Item 7)

        7 Allotment Rents

        Minutes:

        Resolved

        To note the report.
        """
    )
    assert (first.relative_path.parts[1:3], second.relative_path.parts[1:3]) == (
        ("cabinet", "2020-03-12"),
        ("environment-panel", "2019-02-05"),
    )
    assert "item: '41'" in first.text and "item: '7'" in second.text
    assert resolved_section(first) == "- That the rents be frozen."
    assert resolved_section(second) == "- To note the report."
    assert "PDF 120 KB" not in first.text


def test_decision_page_takes_committee_and_date_from_its_metadata() -> None:
    [content] = convert(
        """
        Decision details

        Street Lighting Upgrade

        Decision Maker: Cabinet

        Decisions:

        The Director introduced the report.

        RECOMMENDED that
        1) the upgrade be approved;
        2) the budget be set at
        £40,000.
        Date of decision: 14/09/2016
        Decided at meeting: 14/09/2016 - Cabinet
        """
    )
    assert content.relative_path.parts[1:3] == ("cabinet", "2016-09-14")
    assert resolved_section(content) == (
        "RECOMMENDED that\n\n- 1\\) the upgrade be approved;\n- 2\\) the budget be set at\n  £40,000."
    )
    assert "## Minutes\n\nThe Director introduced the report." in content.text


def test_two_stage_decision_keeps_only_the_decision_as_resolutions() -> None:
    [content] = convert(
        """
        Issue - decisions

        Day Centre Review

        04/04/2012 - Review of day centres

        Advice of the Advisory Panel

        That the Executive Member be advised to:

        (i)   Approve the review

        Decision of the Executive Member

        RESOLVED:   That the advice of the Advisory Panel be accepted.

        REASON:   To improve the service.
        """
    )
    assert (
        resolved_section(content)
        == "- RESOLVED: That the advice of the Advisory Panel be accepted."
    )
    assert "(i) Approve the review" in content.text
    assert "date: '2012-04-04'" in content.text


def test_decision_list_gives_one_item_per_decision() -> None:
    items = convert(
        """
        Decisions published

        10/06/2021 - PARKING CHARGES ref: 101    Recommendations Approved

        Decision Maker: Transport Committee

        Made at meeting: 10/06/2021 - Transport Committee

        Decision:

        Resolved-

        That the charges be noted.

           (Pat Example – 01234 111222)

        10/06/2021 - ROAD SAFETY PLAN ref: 102    Recommendations Approved

        Decision Maker: Transport Committee

        Decision:

        Resolved –

        That the plan be adopted.
        """
    )
    assert [item.relative_path.name for item in items] == [
        "parking-charges.md",
        "road-safety-plan.md",
    ]
    assert [resolved_section(item) for item in items] == [
        "- That the charges be noted.",
        "- That the plan be adopted.",
    ]
    assert "Pat Example – 01234 111222" in items[0].text


WHOLE_MEETING = """
Agenda and minutes

Moved from 3rd May 2019, Licensing Committee - Thursday, 9th May, 2019 10.00 am

Venue: Room 2, Town Hall. View directions

Items
No. Item

12.

Apologies

Minutes:

There were no apologies.

13.

Minutes pdf icon PDF 90 KB

Additional documents:

Minutes:

RESOLVED – That the minutes of 4 April be agreed as a correct record.

 ...  view the full minutes text for item 13.

13a

Late item
"""


def test_whole_meeting_page_is_split_with_committee_date_and_item_filled() -> None:
    items = convert(WHOLE_MEETING)
    assert [str(item.relative_path) for item in items] == [
        "exampleshire-council/licensing-committee/2019-05-09/12-apologies.md",
        "exampleshire-council/licensing-committee/2019-05-09/13-minutes.md",
        "exampleshire-council/licensing-committee/2019-05-09/13a-late-item.md",
    ]
    assert resolved_section(items[1]).startswith("- RESOLVED – That the minutes of 4 April")
    assert "view the full minutes text" not in items[1].text
    assert "Venue: Room 2, Town Hall" in items[0].text


def test_welsh_whole_meeting_page() -> None:
    items = convert(
        """
        Rhaglen a chofnodion

        Pwyllgor Gwaith - Dydd Llun, 3ydd Mawrth, 2015 10.00 o'r gloch

        Eitemau
        Rhif. Eitem

        1.

        Cofnodion pdf eicon PDF 100 KB

        Dogfennau ychwanegol:

        Cofnodion:

        Cadarnhawyd cofnodion y cyfarfod blaenorol.
        """
    )
    [item] = items
    assert item.relative_path.parts[1:4] == ("pwyllgor-gwaith", "2015-03-03", "1-cofnodion.md")
    assert resolved_section(item) == "- Cadarnhawyd cofnodion y cyfarfod blaenorol."
    assert "eicon" not in item.text and "Dogfennau" not in item.text


def test_flattened_table_rows_become_items() -> None:
    items = convert(
        """
        Venue: Main Hall
        No. | Item |
        ELECTION OF CHAIR To elect a Chair. Decision: It was RESOLVED that Councillor Example be
        elected Chair. |
        MINUTES Decision: Noted. |
        """
    )
    assert [item.relative_path.name for item in items] == ["election-of-chair.md", "minutes.md"]
    assert resolved_section(items[0]) == (
        "- It was RESOLVED that Councillor Example be\n  elected Chair."
    )
    assert resolved_section(items[1]) == "- Noted."


def test_pages_without_a_date_never_get_one() -> None:
    [content] = convert("Agenda item\n\nTree Preservation\n\nMinutes:\n\nNoted on 4 June 2019.\n")
    assert "date:" not in content.text
    assert content.relative_path.parts[2] == "undated"


def test_nil_decision_is_not_a_resolution() -> None:
    [content] = convert("5/22\n\nApologies\n\n    Decision:\n\n    There were none.\n")
    assert resolved_section(content) == ""
    assert "There were none." in content.text


def test_normalising_blanks_whitespace_lines_and_chrome() -> None:
    lines = normalise_lines("Skip to content\n \u00a0 \nText\u00a0\u00a0here |\n• Share this item")
    assert lines == ["", "", "Text here", ""]


def test_issue_decisions_page_with_two_dated_decisions_gives_two_items() -> None:
    first, second = convert(
        """
        Issue - decisions

        Waste Strategy

        02/02/2022 - Waste Strategy consultation

        That consultation on the strategy be approved.

        09/09/2022 - Waste Strategy adoption

        That the strategy be adopted.
        """
    )
    assert [first.relative_path.parts[2], second.relative_path.parts[2]] == [
        "2022-02-02",
        "2022-09-09",
    ]
    assert resolved_section(second) == "- That the strategy be adopted."


def test_site_text_above_the_page_heading_is_set_aside() -> None:
    [content] = convert(
        """
        Home > Meetings > Item

        Agenda item

        Pavement Licences

        Minutes:

        Resolved: That the policy be adopted.
        """
    )
    assert "title: Pavement Licences" in content.text
    assert "Home > Meetings > Item" in content.text.split("---")[1]


def test_welsh_issue_meeting_line_and_decision_purpose() -> None:
    [content] = convert(
        """
        Issue - meetings

        Cyllideb

        Cyfarfod: 01/03/2023 - Cabinet (Eitem 6)

        Penderfyniad:

        Penderfynwyd cymeradwyo'r gyllideb.
        """
    )
    assert content.relative_path.parts[1:3] == ("cabinet", "2023-03-01")
    assert resolved_section(content) == "- Penderfynwyd cymeradwyo'r gyllideb."
