"""``veille.kb_ruler.v1``: names of the knowledge base, found in the text.

Proposes candidates for country names, capitals used for the state (metonyms) or as
places, organisations, companies, outlets and systems, and phrases that name a state's
body through its demonym (*l'armée marocaine* → the Moroccan armed forces). Records
every demonym with its country for the components that follow.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from veille.kb.aliases import AliasEntry, AliasIndex, build_alias_index
from veille.kb.loader import KnowledgeBase, load_kb
from veille.nlp.lexicon import EntityLexicon, load_lexicon
from veille.nlp.mentions import Candidate, candidates, demonyms, norm, register_extensions

# Words before a capital that make it a place rather than the state it stands for.
PLACE_PREPOSITIONS = {"a", "au", "aux", "dans", "depuis", "vers", "pres", "in", "at", "near"}


def build_generic_index(
    kb: KnowledgeBase, lexicon: EntityLexicon, index: AliasIndex
) -> AliasIndex:
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
        found = candidates(doc)
        tokens = [t.text for t in doc]
        for start, end, entries in self.names.find(tokens):
            found.extend(self._from_names(doc, start, end, entries))
        for start, end, entries in self.generic.find(tokens):
            found.extend(self._from_generic(doc, start, end, entries))
        return doc

    def _from_names(
        self, doc: Doc, start: int, end: int, entries: list[AliasEntry]
    ) -> Iterator[Candidate]:
        surface = doc[start:end].text
        usable = [e for e in entries if e.case_ok(surface)]
        if not usable:
            return
        forms = {e.form for e in usable}
        if forms == {"demonym"}:
            demonyms(doc)[start] = usable[0].target.split(":")[1]
            return
        entry = next((e for e in usable if e.form == "name"), usable[0])
        if entry.form == "city":
            iso2 = entry.target.split(":")[1]
            yield Candidate(start, end, "GPE", "city", iso2, "kb", confidence=0.85)
            return
        if entry.target.startswith("country:"):
            yield self._country_candidate(doc, start, end, entry)
            return
        record = self.kb.record(entry.target)
        if record is None:
            return
        yield Candidate(
            start, end, record.type, record.kind, record.country, "kb",
            target=record.id, confidence=0.95,
        )

    def _country_candidate(self, doc: Doc, start: int, end: int, entry: AliasEntry) -> Candidate:
        iso2 = entry.target.split(":")[1]
        if entry.form == "metonym" and start > 0 and norm(doc[start - 1]) in PLACE_PREPOSITIONS:
            return Candidate(start, end, "GPE", "city", iso2, "kb", confidence=0.8)
        form = "metonym" if entry.form == "metonym" else "name"
        return Candidate(
            start, end, "GPE", "country", iso2, "kb", form=form, target=entry.target,
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
                start, end, "GPE", "country", iso2, "generic", form="metonym",
                target=f"country:{iso2}", confidence=0.8,
            )
            return
        record = self.kb.org_with_role(iso2, role)
        yield Candidate(
            start, end, "ORG", record.kind if record else kind, iso2, "generic",
            form="generic", target=record.id if record else f"role:{iso2}:{role}",
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
