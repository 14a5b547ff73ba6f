"""Score the ModernGov importer against a hand-annotated corpus manifest.

    python bench/eval_importer.py /work/shared/corpus/manifest.yaml

Imports every listed page into a temporary folder, reads the content files back and prints
each file's misses, then one summary line (the last line of output).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from minutebook.diagnostics import Diagnostics  # noqa: E402
from minutebook.importers.convert import PageFacts, convert_page  # noqa: E402
from minutebook.importers.text import normalise_lines, words  # noqa: E402
from minutebook.load.body import plain_text, read_body  # noqa: E402
from minutebook.model.resolution_kinds import (  # noqa: E402
    DEFAULT_RULES_PATH,
    KindRules,
    classify_with_lead_in,
    load_kind_rules,
)

CATEGORY_KIND = {
    "noted": "noted",
    "approved/agreed": "agreed",
    "recommended to another body": "recommended",
    "further report/information requested": "report-requested",
    "deferred": "deferred",
    "referred": "referred",
    "refused/rejected": "refused",
    "delegated": "delegated",
    "other": "other",
}
# Page-type headings: what kind of page it is, not part of any item.
PAGE_LABELS = re.compile(
    r"^(agenda item|eitem agenda|issue - meetings|issue - decisions|decision details|decisions"
    r"|decisions published|agenda|agenda and minutes|agenda, decisions and minutes"
    r"|rhaglen a chofnodion)$",
    re.IGNORECASE,
)
# Section labels: the content file replaces them with its own headings.
LABELS = re.compile(
    r"(?:^|\s)(?:minutes|decisions?|cofnodion|reasons?(?: for (?:the )?decisions?)?|resolved"
    r"|penderfyniad|outcome|discussion|documents|actions?|further action required|meeting"
    r"|additional documents|dogfennau ychwanegol)\s*[:\-–—]+(?=\s|$)",
    re.IGNORECASE,
)
BULLETS = re.compile(r"^[·•▪o]\s+")
NAV_END = re.compile(r"^\s*(?:no\.? item|items|rhif\.? eitem|eitemau)\s*$", re.IGNORECASE)
TEXT_MATCH = 0.9
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


@dataclass
class ImportedItem:
    front: dict[str, object]
    lead_in: str
    resolutions: list[str]
    text: str


@dataclass
class Score:
    titles: list[bool] = field(default_factory=list)
    counts: list[bool] = field(default_factory=list)
    texts: list[bool] = field(default_factory=list)
    kinds: list[bool] = field(default_factory=list)
    kept: list[int] = field(default_factory=lambda: [0, 0])
    invented: int = 0


def read_back(text: str) -> ImportedItem:
    """Read a content file as the archive build does (its own body reader), so the score is
    what the site will show, not what the importer meant."""
    _, matter, body = text.split("---\n", 2)
    front = yaml.safe_load(matter)
    first_line = matter.count("\n") + 3
    read = read_body(body, first_line, "imported.md", Diagnostics())
    lead_in = plain_text(read.resolution_lead_in)
    resolutions = [resolution.text for resolution in read.resolutions]
    return ImportedItem(front, lead_in, resolutions, _ESCAPE.sub(r"\1", text))


def import_entry(path: Path, council: str, workdir: Path) -> list[ImportedItem]:
    """Write the page's content files into `workdir` and read them back."""
    items = []
    for number, content in enumerate(
        convert_page(path.read_text(encoding="utf-8"), PageFacts(council))
    ):
        target = workdir / f"{number:02d}" / content.relative_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content.text, encoding="utf-8")
        items.append(read_back(target.read_text(encoding="utf-8")))
    return items


def norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .")


def overlap(annotated: str, imported: str) -> float:
    """Shared words over the longer text's words: a resolution that swallowed its neighbours
    scores as badly as one that lost words."""
    wanted = Counter(words(annotated))
    found = Counter(words(imported))
    longest = max(sum(wanted.values()), sum(found.values()))
    return sum((wanted & found).values()) / longest if longest else 1.0


def annotated_resolutions(
    entry: dict[str, object], by_path: dict[str, dict[str, object]]
) -> list[dict[str, str]]:
    """Annotations, with "see moderngov/NNN.txt" replaced by that entry's resolutions."""
    result = []
    for resolution in entry.get("resolutions") or []:
        text = str(resolution.get("text", ""))
        match = re.fullmatch(r"see (\S+)", text.strip())
        if match and match[1] in by_path:
            for other in by_path[match[1]].get("resolutions") or []:
                result.append(
                    {
                        **other,
                        **{k: v for k, v in resolution.items() if k not in ("text", "category")},
                    }
                )
        else:
            result.append(resolution)
    return result


def group_key(resolution: dict[str, str]) -> str | None:
    for key in ("item", "meeting", "decision_ref"):
        if resolution.get(key):
            return str(resolution[key])
    return None


def find_item(key: str, items: list[ImportedItem]) -> ImportedItem | None:
    """The imported item an annotation group means: by item number, meeting date, ref or title."""
    date = re.match(r"(\d{4}-\d{2}-\d{2})", key)
    for item in items:
        front = item.front
        extra = front.get("extra") or {}
        if date and str(front.get("date")) == date[1]:
            return item
        if str(front.get("item", "")) == key or str(extra.get("ref", "")) == key:
            return item
        if key.lower() in str(front.get("title", "")).lower():
            return item
    return None


