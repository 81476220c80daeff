package dev.labtutor.view;

import dev.labtutor.i18n.Lang;

/**
 * A message or hint shown as a sentence starts with a capital letter in English, whoever wrote it ("the config has..."
 * becomes "The config has..."). A first word that looks like a name the learner types (a file, path, option, host or
 * identifier: it holds '.', '/', '_', '-', '=', a digit or a capital letter after its first) is left exactly as it is,
 * since {@code keepalived.conf} or {@code lb01} must not change case. Chinese text is left alone.
 */
public final class Sentence {

    private Sentence() {
    }

    public static String start(String text, Lang lang) {
        if (lang != Lang.EN || text.isEmpty() || !isLowerAscii(text.charAt(0))) {
            return text;
        }
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String word = text.substring(0, end).replaceAll("[,;:!?]+$", "");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (".\\/_-=@$`'\"".indexOf(c) >= 0 || Character.isDigit(c) || (i > 0 && Character.isUpperCase(c))) {
                return text;
            }
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isLowerAscii(char c) {
        return c >= 'a' && c <= 'z';
    }
}
