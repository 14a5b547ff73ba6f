"""Fixtures for the static checks over a built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.sitebuild import shared_site


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shared_site(request.config, tmp_path_factory)
