package dev.labtutor.keepalived;

import java.util.List;

/** One logical line as keepalived's parser sees it: already split at braces, into words. */
record Stmt(String file, int line, List<String> words) {

    String first() {
        return words.get(0);
    }

    String last() {
        return words.get(words.size() - 1);
    }

    int size() {
        return words.size();
    }

    String word(int i) {
        return i < words.size() ? words.get(i) : null;
    }

    boolean is(String s) {
        return words.size() == 1 && words.get(0).equals(s);
    }
}
