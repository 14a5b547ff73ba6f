"""Bad content is reported as `path:line: error: message [code]`, all of it in one run,
never as a traceback; the valid items still build under --keep-going."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from minutebook.cache.store import cache_path
from minutebook.stamp import stamp_path
from minutebook.write.output import UnsafeOutputPath, write_files
from tests.conftest import Project, item_file

GOOD = item_file(title="A Valid Item")


def only_errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": error: " in line]


def test_missing_front_matter_is_reported_at_line_1(project: Project) -> None:
    path = project.write("bad.md", "# Just Markdown\n")
    result = project.build()
    assert result.exit_code == 1
    assert only_errors(result.err) == [
        f"{path.as_posix()}:1: error: file must start with '---' and YAML front matter "
        "[frontmatter.missing]"
    ]


def test_unterminated_front_matter_is_reported(project: Project) -> None:
    project.write("bad.md", "---\ncouncil: X\ntitle: Y\n")
    result = project.build()
    assert "error: front matter is not closed: add a line '---' after it" in result.err
    assert "Traceback" not in result.err


def test_invalid_yaml_is_reported_with_its_line(project: Project) -> None:
    path = project.write("bad.md", "---\ncouncil: X\ntitle: [unclosed\ncommittee: C\n---\n")
    result = project.build()
    (error,) = only_errors(result.err)
    assert error.startswith(f"{path.as_posix()}:")
    assert "invalid front matter" in error and "[frontmatter.yaml]" in error


def test_yaml_tags_that_would_construct_objects_are_refused(
    project: Project, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    project.write(
        "bad.md",
        f"---\ncouncil: X\ncommittee: C\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n",
    )
    result = project.build()
    (error,) = only_errors(result.err)
    assert ":4: error: invalid front matter: YAML tags are not allowed" in error
    assert not marker.exists()


def test_impossible_date_is_reported_at_its_line(project: Project) -> None:
    path = project.write("bad.md", item_file(date="2020-13-45"))
    result = project.build()
    assert only_errors(result.err) == [
        f"{path.as_posix()}:5: error: 'date' is not a real date: 2020-13-45 [schema.date]"
    ]


def test_date_in_another_format_is_reported(project: Project) -> None:
    project.write("bad.md", item_file(date="next Tuesday"))
    result = project.build()
    assert (
        "'date' must be a date written YYYY-MM-DD, got 'next Tuesday' [schema.date]" in result.err
    )


def test_missing_required_fields_are_all_reported(project: Project) -> None:
    path = project.write("bad.md", "---\nitem: '3'\n---\n")
    errors = only_errors(project.build().err)
    assert f"{path.as_posix()}:2: error: 'council' is required [schema.council]" in errors
    assert f"{path.as_posix()}:2: error: 'title' is required [schema.title]" in errors
    assert any("'committee' is required (null if unknown)" in e for e in errors)


def test_unknown_key_lists_the_valid_keys(project: Project) -> None:
    path = project.write("bad.md", item_file(extra_front_matter="colour: red"))
    errors = only_errors(project.build().err)
    assert errors == [
        f"{path.as_posix()}:7: error: unknown key 'colour'; valid keys are: council, committee, "
        "title, date, item, topics, source, documents, incomplete, matter, extra [schema.unknown-key]"
    ]


def test_non_utf8_file_is_reported_with_the_line_of_the_bad_byte(project: Project) -> None:
    path = project.content / "latin1.md"
    path.write_bytes(item_file(title="Caf\xe9 licence").encode("latin-1"))
    errors = only_errors(project.build().err)
    assert errors == [
        f"{path.as_posix()}:4: error: file is not UTF-8 (byte 0xe9); save it as UTF-8 [load.encoding]"
    ]


def test_two_files_for_one_item_name_each_other(project: Project) -> None:
    first = project.write("a.md", item_file())
    second = project.write("sub/b.md", item_file())
    result = project.run("build", "--no-search", "--keep-going")
    errors = only_errors(result.err)
    assert len(errors) == 2
    assert errors[0].startswith(f"{first.as_posix()}: error: this file and {second.as_posix()}")
    assert errors[1].startswith(f"{second.as_posix()}: error: this file and {first.as_posix()}")
    assert "[model.duplicate-item]" in errors[0]


def test_symlink_pointing_outside_content_is_not_followed(project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text(item_file(title="Secret Thing"), encoding="utf-8")
    os.symlink(secret, project.content / "link.md")
    project.write("ok.md", GOOD)
    result = project.run("build", "--no-search", "--keep-going")
    assert "link.md: error: links to a file outside the content folder [load.outside]" in result.err
    assert result.exit_code == 1
    assert "Secret Thing" not in "".join(p.read_text() for p in project.site.rglob("*.html"))


@pytest.mark.parametrize("field", ["council", "committee", "title", "item"])
def test_values_cannot_escape_the_output_folder(project: Project, field: str) -> None:
    values = {"council": "../../../escaped", "committee": "../../x", "title": "../../../../tmp/x"}
    front = {"council": "Testshire Council", "committee": "Cabinet", "title": "T", "item": "1"}
    front[field] = values.get(field, "../..")
    text = "---\n" + "".join(f'{k}: "{v}"\n' for k, v in front.items()) + "---\n"
    project.write("a.md", text)
    project.build("--keep-going")
    written = [p for p in project.root.rglob("*") if p.is_file()]
    # The build's own stamp and cache sit beside the output folder under fixed names.
    cache = cache_path(project.site)
    own_files = {stamp_path(project.site), cache, Path(f"{cache}-wal"), Path(f"{cache}-shm")}
    strays = [
        p
        for p in written
        if not p.is_relative_to(project.site)
        and not p.is_relative_to(project.content)
        and p not in own_files
    ]
    assert strays == []
    assert not (project.root.parent / "escaped").exists()
    assert len(list(project.site.rglob("index.html"))) > 5


def test_markup_in_fields_is_escaped_and_raw_html_is_not_rendered(project: Project) -> None:
    project.write(
        "a.md",
        item_file(
            title='"<script>alert(1)</script>"',
            committee='"<b>Cabinet</b>"',
            body="<img src=x onerror=alert(1)>\n\n## Minutes\n\n[click](javascript:alert(1)) "
            "<iframe src=x></iframe>\n\n## Resolved\n\n- <em>noted</em>\n",
        ),
    )
    assert project.build().exit_code == 0
    html = "".join(p.read_text(encoding="utf-8") for p in project.site.rglob("*.html"))
    for live in (
        "<script>alert",
        "<img src=x",
        "<iframe",
        "<b>Cabinet",
        'href="javascript:',
        "<em>noted",
    ):
        assert live not in html
    item_page = next(p for p in project.site.rglob("index.html") if "script" in p.parent.name)
    text = item_page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_huge_body_is_refused_and_the_rest_builds(project: Project) -> None:
    path = project.write("huge.md", item_file(title="Huge", body="word " * 2_100_000))
    project.write("ok.md", GOOD)
    result = project.run("build", "--no-search", "--keep-going")
    assert (
        f"{path.as_posix()}: error: file is 10.0 MB; an agenda item may be at most 2 MB"
        in result.err
    )
    assert result.exit_code == 1
    assert "A Valid Item" in (project.site / "index.html").read_text() or any(
        "A Valid Item" in p.read_text() for p in project.site.rglob("*.html")
    )


def test_every_problem_is_reported_in_one_run_and_valid_items_build(project: Project) -> None:
    project.write("1.md", "no front matter")
    project.write("2.md", item_file(date="2020-02-30", title="Two"))
    project.write("3.md", item_file(extra_front_matter="mood: happy", title="Three"))
    project.write("ok.md", GOOD)
    result = project.run("build", "--no-search", "--keep-going")
    assert len(only_errors(result.err)) == 3
    assert result.exit_code == 1
    pages = [p.read_text(encoding="utf-8") for p in project.site.rglob("index.html")]
    assert sum('<h1 data-pagefind-weight="10">A Valid Item</h1>' in p for p in pages) == 1


def test_without_keep_going_errors_leave_the_previous_site_untouched(project: Project) -> None:
    project.write("ok.md", GOOD)
    assert project.build().exit_code == 0
    before = {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()}
    project.write("bad.md", item_file(date="yesterday", title="Bad"))
    result = project.build()
    assert result.exit_code == 1
    assert "was left as it was" in result.err
    assert {p: p.read_bytes() for p in project.site.rglob("*") if p.is_file()} == before


def test_hostile_yaml_is_reported_not_crashed_on(project: Project) -> None:
    """Deep nesting, alias bombs and non-text keys: each file gets an error or builds safely."""
    bomb = ["  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        bomb.append(f"  {name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    project.write(
        "bomb.md", item_file(title="Bomb", extra_front_matter="extra:\n" + "\n".join(bomb))
    )
    project.write(
        "deep.md", item_file(title="Deep", extra_front_matter="extra: " + "[" * 5000 + "]" * 5000)
    )
    project.write("keys.md", item_file(title="Keys", extra_front_matter="? [a, b]\n: c"))
    result = project.run("build", "--no-search", "--keep-going")
    assert "Traceback" not in result.err
    errors = only_errors(result.err)
    # libyaml 0.2.5+ (PyYAML 6.0.3's wheels) stops at its own nesting limit; older versions
    # load the lists, and the schema refuses them. Either way: one clear error on that line.
    deep = [e for e in errors if e.startswith(str(project.content / "deep.md") + ":7: error:")]
    assert len(deep) == 1, errors
    assert (
        "'extra' must be a map of free-form data" in deep[0]
        or "exceeded maximum nesting depth [frontmatter.yaml]" in deep[0]
    )
    assert any("keys.md" in e and "found unhashable key" in e and "tags" not in e for e in errors)
    assert (
        project.site / "testshire" / "cabinet" / "2021-03-04" / "5-bomb" / "index.html"
    ).exists()


def test_broken_links_loops_and_devices_are_reported(project: Project) -> None:
    os.symlink(project.content / "missing.md", project.content / "broken.md")
    os.symlink(project.content / "loop.md", project.content / "loop.md")
    os.mkfifo(project.content / "pipe.md")
    project.write("ok.md", GOOD)
    result = project.run("build", "--no-search", "--keep-going")
    errors = only_errors(result.err)
    assert any(
        e.endswith("broken.md: error: is a broken or looping link; not read [load.not-a-file]")
        for e in errors
    )
    assert any(
        e.endswith("loop.md: error: is a broken or looping link; not read [load.not-a-file]")
        for e in errors
    )
    assert any(
        e.endswith("pipe.md: error: is not a regular file; not read [load.not-a-file]")
        for e in errors
    )
    assert result.exit_code == 1


def test_folder_linking_outside_content_is_reported_and_not_read(
    project: Project, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text(item_file(title="Secret Thing"), encoding="utf-8")
    os.symlink(outside, project.content / "linked")
    project.write("ok.md", GOOD)
    result = project.run("build", "--no-search", "--keep-going")
    assert (
        "linked: error: folder links outside the content folder; not read [load.outside]"
        in result.err
    )
    assert "Secret Thing" not in "".join(p.read_text() for p in project.site.rglob("*.html"))


@pytest.mark.parametrize("output_path", ["/etc/passwd", "../x.html", "a/../../x", "", ".", "a/.."])
def test_the_writer_refuses_a_path_outside_the_output_folder(
    tmp_path: Path, output_path: str
) -> None:
    """Slugs never give such paths; the one write path guards against them anyway."""
    with pytest.raises(UnsafeOutputPath):
        write_files(tmp_path / "staging", [(output_path, b"x")])
    assert not (tmp_path / "x.html").exists()
