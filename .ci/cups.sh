#!/usr/bin/env bash
# Starts cupsd (if it is not running) with a cups-pdf queue for the A4 printing tests, idempotently.
# cups-pdf writes every job to one predictable folder, named job_<id>-<title>.pdf, whichever user sent it.
set -euo pipefail
queue="${CUPS_QUEUE:-hall-a4}"
out="${CUPS_PDF_DIR:-/var/spool/cups-pdf/hall-a4}"
conf=/etc/cups/cups-pdf.conf

set_conf() { # key value: replace the line (commented or not), else append it
  if grep -qE "^#?$1[[:space:]]" "$conf"; then sed -i -E "s|^#?$1[[:space:]].*|$1 $2|" "$conf"; else echo "$1 $2" >>"$conf"; fi
}
set_conf Out "$out"
set_conf AnonDirName "$out"
set_conf Label 2
mkdir -p "$out"
chmod 1777 "$out"

running() { [[ $(lpstat -r 2>/dev/null || true) == *"is running"* ]]; }
if ! running; then
  mkdir -p /run/cups
  cupsd
  for _ in $(seq 50); do running && break; sleep 0.1; done
  running || { echo "cupsd did not start" >&2; exit 1; }
fi

ppd=""
for f in /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/cups/model/CUPS-PDF_opt.ppd; do [[ -f $f ]] && ppd=$f && break; done
[[ -n "$ppd" ]] || { echo "the cups-pdf PPD is missing (printer-driver-cups-pdf)" >&2; exit 1; }
# A second queue for the tests that stop a printer (cupsdisable), so they never stop the one others print to.
for q in "$queue" "$queue-pause"; do
  lpstat -v "$q" >/dev/null 2>&1 || lpadmin -p "$q" -E -v cups-pdf:/ -P "$ppd"
  # CUPS turns the PDF into PostScript for cups-pdf; its default renderers make Type 3 fonts without
  # text, which pdftotext cannot read back. pdftocairo keeps the text.
  lpadmin -p "$q" -o pdftops-renderer-default=pdftocairo
  cupsenable "$q"
  cupsaccept "$q"
done
echo "cups: ipp://localhost:631/printers/$queue (and $queue-pause) -> $out"
