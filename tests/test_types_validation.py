"""Validation of events, change projects, ideas and trainings: one test per rule."""

from __future__ import annotations

from conftest import TODAY, ArenaDir
from kunskapsarena import EVENT, load_arena

EVENT_FILE = "events/innovationsdagen.md"
SPANNING = "events/tva-dagar.md"
PROJECT_FILE = "projects/ny-e-tjanst.md"
IDEA_FILE = "ideas/digital-fika.md"
TRAINING_FILE = "trainings/innovationsledning.md"


def test_typed_fixture_is_valid(typed: ArenaDir):
    assert typed.problems() == []


# --- events --------------------------------------------------------------------

def test_naive_times_are_swedish_local_time_across_dst(typed: ArenaDir):
    event = load_arena(typed.root, today=TODAY).get(EVENT, "tva-dagar").data
    assert event.start.isoformat() == "2026-10-24T13:00:00+02:00"   # summer time
    assert event.end.isoformat() == "2026-10-25T12:00:00+01:00"     # winter time, same clock face
    assert str(event.start.tzinfo) == "Europe/Stockholm"


def test_time_with_offset_is_converted_to_swedish_time(typed: ArenaDir):
    typed.replace(EVENT_FILE, "start: 2026-10-22 09:00", "start: 2026-10-22T06:30:00Z")
    event = load_arena(typed.root, today=TODAY).get(EVENT, "innovationsdagen").data
    assert event.start.isoformat() == "2026-10-22T08:30:00+02:00"


def test_event_end_must_be_after_start(typed: ArenaDir):
    typed.replace(EVENT_FILE, "end: 2026-10-22 16:00", "end: 2026-10-22 08:00")
    assert typed.problems() == [
        "events/innovationsdagen.md:5: end: slutet 2026-10-22 08:00 ligger inte efter starten 2026-10-22 09:00 "
        "(kontrollera datum och klockslag)"]


def test_event_time_that_is_not_a_time(typed: ArenaDir):
    typed.replace(EVENT_FILE, "start: 2026-10-22 09:00", "start: 22 oktober kl 9")
    assert typed.problems() == [
        "events/innovationsdagen.md:4: start: '22 oktober kl 9' är ingen giltig tidpunkt "
        "(skriv ÅÅÅÅ-MM-DD TT:MM, t.ex. 2026-10-05 09:30 (svensk tid))"]


def test_event_format_from_taxonomy(typed: ArenaDir):
    typed.replace(EVENT_FILE, "format: hybrid", "format: hybrd")
    assert typed.problems() == [
        "events/innovationsdagen.md:6: format: 'hybrd' finns inte bland fysiskt, digitalt, hybrid "
        "(menade du 'hybrid'?)"]


def test_physical_event_needs_a_location(typed: ArenaDir):
    typed.replace(EVENT_FILE, "location: Kulturens hus, Luleå\n", "")
    assert typed.problems() == [
        "events/innovationsdagen.md:6: location: saknas för ett evenemang som är hybrid "
        "(lägg till raden location: med lokal och ort)"]


def test_registration_must_be_a_url(typed: ArenaDir):
    typed.replace(EVENT_FILE, "registration: https://exempel.example/anmalan", "registration: anmälan på intranätet")
    assert typed.problems() == [
        "events/innovationsdagen.md:8: registration: 'anmälan på intranätet' är ingen webbadress "
        "(skriv hela adressen, med https:// först)"]


def test_programme_time_must_be_a_time_of_day(typed: ArenaDir):
    typed.replace(EVENT_FILE, 'time: "10:00"', 'time: "10.60"')
    assert typed.problems() == [
        "events/innovationsdagen.md:15: programme[1].time: '10.60' är ingen giltig tid: minuterna ska vara 00–59 "
        "(skriv TT:MM, t.ex. 13:00 eller 13.00)"]


