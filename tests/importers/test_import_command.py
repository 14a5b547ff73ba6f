"""The import command: files written, overwrite refusal, bad pages reported, exit codes."""

from __future__ import annotations

from pathlib import Path

from helpers import run, write

GOOD = "Agenda item\n\nBeach Huts\n\nMinutes:\n\nResolved –\n\nThat the fees be approved.\n"


def test_files_are_written_and_listed(tmp_path: Path) -> None:
    page = write(tmp_path, "huts.txt", GOOD)
    code, out, err = run(
        [str(page), "--council", "Exampleshire Council", "--to", str(tmp_path / "c")]
    )
    expected = tmp_path / "c/exampleshire-council/committee-not-recorded/undated/beach-huts.md"
    assert (code, err) == (0, "")
    assert out.splitlines() == [str(expected)]
    assert "That the fees be approved." in expected.read_text(encoding="utf-8")


def test_existing_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    page = write(tmp_path, "huts.txt", GOOD)
    argv = [str(page), "--council", "Exampleshire Council", "--to", str(tmp_path / "c")]
    assert run(argv)[0] == 0
    write(tmp_path, "huts.txt", GOOD.replace("approved", "refused"))
    code, out, err = run(argv)
    assert code == 1 and out == ""
    assert err.startswith(f"{page}: ") and "already exists (use --force to overwrite)" in err
    assert run([*argv, "--force"])[0] == 0


def test_reimporting_the_same_page_reports_the_file_unchanged(tmp_path: Path) -> None:
    page = write(tmp_path, "huts.txt", GOOD)
    argv = [str(page), "--council", "Exampleshire Council", "--to", str(tmp_path / "c")]
    first = run(argv)
    code, out, err = run(argv)
    assert (code, err) == (0, "")
    assert out == first[1].rstrip("\n") + " (unchanged)\n"


def test_bad_page_is_reported_while_the_rest_import(tmp_path: Path) -> None:
    write(tmp_path, "a-empty.txt", "   \n\n")
    write(tmp_path, "b-good.txt", GOOD)
    code, out, err = run(
        [str(tmp_path), "--council", "Exampleshire Council", "--to", str(tmp_path / "c")]
    )
    assert code == 1
    assert err == f"{tmp_path / 'a-empty.txt'}: the page has no text\n"
    assert out.strip().endswith("beach-huts.md")


def test_bad_date_is_a_usage_error(tmp_path: Path) -> None:
    page = write(tmp_path, "huts.txt", GOOD)
    code, _, err = run([str(page), "--council", "X", "--date", "2020-13-01", "--to", str(tmp_path)])
    assert code == 2 and "date must be YYYY-MM-DD" in err


def test_missing_council_is_a_usage_error(tmp_path: Path) -> None:
    page = write(tmp_path, "huts.txt", GOOD)
    assert run([str(page), "--to", str(tmp_path)])[0] == 2


def test_given_date_and_committee_fill_the_front_matter(tmp_path: Path) -> None:
    page = write(tmp_path, "huts.txt", GOOD)
    argv = [str(page), "--council", "Exampleshire Council", "--committee", "Coast Panel"]
    code, out, _ = run(
        [
            *argv,
            "--date",
            "2021-07-01",
            "--source",
            "https://example.org/mgAi.aspx?ID=1",
            "--to",
            str(tmp_path),
        ]
    )
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert code == 0
    assert "coast-panel/2021-07-01/beach-huts.md" in out
    assert "date: '2021-07-01'" in text and "source: https://example.org/mgAi.aspx?ID=1" in text


def test_manifest_paths_are_relative_and_council_short_names_the_folder(tmp_path: Path) -> None:
    write(tmp_path, "huts.txt", GOOD)
    manifest = write(
        tmp_path,
        "sources.yaml",
        """
        - file: huts.txt
          council: Exampleshire County Council
          council_short: Exampleshire
          committee: null
          source: null
          date: null
          notes: ignored
        """,
    )
    code, out, err = run(["--manifest", str(manifest), "--to", str(tmp_path / "c")])
    assert (code, err) == (0, "")
    assert "c/exampleshire/committee-not-recorded/undated/beach-huts.md" in out
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert "committee: null" in text and "date" not in text and "source" not in text


def test_unreadable_manifest_is_a_usage_error(tmp_path: Path) -> None:
    manifest = write(tmp_path, "sources.yaml", "files: {}\n")
    code, _, err = run(["--manifest", str(manifest), "--to", str(tmp_path)])
    assert code == 2 and "expected a YAML list" in err
