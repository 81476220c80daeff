package dev.labtutor.check.observe;

import dev.labtutor.i18n.Text;

/**
 * A transition seen while observing, at {@code at} milliseconds: a host lost or took the address, the pages started
 * coming from other servers, requests stopped being answered or were answered again. {@code who} is the role it is
 * about, or {@code tutor} for answers.
 */
public record TimelineEvent(long at, String who, Text text) {

    /** {@code [ 3.2 s] lb01 lost 10.0.0.100} in the given language. */
    public String line(dev.labtutor.i18n.Lang lang) {
        return String.format(java.util.Locale.ROOT, "[%6.1f s] %s", at / 1000.0, text.in(lang));
    }
}