def test_programme_item_before_the_event_starts(typed: ArenaDir):
    typed.replace(EVENT_FILE, 'time: "09:00"', 'time: "08:30"')
    assert typed.problems() == [
        "events/innovationsdagen.md:11: programme[0].time: 2026-10-22 08:30 ligger utanför evenemanget "
        "(2026-10-22 09:00 – 2026-10-22 16:00) (programpunkter ska ligga inom start och end)"]


def test_programme_item_ending_after_the_event(typed: ArenaDir):
    typed.replace(EVENT_FILE, 'end: "11:00"', 'end: "16:30"')
    assert typed.problems() == [
        "events/innovationsdagen.md:16: programme[1].end: 2026-10-22 16:30 ligger efter evenemangets slut "
        "2026-10-22 16:00 (programpunkter ska ligga inom start och end)"]


def test_programme_item_ending_before_it_starts(typed: ArenaDir):
    typed.replace(EVENT_FILE, 'end: "11:00"', 'end: "09:45"')
    assert typed.problems() == [
        "events/innovationsdagen.md:16: programme[1].end: sluttiden 09:45 ligger inte efter starttiden 10:00"]


def test_programme_of_a_multi_day_event_needs_days(typed: ArenaDir):
    typed.replace(SPANNING, "  - day: 2026-10-25\n    time:", "  - time:")
    assert typed.problems() == [
        "events/tva-dagar.md:12: programme[1].day: saknas: evenemanget pågår flera dagar "
        "(lägg till day: ÅÅÅÅ-MM-DD mellan 2026-10-24 och 2026-10-25)"]


def test_programme_day_outside_the_event(typed: ArenaDir):
    typed.replace(SPANNING, "day: 2026-10-25", "day: 2026-10-26")
    assert typed.problems() == [
        "events/tva-dagar.md:13: programme[1].time: 2026-10-26 09:00 ligger utanför evenemanget "
        "(2026-10-24 13:00 – 2026-10-25 12:00) (programpunkter ska ligga inom start och end)"]


def test_unknown_speaker_id_is_an_error_but_a_name_is_fine(typed: ArenaDir):
    typed.replace(EVENT_FILE, "speakers: [eva-berg]", "speakers: [eva-bergh, Johan Ek]")
    assert typed.problems() == [
        "events/innovationsdagen.md:14: programme[0].speakers[0]: 'eva-bergh' finns inte i data/people.yml "
        "(menade du 'eva-berg'?)"]


def test_lowercase_speaker_without_close_id_is_told_to_write_the_full_name(typed: ArenaDir):
    typed.replace(EVENT_FILE, "speakers: [eva-berg]", "speakers: [petra]")
    assert typed.problems() == [
        "events/innovationsdagen.md:14: programme[0].speakers[0]: 'petra' finns inte i data/people.yml "
        "(skriv hela namnet, t.ex. 'Förnamn Efternamn', för den som inte finns i data/people.yml)"]


def test_unknown_event_contact(typed: ArenaDir):
    typed.replace(EVENT_FILE, "contacts: [eva-berg]", "contacts: [eva]")
    assert typed.problems() == [
        "events/innovationsdagen.md:19: contacts[0]: 'eva' finns inte i data/people.yml (menade du 'eva-berg'?)"]


# --- change projects -------------------------------------------------------------

def test_project_status_from_taxonomy(typed: ArenaDir):
    typed.replace(PROJECT_FILE, "status: pågår", "status: pagar")
    assert typed.problems() == [
        "projects/ny-e-tjanst.md:5: status: 'pagar' finns inte bland idé, planering, pågår, avslutat "
        "(menade du 'pågår'?)"]


def test_project_period_end_before_start(typed: ArenaDir):
    typed.replace(PROJECT_FILE, "end: 2027-06-30", "end: 2025-06-30")
    assert typed.problems() == [
        "projects/ny-e-tjanst.md:6: period: slutet 2025-06-30 ligger före starten 2025-09-01"]


