"""Split a content file into YAML front matter and Markdown body, and parse the YAML safely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from minutebook.diagnostics import Diagnostics

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """A safe loader (only plain data; the C one is ~5x faster) that keeps dates as text.

    PyYAML turns `2020-13-45` into a crash inside the parser; reading dates as strings lets
    the schema report them properly.
    """


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_FENCE = re.compile(r"^---[ \t]*$")
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


@dataclass(frozen=True)
class SplitFile:
    front_matter: dict[str, Any]
    key_lines: dict[str, int]  # file-absolute line of each top-level key
    body: str
    body_line: int  # file-absolute line number of the body's first line


def split_front_matter(text: str, source_path: str, diagnostics: Diagnostics) -> SplitFile | None:
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0].lstrip("\ufeff")):
        diagnostics.error(
            "frontmatter.missing",
            "file must start with '---' and YAML front matter",
            source_path,
            1,
        )
        return None
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        diagnostics.error(
            "frontmatter.unterminated",
            "front matter is not closed: add a line '---' after it",
            source_path,
            1,
        )
        return None
    yaml_text = "\n".join(lines[1:end])
    data = _parse_yaml(yaml_text, source_path, diagnostics)
    if data is None:
        return None
    key_lines = {
        m.group(1): i + 2
        for i, line in enumerate(lines[1:end])
        if (m := _TOP_LEVEL_KEY.match(line))
    }
    return SplitFile(data, key_lines, "\n".join(lines[end + 1 :]), end + 2)


def _parse_yaml(
    yaml_text: str, source_path: str, diagnostics: Diagnostics
) -> dict[str, Any] | None:
    try:
        data = yaml.load(yaml_text, Loader=ContentLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = error.problem or "invalid YAML"
        if isinstance(error, yaml.constructor.ConstructorError) and "tag" in problem:
            problem = f"YAML tags are not allowed ({problem.strip()})"
        diagnostics.error("frontmatter.yaml", f"invalid front matter: {problem}", source_path, line)
        return None
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        diagnostics.error("frontmatter.yaml", f"invalid front matter: {error}", source_path, 2)
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        diagnostics.error(
            "frontmatter.shape", "front matter must be a set of 'key: value' lines", source_path, 2
        )
        return None
    return data
