"""Labels for the repaired name spans, where spaCy's tagger is systematically wrong.

A name's context decides what it names more surely than the tagger's guess: people take no
article ("the Dreamliner"), a role word before a name makes a person ("executive Mark
Papermaster"), an organisation noun an organisation ("retailer Best Buy"), a launch verb's object
a product ("Apple unveiled Lion"), an agent verb's subject an organisation ("Maersk said").
"""

from __future__ import annotations

import re

from kg.linking import geo
from kg.text.tokens import NOUNS_TABLE, text_of
from kg.vocab.given import given_name
from kg.vocab.resources import coarse_type
from kg.vocab.words import ORGANISATION_NOUNS, PERSON_NOUNS, name_words

from .products import is_model

_POSSESSIVE = {"'s", "’s", "'", "’"}
COMMON = "COMMON"  # the label of a capitalised common noun, which names no entity
ROLE_WORDS = {"executive", "spokesman", "spokeswoman", "spokesperson", "analyst", "ceo", "chairman",
              "chairwoman", "president", "director", "founder", "co-founder", "minister", "senator", "officer",
              "manager", "engineer", "chief", "secretary", "leader", "vice-president", "head"}
_WORLDS = {"Moon", "Earth"}  # worlds news names with "the", which the tagger takes for people
# players a team has and no person does ("Manchester United striker Romelu Lukaku")
_PLAYERS = {"striker", "midfielder", "goalkeeper", "defender", "winger", "playmaker", "quarterback", "pitcher",
            "shortstop", "linebacker"}
# posts only a person holds, whatever the name they describe ("Jordan, the Liverpool captain";
# "Ana Lima, Peru's foreign minister"): not a customer, partner, owner or rival, which a company is too
PERSON_POSTS = ROLE_WORDS | _PLAYERS | {
    "captain", "coach", "player", "mayor", "governor", "ambassador", "envoy", "king", "queen", "prince",
    "princess", "judge", "prosecutor", "lawyer", "attorney", "journalist", "reporter", "editor", "actor",
    "actress", "singer", "author", "novelist", "professor", "lecturer", "student", "teacher", "doctor",
    "surgeon", "nurse", "pilot", "commander", "general", "colonel", "lawmaker", "congressman",
    "congresswoman", "mp", "deputy", "premier", "chancellor", "diplomat", "negotiator", "economist",
    "scientist", "researcher", "chairperson", "treasurer", "curator", "artist", "photographer", "musician",
    "athlete", "cyclist", "swimmer", "runner", "boxer", "jockey", "driver", "son", "daughter", "wife", "husband",
    "mother", "father", "brother", "sister", "widow", "counterpart",
}
# words after a name that make it an organisation's ("Ryanair spokesman", "GM's Opel unit")
_ORG_FOLLOWERS = {"spokesman", "spokeswoman", "spokesperson", "employees", "shareholders", "executives",
                  "unit", "division", "subsidiary", "affiliate"}


