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
        String v = lcAll != null && !lcAll.isBlank() ? lcAll : lang;
        return v != null && v.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
    }
}
