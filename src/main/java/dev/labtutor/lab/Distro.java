package dev.labtutor.lab;

import dev.labtutor.keepalived.KeepalivedRules;
import java.util.Objects;
import java.util.Optional;

/**
 * What one host runs, as detected in the first probe round: its {@code /etc/os-release} identity, the package manager
 * found on it, the keepalived version it has (if any) and the {@link Family} these make. {@code family} is empty when
 * nothing told (then the course's default text and checks apply).
 *
 * @param id os-release {@code ID} ({@code openEuler}, {@code rocky}, {@code centos}, {@code ubuntu}), or empty
 * @param versionId os-release {@code VERSION_ID} ({@code 24.03}, {@code 9.4}, {@code 7}), or empty
 * @param name os-release {@code NAME} ({@code CentOS Linux}), or empty
 * @param packageManager {@code dnf}, {@code yum}, {@code apt-get}, or empty
 * @param keepalivedVersion e.g. {@code 1.3.5} from {@code keepalived -v}, or empty when keepalived is not installed
 */
public record Distro(String id, String versionId, String name, String packageManager,
        Optional<String> keepalivedVersion, Optional<Family> family) {

    public Distro {
        Objects.requireNonNull(id);
        Objects.requireNonNull(versionId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(packageManager);
        Objects.requireNonNull(keepalivedVersion);
        Objects.requireNonNull(family);
    }

    /** The family, or the document's (openEuler) when nothing told. */
    public Family familyOrDefault() {
        return family.orElse(Family.OPENEULER);
    }

    /**
     * Short words for a screen beside the host: {@code CentOS Linux 7 · keepalived 1.3.5}, {@code Ubuntu 24.04}.
     * The caller makes it terminal-safe; values come from the host.
     */
    public String display() {
        String os = (name.isEmpty() ? id : name) + (versionId.isEmpty() ? "" : " " + versionId);
        if (os.isBlank()) {
            os = packageManager.isEmpty() ? "?" : packageManager;
        }
        return os.strip() + keepalivedVersion.map(v -> " · keepalived " + v).orElse("");
    }

    /**
     * True when this host's keepalived speaks the 1.x grammar and log format (no {@code -t}, no {@code $VAR},
     * {@code VRRP_Instance(VI_1) Entering MASTER STATE}): its version when known, else a CentOS 7 family.
     */
    public boolean keepalived1() {
        return keepalivedVersion.flatMap(KeepalivedRules::forVersion).map(r -> r == KeepalivedRules.V1_3_5)
                .orElse(family.filter(f -> f == Family.CENTOS7).isPresent());
    }
}
