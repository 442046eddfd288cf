# Word lists: Debian's (wamerican, wngerman, wfrench ...; installed by
# tools/install-deps) case-folded and sorted into $(BUILD)/words/LANG.words,
# which check_names.c looks words up in to tell a name from a common word
# (see docs/checks-and-matching.md#names).  A language whose list is not
# installed gets none, and its names are judged from capitals alone.
# LANG:FILE:ENCODING; Finnish has no Debian word list.
DICTDIR   ?= /usr/share/dict
WORDLISTS  = en:american-english:utf-8 de:ngerman:utf-8 fr:french:utf-8 es:spanish:utf-8 \
             it:italian:utf-8 pl:polish:utf-8 sv:swedish:latin1 da:danish:utf-8 \
             nb:bokmaal:latin1 nl:dutch:utf-8 pt:portuguese:utf-8
word_lang  = $(word 1,$(subst :, ,$(1)))
word_file  = $(word 2,$(subst :, ,$(1)))
word_enc   = $(word 3,$(subst :, ,$(1)))
WORDS_HAVE = $(foreach w,$(WORDLISTS),$(if $(wildcard $(DICTDIR)/$(call word_file,$(w))),$(w)))
WORDS_OUT  = $(foreach w,$(WORDS_HAVE),$(BUILD)/words/$(call word_lang,$(w)).words)

all: $(WORDS_OUT)

$(BUILD)/wordlist: tools/wordlist.c $(BUILD)/libwirecheck.a
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $^ $(PKG_LIBS)

define word_rule
$(BUILD)/words/$(call word_lang,$(1)).words: $(DICTDIR)/$(call word_file,$(1)) $(BUILD)/wordlist
	@mkdir -p $$(@D)
	$(BUILD)/wordlist $(if $(filter latin1,$(call word_enc,$(1))),--latin1) $$< $$@
endef
$(foreach w,$(WORDS_HAVE),$(eval $(call word_rule,$(w))))
