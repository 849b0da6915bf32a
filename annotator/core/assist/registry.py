"""The suggester registry: every suggester known by name, and how to get a usable one.

Four are built in (``actors``, ``dates``, the opt-in ``spacy-ner`` and ``learned``, the
project's own trained model, which the project binds in
:mod:`annotator.core.assist.workflow`); others come
from the ``annotator.suggesters`` entry-point group of installed packages or from
:func:`register_suggester` at run time. A factory is called once, when the suggester is
first asked for; a suggester with a ``check_available()`` method may refuse there with
:class:`~annotator.core.errors.SuggesterUnavailable`, and a plug-in that fails to load is
reported by :func:`suggester_problems` rather than breaking the others.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.assist.actors import ActorSuggester
from annotator.core.assist.base import Suggester
from annotator.core.assist.dates.suggester import DateSuggester
from annotator.core.assist.spacy_ner import SpacyNerSuggester
from annotator.core.errors import SuggesterUnavailable

ENTRY_POINT_GROUP = "annotator.suggesters"
DEFAULT_SUGGESTERS = ("actors", "dates")
"""Suggesters that run when the caller names none."""

_FACTORIES: dict[str, Callable[[], Suggester]] = {}
_LOADED: dict[str, Suggester] = {}
_problems: list[str] = []
_entry_points_loaded = False


def register_suggester(name: str, factory: Callable[[], Suggester]) -> None:
    """Make a suggester available under ``name`` (a later registration replaces it)."""
    _FACTORIES[name] = factory
    _LOADED.pop(name, None)


LEARNED = "learned"
"""The name of the project-trained suggester; it needs a project, so the registry only
knows its name."""


def _learned_needs_project() -> Suggester:
    raise SuggesterUnavailable("the learned suggester belongs to a project: ask the project "
                               "for suggestions (project.suggestions.find or "
                               "`annotator suggest PROJECT --suggester learned`)")


def _register_builtins() -> None:
    _FACTORIES.setdefault("actors", ActorSuggester)
    _FACTORIES.setdefault("dates", DateSuggester)
    _FACTORIES.setdefault("spacy-ner", SpacyNerSuggester)
    _FACTORIES.setdefault(LEARNED, _learned_needs_project)


def _load_entry_points() -> None:
    """Add suggesters that installed packages declare; a broken one is reported, not fatal."""
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    from importlib.metadata import entry_points

    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            target = point.load()
        except Exception as exc:  # noqa: BLE001 - a third-party plug-in must not break us
            _problems.append(f"suggester {point.name!r} ({point.value}) failed to load: {exc}")
            continue
        if isinstance(target, type) or not hasattr(target, "suggest"):
            _FACTORIES.setdefault(point.name, target)
        else:
            _FACTORIES.setdefault(point.name, _returning(target))


def _returning(suggester: Suggester) -> Callable[[], Suggester]:
    """The factory of a plug-in that is already an instance."""
    return lambda: suggester


def suggester_names() -> list[str]:
    """Every suggester known: built in, entry points, registered at run time."""
    _register_builtins()
    _load_entry_points()
    return list(_FACTORIES)


def suggester_problems() -> list[str]:
    """Messages about plug-ins that failed to load."""
    suggester_names()
    return list(_problems)


def get_suggester(name: str) -> Suggester:
    """The suggester called ``name``; raises :class:`SuggesterUnavailable` with the reason."""
    if name in _LOADED:
        return _LOADED[name]
    if name not in suggester_names():
        raise SuggesterUnavailable(
            f"no suggester named {name!r}; known: {', '.join(suggester_names())}")
    suggester = _FACTORIES[name]()
    check = getattr(suggester, "check_available", None)
    if check is not None:
        check()
    _LOADED[name] = suggester
    return suggester


