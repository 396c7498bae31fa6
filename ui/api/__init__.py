"""The HTTP API (FastAPI) over ``assistant.service.application.AssistantService``."""