def score_resolutions(
    annotated: list[dict[str, str]],
    items: list[ImportedItem],
    rules: KindRules,
    score: Score,
    misses: list[str],
) -> None:
    groups: dict[str | None, list[dict[str, str]]] = {}
    for resolution in annotated:
        groups.setdefault(group_key(resolution), []).append(resolution)
    if not groups and len(items) == 1:
        groups[None] = []
    for key, wanted in groups.items():
        item = (
            items[0]
            if key is None and len(items) == 1
            else (find_item(key, items) if key else None)
        )
        pool = [(i.lead_in, r) for i in ([item] if item else items) for r in i.resolutions]
        if key is not None or len(items) == 1:
            count = len(item.resolutions) if item else -1
            score.counts.append(count == len(wanted))
            if count != len(wanted):
                misses.append(
                    f"resolution count {count}, annotated {len(wanted)} ({key or 'item'})"
                )
        _match_texts(wanted, pool, rules, score, misses)


def _match_texts(
    wanted: list[dict[str, str]],
    pool: list[tuple[str, str]],
    rules: KindRules,
    score: Score,
    misses: list[str],
) -> None:
    free = list(pool)
    for resolution in wanted:
        text = str(resolution["text"])
        best = max(free, key=lambda p: overlap(text, p[1]), default=None)
        matched = best is not None and overlap(text, best[1]) >= TEXT_MATCH
        score.texts.append(matched)
        if not matched or best is None:
            misses.append(f"resolution not found: {text[:70]!r}")
            continue
        free.remove(best)
        kind = classify_with_lead_in(best[1], best[0], rules)
        expected = CATEGORY_KIND.get(str(resolution.get("category")), "other")
        score.kinds.append(kind == expected)
        if kind != expected:
            misses.append(f"kind {kind}, annotated {expected}: {best[1][:60]!r}")


def score_text(source: str, items: list[ImportedItem], score: Score, misses: list[str]) -> None:
    lines = [BULLETS.sub("", LABELS.sub(" ", x)) for x in normalise_lines(_drop_navigation(source))]
    lines = [line for line in lines if not PAGE_LABELS.match(line)]
    wanted = Counter(words(" ".join(lines)))
    found = Counter(words(" ".join(item.text for item in items)))
    lost = wanted - found
    score.kept[0] += sum(wanted.values()) - sum(lost.values())
    score.kept[1] += sum(wanted.values())
    if lost:
        misses.append(f"words lost: {' '.join(sorted(lost))[:100]}")
    flat = " ".join(words(" ".join(BULLETS.sub("", x) for x in normalise_lines(source))))
    for item in items:
        for resolution in item.resolutions:
            if " ".join(words(resolution)) not in flat:
                score.invented += 1
                misses.append(f"invented resolution: {resolution[:60]!r}")


def _drop_navigation(source: str) -> str:
    """Site menus: bullet lines above a whole-meeting page's items table."""
    lines = source.splitlines()
    end = next((i for i, line in enumerate(lines) if NAV_END.match(line)), 0)
    return "\n".join(x for i, x in enumerate(lines) if i >= end or not x.strip().startswith("•"))


def load_entries(manifest: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    entries = data["files"] if isinstance(data, dict) else data
    return [{**e, "path": e.get("path") or e.get("file")} for e in entries]


def evaluate(manifest: Path, rules: KindRules) -> tuple[Score, list[str]]:
    entries = load_entries(manifest)
    by_path = {str(e["path"]): e for e in entries}
    score, report = Score(), []
    with tempfile.TemporaryDirectory() as temp:
        for number, entry in enumerate(entries):
            misses: list[str] = []
            path = manifest.parent / str(entry["path"])
            items = import_entry(path, str(entry.get("council")), Path(temp) / f"{number:03d}")
            title = entry.get("item_title")
            if isinstance(title, str) and not title.startswith("("):
                ok = any(norm(title) == norm(str(i.front.get("title"))) for i in items)
                score.titles.append(ok)
                if not ok:
                    misses.append(
                        f"title {[i.front.get('title') for i in items]!r}, annotated {title!r}"
                    )
            if "resolutions" in entry:
                score_resolutions(
                    annotated_resolutions(entry, by_path), items, rules, score, misses
                )
            score_text(path.read_text(encoding="utf-8"), items, score, misses)
            report += [f"{entry['path']}: {miss}" for miss in misses]
    return score, report


def percent(values: list[bool]) -> str:
    return f"{round(100 * sum(values) / len(values)) if values else 100}%"


def summary(score: Score) -> str:
    kept = 100 * score.kept[0] / score.kept[1] if score.kept[1] else 100.0
    return (
        f"titles {percent(score.titles)} · resolution counts {percent(score.counts)} · "
        f"resolution texts {percent(score.texts)} · resolution kinds {percent(score.kinds)} · "
        f"text kept {kept:.1f}% · invented {score.invented}"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python bench/eval_importer.py MANIFEST", file=sys.stderr)
        return 2
    score, report = evaluate(Path(argv[0]), load_kind_rules(DEFAULT_RULES_PATH))
    for line in report:
        print(line)
    print(summary(score))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
