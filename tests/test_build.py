"""End-to-end builds of small inline projects, asserting on the pages they produce."""

from __future__ import annotations

import json

import pytest

from minutebook.render.pages import page_window
from tests.conftest import Project, item_file

DISCUSSION = """\
## Purpose

To consider the budget.

## Recommended

That the report be noted.

## Minutes

The Director introduced the report.

- Agency social workers were discussed.
- Reserves were low.

## Resolved

That the Committee:

- (1) notes the report; and
- (2) requests a further report in December.

## Actions

- Director of Finance
"""


def test_item_page_has_breadcrumbs_sections_and_each_resolution_with_its_kind(
    project: Project,
) -> None:
    project.write("a.md", item_file(body=DISCUSSION))
    assert project.build().exit_code == 0
    html = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    crumbs = html[
        html.index('aria-label="Breadcrumb"') : html.index("</nav>", html.index("Breadcrumb"))
    ]
    for text in (
        "Home",
        "Testshire",
        "Cabinet",
        "Meeting of 4 March 2021",
        "Budget Monitoring Report",
    ):
        assert text in crumbs
    assert '<h2 id="purpose">Purpose</h2>' in html
    assert '<h2 id="minutes">Discussion</h2>' in html
    assert "<li>Agency social workers were discussed.</li>" in html
    assert html.count('class="resolution"') == 2
    assert 'href="/resolutions/noted/"' in html
    assert "That the Committee:" in html
    assert '<h2 id="actions">Actions</h2>' in html


def test_undated_item_says_the_date_is_not_recorded_and_is_grouped_as_undated(
    project: Project,
) -> None:
    project.write("a.md", item_file(date=None, item=None))
    assert project.build().exit_code == 0
    html = project.page("/testshire/cabinet/undated/budget-monitoring-report/")
    assert "Not recorded" in html and "the source does not give it" in html
    meeting = project.page("/testshire/cabinet/undated/")
    assert "Not recorded. These items' source pages do not give the date" in meeting


def test_item_without_resolutions_has_kind_no_resolution_recorded(project: Project) -> None:
    project.write("a.md", item_file(body="## Minutes\n\nApologies were received.\n"))
    project.build()
    assert "No resolution is recorded for this item." in project.page(
        "/testshire/cabinet/2021-03-04/5-budget-monitoring-report/"
    )
    assert "Budget Monitoring Report" in project.page("/resolutions/none/")


def test_unknown_committee_is_shown_as_not_recorded(project: Project) -> None:
    project.write("a.md", item_file(committee="null"))
    project.build()
    html = project.page("/testshire/committee-not-recorded/2021-03-04/5-budget-monitoring-report/")
    assert "Committee not recorded" in html


def test_meeting_lists_items_in_agenda_order(project: Project) -> None:
    for number in ("10", "2", "1a", "1"):
        project.write(f"{number}.md", item_file(item=number, title=f"Item {number}"))
    project.build()
    meeting = project.page("/testshire/cabinet/2021-03-04/")
    positions = [meeting.index(f" Item {n}</a>") for n in ("1", "1a", "2", "10")]
    assert positions == sorted(positions)


def test_previous_and_next_items_link_within_the_meeting(project: Project) -> None:
    for number in ("1", "2", "3"):
        project.write(f"{number}.md", item_file(item=number, title=f"Item {number}"))
    project.build()
    middle = project.page("/testshire/cabinet/2021-03-04/2-item-2/")
    assert 'href="/testshire/cabinet/2021-03-04/1-item-1/" rel="prev"' in middle
    assert 'href="/testshire/cabinet/2021-03-04/3-item-3/" rel="next"' in middle


def test_topics_from_front_matter_and_text_are_linked_and_automatic_ones_marked(
    project: Project,
) -> None:
    project.write("a.md", item_file(body=DISCUSSION, extra_front_matter="topics: [budget]"))
    project.build()
    html = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    assert (
        'href="/topics/budget/" data-pagefind-filter="topic">Budget and council tax</a></li>'
        in html
    )
    assert (
        'href="/topics/social-work-workforce/" data-pagefind-filter="topic">Social work workforce</a><span class="tag-note">*</span>'
        in html
    )
    assert "Budget Monitoring Report" in project.page("/topics/social-work-workforce/")


def test_related_items_link_the_same_topic_at_other_councils(project: Project) -> None:
    project.write("a.md", item_file(body=DISCUSSION))
    project.write(
        "b.md",
        item_file(
            council="Otherton Borough Council",
            title="Workforce Report",
            body="## Minutes\n\nAgency social workers again.\n",
        ),
    )
    project.build()
    html = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    related = html[html.index('class="related"') :]
    assert 'href="/otherton/cabinet/2021-03-04/5-workforce-report/"' in related


