package dev.labtutor.keepalived;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * keepalived's {@code process_stream} over {@link ConfigReader} statements: a keyword tree per block, "Unknown keyword"
 * for anything else (an unknown keyword's '{' is then "Unexpected" and the block's '}' closes the enclosing block
 * early, as in keepalived), value blocks read like {@code alloc_value_block}, and the checks keepalived makes when it
 * completes each instance.
 */
final class ConfigParser {

    private final ParseOptions options;
    private final DiagnosticSink sink = new DiagnosticSink();
    private final ConfigReader reader;
    private Stmt pushback;

    private GlobalDefs globals = GlobalDefs.absent();
    private final List<InstanceBuilder> instances = new ArrayList<>();
    private final List<ScriptBuilder> scripts = new ArrayList<>();
    private final List<SyncGroup> syncGroups = new ArrayList<>();
    private final List<VsBuilder> virtualServers = new ArrayList<>();

    private final Block top;
    /** The HTTP_GET and SSL_GET checker blocks (1.3.5 knows nb_get_retry there, not retry). */
    private final Set<Block> httpGetBlocks = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    ConfigParser(Source main, IncludeResolver includes, ParseOptions options) {
        this.options = options;
        this.reader = new ConfigReader(main, includes, options.configId(), sink, options.v135());
        this.top = buildTree();
    }

    ParseResult run() {
        process(top, false, 0);
        List<Stmt> open = reader.unclosedBraces();
        if (!open.isEmpty() && options.v135()) {
            Stmt first = open.get(0);
            // keepalived 1.3.5 says nothing, and nothing from the unclosed block on takes effect: no instance or
            // virtual server opened there runs, and what labtutor found after it is moot.
            String f = first.file();
            int at = first.line();
            instances.removeIf(i -> i.file.equals(f) && i.line >= at);
            virtualServers.removeIf(v -> v.file.equals(f) && v.line >= at);
            sink.removeIf(d -> d.file().equals(f) && d.line() > at);
            sink.error(f, at, "missing-brace",
                    "少了 " + open.size()
                            + " 个 '}'（或多了 '{'）：这一行打开的块没有关闭。keepalived 1.3.5 不会报告这个错误，但从这里开始的配置都不会生效（这个实例不会启动）。请补上 '}'。",
                    "There are " + open.size()
                            + " missing '}'s or extra '{'s: the block opened here is never closed. keepalived 1.3.5 does not report this, yet nothing from here on takes effect (this instance does not start). Add the '}'.");
        } else if (!open.isEmpty()) {
            Stmt first = open.get(0);
            sink.error(first.file(), first.line(), "missing-brace",
                    "少了 " + open.size() + " 个 '}'（或多了 '{'）：这一行打开的块没有关闭，它后面的配置都被 keepalived 当成了这个块的内容。",
                    "There are " + open.size()
                            + " missing '}'s or extra '{'s: the block opened here is never closed, so keepalived reads everything after it as part of this block.");
        }
        KeepalivedConfig config = complete();
        if (options.v135()) {
            sink.markRules(options.rules());
        }
        return new ParseResult(config, sink.all());
    }

    // ---------------------------------------------------------------- keyword tree

    @FunctionalInterface
    private interface Handler {
        void handle(Stmt s);
    }

    private enum Kind {
        SIMPLE, SUB, OPAQUE
    }

    private record Kw(Kind kind, Handler handler, Block sub, Runnable close) {
    }

    private static final class Block {
        final Map<String, Kw> keywords = new HashMap<>();
        final boolean lenient;

        Block(boolean lenient) {
            this.lenient = lenient;
        }

        Block simple(String name, Handler h) {
            keywords.put(name, new Kw(Kind.SIMPLE, h, null, null));
            return this;
        }

        Block simple(Set<String> names) {
            names.forEach(n -> keywords.putIfAbsent(n, new Kw(Kind.SIMPLE, s -> {
            }, null, null)));
            return this;
        }

        Block opaque(Set<String> names) {
            names.forEach(n -> keywords.putIfAbsent(n, new Kw(Kind.OPAQUE, null, null, null)));
            return this;
        }

        Block sub(String name, Handler open, Block sub, Runnable close) {
            keywords.put(name, new Kw(Kind.SUB, open, sub, close));
            return this;
        }
    }

    private Block buildTree() {
        Block t = new Block(false);
        t.simple(Keywords.TOP_SIMPLE).opaque(Keywords.TOP_OPAQUE);

        Block global = new Block(false);
        global.simple("router_id", s -> {
            if (s.size() < 2) {
                sink.error(s.file(), s.line(), "router-id-missing", "router_id 后面缺少名字，已被忽略。",
                        "routerid name missing - ignoring.");
            } else {
                globals = withGlobals(g -> g.routerId = Optional.of(s.word(1)));
            }
        });
        global.simple("vrrp_strict", s -> globals = withGlobals(g -> g.strict = true));
        global.simple("enable_script_security", s -> globals = withGlobals(g -> g.scriptSecurity = true));
        global.simple("script_user", s -> {
            if (need(s, 1)) {
                globals = withGlobals(g -> g.scriptUser = Optional.of(s.word(1)));
            }
        });
        global.simple("vrrp_garp_interval", s -> garpLike(s, "vrrp_garp_interval", v -> g -> g.garp = Optional.of(v)));
        global.simple("vrrp_gna_interval", s -> garpLike(s, "vrrp_gna_interval", v -> g -> g.gna = Optional.of(v)));
        number(global, "vrrp_garp_master_delay", (s, w) -> unsigned(s, w, 0, 255, "invalid-number"),
                v -> globals = withGlobals(g -> g.garpMasterDelay = Optional.of(v.doubleValue())));
        global.simple("vrrp_version", s -> {
            if (!need(s, 1)) {
                return;
            }
            if (s.word(1).equals("2") || s.word(1).equals("3")) {
                globals = withGlobals(g -> g.vrrpVersion = Integer.parseInt(s.word(1)));
            } else {
                sink.error(s.file(), s.line(), "vrrp-version-invalid", "vrrp_version 只能是 2 或 3。",
                        "VRRP Error: Version must be either 2 or 3.");
            }
        });
        global.simple(Keywords.GLOBAL_SIMPLE).opaque(Keywords.GLOBAL_OPAQUE);
        t.sub("global_defs", s -> globals = withGlobals(g -> {
            g.file = s.file();
            g.line = s.line();
        }), global, null);

        t.sub("vrrp_instance", this::openInstance, instanceBlock(), null);

        Block script = new Block(false);
        script.simple("script", s -> {
            if (need(s, 1)) {
                cur(scripts).script = Optional.of(String.join(" ", s.words().subList(1, s.size())));
            }
        });
        number(script, "interval", (s, w) -> dbl(s, w, 0.000001, 4294.0, "invalid-number"),
                v -> cur(scripts).interval = v);
        number(script, "weight", (s, w) -> signed(s, w, -253, 253), v -> cur(scripts).weight = v.intValue());
        number(script, "rise", (s, w) -> unsigned(s, w, 1, Integer.MAX_VALUE, "invalid-number"),
                v -> cur(scripts).rise = v.intValue());
        number(script, "fall", (s, w) -> unsigned(s, w, 1, Integer.MAX_VALUE, "invalid-number"),
                v -> cur(scripts).fall = v.intValue());
        script.simple(Keywords.SCRIPT_SIMPLE);
        Handler openScript = s -> {
            ScriptBuilder b = new ScriptBuilder();
            b.name = s.size() > 1 ? s.word(1) : "";
            b.file = s.file();
            b.line = s.line();
            scripts.add(b);
        };
        t.sub("vrrp_script", openScript, script, null);
        t.sub("vrrp_track_script", openScript, script, null);

        Block sync = new Block(false);
        sync.simple("group", s -> {
            List<String> members = new ArrayList<>();
            for (Stmt item : valueBlock(s)) {
                members.addAll(item.words());
            }
            SyncGroup g = syncGroups.remove(syncGroups.size() - 1);
            syncGroups.add(new SyncGroup(g.name(), List.copyOf(members), g.file(), g.line()));
        });
        sync.simple(Keywords.SYNC_SIMPLE).opaque(Keywords.SYNC_OPAQUE);
        t.sub("vrrp_sync_group",
                s -> syncGroups.add(new SyncGroup(s.size() > 1 ? s.word(1) : "", List.of(), s.file(), s.line())), sync,
                null);

        t.sub("virtual_server", this::openVirtualServer, virtualServerBlock(), null);
        return t;
    }

    private Block instanceBlock() {
        Block b = new Block(false);
        b.simple("state", s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            i.stateWritten = Optional.of(s.word(1));
            if (s.word(1).equals("MASTER")) {
                i.state = VrrpState.MASTER;
            } else if (s.word(1).equals("BACKUP")) {
                i.state = VrrpState.BACKUP;
            } else {
                i.state = VrrpState.BACKUP;
                String hint = s.word(1).equalsIgnoreCase("MASTER") || s.word(1).equalsIgnoreCase("BACKUP")
                        ? s.word(1).toUpperCase(java.util.Locale.ROOT) : "MASTER 或 BACKUP";
                String hintEn = hint.startsWith("MASTER 或") ? "MASTER or BACKUP" : hint;
                sink.error(s.file(), s.line(), "state-unknown",
                        "(" + i.name + ") 未知的 state '" + s.word(1)
                                + "'：keepalived 会报告这一行（defaulting to BACKUP）并按 BACKUP 运行。关键字和取值区分大小写，请写 " + hint + "。",
                        "(" + i.name + ") unknown state '" + s.word(1)
                                + "', defaulting to BACKUP: keepalived logs this and runs the instance as BACKUP. Keywords and values are case-sensitive: write "
                                + hintEn + ".");
            }
        });
        b.simple("interface", s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            String name = s.word(1);
            if (name.equals("lo")) {
                i.interfaceName = Optional.empty();
                i.loopback = true;
                sink.error(s.file(), s.line(), "interface-loopback",
                        "(" + i.name + ") 不能把回环接口 lo 用作 VRRP 接口，keepalived 会忽略它。请写实际连接其他主机的网卡名（用 ip a 查看）。",
                        "(" + i.name
                                + ") cannot use a loopback interface (lo) for vrrp - keepalived ignores it. Name the NIC that reaches the other hosts (see 'ip a').");
                return;
            }
            i.interfaceName = Optional.of(name);
            if (options.hostInterfaces().isPresent() && !options.hostInterfaces().get().contains(name)) {
                sink.error(s.file(), s.line(), "interface-missing",
                        "(" + i.name + ") 本机没有网卡 " + name + "。用 ip -br link 查看本机的网卡名，再改这里。",
                        "(" + i.name + ") interface " + name
                                + " doesn't exist on this host. Run ip -br link to see the host's interface names and fix this line.");
            }
        });
        b.simple("virtual_router_id", s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            Long v = unsigned(s, s.word(1), 1, 255, null);
            if (v == null) {
                i.vridInvalid = true;
                sink.error(s.file(), s.line(), "vrid-range",
                        "(" + i.name + ") virtual_router_id '" + s.word(1) + "' 无效，必须是 1 到 255 之间的整数；同一组的所有主机必须写同一个值。",
                        "(" + i.name + "): VRID '" + s.word(1)
                                + "' not valid - must be between 1 & 255; every host of the group must use the same value.");
            } else {
                i.vrid = OptionalInt.of(v.intValue());
            }
        });
        b.simple("priority", s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            Long v = unsigned(s, s.word(1), 1, 255, null);
            if (v == null) {
                i.priority = 100;
                i.priorityWritten = false;
                i.priorityInvalid = true;
                sink.error(s.file(), s.line(), "priority-range",
                        "(" + i.name + ") priority '" + s.word(1) + "' 无效，必须在 1 到 255 之间；keepalived 改用默认值 100。",
                        "(" + i.name
                                + ") Priority not valid! must be between 1 & 255; keepalived uses the default 100.");
            } else {
                i.priority = v.intValue();
                i.priorityWritten = true;
                i.priorityInvalid = false;
            }
        });
        b.simple("advert_int", s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            Double v = dbl(s, s.word(1), 0.01, 255, "advert-int-range");
            if (v == null || v <= 0) {
                sink.error(s.file(), s.line(), "advert-int-range",
                        "(" + i.name + ") advert_int '" + s.word(1) + "' 无效，必须大于 0（最多 255 秒），keepalived 忽略它而用 1 秒。",
                        "(" + i.name + ") Advert interval (" + s.word(1)
                                + ") not valid! Must be > 0 (at most 255 s); keepalived ignores it and uses 1 s.");
            } else {
                i.advertInt = v;
                i.advertLine = s.line();
            }
        });
        Block auth = new Block(false);
        instanceChoice(auth, "auth_type", Set.of("PASS", "AH"), (i, w) -> i.authType = Optional.of(w),
                "auth-type-unknown", (name, w) -> "(" + name + ") 未知的认证类型 '" + w + "'。取值区分大小写，请写 PASS（或 AH）。",
                (name, w) -> "(" + name + ") unknown authentication type '" + w
                        + "'. Values are case-sensitive: write PASS (or AH).");
        auth.simple("auth_pass", s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            String pass = s.word(1);
            i.authPassWritten = Optional.of(pass);
            if (pass.length() > 8) {
                sink.error(s.file(), s.line(), "auth-pass-truncated",
                        "(" + i.name + ") auth_pass 超过 8 个字符，keepalived 只用前 8 个（'" + pass.substring(0, 8)
                                + "'）。另一台主机上的密码也只比较前 8 个字符。",
                        "(" + i.name + ") Truncating auth_pass to 8 characters ('" + pass.substring(0, 8)
                                + "'); only the first 8 characters count on the other hosts too.");
                pass = pass.substring(0, 8);
            }
            i.authPass = Optional.of(pass);
        });
        b.sub("authentication", s -> {
        }, auth, null);
        b.simple("virtual_ipaddress", s -> cur(instances).vips.addAll(vips(s)));
        b.simple("virtual_ipaddress_excluded", s -> cur(instances).excluded.addAll(vips(s)));
        b.simple("nopreempt", s -> {
            cur(instances).nopreempt = true;
            cur(instances).nopreemptLine = s.line();
        });
        number(b, "preempt_delay", (s, w) -> dbl(s, w, 0, 1000, "invalid-number"),
                v -> cur(instances).preemptDelay = Optional.of(v));
        b.simple("accept", s -> cur(instances).accept = true);
        b.simple("unicast_src_ip", s -> {
            if (need(s, 1)) {
                cur(instances).unicastSrc = Optional.of(s.word(1));
            }
        });
        b.simple("unicast_peer", s -> {
            for (Stmt item : valueBlock(s)) {
                cur(instances).peers.add(item.first());
            }
        });
        b.simple("track_interface", s -> {
            for (Stmt item : valueBlock(s)) {
                cur(instances).trackInterfaces.add(item.first());
            }
        });
        b.simple("track_script", s -> {
            for (Stmt item : valueBlock(s)) {
                cur(instances).trackScripts.add(item.first());
                cur(instances).trackScriptLines.add(item.line());
            }
        });
        for (String n : List.of("notify_master", "notify_backup", "notify_fault", "notify_stop", "notify")) {
            b.simple(n, s -> {
                if (need(s, 1)) {
                    cur(instances).notify.put(n, String.join(" ", s.words().subList(1, s.size())));
                    cur(instances).notifyLine = s.line();
                }
            });
        }
        instanceChoice(b, "version", Set.of("2", "3"), (i, w) -> i.version = Integer.parseInt(w),
                "vrrp-version-invalid", (name, w) -> "(" + name + ") version 只能是 2 或 3。",
                (name, w) -> "(" + name + "): Version must be either 2 or 3.");
        b.simple(Keywords.INSTANCE_SIMPLE).opaque(Keywords.INSTANCE_OPAQUE);
        return b;
    }

    private Block virtualServerBlock() {
        Block vs = new Block(false);
        Handler algo = s -> {
            if (!need(s, 1)) {
                return;
            }
            if (Keywords.SCHEDULERS.contains(s.word(1))) {
                cur(virtualServers).lbAlgo = s.word(1);
            } else if (options.v135()) {
                cur(virtualServers).lbAlgo = s.word(1);
                sink.error(s.file(), s.line(), "lb-algo-unknown", "调度算法 '" + s.word(1)
                        + "' 不存在：keepalived 1.3.5 照单全收，但内核拒绝它（IPVS: Scheduler or persistence engine not found），这个虚拟服务不会建立。常用的写法：rr、wrr、lc、wlc（小写）。",
                        "There is no scheduler '" + s.word(1)
                                + "': keepalived 1.3.5 takes it as written and the kernel refuses it (IPVS: Scheduler or persistence engine not found), so this virtual service is not created. Common values: rr, wrr, lc, wlc (lower case).");
            } else {
                sink.error(s.file(), s.line(), "lb-algo-unknown",
                        "无效的调度算法 '" + s.word(1) + "'，keepalived 忽略它并使用默认的 wlc。常用的写法：rr、wrr、lc、wlc（小写）。",
                        "Invalid lvs_scheduler '" + s.word(1)
                                + "' - ignoring; keepalived uses the default 'wlc'. Common values: rr, wrr, lc, wlc (lower case).");
            }
        };
        vs.simple("lb_algo", algo).simple("lvs_sched", algo);
        Handler kind = s -> {
            if (!need(s, 1)) {
                return;
            }
            if (Keywords.LB_KINDS.contains(s.word(1))) {
                cur(virtualServers).lbKind = s.word(1);
            } else {
                String up = s.word(1).toUpperCase(java.util.Locale.ROOT);
                String hint = Keywords.LB_KINDS.contains(up) ? up : "NAT、DR 或 TUN";
                String hintEn = Keywords.LB_KINDS.contains(up) ? up : "NAT, DR or TUN";
                String method = options.v135() ? "PARSER : unknown [" + s.word(1) + "] routing method"
                        : "unknown [" + s.word(1) + "] routing method for virtual server";
                sink.error(s.file(), s.line(), "lb-kind-unknown",
                        "未知的转发方式 [" + s.word(1) + "]：keepalived 会报告这一行并改用 NAT。取值区分大小写，请写 " + hint + "。",
                        method + ": keepalived logs this and falls back to NAT. Values are case-sensitive: write "
                                + hintEn + ".");
            }
        };
        vs.simple("lb_kind", kind).simple("lvs_method", kind);
        vs.simple("protocol", s -> {
            if (need(s, 1)) {
                if (Set.of("TCP", "UDP", "SCTP").contains(s.word(1))) {
                    cur(virtualServers).protocol = s.word(1);
                    cur(virtualServers).protocolLine = s.line();
                } else {
                    sink.error(s.file(), s.line(), "protocol-unknown",
                            "未知的协议 '" + s.word(1) + "'，请写 TCP、UDP 或 SCTP（大写）。",
                            "Unknown protocol '" + s.word(1) + "'; write TCP, UDP or SCTP (upper case).");
                }
            }
        });
        number(vs, "persistence_timeout", (s, w) -> unsigned(s, w, 1, Integer.MAX_VALUE, "invalid-number"),
                v -> cur(virtualServers).persistence = OptionalInt.of(v.intValue()));
        number(vs, "delay_loop", (s, w) -> dbl(s, w, 0.000001, 4294.0, "invalid-number"),
                v -> cur(virtualServers).delayLoop = v);
        number(vs, "quorum", (s, w) -> unsigned(s, w, 1, Integer.MAX_VALUE, "invalid-number"),
                v -> cur(virtualServers).quorum = OptionalInt.of(v.intValue()));
        vs.simple("sorry_server", s -> {
            if (need(s, 1)) {
                cur(virtualServers).sorry = Optional.of(String.join(" ", s.words().subList(1, s.size())));
            }
        });
        vs.simple(Keywords.VS_SIMPLE);

        Block rs = new Block(false);
        rs.simple("weight", s -> {
            if (!need(s, 1)) {
                return;
            }
            String w = s.word(1).strip();
            Long v = null;
            boolean numeric = w.matches("[-+]?[0-9]+");
            if (numeric) {
                try {
                    v = Long.parseLong(w.startsWith("+") ? w.substring(1) : w);
                } catch (NumberFormatException e) {
                    v = Long.MAX_VALUE;
                }
            }
            if (!numeric) {
                invalidNumber(s, s.word(1), "invalid-number");
            } else if (v < 0 && options.v135()) {
                sink.error(s.file(), s.line(), "rs-weight-range", "real_server 的 weight " + s.word(1)
                        + " 是负数：keepalived 1.3.5 照单全收，但内核拒绝这台 real_server（IPVS: Numerical result out of range），它不会进入调度。weight 必须在 0 到 2147483647 之间。",
                        "Real server weight " + s.word(1)
                                + " is negative: keepalived 1.3.5 takes it and the kernel refuses this real server (IPVS: Numerical result out of range), so it never joins the pool. The weight must be within 0-2147483647.");
            } else if (v < 0 || v > Integer.MAX_VALUE) {
                sink.error(s.file(), s.line(), "rs-weight-range",
                        "real_server 的 weight " + s.word(1) + " 超出范围，必须在 0 到 2147483647 之间。",
                        "Real server weight " + s.word(1) + " is outside range 0-2147483647.");
            } else {
                cur(cur(virtualServers).reals).weight = v.intValue();
            }
        });
        rs.simple(Keywords.RS_SIMPLE);
        Block lenient = new Block(true);
        for (String c : Keywords.CHECKERS) {
            boolean modelled = Keywords.STRICT_CHECKERS.contains(c);
            rs.sub(c, s -> {
                CheckBuilder cb = new CheckBuilder();
                cb.type = c;
                cb.file = s.file();
                cb.line = s.line();
                cur(cur(virtualServers).reals).checks.add(cb);
            }, modelled ? checkerBlock(c) : lenient, modelled ? this::closeChecker : null);
        }
        vs.sub("real_server", s -> {
            RsBuilder r = new RsBuilder();
            r.address = s.size() > 1 ? s.word(1) : "";
            if (s.size() > 2) {
                Long p = unsigned(s, s.word(2), 0, 65535, "invalid-number");
                r.port = p == null ? OptionalInt.empty() : OptionalInt.of(p.intValue());
            }
            r.file = s.file();
            r.line = s.line();
            cur(virtualServers).reals.add(r);
        }, rs, null);
        return vs;
    }

    private CheckBuilder lastCheck() {
        List<CheckBuilder> checks = cur(cur(virtualServers).reals).checks;
        return checks.get(checks.size() - 1);
    }

    /**
     * The keywords keepalived 2.2.7 installs for one checker (check_api.c {@code install_checker_common_keywords},
     * check_tcp.c, check_http.c, check_misc.c): anything else, such as the 1.x {@code nb_get_retry} inside TCP_CHECK,
     * is an unknown keyword there. MISC_CHECK takes no connection keywords (not even connect_timeout).
     */
    private Block checkerBlock(String type) {
        Block b = new Block(false);
        if (!type.equals("MISC_CHECK")) {
            b.simple("connect_ip", s -> {
                if (need(s, 1) && !Addresses.isIpv4(s.word(1)) && !Addresses.isIpv6(s.word(1))) {
                    checkerValue(s, "connect_ip 地址 " + s.word(1) + " 无效，已被忽略。",
                            "Invalid connect_ip address " + s.word(1) + " - ignoring");
                }
            });
            b.simple("connect_port", s -> {
                if (need(s, 1)) {
                    Long v = unsigned(s, s.word(1), 1, 65535, "checker-value-invalid");
                    if (v == null) {
                        checkerValue(s, "检查端口 connect_port '" + s.word(1) + "' 无效（1-65535）。",
                                "Invalid checker connect_port '" + s.word(1) + "'");
                    } else {
                        lastCheck().port = OptionalInt.of(v.intValue());
                    }
                }
            });
            b.simple("bindto", s -> {
                if (need(s, 1) && !Addresses.isIpv4(s.word(1)) && !Addresses.isIpv6(s.word(1))) {
                    checkerValue(s, "bindto 地址 " + s.word(1) + " 无效，已被忽略。",
                            "Invalid bindto address " + s.word(1) + " - ignoring");
                }
            });
            b.simple("bind_port", s -> {
                if (need(s, 1) && unsigned(s, s.word(1), 1, 65535, "checker-value-invalid") == null) {
                    checkerValue(s, "bind_port '" + s.word(1) + "' 无效（1-65535）。",
                            "Invalid checker bind_port '" + s.word(1) + "'");
                }
            });
            b.simple("bind_if", s -> {
                if (need(s, 1) && s.word(1).length() > 15) {
                    checkerValue(s, "网卡名 " + s.word(1) + " 太长，已被忽略。",
                            "Interface name " + s.word(1) + " is too long - ignoring");
                }
            });
            b.simple("connect_timeout", s -> {
                if (need(s, 1)) {
                    Double v = timer(s, s.word(1), 0.000001, 4294.967295);
                    if (v == null) {
                        checkerValue(s, "connect_timeout " + s.word(1) + " 无效，已被忽略（单位秒，大于 0）。",
                                "connect_timeout " + s.word(1) + " invalid - ignoring");
                    } else {
                        lastCheck().timeout = Optional.of(v);
                    }
                }
            });
            b.simple("fwmark", s -> {
                if (need(s, 1) && unsigned(s, s.word(1), 0, 4294967295L, "checker-value-invalid") == null) {
                    checkerValue(s, "fwmark '" + s.word(1) + "' 无效。",
                            "Invalid fwmark connection value '" + s.word(1) + "'");
                }
            });
        }
        if (!(options.v135() && (type.equals("HTTP_GET") || type.equals("SSL_GET")))) {
            // keepalived 1.3.5's HTTP_GET and SSL_GET know only nb_get_retry.
            b.simple("retry", s -> retry(s, "retry", "（0 或正整数）", "Invalid retry connection value"));
        }
        b.simple("delay_before_retry", s -> {
            if (need(s, 1) && timer(s, s.word(1), 0, 18446744073709.551614) == null) {
                checkerValue(s, "delay_before_retry '" + s.word(1) + "' 无效。",
                        "Invalid delay_before_retry connection value '" + s.word(1) + "'");
            }
        });
        b.simple("warmup", s -> {
            if (need(s, 1) && timer(s, s.word(1), 0, 18446744073709.551614) == null) {
                checkerValue(s, "warmup '" + s.word(1) + "' 无效。",
                        "Invalid warmup connection value '" + s.word(1) + "'");
            }
        });
        b.simple("delay_loop", s -> {
            if (need(s, 1) && timer(s, s.word(1), 0.000001, 18446744073709.551614) == null) {
                checkerValue(s, "delay_loop '" + s.word(1) + "' 无效，已被忽略（单位秒，大于 0）。",
                        "delay_loop '" + s.word(1) + "' is invalid - ignoring");
            }
        });
        for (String flag : List.of("alpha", "log_all_failures")) {
            b.simple(flag, s -> trueFalse(s, flag));
        }
        switch (type) {
            case "HTTP_GET", "SSL_GET" -> {
                httpGetBlocks.add(b);
                b.simple("nb_get_retry", s -> {
                    if (options.v135()) {
                        retry(s, "nb_get_retry", "", "Invalid nb_get_retry value");
                        return;
                    }
                    sink.error(s.file(), s.line(), "nb-get-retry-deprecated",
                            "nb_get_retry 是 keepalived 1.x 的写法，2.x 中已废弃（keepalived -t 会报告它），请改用 retry。",
                            "nb_get_retry is deprecated - please use 'retry' (the keepalived 1.x spelling; keepalived -t reports it).");
                    retry(s, "nb_get_retry", "", "Invalid nb_get_retry value");
                });
                b.simple("virtualhost", s -> {
                    if (s.size() < 2) {
                        checkerValue(s, "virtualhost 后面缺少主机名。", "HTTP_GET virtualhost name missing");
                    }
                });
                b.simple("http_protocol", s -> {
                    if (s.size() < 2) {
                        checkerValue(s, "http_protocol 后面缺少版本。", "Missing http_protocol version");
                    } else if (!Set.of("1.0", "1.1", "1.0C", "1.0c").contains(s.word(1))) {
                        checkerValue(s, "http_protocol 版本 " + s.word(1) + " 无效（1.0、1.1 或 1.0C）。",
                                "Invalid http_protocol version " + s.word(1));
                    }
                });
                b.simple("enable_sni", s -> trueFalse(s, "enable_sni"));
                b.simple("fast_recovery", s -> trueFalse(s, "fast_recovery"));
                b.sub("url", s -> lastCheck().urls.add(new UrlBuilder(s.file(), s.line())), urlBlock(), this::closeUrl);
            }
            case "MISC_CHECK" -> {
                b.simple("misc_path", s -> {
                    if (need(s, 1)) {
                        lastCheck().miscPath = Optional.of(String.join(" ", s.words().subList(1, s.size())));
                        lastCheck().miscLine = s.line();
                    }
                });
                b.simple("misc_timeout", s -> {
                    if (need(s, 1) && unsigned(s, s.word(1), 0, 4294967L, "checker-value-invalid") == null) {
                        checkerValue(s, "misc_timeout '" + s.word(1) + "' 无效。",
                                "Invalid misc_timeout value '" + s.word(1) + "'");
                    }
                });
                b.simple("misc_dynamic", s -> {
                });
                b.simple("user", s -> {
                    if (s.size() < 2) {
                        checkerValue(s, "user 后面缺少用户名。", "No user specified for misc checker script");
                    }
                });
            }
            default -> {
            }
        }
        return b;
    }

    /**
     * An instance keyword whose one argument must be one of {@code allowed}, case-sensitive as in keepalived; otherwise
     * the error, its texts made from the instance's name and the word.
     */
    private void instanceChoice(Block block, String keyword, Set<String> allowed,
            java.util.function.BiConsumer<InstanceBuilder, String> set, String code,
            java.util.function.BinaryOperator<String> zh, java.util.function.BinaryOperator<String> en) {
        block.simple(keyword, s -> {
            if (!need(s, 1)) {
                return;
            }
            InstanceBuilder i = cur(instances);
            if (allowed.contains(s.word(1))) {
                set.accept(i, s.word(1));
            } else {
                sink.error(s.file(), s.line(), code, zh.apply(i.name, s.word(1)), en.apply(i.name, s.word(1)));
            }
        });
    }

    /**
     * A checker's retry count ({@code retry}, or 1.x's {@code nb_get_retry}), with keepalived's message for a bad
     * value.
     */
    private void retry(Stmt s, String keyword, String zhRange, String en) {
        if (need(s, 1)) {
            Long v = unsigned(s, s.word(1), 0, 4294967295L, "checker-value-invalid");
            if (v == null) {
                checkerValue(s, keyword + " '" + s.word(1) + "' 无效" + zhRange + "。", en + " '" + s.word(1) + "'");
            } else {
                lastCheck().retry = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, v));
            }
        }
    }

    private Block urlBlock() {
        Block u = new Block(false);
        u.simple("path", s -> {
            if (need(s, 1)) {
                cur(lastCheck().urls).path = true;
            }
        });
        u.simple("digest", s -> {
            if (!need(s, 1)) {
                return;
            }
            UrlBuilder url = cur(lastCheck().urls);
            String d = s.word(1);
            if (url.digest) {
                checkerValue(s, "重复的 digest '" + d + "'。", "Digest '" + d + "' is a duplicate");
            } else if (d.length() != 32) {
                checkerValue(s, "digest '" + d + "' 应为 32 个十六进制字符，而不是 " + d.length() + " 个（用 genhash 计算页面的 MD5）。",
                        "digest '" + d + "' character length should be 32 rather than " + d.length());
            } else if (!d.matches("[0-9A-Fa-f]{32}")) {
                checkerValue(s, "digest '" + d + "' 中有不是十六进制的字符。", "Unable to interpret hex digit in '" + d + "'");
            } else {
                url.digest = true;
            }
        });
        u.simple("status_code", s -> {
            for (int i = 1; i < s.size(); i++) {
                String w = s.word(i);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(?:-([0-9]+))?").matcher(w);
                boolean ok = m.matches();
                if (ok) {
                    long min = Long.parseLong(m.group(1).length() > 9 ? "9999" : m.group(1));
                    long max = m.group(2) == null ? min : Long.parseLong(m.group(2).length() > 9 ? "9999" : m.group(2));
                    ok = min >= 100 && max <= 599 && min <= max;
                }
                if (!ok) {
                    checkerValue(s, "status_code '" + w + "' 无效（100-599，可写范围如 200-299）。",
                            "Invalid HTTP_GET status code '" + w + "'");
                }
            }
        });
        u.simple("virtualhost", s -> {
            if (s.size() < 2) {
                checkerValue(s, "url 的 virtualhost 后面缺少主机名。", "Missing HTTP_GET virtualhost name");
            }
        });
        u.simple(Set.of("regex", "regex_no_match", "regex_options", "regex_min_offset", "regex_max_offset",
                "regex_stack"));
        return u;
    }

    private void closeUrl() {
        CheckBuilder c = lastCheck();
        UrlBuilder url = cur(c.urls);
        if (!url.path) {
            sink.error(url.file, url.line, "http-url-no-path", "这个 url 块没有 path，keepalived 会忽略它。写上要检查的页面，如 path /。",
                    "HTTP/SSL_GET checker url has no path - ignoring. Name the page to fetch, e.g. path /.");
            c.urls.remove(c.urls.size() - 1);
        }
    }

    private void closeChecker() {
        CheckBuilder c = lastCheck();
        int end = reader.line();
        if ((c.type.equals("HTTP_GET") || c.type.equals("SSL_GET")) && c.urls.isEmpty()) {
            sink.error(c.file, end, "http-no-url", c.type + " 没有任何带 path 的 url 块，keepalived 会忽略这个检查。",
                    "HTTP/SSL_GET checker has no urls specified - ignoring.");
            c.dropped = true;
        }
        if (c.type.equals("MISC_CHECK") && c.miscPath.isEmpty()) {
            sink.error(c.file, end, "misc-no-path", "MISC_CHECK 没有 misc_path（要运行的脚本），keepalived 会跳过这个检查。",
                    "No script path has been specified for MISC_CHECKER - skipping.");
            c.dropped = true;
        }
    }

    private void checkerValue(Stmt s, String zh, String en) {
        sink.error(s.file(), s.line(), "checker-value-invalid", zh, en + ".");
    }

    /** check_true_false(): an optional on/true/yes/off/false/no. */
    private void trueFalse(Stmt s, String keyword) {
        if (s.size() >= 2 && !Set.of("true", "on", "yes", "false", "off", "no").contains(s.word(1))) {
            checkerValue(s, keyword + " 的参数 " + s.word(1) + " 无效（true/false、on/off、yes/no）。",
                    "Invalid " + keyword + " parameter " + s.word(1));
        }
    }

    /**
     * read_timer(): seconds with at most 6 decimal places (more is reported and rounded), no sign, within [min, max];
     * null (and a diagnostic) when keepalived ignores the value.
     */
    private Double timer(Stmt s, String text, double min, double max) {
        String t = text.strip();
        if (t.startsWith("-")) {
            sink.error(s.file(), s.line(), "checker-value-invalid", "'" + text + "' 是负数。",
                    "negative number '" + text + "'.");
            return null;
        }
        int dot = t.indexOf('.');
        if (dot >= 0 && t.length() - dot - 1 > 6) {
            sink.error(s.file(), s.line(), "checker-value-invalid", "'" + text + "' 的小数位太多（最多 6 位）。",
                    "number '" + text + "' has too many decimal places.");
        }
        if (!t.matches("[0-9]*(\\.[0-9]*)?") || t.equals(".") || t.isEmpty()) {
            invalidNumber(s, text, "checker-value-invalid");
            return null;
        }
        double v = Double.parseDouble(t.endsWith(".") ? t + "0" : t.startsWith(".") ? "0" + t : t);
        if (v < min || v > max) {
            sink.error(s.file(), s.line(), "checker-value-invalid", "数字 '" + text + "' 超出范围。",
                    "number '" + text + "' outside range [" + min + ", " + max + "].");
            return null;
        }
        return v;
    }

    private void openInstance(Stmt s) {
        InstanceBuilder b = new InstanceBuilder();
        b.name = s.size() > 1 ? s.word(1) : "";
        b.file = s.file();
        b.line = s.line();
        if (s.size() < 2) {
            missingParameter(s, 1);
        }
        instances.add(b);
    }

    private void openVirtualServer(Stmt s) {
        VsBuilder b = new VsBuilder();
        b.file = s.file();
        b.line = s.line();
        if (s.size() < 2) {
            missingParameter(s, 1);
        } else if (s.word(1).equals("fwmark")) {
            b.kind = VirtualServer.Kind.FWMARK;
            b.address = s.size() > 2 ? s.word(2) : "";
        } else if (s.word(1).equals("group")) {
            b.kind = VirtualServer.Kind.GROUP;
            b.address = s.size() > 2 ? s.word(2) : "";
        } else {
            b.kind = VirtualServer.Kind.IP_PORT;
            b.address = s.word(1);
            if (s.size() > 2) {
                Long p = unsigned(s, s.word(2), 0, 65535, "invalid-number");
                b.port = p == null ? OptionalInt.empty() : OptionalInt.of(p.intValue());
            }
        }
        virtualServers.add(b);
    }

    // ---------------------------------------------------------------- process_stream

    private Stmt nextStmt() {
        if (pushback != null) {
            Stmt s = pushback;
            pushback = null;
            return s;
        }
        return reader.next();
    }

    /** Returns when the block's '}' is read (or at end of input). */
    private void process(Block block, boolean needBob, int kwLevel) {
        Stmt s;
        while ((s = nextStmt()) != null) {
            String str = s.first();
            if (needBob) {
                needBob = false;
                if (str.equals("{") && kwLevel > 0) {
                    continue;
                }
                sink.error(s.file(), s.line(), "missing-open-brace", "块的开头缺少 '{'。",
                        "Missing '{' at beginning of configuration block.");
            } else if (str.equals("{")) {
                sink.error(s.file(), s.line(), "unexpected-brace", "这里的 '{' 是多余的，keepalived 忽略它（通常是因为上一行的关键字拼错了或不能带块）。",
                        "Unexpected '{' - ignoring (usually the keyword before it is misspelt or takes no block).");
                continue;
            }
            if (str.equals("}") && kwLevel > 0) {
                return;
            }
            Kw kw = block.keywords.get(str);
            if (kw == null) {
                if (block.lenient && !str.equals("}")) {
                    if (s.last().equals("{") || peekIsBrace()) {
                        skipBlock();
                    }
                    continue;
                }
                unknown(s, kwLevel, block);
                continue;
            }
            switch (kw.kind()) {
                case SIMPLE -> kw.handler().handle(s);
                case OPAQUE -> {
                    if (s.last().equals("{") || peekIsBrace()) {
                        skipBlock();
                    }
                }
                case SUB -> {
                    boolean bob = !s.last().equals("{");
                    Stmt stripped = bob ? s : new Stmt(s.file(), s.line(), s.words().subList(0, s.size() - 1));
                    kw.handler().handle(stripped);
                    process(kw.sub(), bob, kwLevel + 1);
                    if (kw.close() != null) {
                        kw.close().run();
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private void unknown(Stmt s, int kwLevel, Block block) {
        String word = s.first();
        if (word.equals("nb_get_retry")) {
            sink.error(s.file(), s.line(), "nb-get-retry",
                    "未知关键字 'nb_get_retry'：它是 HTTP_GET / SSL_GET 的关键字（keepalived 1.x 的写法，2.x 中已弃用），从来不属于这里。改成 retry。",
                    "Unknown keyword 'nb_get_retry': it is an HTTP_GET / SSL_GET keyword (keepalived 1.x's spelling, deprecated in 2.x) and never belonged here. Write retry.");
            return;
        }
        if (word.equals("retry") && options.v135() && httpGetBlocks.contains(block)) {
            sink.error(s.file(), s.line(), "unknown-keyword",
                    "未知关键字 'retry'：keepalived 1.3.5 的 HTTP_GET / SSL_GET 只认识 nb_get_retry（2.x 才改名为 retry），这一行被跳过。改成 nb_get_retry。",
                    "Unknown keyword 'retry': keepalived 1.3.5's HTTP_GET / SSL_GET only know nb_get_retry (2.x renamed it retry), so this line is skipped. Write nb_get_retry.");
            return;
        }
        String zh = "未知关键字 '" + word + "'，keepalived 跳过这一行。";
        String en = "Unknown keyword '" + word + "'; keepalived skips this line.";
        if (!word.equals("}") && !word.equals(word.toLowerCase(java.util.Locale.ROOT))
                && top.keywords.containsKey(word.toLowerCase(java.util.Locale.ROOT))) {
            zh += " 关键字区分大小写，应写作 " + word.toLowerCase(java.util.Locale.ROOT) + "。";
            en += " Keywords are case-sensitive: write " + word.toLowerCase(java.util.Locale.ROOT) + ".";
        } else if (word.equals("}")) {
            zh = "多余的 '}'：它所在的块已经被前面的 '}' 关闭了（可能是上面某个关键字拼错，它的块提前结束了外层块）。";
            en = "Unknown keyword '}': its block was already closed by an earlier '}' (often a misspelt keyword above, whose '}' closed the enclosing block early).";
        } else if (kwLevel > 0) {
            zh += " 如果它带有 { }，这个块的 '}' 会提前结束外层块，后面的配置也会错位。";
            en += " If it has a { } block, that block's '}' closes the enclosing block early and the lines after it are misread.";
        }
        sink.error(s.file(), s.line(), "unknown-keyword", zh, en);
    }

    private boolean peekIsBrace() {
        Stmt n = nextStmt();
        if (n == null) {
            return false;
        }
        if (n.is("{")) {
            return true;
        }
        pushback = n;
        return false;
    }

    /** Skips a block whose '{' has been read, counting nested braces. */
    private void skipBlock() {
        int depth = 1;
        Stmt s;
        while (depth > 0 && (s = nextStmt()) != null) {
            for (String w : s.words()) {
                if (w.equals("{")) {
                    depth++;
                } else if (w.equals("}")) {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
            }
        }
    }

    /** alloc_value_block(): the items between '{' and '}', one statement per line. */
    private List<Stmt> valueBlock(Stmt head) {
        List<Stmt> items = new ArrayList<>();
        if (head.size() > 1 && !head.word(1).equals("{")) {
            sink.error(head.file(), head.line(), "block-extra-parameters",
                    "块 " + head.first() + " 后面多了参数 " + head.word(1) + "。",
                    "Block " + head.first() + " has extra parameters " + head.word(1) + " ...");
        }
        boolean needBob = !(head.size() > 1 && head.word(1).equals("{"));
        Stmt s;
        while ((s = nextStmt()) != null) {
            List<String> w = new ArrayList<>(s.words());
            if (needBob) {
                needBob = false;
                if (w.get(0).equals("{")) {
                    if (w.size() == 1) {
                        continue;
                    }
                    w.remove(0);
                }
            }
            boolean eob = false;
            if (w.get(w.size() - 1).equals("}")) {
                if (w.size() == 1) {
                    break;
                }
                eob = true;
                w.remove(w.size() - 1);
            }
            items.add(new Stmt(s.file(), s.line(), List.copyOf(w)));
            if (eob) {
                break;
            }
        }
        return items;
    }

    private List<Vip> vips(Stmt head) {
        List<Vip> out = new ArrayList<>();
        for (Stmt item : valueBlock(head)) {
            String addr = item.first();
            String ip = addr;
            int prefix;
            int slash = addr.indexOf('/');
            boolean v6 = addr.indexOf(':') >= 0;
            prefix = v6 ? 128 : 32;
            boolean ok = true;
            if (slash >= 0) {
                ip = addr.substring(0, slash);
                try {
                    prefix = Integer.parseInt(addr.substring(slash + 1));
                    if (prefix < 0 || prefix > (v6 ? 128 : 32)) {
                        ok = false;
                    }
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
            ok = ok && (v6 ? Addresses.isIpv6(ip) : Addresses.isIpv4(ip));
            if (!ok) {
                sink.error(item.file(), item.line(), "vip-invalid",
                        "无法解析的虚拟 IP '" + addr + "'，keepalived 会跳过它。写法如 10.0.0.100/24。",
                        "VRRP parsed invalid IP " + addr + ". skipping IP... Write it like 10.0.0.100/24.");
                continue;
            }
            String dev = null;
            String label = null;
            for (int k = 1; k + 1 < item.size(); k++) {
                if (item.word(k).equals("dev")) {
                    dev = item.word(k + 1);
                } else if (item.word(k).equals("label")) {
                    label = item.word(k + 1);
                }
            }
            if (dev != null && options.hostInterfaces().isPresent() && !options.hostInterfaces().get().contains(dev)) {
                sink.error(item.file(), item.line(), "interface-missing", "本机没有网卡 " + dev + "（虚拟 IP " + ip + " 的 dev）。",
                        "WARNING - interface " + dev + " for ip address " + ip + " doesn't exist.");
            }
            out.add(new Vip(ip, prefix, dev, label, item.file(), item.line()));
        }
        return out;
    }

    // ---------------------------------------------------------------- value helpers

    /** A keyword with one numeric argument: {@code read} parses and reports it; a valid value goes to {@code set}. */
    private <T> void number(Block block, String keyword, java.util.function.BiFunction<Stmt, String, T> read,
            java.util.function.Consumer<T> set) {
        block.simple(keyword, s -> {
            if (need(s, 1)) {
                T v = read.apply(s, s.word(1));
                if (v != null) {
                    set.accept(v);
                }
            }
        });
    }

    private boolean need(Stmt s, int index) {
        if (s.size() > index) {
            return true;
        }
        missingParameter(s, index);
        return false;
    }

    private void missingParameter(Stmt s, int index) {
        sink.error(s.file(), s.line(), "missing-parameter", "'" + s.first() + "' 后面缺少参数。keepalived 遇到这种情况会直接退出。",
                "Configuration line starting '" + s.first() + "' is missing a parameter after keyword '"
                        + s.word(index - 1) + "'; keepalived exits on this.");
    }

    private void invalidNumber(Stmt s, String text, String code) {
        sink.error(s.file(), s.line(), code, "'" + text + "' 不是有效的数字。", "invalid number '" + text + "'.");
    }

    /** read_unsigned(): null (and a diagnostic) when negative, not a number or out of range. */
    private Long unsigned(Stmt s, String text, long min, long max, String rangeCode) {
        String t = text.stripLeading();
        if (t.startsWith("-")) {
            if (rangeCode == null) {
                return null;
            }
            sink.error(s.file(), s.line(), rangeCode, "'" + text + "' 是负数，这里必须在 " + min + " 到 " + max + " 之间。",
                    "negative number '" + text + "' (must be between " + min + " and " + max + ").");
            return null;
        }
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            invalidNumber(s, text, "invalid-number");
            return null;
        }
        long v = saturated(t);
        if (v < min || v > max) {
            if (rangeCode == null) {
                return null;
            }
            return outOfRange(s, text, min, max, rangeCode);
        }
        return v;
    }

    private Long signed(Stmt s, String text, long min, long max) {
        String t = text.strip();
        if (!t.matches("[-+]?[0-9]+")) {
            invalidNumber(s, text, "invalid-number");
            return null;
        }
        long v = saturated(t.startsWith("+") ? t.substring(1) : t);
        if (v < min || v > max) {
            return outOfRange(s, text, min, max, "invalid-number");
        }
        return v;
    }

    /** A whole number's value; one too large for a long counts as {@link Long#MAX_VALUE}, outside every range. */
    private static long saturated(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** keepalived's "outside range" error for a number; always null, the value a reader returns then. */
    private <T> T outOfRange(Stmt s, String text, Object min, Object max, String code) {
        sink.error(s.file(), s.line(), code, "数字 '" + text + "' 超出范围 [" + min + ", " + max + "]。",
                "number '" + text + "' outside range [" + min + ", " + max + "].");
        return null;
    }

    /** read_double(): strtod syntax; null (and a diagnostic) when invalid or out of range. */
    private Double dbl(Stmt s, String text, double min, double max, String rangeCode) {
        double v;
        String t = text.strip();
        if (!t.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            invalidNumber(s, text, "invalid-number");
            return null;
        }
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            invalidNumber(s, text, "invalid-number");
            return null;
        }
        if (v < min || v > max || Double.isInfinite(v)) {
            if (rangeCode == null) {
                return null;
            }
            return outOfRange(s, text, min, max, rangeCode);
        }
        return v;
    }

    private void garpLike(Stmt s, String name,
            java.util.function.Function<Double, java.util.function.Consumer<GlobalsBuilder>> set) {
        if (!need(s, 1)) {
            return;
        }
        if (options.v135()) {
            // keepalived 1.3.5 takes atof() of the word, 0 included, and says nothing.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[+]?([0-9]*\\.?[0-9]*)").matcher(s.word(1));
            String num = m.find() ? m.group(1) : "";
            double atof =
                    num.isEmpty() || num.equals(".") ? 0 : Double.parseDouble(num.endsWith(".") ? num + "0" : num);
            globals = withGlobals(set.apply(atof));
            return;
        }
        Double v = dbl(s, s.word(1), 0.000001, 4294.967295, null);
        if (v == null) {
            sink.error(s.file(), s.line(), "garp-interval-invalid",
                    name + " '" + s.word(1) + "' 无效：keepalived 2.2.7 要求它大于 0（单位秒，如 0.001）。要不设间隔，直接删掉这一行。",
                    name + " '" + s.word(1)
                            + "' is invalid: keepalived 2.2.7 needs a value above 0 (seconds, e.g. 0.001). To have no interval, delete the line.");
            return;
        }
        globals = withGlobals(set.apply(v));
    }

    private static <T> T cur(List<T> list) {
        return list.get(list.size() - 1);
    }

    // ---------------------------------------------------------------- completion checks

    private GlobalDefs withGlobals(java.util.function.Consumer<GlobalsBuilder> change) {
        GlobalsBuilder g = new GlobalsBuilder(globals);
        change.accept(g);
        return g.build();
    }

    private KeepalivedConfig complete() {
        boolean strict = globals.vrrpStrict();
        List<VrrpInstance> built = new ArrayList<>();
        Set<String> scriptNames = new java.util.HashSet<>();
        List<VrrpScript> builtScripts = new ArrayList<>();
        for (ScriptBuilder sb : scripts) {
            if (sb.script.isEmpty()) {
                sink.error(sb.file, sb.line, "script-missing",
                        "vrrp_script " + sb.name + " 没有写 script，keepalived 会删除它。",
                        "No script set for vrrp_script " + sb.name + " - removing.");
                continue;
            }
            scriptNames.add(sb.name);
            builtScripts.add(
                    new VrrpScript(sb.name, sb.script, sb.interval, sb.weight, sb.rise, sb.fall, sb.file, sb.line));
        }
        boolean scriptsUsed = false;
        boolean systemProgram = false;
        Map<String, String> programs = new HashMap<>();
        builtScripts.forEach(vs -> programs.put(vs.name(), vs.script().orElse("")));
        int scriptLine = 0;
        String scriptFile = null;
        for (InstanceBuilder i : instances) {
            String n = "(" + i.name + ")";
            if (i.vrid.isEmpty()) {
                sink.error(i.file, i.line, "vrid-missing", n + " 没有设置有效的 virtual_router_id（1-255），keepalived 不会启动这个实例。",
                        n + " the virtual router id must be set (1-255); keepalived will not run this instance.");
            }
            if (i.loopback) {
                sink.error(i.file, i.line, "interface-loopback", n + " 没有可用的 VRRP 接口。", n + " Unknown interface!");
            }
            if (i.vips.isEmpty() && options.v135() && strict) {
                sink.error(i.file, i.line, "no-vip",
                        n + " 开启 vrrp_strict 时必须配置虚拟 IP（virtual_ipaddress），keepalived 1.3.5 不会启动这个实例。",
                        n + " No VIP specified; at least one is required (vrrp_strict): keepalived 1.3.5 does not start this instance.");
            } else if (i.vips.isEmpty() && options.v135()) {
                sink.warning(i.file, i.line, "no-vip", n
                        + " 没有配置虚拟 IP（virtual_ipaddress）。keepalived 1.3.5 不会报告，实例照常运行，但不会有 VIP。检查 virtual_ipaddress 的拼写。",
                        n + " No VIP specified. keepalived 1.3.5 does not report this: the instance runs without any VIP. Check the spelling of virtual_ipaddress.");
            } else if (i.vips.isEmpty()) {
                sink.error(i.file, i.line, "no-vip",
                        n + " 没有配置虚拟 IP（virtual_ipaddress），至少需要一个。检查 virtual_ipaddress 的拼写。",
                        n + " No VIP specified; at least one is sensible. Check the spelling of virtual_ipaddress.");
            }
            int version = i.version != 0 ? i.version : family(i.vips) == 6 ? 3 : globals.vrrpVersion();
            i.effectiveVersion = version;
            if (version == 2 && i.advertInt != Math.floor(i.advertInt)) {
                double rounded = Math.max(1, Math.floor(i.advertInt + 0.5));
                sink.error(i.file, i.advertLine > 0 ? i.advertLine : i.line, "advert-int-not-integer",
                        n + " VRRP 第 2 版的 advert_int 只能是整数秒，keepalived 会把 " + fmt(i.advertInt) + " 四舍五入为 "
                                + fmt(rounded) + "。写整数（如 1），或用 version 3 才能写小数。",
                        n + " VRRPv2 advertisement interval " + fmt(i.advertInt)
                                + "s must be an integer; keepalived rounds it to " + fmt(rounded)
                                + ". Write whole seconds (e.g. 1), or use version 3 for fractions.");
                i.advertInt = rounded;
            }
            if (!i.priorityWritten && !i.priorityInvalid) {
                i.priority = i.state == VrrpState.MASTER ? 255 : 100;
            }
            if (options.v135() && strict && !i.peers.isEmpty()) {
                sink.error(i.file, i.line, "strict-unicast", n
                        + " vrrp_strict 模式不支持单播（unicast_peer），keepalived 1.3.5 拒绝启动这个实例。去掉 vrrp_strict 或 unicast_peer。",
                        n + " Unicast peers are not supported in strict mode: keepalived 1.3.5 refuses to run this instance. Remove vrrp_strict or unicast_peer.");
                continue;
            }
            if (options.v135() && strict && i.state == VrrpState.MASTER && i.priority != 255) {
                sink.error(i.file, i.line, "strict-master-owner", n
                        + " 开启 vrrp_strict 时，state MASTER 要求 priority 为 255（地址拥有者）：keepalived 1.3.5 报告 Cannot start in MASTER state if not address owner，并以 BACKUP 启动。去掉 vrrp_strict，或把 state 改成 BACKUP。",
                        n + " Cannot start in MASTER state if not address owner (vrrp_strict needs priority 255 for MASTER): keepalived 1.3.5 starts it as BACKUP. Remove vrrp_strict or write state BACKUP.");
                i.state = VrrpState.BACKUP;
            } else if (strict && i.state == VrrpState.MASTER && i.priority != 255) {
                sink.error(i.file, i.line, "strict-master-owner", n
                        + " 开启 vrrp_strict 时，state MASTER 要求 priority 为 255（地址拥有者），keepalived 会改为 BACKUP。去掉 vrrp_strict，或把 state 改成 BACKUP。",
                        n + " State MASTER must match being address owner under vrrp_strict (priority 255); keepalived starts it as BACKUP. Remove vrrp_strict or write state BACKUP.");
                i.state = VrrpState.BACKUP;
            }
            if (strict && !options.v135() && (i.authType.isPresent() || i.authPass.isPresent())) {
                sink.error(i.file, i.line, "strict-auth", n + " vrrp_strict 模式不支持认证，keepalived 忽略 authentication 块。",
                        n + " Strict mode does not support authentication. Ignoring.");
                i.authType = Optional.empty();
                i.authPass = Optional.empty();
            } else if (version == 3 && i.authType.isPresent()) {
                sink.error(i.file, i.line, "v3-auth",
                        n + " VRRP 第 3 版不支持认证，keepalived 忽略 authentication 块。删掉它，或不用 version 3。",
                        n + " VRRP version 3 does not support authentication. Ignoring. Remove the block or do not use version 3.");
                i.authType = Optional.empty();
                i.authPass = Optional.empty();
            } else if (i.authType.isPresent() && i.authPass.map(String::isEmpty).orElse(true)) {
                sink.error(i.file, i.line, "auth-pass-missing", n + " 写了 auth_type 却没有 auth_pass 密码。",
                        n + " Authentication specified but no password given.");
            }
            if (i.state == VrrpState.MASTER && i.authType.equals(Optional.of("AH"))) {
                sink.error(i.file, i.line, "auth-ah-master",
                        n + " 初始状态 MASTER 与 AH 认证不兼容，keepalived 会清除 MASTER。请用 auth_type PASS，或写 state BACKUP。",
                        n + " Initial state master is incompatible with AH authentication - clearing. Use auth_type PASS or state BACKUP.");
                i.state = VrrpState.BACKUP;
            }
            if (i.nopreempt && i.state == VrrpState.MASTER) {
                sink.error(i.file, i.nopreemptLine > 0 ? i.nopreemptLine : i.line, "nopreempt-with-master",
                        n + " nopreempt 只对 state BACKUP 有效，keepalived 会清除它。要不抢占，所有主机都写 state BACKUP。",
                        n + " Warning - nopreempt will not work with initial state MASTER - clearing. For non-preemptive failover write state BACKUP on every host.");
                i.nopreempt = false;
            }
            if (strict && !i.accept) {
                sink.warning(i.file, i.line, "strict-no-accept", n
                        + " 开启了 vrrp_strict 却没有 accept：keepalived 会添加防火墙规则，丢弃发往 VIP 的所有流量，ping 也不通。加上 accept 或去掉 vrrp_strict。",
                        n + " vrrp_strict without accept: keepalived installs a firewall rule that drops all traffic to the VIP, ping included. Add accept or remove vrrp_strict.");
            }
            if (i.interfaceName.isEmpty() && !i.loopback) {
                sink.warning(i.file, i.line, "interface-unset",
                        n + " 没有写 interface，keepalived 会用默认网卡（eth0）。请写明 VRRP 使用的网卡。",
                        n + " No interface given; keepalived uses the default interface (eth0). Name the VRRP interface.");
            }
            for (int k = 0; k < i.trackScripts.size(); k++) {
                String ts = i.trackScripts.get(k);
                if (!scriptNames.contains(ts)) {
                    sink.error(i.file, i.trackScriptLines.get(k), "track-script-unknown",
                            n + " track_script 引用的 " + ts + " 没有定义（或没有 script），keepalived 忽略它。",
                            n + " track script " + ts + " not found, ignoring...");
                } else {
                    systemProgram |= isSystemProgram(programs.get(ts));
                }
                if (scriptNames.contains(ts) && !scriptsUsed) {
                    scriptsUsed = true;
                    scriptFile = i.file;
                    scriptLine = i.trackScriptLines.get(k);
                }
            }
            for (String cmd : i.notify.values()) {
                systemProgram |= isSystemProgram(cmd);
            }
            if (!i.notify.isEmpty() && !scriptsUsed) {
                scriptsUsed = true;
                scriptFile = i.file;
                scriptLine = i.notifyLine;
            }
            built.add(i.build());
        }
        checkerScriptSecurity();
        if (scriptsUsed && !globals.enableScriptSecurity()) {
            sink.add(scriptFile, scriptLine, "script-security", systemProgram ? Severity.ERROR : Severity.WARNING,
                    "配置会执行脚本，但 global_defs 里没有 enable_script_security。keepalived 报告 SECURITY VIOLATION；请在 global_defs 加上 enable_script_security 和 script_user root（或专用用户）。",
                    "SECURITY VIOLATION - scripts are being executed but script_security not enabled. Add enable_script_security (and script_user) to global_defs.");
        }
        Map<String, VrrpInstance> byVrid = new HashMap<>();
        for (VrrpInstance y : built) {
            if (y.virtualRouterId().isEmpty()) {
                continue;
            }
            String key = y.virtualRouterId().getAsInt() + "/" + y.interfaceName().orElse("") + "/" + family(y);
            VrrpInstance x = byVrid.putIfAbsent(key, y);
            if (x != null) {
                String itf = x.interfaceName().orElse("?");
                sink.error(y.file(), y.line(), "duplicate-vrid",
                        x.name() + " 和 " + y.name() + " 在接口 " + itf + " 上使用了相同的 virtual_router_id "
                                + x.virtualRouterId().getAsInt() + "。同一网段里每组 VRRP 要用不同的 VRID。",
                        x.name() + " and " + y.name() + " both use VRID " + x.virtualRouterId().getAsInt() + " with IPv"
                                + family(x) + " on interface " + itf
                                + ". Each VRRP group on a segment needs its own VRID.");
            }
        }
        VrrpInstance topBackup = null;
        for (VrrpInstance o : built) {
            if (o.state() == VrrpState.BACKUP && (topBackup == null || o.priority() > topBackup.priority())) {
                topBackup = o;
            }
        }
        for (VrrpInstance m : built) {
            if (m.state() == VrrpState.MASTER && topBackup != null && topBackup.priority() > m.priority()) {
                VrrpInstance o = topBackup;
                sink.warning(m.file(), m.line(), "master-not-highest",
                        "(" + m.name() + ") 是 MASTER，但本文件中的 BACKUP 实例 " + o.name() + " 的优先级（" + o.priority() + "）比它（"
                                + m.priority() + "）高。MASTER 应该是最高优先级。",
                        "(" + m.name() + ") is MASTER but BACKUP instance " + o.name()
                                + " in this file has a higher priority (" + o.priority() + " > " + m.priority()
                                + "). The MASTER should have the highest priority.");
            }
        }
        List<VirtualServer> vss = new ArrayList<>();
        for (VsBuilder v : virtualServers) {
            if (v.kind == VirtualServer.Kind.FWMARK && v.protocolLine > 0) {
                sink.error(v.file, v.protocolLine, "vs-fwmark-protocol",
                        "fwmark 虚拟服务不需要 protocol，keepalived 会忽略它并报告。删掉这一行。", "Virtual server FWM " + v.address
                                + ": protocol specified for fwmark - protocol will be ignored. Delete this line.");
            }
            if (v.reals.isEmpty() && options.v135()) {
                sink.error(v.file, v.line, "vs-no-real-server", "虚拟服务 " + v.address
                        + " 没有任何 real_server：keepalived 1.3.5 的健康检查进程会因此崩溃（segmentation fault），所有虚拟服务都不再检查。加上 real_server，或删掉这个 virtual_server。",
                        "Virtual server " + v.address
                                + " has no real servers: keepalived 1.3.5's checker process crashes on it (segmentation fault) and no virtual server is checked any more. Add real_server blocks or delete this virtual_server.");
            } else if (v.reals.isEmpty()) {
                sink.error(v.file, v.line, "vs-no-real-server",
                        "虚拟服务 " + v.address + " 没有任何 real_server，keepalived 会忽略它。",
                        "Virtual server " + v.address + " has no real servers - ignoring.");
            }
            vss.add(v.build());
        }
        return new KeepalivedConfig(globals, built, builtScripts, syncGroups, vss);
    }

    /** The checker process's SECURITY VIOLATION for MISC_CHECK scripts (reported once, at the first script). */
    private void checkerScriptSecurity() {
        if (globals.enableScriptSecurity()) {
            return;
        }
        for (VsBuilder v : virtualServers) {
            for (RsBuilder r : v.reals) {
                for (CheckBuilder c : r.checks) {
                    if (c.miscPath.isPresent()) {
                        sink.add(c.file, c.miscLine, "script-security",
                                isSystemProgram(c.miscPath.get()) ? Severity.ERROR : Severity.WARNING,
                                "MISC_CHECK 会执行脚本，但 global_defs 里没有 enable_script_security。keepalived 报告 SECURITY VIOLATION；请在 global_defs 加上 enable_script_security 和 script_user。",
                                "SECURITY VIOLATION - check scripts are being executed but script_security not enabled. Add enable_script_security (and script_user) to global_defs.");
                        return;
                    }
                }
            }
        }
    }

    /**
     * keepalived only raises SECURITY VIOLATION for scripts whose program exists on the host; a program in a system
     * directory surely does, anything else may not (then it is a warning).
     */
    private static boolean isSystemProgram(String command) {
        String prog = command.strip().split("[ \t]+")[0];
        return prog.startsWith("/bin/") || prog.startsWith("/sbin/") || prog.startsWith("/usr/bin/")
                || prog.startsWith("/usr/sbin/");
    }

    private static int family(VrrpInstance i) {
        return family(i.vips());
    }

    private static int family(List<Vip> vips) {
        return !vips.isEmpty() && vips.get(0).address().indexOf(':') >= 0 ? 6 : 4;
    }

    private static String fmt(double d) {
        return d == Math.floor(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    // ---------------------------------------------------------------- builders

    private static final class GlobalsBuilder {
        Optional<String> routerId;
        boolean strict;
        Optional<Double> garp;
        Optional<Double> gna;
        Optional<Double> garpMasterDelay;
        boolean scriptSecurity;
        Optional<String> scriptUser;
        int vrrpVersion;
        String file;
        int line;

        GlobalsBuilder(GlobalDefs g) {
            routerId = g.routerId();
            strict = g.vrrpStrict();
            garp = g.vrrpGarpInterval();
            gna = g.vrrpGnaInterval();
            garpMasterDelay = g.vrrpGarpMasterDelay();
            scriptSecurity = g.enableScriptSecurity();
            scriptUser = g.scriptUser();
            vrrpVersion = g.vrrpVersion();
            file = g.file();
            line = g.line();
        }

        GlobalDefs build() {
            return new GlobalDefs(routerId, strict, garp, gna, garpMasterDelay, scriptSecurity, scriptUser, vrrpVersion,
                    file, line);
        }
    }

    private static final class InstanceBuilder {
        String name;
        String file;
        int line;
        VrrpState state = VrrpState.BACKUP;
        Optional<String> stateWritten = Optional.empty();
        Optional<String> interfaceName = Optional.empty();
        boolean loopback;
        OptionalInt vrid = OptionalInt.empty();
        boolean vridInvalid;
        int priority = 100;
        boolean priorityWritten;
        boolean priorityInvalid;
        double advertInt = 1.0;
        int advertLine;
        int version;
        int effectiveVersion = 2;
        Optional<String> authType = Optional.empty();
        Optional<String> authPass = Optional.empty();
        Optional<String> authPassWritten = Optional.empty();
        final List<Vip> vips = new ArrayList<>();
        final List<Vip> excluded = new ArrayList<>();
        boolean nopreempt;
        int nopreemptLine;
        Optional<Double> preemptDelay = Optional.empty();
        boolean accept;
        Optional<String> unicastSrc = Optional.empty();
        final List<String> peers = new ArrayList<>();
        final List<String> trackInterfaces = new ArrayList<>();
        final List<String> trackScripts = new ArrayList<>();
        final List<Integer> trackScriptLines = new ArrayList<>();
        final Map<String, String> notify = new LinkedHashMap<>();
        int notifyLine;

        VrrpInstance build() {
            return new VrrpInstance(name, state, stateWritten, interfaceName, vrid, priority, priorityWritten,
                    effectiveVersion, advertInt, authType, authPass, authPassWritten, List.copyOf(vips),
                    List.copyOf(excluded), nopreempt, preemptDelay, accept, unicastSrc, List.copyOf(peers),
                    List.copyOf(trackInterfaces), List.copyOf(trackScripts), Map.copyOf(notify), file, line);
        }
    }

    private static final class ScriptBuilder {
        String name;
        String file;
        int line;
        Optional<String> script = Optional.empty();
        double interval = 1;
        int weight;
        int rise = 1;
        int fall = 1;
    }

    private static final class CheckBuilder {
        String type;
        String file;
        int line;
        OptionalInt port = OptionalInt.empty();
        Optional<Double> timeout = Optional.empty();
        OptionalInt retry = OptionalInt.empty();
        Optional<String> miscPath = Optional.empty();
        int miscLine;
        final List<UrlBuilder> urls = new ArrayList<>();
        boolean dropped;

        HealthCheck build() {
            return new HealthCheck(type, port, timeout, retry, miscPath, urls.size(), file, line);
        }
    }

    private static final class UrlBuilder {
        final String file;
        final int line;
        boolean path;
        boolean digest;

        UrlBuilder(String file, int line) {
            this.file = file;
            this.line = line;
        }
    }

    private static final class RsBuilder {
        String address;
        OptionalInt port = OptionalInt.empty();
        int weight = 1;
        final List<CheckBuilder> checks = new ArrayList<>();
        String file;
        int line;

        RealServer build() {
            return new RealServer(address, port, weight,
                    checks.stream().filter(c -> !c.dropped).map(CheckBuilder::build).toList(), file, line);
        }
    }

    private static final class VsBuilder {
        VirtualServer.Kind kind = VirtualServer.Kind.IP_PORT;
        String address = "";
        OptionalInt port = OptionalInt.empty();
        String lbAlgo = "wlc";
        String lbKind = "NAT";
        String protocol = "TCP";
        int protocolLine;
        OptionalInt persistence = OptionalInt.empty();
        double delayLoop = 60;
        OptionalInt quorum = OptionalInt.empty();
        Optional<String> sorry = Optional.empty();
        final List<RsBuilder> reals = new ArrayList<>();
        String file;
        int line;

        VirtualServer build() {
            return new VirtualServer(kind, address, port, lbAlgo, lbKind, protocol, persistence, delayLoop, quorum,
                    sorry, reals.stream().map(RsBuilder::build).toList(), file, line);
        }
    }
}
