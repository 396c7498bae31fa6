"""The "Bạn có thể làm gì" block: the steps open to a worker (union, employer, mediator, arbitration
council, court, labour inspectorate, social insurance agency, time limits), each worded from
and cited to the provision that gives it. Entry point: ``remedy_plan(question, corpus)``."""

from assistant.remedies.model import HEADING, RemedyPlan, RemedyStep
from assistant.remedies.plan import remedy_plan

__all__ = ["HEADING", "RemedyPlan", "RemedyStep", "remedy_plan"]
