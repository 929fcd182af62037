"""Word tables: which words name which kinds of things.

``name_words`` reads ontology/name-words.csv (the words in and around names: titles, legal
forms, heads of organisation names ...; its header says each role). The noun sets below are
head nouns of common-noun phrases: people ("border guards", "dockworkers"), organisations
("the automaker"), products ("the plane"), places ("the plant"); ``type_of`` gives the class
such a noun names, anything else being a schema:Thing.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from .resources import data_file


@lru_cache(maxsize=1)
def name_words() -> dict[str, dict[str, str]]:
    """role -> {word: class} from ontology/name-words.csv."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    with resources.as_file(data_file("name-words.csv")) as path, open(path, encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            table[row["role"]][row["word"]] = row["class"]
    return dict(table)


@lru_cache(maxsize=1)
def government_seats() -> dict[str, str]:
    """Seats of government that news names for the government ("the Kremlin") -> the ISO code
    of its country, from ontology/government-seats.csv."""
    return {row["name"]: row["iso"] for row in _seats() if row["iso"]}


def governing_bodies() -> dict[str, str]:
    """Cities that news names for an international body governing from them ("Brussels") ->
    the body's name, from ontology/government-seats.csv."""
    return {row["name"]: row["body"] for row in _seats() if row["body"]}


@lru_cache(maxsize=1)
def _seats() -> tuple[dict[str, str], ...]:
    with resources.as_file(data_file("government-seats.csv")) as path, open(path, encoding="utf-8") as f:
        return tuple(csv.DictReader(line for line in f if not line.startswith("#")))


# Head nouns that name people: such nominal arguments may act as agents.
PERSON_NOUNS = {
    "official", "officer", "guard", "soldier", "spokesman", "spokeswoman", "spokesperson", "analyst",
    "executive", "chief", "president", "minister", "leader", "worker", "employee", "people", "person",
    "man", "woman", "child", "resident", "citizen", "customer", "user", "passenger", "pilot", "crew",
    "engineer", "lawmaker", "senator", "expert", "investor", "shareholder", "director", "manager",
    "founder", "ceo", "chairman", "member", "staff", "personnel", "protester", "police", "troop",
    "counterpart", "diplomat", "negotiator", "journalist", "reporter", "critic", "fan", "buyer", "seller",
    "mediator", "voter", "victim", "survivor", "suspect", "prisoner", "hostage", "militant", "rebel", "activist",
    "farmer", "student", "teacher", "doctor", "nurse", "patient", "judge", "lawyer", "attorney", "prosecutor",
    "governor", "mayor", "king", "queen", "prince", "envoy", "ambassador", "inspector", "investigator",
    "developer", "designer", "owner", "partner", "consumer", "shopper", "viewer", "reader",
    "guest", "attendee", "visitor", "source", "insider", "rescuer", "volunteer", "villager", "neighbour",
    "neighbor", "relative", "witness", "bystander", "tourist", "migrant", "refugee", "trader", "broker",
    "economist", "strategist", "driver", "commander", "researcher", "astronomer", "juror", "firefighter",
    # who attacks, kills or takes people in conflict and crime news
    "attacker", "assailant", "bomber", "insurgent", "sniper", "kidnapper", "hijacker", "guerrilla", "combatant",
    "raider", "looter", "shooter", "killer", "murderer", "perpetrator", "culprit", "commando", "trooper",
    # who protests, marches or takes sides in political news
    "supporter", "demonstrator", "opponent", "follower", "loyalist", "marcher", "striker",
    "campaigner", "organiser", "organizer", "advocate", "candidate", "delegate", "legislator", "politician",
    "aide", "adviser", "advisor", "deputy", "chancellor", "premier", "cleric", "priest", "bishop",
    "imam", "rabbi", "monk", "pilgrim", "settler", "mourner", "onlooker", "spectator", "evacuee", "pensioner",
    # who stands in a court or a prison in crime news
    "defendant", "plaintiff", "detainee", "inmate", "convict", "fugitive", "smuggler", "trafficker", "detective",
}
# Things whose value rises and falls, the subjects of market reports: "markets rallied", "the
# dollar slid" (a verb of protest said of one of them is a rise)
# Objects that make an idiom with their verb and name no thing: "the vote took place", "took
# part in the talks", "the law takes effect", "took office", "made sense"
IDIOM_OBJECTS = {
    "take": {"place", "part", "effect", "shape", "hold", "office", "power", "note", "care", "root", "issue"},
    "make": {"sense", "headway", "progress", "way"},
    "give": {"way", "rise"},
    "open": {"fire"},  # "gunmen opened fire on the crowd": no fire is a thing opened
    "gain": {"ground"},  # "blue chips gained ground", "the euro lost ground": a rise and a fall
    "lose": {"ground"},
}
VALUE_NOUNS = {"market", "share", "stock", "price", "index", "currency", "bond", "yield", "dollar", "euro", "yen",
               "pound", "sterling", "franc", "rouble", "ruble", "yuan", "rupee", "peso", "oil", "gold", "silver",
               "copper", "crude", "commodity", "equity", "future", "bourse", "exchange", "rate"}
