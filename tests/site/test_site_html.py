"""Every page of the built site is valid HTML according to the Nu Html Checker (vnu)."""

from __future__ import annotations

from pathlib import Path

from tests.site.tools import require_vnu
from tests.site.vnu import vnu_errors


def test_every_page_is_valid_html(built_site: Path) -> None:
    java, jar = require_vnu()
    assert vnu_errors(java, jar, built_site) == []
