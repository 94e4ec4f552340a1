"""``veille.kb_ruler.v1``: names of the knowledge base, found in the text.

Proposes candidates for country names, capitals used for the state (metonyms) or as
places, organisations, companies, outlets and systems, and phrases that name a state's
body through its demonym (*l'armée marocaine* → the Moroccan armed forces). Records
every demonym with its country for the components that follow.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.aliases import AliasEntry, AliasIndex, build_alias_index
from veille.kb.loader import KnowledgeBase, Record, load_kb
from veille.nlp.lexicon import EntityLexicon, load_lexicon
from veille.nlp.mentions import (
    Candidate,
    candidates,
    demonyms,
    matches_at,
    norm,
    register_extensions,
)

STATE_KINDS = {"government", "armed_forces"}
OF_COUNTRY = (("de", "la"), ("de", "l'"), ("du",), ("de",), ("d'",), ("of",))

# Words before a capital that make it a place rather than the state it stands for.
PLACE_PREPOSITIONS = {"a", "au", "aux", "dans", "depuis", "vers", "pres", "in", "at", "near"}


def build_generic_index(kb: KnowledgeBase, lexicon: EntityLexicon, index: AliasIndex) -> AliasIndex:
    """Fill ``index`` with every demonym phrase of the rule file, for every state."""
    for country in kb.countries:
        for rule in lexicon.generic_orgs:
            slot = rule["pattern"].split("{")[1].split("}")[0]
            forms = country.demonyms_en if slot == "en" else country.demonyms_fr.get(slot, ())
            for form in forms:
                phrase = rule["pattern"].replace("{" + slot + "}", form)
                target = f"role:{country.iso2}:{rule['role']}:{rule['kind']}"
                index.add(AliasEntry(target, phrase, "generic"))
    return index


def _case_ok(doc: Doc, start: int, end: int, entry: AliasEntry) -> bool:
    """An alias written as the knowledge base wants it; *type 209* in running text is the
    designation *Type 209* (French writes the word in lower case)."""
    surface = doc[start:end].text
    if entry.case_ok(surface):
        return True
    words = surface.split(maxsplit=1)
    return (
        len(words) == 2
        and words[0] == "type"
        and entry.alias.startswith("Type ")
        and words[1][:1].isdigit()
    )


def document_countries(matches: list[tuple[int, int, list[AliasEntry]]]) -> Counter[str]:
    """How often the article names each state (by name, metonym or demonym)."""
    named: Counter[str] = Counter()
    for _, _, entries in matches:
        targets = {e.target for e in entries if e.target.startswith("country:")}
        if len(targets) == 1:
            named[targets.pop().split(":")[1]] += 1
    return named


def attached_country(doc: Doc, start: int, end: int) -> tuple[str, int] | None:
    """The state a name is attached to by a demonym after it (*Marine nationale
    sénégalaise*), before it (*the Saudi Ministry…*), *X's* before, or *de X* after;
    with the end of the phrase that says so."""
    found = demonyms(doc)
    if end in found:
        return found[end], end + 1
    if start - 1 in found and doc[start - 1].text[:1].isupper():
        return found[start - 1], end
    if start >= 2 and doc[start - 1].text in ("'s", "’s"):
        country = _country_ending_at(doc, start - 1)
        if country:
            return country, end
    for words in OF_COUNTRY:
        after = _country_starting_at(doc, end + len(words))
        if matches_at(doc, end, words) and after:
            return after.country or "", after.end
    return None


def _country_ending_at(doc: Doc, end: int) -> str | None:
    for cand in candidates(doc):
        if cand.end == end and cand.type == "GPE" and cand.kind == "country":
            return cand.country
    return None


def _country_starting_at(doc: Doc, start: int) -> Candidate | None:
    for cand in candidates(doc):
        if cand.start == start and cand.type == "GPE" and cand.kind == "country" and cand.country:
            return cand
    return None


VARIANT_WORDS = {"Block", "Mk", "Mark", "Batch", "Flight", "Increment", "Lot"}
ROMAN = {"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}


def _designation_token(text: str) -> bool:
    """A token that continues a designation: *13*, *II*, *A-200EN*, *NG*, *E/F*."""
    if "." in text:
        return False  # *D.*: the tokenizer kept the full stop on a last capital
    if text in ROMAN or (text.isdigit() and len(text) <= 3):
        return True  # *Ofek 13*, *Cobra II*; not a year (*Rafale 2023*)
    letters = [ch for ch in text if ch.isalpha()]
    has_digit = any(ch.isdigit() for ch in text)
    return bool(letters) and all(ch.isupper() for ch in letters) and (has_digit or len(text) <= 3)


def _joined_variant(doc: Doc, i: int) -> bool:
    """A hyphen or slash glued to the name before it and to a designation after it
    (*HİSAR-O+*, *Gripen C/D*)."""
    return (
        doc[i].text in ("-", "/")
        and i + 1 < len(doc)
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and _designation_token(doc[i + 1].text.rstrip("+"))
    )


def designation_end(doc: Doc, end: int) -> int:
    """Extend a system's name over the variant that follows it (*F-16V Block 70*,
    *MEKO A-200EN*, *Ofek 13*, *Cobra II*), so the mention is the whole designation."""
    taken = {i for c in candidates(doc) if c.type != "SYSTEM" for i in range(c.start, c.end)}
    while end < len(doc) and end not in taken and not doc[end].is_sent_start:
        text = doc[end].text
        if text in VARIANT_WORDS and end + 1 < len(doc) and _designation_token(doc[end + 1].text):
            end += 2
        elif _designation_token(text) or (text in ("+", "++") and not doc[end - 1].whitespace_):
            end += 1
        elif _joined_variant(doc, end):
            end += 2
        else:
            break
    return end


def nest_named_country(doc: Doc, start: int, end: int) -> None:
    """A country named inside a body's name (*Forces armées de Côte d'Ivoire*) is still a
    mention of that country: let it stand nested inside the body's mention."""
    found = candidates(doc)
    for i, cand in enumerate(found):
        if cand.type == "GPE" and cand.kind == "country" and start < cand.start and cand.end <= end:
            found[i] = cand.with_(nested=True)