def relabel(doc, start: int, end: int, label: str, definite: bool) -> str:
    """Where the tagger is systematically wrong: people take no article ("the Dreamliner",
    "the Beatles"; the article of "the Obama administration" is the noun's), and a name right
    after a role word is a person's ("executive Mark Papermaster", "spokeswoman Sandy Angers")."""
    words = name_words()
    span = doc[start:end]
    if span.text.replace(".", "").lower() in ROLE_WORDS | {"cfo", "coo", "cto"}:
        return COMMON  # "Apple's C.E.O.": a post, no name
    if re.search(r"\w\.(?:com|net|org)$", span.text):
        return "ORG"  # "GovExec.com quotes ...": a website's name
    if any(t.is_currency and t.i + 1 < end and doc[t.i + 1].like_num for t in span):
        return "MONEY"  # "US $299", tagged as an event
    if label != "GPE" and _dateline(doc, span):
        return "GPE"  # "MILAN (Reuters) - ...": the place the story was filed from
    if _unit(doc, span, label):
        return "MONEY"  # "USD 299", "$99 (USD)", "a 16 GB model": a currency or a unit, no entity
    if _government_debt(span):
        return COMMON  # "Treasury yields fell": the bonds, no department that acts
    if _people_group(span):
        return "PERSON"  # "the Rohingya, a stateless minority of Muslims": people, as "dockworkers" are
    modifier = span.root.dep_ == "compound" and span.root.head.i >= end  # "the Obama administration"
    if label == "PERSON" and definite and not modifier and span.text in _WORLDS:
        return "LOC"  # "on the Moon": a world one goes to, no product
    if label == "PERSON" and definite and not modifier:
        return "ORG" if doc[end - 1].text.endswith("s") else "PRODUCT"
    if label == "PERSON" and any(c.dep_ == "relcl" and any(w.lower_ == "which" for w in c.children) for c in span.root.children):
        return "ORG"  # "he bought Pixar, which was acquired ...": no person is a "which"
    if label == "PERSON" and len(span) == 1 and modifier and span.root.head.lemma_ in words["product-noun"]:
        return "PRODUCT"  # "the mobile Safari browser"
    if label == "PERSON" and end - start == 1 and _common_noun_opening(doc, doc[start]) and not acts(span.root, words):
        return COMMON  # but "Dell said profits fell": a noun says nothing, a company named like one does
    if label == "ORG" and end - start == 1 and modifier and doc[start].tag_ == "NN" \
            and _common_noun_opening(doc, doc[start]):
        return COMMON  # "Air strikes hit the town", "Rescue workers pulled ...": a noun's modifier
    if end - start == 1 and _plural_noun_opening(doc, doc[start]):
        return COMMON  # "Gunmen attacked a police station", "Rebels said": people, not a name
    if label == "FAC" and acts(span.root, words):
        return "ORG"  # "the Syrian Observatory for Human Rights said": a building says nothing
    if label == "PERSON" and _described_as_organisation(span, words):
        return "ORG"  # "Ryanair, the Irish budget airline, said": no person is an airline
    kind = _exemplified(doc, start, words)
    if kind is not None:
        return kind  # "other carriers, such as Verizon", "retailers including Best Buy"
    before = doc[start - 1].text.lower() if start > 0 else ""
    after = doc[end].text.lower() if end < len(doc) else ""
    lone = label != "PERSON" or len(span) == 1
    if before in words["org-noun"] or (after in ROLE_WORDS and lone) or after in _ORG_FOLLOWERS and not _speaks_for_a_person(span, label, after) \
            or after in _PLAYERS and label == "PERSON" and doc[end].dep_ == "compound":
        return "ORG"  # "retailer Best Buy", "Ryanair CEO", "Apple's board"
    after_class = _class_after(span, words)
    if after_class and label != "PERSON":
        return _CLASS_LABELS[after_class]  # "the Budweiser brand", "the Chuseok holiday"
    if label in ("ORG", "PERSON", "GPE") and _used_online(doc, span, words):
        return "ONLINE"  # "posted to Twitter", "his Facebook account": the service, no person
    if (label in ("ORG", "GPE", "PRODUCT") and (before in ROLE_WORDS or _described_as_person(span) or _occupation_before(doc, start))
            and len(span) <= 3
            and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in span)
            and span[-1].text not in words["head"] and span[-1].text not in words["suffix"]):
        return "PERSON"
    if label in ("ORG", "GPE", "PRODUCT") and _listed_with_people(span, words):
        return "PERSON"  # "Ansel Adams, Chuck Close, Walker Evans and Helmut Newton": one of the people listed
    if label in ("ORG", "PERSON") and not (label == "PERSON" and _described_as_person(span)) \
            and (_acts_as_product(doc, span, words) or _made(doc, span) or _parallel_to_a_model(span, words)
                 or _model_before_its_noun(doc, span, words)):  # "Madison Keys, the tennis player": no MP3 player
        return "PRODUCT"
    if label in ("GPE", "LOC") and _model_named_like_a_place(doc, span, words):
        return "PRODUCT"  # "its new electric Mustang", "the Malibu sedan": a model, whatever town shares its name
    if label == "PRODUCT" and len(span) == 1 and not is_model(span.text) and acts(span.root, words):
        return "ORG"  # "Maersk threatened ...": a company, whatever the tagger thought
    if label == "PERSON" and len(span) == 1 and says_it(span.root, words) and any(
            p.type == "schema:Country" and not p.by_alternate for p in geo.candidates(span.text)):
        return "GPE"  # "Chad said it had closed its border": the country, no man named Chad
    if label in ("ORG", "PERSON") and _described_as_site(span):
        return "FAC"  # "Tongilgak, a North Korean building": a place one can be at
    if label in ("PERSON", "GPE") and speaks_as_organisation(doc, span, words):
        return "ORG"  # "Walgreens said it would close 200 stores": no person is an "it", no place cuts jobs
    return label


