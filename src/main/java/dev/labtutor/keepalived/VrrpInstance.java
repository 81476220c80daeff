package dev.labtutor.keepalived;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A vrrp_instance with keepalived's effective values: {@code state} is what keepalived uses (anything but MASTER is
 * BACKUP) while {@code stateWritten} is the text in the file; {@code priority} is 255 for an unset MASTER, 100
 * otherwise or when invalid; {@code advertInt} defaults to 1 and is rounded to whole seconds under VRRP {@code version}
 * 2 (the effective version: the instance's, else 3 for IPv6, else global_defs' vrrp_version, else 2); {@code authPass}
 * is truncated to 8 characters as keepalived does.
 */
public record VrrpInstance(String name, VrrpState state, Optional<String> stateWritten, Optional<String> interfaceName,
        OptionalInt virtualRouterId, int priority, boolean priorityWritten, int version, double advertInt,
        Optional<String> authType, Optional<String> authPass, Optional<String> authPassWritten, List<Vip> vips,
        List<Vip> excludedVips, boolean nopreempt, Optional<Double> preemptDelay, boolean accept,
        Optional<String> unicastSrcIp, List<String> unicastPeers, List<String> trackInterfaces,
        List<String> trackScripts, Map<String, String> notifyScripts, String file, int line) {

    /** The VIPs as address/prefix strings, in file order. */
    public List<String> vipCidrs() {
        return vips.stream().map(Vip::cidr).toList();
    }
}
