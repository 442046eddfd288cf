/* support.c — helpers shared by the unit tests (see unit.h). */
#include "unit.h"

#include <stdio.h>

char *unit_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (run the tests from the repository root)", path);
	wc_buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		wc_buf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return wc_buf_take(&b);
}

wc_ruleset *unit_load_rules(void)
{
	wc_ruleset *rs = wc_ruleset_new();
	wc_diags *d = wc_diags_new();
	if (wc_ruleset_load_dir(rs, "rules", d) != WC_OK) {
		wc_diags_print(d, stderr);
		wc_ruleset_free(rs);
		rs = NULL;
	}
	wc_diags_free(d);
	return rs;
}
