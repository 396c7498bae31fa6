"""Entry points: the console script, the FastAPI service and the Gradio web UI."""
