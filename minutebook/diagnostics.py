"""Diagnostics: problems in content or configuration, reported as values.

Every stage takes a `Diagnostics` sink and adds to it instead of raising, so a
run reports every problem at once (`path:line: error: message [code]`) and tests
can assert on exactly what was reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    source_path: str
    line: int | None = None

    def __str__(self) -> str:
        return self.source_path if self.line is None else f"{self.source_path}:{self.line}"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    message: str
    location: Location

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message} [{self.code}]"


@dataclass
class Diagnostics:
    """A sink that collects diagnostics from every stage of one run."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, code: str, message: str, source_path: str, line: int | None = None) -> None:
        self.items.append(Diagnostic(Severity.ERROR, code, message, Location(source_path, line)))

    def warning(self, code: str, message: str, source_path: str, line: int | None = None) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, Location(source_path, line)))

    def add(
        self, severity: Severity, code: str, message: str, source_path: str, line: int | None
    ) -> None:
        self.items.append(Diagnostic(severity, code, message, Location(source_path, line)))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def sorted(self) -> Iterator[Diagnostic]:
        return iter(sorted(self.items, key=lambda d: (d.location, d.code, d.message)))


class ConfigError(Exception):
    """A problem in the archive's configuration (exit code 2): not content, so it stops the run."""
