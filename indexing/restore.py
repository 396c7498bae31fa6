"""Put diacritics back on word compounds of a question typed without them.

Runs of folded syllables are matched, longest first, against the folded forms of the word
compounds in the accented BM25 vocabulary ("lao dong" -> "lao động"), keeping the most
frequent accented form. Lone syllables stay as typed: they are too ambiguous ("nam" is
"năm", "nam" or "nằm"). The restored question feeds the accented BM25 field and the dense
model; the folded field still sees the original.
"""

from __future__ import annotations

from indexing.analyzer import fold_accents, syllables

MAX_COMPOUND = 4


class AccentRestorer:
    def __init__(self, vocabulary: dict[str, int]) -> None:
        """``vocabulary``: accented token -> document frequency (compounds joined with "_")."""
        best: dict[str, tuple[int, str]] = {}
        for token, df in vocabulary.items():
            if "_" not in token:
                continue
            key = fold_accents(token).replace("_", " ")
            if key not in best or df > best[key][0]:
                best[key] = (df, token.replace("_", " "))
        self._forms = {key: form for key, (_, form) in best.items()}

    def restore(self, text: str) -> str:
        words = syllables(text)
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(MAX_COMPOUND, len(words) - i), 1, -1):
                form = self._forms.get(" ".join(words[i : i + size]))
                if form is not None:
                    out.append(form)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return " ".join(out)
