package dev.labtutor.keepalived;

import java.util.Set;

/**
 * keepalived 2.2.7 keywords that the parser accepts without modelling them, per block, taken from keepalived.conf(5) of
 * 2.2.7 plus the old spellings it still accepts. A word that is not here and not modelled is reported as "Unknown
 * keyword", exactly where keepalived reports it.
 */
final class Keywords {

    private Keywords() {
    }

    static final Set<String> TOP_SIMPLE = Set.of("net_namespace", "net_namespace_ipvs", "namespace_with_ipsets",
            "instance", "use_pid_dir", "linkbeat_use_polling", "child_wait_time");

    static final Set<String> TOP_OPAQUE =
            Set.of("static_ipaddress", "static_routes", "static_rules", "garp_group", "vrrp_track_file", "track_file",
                    "vrrp_track_process", "track_process", "bfd_instance", "virtual_server_group", "SSL");

    static final Set<String> GLOBAL_SIMPLE = Set.of("tmp_config_directory", "config_save_dir", "process_names",
            "process_name", "vrrp_process_name", "checker_process_name", "bfd_process_name", "startup_script",
            "startup_script_timeout", "shutdown_script", "shutdown_script_timeout", "notification_email_from",
            "smtp_server", "smtp_helo_name", "smtp_connect_timeout", "smtp_alert", "smtp_alert_vrrp",
            "smtp_alert_checker", "checker_log_all_failures", "no_email_faults", "vrrp_mcast_group4",
            "vrrp_mcast_group6", "default_interface", "lvs_sync_daemon", "lvs_timeouts", "lvs_flush",
            "lvs_flush_on_stop", "vrrp_garp_master_repeat", "vrrp_garp_lower_prio_delay", "vrrp_down_timer_adverts",
            "vrrp_garp_lower_prio_repeat", "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat",
            "vrrp_min_garp", "vrrp_garp_extra_if", "vrrp_lower_prio_no_advert", "vrrp_higher_prio_send_advert",
            "nftables", "nftables_priority", "nftables_counters", "nftables_ifindex", "nftables_ipvs",
            "nftables_ipvs_priority", "nftables_ipvs_start_fwmark", "vrrp_iptables", "vrrp_ipsets",
            "vrrp_check_unicast_src", "vrrp_skip_check_adv_addr", "vrrp_notify_priority_changes", "max_auto_priority",
            "min_auto_priority_delay", "vrrp_priority", "checker_priority", "bfd_priority", "vrrp_no_swap",
            "checker_no_swap", "bfd_no_swap", "vrrp_cpu_affinity", "checker_cpu_affinity", "bfd_cpu_affinity",
            "vrrp_rt_priority", "checker_rt_priority", "bfd_rt_priority", "vrrp_rlimit_rttime", "checker_rlimit_rttime",
            "bfd_rlimit_rttime", "snmp_socket", "enable_snmp_vrrp", "enable_snmp_keepalived", "enable_snmp_checker",
            "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_traps", "enable_dbus",
            "dbus_service_name", "notify_fifo", "notify_fifo_script", "vrrp_notify_fifo", "vrrp_notify_fifo_script",
            "lvs_notify_fifo", "lvs_notify_fifo_script", "fifo_write_vrrp_states_on_reload", "dynamic_interfaces",
            "vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
            "vrrp_netlink_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force",
            "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs",
            "process_monitor_rcv_bufs_force", "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier", "rs_init_notifies",
            "no_checker_emails", "umask", "vrrp_startup_delay", "log_unknown_vrids", "vmac_prefix", "vmac_addr_prefix",
            "random_seed", "reload_check_config", "include_check", "reload_time_file", "reload_repeat", "reload_file",
            "data_use_instance", "lvs_id", "lvs_sync_daemon_interface", "vrrp_iptables_chain", "checker_rlimit",
            "bfd_rlimit", "vrrp_rlimit", "script_security");

    static final Set<String> GLOBAL_OPAQUE = Set.of("notification_email", "linkbeat_interfaces", "track_group");

    static final Set<String> INSTANCE_SIMPLE = Set.of("vrf", "use_vmac", "use_vmac_addr", "vmac_xmit_base",
            "use_ipvlan", "native_ipv6", "dont_track_primary", "mcast_src_ip", "mcast_dst_ip", "track_src_ip",
            "check_unicast_src", "unicast_fault_no_peer", "unicast_ttl", "old_unicast_checksum", "garp_master_delay",
            "garp_master_repeat", "garp_lower_prio_delay", "garp_lower_prio_repeat", "garp_master_refresh",
            "garp_master_refresh_repeat", "garp_extra_if", "down_timer_adverts", "lower_prio_no_advert",
            "higher_prio_send_advert", "promote_secondaries", "skip_check_adv_addr", "strict_mode", "debug",
            "notify_master_rx_lower_pri", "notify_priority_changes", "notify_deleted", "smtp_alert",
            "kernel_rx_buf_size", "linkbeat_use_polling", "lvs_sync_daemon_interface", "sync_group_tracking_weight",
            "no_accept", "preempt");

    static final Set<String> INSTANCE_OPAQUE =
            Set.of("track_file", "track_process", "track_bfd", "virtual_routes", "virtual_rules");

    static final Set<String> SCRIPT_SIMPLE = Set.of("timeout", "user", "init_fail");

    static final Set<String> SYNC_SIMPLE =
            Set.of("notify_master", "notify_backup", "notify_fault", "notify_stop", "notify_deleted", "notify",
                    "notify_priority_changes", "smtp_alert", "global_tracking", "sync_group_tracking_weight");

    static final Set<String> SYNC_OPAQUE =
            Set.of("track_interface", "track_script", "track_file", "track_process", "track_bfd");

    static final Set<String> VS_SIMPLE = Set.of("nat_mask", "persistence_engine", "persistence_granularity",
            "ha_suspend", "smtp_alert", "virtualhost", "snmp_name", "alpha", "omega", "hysteresis", "quorum_up",
            "quorum_down", "ip_family", "sorry_server_inhibit", "sorry_server_lvs_method", "connect_timeout", "retry",
            "delay_before_retry", "warmup", "inhibit_on_failure", "ops", "sh-port", "sh-fallback", "mh-port",
            "mh-fallback", "flag-1", "flag-2", "flag-3", "one_packet_scheduling");

    static final Set<String> RS_SIMPLE = Set.of("lvs_method", "notify_up", "notify_down", "uthreshold", "lthreshold",
            "smtp_alert", "virtualhost", "snmp_name", "alpha", "connect_timeout", "retry", "delay_before_retry",
            "warmup", "delay_loop", "inhibit_on_failure");

    static final Set<String> CHECKERS = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK",
            "DNS_CHECK", "BFD_CHECK", "PING_CHECK", "UDP_CHECK", "FILE_CHECK");

    /** The checkers whose keywords are modelled exactly; the others are read leniently. */
    static final Set<String> STRICT_CHECKERS = Set.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK");

    /** lvs_sched values keepalived 2.2.7 accepts. */
    static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh", "twos");

    static final Set<String> LB_KINDS = Set.of("NAT", "DR", "TUN");
}
