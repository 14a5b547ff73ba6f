"""End-to-end builds of the public features: threads, citation, redirects, open data, feeds,
sitemap and robots.txt, JSON-LD, glossary, departures, actions, month pages and date search."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from minutebook.render.data_fields import ITEM_FIELDS, RESOLUTION_FIELDS
from minutebook.write.sitemap import sitemap_files
from tests.conftest import REPO_ROOT, Project, item_file

ATOM = "{http://www.w3.org/2005/Atom}"
BRADFORD = "City of Bradford Metropolitan District Council"
CSOSC = "Children's Services Overview and Scrutiny Committee"
ASKED = """\
## Recommended

That the report be noted.

## Resolved

- (1) That the report be noted.
- (2) That the Strategic Director of Children's Services present a further report in December.
"""
CAME_BACK = """\
## Recommended

That the report be noted.

## Resolved

That the report be noted.
"""


def own_config(project: Project, **files: str) -> Path:
    """A copy of the shipped config folder with some files replaced."""
    config = project.root / "config"
    shutil.copytree(REPO_ROOT / "config", config)
    for name, text in files.items():
        (config / name).write_text(text, encoding="utf-8")
    return config


def test_the_two_bradford_childrens_services_items_form_one_thread_with_a_timeline(
    project: Project,
) -> None:
    """The issue's acceptance: the items are tied by config/matters.yaml, not by their titles."""
    for title in (
        "Children's Services Improvement Programme",
        "Quality Assurance and Audit in Children's Social Care",
    ):
        project.write(
            f"{title}.md",
            item_file(title=title, council=BRADFORD, committee=CSOSC, date=None, item=None),
        )
    assert project.build().exit_code == 0
    thread_url = "/threads/bradford/bradford-childrens-social-care-improvement/"
    thread = project.page(thread_url)
    assert "Children&#39;s Services Improvement Programme" in thread
    assert "Quality Assurance and Audit in Children&#39;s Social Care" in thread
    assert "their place in time is not known" in thread  # both undated: no invented order
    item = project.page(
        "/bradford/childrens-services-overview-and-scrutiny-committee/undated/"
        "childrens-services-improvement-programme/"
    )
    assert 'id="thread-heading"' in item and f'href="{thread_url}"' in item
    assert 'aria-current="page">Children&#39;s Services Improvement Programme' in item
    assert thread_url in project.page("/threads/")


def test_matter_front_matter_threads_items_and_a_thread_of_one_is_not_shown(
    project: Project,
) -> None:
    project.write(
        "a.md", item_file(title="Vital Signs", date="2020-11-04", extra_front_matter="matter: csc")
    )
    project.write(
        "b.md", item_file(title="Audit", date="2022-10-01", extra_front_matter="matter: csc")
    )
    project.write("c.md", item_file(title="Highways Maintenance", date="2022-10-01", item="6"))
    assert project.build().exit_code == 0
    page = project.page("/testshire/cabinet/2022-10-01/5-audit/")
    assert "This matter across meetings" in page
    timeline = page[page.index('id="thread-heading"') :]
    assert timeline.index("Vital Signs") < timeline.index("Audit</a>")  # oldest first
    assert "This matter across meetings" not in project.page(
        "/testshire/cabinet/2022-10-01/6-highways-maintenance/"
    )


def test_item_page_cites_the_record_with_its_permanent_url_and_archive_date(
    project: Project,
) -> None:
    project.write(
        "a.md", item_file(extra_front_matter="source: https://example.org/mgAi.aspx?ID=1")
    )
    project.write(
        "b.md",
        item_file(title="Fees", item="6", extra_front_matter="extra:\n  archived: 2024-05-01"),
    )
    assert project.build("--base-url", "https://archive.example/minutes/").exit_code == 0
    page = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    cite = page[page.index('<pre class="cite__text"') : page.index("</pre>")]
    for line in (
        "Council: Testshire County Council",
        "Committee: Cabinet",
        "Meeting date: 4 March 2021",
        "Item number: 5",
        "Title: Budget Monitoring Report",
        "Permanent URL: https://archive.example/minutes/testshire/cabinet/2021-03-04/5-budget-monitoring-report/",
        "Source: https://example.org/mgAi.aspx?ID=1",
        "Date archived: not recorded",
    ):
        assert line in cite
    assert "Date archived: 2024-05-01" in project.page("/testshire/cabinet/2021-03-04/6-fees/")
    assert "/static/cite.js" in page and "<script>" not in page


