"""Writing one content file: YAML front matter, then the body sections as Markdown.

Source text is escaped so that Markdown shows it exactly as printed: a minute that begins
"1." must not become a numbered list, and "*" or "<" in a title must not become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from minutebook.importers.resolutions import BULLET, SUB_BULLET, Resolution, strip_bullet
from minutebook.importers.sections import Sections

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d{1,9}(?=[.)](?:\s|$)))")


def escape(text: str) -> str:
    """Text that renders as itself: Markdown's special characters are backslash-escaped."""
    text = _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))
    match = _LINE_START.match(text)
    if match and match[2].isdigit():
        end = match.end()
        return f"{text[:end]}\\{text[end:]}"
    if match:
        return f"{match[1]}\\{text[match.end(1) :]}"
    return text


@dataclass(frozen=True)
class FrontMatter:
    council: str
    committee: str | None
    title: str
    date: str | None = None
    item: str | None = None
    source: str | None = None
    incomplete: bool = False
    extra: dict[str, object] | None = None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "council": self.council,
            "committee": self.committee,
            "title": self.title,
        }
        optional = {"date": self.date, "item": self.item, "source": self.source}
        data.update({key: value for key, value in optional.items() if value})
        if self.incomplete:
            data["incomplete"] = True
        if self.extra:
            data["extra"] = self.extra
        return data


def render_content(front: FrontMatter, sections: Sections) -> str:
    matter = yaml.safe_dump(
        front.as_dict(), sort_keys=True, allow_unicode=True, default_flow_style=False, width=10_000
    )
    parts = [f"---\n{matter}---\n"]
    for heading, body in _section_bodies(sections):
        if body:
            parts.append(f"## {heading}\n\n{body}\n")
    return "\n".join(parts)


def _section_bodies(sections: Sections) -> list[tuple[str, str]]:
    resolved = sections.resolved
    return [
        ("Purpose", _prose(sections.purpose)),
        ("Recommended", _prose(sections.recommended)),
        ("Contact officer", _prose(sections.contact)),
        ("Minutes", _prose(sections.minutes)),
        ("Resolved", _resolved(resolved.lead_in, resolved.items)),
        ("Reasons", _prose(resolved.reasons)),
        ("Alternatives considered", _prose(sections.alternatives)),
        ("Actions", _list(sections.actions)),
        ("Supporting documents", _list(sections.documents)),
    ]


def _prose(paragraphs: list[str]) -> str:
    """Paragraphs, with source bullets as a Markdown list ("o" sub-bullets nested)."""
    blocks: list[str] = []
    for line in paragraphs:
        if BULLET.match(line):
            blocks.append(f"- {escape(strip_bullet(line))}")
        elif SUB_BULLET.match(line) and blocks and blocks[-1].lstrip().startswith("- "):
            blocks.append(f"  - {escape(strip_bullet(line))}")
        else:
            blocks.append(f"\n{escape(line)}\n")
    return _join(blocks)


def _join(blocks: list[str]) -> str:
    text = "\n".join(blocks)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _list(lines: list[str]) -> str:
    return "\n".join(f"- {escape(strip_bullet(line))}" for line in lines)


def _resolved(lead_in: list[str], items: list[Resolution]) -> str:
    parts = [escape(line) for line in lead_in]
    entries = []
    for item in items:
        lines = [f"- {escape(item.lines[0])}"]
        lines += [f"  {escape(line)}" for line in item.lines[1:]]
        lines += [f"  - {escape(sub)}" for sub in item.subitems]
        entries.append("\n".join(lines))
    if entries:
        parts.append("\n".join(entries))
    return "\n\n".join(parts)