# what "Treasury" names before it in market news is the government's debt, not the department
_DEBT_NOUNS = {"yield", "bond", "note", "bill", "price", "security", "future", "market", "auction", "rate", "curve"}


def _government_debt(span) -> bool:
    """"Treasury yields", "the 10-year Treasury note", "Treasuries rallied": the US government's
    bonds, which market reports name by the department that issues them; "the Treasury said",
    "Treasury officials" stay the department."""
    if len(span) != 1 or span.text not in ("Treasury", "Treasuries"):
        return False
    return span.text == "Treasuries" or span.root.dep_ == "compound" and span.root.head.lemma_.lower() in _DEBT_NOUNS


def _speaks_for_a_person(span, label: str, after: str) -> bool:
    """"Angela Merkel spokesman Steffen Seibert": a person named in full who has a spokesman
    is a person (politicians have them too), not "Ryanair spokesman"."""
    return (label == "PERSON" and len(span) >= 2 and after in ("spokesman", "spokeswoman", "spokesperson")
            and given_name(span[0].text) is not None)


def _surname(doc, span) -> bool:
    """Whether a lone word is the last of a person's name of two words or more in the article
    ("Jobs" after "Steve Jobs"): whatever "it" is, it is not him."""
    return any(ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].text == span.text for ent in doc.ents)


# Verbs whose subject "it" is often no referent at all ("she said it was time", "it seems")
_EXPLETIVE_VERBS = {"be", "seem", "appear", "take", "matter", "happen", "rain", "become", "remain", "look",
                    "sound", "feel", "mean", "make", "cost", "get", "go", "come"}
# What an organisation has that a thing or another person does not: "its chief executive", "its shares"
_OWNED_BY_ORGANISATIONS = PERSON_NOUNS | {"share", "stock", "profit", "revenue", "sale", "earning", "store",
                                         "plant", "factory", "subsidiary", "unit", "stake", "workforce", "board"}


def speaks_as_organisation(doc, span, words) -> bool:
    """A lone name that says "it would ..." or "its chief executive ..." of itself (says_it),
    unless a person's surname ("Jobs" after "Steve Jobs": the "it" is what he speaks of) or a
    place GeoNames knows ("Ankara said it would respond": the state, kg.metonymy's business)."""
    return len(span) == 1 and says_it(span.root, words) and not _surname(doc, span) and not _large_place(span.text)


def says_it(token, words) -> bool:
    """The subject of a verb of saying or acting whose own clause goes on with "it" as its
    subject, or with "its" people, profits or stores: "Walgreens said on Tuesday it would close
    200 stores", "Walgreens said its chief executive would step down". Not an "it" that stands
    for nothing ("Smith said it was time to go", "Smith said it seemed unlikely") or for a thing
    ("Smith said its battery lasts a day")."""
    if token.dep_ != "nsubj" or token.head.lemma_ not in words["agent-verb"]:
        return False
    for clause in (c for c in token.head.children if c.dep_ == "ccomp" and c.i > token.i):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        if subject.lower_ == "it" and clause.lemma_ not in _EXPLETIVE_VERBS \
                and not any(c.dep_ in ("auxpass", "acomp", "attr") for c in clause.children):
            return True
        if subject.lemma_.lower() in _OWNED_BY_ORGANISATIONS and any(
                c.dep_ == "poss" and c.lower_ == "its" for c in subject.children):
            return True
    return False


def _listed_with_people(span, words) -> bool:
    """A name shaped like a person's (two or three capitalised words, none a company's or an
    institution's word) in a list whose other names the tagger reads as people's, two or more
    and most of them: news lists people with people."""
    if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in span) \
            or span[-1].text in words["head"] or span[-1].text in words["suffix"] or geo.candidates(span.text):
        return False
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members, todo = [], [first]
    while todo:
        token = todo.pop()
        members.append(token)
        todo += [c for c in token.children if c.dep_ == "conj"]
    others = [t for t in members if not span.start <= t.i < span.end]
    people = sum(1 for t in others if t.ent_type_ == "PERSON")
    return people >= 2 and 2 * people > len(others)