def test_redirects_are_written_as_netlify_rules_and_as_forwarding_pages(project: Project) -> None:
    new = "/testshire/cabinet/2021-03-04/5-budget-monitoring-report/"
    config = own_config(
        project,
        **{
            "redirects.yaml": f"redirects:\n  - from: /testshire/cabinet/undated/budget/\n    to: {new}\n"
        },
    )
    project.write("a.md", item_file())
    assert project.build("--config", str(config)).exit_code == 0
    rules = (project.site / "_redirects").read_text(encoding="utf-8")
    assert rules == f"/testshire/cabinet/undated/budget/ {new} 301\n"
    old = project.page("/testshire/cabinet/undated/budget/")
    target = f"https://minutebook.example.org{new}"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in old
    assert f'<a href="{target}">' in old


def test_a_redirect_to_a_missing_page_is_a_configuration_error(project: Project) -> None:
    config = own_config(
        project, **{"redirects.yaml": "redirects:\n  - from: /a/\n    to: /nowhere/\n"}
    )
    project.write("a.md", item_file())
    result = project.build("--config", str(config))
    assert result.exit_code == 2
    assert "/nowhere/ is not a page" in result.err


def test_open_data_csv_files_have_the_documented_headers_for_the_archive_and_each_council(
    project: Project,
) -> None:
    project.write("a.md", item_file(body=ASKED))
    project.write("b.md", item_file(council="Powys County Council", title="Fees"))
    assert project.build().exit_code == 0
    for folder in ("data", "data/testshire", "data/powys"):
        items = list(
            csv.DictReader(io.StringIO((project.site / folder / "items.csv").read_text("utf-8")))
        )
        assert list(items[0]) == [name for name, _ in ITEM_FIELDS]
        rows = list(
            csv.DictReader(
                io.StringIO((project.site / folder / "resolutions.csv").read_text("utf-8"))
            )
        )
        assert list(rows[0]) == [name for name, _ in RESOLUTION_FIELDS]
    rows = list(
        csv.DictReader(
            io.StringIO((project.site / "data/testshire/resolutions.csv").read_text("utf-8"))
        )
    )
    assert next((r["resolution_order"], r["classification"], r["start_date"]) for r in rows) == (
        "1",
        "noted",
        "2021-03-04",
    )
    assert len(rows) == 2 and rows[0]["committee"] == "Cabinet"
    data_page = project.page("/data/")
    for name, _ in ITEM_FIELDS + RESOLUTION_FIELDS:
        assert f"<code>{name}</code>" in data_page
    assert 'href="/data/"' in project.page("/") and 'href="/data/"' in project.page("/about/")


def test_every_item_has_its_own_json_linked_from_its_page(project: Project) -> None:
    project.write("a.md", item_file(body=ASKED))
    assert project.build().exit_code == 0
    url = "/testshire/cabinet/2021-03-04/5-budget-monitoring-report/"
    assert f'href="{url}item.json"' in project.page(url)
    record = json.loads((project.site / url.strip("/") / "item.json").read_text("utf-8"))
    assert record["start_date"] == "2021-03-04" and record["order"] == "5"
    assert record["notes"] == "That the report be noted."
    assert next(r["classification"] for r in record["resolutions"]) == "noted"
    action = record["actions"][0]
    assert action["responsible"] == "Strategic Director of Children's Services"
    assert action["due"] == "in December"
    archive = json.loads((project.site / "items.json").read_text("utf-8"))
    assert {"council", "date", "item", "title", "url", "topics", "resolutions", "source"} <= set(
        archive[0]
    )


