"""Find the external tools the checks need; a missing tool skips locally but fails in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.site.sitebuild import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = REPO_ROOT / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, reason: str) -> None:
    """Skip when a tool is missing on a developer's machine; in CI a missing tool is a failure,
    so a broken install can never turn the whole browser suite silently green."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so this is a failure)", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> Path:
    require(CHROMIUM.exists(), "chromium not installed: browser tests skipped")
    return CHROMIUM


def require_axe() -> Path:
    require(
        AXE_SCRIPT.exists(),
        "node_modules/axe-core missing (run `npm ci --ignore-scripts`): accessibility tests skipped",
    )
    return AXE_SCRIPT


def require_vnu() -> tuple[str, Path]:
    java = shutil.which("java")
    require(java is not None, "java not installed: HTML validation skipped")
    require(
        VNU_JAR.exists(),
        "node_modules/vnu-jar missing (run `npm ci --ignore-scripts`): HTML validation skipped",
    )
    assert java is not None
    return java, VNU_JAR
