"""The content model: one declaration per content type.

Each class is the single source for validation, the `new` scaffold, the
JSON Schema for editors and the generated field reference. Titles are the
Swedish labels visitors and editors see; field names stay English so the
open data keeps stable keys.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Literal

from pydantic import field_validator, model_validator

from .fields import (
    EMAIL_PATTERN,
    STOCKHOLM,
    Image,
    Item,
    Link,
    LocalDateTime,
    Model,
    Range,
    RelativeFile,
    Source,
    Violation,
    end_not_before_start,
    not_in_future,
    plausible_year,
    ref,
    text,
    vocabulary,
    web_url,
)
from .notation import ClockTime, Date, WholeNumber, YesNo

# The site search's filter for the organisation an item belongs to, whatever its field is called.
ORGANISATION_FILTER = "Organisation"


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
                                   min_length=1, example=["förstå"], search_filter="Fas")
    duration: Range = text("Tidsåtgång (minuter)", example={"min": 30, "max": 60})
    group_size: Range = text("Gruppstorlek (personer)", example={"min": 3, "max": 12})
    difficulty: str = vocabulary("difficulties", "Svårighetsgrad", example="lätt")
    materials: list[str] = text("Material", default_factory=list, example=["Post-it-lappar"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=["workshop"])
    related: list[str] = ref("method", "Relaterade metoder", default_factory=list, example=[])
    source: Source | None = text("Källa", "Var metoden kommer ifrån.", default=None,
                                 example={"name": "Bokens eller webbplatsens namn", "url": "https://"})
    license: str = vocabulary("licenses", "Licens", example="CC-BY-4.0")
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, reverse="Kontaktperson för",
                              example=["person-id"])
    considerations: list[Consideration] = text(
        "Att tänka på i offentlig sektor",
        "GDPR, offentlighetsprincipen, upphandling, medbestämmande …",
        default_factory=list, example=[{"topic": "gdpr", "note": "Vad gäller för personuppgifter?"}])
    updated: Date = text("Senast ändrad", example="ÅÅÅÅ-MM-DD")
    reviewed: Date | None = text("Senast granskad", "När innehållet senast kontrollerades.",
                                    default=None, example="ÅÅÅÅ-MM-DD")

    _dates_not_in_future = field_validator("updated", "reviewed")(not_in_future)


class Award(Model):
    name: str = text("Utmärkelse", min_length=1, max_length=120, example="Växthuspriset")
    year: WholeNumber = text("År", example=2020)

    _year_plausible = field_validator("year")(plausible_year)


class Case(Item):
    """A good-practice case (gott exempel)."""

    title: str = text("Titel", min_length=2, max_length=120, example="Mitt goda exempel")
    summary: str = text("Sammanfattning", "En eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad ni gjorde och vad det gav.")
    organisation: str = vocabulary("organisations", "Organisation", example="organisation-id",
                                   search_filter=ORGANISATION_FILTER)
    unit: str = text("Förvaltning eller bolag", min_length=1, example="Socialförvaltningen")
    region: str | None = vocabulary("regions", "Län",
                                    "Behövs bara om det skiljer sig från organisationens län.",
                                    default=None)
    year: WholeNumber = text("År", example=2026)
    status: str = vocabulary("case_statuses", "Status", example="pågår")
    methods: list[str] = ref("method", "Metoder som användes", reverse="Används i", default_factory=list,
                             example=["metod-slug"])
    outcomes: list[str] = text("Resultat", default_factory=list, example=["Vad blev bättre?"])
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, reverse="Kontaktperson för",
                              example=["person-id"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    links: list[Link] = text("Länkar", default_factory=list,
                             example=[{"title": "Projektets webbplats", "url": "https://"}])
    image: Image | None = text("Bild", "Bildfil bredvid exemplet (t.ex. cases/bilder/), sökvägen skriven från exemplets fil, och en alternativtext.", default=None,
                               example={"src": "bilder/min-bild.jpg", "alt": "Vad bilden visar"})
    awards: list[Award] = text("Utmärkelser", "Priser som arbetet har fått.", default_factory=list,
                               example=[{"name": "Växthuspriset", "year": 2020}])
    published: Date = text("Publicerad i arenan", example="ÅÅÅÅ-MM-DD")

    _year_plausible = field_validator("year")(plausible_year)
    _published_not_in_future = field_validator("published")(not_in_future)


class Post(Item):
    """A blog post; the keys Material's blog plugin reads keep its names."""

    title: str = text("Titel", min_length=2, max_length=140, example="Mitt första inlägg")
    date: Date = text("Datum", "Publiceringsdatum; styr ordningen i bloggen.", example="ÅÅÅÅ-MM-DD")
    authors: list[str] = ref("person", "Skribenter", min_length=1, reverse="Skribent för", example=["person-id"])
    categories: list[str] = vocabulary("blog_categories", "Kategorier", min_length=1,
                                       example=["Erfarenheter"])
    organisation: str = vocabulary("organisations", "Organisation", example="organisation-id",
                                   search_filter=ORGANISATION_FILTER)
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    summary: str = text("Sammanfattning", min_length=1, max_length=300,
                        example="Vad inlägget handlar om, i en mening.")
    draft: YesNo = text("Utkast", "true = publiceras inte ännu.", default=False)
    pin: YesNo = text("Fäst överst", default=False)

    _date_not_in_future = field_validator("date")(not_in_future)


