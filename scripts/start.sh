#!/usr/bin/env bash
# One command on a fresh machine: set up .venv, prepare the bundled model, optionally ingest
# a folder of notices, then open the chat in the browser (http://127.0.0.1:7860).
#   scripts/start.sh [NOTICES_FOLDER] [-- extra `assistant serve` options]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
.venv/bin/assistant prepare
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    .venv/bin/assistant ingest "$1" || echo "some files failed to ingest (see above); continuing"
    shift
fi
[ "${1:-}" = "--" ] && shift
exec .venv/bin/assistant serve "$@"
