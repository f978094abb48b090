"""Where each content type lives, how it is addressed and what its body holds."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import current_engine
from .field_specs import checked_vocabularies
from .fields import Model
from .models import Case, Event, Idea, Material, Method, Organisation, Person, Post, Project, Training


@dataclass(frozen=True)
class ContentType:
    name: str                      # stable English id: 'method'
    model: type[Model]
    folder: str                    # source folder, relative to the project root
    section: str                   # URL section on the site (Swedish)
    label: str                     # Swedish singular, for editors and visitors
    plural_label: str
    count_noun: str                       # "18 metoder" in summaries
    body_sections: tuple[str, ...] = ()   # required level-2 headings, in order
    cli_names: tuple[str, ...] = ()       # extra names `arena new` accepts
    body_template: str = ""               # Markdown body that `arena new` writes

    def page_uri(self, slug: str) -> str:
        """The item's page inside the docs tree (the site engine decides: engine.py)."""
        return current_engine().page_uri(self, slug)

    def url(self, slug: str) -> str:
        """The item page's URL path relative to the site root (the site engine decides)."""
        return current_engine().url(self, slug)


METHOD = ContentType(
    name="method", model=Method, folder="methods", section="metoder",
    label="Metod", plural_label="Metodbank", count_noun="metoder",
    body_sections=("Syfte", "Så gör du"), cli_names=("metod",),
    body_template=(
        "## Syfte\n\nVarför och när passar metoden? Vilket problem hjälper den till med?\n\n"
        "## Så gör du\n\n1. Första steget.\n2. Andra steget.\n3. Tredje steget.\n\n"
        "## Tips\n\n- Ett råd från någon som har använt metoden.\n"),
)
CASE = ContentType(
    name="case", model=Case, folder="cases", section="exempel",
    label="Gott exempel", plural_label="Goda exempel", count_noun="goda exempel",
    body_sections=("Bakgrund",), cli_names=("exempel", "gott-exempel"),
    body_template=(
        "## Bakgrund\n\nVilket behov eller problem fanns?\n\n"
        "## Så gjorde vi\n\nVad gjorde ni, och vilka var med?\n\n"
        "## Resultat\n\nVad blev bättre, och för vem?\n\n"
        "## Lärdomar\n\nVad skulle ni göra likadant, och vad skulle ni ändra?\n"),
)


POST = ContentType(
    name="post", model=Post, folder="blog/posts", section="blog",
    label="Blogginlägg", plural_label="Blogg", count_noun="blogginlägg", cli_names=("inlägg", "inlagg", "blogg"),
    body_template=(
        "Inledningen som visas i bloggens lista.\n\n<!-- more -->\n\n"
        "## Vad vi gjorde\n\nBerätta med egna ord.\n"),
)

EVENT = ContentType(
    name="event", model=Event, folder="events", section="evenemang",
    label="Evenemang", plural_label="Evenemang", count_noun="evenemang", cli_names=("evenemang",),
    body_template=(
        "## Om evenemanget\n\nVarför ska man komma, och vem passar det för?\n\n"
        "## Praktisk information\n\nHitta hit, tillgänglighet, länk till sändningen.\n"),
)
PROJECT = ContentType(
    name="project", model=Project, folder="projects", section="projekt",
    label="Förändringsprojekt", plural_label="Förändringsprojekt", count_noun="projekt",
    cli_names=("projekt", "förändringsprojekt"),
    body_template=(
        "## Bakgrund\n\nVilket behov eller problem ska projektet lösa?\n\n"
        "## Mål\n\nVad ska vara annorlunda när projektet är klart?\n\n"
        "## Så arbetar vi\n\nArbetssätt, delprojekt och vilka som är med.\n"),
)
IDEA = ContentType(
    name="idea", model=Idea, folder="ideas", section="ideer",
    label="Idé", plural_label="Idésluss", count_noun="idéer", cli_names=("idé", "ide"),
    body_template=(
        "## Idén\n\nVad är idén, och vilket problem löser den?\n\n"
        "## Nytta\n\nVem får det bättre, och hur märks det?\n"),
)
TRAINING = ContentType(
    name="training", model=Training, folder="trainings", section="utbildningar",
    label="Utbildning", plural_label="Utbildningar och coachstöd", count_noun="utbildningar",
    cli_names=("utbildning", "coachstöd"),
    body_template=(
        "## Innehåll\n\nVad går utbildningen igenom, och hur är den upplagd?\n\n"
        "## Efter utbildningen\n\nVad kan deltagarna göra efteråt?\n"),
)

MATERIAL = ContentType(
    name="material", model=Material, folder="material", section="material",
    label="Material", plural_label="Materialbank", count_noun="material",
    cli_names=("dokumentation", "bildspel", "inspelning"),
    body_template=(
        "## Om materialet\n\nVad handlar materialet om, och vem passar det för? Skriv det viktigaste "
        "i text, så att den som inte kan se eller höra materialet får samma innehåll.\n"),
)

CONTENT_TYPES: tuple[ContentType, ...] = (METHOD, CASE, POST, EVENT, PROJECT, IDEA, TRAINING, MATERIAL)

# Every vocabulary taxonomy.yml must define: those the content models name, in order of first use
# (none is used only outside the models). Deriving them refuses, at import, a reserved field name
# and a data file's vocabulary no content model fills (field_specs.py).
VOCABULARIES = checked_vocabularies((ctype.model for ctype in CONTENT_TYPES), data_models=(Person, Organisation))


def content_type(name: str) -> ContentType:
    """Look a type up by its id or one of its Swedish CLI names."""
    for ctype in CONTENT_TYPES:
        if name == ctype.name or name in ctype.cli_names:
            return ctype
    raise KeyError(name)
