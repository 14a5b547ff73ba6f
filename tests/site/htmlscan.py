"""Read one HTML page with the standard library's parser: its ids, links and anything a strict
Content-Security-Policy would block. Pure Python so the link checks stay fast on big sites."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Attributes that point at another resource; the link checker resolves every one of them.
URL_ATTRIBUTES = {"href", "src", "action", "poster"}
# <script type> values that are data, not code: browsers never run them, so CSP ignores them.
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json", "importmap", "speculationrules"}


@dataclass(frozen=True)
class Link:
    tag: str
    attribute: str
    url: str
    line: int


@dataclass(frozen=True)
class Form:
    action: str
    method: str
    input_names: tuple[str, ...]


@dataclass
class PageScan:
    ids: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    inline_scripts: list[int] = field(default_factory=list)
    inline_styles: list[int] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    handler_attributes: list[str] = field(default_factory=list)
    javascript_urls: list[str] = field(default_factory=list)
    canonical: str | None = None

    @property
    def duplicate_ids(self) -> list[str]:
        return sorted(name for name, count in Counter(self.ids).items() if count > 1)

    @property
    def anchor_links(self) -> list[Link]:
        """The links a reader can follow, as opposed to stylesheets, scripts and images."""
        return [
            link for link in self.links if link.tag in ("a", "area") and link.attribute == "href"
        ]


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._form: tuple[str, str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        for name, value in values.items():
            self._check_attribute(tag, name, value, line)
        self._note_element(tag, values, line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            action, method, names = self._form
            self.scan.forms.append(Form(action, method, tuple(names)))
            self._form = None

    def _check_attribute(self, tag: str, name: str, value: str, line: int) -> None:
        where = f"line {line}: <{tag} {name}=…>"
        if name == "id":
            self.scan.ids.append(value)
        elif name == "style":
            self.scan.style_attributes.append(where)
        elif name.startswith("on"):
            self.scan.handler_attributes.append(where)
        if value.strip().lower().startswith("javascript:"):
            self.scan.javascript_urls.append(where)
        if name in URL_ATTRIBUTES or (tag == "object" and name == "data"):
            self.scan.links.append(Link(tag, name, value, line))
        elif name == "srcset":
            for candidate in value.split(","):
                if candidate.strip():
                    self.scan.links.append(Link(tag, name, candidate.split()[0], line))

    def _note_element(self, tag: str, values: dict[str, str], line: int) -> None:
        if tag == "script" and "src" not in values:
            if values.get("type", "").strip().lower() not in DATA_SCRIPT_TYPES:
                self.scan.inline_scripts.append(line)
        elif tag == "style":
            self.scan.inline_styles.append(line)
        elif tag == "link" and "canonical" in values.get("rel", "").split():
            self.scan.canonical = values.get("href")
        elif tag == "form":
            self._form = (values.get("action", ""), values.get("method", "get").lower(), [])
        elif tag in ("input", "select", "textarea") and self._form is not None:
            self._form[2].append(values.get("name", ""))


def scan_html(text: str) -> PageScan:
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


def scan_file(page: Path) -> PageScan:
    return scan_html(page.read_text(encoding="utf-8"))