def says_he_or_she(token, given: str, words) -> bool:
    """The subject of a verb of saying or acting whose own clause goes on with "he" or "she"
    as its subject, of the gender its given name goes with ("m", "f", or "?" for either):
    "Annie Oakley said she was pleased"."""
    if token.dep_ != "nsubj" or token.head.lemma_ not in words["agent-verb"]:
        return False
    pronouns = {"m": {"he"}, "f": {"she"}}.get(given, {"he", "she"})
    return any(c.dep_ == "ccomp" and c.i > token.i and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in pronouns
                                                          for s in c.children)
               for c in token.head.children)


def _dateline(doc, span) -> bool:
    """A wire story's dateline: a place GeoNames knows at the opening of a paragraph, on the
    line kg.read ends where the dateline's dash was ("MILAN (Reuters) - ...", which it reads
    as "Milan", blanks and a line break); not a name that opens a paragraph of the story ("Jordan,
    the team's captain, scored")."""
    text = text_of(doc)
    opens = span.start_char == 0 or text[span.start_char - 1] == "\n"
    return (opens and re.match(r"[^\n]{0,40}\n ", text[span.end_char : span.end_char + 42]) is not None
            and any(not p.by_alternate for p in geo.candidates(span.text)))


# The label a class named after a name gives it (ontology/name-words.csv, "class-after")
_CLASS_LABELS = {"schema:Brand": "BRAND", "kgo:Movement": "MOVEMENT", "schema:Event": "EVENT"}


def _class_after(span, words) -> str | None:
    """The class a noun after a name, or after a list of names, gives them all: "the Budweiser
    brand", "the Fiat, Jeep and Peugeot brands"; not a noun that itself modifies another ("the
    Budweiser brand manager")."""
    node = span.root
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head  # "Peugeot" of "Fiat, Jeep and Peugeot"
    noun = node.head
    if node.dep_ not in ("compound", "nmod") or noun.i < span.end or noun.dep_ == "compound":
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.is_sent_start for t in noun.doc[span.end : noun.i + 1]):
        return None  # the names and the noun make one noun phrase
    return words.get("class-after", {}).get(noun.lower_) or words.get("class-after", {}).get(noun.lemma_.lower())


def _occupation_before(doc, start: int) -> bool:
    """A noun of a person's occupation right before the name, as its compound: "fashion designer
    Halston", "photographer Walker Evans" (an organisation's noun was tried before: "developer
    Epic Games" is the company)."""
    if start == 0:
        return False
    noun = doc[start - 1]
    return noun.tag_ == "NN" and noun.dep_ == "compound" and noun.head.i >= start and (
        noun.lemma_.lower() in PERSON_NOUNS or noun.lower_.endswith(("grapher", "ist", "designer", "writer", "artist")))


_SAID_ON = {"say", "write", "announce"}  # what one says "on" a service


def _used_online(doc, span, words) -> bool:
    """A name used as an online service: the object of "on", "to" or "via" after a word of what
    people do there ("posted to Twitter", "a hashtag on Instagram"), or a modifier of one ("his
    Facebook account"); never with a role word beside it ("Twitter spokesman")."""
    online = words.get("online-word", {})
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "to", "via") and root.head.head.lemma_.lower() in online:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.lemma_.lower() in _SAID_ON:
        return True  # "wrote on Twitter", "said on Instagram" (but "wrote to Obama" is a letter)
    return root.dep_ == "compound" and root.head.i >= span.end and root.head.lemma_.lower() in online \
        and root.head.lemma_.lower() in ("account", "hashtag", "feed", "page", "profile", "follower", "post")


def _exemplified(doc, start: int, words) -> str | None:
    """A name given as an example of a plural noun ("carriers, such as Verizon", "devices
    including the iPod") is of that noun's kind: an organisation or a product."""
    at = start - 1
    while at > 0 and doc[at].lower_ in ("the", "a", "an"):
        at -= 1
    if at >= 2 and doc[at].lower_ == "as" and doc[at - 1].lower_ == "such":
        at -= 2
    elif at >= 1 and doc[at].lower_ in ("including", "like"):
        at -= 1
    else:
        return None
    if doc[at].text == ",":
        at -= 1
    noun = doc[at]
    if noun.tag_ != "NNS":
        return None
    if noun.lemma_ in words["org-noun"] or noun.lemma_ in words["class-noun"] and words["class-noun"][noun.lemma_] in (
            "schema:Organization", "schema:Airline"):
        return "ORG"
    return "PRODUCT" if noun.lemma_ in words["product-noun"] or noun.lower_ in words["product-noun"] else None


