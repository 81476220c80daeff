package dev.labtutor.keepalived;

import java.util.Optional;

/** The effective global_defs (defaults when the block is absent: file null, line 0; VRRP version 2). */
public record GlobalDefs(Optional<String> routerId, boolean vrrpStrict, Optional<Double> vrrpGarpInterval,
        Optional<Double> vrrpGnaInterval, Optional<Double> vrrpGarpMasterDelay, boolean enableScriptSecurity,
        Optional<String> scriptUser, int vrrpVersion, String file, int line) {

    static GlobalDefs absent() {
        return new GlobalDefs(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), 2, null, 0);
    }
}
