"""The project's settings: mkdocs.yml `extra`, one typed model checked before anything is built.

Every setting the arena (or the theme through the arena) reads from `extra`
is declared here, so a misspelt key, a wrong type or an unsafe URL is one
`mkdocs.yml:line: extra.…: …` problem at start instead of a traceback, a
silently ignored value or a broken page later. source/settings_file.py
reads mkdocs.yml, check/settings.py checks it, every problem at its line.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import EMAIL_PATTERN, url_problem

SETTINGS_FILE = "mkdocs.yml"
SUBMISSION_PLACEHOLDERS = ("content", "title")


class SetupError(Exception):
    """The site cannot be built as set up; the message says what to fix (shown without a traceback)."""


def _fail(message: str, hint: str = "") -> PydanticCustomError:
    # messages.py shows the message and the hint as they are; the message goes in through the
    # context so that braces in it ({body}) are never read as pydantic's own placeholders.
    return PydanticCustomError("arena_setting", "{message}", {"message": message, "hint": hint})


# --- value shapes ---------------------------------------------------------------

_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
_EMAIL = re.compile(EMAIL_PATTERN)
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{3,28}[0-9]$")
_SITE_PATH = re.compile(r"^/?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/?$")


def _web_address(value: str, schemes: tuple[str, ...] = ("http", "https"), shown: str | None = None) -> str:
    """An absolute http(s) address: the content's URL rule (fields.url_problem), so nothing can end an attribute.

    `shown` is the value as written, when `value` is a template with its placeholders filled in.
    """
    shown = shown or value
    problem = url_problem(value)
    if problem is not None:
        raise _fail(f"'{shown}' {problem[0]}", problem[1])
    if value.split(":", 1)[0] not in schemes:
        raise _fail(f"'{shown}' ska börja med https://",
                    "webbläsaren laddar inte skript över http:// på en webbplats med https://")
    return value


def _url_template(value: str) -> str:
    """A web address with the placeholders {title} and {content}, nothing else (no attributes, no formats)."""
    try:
        fields = list(string.Formatter().parse(value))
    except ValueError:
        raise _fail(f"'{value}' har en klammer ({{ eller }}) som inte hör till en platshållare",
                    "platshållare skrivs {title} eller {content}; skriv {{ eller }} för en klammer") from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in SUBMISSION_PLACEHOLDERS or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise _fail(f"okänd platshållare {{{shown}}}",
                        "använd {content} för den ifyllda filen och {title} för en rubrik")
    _web_address(value.format(content="x", title="x"), shown=value)
    return value


def _hostname(value: str) -> str:
    host = value.strip().lower()
    if not _HOSTNAME.match(host):
        raise _fail(f"'{value}' är inget värdnamn",
                    "skriv bara värdnamnet, utan https:// och sökväg, t.ex. www.youtube-nocookie.com")
    return host


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise _fail(f"'{value}' är ingen giltig e-postadress", "skriv t.ex. namn@kommun.se")
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        raise _fail(f"'{value}' är inget telefonnummer",
                    "skriv siffror, mellanslag och bindestreck, gärna med +46 först, t.ex. 070-174 06 99")
    return value


def _shaped(pattern: str, what: str, example: str):
    """A validator for a plain value such as a repository name: `pattern` or a message saying what is expected."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.match(value):
            raise _fail(f"'{value}' är inget giltigt {what}", f"skriv t.ex. {example}")
        return value
    return AfterValidator(check)


def _site_path(value: str) -> str:
    """A folder in the repository or on the site: no scheme, no '..', nothing to escape."""
    if not _SITE_PATH.match(value) or ".." in value.split("/"):
        raise _fail(f"'{value}' är ingen giltig mapp",
                    "skriv en sökväg med bokstäver a–z, siffror, - och _, t.ex. content/assets/bilder")
    return value


def _script_source(value: str) -> str:
    """The CMS bundle: a file on the site itself, or an https address."""
    if "://" in value:
        return _web_address(value, schemes=("https",))
    if value.startswith("//") or not _SITE_PATH.match(value) or ".." in value.split("/"):
        raise _fail(f"'{value}' är varken en fil på webbplatsen eller en https-adress",
                    "skriv decap-cms.js (filen i content/admin/) eller en adress som börjar med https://")
    return value


WebAddress = Annotated[str, AfterValidator(_web_address)]
UrlTemplate = Annotated[str, AfterValidator(_url_template)]
Hostname = Annotated[str, AfterValidator(_hostname)]
Email = Annotated[str, AfterValidator(_email)]
Phone = Annotated[str, AfterValidator(_phone)]
SitePath = Annotated[str, AfterValidator(_site_path)]
ScriptSource = Annotated[str, AfterValidator(_script_source)]
Name = Annotated[str, Field(min_length=1, max_length=200)]