class Person(Model):
    """A contact person or author in data/people.yml, referenced by id."""

    name: str = text("Namn", min_length=1)
    role: str = text("Roll", min_length=1)
    organisation: str = vocabulary("organisations", "Organisation")
    email: str = text("E-post", pattern=EMAIL_PATTERN)
    phone: str | None = text("Telefon", default=None)


class Organisation(Model):
    name: str = text("Namn", min_length=1)
    kind: str = text("Typ", min_length=1)
    region: str = vocabulary("regions", "Län")
    website: str | None = web_url("Webbplats", default=None)


# --- events, change projects, the idea pipeline and trainings -----------------

def _when(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


class ProgrammeItem(Model):
    day: Date | None = text("Dag", "Behövs bara när evenemanget pågår flera dagar.", default=None,
                               example="ÅÅÅÅ-MM-DD")
    time: ClockTime = text("Starttid", "Svensk tid, TT:MM.", example="09:00")
    end: ClockTime | None = text("Sluttid", default=None, example="09:45")
    title: str = text("Programpunkt", min_length=1, example="Välkommen och inledning")
    speakers: list[str] = ref("person", "Medverkande",
                              "Person-id från data/people.yml, eller namnet på den som inte finns där.",
                              names_allowed=True, reverse="Medverkar i", default_factory=list,
                              example=["person-id", "Förnamn Efternamn"])


class Event(Item):
    """An event (evenemang): conference, meeting place, workshop tour."""

    title: str = text("Titel", min_length=2, max_length=120, example="Mitt evenemang")
    summary: str = text("Sammanfattning", "En eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad deltagarna får ut av dagen.")
    start: LocalDateTime = text("Börjar", "Svensk tid: ÅÅÅÅ-MM-DD TT:MM.", example="ÅÅÅÅ-MM-DD 09:00")
    end: LocalDateTime = text("Slutar", "Svensk tid: ÅÅÅÅ-MM-DD TT:MM.", example="ÅÅÅÅ-MM-DD 16:00")
    format: str = vocabulary("event_formats", "Form", example="hybrid")
    location: str | None = text("Plats", "Lokal och ort; behövs när evenemanget är fysiskt eller hybrid.",
                                default=None, example="Stadshuset, Storgatan 1, Skellefteå")
    registration: str | None = web_url("Anmälan", "Webbadress till anmälan.", default=None)
    organiser: str = vocabulary("organisations", "Arrangör", example="organisation-id",
                                search_filter=ORGANISATION_FILTER)
    programme: list[ProgrammeItem] = text(
        "Program", default_factory=list,
        example=[{"time": "09:00", "end": "09:30", "title": "Välkommen", "speakers": ["person-id"]}])
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, reverse="Kontaktperson för",
                              example=["person-id"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])

    def programme_times(self, item: ProgrammeItem) -> tuple[dt.datetime, dt.datetime | None]:
        """A programme item's start and end as Swedish date-times."""
        day = item.day or self.start.date()
        start = dt.datetime.combine(day, item.time, tzinfo=STOCKHOLM)
        end = dt.datetime.combine(day, item.end, tzinfo=STOCKHOLM) if item.end else None
        return start, end

    def violations(self, today: dt.date) -> Iterator[Violation]:
        if self.end <= self.start:
            yield Violation(("end",), f"slutet {_when(self.end)} ligger inte efter starten {_when(self.start)}",
                            "kontrollera datum och klockslag")
            return
        if self.format in ("fysiskt", "hybrid") and not self.location:
            yield Violation(("location",), f"saknas för ett evenemang som är {self.format}",
                            "lägg till raden location: med lokal och ort", at=("format",))
        several_days = self.start.date() != self.end.date()
        for index, item in enumerate(self.programme):
            loc = ("programme", index)
            if item.day is None and several_days:
                yield Violation(loc + ("day",), "saknas: evenemanget pågår flera dagar",
                                f"lägg till day: ÅÅÅÅ-MM-DD mellan {self.start.date()} och {self.end.date()}",
                                at=loc + ("time",))
                continue
            start, end = self.programme_times(item)
            if end is not None and end <= start:
                yield Violation(loc + ("end",), f"sluttiden {item.end:%H:%M} ligger inte efter starttiden "
                                f"{item.time:%H:%M}")
            elif not self.start <= start < self.end:
                yield Violation(loc + ("time",), f"{_when(start)} ligger utanför evenemanget "
                                f"({_when(self.start)} – {_when(self.end)})",
                                "programpunkter ska ligga inom start och end")
            elif end is not None and end > self.end:
                yield Violation(loc + ("end",), f"{_when(end)} ligger efter evenemangets slut {_when(self.end)}",
                                "programpunkter ska ligga inom start och end")


