/* test_match.c — unit tests of match.c (stage 5) through wc_bundle_check on
 * small bundles: changed, dropped and added facts; equal values written
 * differently; related coverage (contradictions only); titles.  Uses the
 * shipped rules from the repository root. */
#include "unit.h"

#include <stdio.h>

/* ---- bundles ------------------------------------------------------------------------------- */

typedef struct {
	wc_role role;
	const char *lang, *path;
	const char *const *paras; /* one a line; NULL: read path */
	size_t n;
} version;

static wc_report *check(const version *v, size_t nv)
{
	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	for (size_t i = 0; i < nv; i++) {
		int rc;
		if (v[i].paras) {
			char *text = unit_join_lines(v[i].paras, v[i].n);
			rc = wc_bundle_add_text(b, v[i].role, v[i].lang, v[i].path, text, strlen(text), d);
			free(text);
		} else {
			rc = wc_bundle_add_file(b, v[i].role, v[i].lang, v[i].path, d);
		}
		if (rc != WC_OK) {
			wc_diags_print(d, stderr);
			fail_msg("cannot add %s: %s", v[i].path, wc_strerror(rc));
		}
	}
	int err;
	wc_report *r = wc_bundle_check(b, d, &err);
	if (!r || err != WC_OK || wc_diags_count(d)) {
		wc_diags_print(d, stderr);
		fail_msg("wc_bundle_check failed: %s", wc_strerror(err));
	}
	wc_bundle_free(b);
	wc_diags_free(d);
	return r;
}

static void dump(const wc_report *r)
{
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		print_message("  %s %s %s:%zu:%zu expected=%s found=%s rule=%s: %s\n", f->check,
		              wc_severity_name(f->severity), f->path, f->line, f->column,
		              f->expected ? f->expected : "-", f->found ? f->found : "-",
		              f->rule ? f->rule : "-", f->message);
	}
}

static bool is_fact_check(const wc_finding *f)
{
	return strncmp(f->check, "fact.", 5) == 0;
}

static size_t count(const wc_report *r, const char *check, const char *path)
{
	size_t n = 0;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		n += strcmp(f->check, check) == 0 && (!path || strcmp(f->path, path) == 0);
	}
	return n;
}

static size_t count_facts(const wc_report *r)
{
	size_t n = 0;
	for (size_t i = 0; i < wc_report_count(r); i++)
		n += is_fact_check(wc_report_get(r, i));
	return n;
}

/* The one finding of check on path at line; fails unless exactly one. */
static const wc_finding *the_finding(const wc_report *r, const char *check, const char *path, size_t line)
{
	const wc_finding *hit = NULL;
	size_t n = 0;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (strcmp(f->check, check) == 0 && strcmp(f->path, path) == 0 && f->line == line)
			hit = f, n++;
	}
	if (n != 1) {
		dump(r);
		fail_msg("%zu findings %s on %s:%zu, want 1", n, check, path, line);
	}
	return hit;
}

static void expect_strings(const wc_finding *f, const char *expected, const char *found, const char *rule)
{
	bool ok = (expected ? f->expected && strcmp(f->expected, expected) == 0 : !f->expected) &&
	          (found ? f->found && strcmp(f->found, found) == 0 : !f->found) &&
	          (rule ? f->rule && strcmp(f->rule, rule) == 0 : true);
	if (!ok)
		fail_msg("%s: expected=%s found=%s rule=%s; want expected=%s found=%s rule=%s", f->check,
		         f->expected ? f->expected : "NULL", f->found ? f->found : "NULL",
		         f->rule ? f->rule : "NULL", expected ? expected : "NULL", found ? found : "NULL",
		         rule ? rule : "-");
}

/* ---- the story ----------------------------------------------------------------------------- */

static const char *const EN[] = {
	"China on Monday hailed President Donald Trump\xE2\x80\x99s offer to help ZTE.",
	"ZTE, which employs 80,000 people, said last week its major operations had ceased.",
	"The company was banned for seven years from buying American technology.",
	"ZTE pleaded guilty in March last year and was hit with $1.2 billion in fines.",
	"Vice Premier Liu He will be in Washington for trade talks from Tuesday until Saturday.",
	"The Washington Post reported late Sunday that the White House is discussing a deal.",
	"The company sold 46 million smartphones in 2017, its annual report said.",
	"There is an intense rivalry in fields such as artificial intelligence and 5G.",
};

