package dev.labtutor.check;

/**
 * A check's verdict. FAIL means the host answered and the work is not right; UNREACHABLE means the host could not be
 * asked (connect, auth, timeout); ERROR means labtutor could not judge (host key changed, probe broke, check
 * misdefined). The three are never merged.
 */
public enum Status {
    PASS, FAIL, UNREACHABLE, ERROR;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
