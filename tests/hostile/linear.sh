# Sourced by tests/hostile/run: the computation cases of issue 14 (crash,
# overflow, super-linear time and memory), each with its exact exit code.
# The time limits catch a hang, they do not time performance: each case
# takes well under a second now (tests/stress/run measures how it scales).
# Inputs come from the stress generators, so both test the same texts.
gen() { python3 tests/stress/run --gen-only "$1" "$2" "$T/gen-$1"; }

# A pattern with more capture groups than any fixed match data: the match
# data is sized from the patterns, and the value group is read right.
rm -rf "$R" && mkdir -p "$R/facts"
groups=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "(a) " }')
printf 'rules:\n  - id: many\n    kind: code\n    generic: true\n    description: a hundred groups first\n    patterns:\n      en: ["%s(?<value>b+)"]\n' \
	"$groups" >"$R/facts/many.yaml"
{ printf 'x '; awk 'BEGIN { for (i = 0; i < 100; i++) printf "a " }'; printf 'bbb y\n'; } >"$T/groups.en.txt"
wc rules lint "$R" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && grep -q 'ok' "$T/out" && ok || bad "100 capture groups: rules lint exit $rc, $(head -c 300 "$T/err")"
if timed "a rule with 100 capture groups" 30 extract --rules "$R" "$T/groups.en.txt"; then
	[ $rc -eq 0 ] && [ "$(jq -s '[.[] | select(.rule == "many" and .value == "bbb")] | length' "$T/out")" = 1 ] &&
		ok || bad "100 capture groups: exit $rc, facts $(head -c 300 "$T/out")"
fi

# Number words past INT64_MAX: no wrapped value, no signed overflow (UBSan).
for w in hundred dozen; do
	n=10
	[ $w = dozen ] && n=18
	{ printf 'one'; awk -v w=$w -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf " %s", w }'; printf ' people\n'; } >"$T/$w.en.txt"
	if timed "'$w' x$n" 30 extract "$T/$w.en.txt"; then
		long=$(jq -s '[.[] | select(.kind == "number" and (.value | length) > 19)] | length' "$T/out")
		[ $rc -eq 0 ] && [ "$long" = 0 ] && ! grep -q '7766279631452241920\|8176589207175692288' "$T/out" &&
			ok || bad "'$w' x$n: exit $rc, facts $(head -c 300 "$T/out")"
	fi
done

# Super-linear cases: each ends, with its exit code.
linear_case() { # WHAT CASE SIZE WANT-RC
	set -- "$1" "$2" "$3" "$4" $(gen "$2" "$3")
	what=$1 want=$4
	shift 4
	if timed "$what" 30 "$@"; then
		[ $rc -eq "$want" ] && ok || bad "$what: exit $rc (want $want), stderr: $(head -c 300 "$T/err")"
	fi
}
linear_case "German 'neunzehn' x33, 100 lines" compound-number-word 100 0
linear_case "'two two two ...' x2000" repeated-number-words 2000 0
linear_case "a letter and 80,000 combining marks" combining-marks 40000 0
linear_case "2,000 paragraphs in reverse order" reordered-paragraphs 2000 0
# 25,000 names in a paragraph and as many others in its translation (the
# names differ: warnings, exit 0); 80,000 numbers in a paragraph (1 MB),
# each changed (exit 1).  A tenth of each under valgrind.
names=25000 numbers=80000
[ "${WC_VALGRIND:-0}" = 1 ] && names=2500 numbers=8000
linear_case "$names names in one paragraph" many-names $names 0
linear_case "$numbers numbers in one paragraph" many-numbers $numbers 1
# Reordered paragraphs are paired again: every fact is found.
wc check --format json --source "$T/gen-reordered-paragraphs/rev.en.txt" \
	"en:$T/gen-reordered-paragraphs/rev.da.txt" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 0 ] && [ "$(json_count "$T/out" '.check == "fact.missing"')" = 0 ] && ok ||
	bad "reordered paragraphs: exit $rc, $(json_count "$T/out" '.check == "fact.missing"') facts missing"

# A million repeated words: at most 1000 findings of one check per version,
# then one finding saying how many more; exit 0 (they are warnings).
size=1048576
[ "$BIG" = 1 ] && size=10485760
# 65,000 repeated words are enough under valgrind, where 1 MB takes a minute
[ "${WC_VALGRIND:-0}" = 1 ] && size=262144
set -- $(gen repeated-word $size)
if timed "repeated word, $size bytes" 60 check --format json --source-only --source "$5"; then
	kept=$(json_count "$T/out" '.check == "text.repeated-word"')
	more=$(json_count "$T/out" '.check == "text.repeated-word" and (.message | test("^[0-9]+ more text.repeated-word findings on this version are not shown"))')
	[ $rc -eq 0 ] && [ "$kept" = 1001 ] && [ "$more" = 1 ] && ok ||
		bad "repeated word: exit $rc, $kept repeated-word findings, $more summaries"
fi
rm -rf "$T/gen-repeated-word"
