"""Configuration: ``.disclint.yaml`` or ``[tool.disclint]`` in pyproject.toml.

The configuration that applies to a file is the nearest one found walking up
from the file's directory (a ``.disclint.yaml`` wins over a pyproject.toml in
the same directory; a pyproject.toml without ``[tool.disclint]`` is passed
over), or the one named with ``--config``.  Every key is checked: an unknown
key or a bad value is a :class:`ConfigError` naming the file and the key,
which the CLI turns into exit status 2.

Keys (the same in both formats)::

    select: [S, N101]            # only these codes or prefixes
    extend-select: [X]           # add to select
    ignore: [T101]               # skip these
    severity: {N105: warning}    # per-rule severity
    options: {S102: {...}}       # per-rule options (YAML rules: merged into params;
                                 # Python rules: their declared Options), checked
                                 # against the rules when they are built (ruleset)
    per-file-ignores: {"drafts/*.txt": [S102]}
    fail-on: warning             # error | warning | info
    lang: en                     # zh | en
    kind: budget                 # final_account | budget | unknown
    year: 2024
    unit: 某某局
    rules: [my-rules/]           # more YAML rule directories, relative to the file
    max-file-size: 50            # MB; larger files are not checked (E003)
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

KEYS = (
    "select",
    "extend-select",
    "ignore",
    "severity",
    "options",
    "per-file-ignores",
    "fail-on",
    "lang",
    "kind",
    "year",
    "unit",
    "rules",
    "max-file-size",
)
_SEVERITIES = ("error", "warning", "info")
_KINDS = ("final_account", "budget", "unknown")


class ConfigError(Exception):
    def __init__(self, path: Path | str, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass
class Config:
    """One configuration file's settings (empty when there is none)."""

    path: Path | None = None
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: str | None = None
    lang: str | None = None
    kind: str | None = None
    year: int | None = None
    unit: str | None = None
    rules: tuple[str, ...] = ()
    max_file_size: float | None = None  # megabytes

    def ignored_for(self, file: str) -> tuple[str, ...]:
        """Codes ignored for ``file`` by per-file-ignores (globs are relative
        to the configuration file's directory)."""
        if not self.per_file_ignores:
            return ()
        base = self.path.parent if self.path else Path.cwd()
        try:
            relative = Path(os.path.abspath(file)).relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = Path(file).as_posix()
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(file).name, pattern):
                codes.extend(ignored)
        return tuple(codes)


# The largest size limit one can set: a terabyte is already far beyond any
# disclosure; the bound keeps the byte count a finite int.
MAX_FILE_MB = 1_000_000


def parse_megabytes(value) -> float:
    """A size limit in MB from the command line or a configuration: finite,
    at least one byte, at most :data:`MAX_FILE_MB`.  ``inf``, ``nan``,
    ``1e308`` (whose byte count overflows) and ``1e-300`` (zero bytes) are
    refused with the reason, rather than crashing or limiting to 0 bytes."""
    try:
        megabytes = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{value!r} is not a number") from None
    if megabytes != megabytes or megabytes in (float("inf"), float("-inf")):
        raise ValueError(f"{value!r} is not a finite number")
    if megabytes > MAX_FILE_MB:
        raise ValueError(f"{value!r} MB is more than the largest limit, {MAX_FILE_MB} MB")
    if int(megabytes * 1_000_000) < 1:
        raise ValueError(f"{value!r} MB is less than one byte (0.000001 MB)")
    return megabytes


def _codes(path, key, value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.replace(" ", ",").split(",") if part]
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        raise ConfigError(path, f"{key}: expected a list of rule codes, got {value!r}")
    return tuple(code.upper() for code in value)


def _parse(path: Path, data) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(path, "the configuration must be a mapping of keys to values")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(path, f"unknown key {unknown[0]!r} (known keys: {', '.join(KEYS)})")
    config = Config(path=path)
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            setattr(config, key.replace("-", "_"), _codes(path, key, data[key]))
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(path, "severity: expected a mapping of rule code to error|warning|info")
    for code, level in severity.items():
        if level not in _SEVERITIES:
            raise ConfigError(path, f"severity.{code}: {level!r} is not one of error, warning, info")
        config.severity[str(code).upper()] = level
    options = data.get("options", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError(path, "options: expected a mapping of rule code to a mapping of options")
    config.options = {str(code).upper(): value for code, value in options.items()}
    ignores = data.get("per-file-ignores", {})
    if not isinstance(ignores, dict):
        raise ConfigError(path, "per-file-ignores: expected a mapping of glob to rule codes")
    config.per_file_ignores = {str(glob): _codes(path, f"per-file-ignores.{glob}", codes) for glob, codes in ignores.items()}
    for key, allowed in (("fail-on", _SEVERITIES), ("lang", ("zh", "en")), ("kind", _KINDS)):
        if key in data:
            if data[key] not in allowed:
                raise ConfigError(path, f"{key}: {data[key]!r} is not one of {', '.join(allowed)}")
            setattr(config, key.replace("-", "_"), data[key])
    if "year" in data:
        if not isinstance(data["year"], int) or isinstance(data["year"], bool) or not 1949 <= data["year"] <= 2200:
            raise ConfigError(path, f"year: expected a year such as 2024, got {data['year']!r}")
        config.year = data["year"]
    if "unit" in data:
        if not isinstance(data["unit"], str) or not data["unit"].strip():
            raise ConfigError(path, f"unit: expected the unit's name, got {data['unit']!r}")
        config.unit = data["unit"]
    if "max-file-size" in data:
        value = data["max-file-size"]
        try:
            if isinstance(value, bool) or not isinstance(value, (int, float, str)):
                raise ValueError("expected a number")
            config.max_file_size = parse_megabytes(value)
        except ValueError as exc:
            raise ConfigError(path, f"max-file-size: {exc}; expected a size in MB such as 50, got {value!r}") from None
    if "rules" in data:
        dirs = data["rules"]
        if isinstance(dirs, str):
            dirs = [dirs]
        if not isinstance(dirs, list) or not all(isinstance(d, str) for d in dirs):
            raise ConfigError(path, f"rules: expected a list of directories, got {dirs!r}")
        resolved = []
        for directory in dirs:
            full = (path.parent / directory).resolve()
            if not full.is_dir():
                raise ConfigError(path, f"rules: {directory!r} is not a directory")
            resolved.append(str(full))
        config.rules = tuple(resolved)
    return config


def _load_toml(path: Path) -> dict | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(path, f"cannot read it as TOML ({exc})") from None
    return data.get("tool", {}).get("disclint")


def load_config(path: Path) -> Config:
    """Read one configuration file (.yaml/.yml or pyproject-style .toml)."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(path, "no such configuration file")
    if path.suffix == ".toml":
        section = _load_toml(path)
        return _parse(path, section if section is not None else {})
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot read the file ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(path, f"not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    return _parse(path, data)


def find_config(start: Path) -> Config:
    """The nearest configuration above ``start`` (a file or directory)."""
    directory = Path(os.path.abspath(start))
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        candidate = folder / ".disclint.yaml"
        if candidate.is_file():
            return load_config(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _load_toml(pyproject) is not None:
            return load_config(pyproject)
    return Config()