def _unit(doc, span, label: str) -> bool:
    """A word in capitals that counts a number: a currency code before an amount ("USD 299",
    "EUR 250", "GB # 20.1 billion") or in brackets after one ("$99 (USD)"), a unit after a number that is
    no year, wherever the article writes it ("16 GB", not "in 2008 US sales", "27 EU states")."""
    if len(span) == 2 and span[0].text in geo.currency_codes() and span[1].like_num:
        return True  # "EUR 250", tagged as one name
    if len(span) != 1 or not span.text.isupper() or not span.text.isalpha():
        return False
    start, end = span.start, span.end
    after = doc[end : end + 2].text.replace(" ", "")
    before = doc[start - 1] if start else None
    if label == "ORG" and (after[:1].isdigit() or after[:1] in "#$£€¥" and after[1:2].isdigit()
                           or before is not None and before.text[:1].isdigit()):
        return True
    if start >= 2 and before.text == "(" and doc[start - 2].ent_type_ == "MONEY":
        return True
    return before is not None and all(  # every time the article writes it: "the 27 EU states ... the EU" is no unit
        t.i > 0 and doc[t.i - 1].like_num and doc[t.i - 1].tag_ == "CD" and not re.fullmatch(r"1[89]\d\d|20\d\d", doc[t.i - 1].text)
        for t in doc if t.text == span.text)


def _common_noun_opening(doc, token) -> bool:
    """"Turnout reached 74 percent": a common noun that opens a sentence, capitalised only for
    that, which the tagger took for a person's name; unless the word is written with a
    capital elsewhere too ("President Bush ... Bush said")."""
    nouns = doc.vocab.lookups.get_table(NOUNS_TABLE) if doc.vocab.lookups.has_table(NOUNS_TABLE) else {}
    if not token.is_sent_start or token.lower_ not in nouns or _large_place(token.text):
        return False  # "Ankara said ...": the word lists hold a few capitals' names too
    return not any(t.text == token.text and not t.is_sent_start for t in doc if t.i != token.i)


def _large_place(word: str) -> bool:
    """A country, a state or a city of 100,000 people or more, by its own name in GeoNames."""
    return any(not p.by_alternate and (p.type in ("schema:Country", "schema:State") or p.population >= 100_000)
               for p in geo.candidates(word))


def _plural_noun_opening(doc, token) -> bool:
    """"Gunmen attacked", "Militants fired": the plural of a common noun that opens a sentence,
    capitalised only for that, which the tagger took for a name of any kind; unless the article
    writes it with a capital elsewhere too. A singular ("Apple said") may be a name."""
    nouns = doc.vocab.lookups.get_table(NOUNS_TABLE) if doc.vocab.lookups.has_table(NOUNS_TABLE) else {}
    word = token.lower_
    if not token.is_sent_start or not token.is_alpha or word in nouns or not word.endswith(("s", "men")):
        return False
    singulars = {word[:-3] + "man", word[:-3] + "y", word[:-2], word[:-1]}
    if not any(w in nouns for w in singulars if len(w) > 2):
        return False
    return not any(t.text == token.text and not t.is_sent_start for t in doc if t.i != token.i)


# adjectives of what a maker brings out: "the new iPhone", "the original MacBook Air"
_LAUNCHED = {"new", "original", "updated", "latest", "redesigned", "upgraded"}


