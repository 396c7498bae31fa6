"""Gradio web UI over ``assistant.service.application.AssistantService`` (see ``ui.web.app``)."""
