"""Unit tests of the load stage: front matter, schema and body sections."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.diagnostics import Diagnostics
from minutebook.load.body import plain_text, read_body
from minutebook.load.frontmatter import split_front_matter
from minutebook.load.schema import check_front_matter
from tests.conftest import Project, item_file


def split(text: str) -> tuple[object, Diagnostics]:
    sink = Diagnostics()
    return split_front_matter(text, "x.md", sink), sink


def test_front_matter_keeps_dates_as_text_and_records_key_lines() -> None:
    result, sink = split("---\ntitle: T\ndate: 2020-11-04\n---\nBody\n")
    assert sink.items == []
    assert result is not None
    assert result.front_matter == {"title": "T", "date": "2020-11-04"}  # type: ignore[attr-defined]
    assert result.key_lines == {"title": 2, "date": 3}  # type: ignore[attr-defined]
    assert result.body_line == 5  # type: ignore[attr-defined]


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    result, sink = split("---\n- a\n- b\n---\n")
    assert result is None
    assert [d.code for d in sink.items] == ["frontmatter.shape"]


def test_schema_turns_fields_into_typed_values() -> None:
    data = {
        "council": "C",
        "committee": None,
        "title": " A  title ",
        "date": "2020-02-29",
        "item": 7,
        "topics": ["budget", "budget"],
        "incomplete": True,
    }
    fields = check_front_matter(data, {}, "x.md", Diagnostics())
    assert fields is not None
    assert fields.committee is None and fields.title == "A title"
    assert fields.date == dt.date(2020, 2, 29) and fields.item == "7"
    assert fields.topics == ("budget",) and fields.incomplete is True


def test_schema_refuses_unsafe_source_urls() -> None:
    sink = Diagnostics()
    data = {"council": "C", "committee": "K", "title": "T", "source": "javascript:alert(1)"}
    assert check_front_matter(data, {"source": 5}, "x.md", sink) is None
    assert str(sink.items[0]) == (
        "x.md:5: error: 'source' must be an http:// or https:// URL, got 'javascript:alert(1)' "
        "[schema.source]"
    )


def test_body_sections_are_keyed_and_lines_are_file_absolute() -> None:
    sink = Diagnostics()
    body = read_body(
        "Intro.\n\n## Recommendation\n\nNote it.\n\n## Decision\n\n1. (a) Noted.\n2. (b) Agreed.\n",
        10,
        "x.md",
        sink,
    )
    assert [(s.key, s.line) for s in body.sections] == [
        ("intro", 10),
        ("recommended", 12),
        ("resolved", 16),
    ]
    assert [r.text for r in body.resolutions] == ["(a) Noted.", "(b) Agreed."]
    assert [r.line for r in body.resolutions] == [18, 19]


def test_resolved_section_without_a_list_has_one_resolution_per_paragraph() -> None:
    body = read_body(
        "## Resolved\n\nThat the report be noted.\n\nThat it be published.\n",
        1,
        "x.md",
        Diagnostics(),
    )
    assert body.resolution_lead_in == ""
    assert [r.text for r in body.resolutions] == [
        "That the report be noted.",
        "That it be published.",
    ]


def test_nested_lists_stay_inside_their_resolution() -> None:
    body = read_body(
        "## Resolved\n\n- (1) That:\n  - a thing\n  - another\n- (2) Noted.\n",
        1,
        "x.md",
        Diagnostics(),
    )
    assert len(body.resolutions) == 2
    assert "another" in body.resolutions[0].markdown


@pytest.mark.parametrize(
    "resolved",
    [
        # Plain Markdown (read without a parse) and Markdown that needs one (the emphasis).
        "RESOLVED that:\n\n- (1) Noted.\n- (2) Agreed.\n\nFor 7, against 2.\n\nCllr A abstained.\n",
        "RESOLVED *that*:\n\n- (1) Noted.\n- (2) *Agreed.*\n\nFor 7, against 2.\n\nCllr A abstained.\n",
    ],
)
def test_text_after_the_list_of_resolutions_is_kept_as_their_closing(resolved: str) -> None:
    body = read_body(f"## Resolved\n\n{resolved}", 1, "x.md", Diagnostics())
    assert [r.text for r in body.resolutions] == ["(1) Noted.", "(2) Agreed."]
    assert body.resolution_lead_in.startswith("RESOLVED")
    assert body.resolution_closing == "For 7, against 2.\n\nCllr A abstained."


def _resolved_section(project: Project, body: str) -> str:
    """The "What was resolved" section of the page of an item with this body."""
    project.write("a.md", item_file(body=body))
    assert project.build().exit_code == 0
    page = next(p for p in project.site.rglob("index.html") if "budget-monitoring" in str(p))
    html = page.read_text()
    return html[html.index('id="resolved"') : html.index("</section>", html.index('id="resolved"'))]


def test_the_closing_of_the_resolutions_is_on_the_item_page(project: Project) -> None:
    body = "## Resolved\n\n- That the report be noted.\n\nThe vote was unanimous.\n"
    assert "The vote was unanimous." in _resolved_section(project, body)


def test_other_blocks_of_a_resolved_section_without_a_list_are_kept() -> None:
    markdown = "## Resolved\n\n### Part A\n\nThat it be noted.\n\n> Cllr B dissented.\n"
    body = read_body(markdown, 1, "x.md", Diagnostics())
    assert [r.text for r in body.resolutions] == ["That it be noted."]
    assert body.resolution_lead_in == "### Part A"
    assert body.resolution_closing == "> Cllr B dissented."


def test_a_resolved_section_that_is_only_a_quotation_is_shown(project: Project) -> None:
    html = _resolved_section(project, "## Resolved\n\n> That the report be noted.\n")
    assert "That the report be noted." in html
    assert "No resolution is recorded" not in html


def test_a_resolution_with_sub_points_keeps_them_as_a_list(project: Project) -> None:
    body = "## Resolved\n\n1. That:\n   - the plan be agreed;\n   - a report follow.\n2. Noted.\n"
    html = _resolved_section(project, body)
    assert "<li>the plan be agreed;</li>\n<li>a report follow.</li>" in html
    assert '<p class="resolution__text">Noted.</p>' in html


def test_a_repeated_section_is_an_error() -> None:
    sink = Diagnostics()
    read_body("## Minutes\n\na\n\n## Minutes\n\nb\n", 4, "x.md", sink)
    assert [str(d) for d in sink.items] == [
        "x.md:8: error: second 'Minutes' section [body.duplicate-section]"
    ]


def test_plain_text_drops_markup_but_keeps_words() -> None:
    assert (
        plain_text("That the **report** be\n[noted](https://x.org) `now`")
        == "That the report be noted now"
    )
