package dev.labtutor.sandbox;

/**
 * One running sandbox host as a caller sees it.
 *
 * @param namespace network namespace name ({@code ip netns list})
 * @param address the host's address on {@code iface}, where its sshd listens on port 22
 * @param hostname what {@code hostname} prints inside the host: the role id
 */
public record SandboxHost(SandboxRole role, String namespace, String address, String iface, String hostname) {
}