# Organisations, in three nested sets: what any company may be called ("the firm", "the
# carmaker"; kg.entities.references.definites takes such a noun up for the one company it
# fits, and not a union or a ministry), the nouns an organisation's own name may head ("the
# United Auto Workers union" is the union named, not "the Boeing plant"), and every head noun
# that names an organisation (a nominal participant headed so may act).
COMPANY_NOUNS = {
    "company", "firm", "maker", "manufacturer", "airframer", "retailer", "seller", "giant", "conglomerate",
    "startup", "carrier", "airline", "operator", "group", "subsidiary", "division", "rival", "chipmaker",
    "automaker", "carmaker", "planemaker", "developer", "publisher", "supplier", "provider", "bank",
    "insurer", "lender", "shipper", "distributor", "studio",
}
ORGANISATION_CLASSES = {"union", "company", "firm", "group", "airline", "carrier", "agency", "ministry", "party",
                        "bank", "automaker", "carmaker", "manufacturer", "corporation", "conglomerate"}
ORGANISATION_NOUNS = COMPANY_NOUNS | ORGANISATION_CLASSES | {
    "government", "court", "army", "military", "navy", "parliament", "congress", "administration",
    "department", "regime", "consortium", "team", "committee", "council", "board", "authority", "authorities",
    "office", "organisation", "organization", "competitor", "store", "shop", "broadcaster", "newspaper",
    "magazine", "blog", "website", "network", "parent", "unit", "business", "enterprise", "drugmaker",
    "steelmaker", "exchange", "regulator", "brokerage", "jury", "panel", "tribunal", "commission",
    "band", "club", "label", "watchdog",
    "brigade", "battalion", "regiment", "militia", "faction", "leadership", "force", "squad",
    "bureau", "institute", "association", "federation", "foundation", "alliance", "coalition", "cabinet",
    "opposition", "senate", "assembly", "cartel", "charity",
    "monitor",  # "a war monitor said": a monitoring group
}
# "dockworker", "spokesman", "firefighter", "economist", "politician": people
_PERSON_ENDINGS = ("worker", "man", "men", "woman", "women", "person", "people", "fighter", "ist", "ian", "holder", "maker")
# Head nouns of machines and products, which may act too ("the plane carried 500 people")
PRODUCT_NOUNS = {
    "plane", "airplane", "aeroplane", "aircraft", "jet", "jetliner", "airliner", "superjumbo", "helicopter",
    "drone", "car", "truck", "vehicle", "ship", "vessel", "boat", "submarine", "train", "rocket", "missile",
    "satellite", "device", "phone", "smartphone", "computer", "laptop", "tablet", "software", "app",
    "robot", "engine", "model", "version", "product", "player", "camera", "console",
    "update", "application", "system", "hardware", "server", "processor", "chip", "battery", "antenna",
    "display", "screen", "winglet", "blade", "component",
}
# Head nouns of buildings and sites: such nominal arguments may be where an event happens
# ("at its Cupertino headquarters", "in a hangar")
PLACE_NOUNS = {
    "headquarters", "factory", "plant", "airport", "terminal", "hangar", "runway", "theater", "theatre",
    "stadium", "arena", "hall", "campus", "site", "port", "harbour", "harbor", "base", "facility", "warehouse",
    "courthouse", "embassy", "consulate", "hospital", "school", "university", "village", "town", "city",
    "region", "province", "country", "capital", "island", "coast", "border", "venue", "square", "street",
    "station", "road", "building", "house", "home", "residence", "restaurant", "cafe",
    "café", "bakery", "hotel", "church", "mosque", "temple", "synagogue", "prison", "jail", "camp", "checkpoint",
    "compound", "bridge", "mall", "park", "mine", "farm", "neighbourhood", "neighborhood", "district",
    # "a bomb near the presidential palace", "raids in the northern suburbs" (not "centre": "at
    # the centre of the row", "moved to the centre" are no places)
    "suburb", "palace",
}
# Heads of the institutions where things are done as well as the bodies that do them: "the
# vote in parliament", "testified before the Supreme Court", "talks at the United Nations"
INSTITUTION_HEADS = {"parliament", "congress", "senate", "assembly", "court", "tribunal", "council", "chamber",
                     "house", "commons", "lords", "bundestag", "duma", "knesset", "nations", "ministry"}


def type_of(lemma: str, token=None) -> str:
    if token is not None and token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
        return "schema:Person"  # "Republicans", "Democrats": a party's or a faith's people
    if token is not None and lemma == "product" and any(c.lower_ in ("domestic", "national") for c in token.lefts):
        return "schema:Thing"  # "gross domestic product": what an economy makes in a year, a measure
    singular = lemma[:-1] if lemma.endswith("s") and not lemma.endswith("ss") else lemma  # the lemmatizer misses some plurals
    words = {lemma, singular}
    if words & PERSON_NOUNS:
        return "schema:Person"
    if words & PRODUCT_NOUNS:
        return "schema:Product"
    if words & ORGANISATION_NOUNS:  # before the endings: an "automaker" is no "lawmaker"
        return "schema:Organization"
    if words & PLACE_NOUNS:
        return "schema:Place"
    if singular.endswith(_PERSON_ENDINGS):
        return "schema:Person"
    return "schema:Thing"