CLASS_SUFFIX = re.compile(r"^(\w[\w'’]*)(-class(?:es)?)$")
CLASS_WORDS = {"-class": "class", "-classes": "class", "classes": "class"}


def split_class_suffix(doc: Doc) -> None:
    """*Babur-class corvette*: the tokenizer keeps *-class* on the name; the class is named
    *Babur*, so the suffix becomes a token of its own."""
    found = [(t, m) for t in doc if t.text[:1].isupper() and (m := CLASS_SUFFIX.match(t.text))]
    if not found:
        return
    with doc.retokenize() as retokenizer:
        for token, match in found:
            head = token.head if token.head.i != token.i else (token, 1)
            retokenizer.split(
                token,
                [match.group(1), match.group(2)],
                heads=[(token, 1), head],
                attrs={"POS": ["PROPN", token.pos_], "DEP": ["compound", token.dep_]},
            )


def drop_class_word(doc: Doc, cand: Candidate) -> Candidate:
    """A class is named by its name alone: *Babur* in *Babur-class*, *Mogami class*,
    *Thaon di Revel* in *classe Thaon di Revel*."""
    start, end = cand.start, cand.end
    if cand.type != "SYSTEM" or end - start < 2:
        return cand
    if CLASS_WORDS.get(doc[end - 1].text, doc[end - 1].text) == "class":
        end -= 1
        if doc[end - 1].text == "-" and end - start > 1:
            end -= 1
    elif doc[start].lower_ == "classe":
        start += 1
    return cand.with_(start=start, end=end) if (start, end) != (cand.start, cand.end) else cand


def _singular(text: str) -> str:
    """*Missiles* → *Missile*: a capitalised word's plural (not *Express*, not *US*)."""
    if len(text) > 3 and text[0].isupper() and text[1:].islower() and text.endswith("s"):
        return text if text.endswith("ss") else text[:-1]
    return text