def test_items_json_lists_every_item_with_resolutions_and_kinds(project: Project) -> None:
    project.write("a.md", item_file(body=DISCUSSION))
    project.write("b.md", item_file(title="Second", item="6", date=None))
    project.build()
    items = json.loads((project.site / "items.json").read_text(encoding="utf-8"))
    assert [i["title"] for i in items] == ["Budget Monitoring Report", "Second"]
    first = items[0]
    assert first["council"] == "Testshire County Council"
    assert first["date"] == "2021-03-04" and items[1]["date"] is None
    assert first["resolutions"] == [
        {"text": "(1) notes the report; and", "kind": "noted"},
        {"text": "(2) requests a further report in December.", "kind": "report-requested"},
    ]
    assert first["url"].endswith("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")


def test_long_listings_are_paginated(project: Project) -> None:
    for number in range(1, 56):
        project.write(f"{number}.md", item_file(item=str(number), title=f"Item {number}"))
    project.build()
    first = project.page("/resolutions/noted/")
    second = project.page("/resolutions/noted/page/2/")
    assert 'rel="next" href="/resolutions/noted/page/2/"' in first
    assert first.count('class="item-list__item"') == 50
    assert second.count('class="item-list__item"') == 5


@pytest.mark.parametrize(
    ("current", "total", "numbers"),
    [
        (1, 2, [1, 2]),
        (1, 9, [1, 2, 3, 0, 9]),
        (5, 9, [1, 0, 3, 4, 5, 6, 7, 0, 9]),
        (4, 9, [1, 2, 3, 4, 5, 6, 0, 9]),
        (9, 9, [1, 0, 7, 8, 9]),
        (200, 400, [1, 0, 198, 199, 200, 201, 202, 0, 400]),
    ],
)
def test_pagination_links_the_ends_and_the_pages_near_the_current_one(
    current: int, total: int, numbers: list[int]
) -> None:
    assert page_window(current, total) == numbers


def test_same_content_gives_byte_identical_output(project: Project, tmp_path_factory) -> None:
    project.write("a.md", item_file(body=DISCUSSION))
    project.write("b.md", item_file(title="Second", item="6"))
    project.build()
    first = {
        p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*") if p.is_file()
    }
    project.build()
    second = {
        p.relative_to(project.site): p.read_bytes() for p in project.site.rglob("*") if p.is_file()
    }
    assert first == second


def test_sub_path_base_url_prefixes_every_internal_link(project: Project) -> None:
    project.write("a.md", item_file())
    project.build("--base-url", "https://example.org/minutes/")
    home = (project.site / "index.html").read_text(encoding="utf-8")
    assert 'href="/minutes/councils/"' in home
    assert 'href="/councils/"' not in home
    assert '<link rel="canonical" href="https://example.org/minutes/">' in home


def test_headers_file_carries_the_netlify_headers(project: Project) -> None:
    project.write("a.md", item_file())
    project.build()
    headers = (project.site / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/*\n")
    assert "  Content-Security-Policy: default-src 'none'" in headers
    assert "  X-Content-Type-Options: nosniff" in headers


def test_check_validates_without_writing(project: Project) -> None:
    project.write("a.md", item_file())
    result = project.run("check")
    assert result.exit_code == 0 and "1 items are valid." in result.out
    assert not project.site.exists()


def test_strict_turns_warnings_into_a_failed_build(project: Project) -> None:
    project.write("a.md", item_file(body="## Odd heading\n\ntext\n"))
    assert project.build().exit_code == 0
    result = project.build("--strict")
    assert result.exit_code == 1
    assert "warning: section 'Odd heading' is not one the archive understands" in result.err


def test_usage_errors_exit_2(project: Project) -> None:
    assert project.run("build", "--no-such-option").exit_code == 2
    missing = Project(project.root / "nowhere")
    assert missing.build().exit_code == 2


def test_items_under_a_recommended_lead_in_are_recommendations_on_the_page(
    project: Project,
) -> None:
    """The build classifies as the importer evaluator scores: with the lead-in."""
    body = "## Resolved\n\nRECOMMENDED that:\n\n- 1) the estimates be approved;\n- 2) the rent increase be 2.6%.\n"
    project.write("a.md", item_file(body=body))
    project.build()
    items = json.loads((project.site / "items.json").read_text(encoding="utf-8"))
    assert [r["kind"] for r in items[0]["resolutions"]] == ["recommended", "recommended"]
