"""Site settings checked: mkdocs.yml `extra` against the typed model, every problem at its line.

The CLI reads mkdocs.yml itself (`check` must not import MkDocs); the MkDocs
adapter checks the `extra` MkDocs loaded and looks up lines in the same file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kunskapsarena.model.problems import Problem
from kunskapsarena.model.settings import SETTINGS_FILE, Settings
from kunskapsarena.source.settings_file import read_extra
from kunskapsarena.source.yamlsource import YamlDocument

from .messages import schema_problems


def check_settings(extra: Any, document: YamlDocument | None = None) -> tuple[Settings | None, list[Problem]]:
    """The typed settings, or None and every problem (lines from `document`, the parsed mkdocs.yml)."""
    document = document or YamlDocument(data=None)
    if extra is None:
        extra = {}
    if not isinstance(extra, Mapping):
        return None, [Problem(SETTINGS_FILE, document.line_of(("extra",)), "extra", "ska vara en grupp av fält",
                              "skriv extra: och inställningarna indragna på raderna under")]
    settings: Settings | None = None
    problems: list[Problem] = []
    try:
        settings = Settings.model_validate(dict(extra))
    except ValidationError as exc:
        problems = schema_problems(exc, Settings, SETTINGS_FILE, document, base=("extra",))
    if extra.get("organisation") is None:   # optional in the type only, for builders' defaults
        problems.append(Problem(SETTINGS_FILE, document.line_of(("extra", "organisation")), "extra.organisation",
                                "saknas men måste finnas",
                                "tillgänglighetsredogörelsen behöver organisationens namn och kontaktuppgifter: "
                                "lägg till name, email och phone"))
    if problems:
        return None, sorted(problems, key=lambda problem: problem.line)
    return settings, []


def settings_from_file(config_file: Path) -> tuple[Settings | None, list[Problem]]:
    """Read and check `extra` of mkdocs.yml without MkDocs (for `arena check`)."""
    try:
        extra, document = read_extra(config_file)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(SETTINGS_FILE, 1, "fil", f"mkdocs.yml går inte att läsa: {exc}",
                              "spara filen som UTF-8")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(SETTINGS_FILE, mark.line + 1 if mark else 1, "YAML",
                              f"ogiltig YAML: {getattr(exc, 'problem', None) or exc}",
                              "kontrollera indraget och att listor och citattecken är stängda")]
    return check_settings(extra, document)
