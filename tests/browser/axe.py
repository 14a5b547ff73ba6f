"""Run axe-core in a page without weakening its CSP: the script is evaluated through the
DevTools protocol, which the page's policy does not govern, instead of a <script> tag."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((node) => node.target.join(" ")),
  }));
}"""


@cache
def _axe_source(script: Path) -> str:
    return script.read_text(encoding="utf-8")


def axe_violations(page: Page, script: Path) -> list[str]:
    """One line per violated rule: `rule-id (impact): help — first failing elements`."""
    page.evaluate(f"() => {{ {_axe_source(script)} }}")
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE, WCAG_TAGS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'])}" for v in violations
    ]
