package dev.labtutor.keepalived;

/** One virtual_ipaddress entry: address, prefix (32/128 when not written), optional dev and label. */
public record Vip(String address, int prefix, String dev, String label, String file, int line) {

    /** address/prefix, the form compared across hosts. */
    public String cidr() {
        return address + "/" + prefix;
    }
}
