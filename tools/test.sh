#!/usr/bin/env bash
# Installs what the tests need (LibreOffice, poppler, Korean fonts, the package with its test
# extras) and runs the whole test suite. Run as root on Debian/Ubuntu, or with these already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-impress)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || need+=(fonts-nanum)
[ -e /usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf ] || need+=(fonts-nanum-coding)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
python3 -m pip install -q -e '.[test]'
python3 -m pytest "$@"