static const char *const DA[] = {
	"Kina roste mandag præsident Donald Trumps tilbud om at hjælpe ZTE.",
	"ZTE, der beskæftiger 80.000 mennesker, sagde i sidste uge, at driften var ophørt.",
	"Firmaet blev forbudt i syv år at købe amerikansk teknologi.",
	"ZTE erkendte sig skyldig i marts sidste år og blev ramt med bøder på 1,2 milliarder dollar.",
	"Vicepremier Liu He vil være i Washington til handelsforhandlinger fra tirsdag til lørdag.",
	"Washington Post rapporterede sent søndag, at Det Hvide Hus diskuterer en aftale.",
	"Firmaet solgte 46 millioner smartphones i 2017, oplyste årsrapporten.",
	"Der er en intens rivalisering på områder som kunstig intelligens og 5G.",
};

#define N 8

static wc_report *check_da(const char *const *da, size_t n)
{
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "story.en.txt", EN, N},
		{WC_ROLE_TRANSLATION, "da", "story.da.txt", da, n},
	};
	return check(v, 2);
}

/* The faithful translation: no fact finding at all. */
static void test_faithful(void **state)
{
	(void)state;
	wc_report *r = check_da(DA, N);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count_facts(r), 0);
	assert_int_equal(wc_report_version_count(r), 2);
	assert_false(wc_report_fails(r, WC_WARNING));
	wc_report_free(r);
}

static void test_changed_number(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[1] = "ZTE, der beskæftiger 70.000 mennesker, sagde i sidste uge, at driften var ophørt.";
	da[6] = "Firmaet solgte 43 millioner smartphones i 2017, oplyste årsrapporten.";
	wc_report *r = check_da(da, N);
	/* a keyed fact */
	const wc_finding *f = the_finding(r, "fact.mismatch", "story.da.txt", 2);
	expect_strings(f, "80000", "70000", "employees");
	assert_int_equal(f->severity, WC_ERROR);
	assert_true(f->has_source_ref);
	assert_int_equal(f->source_line, 2);
	assert_int_equal(f->column, 22);
	assert_int_equal(f->end_column, 28);
	/* a generic number in an aligned paragraph */
	f = the_finding(r, "fact.mismatch", "story.da.txt", 7);
	expect_strings(f, "46000000", "43000000", "number");
	assert_int_equal(f->source_line, 7);
	/* nothing else: the rest matches */
	if (count_facts(r) != 2)
		dump(r);
	assert_int_equal(count_facts(r), 2);
	assert_true(wc_report_version_fails(r, 1, WC_ERROR));
	wc_report_free(r);
}

static void test_changed_money_and_duration(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[2] = "Firmaet blev forbudt i otte år at købe amerikansk teknologi.";
	da[3] = "ZTE erkendte sig skyldig i marts sidste år og blev ramt med bøder på 1,2 milliarder euro.";
	wc_report *r = check_da(da, N);
	expect_strings(the_finding(r, "fact.mismatch", "story.da.txt", 3), "7 year", "8 year", "ban-duration");
	expect_strings(the_finding(r, "fact.mismatch", "story.da.txt", 4), "1200000000 USD", "1200000000 EUR",
	               "fine");
	assert_int_equal(count_facts(r), 2);
	wc_report_free(r);
}

static void test_dropped_weekday(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	/* "until Saturday" is gone */
	da[4] = "Vicepremier Liu He vil være i Washington til handelsforhandlinger fra tirsdag.";
	wc_report *r = check_da(da, N);
	const wc_finding *f = the_finding(r, "fact.missing", "story.da.txt", 5);
	expect_strings(f, "saturday", NULL, "weekday");
	assert_int_equal(f->severity, WC_WARNING);
	assert_true(f->has_source_ref);
	assert_int_equal(f->source_line, 5);
	assert_non_null(f->source_snippet);
	assert_non_null(strstr(f->source_snippet, "until Saturday"));
	assert_int_equal(count(r, "fact.mismatch", NULL), 0);
	assert_int_equal(count_facts(r), 1);
	assert_false(wc_report_version_fails(r, 1, WC_ERROR));
	assert_true(wc_report_version_fails(r, 1, WC_WARNING));
	wc_report_free(r);
}

static void test_added_number(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[7] = "Der er en intens rivalisering på områder som kunstig intelligens og 5G blandt 40 firmaer.";
	wc_report *r = check_da(da, N);
	const wc_finding *f = the_finding(r, "fact.extra", "story.da.txt", 8);
	expect_strings(f, NULL, "40", "number");
	assert_int_equal(f->severity, WC_INFO);
	assert_false(f->has_source_ref);
	assert_int_equal(count_facts(r), 1);
	assert_false(wc_report_fails(r, WC_WARNING));
	wc_report_free(r);
}

