package dev.labtutor.check.fact;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sysctl settings a reboot would apply, as systemd-sysctl and {@code sysctl --system} read them: the last
 * assignment of each key (dotted form) wins, with the file and line it came from.
 */
public record PersistedSysctls(Map<String, Setting> settings, List<String> files) implements Fact {

    public record Setting(String value, String file, int line) {
    }

    public PersistedSysctls {
        settings = Map.copyOf(settings);
        files = List.copyOf(files);
    }

    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
