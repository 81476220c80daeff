package dev.labtutor.keepalived;

import java.util.List;

/** A vrrp_sync_group and the instance names in its group block. */
public record SyncGroup(String name, List<String> instances, String file, int line) {
}