/* 80,000 / 80.000 / "80, 000" / "80 000": one value; only number.format
 * speaks of the garbled form. */
static void test_same_value_written_differently(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[1] = "ZTE, der beskæftiger 80, 000 mennesker, sagde i sidste uge, at driften var ophørt.";
	const char *const sv[] = {
		"Kina hyllade på måndagen president Donald Trumps erbjudande att hjälpa ZTE.",
		"ZTE, som sysselsätter 80 000 personer, sa förra veckan att verksamheten hade upphört.",
		"Företaget var förbjudet i sju år att köpa amerikansk teknologi.",
		"ZTE erkände sig skyldig i mars förra året och drabbades av 1,2 miljarder dollar i böter.",
		"Vice premiärminister Liu He kommer till Washington för handelssamtal från tisdag till lördag.",
		"Washington Post rapporterade sent på söndagen att Vita huset diskuterar en överenskommelse.",
		"Företaget sålde 46 miljoner smartphones 2017, enligt årsredovisningen.",
		"Det finns en intensiv rivalitet inom områden som artificiell intelligens och 5G.",
	};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "story.en.txt", EN, N},
		{WC_ROLE_TRANSLATION, "da", "story.da.txt", da, N},
		{WC_ROLE_TRANSLATION, "sv", "story.sv.txt", sv, N},
	};
	wc_report *r = check(v, 3);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count_facts(r), 0);
	const wc_finding *f = the_finding(r, "number.format", "story.da.txt", 2);
	assert_non_null(f);
	assert_int_equal(count(r, "number.format", "story.sv.txt"), 0);
	wc_report_free(r);
}

/* ---- related coverage ------------------------------------------------------------------------ */

static void test_related_contradiction(void **state)
{
	(void)state;
	const char *const rel[] = {
		"US President Donald Trump said Sunday he was working to save ZTE.",
		"Beijing has followed the case of ZTE, a company that employs 70,000 people in southern China.",
		"Those actions led to a $1.2 billion fine last year.",
	};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "story.en.txt", EN, N},
		{WC_ROLE_RELATED, "en", "related.en.txt", rel, 3},
	};
	wc_report *r = check(v, 2);
	const wc_finding *f = the_finding(r, "fact.mismatch", "related.en.txt", 2);
	expect_strings(f, "80000", "70000", "employees");
	assert_int_equal(f->severity, WC_ERROR);
	assert_int_equal(f->source_line, 2);
	/* the fine agrees; all the source's other facts are simply not there,
	 * which is no finding for independent coverage */
	if (count_facts(r) != 1)
		dump(r);
	assert_int_equal(count_facts(r), 1);
	assert_int_equal(count(r, "fact.missing", NULL), 0);
	wc_report_free(r);
}

static void test_related_without_facts(void **state)
{
	(void)state;
	const char *const rel[] = {
		"Trump pledges to safeguard Chinese telecoms jobs",
		"Writing on Twitter, Trump said he had issued instructions for officials to come up with a rescue plan.",
		"The conciliatory move quickly came under fire.",
	};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "story.en.txt", EN, N},
		{WC_ROLE_RELATED, "en", "related.en.txt", rel, 3},
	};
	wc_report *r = check(v, 2);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count_facts(r), 0);
	assert_false(wc_report_fails(r, WC_INFO));
	wc_report_free(r);
}

/* The real related stories agree with the source (ACCEPTANCE.md). */
static void test_related_fixtures(void **state)
{
	(void)state;
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt", NULL, 0},
		{WC_ROLE_RELATED, "en", "fixtures/zte/zte-washington.en.txt", NULL, 0},
		{WC_ROLE_RELATED, "en", "fixtures/zte/zte-other-agency.en.txt", NULL, 0},
	};
	wc_report *r = check(v, 3);
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (f->version > 0 && f->severity >= WC_WARNING) {
			dump(r);
			fail_msg("related story: %s %s:%zu: %s", f->check, f->path, f->line, f->message);
		}
	}
	assert_int_equal(count(r, "fact.missing", NULL), 0);
	assert_int_equal(count(r, "fact.mismatch", NULL), 0);
	wc_report_free(r);
}

/* ---- titles ----------------------------------------------------------------------------------- */

