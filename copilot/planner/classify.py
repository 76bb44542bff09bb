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

    def distribution(self, text: str) -> list[tuple[str, float]]:
        """Every topic with its probability, most likely first."""
        probs = self.model.predict_proba([text])[0]
        return [(str(self.labels[i]), float(probs[i])) for i in probs.argsort()[::-1]]

    def guess(self, text: str) -> Guess:
        probs = self.model.predict_proba([text])[0]
        order = probs.argsort()[::-1]
        return Guess(self.labels[order[0]], float(probs[order[0]]), self.labels[order[1]], float(probs[order[1]]))


@lru_cache(maxsize=1)
def _trained() -> TopicClassifier:
    return TopicClassifier(EXAMPLES)


def classifier() -> TopicClassifier:
    """The process's classifier (trained on first use; thread-safe)."""
    with _LOCK:
        return _trained()
