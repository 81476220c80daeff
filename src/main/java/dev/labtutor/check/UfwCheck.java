package dev.labtutor.check;

import dev.labtutor.check.fact.UfwState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ufw is (or is not) active now and started at boot. A host without ufw has neither: it passes a check for "off" and
 * fails one for "on". {@code ufw disable} (or {@code ufw enable}) sets both at once, so every failure names it.
 */
public record UfwCheck(Optional<Boolean> active, Optional<Boolean> enabled) implements PerHostPrimitive {

    @Override
    public Outcome evaluateHost(HostFacts host) {
        return judge(host.role(), PerHostPrimitive.fact(host, Probe.of(Probe.Kind.UFW), UfwState.class));
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(Probe.of(Probe.Kind.UFW));
    }

    /** {@code r}'s ufw as it was found, against what this check wants. */
    private Outcome judge(String r, UfwState f) {
        String setting = !f.confPresent() ? "no /etc/ufw/ufw.conf" : "/etc/ufw/ufw.conf: "
                + (f.enabledSetting().isEmpty() ? "no ENABLED line" : "ENABLED=" + f.enabledSetting());
        if (!f.installed()) {
            List<Evidence> ev = List.of(new Evidence(r, "ufw not installed"));
            if (active.orElse(false) || enabled.orElse(false)) {
                return Outcome.fail("ufw-missing", Text.of(r + " 上没有安装 ufw", r + ": ufw is not installed"), ev);
            }
            return Outcome.pass(Text.of(r + " 上没有安装 ufw", r + ": ufw is not installed"), ev);
        }
        List<Evidence> ev = List.of(new Evidence(r,
                "ufw status: " + (f.statusKnown() ? "Status: " + f.status() : f.why()) + "; " + setting));
        if (active.isPresent() && !f.statusKnown()) {
            return Outcome.error("ufw-status-unknown", Text.of(r + " 的 ufw 是否正在运行无法判断：" + f.why(),
                    r + ": whether ufw is active cannot be told: " + f.why()));
        }
        boolean wrongNow = active.isPresent() && active.get() != f.active();
        boolean wrongBoot = enabled.isPresent() && enabled.get() != f.enabledAtBoot();
        String now = f.active() ? "正在运行" : "没有运行";
        String nowEn = f.active() ? "active" : "inactive";
        String boot = f.enabledAtBoot() ? "开机会启动" : "开机不会启动";
        String bootEn = f.enabledAtBoot() ? "starts it at boot" : "does not start it at boot";
        String conf = f.enabledSetting().isEmpty() ? "没有 ENABLED=yes" : "ENABLED=" + f.enabledSetting();
        String confEn = f.enabledSetting().isEmpty() ? "no ENABLED=yes" : "ENABLED=" + f.enabledSetting();
        if (!wrongNow && !wrongBoot) {
            return Outcome.pass(Text.of(r + " 的 ufw " + now + "，/etc/ufw/ufw.conf 中 " + conf + "（" + boot + "）",
                    r + ": ufw is " + nowEn + ", and " + confEn + " in /etc/ufw/ufw.conf " + bootEn), ev);
        }
        boolean wantOn = wrongNow ? active.get() : enabled.get();
        String fix = wantOn ? "ufw enable" : "ufw disable";
        String cause = wrongNow ? (f.active() ? "ufw-active" : "ufw-inactive")
                : (f.enabledAtBoot() ? "ufw-enabled-at-boot" : "ufw-disabled-at-boot");
        String zh;
        String en;
        if (wrongNow && wrongBoot) {
            zh = r + " 的 ufw " + now + "，并且 /etc/ufw/ufw.conf 中 " + conf + "（" + boot + "）";
            en = r + ": ufw is " + nowEn + ", and " + confEn + " in /etc/ufw/ufw.conf " + bootEn;
        } else if (wrongNow) {
            zh = r + " 的 ufw 现在" + now + "（/etc/ufw/ufw.conf 中 " + conf + "，" + boot + "，这一项没问题）";
            en = r + ": ufw is " + nowEn + " now (" + confEn + " in /etc/ufw/ufw.conf " + bootEn + ", which is right)";
        } else {
            zh = r + " 的 ufw 现在" + now + "（这一项没问题），但 /etc/ufw/ufw.conf 中 " + conf + "，重启后" + boot.replace("开机", "");
            en = r + ": ufw is " + nowEn + " now (which is right), but " + confEn + " in /etc/ufw/ufw.conf " + bootEn;
        }
        return Outcome.fail(cause, Text.of(zh + "；运行 " + fix + "。", en + "; run \"" + fix + "\"."), ev);
    }
}
