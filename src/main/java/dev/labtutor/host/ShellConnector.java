package dev.labtutor.host;

/** Opens {@link RemoteShell}s. The SSH adapter is one; tests may supply local fakes. */
public interface ShellConnector {

    /**
     * Connects and authenticates.
     *
     * @throws HostException CONNECT_FAILED / CONNECT_TIMEOUT / AUTH_FAILED / HOST_KEY_CHANGED / NO_CREDENTIALS
     */
    RemoteShell open(HostSpec host) throws HostException;
}
