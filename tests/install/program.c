/*
 * program.c — a program another team would write against the installed
 * library: it includes <wirecheck.h>, links with `pkg-config --libs
 * wirecheck`, checks one translation against its source and prints one line
 * per finding ("check line") and a last line "findings N fails F", which
 * tests/install/run compares with the command's JSON report of the same run.
 *   program RULES-DIR SOURCE LANG TRANSLATION LANG
 */
#include <wirecheck.h>

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: program RULES SOURCE LANG TRANSLATION LANG\n");
		return 2;
	}
	wc_diags *diags = wc_diags_new();
	wc_ruleset *rs = wc_ruleset_new();
	wc_bundle *b = NULL;
	wc_report *r = NULL;
	int rc = 2, err = 0;
	if (wc_ruleset_load_dir(rs, argv[1], diags) < 0)
		goto done;
	b = wc_bundle_new(rs);
	if (wc_bundle_add_file(b, WC_ROLE_SOURCE, argv[3], argv[2], diags) < 0 ||
	    wc_bundle_add_file(b, WC_ROLE_TRANSLATION, argv[5], argv[4], diags) < 0)
		goto done;
	if (!(r = wc_bundle_check(b, diags, &err)))
		goto done;
	for (size_t i = 0; i < wc_report_count(r); i++) {
		const wc_finding *f = wc_report_get(r, i);
		printf("%s %zu\n", f->check, f->line);
	}
	printf("findings %zu fails %d\n", wc_report_count(r), wc_report_fails(r, WC_ERROR));
	rc = 0;
done:
	wc_diags_print(diags, stderr);
	wc_report_free(r);
	wc_bundle_free(b);
	wc_ruleset_free(rs);
	wc_diags_free(diags);
	return rc;
}