class Period(Model):
    start: Date = text("Start", example="ÅÅÅÅ-MM-DD")
    end: Date | None = text("Slut", "Tomt om slutdatumet inte är bestämt.", default=None)

    _end_not_before_start = model_validator(mode="after")(end_not_before_start)


class Funding(Model):
    source: str = text("Finansiär", min_length=1, example="Europeiska regionala utvecklingsfonden")
    amount: WholeNumber | None = text("Belopp (kronor)", default=None, ge=0)


class Project(Item):
    """A change project (förändringsprojekt) in an organisation."""

    title: str = text("Titel", min_length=2, max_length=120, example="Mitt förändringsprojekt")
    summary: str = text("Sammanfattning", "En eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad projektet ska förändra, och för vem.")
    organisation: str = vocabulary("organisations", "Ansvarig organisation", example="organisation-id",
                                   search_filter=ORGANISATION_FILTER)
    partners: list[str] = vocabulary("organisations", "Samarbetspartner", default_factory=list, example=[])
    status: str = vocabulary("project_statuses", "Status", example="planering")
    period: Period = text("Projektperiod", example={"start": "ÅÅÅÅ-MM-DD"})
    funding: list[Funding] = text("Finansiering", default_factory=list,
                                  example=[{"source": "Egen budget", "amount": 500000}])
    methods: list[str] = ref("method", "Metoder", reverse="Används i projekt", default_factory=list,
                             example=["metod-slug"])
    cases: list[str] = ref("case", "Goda exempel", reverse="Nämns i projekt", default_factory=list, example=[])
    ideas: list[str] = ref("idea", "Idéer", reverse="Ingår i projekt", default_factory=list, example=[])
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, reverse="Kontaktperson för",
                              example=["person-id"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    links: list[Link] = text("Länkar", default_factory=list,
                             example=[{"title": "Projektets webbplats", "url": "https://"}])
    updated: Date = text("Senast ändrad", example="ÅÅÅÅ-MM-DD")

    _updated_not_in_future = field_validator("updated")(not_in_future)

    def violations(self, today: dt.date) -> Iterator[Violation]:
        if self.status == "avslutat":
            if self.period.end is None:
                yield Violation(("period", "end"), "saknas: projektet är avslutat",
                                "lägg till end: ÅÅÅÅ-MM-DD under period", at=("period",))
            elif self.period.end > today:
                yield Violation(("period", "end"), f"projektet är avslutat men slutet {self.period.end} "
                                f"ligger i framtiden (i dag är {today})", "ändra status eller slutdatum")


# The idea pipeline is a process with rules, so its stages are fixed here, not in taxonomy.yml.
IdeaStage = Literal["inkommen", "bedöms", "utvecklas", "testas", "införd", "avslutad"]
IDEA_STAGES: dict[str, str] = {
    "inkommen": "Inkommen", "bedöms": "Bedöms", "utvecklas": "Utvecklas",
    "testas": "Testas", "införd": "Införd", "avslutad": "Avslutad",
}


class IdeaStep(Model):
    status: IdeaStage = text("Steg", example="inkommen")
    date: Date = text("Datum", example="ÅÅÅÅ-MM-DD")
    note: str | None = text("Kommentar", default=None)
    reason: str | None = text("Skäl", "Krävs när idén avslutas.", default=None)

    _date_not_in_future = field_validator("date")(not_in_future)


class Idea(Item):
    """An idea in the idea pipeline (idéslussen), with its dated history."""

    title: str = text("Titel", min_length=2, max_length=120, example="Min idé")
    summary: str = text("Sammanfattning", "Idén i en eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad idén går ut på och vem den hjälper.")
    submitted: Date = text("Inkom", example="ÅÅÅÅ-MM-DD")
    origin: str = vocabulary("idea_origins", "Idén kommer från", example="medarbetare")
    organisation: str = vocabulary("organisations", "Organisation", "Den organisation vars idésluss tog emot idén.",
                                   example="organisation-id", search_filter=ORGANISATION_FILTER)
    status: IdeaStage = text("Status", "Samma som det senaste steget i history.", example="inkommen")
    history: list[IdeaStep] = text("Historik", "Varje steg med datum, äldst först.", min_length=1,
                                   example=[{"status": "inkommen", "date": "ÅÅÅÅ-MM-DD"}])
    methods: list[str] = ref("method", "Metoder", reverse="Används för idéer", default_factory=list, example=[])
    cases: list[str] = ref("case", "Relaterade goda exempel", reverse="Relaterade idéer",
                           default_factory=list, example=[])
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, reverse="Kontaktperson för",
                              example=["person-id"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])

    _submitted_not_in_future = field_validator("submitted")(not_in_future)

    def violations(self, today: dt.date) -> Iterator[Violation]:
        first = self.history[0]
        if first.date < self.submitted:
            yield Violation(("history", 0, "date"), f"{first.date} ligger före submitted ({self.submitted})",
                            "historiken börjar när idén kom in")
        for index, (before, step) in enumerate(zip(self.history, self.history[1:], strict=False), start=1):
            if step.date < before.date:
                yield Violation(("history", index, "date"),
                                f"{step.date} ligger före föregående steg ({before.status} {before.date})",
                                "historiken ska stå i tidsordning, äldst först")
        for index, step in enumerate(self.history):
            if step.status == "avslutad" and not step.reason:
                yield Violation(("history", index, "reason"), "saknas: en avslutad idé behöver ett skäl",
                                "lägg till reason: och skriv varför idén inte går vidare", at=("history", index))
        last = self.history[-1]
        if self.status != last.status:
            yield Violation(("status",), f"'{self.status}' stämmer inte med det senaste steget i history "
                            f"('{last.status}' {last.date})", "status ska vara samma som sista steget")


