package dev.labtutor.keepalived;

import java.util.Optional;

/** A vrrp_script block; interval defaults to 1 s, weight 0, rise and fall 1, as in keepalived. */
public record VrrpScript(String name, Optional<String> script, double interval, int weight, int rise, int fall,
        String file, int line) {
}