def test_finished_project_needs_an_end_date(typed: ArenaDir):
    typed.replace(PROJECT_FILE, "status: pågår", "status: avslutat")
    typed.replace(PROJECT_FILE, "  end: 2027-06-30\n", "")
    assert typed.problems() == [
        "projects/ny-e-tjanst.md:6: period.end: saknas: projektet är avslutat "
        "(lägg till end: ÅÅÅÅ-MM-DD under period)"]


def test_finished_project_cannot_end_in_the_future(typed: ArenaDir):
    typed.replace(PROJECT_FILE, "status: pågår", "status: avslutat")
    assert typed.problems() == [
        "projects/ny-e-tjanst.md:8: period.end: projektet är avslutat men slutet 2027-06-30 ligger i framtiden "
        "(i dag är 2026-11-23) (ändra status eller slutdatum)"]


def test_project_links_to_unknown_idea_and_case(typed: ArenaDir):
    typed.replace(PROJECT_FILE, "ideas: [digital-fika]", "ideas: [digitalfika]")
    typed.replace(PROJECT_FILE, "cases: [sms-paminnelser]", "cases: [sms]")
    assert typed.problems() == [
        "projects/ny-e-tjanst.md:13: cases[0]: 'sms' finns inte i cases/ (skriv filnamnet utan .md, t.ex. sms-paminnelser)",
        "projects/ny-e-tjanst.md:14: ideas[0]: 'digitalfika' finns inte i ideas/ (menade du 'digital-fika'?)",
    ]


def test_project_funding_amount_is_a_number(typed: ArenaDir):
    typed.replace(PROJECT_FILE, "amount: 800000", "amount: 800 000 kr")
    assert typed.problems() == [
        "projects/ny-e-tjanst.md:11: funding[0].amount: ska vara ett heltal, inte '800 000 kr' "
        "(skriv bara siffror, t.ex. 30)"]


# --- the idea pipeline -----------------------------------------------------------

def test_idea_stage_must_be_a_pipeline_stage(typed: ArenaDir):
    typed.replace(IDEA_FILE, "status: testas\nhistory", "status: testad\nhistory")
    assert typed.problems() == [
        "ideas/digital-fika.md:7: status: 'testad' finns inte bland inkommen, bedöms, utvecklas, testas, införd, "
        "avslutad (menade du 'testas'?)"]


def test_idea_status_must_equal_the_last_history_entry(typed: ArenaDir):
    typed.replace(IDEA_FILE, "status: testas\nhistory", "status: utvecklas\nhistory")
    assert typed.problems() == [
        "ideas/digital-fika.md:7: status: 'utvecklas' stämmer inte med det senaste steget i history "
        "('testas' 2026-09-01) (status ska vara samma som sista steget)"]


def test_idea_history_must_be_chronological(typed: ArenaDir):
    typed.replace(IDEA_FILE, "date: 2026-04-01", "date: 2026-02-10")
    assert typed.problems() == [
        "ideas/digital-fika.md:14: history[2].date: 2026-02-10 ligger före föregående steg (bedöms 2026-02-20) "
        "(historiken ska stå i tidsordning, äldst först)"]


def test_idea_history_cannot_start_before_it_was_submitted(typed: ArenaDir):
    typed.replace(IDEA_FILE, "submitted: 2026-02-03", "submitted: 2026-02-05")
    assert typed.problems() == [
        "ideas/digital-fika.md:10: history[0].date: 2026-02-03 ligger före submitted (2026-02-05) "
        "(historiken börjar när idén kom in)"]


