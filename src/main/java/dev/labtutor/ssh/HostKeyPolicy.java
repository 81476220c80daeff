package dev.labtutor.ssh;

import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accept-new policy over {@link KnownHostsStore}, or, when {@code pin} is given, only the key with that fingerprint (a
 * host whose key labtutor made itself); remembers what it decided for error reporting.
 */
final class HostKeyPolicy implements HostKeyVerifier {
    private final KnownHostsStore store;
    private final Optional<String> pin;
    volatile KnownHostsStore.Check result;
    volatile UncheckedIOException failure;
    /** The key the host offered, as {@code TYPE SHA256:...}, for evidence. */
    volatile String offered;

    HostKeyPolicy(KnownHostsStore store, Optional<String> pin) {
        this.store = store;
        this.pin = pin;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        offered = KeyType.fromKey(key) + " " + KnownHostsStore.fingerprint(key);
        if (pin.isPresent()) {
            boolean same = pin.get().equals(KnownHostsStore.fingerprint(key));
            result = same ? new KnownHostsStore.Check.Known() : new KnownHostsStore.Check.Changed(
                    KnownHostsStore.hostKey(hostname, port), List.of(pin.get()), offered);
            return same;
        }
        try {
            KnownHostsStore.Check c = store.check(hostname, port, key);
            if (result == null || !(c instanceof KnownHostsStore.Check.Known)) {
                result = c;
            }
            return !(c instanceof KnownHostsStore.Check.Changed);
        } catch (UncheckedIOException e) {
            failure = e;
            return false;
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        if (pin.isPresent()) {
            return List.of();
        }
        try {
            return store.keyTypes(hostname, port);
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }
}