class Group(BaseModel):
    """A group of settings: unknown keys are errors (a misspelt key must not be silently ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- the settings ---------------------------------------------------------------

class OrganisationSettings(Group):
    """Who answers for the site (the accessibility statement names them)."""

    name: Name = Field(json_schema_extra={"x-example": "Exempelby kommun"})
    email: Email | None = None
    phone: Phone | None = None

    @model_validator(mode="after")
    def _reachable(self) -> OrganisationSettings:
        if not self.email and not self.phone:
            raise _fail("ange email eller phone", "dit besökare rapporterar brister i tillgängligheten")
        return self


class IdeaSubmissionSettings(Group):
    """"Föreslå en idé": a pre-filled new issue or file in the git host, and/or an e-mail address."""

    url: UrlTemplate | None = None
    label: Annotated[str, Field(min_length=1, max_length=80)] = "Föreslå en idé"
    email: Email | None = None


DECAP_BACKENDS = ("git-gateway", "github", "gitlab", "gitea", "bitbucket", "azure", "proxy", "test-repo")


class CmsBackend(Group):
    """Decap CMS's `backend` block; the keys Decap documents for its backends."""

    name: Literal[DECAP_BACKENDS] = Field(json_schema_extra={"x-example": "git-gateway"})  # type: ignore[valid-type]
    repo: Annotated[str, _shaped(r"^[\w.-]+(?:/[\w.-]+)+$", "reponamn", "organisation/arena")] | None = None
    branch: Annotated[str, _shaped(r"^[\w.-]+(?:/[\w.-]+)*$", "grennamn", "main")] | None = None
    api_root: WebAddress | None = None
    base_url: WebAddress | None = None
    auth_endpoint: SitePath | None = None
    site_domain: Hostname | None = None
    identity_url: WebAddress | None = None
    gateway_url: WebAddress | None = None
    proxy_url: WebAddress | None = None
    app_id: Name | None = None
    tenant_id: Name | None = None
    auth_type: Literal["pkce", "implicit"] | None = None
    auth_scope: Literal["repo", "public_repo"] | None = None
    use_graphql: bool | None = None
    open_authoring: bool | None = None
    always_fork: bool | None = None
    squash_merges: bool | None = None
    cms_label_prefix: Name | None = None
    preview_context: Name | None = None
    commit_messages: dict[str, Name] | None = None


DECAP_SCRIPT = "decap-cms.js"   # Decap's script beside admin/index.html (same origin)


class CmsSettings(Group):
    """Decap CMS at /admin/ (see cms.py)."""

    script: ScriptSource = DECAP_SCRIPT
    backend: CmsBackend = Field(default_factory=lambda: CmsBackend(name="git-gateway", branch="main"),
                                json_schema_extra={"x-example": {"name": "git-gateway", "branch": "main"}})
    publish_mode: Literal["editorial_workflow", "simple"] = "editorial_workflow"
    media_folder: SitePath = "content/assets/bilder"
    public_folder: SitePath = "/assets/bilder"


class EmbedSettings(Group):
    """Hosts whose video players pages may embed, click-to-load."""

    hosts: list[Hostname] = Field(default_factory=list)


class SocialLink(Group):
    """One of Material's footer links (extra.social)."""

    icon: Annotated[str, _shaped(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$", "ikonnamn", "fontawesome/brands/github")]
    link: WebAddress
    name: Name | None = None


class Settings(Group):
    """mkdocs.yml `extra`: everything a project sets for its arena.

    `organisation` is required for a build (check_settings reports it); it is
    optional in the type so builders can run on default settings in tests and
    tools.
    """

    organisation: OrganisationSettings | None = Field(
        default=None, json_schema_extra={"x-example": "{name: …, email: …, phone: …}"})
    idea_submission: IdeaSubmissionSettings = Field(default_factory=IdeaSubmissionSettings)
    cms: CmsSettings = Field(default_factory=CmsSettings)
    embeds: EmbedSettings = Field(default_factory=EmbedSettings)
    generator: bool = True    # Material's "Made with Material for MkDocs" in the footer
    social: list[SocialLink] = Field(default_factory=list)


__all__ = [
    "CmsBackend", "CmsSettings", "EmbedSettings", "IdeaSubmissionSettings", "OrganisationSettings",
    "SETTINGS_FILE", "Settings", "SetupError", "SocialLink",
]
