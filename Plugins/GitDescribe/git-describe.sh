#!/bin/sh
# git-describe.sh PACKAGE_DIR OUTPUT_FILE: writes `let gitDescribe = "<git describe --always --dirty>"` (a Swift
# file) for `podmem --version`; "unknown" outside a git checkout or without git. The text is kept to the characters
# a describe can hold. The file is rewritten only when its text changes, so an unchanged tree recompiles nothing.
set -u
described=$(git -C "$1" describe --always --dirty 2>/dev/null | LC_ALL=C tr -cd '[:alnum:]._+-') || described=
[ -n "$described" ] || described=unknown
text="/// \`git describe --always --dirty\` of the tree this binary was built from (or unknown).
let gitDescribe = \"$described\""
mkdir -p "$(dirname "$2")"
[ "$(cat "$2" 2>/dev/null)" = "$text" ] || printf '%s\n' "$text" >"$2"