static void test_title_mismatch(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[4] = "Premierminister Liu He vil være i Washington til handelsforhandlinger fra tirsdag til lørdag.";
	wc_report *r = check_da(da, N);
	const wc_finding *f = the_finding(r, "fact.mismatch", "story.da.txt", 5);
	expect_strings(f, "vice-premier Liu He", "prime-minister Liu He", "title");
	assert_int_equal(f->severity, WC_ERROR);
	assert_int_equal(f->source_line, 5);
	assert_int_equal(count_facts(r), 1);
	wc_report_free(r);

	/* the same person as Vice Premier in English and as Prime Minister in a
	 * related English story */
	const char *const rel[] = {"Prime Minister Liu He arrived in Washington on Tuesday for talks."};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "story.en.txt", EN, N},
		{WC_ROLE_RELATED, "en", "related.en.txt", rel, 1},
	};
	r = check(v, 2);
	f = the_finding(r, "fact.mismatch", "related.en.txt", 1);
	expect_strings(f, "vice-premier Liu He", "prime-minister Liu He", "title");
	wc_report_free(r);
}

/* A broader title is no contradiction: Senate Minority Leader ~ minority leader. */
static void test_title_broader_and_genitive(void **state)
{
	(void)state;
	const char *const en[] = {
		"Democratic Senate Minority Leader Chuck Schumer said in response to Trump\xE2\x80\x99s tweet.",
		"David Frum, a former speechwriter for President George W. Bush, said Trump was wrong.",
	};
	const char *const da[] = {
		"Den demokratiske minoritetsleder Chuck Schumer sagde som svar på Trumps tweet.",
		"David Frum, en tidligere taleforfatter for præsident George W Bush, sagde, at Trump tog fejl.",
	};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 2},
		{WC_ROLE_TRANSLATION, "da", "s.da.txt", da, 2},
	};
	wc_report *r = check(v, 2);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count(r, "fact.mismatch", NULL), 0);
	assert_int_equal(count(r, "fact.missing", NULL), 0);
	wc_report_free(r);
}

/* Names inflect in Polish and Finnish: "Donalda Trumpa", "Theresy May",
 * "Donald Trumpin" are the people of the source, and a place between title
 * and name ("prezydenta USA") is a place of its own. */
static void test_title_inflected_names(void **state)
{
	(void)state;
	const char *const en[] = {
		"US President Donald Trump spoke to Chinese President Xi Jinping on Sunday.",
		"Prime Minister Theresa May met Vice Premier Liu He in London.",
	};
	const char *const pl[] = {
		"Wypowied\xC5\xBA prezydenta USA Donalda Trumpa i prezydenta Xi Jinpinga pad\xC5\x82" "a w niedziel\xC4\x99.",
		"Premier Theresa May spotka\xC5\x82" "a wicepremiera Liu He w Londynie.",
	};
	const char *const fi[] = {
		"Yhdysvaltain presidentti Donald Trumpin mukaan presidentti Xi Jinpingin kanssa puhuttiin sunnuntaina.",
		"P\xC3\xA4\xC3\xA4ministeri Theresa Mayn mukaan varapresidentti Liu He oli Lontoossa.",
	};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 2},
		{WC_ROLE_TRANSLATION, "pl", "s.pl.txt", pl, 2},
		{WC_ROLE_TRANSLATION, "fi", "s.fi.txt", fi, 2},
	};
	wc_report *r = check(v, 3);
	/* fi line 2 gives Liu He another title (varapresidentti): the one true finding */
	if (count(r, "fact.missing", NULL) || count(r, "fact.mismatch", NULL) != 1)
		dump(r);
	assert_int_equal(count(r, "fact.missing", NULL), 0);
	const wc_finding *f = the_finding(r, "fact.mismatch", "s.fi.txt", 2);
	expect_strings(f, "vice-premier Liu He", "vice-president Liu He", "title");
	wc_report_free(r);

	/* another person under the same title is not the source's person */
	const char *const other[] = {
		"Wypowied\xC5\xBA prezydenta USA Joe Bidena i prezydenta Xi Jinpinga pad\xC5\x82" "a w niedziel\xC4\x99.",
		"Premier Theresy May spotka\xC5\x82" "a wicepremiera Liu He w Londynie.",
	};
	const version w[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 2},
		{WC_ROLE_TRANSLATION, "pl", "s.pl.txt", other, 2},
	};
	r = check(w, 2);
	f = the_finding(r, "fact.missing", "s.pl.txt", 1);
	assert_non_null(strstr(f->message, "Donald Trump"));
	assert_int_equal(count(r, "fact.missing", NULL), 1);
	wc_report_free(r);
}

