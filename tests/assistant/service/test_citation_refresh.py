"""Citations re-read by the service have the pipeline's JSON shape and validity (one builder)."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.answer import CITATION_REF_KEYS, citation_json, citation_ref
from assistant.citations import citation_for
from assistant.service.sources import refresh_citations, slim_answer


def test_refreshed_citation_equals_the_answer_citation(corpus: Any) -> None:
    unit = corpus.get("45/2019/QH14", 113, 1)
    stored = slim_answer({"answer": "x", "citations": [citation_json(citation_for(corpus, unit))]})
    assert set(stored["citations"][0]) == {*CITATION_REF_KEYS, "title"}
    assert refresh_citations(corpus, stored["citations"]) == [citation_json(citation_for(corpus, unit))]


def test_a_repealed_clause_is_not_in_force_when_re_read(corpus: Any) -> None:
    # A unit repealed by a later provision (catalog [[unit_change]]) while its document stays in force.
    repealed = next(
        u for u in corpus.units.values()
        if u.article is not None and u.repeal_on(date.today()) is not None
        and corpus.document(u.law_id).in_force_on(date.today())
    )
    ref = citation_ref({"law_id": repealed.law_id, "article": repealed.article,
                        "clause": repealed.clause, "point": repealed.point})
    [fresh] = refresh_citations(corpus, [ref])
    assert fresh["in_force"] is False and fresh["replaced_by"]
    assert fresh == citation_json(citation_for(corpus, repealed))
