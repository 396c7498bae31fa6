"""The HTTP API (FastAPI) over ``ui.application.AssistantService``."""