/* A date told with more detail is the same date: "in March last year" and
 * French "en mars 2013" (the story is of 2014); a different month or year is
 * not. */
static void test_dates_with_more_detail(void **state)
{
	(void)state;
	const char *const en[] = {
		"In March last year, a court sentenced 10 protesters to 10 years each.",
		"He was released in May 2013 and acquitted on January 5.",
	};
	const char *const fr[] = {
		"En mars 2013, un tribunal a condamn\xC3\xA9 10 contestataires \xC3\xA0 10 ans chacun.",
		"Il a \xC3\xA9t\xC3\xA9 lib\xC3\xA9r\xC3\xA9 en mai et acquitt\xC3\xA9 le 5 janvier 2014.",
	};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 2},
		{WC_ROLE_TRANSLATION, "fr", "s.fr.txt", fr, 2},
	};
	wc_report *r = check(v, 2);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count_facts(r), 0);
	wc_report_free(r);

	const char *const other[] = {
		"En avril 2013, un tribunal a condamn\xC3\xA9 10 contestataires \xC3\xA0 10 ans chacun.",
		"Il a \xC3\xA9t\xC3\xA9 lib\xC3\xA9r\xC3\xA9 en mai 2012 et acquitt\xC3\xA9 le 5 janvier 2014.",
	};
	const version w[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 2},
		{WC_ROLE_TRANSLATION, "fr", "s.fr.txt", other, 2},
	};
	r = check(w, 2);
	expect_strings(the_finding(r, "fact.mismatch", "s.fr.txt", 1), "march", "april 2013", "month");
	/* the last lines pair one-to-one after a pair that does: the alignment
	 * cannot have placed them otherwise, so the year that differs is a
	 * changed date, not one dropped and another added */
	expect_strings(the_finding(r, "fact.mismatch", "s.fr.txt", 2), "may 2013", "may 2012", "month");
	assert_int_equal(count(r, "fact.missing", "s.fr.txt"), 0);
	wc_report_free(r);
}

/* ---- verdicts on one-sentence and short bundles: a table of cases ------------------------ */

typedef struct {
	const char *what;
	const char *slang, *s, *tlang, *t; /* paragraphs separated by '\n' */
	size_t mismatches, warnings, errors; /* on the translation */
} verdict_case;

