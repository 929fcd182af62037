"""Name mentions -> groups that name one thing: in-article canonicalisation of names.

Rules, each merging only when the evidence is unambiguous (a wrong merge costs more than a
missed one):
  * the same name, compared case-, dot- and accent-insensitively, is the same thing;
  * an acronym defined in parentheses ("United States Air Force (USAF)"), or whose letters are
    the initials of exactly one longer name of the article ("GAO");
  * a short form: a person's single first or last name ("Moon" after "Moon Jae-in", "Jobs"),
    an organisation's leading words ("Lockheed" for "Lockheed Martin"), a product without its
    maker ("A380" for "Airbus A380") -- when exactly one longer name fits: "Apple" stays apart
    when the article has both "Apple Inc." and "Apple Corps", "Kim" when it has two Kims; never
    the owner of a thing named after it ("Apple" and "Apple Worldwide Developers Conference");
  * a demonym joins the other demonyms of its country (the country itself joins at linking).

What an abbreviation spells is plain string tests at the end (``acronym_of``, ``abbreviates``):
"USAF" the initials of "United States Air Force", "GM" of "General Motors Corp." (the legal form
left out), "BoJ" of "Bank of Japan", "G7" of "Group of Seven".
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from spacy.lang.en.lex_attrs import like_num

from kg.linking import geo
from kg.linking.gazetteer import name_key
from kg.vocab.words import name_words

from .names import LEGAL_FORMS, Name
from .products import is_model

# classes of a long name's head word that make its leading words an owner, not a short form
_OWNED = {"schema:Event", "schema:Product", "schema:Airport"}
_STATE_BODY = "schema:GovernmentOrganization"


class _Groups:
    """Union-find over mention indices; the smallest index represents a group."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = sorted((self.find(i), self.find(j)))
        self.parent[b] = a

    def members(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out


def group(names: list[Name], text: str, nouns=frozenset()) -> list[list[Name]]:
    """Partition the article's name mentions into groups that each name one thing, in text order.
    ``nouns`` is an English noun list (the model's lexicon), by which a clipped word is known."""
    groups = _Groups(len(names))
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        key = f"demonym:{name.iso}" if name.label == "NORP" else _key(name)
        if key in first:
            groups.union(first[key], i)
        else:
            first[key] = i
    _acronyms(names, text, groups)
    _named_models(names, groups)
    _families(names)
    _makers_models(names, text)
    _short_forms(names, groups, _listed_together(names, text) | _parts_of(names, text))
    _clippings(names, groups, nouns)
    return [[names[i] for i in members] for _, members in sorted(groups.members().items())]


def _key(name: Name) -> str:
    """The name compared: "US Air Force" and "United States Air Force" are one name, and so
    are "A380s" and "A380", and "Airbus A380" and "Airbus 380" (the maker's initial before
    its model number is written or not)."""
    words = [w.removesuffix("s") if is_model(w) else w for w in _words(name)]
    words = [w[1:].lstrip("-") if k and is_model(w) and w[:1] == words[k - 1][:1] and w[1:].lstrip("-")[:1].isdigit()
             else w for k, w in enumerate(words)]
    qualified = _qualified(words)
    return qualified[0] + " " + name_key(" ".join(qualified[1])) if qualified else name_key(" ".join(words))


def _qualified(words: list[str]) -> tuple[str, list[str]] | None:
    """An organisation named after its country: ("1835841", ["Air", "Force"]) for "US Air Force",
    and a state body by one word ("United States Congress")."""
    for n in (3, 2, 1):
        if len(words) >= n + 2 or len(words) == n + 1 and _STATE_BODY == name_words()["head"].get(words[-1]):
            countries = [p for p in geo.candidates(" ".join(words[:n])) if p.type == "schema:Country"]
            if countries:
                return str(countries[0].geonameid), words[n:]
    return None


def _makers_models(names: list[Name], text: str) -> None:
    """"Toyota recalled 500,000 Prius cars ... the Toyota Prius": a name whose words after the
    first stand alone elsewhere as a thing ("the Fiesta", "Prius cars") is a maker's name and a
    model's, a product, whatever the tagger said; the maker ("Toyota") is then no short form of
    it. Not a place ("Bank of America ... America"), a legal form or an institution's word."""
    words = name_words()
    nouns = "|".join(sorted(re.escape(n) for n in words["product-noun"]))
    for name in list(names):
        parts = name.text.split()
        if name.label not in ("ORG", "PRODUCT") or len(parts) != 2 or not parts[1][:1].isupper() \
                or parts[1] in words["head"] or parts[1] in words["suffix"]:
            continue
        model = re.escape(parts[1])
        # a model named like a place ("Tahoe") shows itself only before a product noun: "the Tahoe" may be the lake
        alone = rf"\b{model} (?:{nouns})\b" if geo.candidates(parts[1]) else rf"\b(?:the|a|an) {model}\b|\b{model} (?:{nouns})\b"
        if re.search(rf"(?<!{re.escape(parts[0])} )(?:{alone})", text):
            _as_product(names, name.text)
    models = {tuple(n.text.split()) for n in names if n.label == "PRODUCT" and _model_word(n.text.split(), words)}
    for name in list(names):  # "the Chevrolet Malibu sedan ... the Chevrolet Tahoe": two models of one make
        parts = name.text.split()
        if name.label == "ORG" and _model_word(parts, words) and any(
                model[0] == parts[0] and model[1] != parts[1] for model in models):
            _as_product(names, name.text)
    for a, b in pairwise(names):  # "the Chevrolet Tahoe and the GMC Yukon": a model listed with a model
        if a.label == "PRODUCT" and b.label == "ORG" and _model_word(b.text.split(), words) \
                and re.fullmatch(r",? (?:and|or) (?:the )?", text[a.end : b.start]):
            _as_product(names, b.text)


def _model_word(parts: list[str], words: dict) -> bool:
    """Whether a name of two words is a maker's and a model's word ("Chevrolet Malibu"): the
    second a capitalised word, no number, legal form or institution's word."""
    return len(parts) == 2 and parts[1].isalpha() and parts[1][:1].isupper() and not parts[1].isupper() \
        and parts[1] not in words["head"] and parts[1] not in words["suffix"] and not geo.candidates(parts[0])


def _as_product(names: list[Name], text: str) -> None:
    for j, other in enumerate(names):
        if other.text == text:
            names[j] = replace(other, label="PRODUCT", cued=True)


def _families(names: list[Name]) -> None:
    """"Thomas Sam and Manju Sam ... the Sams": a plural of the surname of people named in full
    is the family, people, not a band or a company ("the Beatles", whose singular names no one)."""
    surnames = {n.text.split()[-1] for n in names if n.label == "PERSON" and len(n.text.split()) >= 2}
    for k, name in enumerate(names):
        if name.label != "PERSON" and " " not in name.text and name.text.endswith("s") and name.text[:-1] in surnames:
            names[k] = replace(name, label="PERSON", cued=True)


def _acronyms(names: list[Name], text: str, groups: _Groups) -> None:
    for i, name in enumerate(names):
        if name.label == "NORP":
            continue
        # "Name (ACR)": the acronym is defined right there
        defined = re.match(r"\s*\(([A-Z][A-Z.&]{1,9}|[A-Z][A-Za-z0-9]{1,7})\)", text[name.end :])
        if defined and (defined.group(1).isupper() and defined.group(1).isalpha() or abbreviates(defined.group(1), name.text)):
            for j, other in enumerate(names):
                if other.start == name.end + defined.start(1) and other.text == defined.group(1):
                    groups.union(i, j)
                    # it names what the long name names, wherever written: "G7" is no model number
                    names[:] = [replace(n, label=name.label, source="ner") if n.text == other.text else n for n in names]
    longs = [(i, n) for i, n in enumerate(names) if len(n.text.split()) >= 2 and n.label not in ("NORP", "PERSON")]
    for i, name in enumerate(names):
        if name.label in ("NORP", "PERSON") or " " in name.text or _is_country(name.text):
            continue  # "the US and the University of Sheffield": a country's name spells no one's initials
        fits = {groups.find(j) for j, long in longs if acronym_of(name.text, long.text)}
        if len(fits) == 1:
            groups.union(i, fits.pop())


def _named_models(names: list[Name], groups: _Groups) -> None:
    """"Boeing 787" and "787 Dreamliner": a model number written with its maker and the same
    number written with the proper name after it are one product, when one name alone follows
    that number in the article (not a common noun: "777 Freighter" is a variant of the 777)."""
    nouns = set(name_words()["product-noun"])
    plain: dict[str, list[int]] = {}
    named: dict[str, dict[str, list[int]]] = {}
    for i, name in enumerate(names):
        words = [w.removesuffix("s") if is_model(w) else w for w in _words(name)]
        models = [k for k, w in enumerate(words) if is_model(w)]
        if name.label != "PRODUCT" or len(models) != 1:
            continue
        k = models[0]
        tail = words[k + 1 :]
        if not tail and k <= 1:  # "787", "Boeing 787"
            plain.setdefault(words[k], []).append(i)
        elif k == 0 and len(tail) == 1 and re.fullmatch(r"[A-Z][a-z]{3,}", tail[0]) and tail[0].lower() not in nouns:
            named.setdefault(words[k], {}).setdefault(tail[0], []).append(i)  # "787 Dreamliner"
    for model, tails in named.items():
        makers = {_words(names[i])[0] for i in plain.get(model, []) if len(_words(names[i])) == 2}
        if len(tails) != 1 or model not in plain or len(makers) > 1:
            continue
        first = next(iter(tails.values()))[0]
        for i in plain[model]:
            groups.union(first, i)


def _listed_together(names: list[Name], text: str) -> set[tuple[int, int]]:
    """Pairs of mentions written as a list ("the MacBook and MacBook Pro", "the iMac, MacBook
    and MacBook Pro"): two things. A comma alone joins no list of two: in "Lockheed Martin,
    Lockheed ultimately winning" the second name takes up the first."""
    ordered = sorted(range(len(names)), key=lambda i: names[i].start)
    links = [(a, b, text[names[a].end : names[b].start]) for a, b in zip(ordered, ordered[1:], strict=False)]
    listed, run = set(), []
    for a, b, between in links + [(None, None, "")]:
        if between == ", ":
            run.append((a, b))
            continue
        closed = re.fullmatch(r",? (?:and|or) ", between)
        if closed:  # the conjunction closes the list: "A, B and C"
            listed |= set(run) | {(a, b)}
        elif len(run) >= 2:  # "A, B, C": three items
            listed |= set(run)
        run = []
    return listed


def _parts_of(names: list[Name], text: str) -> set[tuple[int, int]]:
    """"Barclays Capital, the investment banking arm of Barclays": a name the description
    beside another says it belongs to is its owner, not a short form of it."""
    return {(a, b) for a, long in enumerate(names) for b, short in enumerate(names) if short.start > long.end
            and re.fullmatch(r",? (?:the|a|an) [^,.;()]{0,60}\bof (?:the )?", text[long.end : short.start])}


def _short_forms(names: list[Name], groups: _Groups, apart: set[tuple[int, int]] = frozenset()) -> None:
    members = groups.members()
    words = {root: _words(names[max(m, key=lambda k: len(names[k].text.split()))]) for root, m in members.items()}
    labels = {root: _label(names, m) for root, m in members.items()}
    forms = {root: [ws] + ([_qualified(ws)[1]] if _qualified(ws) else []) for root, ws in words.items()}
    for root, short in sorted(words.items(), key=lambda item: len(item[1])):
        if labels[root] in ("NORP",) or _is_country(" ".join(short)):
            continue
        fits = {other for other, longs in forms.items() for long in longs
                if other != root and len(long) > len(short) and _shortens(short, long, labels[other], labels[root])}
        # "the Air Force" for "US Air Force": the name without the country it is named after
        fits |= {other for other, longs in forms.items() if other != root and longs[1:] == [short]
                 and labels[other] == labels[root]}
        fits = _outermost({groups.find(f) for f in fits}, forms, labels)
        if len(fits) > 1 and len(short) == 1:
            fits = _surname_of(short[0], fits, words, labels, names, members, root) or fits
        if len(fits) == 1 and not _kept_apart(groups, root, next(iter(fits)), apart):
            groups.union(root, fits.pop())


def _surname_of(word: str, fits: set[int], words: dict, labels: dict, names: list[Name], members: dict,
                root: int) -> set[int]:
    """A one-word name that ends the full name of the one person of the article it fits is that
    person's surname ("Warhol" for "Andy Warhol"), not the first word of a thing named after him
    ("the Warhol Factory"). When it fits two people ("Kristin Wilkins" and "Kristen Wilkins",
    "Lee Kuan Yew" and "Robert Lee") it names a person still, but which one the text does not
    say: its mentions become a person's and the group stays apart; unless the short name is
    written before the second of them is named, when it is the first one's. Returns the one
    person."""
    # "Warhol Polaroid exhibits" with "Polaroid" a thing of its own in the article: his name
    # before a thing's, not a person's name, whatever the tagger thought
    named_things = {tuple(ws) for r, ws in words.items() if labels[r] not in ("PERSON", "NORP")}
    people = {f for f in fits if labels[f] == "PERSON" and len(words[f]) >= 2
              and not (words[f][0] == word and tuple(words[f][1:]) in named_things)}
    things = {f for f in fits - people if words[f][0] == word}
    if not people or not any(words[f][-1] == word for f in people):
        return set()
    if labels[root] != "PERSON" and not things:
        for i in members[root]:
            names[i] = replace(names[i], label="PERSON", cued=True)
        labels[root] = "PERSON"
    genders = {names[i].given for f in people for i in members.get(f, ())} - {"", "?"}
    if len(people) > 1 and labels[root] == "PERSON" and len(genders) == 1:
        # "Kristin Wilkins", "Kristen Wilkins" ... "Wilkins": which one is not said, but a woman
        for i in members[root]:
            names[i] = replace(names[i], given=next(iter(genders)))
    if len(people) > 1 and labels[root] == "PERSON":
        # "Ahmed Mohamed ... Mohamed said ... His father Mohamed El-Hassan Mohamed": written before
        # the second person of that name is, the short name was the first one's, and news goes on
        # calling that one so (the other is called by a full name, as style guides ask)
        first = min(names[i].start for i in members[root])
        people = {f for f in people if min(names[i].start for i in members[f]) < first}
    return people if len(people) == 1 and labels[root] == "PERSON" else set()


def _clippings(names: list[Name], groups: _Groups, nouns) -> None:
    """"the Fed" for "the Federal Reserve": an organisation's one short word that is the front
    of the first word of exactly one longer organisation name of the article, that word an
    English noun cut inside ("Fed-eral"), not at the end of a word of its own ("Sun-day" is no
    clipping of it: "The Sun" and "The Sunday Times" are two papers)."""
    members = groups.members()
    longs = {root: _words(names[max(m, key=lambda k: len(names[k].text))]) for root, m in members.items()
             if _label(names, m) == "ORG"}
    for root, words in longs.items():
        short = words[0] if len(words) == 1 else ""
        if not (3 <= len(short) <= 4 and short.istitle()):
            continue
        forms = [(other, q[1] if (q := _qualified(long)) else long) for other, long in longs.items()]
        fits = {other for other, long in forms if len(long) >= 2 and long[0].startswith(short)
                and long[0].istitle() and long[0].lower() in nouns and long[0][len(short):].lower() not in nouns
                and len(long[0]) > len(short) + 1}
        if len(fits) == 1:
            groups.union(root, fits.pop())


def _outermost(fits: set[int], forms: dict, labels: dict) -> set[int]:
    """"Vantor" fits both "Vantor Motors" and "Vantor Motors Corp.": when one long name is
    itself a short form of another, the two are one company, and the longer stands for both."""
    return {f for f in fits if not any(g != f and _shortens(forms[f][0], long, labels[g], labels[f])
                                       for g in fits for long in forms[g])}


def _kept_apart(groups: _Groups, a: int, b: int, apart: set[tuple[int, int]]) -> bool:
    ra, rb = groups.find(a), groups.find(b)
    return any({groups.find(i), groups.find(j)} == {ra, rb} for i, j in apart)


def _shortens(short: list[str], long: list[str], long_label: str, short_label: str) -> bool:
    if long_label == "PERSON":
        return len(short) == 1 and short[0] in (long[0], long[-1]) and short_label != "PRODUCT"
    if long_label == "PRODUCT":
        model = [w.removesuffix("s") for w in short if is_model(w)]  # "A350s" of "A350 XWB"
        return long[-len(short) :] == short or bool(model and model[0] in long and short_label == "PRODUCT")
    if long_label == "INDEX":  # "the Nikkei" for "the Nikkei 225 Stock Average", "the Dow"
        return short_label == "INDEX" and long[: len(short)] == short
    if long_label in ("ORG", "FAC", "EVENT"):
        if short_label in ("ORG", "PERSON") and name_words()["head"].get(long[-1]) in _OWNED:
            return False  # "Apple" organises "Apple Worldwide Developers Conference", is not it
        if short_label == "PRODUCT" and long[-1] not in name_words()["suffix"] and long[-1] not in name_words()["head"]:
            return False  # "MacBook" is not "MacBook Pro"; a product's maker is ("Apple" for "Apple Computer")
        placeless = short_label in ("GPE", "LOC") and not geo.candidates(" ".join(short))
        return long[: len(short)] == short and (placeless or short_label in ("ORG", "PERSON", "PRODUCT", long_label))
    return False


def _words(name: Name) -> list[str]:
    words = [w for w in re.findall(r"[\w.&'-]+", name.text) if w.lower() != "the"]
    if name.label == "PRODUCT" and len(words) == 1 and re.fullmatch(r"[A-Z][a-z]{3,}s", words[0]):
        return [words[0][:-1]]  # "Dreamliners" are Dreamliners
    return words


def _label(names: list[Name], members: list[int]) -> str:
    """The group's spaCy label by a vote of all its mentions, each weighed by its evidence: a
    maker-and-model product or a titled person counts most, a mention whose context shows what it
    names ("Apple unveiled Lion", "Maersk said") more than the tagger's bare guess, and a lone
    capitalised word the tagger calls a person, or a short form beside its full name, least. One
    cue does not silence every other mention: "the Warhol exhibit" does not make the Warhol of
    twenty "Warhol said" a product."""
    votes: dict[str, float] = {}
    best: dict[str, float] = {}  # a tie goes to the label of the surest single mention
    for i in members:
        name = names[i]
        if name.source == "model" or name.title:
            weight = 5.0
        elif name.cued:
            weight = 3.0
        elif name.acting and name.label == "ORG":
            weight = 1.5  # "Maersk said": no product, but a person says things too ("Schiller said")
        elif _full_person(names, members, i):
            weight = 2.0
        elif name.label == "PERSON" and " " not in name.text:
            weight = 0.5  # a lone capitalised word is the tagger's favourite wrong person ("Ryanair")
        elif " " not in name.text and any(" " in names[j].text for j in members):
            weight = 0.5  # the full name's label outweighs its short form's ("Leary" of "Michael O' Leary")
        else:
            weight = 1.0
        votes[name.label] = votes.get(name.label, 0) + weight
        best[name.label] = max(best.get(name.label, 0), weight)
    if _called_by_surname(names, members):
        votes["PERSON"] = votes.get("PERSON", 0) + 2.0
        best["PERSON"] = max(best.get("PERSON", 0), 2.0)
    if any(names[i].given for i in members):  # "Annie Oakley": a given name opens it, once for the group
        votes["PERSON"] = votes.get("PERSON", 0) + 1.5
        best["PERSON"] = max(best.get("PERSON", 0), 1.5)
    return max(sorted(votes), key=lambda label: (votes[label], best[label]))


def _called_by_surname(names: list[Name], members: list[int]) -> bool:
    """A full name the article goes on to call by its last word alone ("Dries Mertens ...
    Mertens scored"), which the tagger read as a person's somewhere, is a person's, as news names
    people; a company is called by its first
    words ("Lockheed" for "Lockheed Martin"), and a last word that is a company's or a place's
    ("Motors", "France" of "Air France") says nothing."""
    words = name_words()
    longs = [names[i].text.split() for i in members if len(names[i].text.split()) >= 2]
    shorts = {names[i].text for i in members if " " not in names[i].text}
    # the last word alone, read as a person's by the tagger somewhere: evidence that weighs the
    # tagger's reading, never makes one up ("Warhol Polaroid ... the Polaroid" is no person)
    people = {names[i].text for i in members if names[i].label == "PERSON" and " " not in names[i].text}
    return any(long[-1] in shorts and long[-1] in people and long[-1] not in words["head"]
               and long[-1] not in words["suffix"] and not geo.candidates(long[-1]) and long[-1].isalpha()
               and long[-1][:1].isupper() for long in longs)


def _full_person(names: list[Name], members: list[int], i: int) -> bool:
    """A full name the tagger calls a person's wherever it is written in full ("Phil
    Schiller ... Schiller said"): as sure a cue as the context of its short form."""
    name = names[i]
    return name.label == "PERSON" and " " in name.text and all(
        names[j].label == "PERSON" for j in members if names[j].text == name.text)


def _is_country(name: str) -> bool:
    return any(p.type in ("schema:Country", "schema:State") for p in geo.candidates(name))


def group_label(group: list[Name]) -> str:
    """The spaCy label a group of names carries (by vote)."""
    return _label(group, list(range(len(group))))


# ---------------------------------------------------------------- what an abbreviation spells

# little words an acronym may leave out ("BIS", "Bank for International Settlements")
_LITTLE = {"of", "and", "the", "for", "&", "de", "on", "in"}


def acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` spells the initials of ``long`` ("USAF", "United States Air Force")."""
    letters = short.replace(".", "").replace("&", "")
    if not (2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()):
        return False
    words = re.findall(r"[A-Za-z][\w'-]*\.?", long)
    if len(words) >= 2 and words[-1] in LEGAL_FORMS:  # "GM" for "General Motors Corp."
        return acronym_of(short, long[: long.rindex(words[-1])].rstrip(" ,"))
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower().rstrip(".") not in _LITTLE).upper()
    return letters in (every, content) and len(words) >= 2


def abbreviates(short: str, long: str) -> bool:
    """An abbreviation written with small letters or a number: its capitals are the initials
    of the long name's words, its small letters of the little words between ("BoJ", "Bank of
    Japan"), its number the number word ("G7", "Group of Seven")."""
    words = re.findall(r"[A-Za-z][\w'-]*", long)
    letters = "".join(w[0] for w in words if not like_num(w.lower()))
    numbers = [w for w in words if like_num(w.lower())]
    capitals = "".join(c for c in short if c.isupper())
    small = "".join(c for c in short if c.islower())
    digits = "".join(c for c in short if c.isdigit())
    return (capitals == "".join(c for c in letters if c.isupper()) and len(capitals) >= 1 + (not digits)
            and all(c in letters for c in small) and bool(digits) == bool(numbers))
