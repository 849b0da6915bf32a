"""An optional suggester: named entities from a spaCy pipeline the user already has.

It never downloads anything. The Swedish, Norwegian and German spaCy
pipelines are not on the package index, so the way that works is a pipeline
*folder* (what ``nlp.to_disk`` or ``spacy train`` writes: ``config.cfg`` and
``meta.json``), trained by the user or copied from a colleague, named in the
environment variable :data:`MODEL_ENV` (several folders separated by
``os.pathsep``; each serves the language its ``meta.json`` names, ``xx`` all).
An installed pipeline package is used too when there is one. Otherwise it
reports what to do, including the project-trained suggester, which needs no
pipeline at all. Person, organisation and place entities become ACTOR
suggestions, linked to a registry actor when the entity is one of its names.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path
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


MODEL_ENV = "ANNOTATOR_SPACY_MODEL"
"""The environment variable naming spaCy pipeline folders (``os.pathsep`` between them)."""

_HOW = (f"set {MODEL_ENV} to a spaCy pipeline folder you already have (one with config.cfg "
        "and meta.json, as `spacy train` or nlp.to_disk writes it; several folders separated "
        f"by {os.pathsep!r}), or train this project's own suggester instead with `annotator "
        "train PROJECT` (Assist > Train suggestions) - annotator never downloads models")


def spacy_installed() -> bool:
    return importlib.util.find_spec("spacy") is not None


def model_folders() -> dict[str, str]:
    """Pipeline folders named in :data:`MODEL_ENV`, by the language their meta.json gives
    (the first folder of a language wins; unreadable folders are left out)."""
    found: dict[str, str] = {}
    for entry in os.environ.get(MODEL_ENV, "").split(os.pathsep):
        folder = Path(entry.strip()).expanduser() if entry.strip() else None
        if folder is None or not (folder / "config.cfg").is_file():
            continue
        try:
            meta = json.loads((folder / "meta.json").read_text("utf-8"))
            lang = str(meta.get("lang") or "xx").lower()
        except (OSError, ValueError, AttributeError):
            continue
        found.setdefault(lang, str(folder))
    return found


def installed_model(lang: str) -> str | None:
    """The pipeline for ``lang``: a folder from :data:`MODEL_ENV` (its language, then a
    multilingual ``xx`` one), else an installed model package, else None."""
    base = (lang or "").split("-")[0].lower()
    folders = model_folders()
    for key in (base, *(("nb", "no") if base in ("nb", "nn", "no") else ()), "xx"):
        if key in folders:
            return folders[key]
    for name in (*MODELS.get(base, ()), *MODELS["*"]):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def missing_message(lang: str) -> str:
    if not spacy_installed():
        return ("spaCy is not installed; install it with `pip install 'annotator[spacy]'`, "
                f"then {_HOW}")
    base = (lang or "").split("-")[0].lower() or "?"
    return f"no spaCy pipeline for language {base!r}: {_HOW}"


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
        if not spacy_installed() or not (model_folders() or any(
                self._model_for(lang) for lang in MODELS)):
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
    """Load a pipeline folder or an installed package (spacy.load never fetches anything)."""
    import spacy

    return spacy.load(model)