def split_makers(doc: Doc, found: list[Candidate], kb: KnowledgeBase) -> list[Candidate]:
    """*Otokar Cobra II* names the maker, then the system: the system's mention starts after
    its maker's name when a name word follows it (not *Saab 340*: a bare number is no name)."""
    makers = {(c.start, c.end, c.target) for c in found if c.type == "ORG" and c.origin == "kb"}
    out = []
    for cand in found:
        record = kb.record(cand.target) if cand.type == "SYSTEM" and cand.target else None
        cut = next(
            (
                end
                for start, end, target in makers
                if record is not None
                and start == cand.start
                and target == record.maker
                and end < cand.end
                and doc[end].text.isalpha()
                and doc[end].text[:1].isupper()
            ),
            None,
        )
        out.append(cand.with_(start=cut) if cut is not None else cand)
    return out


class KBRuler:
    """Finds knowledge-base names over the tokens of a Doc."""

    def __init__(self, nlp: Language, lang: str) -> None:
        register_extensions()
        self.kb = load_kb()
        self.lexicon = load_lexicon(lang)

        def tokenize(text: str) -> list[str]:
            return [t.text for t in nlp.tokenizer(text)]

        self.names = build_alias_index(self.kb, tokenize)
        self.generic = build_generic_index(self.kb, self.lexicon, AliasIndex(tokenize))

    def __call__(self, doc: Doc) -> Doc:
        split_class_suffix(doc)
        self._split_plural_systems(doc)
        found = candidates(doc)
        tokens = [CLASS_WORDS.get(t.text, t.text) for t in doc]
        matches = [
            (start, end, usable)
            for start, end, entries in self.names.find(tokens)
            if (usable := [e for e in entries if _case_ok(doc, start, end, e)])
        ]
        for start, _, usable in matches:
            if {e.form for e in usable} == {"demonym"}:
                demonyms(doc)[start] = usable[0].target.split(":")[1]
        named = document_countries(matches)
        places = [m for m in matches if self._is_place(m[2])]
        for start, end, usable in places:  # places first: records look at them
            found.extend(self._from_names(doc, start, end, usable, named))
        for start, end, usable in matches:
            if not self._is_place(usable):
                found.extend(self._from_names(doc, start, end, usable, named))
        for start, end, entries in self.generic.find(tokens):
            found.extend(self._from_generic(doc, start, end, entries))
        found[:] = [drop_class_word(doc, c) for c in split_makers(doc, found, self.kb)]
        return doc

    def _split_plural_systems(self, doc: Doc) -> None:
        """*Precision Strike Missiles*: a system alias whose last word, a system noun
        (*Missile*), the article writes in the plural; the plural *s* becomes a token of its
        own so the mention is the name."""
        nouns = {noun[0] for noun in self.lexicon.system_nouns if len(noun) == 1}
        singular = [_singular(t.text) if norm(t)[:-1] in nouns else t.text for t in doc]
        plurals = {
            end - 1
            for start, end, entries in self.names.find(singular)
            if singular[end - 1] != doc[end - 1].text
            and any(e.target.startswith("sys:") and e.form == "name" for e in entries)
        }
        if not plurals:
            return
        with doc.retokenize() as retokenizer:
            for i in sorted(plurals):
                token = doc[i]
                head = token.head if token.head.i != token.i else (token, 0)
                retokenizer.split(
                    token,
                    [token.text[:-1], "s"],
                    heads=[head, (token, 0)],
                    attrs={"DEP": [token.dep_, "flat"]},
                )

    def _from_names(
        self,
        doc: Doc,
        start: int,
        end: int,
        usable: list[AliasEntry],
        named: Counter[str],
    ) -> Iterator[Candidate]:
        names = [e for e in usable if e.form != "demonym"]
        if not names:
            return
        entry = self._choose(names, named)
        if entry.form == "city":
            iso2 = entry.target.split(":")[1]
            yield Candidate(start, end, "GPE", "city", iso2, "kb", confidence=0.85)
            return
        if entry.target.startswith("country:"):
            yield self._country_candidate(doc, start, end, entry)
            return
        record = self.kb.record(entry.target)
        if record is not None:
            yield self._record_candidate(doc, start, end, record)

    @staticmethod
    def _is_place(entries: list[AliasEntry]) -> bool:
        return all(e.target.split(":")[0] in ("country", "city") for e in entries)

    def _choose(self, entries: list[AliasEntry], named: Counter[str]) -> AliasEntry:
        """Of several readings of a name, the one whose country the article names most."""
        names = [e for e in entries if e.form == "name"] or entries

        def weight(entry: AliasEntry) -> int:
            return named.get(self._country_of(entry) or "", 0)

        return max(names, key=weight)

    def _country_of(self, entry: AliasEntry) -> str | None:
        if ":" in entry.target and entry.target.split(":")[0] in ("country", "city"):
            return entry.target.split(":")[1]
        record = self.kb.record(entry.target)
        return record.country if record else None

    def _record_candidate(self, doc: Doc, start: int, end: int, record: Record) -> Candidate:
        """A record's candidate; a state body named for another state becomes that state's
        (*Marine nationale sénégalaise*, *South Korea's Ministry of National Defense*)."""
        other = attached_country(doc, start, end)
        if record.kind in STATE_KINDS and other and other[0] != record.country:
            iso2, new_end = other
            nest_named_country(doc, start, new_end)
            twin = self.kb.org_with_role(iso2, record.role) if record.role else None
            return Candidate(
                start,
                max(end, new_end),
                "ORG",
                record.kind,
                iso2,
                "kb",
                form="name" if twin and record.role != "armed_forces" else "generic",
                target=twin.id if twin else f"role:{iso2}:{record.role or record.id}",
                confidence=0.8,
            )
        if record.kind in STATE_KINDS and other and end in demonyms(doc):
            end = other[1]  # *Département d'État américain*: the demonym is part of the name
        if record.type == "SYSTEM":
            end = designation_end(doc, end)
        return Candidate(
            start,
            end,
            record.type,
            record.kind,
            record.country,
            "kb",
            target=record.id,
            confidence=0.95,
        )

    def _country_candidate(self, doc: Doc, start: int, end: int, entry: AliasEntry) -> Candidate:
        iso2 = entry.target.split(":")[1]
        if entry.form == "metonym" and start > 0 and norm(doc[start - 1]) in PLACE_PREPOSITIONS:
            return Candidate(start, end, "GPE", "city", iso2, "kb", confidence=0.8)
        form = "metonym" if entry.form == "metonym" else "name"
        return Candidate(
            start,
            end,
            "GPE",
            "country",
            iso2,
            "kb",
            form=form,
            target=entry.target,
            confidence=0.95 if form == "name" else 0.8,
        )

    def _from_generic(
        self, doc: Doc, start: int, end: int, entries: list[AliasEntry]
    ) -> Iterator[Candidate]:
        entry = next((e for e in entries if e.case_ok(doc[start:end].text)), None)
        if entry is None:
            return
        _, iso2, role, kind = entry.target.split(":")
        if role == "state":
            yield Candidate(
                start,
                end,
                "GPE",
                "country",
                iso2,
                "generic",
                form="metonym",
                target=f"country:{iso2}",
                confidence=0.8,
            )
            return
        # a phrase that links to a branch or ministry of the knowledge base names that body
        # (*la marine égyptienne* is the Egyptian Navy, a party of its own); the armed forces
        # as a whole (*l'armée marocaine*) and bodies with no record stand for the state
        record = self.kb.org_with_role(iso2, role)
        yield Candidate(
            start,
            end,
            "ORG",
            record.kind if record else kind,
            iso2,
            "generic",
            form="name" if record and role != "armed_forces" else "generic",
            target=record.id if record else f"role:{iso2}:{role}",
            confidence=0.85,
        )


@Language.factory(
    "veille_kb_ruler",
    assigns=["doc._.veille_candidates", "doc._.veille_demonyms"],
    default_config={"lang": "fr"},
)
def make_kb_ruler(nlp: Language, name: str, lang: str) -> KBRuler:
    """Register the knowledge-base ruler (versioned as ``veille.kb_ruler.v1``)."""
    return KBRuler(nlp, lang)
