#!/usr/bin/env bash
# The GitHub Action's install step: auditor goes into a virtual environment under $RUNNER_TEMP, never
# into the caller's Python, so later steps of the job see the environment they had.
set -euo pipefail

venv="${RUNNER_TEMP:-/tmp}/auditor-venv"
"${PYTHON:-python3}" -m venv "$venv"
if [ -n "${INPUT_VERSION:-}" ]; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "auditor==${INPUT_VERSION}"
else
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$ACTION_PATH"
fi
echo "python=$venv/bin/python" >> "${GITHUB_OUTPUT:-/dev/null}"
