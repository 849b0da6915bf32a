"""The learners behind the project-trained suggester, and their files.

Two span taggers, chosen by measurement (``benchmarks/eval_learned.py`` runs both):

* ``crf``: a linear-chain CRF (python-crfsuite) over the token features of
  :mod:`.features`, one model per layer; confidences are the CRF's marginal
  probabilities.
* ``linear``: a per-token logistic regression (scikit-learn) over the same
  features, hashed; no transitions, so it is faster to train and weaker at
  boundaries.

Document fields and claim event types use :class:`TextClassifier`, a logistic
regression over hashed words. Every file is plain data (a crfsuite model, or
NumPy arrays read with ``allow_pickle=False``), so opening a model folder never
runs code from it. The libraries are imported only here, inside the calls; when
they are missing :func:`require` says how to install them.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from annotator.core.errors import SuggesterUnavailable

INSTALL_HINT = 'pip install "annotator[learn]"'
HASH_FEATURES = 2 ** 18
TEXT_FEATURES = 2 ** 16

Features = list[dict[str, str]]
OnIteration = Callable[[int], None]


def missing_libraries() -> list[str]:
    """The learner packages that are not installed here."""
    wanted = {"pycrfsuite": "python-crfsuite", "sklearn": "scikit-learn", "numpy": "numpy"}
    return [package for module, package in wanted.items()
            if importlib.util.find_spec(module) is None]


def require() -> None:
    """Raise :class:`SuggesterUnavailable` (with the install command) unless the learners
    are installed."""
    missing = missing_libraries()
    if missing:
        raise SuggesterUnavailable(
            f"the learned suggester needs {', '.join(missing)}; install them with "
            f"`{INSTALL_HINT}` (nothing is downloaded at run time)")


# ------------------------------------------------------------------ span taggers

def train_crf(sequences: Sequence[tuple[Features, list[str]]], path: Path,
              on_iteration: OnIteration | None = None, max_iterations: int = 60) -> None:
    """Train a CRF tagger on (features, labels) sequences into ``path``.

    ``on_iteration`` is called after every optimisation step; an exception raised
    there (cancellation) stops training and leaves no file.
    """
    import pycrfsuite

    class _Trainer(pycrfsuite.Trainer):  # type: ignore[misc]
        def message(self, message: str) -> None:
            if self.logparser.feed(message) == "iteration" and on_iteration is not None:
                on_iteration(len(self.logparser.iterations))

    trainer = _Trainer(verbose=False)
    for feats, labels in sequences:
        trainer.append(pycrfsuite.ItemSequence(feats), labels)
    trainer.set_params({"c1": 0.05, "c2": 0.01, "max_iterations": max_iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 1})
    try:
        trainer.train(str(path))
    except BaseException:
        path.unlink(missing_ok=True)
        raise


class CrfTagger:
    """A trained CRF: labels and the marginal probability of each label."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(path))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path.name} is not a readable CRF model ({exc})") from exc
        self.labels = tuple(self._tagger.labels())

    @staticmethod
    def prepare(feats: Features) -> Any:
        """The features in crfsuite's form, built once for every layer's tagger."""
        import pycrfsuite

        return pycrfsuite.ItemSequence(feats)

    def tag(self, feats: Features, prepared: Any = None) -> tuple[list[str], list[float]]:
        """Labels and, for tokens inside a span, their marginal probability (1.0 outside:
        unused)."""
        self._tagger.set(prepared if prepared is not None else self.prepare(feats))
        labels = list(self._tagger.tag())
        scores = [1.0 if label == "O" else float(self._tagger.marginal(label, k))
                  for k, label in enumerate(labels)]
        return labels, scores


def _flat(feats: Features) -> list[list[str]]:
    return [[f"{k}={v}" for k, v in item.items()] for item in feats]


