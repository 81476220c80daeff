package dev.labtutor.i18n;

import java.util.Locale;

/** The learner's language. Chinese first: the course is written in Chinese and translated. */
public enum Lang {
    ZH, EN;

    public static Lang parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh_cn", "zh-cn", "cn", "chinese" -> ZH;
            case "en", "en_us", "en-us", "english" -> EN;
            default -> throw new IllegalArgumentException("unknown language '" + s + "' (use zh or en)");
        };
    }

    /** From LANG / LC_ALL style values; Chinese locales give ZH, anything else EN. */
    public static Lang fromEnvironment(String lcAll, String lang) {
        return fromEnvironment(name -> switch (name) {
            case "LC_ALL" -> lcAll;
            case "LANG" -> lang;
            default -> null;
        });
    }

    /**
     * The language of the locale, as gettext picks the messages locale: the first of {@code LC_ALL},
     * {@code LC_MESSAGES}, {@code LANG} that is set and not empty; a Chinese locale ({@code zh_CN.UTF-8},
     * {@code zh_TW}, ...) gives ZH, anything else (or nothing) EN.
     */
    public static Lang fromEnvironment(java.util.function.Function<String, String> env) {
        return firstSet(env.apply("LC_ALL"), env.apply("LC_MESSAGES"), env.apply("LANG"));
    }

    /** {@link #fromEnvironment(java.util.function.Function)} of this process's environment. */
    public static Lang fromEnvironment() {
        return fromEnvironment(System::getenv);
    }

    private static Lang firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
            }
        }
        return EN;
    }
}
