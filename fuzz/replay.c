/*
 * replay.c — a main() for the fuzz harnesses without libFuzzer: feeds each
 * file named on the command line to LLVMFuzzerTestOneInput once.  Linked
 * with the regular (or ASan) build, it replays the regression inputs of
 * tests/regress/ in `make test`; a crash or a failed invariant aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 2;
		}
		size_t cap = 1 << 16, n = 0, k;
		uint8_t *buf = malloc(cap);
		while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0)
			if ((n += k) == cap)
				buf = realloc(buf, cap *= 2);
		fclose(f);
		if (!buf) {
			fprintf(stderr, "replay: out of memory\n");
			return 2;
		}
		/* libFuzzer passes a buffer of exactly size bytes; so does this. */
		uint8_t *exact = malloc(n ? n : 1);
		for (size_t j = 0; exact && j < n; j++)
			exact[j] = buf[j];
		free(buf);
		if (!exact) {
			fprintf(stderr, "replay: out of memory\n");
			return 2;
		}
		LLVMFuzzerTestOneInput(exact, n);
		free(exact);
	}
	return 0;
}
