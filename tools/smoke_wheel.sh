#!/usr/bin/env bash
# The wheel, as a user gets it: build it, install it (not editable) in a fresh virtual
# environment, and run the commands from a temporary folder outside the checkout, where only
# the package data can supply the bylaws, the statute, the names and the examples.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$python" -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" "$repo"
"$python" -m venv "$work/venv"
wheel="$(ls "$work"/dist/vedtekt-*.whl)"
"$work/venv/bin/pip" install --quiet "$wheel[graph,docx]"

cd "$work"
v="$work/venv/bin/vedtekt"
failures=0
expect() {  # expect EXIT-CODE TEXT-IN-OUTPUT COMMAND...
    local want="$1" text="$2"; shift 2
    local got=0
    "$@" > out.txt 2> err.txt || got=$?
    if [ "$got" -ne "$want" ] || ! grep -qF -- "$text" out.txt err.txt; then
        echo "smoke: FAIL (exit $got, expected $want, looked for «$text»): $*"
        head -5 err.txt out.txt
        failures=$((failures + 1))
    else
        echo "smoke: ok (exit $got): ${*#$v }"
    fi
}

expect 0 "kopierte" "$v" examples ex
expect 1 "1 av 1 scenarioer med forventet dom samsvarer" "$v" check ex/scenarios/folloradet/2021-02-quorum.yaml
expect 1 "<table>" "$v" check ex/scenarios/folloradet/2021-02-quorum.yaml --format html  # the templates ship
expect 1 "scenarioer med forventet dom samsvarer" "$v" check ex/scenarios/  # exit 1, not 4: every verdict matches
expect 0 "folloradet:" "$v" bylaws
expect 0 "Tuva Moflag" "$v" rotation --from 2016 --to 2022
expect 1 "name-missing-ipr" "$v" review ex/drafts/utkast-follo-regionrad-med-feil.md
expect 0 "Follo" "$v" review ex/drafts/utkast-folloregionen-ipr.md --format html
expect 0 "changed_scenarios" "$v" transition --from folloradet --to folloregionen --format json
expect 0 "skrev org.png" "$v" authority show --date 2021-02-01 --format png --output org.png
expect 0 "PNG" head -c 8 org.png
expect 0 "<th scope=\"row\">Follomøtet</th>" "$v" authority show --date 2021-02-01 --format html
expect 1 "HAR IKKE MYNDIGHET" "$v" authority payment ex/scenarios-payments/
expect 0 "quorum" "$v" explain --list
mkdir -p empty
expect 2 "fant ingen vedtekter" env VEDTEKT_BYLAWS="$work/empty" "$v" bylaws
expect 2 "finnes ikke" "$v" check --bylaws-dir "$work/nowhere" ex/scenarios/
expect 0 "fast stedfortreder" "$v" people --organ folloradet --date 2021-02-12
expect 2 "pip install 'vedtekt[web]'" "$v" serve  # installed without the web extra
[ "$failures" -eq 0 ] || { echo "smoke: $failures failed"; exit 1; }
echo "smoke: the installed wheel works outside the checkout"
