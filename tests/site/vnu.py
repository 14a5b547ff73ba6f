"""Run the Nu Html Checker once over a whole site: one JVM start is most of its cost."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


def vnu_errors(java: str, jar: Path, root: Path) -> list[str]:
    """Every error vnu reports for the HTML under root, as `page:line: message`."""
    targets = sorted(str(entry) for entry in root.iterdir())
    command = [
        java,
        "-jar",
        str(jar),
        "--errors-only",
        "--format",
        "json",
        "--skip-non-html",
        *targets,
    ]
    # vnu exits 1 when it finds errors; the JSON report on stderr is what matters.
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(
            f"vnu could not run (exit {result.returncode}):\n{result.stderr[-2000:]}"
        )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [describe(message, root) for message in messages]


def describe(message: dict[str, object], root: Path) -> str:
    where = str(message.get("url", "")).removeprefix("file:").removeprefix(str(root))
    line = message.get("lastLine", "?")
    return f"{where}:{line}: {message.get('type')}: {message.get('message')}"