class TrainingDate(Model):
    start: Date = text("Första dagen", example="ÅÅÅÅ-MM-DD")
    end: Date | None = text("Sista dagen", default=None)
    location: str | None = text("Plats", default=None)

    _end_not_before_start = model_validator(mode="after")(end_not_before_start)


class Training(Item):
    """A training or coaching offer (utbildning eller coachstöd)."""

    title: str = text("Titel", min_length=2, max_length=120, example="Min utbildning")
    summary: str = text("Sammanfattning", "En eller två meningar, högst 300 tecken.",
                        min_length=1, max_length=300, example="Vad deltagarna lär sig.")
    format: str = vocabulary("training_formats", "Form", example="lärarledd")
    length: str = text("Omfattning", min_length=1, example="Fyra halvdagar under en termin")
    audience: str = text("Målgrupp", min_length=1, example="Chefer och verksamhetsutvecklare")
    organisation: str = vocabulary("organisations", "Arrangör", example="organisation-id",
                                   search_filter=ORGANISATION_FILTER)
    provider: str | None = text("Utbildare", "Om någon annan än arrangören håller i utbildningen.", default=None)
    dates: list[TrainingDate] = text("Nästa tillfällen", default_factory=list,
                                     example=[{"start": "ÅÅÅÅ-MM-DD", "location": "Ort"}])
    signup: str = text("Så anmäler du dig", min_length=1, example="Anmäl dig via länken senast två veckor före start.")
    signup_url: str | None = web_url("Anmälningslänk", default=None)
    cost: str | None = text("Kostnad", default=None, example="Kostnadsfri för medarbetare")
    methods: list[str] = ref("method", "Metoder i utbildningen", reverse="Lärs ut i", default_factory=list,
                             example=[])
    contacts: list[str] = ref("person", "Kontaktpersoner", min_length=1, reverse="Kontaktperson för",
                              example=["person-id"])
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    updated: Date = text("Senast ändrad", example="ÅÅÅÅ-MM-DD")

    _updated_not_in_future = field_validator("updated")(not_in_future)