def test_atom_feeds_parse_and_are_advertised_on_their_pages(project: Project) -> None:
    project.write("a.md", item_file(date="2021-03-04"))
    project.write("b.md", item_file(title="Fees", date="2022-01-10"))
    project.write("c.md", item_file(title="Undated thing", date=None))
    assert project.build().exit_code == 0
    feeds = sorted(project.site.rglob("atom.xml"))
    relative = {f.relative_to(project.site).as_posix() for f in feeds}
    assert {
        "atom.xml",
        "testshire/atom.xml",
        "testshire/cabinet/atom.xml",
        "resolutions/noted/atom.xml",
    } <= relative
    for feed_path in feeds:
        feed = ET.parse(feed_path).getroot()
        assert feed.tag == f"{ATOM}feed"
        for name in ("id", "title", "updated"):
            assert feed.find(f"{ATOM}{name}") is not None
        assert feed.find(f"{ATOM}link[@rel='self']") is not None
        for entry in feed.findall(f"{ATOM}entry"):
            for name in ("id", "title", "updated", "link"):
                assert entry.find(f"{ATOM}{name}") is not None
    whole = ET.parse(project.site / "atom.xml").getroot()
    assert whole.findtext(f"{ATOM}updated") == "2022-01-10T00:00:00Z"
    updated = [e.findtext(f"{ATOM}updated") for e in whole.findall(f"{ATOM}entry")]
    assert updated == ["2022-01-10T00:00:00Z", "2021-03-04T00:00:00Z", "1970-01-01T00:00:00Z"]
    for url, feed in (
        ("/", "/atom.xml"),
        ("/testshire/", "/testshire/atom.xml"),
        ("/resolutions/noted/", "/resolutions/noted/atom.xml"),
    ):
        assert (
            '<link rel="alternate" type="application/atom+xml" title="New items: '
            in project.page(url)
        )
        assert f'href="{feed}"' in project.page(url)


def test_sitemap_leaves_out_noindex_councils_and_robots_points_at_it(project: Project) -> None:
    councils = (REPO_ROOT / "config" / "councils.yaml").read_text("utf-8")
    councils += "  - name: Hiddenshire Council\n    short: Hiddenshire\n    noindex: true\n"
    config = own_config(project, **{"councils.yaml": councils})
    project.write("a.md", item_file())
    project.write("b.md", item_file(council="Hiddenshire Council"))
    assert project.build("--config", str(config)).exit_code == 0
    sitemap = (project.site / "sitemap.xml").read_text("utf-8")
    assert (
        "https://minutebook.example.org/testshire/cabinet/2021-03-04/5-budget-monitoring-report/"
        in sitemap
    )
    assert "hiddenshire" not in sitemap and "404" not in sitemap
    robots = (project.site / "robots.txt").read_text("utf-8")
    assert "Sitemap: https://minutebook.example.org/sitemap.xml" in robots
    assert "Disallow: /hiddenshire/" in robots
    assert '<meta name="robots" content="noindex">' in project.page("/hiddenshire/")


def test_a_sitemap_past_its_limit_becomes_a_sitemap_index() -> None:
    files = dict(sitemap_files("https://x.example/", [f"/p{n}/" for n in range(5)], max_urls=2))
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag.endswith("sitemapindex")
    assert (
        next(loc.text for loc in index.iter() if loc.tag.endswith("loc"))
        == "https://x.example/sitemap-1.xml"
    )


