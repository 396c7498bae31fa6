#!/usr/bin/env bash
# System packages the test suite needs on a clean machine: PostgreSQL (storage tests)
# and Debian's Chromium (browser tests). Idempotent; quiet when already installed.
set -euo pipefail
need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test setup: installing ${need[*]} (Debian packages)"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "test setup: ${need[*]} missing and not root; the tests that need them will be skipped" >&2
  fi
fi
