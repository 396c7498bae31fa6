"""The application layer: what the HTTP API, the web UI and the CLI (``ui/``) all call.

Asking: ``application`` (``AssistantService``), ``admission``, ``results``, ``errors``,
``sources``. Reviews: ``review_workflow``, ``review_editor``, ``queue_policy``, ``text_checks``,
``member_replies``. Verified answers: ``matching``, ``paraphrase``. Dashboard: ``dashboard/``
(query, report, topics, access, export, sample; the charts are drawn in ``ui.web.charts``).
Access policy: ``auth``, ``ownership``, ``admin``, ``dashboard.access``. Documents:
``documents`` (publish and roll back law texts). Storage: ``storage/`` and its Alembic
``migrations/``. Privacy: ``privacy`` and ``pii/``. No web framework is imported here; this
package and ``assistant`` import nothing heavy at import time, so the extractive core runs
without the ``serve`` extra.
"""
