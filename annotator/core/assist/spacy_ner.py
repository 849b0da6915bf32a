"""An optional suggester: named entities from a spaCy model the user installed.

It never downloads anything. It runs only when spaCy *and* a model package
for the document's language are installed locally (for example with
``pip install sv_core_news_sm`` done by the user); otherwise it reports which
package is missing. Person, organisation and place entities become ACTOR
suggestions, linked to a registry actor when the entity is one of its names.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

from annotator.core.assist.base import Registry, Suggestion
from annotator.core.errors import SuggesterUnavailable

MODELS: dict[str, tuple[str, ...]] = {
    "sv": ("sv_core_news_lg", "sv_core_news_md", "sv_core_news_sm"),
    "nb": ("nb_core_news_lg", "nb_core_news_md", "nb_core_news_sm"),
    "en": ("en_core_web_lg", "en_core_web_md", "en_core_web_sm"),
    "de": ("de_core_news_lg", "de_core_news_md", "de_core_news_sm"),
    "*": ("xx_ent_wiki_sm",),
}
"""Model packages tried per language, best first; ``*`` is the multilingual fallback."""
MODELS["nn"] = MODELS["no"] = MODELS["nb"]

ACTOR_LABELS = frozenset({"PER", "PERSON", "ORG", "GPE", "NORP", "LOC", "GPE_LOC", "GPE_ORG",
                          "PRS"})

Loader = Callable[[str], Any]


def spacy_installed() -> bool:
    return importlib.util.find_spec("spacy") is not None


def installed_model(lang: str) -> str | None:
    """The first model package for ``lang`` that is installed here, or None."""
    base = (lang or "").split("-")[0].lower()
    for name in (*MODELS.get(base, ()), *MODELS["*"]):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def missing_message(lang: str) -> str:
    if not spacy_installed():
        return ("spaCy is not installed; install it with `pip install 'annotator[spacy]'` "
                "and a model package for your languages (annotator never downloads models)")
    base = (lang or "").split("-")[0].lower() or "?"
    wanted = ", ".join((*MODELS.get(base, ()), *MODELS["*"]))
    return (f"no spaCy model for language {base!r} is installed (looked for {wanted}); "
            "install one with pip yourself - annotator never downloads models")


class SpacyNerSuggester:
    """ACTOR spans from spaCy's named-entity recogniser (opt in: not a default suggester)."""

    name = "spacy-ner"
    layers: tuple[str, ...] = ("ACTOR",)

    def __init__(self, loader: Loader | None = None,
                 model_for: Callable[[str], str | None] = installed_model) -> None:
        self._loader = loader
        self._model_for = model_for
        self._pipelines: dict[str, Any] = {}

    def check_available(self) -> None:
        """Raise :class:`SuggesterUnavailable` unless spaCy and at least one model are here."""
        if self._loader is not None:
            return
        if not spacy_installed() or not any(self._model_for(lang) for lang in MODELS):
            raise SuggesterUnavailable(missing_message(""))

    def _pipeline(self, lang: str) -> Any:
        model = self._model_for(lang)
        if model is None:
            raise SuggesterUnavailable(missing_message(lang))
        if model not in self._pipelines:
            loader = self._loader or _load_installed
            self._pipelines[model] = loader(model)
        return self._pipelines[model]

    def suggest(self, text: str, lang: str, dct: str | None,
                registry: Registry) -> list[Suggestion]:
        from annotator.core.assist.actors import index_for

        nlp = self._pipeline(lang)
        index = index_for(registry) if registry.actors else None
        out: list[Suggestion] = []
        for ent in nlp(text).ents:
            if ent.label_ not in ACTOR_LABELS:
                continue
            actor = index.lookup(ent.text, lang) if index is not None else None
            out.append(Suggestion(
                "ACTOR", ent.start_char, ent.end_char, ent.text, f"ner:{ent.label_}",
                self.name, actor_id=actor.id if actor else None,
                actor_key=actor.key if actor else "",
                actor_name=actor.canonical_name if actor else ""))
        return out


def _load_installed(model: str) -> Any:
    """Load an installed model package by name (spacy.load never fetches packages)."""
    import spacy

    return spacy.load(model)