def json_ld(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_json_ld_describes_meetings_councils_committees_and_breadcrumbs_safely(
    project: Project,
) -> None:
    project.write("a.md", item_file(title="Budget </script><script>alert(1)</script>"))
    assert project.build().exit_code == 0
    meeting = json_ld(project.page("/testshire/cabinet/2021-03-04/"))["@graph"]
    assert meeting[0]["@type"] == "Event" and meeting[0]["startDate"] == "2021-03-04"
    assert meeting[1]["@type"] == "BreadcrumbList"
    assert json_ld(project.page("/testshire/"))["@graph"][0]["@type"] == "GovernmentOrganization"
    committee = json_ld(project.page("/testshire/cabinet/"))["@graph"][0]
    assert committee["parentOrganization"]["name"] == "Testshire County Council"
    item_pages = [p for p in project.site.rglob("index.html") if "budget-script" in p.as_posix()]
    html = item_pages[0].read_text("utf-8")
    data = html[html.index('application/ld+json">') :]
    assert "</script><script>" not in data[: data.index("</script>")]
    crumbs = json_ld(html)["@graph"][1]["itemListElement"]
    assert crumbs[-1]["name"] == "Budget </script><script>alert(1)</script>"


def test_glossary_terms_are_marked_once_listed_on_the_item_and_on_the_glossary_page(
    project: Project,
) -> None:
    body = (
        "## Minutes\n\nThe MASH and [MASH](https://example.org/) and MASH again; the DCF spoke.\n"
    )
    project.write("a.md", item_file(body=body))
    project.write("b.md", item_file(council="Herefordshire Council", body=body))
    assert project.build().exit_code == 0
    page = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    assert page.count('<abbr title="Multi-Agency Safeguarding Hub">MASH</abbr>') == 1
    assert '<a href="https://example.org/">MASH</a>' in page
    assert "Abbreviations used in this item" in page
    assert "<dd>Multi-Agency Safeguarding Hub</dd>" in page  # searchable: inside the article
    assert "Director for Children and Families" not in page  # DCF is Herefordshire's term
    hereford = project.page("/herefordshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    assert '<abbr title="Director for Children and Families">DCF</abbr>' in hereford
    glossary = project.page("/glossary/")
    assert "Used by Herefordshire" in glossary and "ADCCTO" not in glossary  # Thurrock not built
    assert 'href="/glossary/"' in project.page("/about/")


def test_departures_are_flagged_compared_filtered_and_listed(project: Project) -> None:
    project.write("a.md", item_file(body=ASKED))
    project.write("b.md", item_file(title="Fees", item="6", body=CAME_BACK))
    assert project.build().exit_code == 0
    page = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    assert '<span data-pagefind-filter="departure">Differs from recommendation</span>' in page
    assert "Recommendation and resolution compared" in page
    follows = project.page("/testshire/cabinet/2021-03-04/6-fees/")
    assert 'data-pagefind-filter="departure"' not in follows
    assert "The resolution follows the officers' recommendation." in follows
    listing = project.page("/departures/")
    assert "5-budget-monitoring-report" in listing and "6-fees" not in listing
    assert 'href="/departures/"' in project.page("/")
    assert '["departure", ' in (REPO_ROOT / "static" / "search.js").read_text("utf-8")


def test_actions_name_owner_and_date_as_written_and_link_where_the_report_came_back(
    project: Project,
) -> None:
    project.write("a.md", item_file(title="Fostering Service", date="2021-03-04", body=ASKED))
    project.write(
        "b.md", item_file(title="Fostering Service Update", date="2021-12-09", body=CAME_BACK)
    )
    assert project.build().exit_code == 0
    asked = project.page("/testshire/cabinet/2021-03-04/5-fostering-service/")
    table = asked[asked.index('id="asked-heading"') :]
    assert "<td>Strategic Director of Children&#39;s Services</td>" in table
    assert "<td>in December</td>" in table
    assert (
        'href="/testshire/cabinet/2021-12-09/5-fostering-service-update/">Fostering Service Update</a></td>'
        in table
    )
    council_actions = project.page("/actions/testshire/")
    assert "in December" in council_actions
    assert 'href="/actions/testshire/"' in project.page("/testshire/")


def test_committee_items_can_be_browsed_month_by_month(project: Project) -> None:
    project.write("a.md", item_file(date="2021-03-04"))
    project.write("b.md", item_file(title="Fees", date="2021-03-25"))
    project.write("c.md", item_file(title="Roads", date="2021-04-01"))
    assert project.build().exit_code == 0
    committee = project.page("/testshire/cabinet/")
    assert 'href="/testshire/cabinet/2021-03/">March 2021</a>' in committee
    march = project.page("/testshire/cabinet/2021-03/")
    assert "Budget Monitoring Report" in march and "Fees" in march and "Roads" not in march
    item = project.page("/testshire/cabinet/2021-03-04/5-budget-monitoring-report/")
    assert '<span data-pagefind-meta="date_iso:2021-03-04"></span>' in item


def test_search_page_has_labelled_from_and_to_date_inputs(project: Project) -> None:
    project.write("a.md", item_file())
    assert project.build().exit_code == 0
    search = project.page("/search/")
    assert (
        '<label for="search-from">From</label> <input class="input" id="search-from" name="from" type="date">'
        in search
    )
    assert (
        '<label for="search-to">To</label> <input class="input" id="search-to" name="to" type="date">'
        in search
    )
    assert "without a recorded meeting date are left out" in search


def test_every_page_is_reachable_from_home_and_no_internal_link_is_broken(project: Project) -> None:
    project.write("a.md", item_file(title="Fostering Service", date="2021-03-04", body=ASKED))
    project.write(
        "b.md", item_file(title="Fostering Service Update", date="2021-12-09", body=CAME_BACK)
    )
    project.write(
        "c.md",
        item_file(council="Herefordshire Council", date=None, body="## Minutes\n\nThe DCF.\n"),
    )
    assert project.build().exit_code == 0
    pages = {
        "/" + p.relative_to(project.site).parent.as_posix().strip(".") + "/"
        for p in project.site.rglob("index.html")
    }
    pages = {p.replace("//", "/") for p in pages}
    seen, queue, broken = {"/"}, ["/"], []
    while queue:
        url = queue.pop()
        for href in re.findall(r'href="(/[^"#?]*)', project.page(url)):
            target = project.site / href.lstrip("/")
            if not (target.exists() or (target / "index.html").exists()):
                broken.append((url, href))
            if href.endswith("/") and href in pages and href not in seen:
                seen.add(href)
                queue.append(href)
    assert broken == []
    assert pages - seen == set()


@pytest.mark.parametrize("run", [1])
def test_public_feature_files_are_byte_identical_across_builds(project: Project, run: int) -> None:
    project.write("a.md", item_file(title="Fostering Service", date="2021-03-04", body=ASKED))
    project.write("b.md", item_file(title="Fostering Service Update", date=None, body=CAME_BACK))
    assert project.build().exit_code == 0
    first = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert project.build().exit_code == 0
    second = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    assert first == second


def documented(fields: tuple[tuple[str, str], ...]) -> set[str]:
    return {name for names, _ in fields for name in names.split(", ")}


def test_every_json_field_is_documented_on_the_open_data_page(project: Project) -> None:
    from minutebook.render.data_fields import ITEM_JSON_FIELDS, ITEMS_JSON_FIELDS

    project.write("a.md", item_file(body=ASKED))
    assert project.build().exit_code == 0
    url = "/testshire/cabinet/2021-03-04/5-budget-monitoring-report/"
    record = json.loads((project.site / url.strip("/") / "item.json").read_text("utf-8"))
    assert set(record) == documented(ITEM_JSON_FIELDS)
    archive = json.loads((project.site / "items.json").read_text("utf-8"))
    assert set(archive[0]) == documented(ITEMS_JSON_FIELDS)
    assert "<code>resolution_count</code>" in project.page("/data/")


def test_sqlite_download_holds_both_tables_and_is_byte_identical_across_builds(
    project: Project,
) -> None:
    import sqlite3

    project.write("a.md", item_file(body=ASKED))
    assert project.build().exit_code == 0
    first = (project.site / "data" / "minutebook.sqlite").read_bytes()
    assert project.build().exit_code == 0
    assert (project.site / "data" / "minutebook.sqlite").read_bytes() == first
    connection = sqlite3.connect(project.site / "data" / "minutebook.sqlite")
    kinds = connection.execute("SELECT classification FROM resolutions ORDER BY resolution_order")
    assert [k for (k,) in kinds] == ["noted", "report-requested"]
    assert connection.execute("SELECT start_date FROM items").fetchone() == ("2021-03-04",)
    connection.close()
