package dev.labtutor.lab;

/** Opens {@link RemoteShell}s. The SSH adapter is one; tests may supply local fakes. */
public interface ShellConnector {

    /**
     * Connects and authenticates.
     *
     * @throws HostException CONNECT_FAILED / CONNECT_TIMEOUT / AUTH_FAILED / HOST_KEY_CHANGED / NO_CREDENTIALS
     */
    RemoteShell open(HostSpec host) throws HostException;

    /**
     * As {@link #open(HostSpec)}, telling {@code progress} what it is doing; fakes need not say more than "connecting".
     */
    default RemoteShell open(HostSpec host, ConnectProgress progress) throws HostException {
        progress.connecting();
        return open(host);
    }
}