static const verdict_case verdict_cases[] = {
	{"a changed number word in a one-sentence version is a mismatch",
	 "de", "Bei dem Unfall wurden drei Menschen verletzt.",
	 "en", "Five people were injured in the accident.", 1, 0, 1},
	{"of two numbers, the changed one pairs with the changed one",
	 "en", "The company sold 400 cars and 120 trucks.",
	 "de", "Das Unternehmen verkaufte 500 Autos und 120 Lastwagen.", 1, 0, 1},
	{"an age as a duration meets the bare number",
	 "it", "Mario Rossi, 59 anni, ha parlato.",
	 "en", "Mario Rossi, 59, spoke.", 0, 0, 0},
	{"a changed age across kinds is a mismatch",
	 "pl", "84-letni Kowalski przyjechał.",
	 "en", "Kowalski, 86, arrived.", 1, 0, 1},
	{"a year meets the date that names it",
	 "es", "La ley entró en vigor en 2011.",
	 "en", "The law came into force in August 2011.", 0, 0, 0},
	{"an amount meets money whose currency the other side leaves implicit",
	 "de", "Argentinien schuldet 503 Millionen.",
	 "en", "Argentina owes $503 million.", 0, 0, 0},
	{"a weekday meets the date that falls on it",
	 "en", "The vote is on Monday.",
	 "fr", "Le vote a lieu le 7 mai 2018.", 0, 0, 0},
	{"a weekday does not meet a date that falls on another day",
	 "en", "The vote is on Monday.",
	 "fr", "Le vote a lieu le 8 mai 2018.", 0, 1, 0},
	{"'einem Jahr' is 'a year'",
	 "de", "Das war vor einem Jahr.",
	 "en", "That was a year ago.", 0, 0, 0},
	{"a weak fact dropped is no finding",
	 "en", "Prices rose twice a year.",
	 "de", "Die Preise stiegen zweimal im Jahr.", 0, 0, 0},
	{"a weak fact changed into a count of its unit is a mismatch",
	 "en", "The ban lasts a year.",
	 "de", "Das Verbot dauert zwei Jahre.", 1, 0, 1},
	{"a changed sentence between two that pair is aligned",
	 "en", "Police said 12 people were arrested on the square.\nThe march drew about 400 people.\n"
	       "Officials said 3 officers were hurt.",
	 "de", "Die Polizei nahm nach eigenen Angaben 12 Menschen auf dem Platz fest.\n"
	       "Der Marsch zog etwa 500 Menschen an.\nBeamte sagten, 3 Polizisten seien verletzt worden.",
	 1, 0, 1},
	{"the minutes of a time of day are no number",
	 "it", "Il programma è iniziato alle 20:30 (15:00 UTC).",
	 "en", "The program started at 8:30 p.m. (15.00 UTC).", 0, 0, 0},
	{"a quoted title written without marks is no missing quotation",
	 "de", "Er spielte in \xE2\x80\x9E" "Die Simpsons\xE2\x80\x9C mit.",
	 "en", "He appeared in The Simpsons.", 0, 0, 0},
	{"quoted speech written without marks is a missing quotation",
	 "en", "\"We will not give up, not now,\" she said.",
	 "de", "Sie sagte, sie werde jetzt nicht aufgeben.", 0, 1, 0},
	{"a place carried by its adjective, accents aside",
	 "en", "Japan's ministry said it knew of 27 accidents.",
	 "es", "El ministerio japonés dijo que sabía de 27 accidentes.", 0, 0, 0},
	{"a place carried by an adjective the termbase lists",
	 "en", "Bush called North Korea's pledge a major step on Monday.",
	 "es", "Bush calific\xC3\xB3 el lunes el compromiso norcoreano de gran paso.", 0, 0, 0},
	{"a place whose adjective the translation lacks is missing",
	 "en", "Bush called North Korea's pledge a major step on Monday.",
	 "es", "Bush calific\xC3\xB3 el lunes el compromiso de gran paso.", 0, 1, 0},
	{"a place carried in a compound",
	 "en", "US President Joe Biden spoke on Monday.",
	 "de", "US-Präsident Joe Biden sprach am Montag.", 0, 0, 0},
	{"a place dropped is missing",
	 "en", "The talks were held in Beijing on Monday.",
	 "de", "Die Gespräche fanden am Montag statt.", 0, 1, 0},
	{"a title given in apposition",
	 "en", "Prime Minister Lee Hsien Loong spoke on Monday.",
	 "de", "Lee Hsien Loong, der Premierminister, sprach am Montag.", 0, 0, 0},
	{"an unbalanced quotation carried from the source is no error",
	 "pl", "Wszystko będzie dobrze\xE2\x80\x9D, powiedział Kowalski.",
	 "en", "Everything will be fine\", said Kowalski.", 0, 0, 0},
	{"a changed duration does not take an equal value from another paragraph",
	 "en", "I have lived in Dublin for 14 years.\nOn Monday, 300 people marched in Cork.\n"
	       "She says she would have been married at 14.",
	 "fr", "Je vis \xC3\xA0 Dublin depuis 15 ans.\nLundi, 300 personnes ont d\xC3\xA9" "fil\xC3\xA9 \xC3\xA0 Cork.\n"
	       "Elle dit qu'elle aurait \xC3\xA9t\xC3\xA9 mari\xC3\xA9" "e \xC3\xA0 14 ans.", 1, 0, 1},
	{"a number word that begins a name is no missing number",
	 "it", "Otto Rossi ha vinto la gara di Monza.",
	 "en", "Otto Rossi won the race at Monza.", 0, 0, 0},
	{"a capitalised count before a capitalised word, changed, is a mismatch",
	 "en", "Two Chinese firms bid for the contract.",
	 "de", "Drei chinesische Firmen boten f\xC3\xBCr den Auftrag.", 1, 0, 1},
	{"percentage points given as percent: a mismatch, a warning",
	 "en", "The rate rose 0.3 percentage points on Monday.",
	 "de", "Die Quote stieg am Montag um 0,3 Prozent.", 1, 1, 0},
	{"a changed percentage is a mismatch",
	 "en", "The rate rose to 5.1 percent on Monday.",
	 "de", "Die Quote stieg am Montag auf 5,2 Prozent.", 1, 0, 1},
	{"a lost sign is a mismatch",
	 "en", "Growth was -0.3% in May.",
	 "de", "Das Wachstum lag im Mai bei 0,3 %.", 1, 0, 1},
	{"a percentage whose unit the other side does not read meets the number",
	 "en", "Turnout was 61.5 percent on Sunday.",
	 "fi", "Äänestysprosentti oli sunnuntaina 61,5.", 0, 0, 0},
	{"quote marks mixed as in the source are no warning",
	 "pl", "\xE2\x80\x9E" "Dla mnie to jest koniec\", powiedzia\xC5\x82 Kowalski.",
	 "en", "\xE2\x80\x9C" "For me this is the end\", Kowalski said.", 0, 0, 0},
	{"quote marks mixed in the translation alone are a warning",
	 "en", "\"For me this is the end,\" Kowalski said.",
	 "pl", "\xE2\x80\x9E" "Dla mnie to jest koniec\", powiedzia\xC5\x82 Kowalski.", 0, 1, 0},
};

