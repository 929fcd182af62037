"""ontology/events.ttl (the event taxonomy, trigger lexicon and factuality cues) and kg.lexicon.

The checks on the file run as SPARQL against both rdflib and Oxigraph.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import KgError
from kg.vocab import KGO, PREFIXES
from kg.vocab.lexicon import OTHER_EVENT, _table, load_lexicon
from kg.vocab.resources import data_dir

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
EVENTS = ONTOLOGY / "events.ttl"
CORE = ONTOLOGY / "kg.ttl"
SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())

CAMEO = {
    "MakeStatement": "01", "Appeal": "02", "ExpressIntentToCooperate": "03", "Consult": "04",
    "EngageInDiplomaticCooperation": "05", "EngageInMaterialCooperation": "06", "ProvideAid": "07",
    "Yield": "08", "Investigate": "09", "Demand": "10", "Disapprove": "11", "Reject": "12",
    "Threaten": "13", "Protest": "14", "ExhibitForcePosture": "15", "ReduceRelations": "16",
    "Coerce": "17", "Assault": "18", "Fight": "19", "UseUnconventionalMassViolence": "20",
}
TRIGGER_PROPERTIES = ("kgo:triggerVerb", "kgo:triggerPhrasal", "kgo:triggerNoun", "kgo:cueLemma")


@lru_cache
def _rdflib(path: Path):
    graph = Graph().parse(path, format="turtle")
    return lambda query: {tuple(str(term) for term in row) for row in graph.query(SPARQL_PREFIXES + query)}


@lru_cache
def _oxigraph(path: Path):
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return lambda query: {tuple(term.value for term in row) for row in store.query(SPARQL_PREFIXES + query)}


@pytest.fixture(params=["rdflib", "oxigraph"])
def select(request):
    """Run a SELECT over events.ttl; rows come back as a set of tuples of strings."""
    return {"rdflib": _rdflib, "oxigraph": _oxigraph}[request.param](EVENTS)


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def _local(iri: str) -> str:
    return iri.removeprefix(str(KGO))


# ---------------------------------------------------------------- the file


def test_events_ttl_declares_its_ontology(select):
    assert select("SELECT ?o WHERE { ?o a owl:Ontology ; owl:imports <https://kg.example.org/ontology> }") == {
        ("https://kg.example.org/ontology/events",)
    }


def test_every_event_class_is_declared_labelled_defined_and_reaches_sem_event(select):
    missing = select("""
        SELECT ?class WHERE {
            { ?class a owl:Class } UNION { ?class rdfs:subClassOf ?parent }
            UNION { ?class kgo:triggerVerb|kgo:triggerPhrasal|kgo:triggerNoun ?lemma }
            UNION { ?child rdfs:subClassOf ?class FILTER(?class != sem:Event) }
            FILTER(?class NOT IN (kgo:FactualityCue, owl:Thing))
            FILTER NOT EXISTS {
                ?class a owl:Class ; rdfs:subClassOf+ sem:Event ; rdfs:label ?label ; skos:definition ?definition .
                FILTER(LANG(?label) = "en" && LANG(?definition) = "en")
            }
        }""")
    assert missing == set()


def test_every_class_has_one_parent(select):
    assert select("SELECT ?c WHERE { ?c rdfs:subClassOf ?a , ?b FILTER(?a != ?b) }") == set()


def test_cameo_top_level_classes_carry_their_codes(select):
    rows = select("SELECT ?class ?code WHERE { ?class rdfs:subClassOf sem:Event ; skos:notation ?code }")
    assert {_local(cls): code for cls, code in rows} == CAMEO


def test_finer_cameo_codes_extend_their_parents_code(select):
    # "1712" destroy property under "171" seize or damage property under "17" coerce.
    assert select("""
        SELECT ?class WHERE {
            ?class skos:notation ?code ; rdfs:subClassOf ?parent .
            FILTER(?parent != sem:Event)
            FILTER NOT EXISTS { ?parent skos:notation ?prefix FILTER(STRSTARTS(?code, ?prefix)) }
        }""") == set()
    assert select("SELECT ?c WHERE { ?c skos:notation ?a , ?b FILTER(?a != ?b) }") == set()


@pytest.mark.parametrize("prop", TRIGGER_PROPERTIES)
def test_no_lemma_is_listed_twice(select, prop):
    assert select(f"SELECT ?lemma WHERE {{ ?a {prop} ?lemma . ?b {prop} ?lemma FILTER(?a != ?b) }}") == set()


@pytest.mark.parametrize(
    ("prop", "shape"),
    [
        ("kgo:triggerVerb", "^[a-z]+$"),
        ("kgo:triggerNoun", "^[a-z]+$"),
        ("kgo:triggerPhrasal", "^[a-z]+ [a-z]+$"),
        ("kgo:cueLemma", "^([a-z]+( [a-z]+)?|n't)$"),  # a verb with its particle: "call off"
    ],
)
def test_lemmas_are_plain_lower_case_strings(select, prop, shape):
    assert select(f"""
        SELECT ?lemma WHERE {{
            ?s {prop} ?lemma FILTER(!REGEX(STR(?lemma), "{shape}") || DATATYPE(?lemma) != xsd:string)
        }}""") == set()


def test_every_cue_has_one_lemma_and_one_factuality(select):
    assert select("""
        SELECT ?cue WHERE {
            ?cue a kgo:FactualityCue .
            { ?cue kgo:cueLemma ?a , ?b FILTER(?a != ?b) } UNION { ?cue kgo:cueFactuality ?a , ?b FILTER(?a != ?b) }
            UNION { FILTER NOT EXISTS { ?cue kgo:cueLemma ?l ; kgo:cueFactuality ?f } }
        }""") == set()


def test_every_term_used_is_declared_here_or_in_the_core_ontology():
    events = Graph().parse(EVENTS, format="turtle")
    both = events + Graph().parse(CORE, format="turtle")
    properties = {OWL.AnnotationProperty, OWL.DatatypeProperty, OWL.ObjectProperty}
    builtin = (str(RDF), str(RDFS), str(OWL))
    undeclared_properties = {
        p for p in events.predicates()
        if not str(p).startswith(builtin) and not set(both.objects(p, RDF.type)) & properties
    }
    assert undeclared_properties == set()
    ours = {term for triple in events for term in triple if isinstance(term, URIRef) and term.startswith(KGO)}
    assert {term for term in ours if (term, RDF.type, None) not in both} == set()


# ---------------------------------------------------------------- kg.lexicon


@pytest.mark.parametrize(
    ("lemma", "pos", "particle", "expected"),
    [
        ("threaten", "VERB", None, "kgo:Threaten"),
        ("warn", "VERB", None, "kgo:Threaten"),
        ("say", "VERB", None, "kgo:MakeStatement"),
        ("announce", "VERB", None, "kgo:Announce"),
        ("meet", "VERB", None, "kgo:Meet"),
        ("criticise", "VERB", None, "kgo:Disapprove"),
        ("arrest", "VERB", None, "kgo:Arrest"),
        ("demolish", "VERB", None, "kgo:Destroy"),
        ("acquire", "VERB", None, "kgo:Acquire"),
        ("order", "VERB", None, "kgo:Order"),
        ("deliver", "VERB", None, "kgo:Deliver"),
        ("resign", "VERB", None, "kgo:Resign"),
        ("blow", "VERB", "up", "kgo:Destroy"),
        ("cut", "VERB", "off", "kgo:ReduceRelations"),
        ("cut", "VERB", None, "kgo:Decrease"),
        ("cut", "VERB", "across", "kgo:Decrease"),  # an unknown particle falls back to the verb
        ("shut", "VERB", "down", "kgo:Close"),
        ("step", "VERB", "down", "kgo:Resign"),
        ("roll", "VERB", "out", "kgo:Launch"),
        ("Shut", "VERB", "Down", "kgo:Close"),
        ("explosion", "NOUN", None, "kgo:Explode"),
        ("meeting", "NOUN", None, "kgo:Meet"),
        ("Meeting", "NOUN", None, "kgo:Meet"),
        ("delivery", "NOUN", None, "kgo:Deliver"),
        ("threat", "NOUN", None, "kgo:Threaten"),
        ("decline", "NOUN", None, "kgo:Decrease"),
        ("decline", "VERB", None, "kgo:Reject"),
        ("blow", "VERB", None, OTHER_EVENT),
        ("frobnicate", "VERB", None, OTHER_EVENT),
        ("table", "NOUN", None, OTHER_EVENT),
        ("meet", "NOUN", None, OTHER_EVENT),
        ("award", "NOUN", None, "kgo:Award"),
        ("contest", "NOUN", None, "kgo:Compete"),
        ("robbery", "NOUN", None, "kgo:CommitCrime"),
        ("smuggle", "VERB", None, "kgo:CommitCrime"),
        ("terrorism", "NOUN", None, OTHER_EVENT),  # a field of news, no one act
        ("open", "VERB", "fire", "kgo:Fight"),
        ("approval", "NOUN", None, "kgo:Approve"),  # "-al" names the act of its verb
        ("final", "NOUN", None, OTHER_EVENT),  # but "final" is no "fine", a stem needs four letters
    ],
)
def test_event_type(lexicon, lemma, pos, particle, expected):
    assert lexicon.event_type(lemma, pos=pos, particle=particle) == expected


def test_event_type_refuses_other_parts_of_speech(lexicon):
    with pytest.raises(ValueError, match="pos='VERB', 'NOUN' or 'ADJ', not 'ADV'"):
        lexicon.event_type("likely", pos="ADV")


def test_an_adjective_of_a_result_state_is_its_events_and_others_are_not(lexicon):
    assert lexicon.event_type("dead", pos="ADJ") == "kgo:Die"
    assert lexicon.event_type("likely", pos="ADJ") == "kgo:OtherEvent"


def test_is_event_noun_and_phrasal(lexicon):
    assert lexicon.is_event_noun("explosion") and lexicon.is_event_noun("Meeting")
    assert not lexicon.is_event_noun("table")
    assert lexicon.phrasal("blow", "up") and lexicon.phrasal("cut", "off")
    assert not lexicon.phrasal("blow", "out") and not lexicon.phrasal("cut", "across")


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("threaten", "Threatened"),
        ("warn", "Threatened"),
        ("plan", "Planned"),
        ("agree", "Planned"),
        ("expect", "Expected"),
        ("will", "Expected"),
        ("urge", "Requested"),
        ("call", "Requested"),
        ("deny", "Negated"),
        ("refuse", "Negated"),
        ("not", "Negated"),
        ("may", "Possible"),
        ("if", "Possible"),
        ("say", None),
        ("meeting", None),
    ],
)
def test_cue(lexicon, lemma, expected):
    assert lexicon.cue(lemma) == expected


def test_cues_name_the_factualities_of_the_core_ontology(lexicon):
    core = Graph().parse(CORE, format="turtle")
    declared = {_local(str(f)) for f in core.subjects(RDF.type, KGO.Factuality)}
    assert set(lexicon.cues.values()) == declared - {"Asserted"}


def test_classes_lead_to_sem_event(lexicon):
    for cls in lexicon.classes:
        seen = [cls]
        while seen[-1] != "sem:Event":
            seen.append(lexicon.classes[seen[-1]])
            assert len(seen) < 10, f"a cycle: {seen}"
    assert OTHER_EVENT in lexicon.classes
    assert {*lexicon.verbs.values(), *lexicon.phrasals.values(), *lexicon.nouns.values()} <= lexicon.classes.keys()


def test_load_lexicon_parses_once():
    assert load_lexicon() is load_lexicon()


def test_a_lemma_under_two_classes_is_refused():
    graph = Graph()
    graph.add((KGO.Meet, KGO.triggerVerb, Literal("meet")))
    graph.add((KGO.Consult, KGO.triggerVerb, Literal("meet")))
    with pytest.raises(KgError, match="'meet' is listed under both kgo:Consult and kgo:Meet; keep one"):
        _table(graph, KGO.triggerVerb, EVENTS)


def test_a_checkout_reads_its_own_data():
    # not that of another checkout that an editable install maps kg.ontology to
    assert data_dir("ontology") == ONTOLOGY.resolve()
    assert data_dir("shapes") == (ONTOLOGY.parent / "shapes").resolve()


def test_plans_undertakings_and_troubles_are_event_nouns(lexicon):
    for lemma in ("plan", "project", "issue", "measure", "response", "work"):
        assert lexicon.is_event_noun(lemma), lemma