def _acts_as_product(doc, span, words) -> bool:
    """A name used as a product's: an organisation's possessive before it ("Apple's Tiger"), a
    product noun before it ("web browser Safari") or in apposition ("Tiger, the newest version"),
    a version number after it ("Safari 4.0"), the object of a launch verb ("unveiled Lion",
    "launches new MacBook Air laptops"), or listed with such an object."""
    if span[-1].text in words["head"] or span[-1].text in words["suffix"] or span[-1].lower_ in words["description"]:
        return False  # "Airbus' Delivery Center" is a place of Airbus, no product of it
    start, end = span.start, span.end
    before = start - 1
    while before > 0 and doc[before].dep_ == "amod" and doc[before].head.i in range(start, end + 2):
        before -= 1  # "Apple's proprietary Quartz"
    if before >= 1 and doc[before].text in _POSSESSIVE and doc[before - 1].ent_type_ == "ORG":
        return True
    nouns = words["product-noun"]
    maker = end < len(doc) and (is_model(doc[end].text) or doc[end].pos_ == "PROPN" or doc[end].ent_type_ == "PRODUCT")
    if any(t.lower_ in _LAUNCHED and t.dep_ == "amod" for t in doc[max(before, 0) : start]) and not maker \
            and (span.root.dep_ != "compound" or span.root.head.lemma_ in nouns):
        # "the new MacBook Air", "new MacBook Air laptops": a thing launched is new; not a maker
        # before its model ("22 new Boeing 787 Dreamliners")
        return True
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and span.root.head.head.lemma_ in nouns \
            and span.root.head.head.tag_ == "NNS":
        return True  # "two models of the MacBook Air", "versions of Windows"
    if start >= 1 and doc[start - 1].lemma_ in nouns and doc[start - 1].dep_ == "compound" \
            and start <= doc[start - 1].head.i < end:
        return True  # "web browser Safari"
    if span.root.dep_ == "appos" and span.root.head.lemma_ in nouns or any(
            c.dep_ == "appos" and c.lemma_ in nouns for t in span for c in t.children):
        return True  # "Tiger, the newest version of Mac OS X"
    if end < len(doc) and re.match(r"^\d+(?:\.\d+)+$", doc[end].text):
        return True
    if len(span) > 1 and (span[-1].text.isdigit() or is_model(span[-1].text)) and end < len(doc) \
            and doc[end].lemma_ in nouns:
        return True  # "Rolls-Royce Trent 900 engines": a maker's name and a model number
    node = span.root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("compound", "nmod") and node.head.lemma_ == "model" and node.head.i >= end \
            and any(c.dep_ == "poss" for c in node.head.children):
        return True  # "its Fusion and Focus models": names of models, the maker is the owner ("Ford models")
    node = span.root
    if node.dep_ == "compound" and node.head.lower_ in words["product-noun"]:
        node = node.head
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_ in words["launch-verb"]


# verbs of making things: their definite object is a product ("the plant builds the Jeep Cherokee")
_MAKE_VERBS = {"build", "manufacture", "produce", "assemble"}
_OWNERS = {"its", "their", "his", "her", "our"}


def _made(doc, span) -> bool:
    """A definite name of two words or more the object of a verb of making, or its subject
    in the passive, or listed with one: "the company builds the Jeep Cherokee", "the Dodge
    Durango and the Chrysler Aspen would be built in Detroit" (not a bare name: "helped build
    Microsoft", nor an organisation's or an institution's name)."""
    words = name_words()
    if len(span) < 2 or span.start == 0 or doc[span.start - 1].lower_ != "the" \
            or span[-1].text in words["head"] or span[-1].text in words["suffix"]:
        return False
    node = span.root
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_ in _MAKE_VERBS


def _parallel_to_a_model(span, words) -> bool:
    """A lone name before a product noun listed with a model number before one: "F-150 pickup
    trucks and Explorer sport utility vehicles" name two models, as the parallel shows (not "Ford
    trucks and Toyota cars", two makers' things)."""
    nouns = words["product-noun"]
    head = span.root
    while head.dep_ == "compound" and head.head.i > head.i and head.head.i - span.end < 3:
        head = head.head
    if len(span) != 1 or head is span.root or head.lower_ not in nouns:
        return False
    siblings = ([head.head] if head.dep_ == "conj" else []) + [c for c in head.children if c.dep_ == "conj"]
    return any(sibling.lower_ in nouns and any(is_model(c.text) or c.ent_type_ == "PRODUCT"
                                               for c in sibling.subtree if c.i < sibling.i)
               for sibling in siblings)


def _model_before_its_noun(doc, span, words) -> bool:
    """A lone name written once, after "the" or an owner and right before a product noun:
    "sales of the Fusion sedan", "its Explorer SUV" name a model; a maker the article names
    again ("the Boeing jets ... Boeing said") is the maker."""
    if len(span) != 1 or span.start == 0 or span.end >= len(doc):
        return False
    before, noun = doc[span.start - 1], doc[span.end]
    if before.lower_ not in _OWNERS | {"the"} or span.root.dep_ != "compound" or span.root.head.i != span.end \
            or noun.lower_ not in words["product-noun"] and noun.text not in words["product-noun"]:
        return False
    return sum(1 for t in doc if t.text == span.text) == 1


