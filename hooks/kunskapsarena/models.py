"""The content model: one declaration per content type.

Each class is the single source for validation, the `new` scaffold, the
JSON Schema for editors and the generated field reference. Titles are the
Swedish labels visitors and editors see; field names stay English so the
open data keeps stable keys.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from .fields import (
    Image,
    Item,
    Link,
    Model,
    Range,
    Source,
    not_in_future,
    plausible_year,
    ref,
    text,
    vocabulary,
)


class Consideration(Model):
    topic: str = vocabulary("consideration_topics", "Område", example="gdpr")
    note: str = text("Att tänka på", min_length=1,
                     example="Samla inte in personuppgifter som ni inte behöver.")


class Method(Item):
    """A method card in the method bank (metodbanken)."""

    title: str = text("Titel", min_length=2, max_length=120, example="Min nya metod")
    summary: str = text("Sammanfattning", "En eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad metoden är bra för, i en mening.")
    phases: list[str] = vocabulary("phases", "Faser", "Minst en fas där metoden passar.",
                                   min_length=1, example=["förstå"])
    duration: Range = text("Tidsåtgång (minuter)", example={"min": 30, "max": 60})
    group_size: Range = text("Gruppstorlek (personer)", example={"min": 3, "max": 12})
    difficulty: str = vocabulary("difficulties", "Svårighetsgrad", example="lätt")
    materials: list[str] = text("Material", default_factory=list, example=["Post-it-lappar"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=["workshop"])
    related: list[str] = ref("method", "Relaterade metoder", default_factory=list, example=[])
    source: Source | None = text("Källa", "Var metoden kommer ifrån.", default=None,
                                 example={"name": "Bokens eller webbplatsens namn", "url": "https://"})
    license: str = vocabulary("licenses", "Licens", example="CC-BY-4.0")
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, example=["person-id"])
    considerations: list[Consideration] = text(
        "Att tänka på i offentlig sektor",
        "GDPR, offentlighetsprincipen, upphandling, medbestämmande …",
        default_factory=list, example=[{"topic": "gdpr", "note": "Vad gäller för personuppgifter?"}])
    updated: dt.date = text("Senast ändrad", example="ÅÅÅÅ-MM-DD")
    reviewed: dt.date | None = text("Senast granskad", "När innehållet senast kontrollerades.",
                                    default=None, example="ÅÅÅÅ-MM-DD")

    _dates_not_in_future = field_validator("updated", "reviewed")(not_in_future)


class Case(Item):
    """A good-practice case (gott exempel)."""

    title: str = text("Titel", min_length=2, max_length=120, example="Mitt goda exempel")
    summary: str = text("Sammanfattning", "En eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad ni gjorde och vad det gav.")
    organisation: str = vocabulary("organisations", "Organisation", example="organisation-id")
    unit: str = text("Förvaltning eller bolag", min_length=1, example="Socialförvaltningen")
    region: str | None = vocabulary("regions", "Län",
                                    "Behövs bara om det skiljer sig från organisationens län.",
                                    default=None)
    year: int = text("År", example=2026)
    status: str = vocabulary("case_statuses", "Status", example="pågår")
    methods: list[str] = ref("method", "Metoder som användes", default_factory=list, example=["metod-slug"])
    outcomes: list[str] = text("Resultat", default_factory=list, example=["Vad blev bättre?"])
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, example=["person-id"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    links: list[Link] = text("Länkar", default_factory=list,
                             example=[{"title": "Projektets webbplats", "url": "https://"}])
    image: Image | None = text("Bild", "Bildfil i cases/bilder/ och en alternativtext.", default=None,
                               example={"src": "bilder/min-bild.jpg", "alt": "Vad bilden visar"})
    published: dt.date = text("Publicerad i arenan", example="ÅÅÅÅ-MM-DD")

    _year_plausible = field_validator("year")(plausible_year)
    _published_not_in_future = field_validator("published")(not_in_future)


class Post(Item):
    """A blog post; the keys Material's blog plugin reads keep its names."""

    title: str = text("Titel", min_length=2, max_length=140, example="Mitt första inlägg")
    date: dt.date = text("Datum", "Publiceringsdatum; styr ordningen i bloggen.", example="ÅÅÅÅ-MM-DD")
    authors: list[str] = ref("person", "Skribenter", min_length=1, example=["person-id"])
    categories: list[str] = vocabulary("blog_categories", "Kategorier", min_length=1,
                                       example=["Erfarenheter"])
    organisation: str = vocabulary("organisations", "Organisation", example="organisation-id")
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    summary: str = text("Sammanfattning", min_length=1, max_length=300,
                        example="Vad inlägget handlar om, i en mening.")
    draft: bool = text("Utkast", "true = publiceras inte ännu.", default=False)
    pin: bool = text("Fäst överst", default=False)

    _date_not_in_future = field_validator("date")(not_in_future)


class Person(Model):
    """A contact person or author in data/people.yml, referenced by id."""

    name: str = text("Namn", min_length=1)
    role: str = text("Roll", min_length=1)
    organisation: str = vocabulary("organisations", "Organisation")
    email: str = text("E-post", pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    phone: str | None = text("Telefon", default=None)


class Organisation(Model):
    name: str = text("Namn", min_length=1)
    kind: str = text("Typ", min_length=1)
    region: str = vocabulary("regions", "Län")
    website: str | None = Field(default=None, pattern=r"^https?://\S+$")