static size_t count_on(const wc_report *r, const char *path, const char *check, int severity)
{
	size_t n = 0;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (strcmp(f->path, path) != 0)
			continue;
		n += check ? strcmp(f->check, check) == 0 : (int)f->severity == severity;
	}
	return n;
}

static void test_verdict_cases(void **state)
{
	(void)state;
	bool ok = true;
	for (size_t k = 0; k < sizeof verdict_cases / sizeof *verdict_cases; k++) {
		const verdict_case *c = &verdict_cases[k];
		const char *s[] = {c->s}, *t[] = {c->t};
		const version v[] = {
			{WC_ROLE_SOURCE, c->slang, "s.txt", s, 1},
			{WC_ROLE_TRANSLATION, c->tlang, "t.txt", t, 1},
		};
		wc_report *r = check(v, 2);
		size_t m = count_on(r, "t.txt", "fact.mismatch", 0);
		size_t w = count_on(r, "t.txt", NULL, WC_WARNING);
		size_t e = count_on(r, "t.txt", NULL, WC_ERROR);
		if (m != c->mismatches || w != c->warnings || e != c->errors) {
			print_message("case '%s': %zu mismatches, %zu warnings, %zu errors; want %zu, %zu, %zu\n",
			              c->what, m, w, e, c->mismatches, c->warnings, c->errors);
			dump(r);
			ok = false;
		}
		wc_report_free(r);
	}
	assert_true(ok);
}

/* Checking a bundle twice gives the same report: the stages do not pile up
 * facts (or findings) from the first run. */
static void test_check_twice(void **state)
{
	(void)state;
	const char *da[N];
	memcpy(da, DA, sizeof da);
	da[1] = "ZTE, der beskæftiger 80, 000 mennesker, sagde i sidste uge, at driften var ophørt.";
	da[7] = "Der er en intens rivalisering på områder som kunstig intelligens og 5G blandt 40 firmaer.";
	wc_bundle *b = wc_bundle_new(unit_rules);
	wc_diags *d = wc_diags_new();
	char *en = unit_join_lines(EN, N), *dt = unit_join_lines(da, N);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_SOURCE, "en", "story.en.txt", en, strlen(en), d), WC_OK);
	assert_int_equal(wc_bundle_add_text(b, WC_ROLE_TRANSLATION, "da", "story.da.txt", dt, strlen(dt), d), WC_OK);
	free(en);
	free(dt);
	int err;
	wc_report *r1 = wc_bundle_check(b, d, &err);
	assert_non_null(r1);
	wc_report *r2 = wc_bundle_check(b, d, &err);
	assert_non_null(r2);
	/* the first report is what the story holds */
	assert_int_equal(count(r1, "number.format", NULL), 1);
	assert_int_equal(count(r1, "fact.extra", NULL), 1);
	if (wc_report_count(r1) != wc_report_count(r2)) {
		print_message("first check:\n");
		dump(r1);
		print_message("second check:\n");
		dump(r2);
	}
	assert_int_equal(wc_report_count(r2), wc_report_count(r1));
	for (size_t i = 0; i < wc_report_count(r1); i++) {
		assert_string_equal(wc_report_get(r1, i)->check, wc_report_get(r2, i)->check);
		assert_int_equal(wc_report_get(r1, i)->line, wc_report_get(r2, i)->line);
	}
	wc_report_free(r1);
	wc_report_free(r2);
	wc_bundle_free(b);
	wc_diags_free(d);
}

/* One Danish (Swedish) word renders two English titles: "udenrigsminister"
 * ("utrikesminister") is both Foreign Minister and the US Secretary of
 * State.  A correct translation is no contradiction. */
