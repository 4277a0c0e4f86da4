#!/usr/bin/env bash
# Regenerate the translation sources (.ts) from every tr()/translate() call in qms_desktop/ui, then
# compile them (.qm) into the package, where the app loads them from (checkout and installed alike).
# Usage: resources/translations/update.sh            (from anywhere; uses the project's .venv)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${PYSIDE6_BIN:-$root/.venv/bin}"
out="$root/qms_desktop/resources/translations"
mkdir -p "$out"
cd "$root"
mapfile -t sources < <(find qms_desktop/ui -name '*.py' -not -path '*/__pycache__/*' | sort)
for lang in uk en; do
  # -no-obsolete: strings removed from the code disappear from the catalogue.
  "$bin/pyside6-lupdate" -no-obsolete -source-language en -target-language "$lang" \
    "${sources[@]}" -ts "$here/qms_desktop_$lang.ts"
done
# English is the source language: its catalogue repeats each source text, so wording can be fixed
# there without touching the code. Ukrainian is translated by people, in qms_desktop_uk.ts.
"$bin/python" - "$here/qms_desktop_en.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
for message in tree.getroot().iter("message"):
    translation = message.find("translation")
    if translation is not None and translation.get("type") == "unfinished":
        if message.get("numerus") == "yes":  # plural forms: fill each form, never the element's own text
            for form in translation.iter("numerusform"):
                form.text = message.findtext("source")
        else:
            translation.text = message.findtext("source")
        del translation.attrib["type"]
tree.write(path, encoding="utf-8", xml_declaration=True)
PY
for lang in uk en; do
  "$bin/pyside6-lrelease" "$here/qms_desktop_$lang.ts" -qm "$out/qms_desktop_$lang.qm"
done
untranslated=$(grep -c 'type="unfinished"' "$here/qms_desktop_uk.ts" || true)
[ "$untranslated" = 0 ] || echo "qms_desktop_uk.ts: $untranslated string(s) still need a Ukrainian translation"
