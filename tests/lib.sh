# lib.sh — the helpers the shell test scripts share; sourced by each
# script as `. "$(dirname "$0")/../lib.sh"`.  Each assertion counts one pass or one
# failure; `summary NAME` prints the counts last and is the script's status.

pass=0 fail=0 skipped=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
skip() { skipped=$((skipped + 1)); echo "skip: $*"; }

expect_rc() { # WANT GOT WHAT
	if [ "$2" -eq "$1" ]; then ok; else bad "$3: exit $2, want $1"; fi
}
same() { # WHAT GOT WANT
	if [ "$2" = "$3" ]; then ok; else bad "$1: got [$2], want [$3]"; fi
}
same_file() { # FILE1 FILE2 WHAT
	if cmp -s "$1" "$2"; then ok; else bad "$3"; diff "$1" "$2" | cut -c1-200 | head -5 >&2; fi
}
contains() { # WHAT FILE STRING
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: no [$3] in $2"; fi
}
lacks() { # WHAT FILE STRING
	if grep -qF -- "$3" "$2"; then bad "$1: [$3] in $2"; else ok; fi
}

# The command, under valgrind when WC_VALGRIND=1 (`make test-valgrind`).
under_valgrind() {
	if [ "${WC_VALGRIND:-0}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all "$@"
	else
		"$@"
	fi
}

# ---- JSON reports (jq) ----
count() { jq "[.findings[] | select($2)] | length" "$1"; } # REPORT FILTER
has() { # REPORT CHECK FILE LINE
	n=$(count "$1" ".check == \"$2\" and (.path | endswith(\"$3\")) and .line == $4")
	if [ "$n" -ge 1 ]; then ok; else bad "must report $2 on $3:$4"; fi
}
none() { # REPORT FILTER WHAT
	n=$(count "$1" "$2")
	if [ "$n" -eq 0 ]; then ok; else
		bad "must not report $3 ($n found)"
		jq -c "[.findings[] | select($2) | {path, check, line, message}]" "$1" >&2
	fi
}

summary() { # NAME
	if [ "$skipped" -gt 0 ]; then
		echo "$1: $pass passed, $fail failed, $skipped skipped"
	else
		echo "$1: $pass passed, $fail failed"
	fi
	[ "$fail" -eq 0 ]
}