static void test_title_shared_translation(void **state)
{
	(void)state;
	const char *const en[] = {"Secretary of State Mike Pompeo met Chinese officials on Friday."};
	const char *const da[] = {"Udenrigsminister Mike Pompeo mødte kinesiske embedsmænd fredag."};
	const char *const sv[] = {"Utrikesminister Mike Pompeo träffade kinesiska tjänstemän på fredagen."};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 1},
		{WC_ROLE_TRANSLATION, "da", "s.da.txt", da, 1},
		{WC_ROLE_TRANSLATION, "sv", "s.sv.txt", sv, 1},
	};
	wc_report *r = check(v, 3);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count(r, "fact.mismatch", NULL), 0);
	assert_int_equal(count_facts(r), 0);
	wc_report_free(r);
}

/* The pronoun "us" in an English source names no country that the
 * translation ("os") would have to name. */
static void test_pronoun_us_is_no_place(void **state)
{
	(void)state;
	const char *const en[] = {"\xE2\x80\x9CHelp us,\xE2\x80\x9D Trump said on Monday."};
	const char *const da[] = {"\xE2\x80\x9CHj\xC3\xA6lp os,\xE2\x80\x9D sagde Trump mandag."};
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "s.en.txt", en, 1},
		{WC_ROLE_TRANSLATION, "da", "s.da.txt", da, 1},
	};
	wc_report *r = check(v, 2);
	if (count_facts(r))
		dump(r);
	assert_int_equal(count_facts(r), 0);
	wc_report_free(r);
}

/* ---- the real translations ------------------------------------------------------------------ */

static void test_zte_translations(void **state)
{
	(void)state;
	const version v[] = {
		{WC_ROLE_SOURCE, "en", "fixtures/zte/zte.en.txt", NULL, 0},
		{WC_ROLE_TRANSLATION, "da", "fixtures/zte/zte.da.txt", NULL, 0},
		{WC_ROLE_TRANSLATION, "sv", "fixtures/zte/zte.sv.txt", NULL, 0},
	};
	wc_report *r = check(v, 3);
	const char *da = "fixtures/zte/zte.da.txt", *sv = "fixtures/zte/zte.sv.txt";
	/* Danish: every fact of the source is there */
	if (count(r, "fact.mismatch", da) || count(r, "fact.missing", da) || count(r, "fact.mismatch", sv))
		dump(r);
	assert_int_equal(count(r, "fact.mismatch", da), 0);
	assert_int_equal(count(r, "fact.missing", da), 0);
	/* Swedish: no mismatch; Tuesday and Saturday of source line 15 are
	 * missing on line 16, and Monday (source line 1) is never said */
	assert_int_equal(count(r, "fact.mismatch", sv), 0);
	bool tue = false, sat = false, mon = false;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (strcmp(f->check, "fact.missing") != 0 || strcmp(f->path, sv) != 0 || !f->expected)
			continue;
		tue |= strcmp(f->expected, "tuesday") == 0 && f->line == 16 && f->source_line == 15;
		sat |= strcmp(f->expected, "saturday") == 0 && f->line == 16 && f->source_line == 15;
		mon |= strcmp(f->expected, "monday") == 0 && f->source_line == 1;
	}
	if (!tue || !sat || !mon)
		dump(r);
	assert_true(tue && sat && mon);
	/* the employee count is matched in both despite "80, 000" */
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		if (is_fact_check(f) && ((f->expected && strcmp(f->expected, "80000") == 0) ||
		                         (f->found && strcmp(f->found, "80000") == 0)))
			fail_msg("the employee count was not matched: %s %s:%zu", f->check, f->path, f->line);
	}
	wc_report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faithful),
		cmocka_unit_test(test_changed_number),
		cmocka_unit_test(test_changed_money_and_duration),
		cmocka_unit_test(test_dropped_weekday),
		cmocka_unit_test(test_added_number),
		cmocka_unit_test(test_same_value_written_differently),
		cmocka_unit_test(test_related_contradiction),
		cmocka_unit_test(test_related_without_facts),
		cmocka_unit_test(test_related_fixtures),
		cmocka_unit_test(test_title_mismatch),
		cmocka_unit_test(test_title_broader_and_genitive),
		cmocka_unit_test(test_title_inflected_names),
		cmocka_unit_test(test_dates_with_more_detail),
		cmocka_unit_test(test_title_shared_translation),
		cmocka_unit_test(test_pronoun_us_is_no_place),
		cmocka_unit_test(test_verdict_cases),
		cmocka_unit_test(test_check_twice),
		cmocka_unit_test(test_zte_translations),
	};
	return cmocka_run_group_tests(tests, unit_rules_setup, unit_rules_teardown);
}
