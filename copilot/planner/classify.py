"""What a question is about, learned from labelled examples (``copilot.planner.examples``).

Character n-grams (tolerant of typos and of word forms) and word n-grams, weighted by TF-IDF, feed a
linear model with logistic loss; it returns every topic's probability, so the reader can tell a clear reading from
a guess. Trained once per process, in well under a second, with nothing downloaded.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

from copilot.planner.examples import EXAMPLES

_LOCK = threading.Lock()


@dataclass(frozen=True)
class Guess:
    topic: str
    p: float
    runner_up: str
    p_runner_up: float


class TopicClassifier:
    def __init__(self, examples: dict[str, list[str]]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier
        from sklearn.pipeline import FeatureUnion, make_pipeline

        texts = [t for label, items in examples.items() for t in items]
        labels = [label for label, items in examples.items() for _ in items]
        features = FeatureUnion([
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                      token_pattern=r"[A-Za-z']+")),
        ])
        # logistic loss (so every topic gets a probability), fitted by SGD: a quarter of a second
        self.model = make_pipeline(features, SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, tol=None,
                                                           random_state=0))
        self.model.fit(texts, labels)
        self.labels = list(self.model.classes_)
        self.vocabulary = frozenset(w for t in texts for w in t.lower().replace("'", " ").split())

        self._cache: dict[str, list[tuple[str, float]]] = {}

    def prepare(self, texts: list[str]) -> None:
        """Score several texts in one pass (a question's parts and the whole), so later lookups are free."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if not todo:
            return
        if len(self._cache) > 4096:
            self._cache.clear()
        for text, probs in zip(todo, self.model.predict_proba(todo)):
            self._cache[text] = [(str(self.labels[i]), float(probs[i])) for i in probs.argsort()[::-1]]

    def distribution(self, text: str) -> list[tuple[str, float]]:
        """Every topic with its probability, most likely first."""
        self.prepare([text])
        return self._cache[text]

    def guess(self, text: str) -> Guess:
        (top, p), (second, q) = self.distribution(text)[:2]
        return Guess(top, p, second, q)


@lru_cache(maxsize=1)
def _trained() -> TopicClassifier:
    return TopicClassifier(EXAMPLES)


def classifier() -> TopicClassifier:
    """The process's classifier (trained on first use; thread-safe)."""
    with _LOCK:
        return _trained()
