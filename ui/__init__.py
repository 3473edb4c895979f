"""The chat in the browser: a Gradio app over the workspace (chat, sources, notices, records, export)."""

import os

# Analytics off before any ui module imports gradio (app.py also quiets the other libraries).
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
