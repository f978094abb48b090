"""The accessibility statement (tillgänglighetsredogörelse): editor text plus facts filled in at build time.

The editors write `content/tillganglighet.md` with placeholders; the build fills in
the organisation (mkdocs.yml `extra.organisation`, checked by check/settings.py, so a
municipality that forks the arena gets its own name and contacts), the compliance status from the page's front
matter, and the latest automated audit as recorded by `make audit`
(`data/accessibility-audit.yml`). Placeholders a statement may use:

    {{ organisation.name }} {{ organisation.email }} {{ organisation.phone }}
    {{ site_name }} {{ compliance }} {{ audit_summary }} {{ contact_list }}
    {{ missing_captions }} (recordings published without captions, with the reason: material_pages.py)

They are replaced as plain text; nothing in the page is ever evaluated.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pathspec
import yaml

from kunskapsarena.check.statement import COMPLIANCE, PLACEHOLDER, STATEMENT_PAGE, placeholder_problems
from kunskapsarena.generate.escape import inert
from kunskapsarena.generate.escape import url as escape_url
from kunskapsarena.generate.swedish import long_date
from kunskapsarena.model.content_types import CONTENT_TYPES
from kunskapsarena.model.settings import OrganisationSettings, SetupError

AUDIT_RECORD = "data/accessibility-audit.yml"
SCHEME_LABELS = {"light": "ljust", "dark": "mörkt"}


class StatementError(SetupError):
    """The statement cannot be published as written; the message says what to fix."""


def read_audit(root: Path) -> dict | None:
    path = Path(root) / AUDIT_RECORD
    if not path.is_file():
        return None
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    return record if isinstance(record, dict) else None


def source_digest(root: Path) -> str:
    """A hash of everything that shapes the built site, so an audit is tied to the version it saw.

    Files the project's .gitignore leaves out (installed tools such as the CMS
    bundle, caches, egg-info) and hidden files differ between checkouts of the
    same version, so they are not part of it.
    """
    root = Path(root)
    ignore_file = root / ".gitignore"
    ignored = pathspec.GitIgnoreSpec.from_lines(
        ignore_file.read_text(encoding="utf-8").splitlines() if ignore_file.is_file() else [])
    folders = ["content", "data", "overrides", "hooks", *(ctype.folder for ctype in CONTENT_TYPES)]
    candidates = {root / "mkdocs.yml"} | {path for folder in folders for path in (root / folder).rglob("*")}
    digest = hashlib.sha256()
    for path in sorted(candidates):
        rel = path.relative_to(root).as_posix()
        if (not path.is_file() or rel == AUDIT_RECORD or ignored.match_file(rel)
                or any(part.startswith(".") or part == "__pycache__" for part in rel.split("/"))):
            continue
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def audit_summary(record: dict | None, digest: str) -> str:
    """One Swedish paragraph about the latest recorded automated audit of this version, or that there is none."""
    runs = (record or {}).get("schemes") or {}
    if not runs:
        return "Ingen automatisk granskning har registrerats för webbplatsen ännu."
    current = {name: run for name, run in runs.items() if run.get("source") == digest}
    if not current:
        latest = max(dt.date.fromisoformat(str(run["date"])) for run in runs.values())
        return (f"Den senaste automatiska granskningen gjordes den {long_date(latest)} på en tidigare version "
                "av webbplatsen. Den här versionen har inte granskats sedan den ändrades.")
    runs = current
    latest = max(dt.date.fromisoformat(str(run["date"])) for run in runs.values())
    pages = max(int(run["pages"]) for run in runs.values())
    schemes = " och ".join(SCHEME_LABELS.get(name, name) for name in sorted(runs, key=list(SCHEME_LABELS).index))
    failing = {name: run for name, run in runs.items() if int(run["pages_with_violations"])}
    result = ("Inga brister hittades." if not failing else
              "Brister hittades på " + ", ".join(
                  f"{run['pages_with_violations']} sidor i {SCHEME_LABELS.get(name, name)} läge"
                  for name, run in sorted(failing.items())) + ".")
    return (f"Den senaste automatiska granskningen av den här versionen gjordes den {long_date(latest)}: "
            f"alla {pages} sidor granskades med {record['tool']} mot {record['standard']} i {schemes} läge. {result}")


def render_statement(markdown: str, meta: dict, organisation: OrganisationSettings, site_name: str,
                     audit: str, first_line: int = 1, missing_captions: str = "") -> str:
    """The statement page's Markdown with every placeholder filled in.

    Plain substitution, not a template engine: the page is editor text, and
    editor text is never evaluated. Values are made inert Markdown (escape.py).
    `first_line` is the file line of the Markdown's first line, for messages.
    """
    status = meta.get("compliance")
    if status not in COMPLIANCE:
        raise StatementError(f"content/{STATEMENT_PAGE}: compliance: '{status}' ska vara en av "
                             f"{', '.join(COMPLIANCE)} (hur väl webbplatsen uppfyller lagen)")
    problems = placeholder_problems(markdown, first_line)
    if problems:
        raise StatementError("\n".join(map(str, problems)))
    values = statement_values(organisation, site_name, COMPLIANCE[status], audit)
    values["missing_captions"] = missing_captions   # Markdown made by material_pages.missing_captions
    return PLACEHOLDER.sub(lambda found: values[found[1]], markdown)


def statement_values(organisation: OrganisationSettings, site_name: str, compliance: str,
                     audit: str) -> dict[str, str]:
    """Placeholder → Markdown. `contact_list` lists the ways to reach the organisation."""
    contacts = []
    if organisation.email:
        contacts.append(f"- E-post: [{inert(organisation.email)}]({escape_url('mailto:' + organisation.email, ('mailto',))})")
    if organisation.phone:
        contacts.append(f"- Telefon: {inert(organisation.phone)}")
    return {
        "organisation.name": inert(organisation.name),
        "organisation.email": inert(organisation.email or ""),
        "organisation.phone": inert(organisation.phone or ""),
        "site_name": inert(site_name),
        "compliance": inert(compliance),
        "audit_summary": inert(audit),
        "contact_list": "\n".join(contacts),
    }


def record_audit(root: Path, scheme: str, day: dt.date, pages: int, pages_with_violations: int,
                 tool: str, standard: str, digest: str) -> None:
    """Store one colour scheme's audit result for the statement (run by `make audit`)."""
    path = Path(root) / AUDIT_RECORD
    record = read_audit(root) or {}
    if record.get("tool") != tool or record.get("standard") != standard:
        record = {}   # results from another tool version or standard are not comparable
    record.update(tool=tool, standard=standard)
    record.setdefault("schemes", {})[scheme] = {
        "date": day.isoformat(), "pages": pages, "pages_with_violations": pages_with_violations, "source": digest}
    header = "# Written by `make audit` (tests/test_browser_axe.py); rendered in content/tillganglighet.md.\n"
    path.write_text(header + yaml.safe_dump(record, allow_unicode=True, sort_keys=True), encoding="utf-8")
