package story

import "testing"

func TestLangTag(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", " pt-BR ": "pt-BR", "zh-Hant-TW": "zh-Hant-TW", "de_CH": "de-CH", "es-419": "es-419",
		"": "", "e": "", "en-": "", "1en": "", "en US": "", `en"><script>`: "", "toolongtag": "", "x-\x1b[31m": "",
	} {
		if got := LangTag(in); got != want {
			t.Errorf("LangTag(%q) = %q, want %q", in, got, want)
		}
	}
}