# --- material from events: slides, recordings, documents ----------------------

MEDIA_TYPES = {".pdf": "PDF", ".pptx": "PowerPoint (PPTX)", ".mp4": "Video (MP4)", ".vtt": "Textning (WebVTT)"}


class MaterialFile(Model):
    src: RelativeFile = text("Fil", "Filen ligger bredvid innehållsfilen, t.ex. filer/bildspel.pdf.",
                             example="filer/bildspel.pdf")
    title: str = text("Beskrivning", min_length=1, example="Bildspelet som PDF")


class Material(Item):
    """Material from an event: slides, a recording, a document, a link, graphical notes."""

    title: str = text("Titel", min_length=2, max_length=140, example="Mitt bildspel")
    summary: str = text("Sammanfattning", "Vad materialet innehåller, i text (krävs för tillgänglighet).",
                        min_length=1, max_length=600, example="Vad materialet handlar om, i en eller två meningar.")
    format: str = vocabulary("material_formats", "Form", example="bildspel")
    event: str = ref("event", "Evenemang", reverse="Dokumentation från", example="evenemang-slug")
    programme_item: str | None = text("Programpunkt", "Programpunktens titel, exakt som i evenemangets program.",
                                      default=None, example="Välkommen")
    speakers: list[str] = ref("person", "Medverkande",
                              "Person-id från data/people.yml, eller namnet på den som inte finns där.",
                              names_allowed=True, reverse="Har presenterat", default_factory=list,
                              example=["person-id"])
    methods: list[str] = ref("method", "Metoder", reverse="Material om metoden", default_factory=list, example=[])
    cases: list[str] = ref("case", "Goda exempel", reverse="Material om exemplet", default_factory=list,
                           example=[])
    organisation: str | None = vocabulary("organisations", "Organisation",
                                          "Den organisation som materialet kommer från, om någon.", default=None)
    tags: list[str] = vocabulary("tags", "Taggar", default_factory=list, example=[])
    files: list[MaterialFile] = text("Filer", "PDF, PPTX, MP4 eller WebVTT bredvid innehållsfilen.",
                                     default_factory=list, example=[])
    external_url: str | None = web_url("Extern adress", "Om materialet finns på en annan webbplats.", default=None)
    captions: str | None = text("Textning", "Adress till textningen för en extern inspelning, eller "
                                "'saknas' med ett skäl i captions_reason.", default=None)
    captions_reason: str | None = text("Varför textning saknas", default=None)
    published: Date = text("Publicerad", example="ÅÅÅÅ-MM-DD")

    _published_not_in_future = field_validator("published")(not_in_future)

    def file_kind(self, src: str) -> str:
        return MEDIA_TYPES.get(src[src.rfind("."):].lower(), "Fil")

    def violations(self, today: dt.date) -> Iterator[Violation]:
        for index, file in enumerate(self.files):
            suffix = file.src[file.src.rfind("."):].lower() if "." in file.src else ""
            if suffix not in MEDIA_TYPES:
                yield Violation(("files", index, "src"), f"'{file.src}' är inte PDF, PPTX, MP4 eller WebVTT",
                                "spara filen i ett av de formaten")
        if not self.files and not self.external_url:
            yield Violation(("files",), "materialet har varken filer eller extern adress",
                            "lägg till files: med filer bredvid innehållsfilen eller external_url: med en adress",
                            at=("title",))
        if self.format != "inspelning":
            return
        has_vtt = any(f.src.lower().endswith(".vtt") for f in self.files)
        if self.captions == "saknas":
            if not (self.captions_reason or "").strip():
                yield Violation(("captions_reason",), "saknas: ange varför inspelningen saknar textning",
                                "skriv skälet i captions_reason:", at=("captions",))
        elif self.captions:
            if not re.match(r"^https?://", self.captions):
                yield Violation(("captions",), f"'{self.captions}' är varken en adress eller 'saknas'",
                                "ange adressen till textningen, eller captions: saknas med ett skäl")
        elif not has_vtt:
            yield Violation(("captions",), "en inspelning måste ha textning",
                            "lägg en WebVTT-fil (.vtt) i files:, ange captions: med adressen till textningen "
                            "eller captions: saknas och ett skäl i captions_reason:", at=("format",))
        if not self.external_url and not any(f.src.lower().endswith(".mp4") for f in self.files):
            yield Violation(("files",), "inspelningen har ingen videofil (.mp4) och ingen extern adress",
                            "lägg till en MP4-fil i files: eller external_url: med adressen", at=("format",))