def test_closed_idea_needs_a_reason(typed: ArenaDir):
    typed.replace(IDEA_FILE, "status: testas\nhistory", "status: avslutad\nhistory")
    typed.replace(IDEA_FILE, "    note: Tre förvaltningar testar under hösten.\n",
                  "    note: Tre förvaltningar testar under hösten.\n  - status: avslutad\n    date: 2026-11-01\n")
    assert typed.problems() == [
        "ideas/digital-fika.md:18: history[4].reason: saknas: en avslutad idé behöver ett skäl "
        "(lägg till reason: och skriv varför idén inte går vidare)"]
    typed.replace(IDEA_FILE, "date: 2026-11-01\n", "date: 2026-11-01\n    reason: Behovet täcks av introduktionsdagarna.\n")
    assert typed.problems() == []


def test_idea_history_date_in_the_future(typed: ArenaDir):
    typed.replace(IDEA_FILE, "date: 2026-09-01", "date: 2026-12-01")
    assert typed.problems() == [
        "ideas/digital-fika.md:16: history[3].date: datumet 2026-12-01 ligger i framtiden (i dag är 2026-11-23)"]


def test_idea_needs_a_history(typed: ArenaDir):
    text = typed.read(IDEA_FILE)
    start, end = text.index("history:"), text.index("methods:")
    typed.write(IDEA_FILE, text[:start] + "history: []\n" + text[end:])
    assert typed.problems() == ["ideas/digital-fika.md:8: history: behöver minst 1 värde"]


def test_idea_origin_from_taxonomy(typed: ArenaDir):
    typed.replace(IDEA_FILE, "origin: medarbetare", "origin: anställd")
    assert typed.problems() == [
        "ideas/digital-fika.md:5: origin: 'anställd' finns inte bland medarbetare, medborgare "
        "(lägg till värdet under idea_origins i data/taxonomy.yml om det behövs)"]


# --- trainings -----------------------------------------------------------------

def test_training_dates_end_before_start(typed: ArenaDir):
    typed.replace(TRAINING_FILE, "end: 2027-02-11", "end: 2027-02-01")
    assert typed.problems() == [
        "trainings/innovationsledning.md:9: dates[0]: slutet 2027-02-01 ligger före starten 2027-02-10"]


def test_training_needs_sign_up_instructions(typed: ArenaDir):
    typed.replace(TRAINING_FILE, "signup: Anmäl dig via länken.\n", "")
    assert typed.problems() == [
        "trainings/innovationsledning.md:1: signup: saknas men måste finnas "
        "(lägg till raden signup: Anmäl dig via länken senast två veckor före start.)"]


# --- people ----------------------------------------------------------------------

def test_person_referenced_nowhere_is_a_warning(typed: ArenaDir):
    people = typed.read("data/people.yml")
    typed.write("data/people.yml", people + (
        "\nper-ek:\n  name: Per Ek\n  role: Kommunikatör\n  organisation: lulea-kommun\n"
        "  email: per.ek@lulea.example\n"))
    arena = load_arena(typed.root, today=TODAY)
    assert [str(p) for p in arena.problems] == [
        "data/people.yml:8: per-ek: personen nämns inte i något innehåll "
        "(ta bort personen eller ange id:t som kontakt, skribent eller medverkande) [varning]"]
    assert arena.ok, "a warning must not stop the build"


def test_speaker_counts_as_a_reference(typed: ArenaDir):
    people = typed.read("data/people.yml")
    typed.write("data/people.yml", people + (
        "\nper-ek:\n  name: Per Ek\n  role: Kommunikatör\n  organisation: lulea-kommun\n"
        "  email: per.ek@lulea.example\n"))
    typed.replace(EVENT_FILE, "speakers: [eva-berg, Petra Liuski]", "speakers: [per-ek, Petra Liuski]")
    assert typed.problems() == []


def test_no_unreferenced_warning_while_files_are_broken(typed: ArenaDir):
    typed.replace(IDEA_FILE, "origin: medarbetare", "origin: anställd")
    typed.replace(PROJECT_FILE, "status: pågår", "status: okänd")
    problems = typed.problems()
    assert len(problems) == 2 and not any("[varning]" in p for p in problems)
