#!/usr/bin/env bash
# One command to run the tests: installs what they need (pip extras, Debian Chromium for the
# browser test), then runs the whole suite, integration tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi wqy; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
    fi
fi
bash scripts/setup.sh test
export GRADIO_ANALYTICS_ENABLED=False ANONYMIZED_TELEMETRY=False
exec .venv/bin/python -m pytest "$@"
