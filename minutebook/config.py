"""Configuration: the archive's settings and vocabularies, read from the `config/` folder.

A configuration problem stops the run with exit code 2 (`ConfigError`): unlike a bad content
file, it affects every page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from minutebook.diagnostics import ConfigError

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_DIR = PACKAGE_ROOT / "config"
TEMPLATES_DIR = PACKAGE_ROOT / "templates"
STATIC_DIR = PACKAGE_ROOT / "static"
NETLIFY_TOML = PACKAGE_ROOT / "netlify.toml"


@dataclass(frozen=True)
class CouncilSettings:
    name: str
    short: str
    noindex: bool = False


@dataclass(frozen=True)
class TopicDefinition:
    id: str
    name: str
    description: str
    category_id: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TopicCategory:
    id: str
    name: str
    description: str
    topic_ids: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    categories: tuple[TopicCategory, ...]
    topics: dict[str, TopicDefinition]


@dataclass(frozen=True)
class SiteSettings:
    title: str
    tagline: str
    base_url: str  # absolute, ends with "/"
    page_size: int
    search_block_docs: int = 4096  # documents per block of the search index (index/blocks.py)

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, e.g. "/" or "/minutes/"."""
        return urlsplit(self.base_url).path or "/"


@dataclass(frozen=True)
class Config:
    site: SiteSettings
    councils: dict[str, CouncilSettings]
    vocabulary: Vocabulary
    config_dir: Path

    @property
    def kind_rules_path(self) -> Path:
        return self.config_dir / "resolution_kinds.yaml"


def load_config(config_dir: Path, base_url: str | None = None) -> Config:
    site_data = read_yaml_map(config_dir / "site.yaml")
    return Config(
        site=_site_settings(site_data, base_url, config_dir / "site.yaml"),
        councils=_councils(
            read_yaml_map(config_dir / "councils.yaml"), config_dir / "councils.yaml"
        ),
        vocabulary=_vocabulary(
            read_yaml_map(config_dir / "topics.yaml"), config_dir / "topics.yaml"
        ),
        config_dir=config_dir,
    )


def read_yaml_map(path: Path, optional: bool = False) -> dict[str, Any]:
    """One configuration file as a map; an optional file that is absent reads as empty."""
    if not path.exists():
        if optional:
            return {}
        raise ConfigError(f"{path}: missing configuration file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: invalid YAML: {error}") from None
    if data is None and optional:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a map of settings")
    return data


def _site_settings(data: dict[str, Any], base_url: str | None, path: Path) -> SiteSettings:
    url = base_url or str(data.get("base_url", "/"))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or (parts.scheme and not parts.netloc):
        raise ConfigError(f"{path}: base URL must be http(s)://host/path/ or /path/, got {url!r}")
    if not url.endswith("/"):
        url += "/"
    page_size = data.get("page_size", 50)
    if not isinstance(page_size, int) or page_size < 1:
        raise ConfigError(f"{path}: page_size must be a positive whole number")
    block_docs = data.get("search_block_docs", 4096)
    if not isinstance(block_docs, int) or isinstance(block_docs, bool) or block_docs < 1:
        raise ConfigError(f"{path}: search_block_docs must be a positive whole number")
    return SiteSettings(
        title=str(data.get("title", "Minutebook")),
        tagline=str(data.get("tagline", "")),
        base_url=url,
        page_size=page_size,
        search_block_docs=block_docs,
    )


def _councils(data: dict[str, Any], path: Path) -> dict[str, CouncilSettings]:
    councils: dict[str, CouncilSettings] = {}
    for entry in data.get("councils") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(f"{path}: each council needs a 'name', got {entry!r}")
        name = entry["name"]
        short = entry.get("short") or default_short_name(name)
        councils[name] = CouncilSettings(name, str(short), bool(entry.get("noindex", False)))
    return councils


_COUNCIL_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:royal\s+)?(?:london\s+)?borough\s+of\s+|city\s+(?:and\s+county\s+)?of\s+)|"
    r"\s+(?:metropolitan\s+)?(?:district\s+|county\s+borough\s+|county\s+|borough\s+|city\s+)?"
    r"council$",
    re.IGNORECASE,
)


def default_short_name(council_name: str) -> str:
    """ "London Borough of Enfield" → "Enfield"; "Powys County Council" → "Powys"."""
    short = _COUNCIL_WORDS.sub("", council_name).strip()
    return short or council_name


def _vocabulary(data: dict[str, Any], path: Path) -> Vocabulary:
    categories: list[TopicCategory] = []
    topics: dict[str, TopicDefinition] = {}
    for category in data.get("categories") or []:
        _require(category, ("id", "name", "description"), path)
        ids = []
        for topic in category.get("topics") or []:
            _require(topic, ("id", "name", "description"), path)
            if topic["id"] in topics:
                raise ConfigError(f"{path}: topic id '{topic['id']}' is used twice")
            keywords = tuple(str(k) for k in topic.get("keywords") or [])
            topics[topic["id"]] = TopicDefinition(
                topic["id"], topic["name"], topic["description"], category["id"], keywords
            )
            ids.append(topic["id"])
        categories.append(
            TopicCategory(category["id"], category["name"], category["description"], tuple(ids))
        )
    return Vocabulary(tuple(categories), topics)


def _require(entry: Any, keys: tuple[str, ...], path: Path) -> None:
    if not isinstance(entry, dict) or any(not isinstance(entry.get(k), str) for k in keys):
        raise ConfigError(f"{path}: each entry needs {', '.join(keys)}, got {entry!r}")
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry["id"]):
        raise ConfigError(f"{path}: id '{entry['id']}' must be lower-case words joined by '-'")
