"""`assistant serve`: open the workspace, load the model once, start the web UI and report readiness."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class Readiness:
    """What the server reports once it accepts questions."""

    url: str
    answerer: str
    notices: int
    chunks: int
    login: bool
    open_to_anyone: bool = False

    def line(self) -> str:
        login = "login required" if self.login else "no login"
        if self.open_to_anyone and not self.login:
            login = "no login: OPEN TO ANYONE who reaches the port"
        return (
            f"ready: {self.url} ({self.answerer} answerer; {self.notices} notices, {self.chunks} chunks; {login}). "
            "Ctrl+C stops it."
        )


def warm_up(workspace) -> None:
    """Load the embedder and the indexes now, so the first question does not wait for them."""
    workspace.embeddings.embed_query("巡察整改情况")
    workspace.retriever.directory  # builds the unit directory and the lexical index


def start_server(settings: Settings, host: str, port: int, workspace=None, *, open_to_anyone: bool = False):
    """Start the UI without blocking; returns (the Gradio app, its Readiness).

    Beyond loopback it needs a login or `open_to_anyone` (raises ExposureRefused before any model loads).
    """
    from assistant.chain import make_chain
    from assistant.workspace import Workspace
    from ui.app import build_app, launch_app
    from ui.auth import parse_auth
    from ui.exposure import check_exposure, is_loopback

    # A malformed login setting, or an open port without one, fails before any model loads.
    check_exposure(host, has_login=bool(parse_auth(settings.auth)), open_to_anyone=open_to_anyone)
    workspace = workspace or Workspace(settings)
    workspace.ingestor.finish_interrupted_work()
    if workspace.refresh_due():
        from index.extraction_version import REFRESH_DUE_LINE

        logger.warning(REFRESH_DUE_LINE)
    warm_up(workspace)
    chain = make_chain(workspace)
    demo = build_app(workspace, chain)
    launch_app(demo, settings, host, port, prevent_thread_lock=True, open_to_anyone=open_to_anyone)
    notices, chunks = workspace.catalog.counts()
    shown_host = f"[{host}]" if ":" in host else host
    readiness = Readiness(
        url=f"http://{shown_host}:{demo.server_port}",
        answerer=chain.answerer_name,
        notices=notices,
        chunks=chunks,
        login=bool(parse_auth(settings.auth)),
        open_to_anyone=open_to_anyone and not is_loopback(host),
    )
    return demo, readiness
