"""A process holding one Workspace for its whole life and answering, as `assistant serve` does.

Reads one question per line on stdin; writes one JSON line per question: whether it was answered,
the units the retriever knows, and which notices the vector store finds (to see Chroma's state).
"""

from __future__ import annotations

import json
import sys

from assistant.chain import make_chain
from assistant.settings import load_settings
from assistant.workspace import Workspace

workspace = Workspace(load_settings())
chain = make_chain(workspace)
workspace.ingestor.finish_interrupted_work()  # what the server does when it starts
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    question = line.strip()
    try:
        answer = chain.ask(question)
        reply = {
            "ok": True,
            "units": list(workspace.retriever.directory.units),
            "cited": sorted({c.notice_id for c in answer.citations}),
            "vector_notices": sorted({hit.notice_id for hit in workspace.store.search_text(question, 200)}),
        }
    except Exception as error:  # the test reports it; the process keeps answering
        reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    print(json.dumps(reply, ensure_ascii=False), flush=True)