def _model_named_like_a_place(doc, span, words) -> bool:
    """A name the tagger took for a place, used as a product's ("Mustang", "Malibu", "Tahoe",
    "Durango": models are often named after places): owned and new ("its new electric Mustang",
    "Ford's new Tahoe"), or right before a product noun after "the" or an owner ("the Malibu
    sedan", "its Tahoe SUV"). Not a place a company's thing is at ("its new Detroit plant"),
    nor a place with no owner or article ("Chicago truck drivers")."""
    start, end = span.start, span.end
    before = start - 1
    while before > 0 and doc[before].dep_ == "amod" and doc[before].head.i in range(start, end + 2):
        before -= 1  # "its new electric Mustang"
    if before < 0:
        return False
    owned = doc[before].lower_ in _OWNERS or doc[before].text in _POSSESSIVE and before >= 1 \
        and doc[before - 1].ent_type_ == "ORG"
    nouns = words["product-noun"]
    root = span.root
    if root.dep_ == "compound":
        head = root.head
        return head.i == end and (head.lower_ in nouns or head.text in nouns) and (owned or doc[before].lower_ == "the")
    new = any(t.lower_ in _LAUNCHED and t.dep_ == "amod" for t in doc[before:start])
    return owned and new


def acts(token, words) -> bool:
    """Whether a token is the subject of a verb only agents take ("said", "threatened")."""
    return token.dep_ == "nsubj" and token.head.lemma_ in words["agent-verb"]


def _described_as_organisation(span, words) -> bool:
    """An apposition after the name headed by a company's noun ("Ryanair, the Irish budget
    airline,"; not "Jobs, the company's founder")."""
    classes = words["class-noun"]
    return any(appos.i > token.i and (appos.lemma_.lower() in words["org-noun"] or appos.lemma_.lower() in classes
                                      and coarse_type(classes[appos.lemma_.lower()]) == "organization")
               for token in span for appos in token.children if appos.dep_ == "appos")


# Nouns of buildings and sites an apposition may call a name (not of institutions that also act:
# "Harvard, a university"; nor "house", "home": "Boeing, home of the 747")
_SITES = {"building", "factory", "plant", "airport", "stadium", "arena", "hall", "hospital", "hotel", "church",
          "mosque", "temple", "synagogue", "prison", "jail", "camp", "compound", "bridge", "mall", "palace",
          "village", "town", "mine", "refinery", "dam", "reactor", "shrine", "monument", "tower", "castle"}


def _described_as_site(span) -> bool:
    """An apposition after the name headed by a building's or a site's noun ("Tongilgak, a North
    Korean building"; not "Hilton, a hotel chain", whose head is the chain)."""
    return any(appos.i > token.i and appos.lemma_.lower() in _SITES
               for token in span for appos in token.children if appos.dep_ == "appos")


_PEOPLE_GROUPS = {"minority", "tribe", "clan", "people", "peoples", "ethnic"}  # nouns of groups of people


def _people_group(span) -> bool:
    """An apposition calls the named a group of people ("Rohingya, a stateless minority of
    Muslims from Myanmar", "the Yazidis, a Kurdish-speaking people")."""
    tokens = list(span) + ([span.root.head] if span.root.dep_ == "conj" else [])  # "X and Y, a minority of ..."
    return any(appos.lemma_.lower() in _PEOPLE_GROUPS for token in tokens for appos in token.children
               if appos.dep_ == "appos" and appos.i >= span.end)


def _described_as_person(span) -> bool:
    """An apposition gives a person's age or role: "Papermaster, 49,", "Papermaster, formerly
    an Apple executive"; or the name is the apposition of a role ("Barclays chairman, Marcus
    Agius, said")."""
    if span.root.dep_ == "appos" and span.root.head.lower_ in ROLE_WORDS and span.root.head.i < span.start \
            and len(span) >= 2:
        return True
    if span.root.dep_ == "appos" and _post(span.root.head) and span.root.head.i < span.start and len(span) >= 2 \
            and not _institutional(span):
        return True  # "Peru's foreign minister, Ana Lima, said"
    for token in span:
        for appos in (c for c in token.children if c.dep_ == "appos"):
            near = [appos] + [c for c in appos.children if c.dep_ in ("compound", "nmod", "amod")]
            if appos.like_num or any(t.lower_ in ROLE_WORDS for t in near) \
                    or appos.i > token.i and _post(appos) and not _institutional(span):
                return True
    return False


def _post(noun) -> bool:
    """A singular noun of a post only a person holds ("captain", "foreign minister")."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in PERSON_POSTS


def _institutional(span) -> bool:
    """A name holding an organisation's noun ("European Central Bank"): no person's."""
    return any(t.lower_ in ORGANISATION_NOUNS for t in span)
