"""Gradio web UI over ``ui.application.AssistantService`` (see ``ui.web.app``)."""
