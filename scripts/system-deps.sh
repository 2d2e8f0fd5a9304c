#!/bin/sh
# Installs the Debian/Ubuntu packages wtwforms needs, only those missing.
# Runs apt-get as root, or through sudo; otherwise says what to install and goes on:
# without LibreOffice the service still serves DOCX and answers PDF requests with 503.
set -eu

missing=""
need() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing="$missing $1"; }

command -v dpkg-query >/dev/null 2>&1 || exit 0   # not Debian/Ubuntu: nothing to do here
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "wtwforms needs Python 3.11 or newer (python3 is $(python3 --version 2>&1))." >&2; exit 1; }
python3 -c 'import venv, ensurepip' 2>/dev/null || need "python3-venv"
# PDF output: LibreOffice Writer without its GUI, its Python bridge (UNO), and fonts for Latin, Cyrillic, Greek,
# Vietnamese, Armenian, Arabic and CJK names so nothing prints as boxes.
for pkg in libreoffice-writer-nogui python3-uno fonts-liberation fonts-dejavu-core fonts-noto-core fonts-noto-cjk; do need "$pkg"; done
# Browser tests (make test) drive Debian's Chromium; nothing is downloaded at run time.
[ "${WTWFORMS_NO_BROWSER:-}" = "1" ] || need chromium
# The AOR generator in the tests prints spreadsheets with Calc and re-saves PDFs with qpdf,
# Ghostscript and pdftocairo (poppler-utils), as other programs re-save what contractors send.
for pkg in libreoffice-calc-nogui qpdf ghostscript poppler-utils; do need "$pkg"; done
# Scanned AORs are read by OCR: Tesseract with its Latin-script model (English and the accented
# letters of names); without it, a scan is stored and its reading fails saying so.
for pkg in tesseract-ocr tesseract-ocr-eng tesseract-ocr-script-latn; do need "$pkg"; done

[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
    echo "wtwforms: please install:$missing (as root: apt-get install$missing)." >&2
    echo "wtwforms: going on without them; PDF output answers 503 until LibreOffice is installed." >&2
    exit 0; fi
echo "Installing system packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
