#!/usr/bin/env bash
# The GitHub Action's check step. Everything comes in through environment variables set by
# action.yml (INPUT_*), never through text substituted into a script.
set -uo pipefail

workspace="${GITHUB_WORKSPACE:-$PWD}"
cd "$workspace" || exit 2
cd -- "${INPUT_WORKING_DIRECTORY:-.}" || { echo "::error::auditor: no folder '${INPUT_WORKING_DIRECTORY}' in the workspace"; exit 2; }
python="${AUDITOR_PYTHON:-python}"

args=(check --format github --report "json=${RUNNER_TEMP:-/tmp}/auditor-report.json"
      --report "markdown=${RUNNER_TEMP:-/tmp}/auditor-summary.md" --fail-on "${INPUT_FAIL_ON:-error}")
# Split on whitespace without glob expansion: rules: '*' is a pack name, not the files here.
set -f
for pack in ${INPUT_RULES:-}; do args+=(--rules "$pack"); done
set +f
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
if [ -n "${INPUT_SARIF_FILE:-}" ]; then args+=(--report "sarif=$INPUT_SARIF_FILE"); fi
# The HTML report for editors goes into a folder of its own under RUNNER_TEMP, which the next step
# uploads as an artifact.
html_report=""
if [ -n "${INPUT_HTML_REPORT:-}" ]; then
  html_report="${RUNNER_TEMP:-/tmp}/auditor-html/report.html"
  mkdir -p "$(dirname "$html_report")"
  args+=(--report "html=$html_report")
fi
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
# More arguments, split on whitespace without glob expansion (the args input).
set -f
for extra in ${INPUT_ARGS:-}; do args+=("$extra"); done
set +f

# The paths, split on whitespace and newlines, without globbing.
set -f
read -r -d '' -a paths <<< "${INPUT_PATHS:-.}"
set +f
[ ${#paths[@]} -eq 0 ] && paths=(.)

if [ "${INPUT_CHANGED_ONLY:-false}" = "lines" ]; then
  base="$("$python" -m auditor.action_changed --base)"
  if [ -n "$base" ]; then
    args+=(--diff-base "$base")
  else
    echo "::warning::auditor: changed-only: lines needs a pull request or push event; checking every line"
  fi
fi
if [ "${INPUT_CHANGED_ONLY:-false}" = "true" ] || [ "${INPUT_CHANGED_ONLY:-false}" = "lines" ]; then
  mapfile -t changed < <("$python" -m auditor.action_changed "${paths[@]}")
  if [ ${#changed[@]} -eq 0 ]; then
    echo "auditor: no HTML files changed in this pull request"
    {
      echo "errors=0"; echo "warnings=0"; echo "sarif-file="; echo "html-report="
    } >> "${GITHUB_OUTPUT:-/dev/null}"
    echo "## auditor: no HTML files changed" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
    exit 0
  fi
  paths=("${changed[@]}")
fi

report="${RUNNER_TEMP:-/tmp}/auditor-report.json"
summary_md="${RUNNER_TEMP:-/tmp}/auditor-summary.md"
# An earlier run in the same job must not lend this one its counts or its summary.
rm -f "$report" "$summary_md"
[ -n "$html_report" ] && rm -f "$html_report"

"$python" -m auditor "${args[@]}" -- "${paths[@]}"
status=$?

if [ -f "$report" ]; then
  "$python" - "$report" >> "${GITHUB_OUTPUT:-/dev/null}" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1], encoding="utf-8"))["summary"]
print(f"errors={summary['errors']}")
print(f"warnings={summary['warnings']}")
PY
else
  { echo "errors=0"; echo "warnings=0"; } >> "${GITHUB_OUTPUT:-/dev/null}"
fi
if [ -n "${INPUT_SARIF_FILE:-}" ] && [ -f "$INPUT_SARIF_FILE" ]; then
  echo "sarif-file=$INPUT_SARIF_FILE" >> "${GITHUB_OUTPUT:-/dev/null}"
else
  echo "sarif-file=" >> "${GITHUB_OUTPUT:-/dev/null}"
fi
if [ -n "$html_report" ] && [ -f "$html_report" ]; then
  echo "html-report=$html_report" >> "${GITHUB_OUTPUT:-/dev/null}"
else
  echo "html-report=" >> "${GITHUB_OUTPUT:-/dev/null}"
fi
[ -f "$summary_md" ] && cat "$summary_md" >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
exit "$status"