def train_linear_tagger(sequences: Sequence[tuple[Features, list[str]]], path: Path,
                        on_iteration: OnIteration | None = None) -> None:
    """Train a per-token logistic regression on hashed features into ``path`` (.npz)."""
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import SGDClassifier

    rows = [token for feats, _labels in sequences for token in _flat(feats)]
    labels = [label for _feats, seq in sequences for label in seq]
    hasher = FeatureHasher(n_features=HASH_FEATURES, input_type="string",
                           alternate_sign=False)
    matrix = hasher.transform(rows)
    model = SGDClassifier(loss="log_loss", alpha=1e-5, max_iter=1, tol=None,
                          random_state=0, warm_start=True)
    for step in range(12):
        model.fit(matrix, labels)
        if on_iteration is not None:
            on_iteration(step + 1)
    _save_linear(path, model.classes_, model.coef_, model.intercept_)


def _save_linear(path: Path, classes: Any, coef: Any, intercept: Any) -> None:
    import numpy as np

    classes = np.asarray([str(c) for c in classes])
    coef = np.asarray(coef, dtype=np.float32)
    if len(classes) == 2 and coef.shape[0] == 1:  # binary: one row, for the second class
        coef = np.vstack([-coef / 2, coef / 2])
        intercept = np.asarray([-intercept[0] / 2, intercept[0] / 2])
    with path.open("wb") as handle:
        np.savez_compressed(handle, classes=classes, coef=coef,
                            intercept=np.asarray(intercept, dtype=np.float32))


class _Linear:
    """Softmax over hashed features with stored weights."""

    def __init__(self, path: Path, n_features: int) -> None:
        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                self.classes = [str(c) for c in data["classes"]]
                self._coef = data["coef"]
                self._intercept = data["intercept"]
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise ValueError(f"{path.name} is not a readable model ({exc})") from exc
        if self._coef.shape != (len(self.classes), n_features):
            raise ValueError(f"{path.name} has weights of the wrong shape {self._coef.shape}")

    def proba(self, matrix: Any) -> Any:
        import numpy as np

        scores = matrix @ self._coef.T + self._intercept
        scores = np.asarray(scores)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


class LinearTagger(_Linear):
    def __init__(self, path: Path) -> None:
        from sklearn.feature_extraction import FeatureHasher

        super().__init__(path, HASH_FEATURES)
        self.labels = tuple(self.classes)
        self._hasher = FeatureHasher(n_features=HASH_FEATURES, input_type="string",
                                     alternate_sign=False)

    @staticmethod
    def prepare(feats: Features) -> Any:
        return None

    def tag(self, feats: Features, prepared: Any = None) -> tuple[list[str], list[float]]:
        if not feats:
            return [], []
        probs = self.proba(self._hasher.transform(_flat(feats)))
        best = probs.argmax(axis=1)
        return ([self.classes[int(k)] for k in best],
                [float(probs[row, int(k)]) for row, k in enumerate(best)])


def load_tagger(engine: str, path: Path) -> CrfTagger | LinearTagger:
    if engine == "crf":
        return CrfTagger(path)
    if engine == "linear":
        return LinearTagger(path)
    raise ValueError(f"unknown span engine {engine!r}")


def train_tagger(engine: str, sequences: Sequence[tuple[Features, list[str]]], path: Path,
                 on_iteration: OnIteration | None = None) -> None:
    if engine == "crf":
        train_crf(sequences, path, on_iteration)
    elif engine == "linear":
        train_linear_tagger(sequences, path, on_iteration)
    else:
        raise ValueError(f"unknown span engine {engine!r}")


# ------------------------------------------------------------- text classifier

def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(n_features=TEXT_FEATURES, alternate_sign=False,
                             ngram_range=(1, 2), norm="l2", lowercase=True)


def train_classifier(texts: Sequence[str], labels: Sequence[str], path: Path) -> None:
    """Logistic regression over hashed words and word pairs, into ``path`` (.npz)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(max_iter=300, C=4.0)
    model.fit(_vectorizer().transform(list(texts)), list(labels))
    _save_linear(path, model.classes_, model.coef_, model.intercept_)


class TextClassifier(_Linear):
    def __init__(self, path: Path) -> None:
        super().__init__(path, TEXT_FEATURES)
        self._vectorizer = _vectorizer()

    def ranked(self, text: str) -> list[tuple[str, float]]:
        """Every class with its probability, most likely first."""
        probs = self.proba(self._vectorizer.transform([text]))[0]
        order = sorted(range(len(self.classes)), key=lambda k: -float(probs[k]))
        return [(self.classes[k], float(probs[k])) for k in order]
