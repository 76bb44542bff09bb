"""What a question is about, learned from labelled examples (``copilot.planner.examples``).

Character n-grams (tolerant of typos and of word forms) and word n-grams, weighted by TF-IDF, feed a
linear model with logistic loss (scikit-learn); it returns every topic's probability, so the reader can
tell a clear reading from a guess.

The fitted weights ship with the code in ``topics.npz`` (written by ``python -m copilot.planner.classify``
and checked against the examples by the tests), so a process scores questions with numpy alone: no
scikit-learn import and no training at start-up. When the examples change and the file has not been
rebuilt, the model is fitted on first use instead (about a second) and the answers are the same.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from copilot.planner.examples import EXAMPLES

WEIGHTS = Path(__file__).with_name("topics.npz")
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)
WORD = re.compile(r"[A-Za-z']+")
SPACES = re.compile(r"\s\s+")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Guess:
    topic: str
    p: float
    runner_up: str
    p_runner_up: float


def examples_hash(examples: dict[str, list[str]]) -> str:
    recipe = {"examples": examples, "chars": CHAR_NGRAMS, "words": WORD_NGRAMS, "model": "sgd-log-1e-4-50-0"}
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()


def fit(examples: dict[str, list[str]]) -> dict[str, Any]:
    """Fit the model with scikit-learn; return its weights as plain arrays."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    texts = [t for items in examples.values() for t in items]
    labels = [label for label, items in examples.items() for _ in items]
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True)
    words = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True, token_pattern=WORD.pattern)
    from scipy.sparse import hstack

    x = hstack([chars.fit_transform(texts), words.fit_transform(texts)]).tocsr()
    # logistic loss (so every topic gets a probability), fitted by SGD: a fraction of a second
    model = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, tol=None, random_state=0).fit(x, labels)

    def terms(v: Any) -> np.ndarray:
        out = [""] * len(v.vocabulary_)
        for term, i in v.vocabulary_.items():
            out[i] = term
        return np.array(out)

    return {"hash": np.array(examples_hash(examples)), "char_terms": terms(chars), "char_idf": chars.idf_,
            "word_terms": terms(words), "word_idf": words.idf_, "coef": model.coef_.astype(np.float64),
            "intercept": model.intercept_.astype(np.float64), "classes": np.array([str(c) for c in model.classes_])}


def char_ngrams(text: str) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer: n-grams inside each word padded with one space."""
    out: list[str] = []
    lo, hi = CHAR_NGRAMS
    for w in SPACES.sub(" ", text.lower()).split():
        w = f" {w} "
        for n in range(lo, hi + 1):
            offset = 0
            out.append(w[offset:offset + n])
            while offset + n < len(w):
                offset += 1
                out.append(w[offset:offset + n])
            if offset == 0:
                break
    return out


def word_ngrams(text: str) -> list[str]:
    tokens = WORD.findall(text.lower())
    out = list(tokens)
    for n in range(2, min(WORD_NGRAMS[1] + 1, len(tokens) + 1)):
        out += [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
    return out


class TopicClassifier:
    def __init__(self, examples: dict[str, list[str]], weights: dict[str, Any] | None = None) -> None:
        w = weights if weights is not None else fit(examples)
        self.labels = [str(c) for c in w["classes"]]
        self.char_index = {str(t): i for i, t in enumerate(w["char_terms"])}
        self.word_index = {str(t): i for i, t in enumerate(w["word_terms"])}
        self.char_idf = np.asarray(w["char_idf"], dtype=np.float64)
        self.word_idf = np.asarray(w["word_idf"], dtype=np.float64)
        self.coef = np.asarray(w["coef"], dtype=np.float64)
        self.intercept = np.asarray(w["intercept"], dtype=np.float64)
        self.offset = len(self.char_index)
        self.vocabulary = frozenset(x for t in (t for items in examples.values() for t in items)
                                    for x in t.lower().replace("'", " ").split())
        self._cache: dict[str, list[tuple[str, float]]] = {}

    @staticmethod
    def _weights(grams: list[str], index: dict[str, int], idf: np.ndarray) -> tuple[list[int], np.ndarray]:
        counts: dict[int, int] = {}
        for g in grams:
            i = index.get(g)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return [], np.zeros(0)
        idx = list(counts)
        values = np.array([(1.0 + math.log(counts[i])) * idf[i] for i in idx])
        return idx, values / np.linalg.norm(values)

    def scores(self, text: str) -> np.ndarray:
        ci, cv = self._weights(char_ngrams(text), self.char_index, self.char_idf)
        wi, wv = self._weights(word_ngrams(text), self.word_index, self.word_idf)
        idx = ci + [self.offset + i for i in wi]
        decision = self.intercept.copy()
        if idx:
            decision += self.coef[:, idx] @ np.concatenate([cv, wv])
        prob = 1.0 / (1.0 + np.exp(-decision))
        return prob / prob.sum()

    def prepare(self, texts: list[str]) -> None:
        """Score several texts (a question's parts and the whole) once; later lookups are free."""
        if len(self._cache) > 4096:
            self._cache.clear()
        for text in dict.fromkeys(texts):
            if text not in self._cache:
                probs = self.scores(text)
                self._cache[text] = [(self.labels[i], float(probs[i])) for i in probs.argsort()[::-1]]

    def distribution(self, text: str) -> list[tuple[str, float]]:
        """Every topic with its probability, most likely first."""
        self.prepare([text])
        return self._cache[text]

    def guess(self, text: str) -> Guess:
        (top, p), (second, q) = self.distribution(text)[:2]
        return Guess(top, p, second, q)


def shipped_weights() -> dict[str, Any] | None:
    """The weights shipped with the code, if they were fitted on the current examples."""
    if not WEIGHTS.is_file():
        return None
    with np.load(WEIGHTS, allow_pickle=False) as data:
        weights = {k: data[k] for k in data.files}
    return weights if str(weights["hash"]) == examples_hash(EXAMPLES) else None


@lru_cache(maxsize=1)
def _trained() -> TopicClassifier:
    return TopicClassifier(EXAMPLES, shipped_weights())


def classifier() -> TopicClassifier:
    """The process's classifier (loaded or fitted on first use; thread-safe)."""
    with _LOCK:
        return _trained()


def main() -> None:
    """Refit on the examples and write ``topics.npz``."""
    weights = fit(EXAMPLES)
    np.savez_compressed(WEIGHTS, **weights)
    print(f"wrote {WEIGHTS} ({WEIGHTS.stat().st_size:,} bytes, {len(weights['classes'])} topics, "
          f"{weights['coef'].shape[1]:,} features)")


if __name__ == "__main__":
    main()
