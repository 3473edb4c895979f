"""The chat in the browser: a Gradio app over the workspace (chat, sources, notices, records, export)."""
