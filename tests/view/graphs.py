"""Hand-made graphs in kg's vocabulary for the view's tests: a short story of our own, with
the offsets of its mentions counted from its text."""

from __future__ import annotations

STORY = ("Port Closed After Shelling\n\n"
         "Rebels shelled the port of Aden on 3 May 2021, officials said. "
         "The government threatened to close the border in June. "
         "Mr. Saleh did not resign. Talks began in 2019.")


def at(text: str, words: str, nth: int = 1) -> tuple[int, int]:
    """The offsets of the nth occurrence of ``words`` in ``text``."""
    begin = -1
    for _ in range(nth):
        begin = text.index(words, begin + 1)
    return begin, begin + len(words)


def mention(article: str, text: str, words: str, nth: int = 1) -> str:
    begin, end = at(text, words, nth)
    return (f'<{article}#char={begin},{end}> a nif:OffsetBasedString ; nif:beginIndex "{begin}"^^xsd:nonNegativeInteger ; '
            f'nif:endIndex "{end}"^^xsd:nonNegativeInteger ; nif:anchorOf "{words}" ; nif:referenceContext <{article}> .\n')


def story_graph(article_id: str = "aden", text: str = STORY, with_text: bool = True, extra: str = "") -> str:
    """The story's graph as Turtle: three entities, four events (one dated by day, one
    threatened for a month, one negated, one dated by year) and an undated one."""
    a = f"https://kg.example.org/id/article/{article_id}"
    m = lambda words, nth=1: f"<{a}#char={at(text, words, nth)[0]},{at(text, words, nth)[1]}>"  # noqa: E731
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    body = f"""
<{a}> a schema:NewsArticle ; dct:identifier "{article_id}" ; dct:title "Port Closed After Shelling" ;
    dct:created "2021-05-04"^^xsd:date {'; nif:isString "' + escaped + '"' if with_text else ''} .
kg:rebels a schema:Organization ; rdfs:label "Rebels"@en ; gaf:denotedBy {m("Rebels")} .
kg:aden a schema:City ; rdfs:label "Aden"@en ; skos:altLabel "the port of Aden"@en ;
    owl:sameAs <https://sws.geonames.org/415189/> ; gaf:denotedBy {m("Aden")} .
kg:government a schema:GovernmentOrganization ; rdfs:label "government"@en ; gaf:denotedBy {m("government")} .
kg:border a schema:Place ; rdfs:label "border"@en ; gaf:denotedBy {m("border")} .
kg:saleh a schema:Person ; rdfs:label "Saleh"@en ; gaf:denotedBy {m("Saleh")} .
<{a}/event/shell> a sem:Event , kgo:Fight ; rdfs:label "Rebels: shell port"@en ; kgo:lemma "shell" ;
    kgo:factuality kgo:Asserted ; kgo:tense kgo:Past ; kgo:agent kg:rebels ; kgo:patient kg:aden ;
    sem:hasPlace kg:aden ; sem:hasTime <https://kg.example.org/id/time/2021-05-03> ; gaf:denotedBy {m("shelled")} .
<{a}/event/close> a sem:Event , kgo:Close ; rdfs:label "government: close border (threatened)"@en ;
    kgo:lemma "close" ; kgo:factuality kgo:Threatened ; kgo:tense kgo:Past ; kgo:agent kg:government ;
    kgo:patient kg:border ; kgo:intendedTime <https://kg.example.org/id/time/2021-06> ; gaf:denotedBy {m("close")} .
<{a}/event/resign> a sem:Event , kgo:Resign ; rdfs:label "Saleh: resign (negated)"@en ; kgo:lemma "resign" ;
    kgo:factuality kgo:Negated ; kgo:agent kg:saleh ; gaf:denotedBy {m("resign")} .
<{a}/event/say> a sem:Event , kgo:MakeStatement ; rdfs:label "say"@en ; kgo:lemma "say" ;
    kgo:factuality kgo:Asserted ; gaf:denotedBy {m("said")} .
<{a}/event/talks> a sem:Event , kgo:Consult ; rdfs:label "talks"@en ; kgo:lemma "talk" ;
    kgo:factuality kgo:Asserted ; sem:hasTime <https://kg.example.org/id/time/2019> ; gaf:denotedBy {m("Talks")} .
<https://kg.example.org/id/time/2021-05-03> a time:Instant ; rdfs:label "2021-05-03" ;
    time:inXSDDate "2021-05-03"^^xsd:date ; gaf:denotedBy {m("3 May 2021")} .
<https://kg.example.org/id/time/2021-06> a time:Instant ; rdfs:label "2021-06" ;
    time:inXSDgYearMonth "2021-06"^^xsd:gYearMonth ; gaf:denotedBy {m("June")} .
<https://kg.example.org/id/time/2019> a time:Instant ; rdfs:label "2019" ;
    time:inXSDgYear "2019"^^xsd:gYear ; gaf:denotedBy {m("2019")} .
"""
    mentions = "".join(mention(a, text, w) for w in ("Rebels", "Aden", "government", "border", "Saleh", "shelled",
                                                     "close", "resign", "said", "Talks", "3 May 2021", "June", "2019"))
    return PREFIXES + body + mentions + extra


PREFIXES = """@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix kgo: <https://kg.example.org/ontology#> .
@prefix kg: <https://kg.example.org/id/entity/> .
"""
