package dev.labtutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.course.VarType;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.Ipv4;
import dev.labtutor.lab.LabFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first run without a lab file: a screen with the two ways on. Either a small form per role (address, user, key,
 * port) whose SSH login is tried before anything is saved, then the course's addresses (the VIP; offered: a free
 * address in the hosts' subnet, since the course's default is the source document's network), then written as the lab
 * file; or, as root on Linux, the local sandbox started from here.
 *
 * <p>This class is the screen's model: an immutable {@link State} and {@link #update}, a pure function from the state
 * and one {@link Event} (a key, or what an effect found) to the next state and the {@link Effect}s to run. Logins, the
 * sandbox, writing the lab file and looking for the learner's key are effects, run off the drawing thread
 * ({@link FirstRunEffects}); the screen is drawn by {@link FirstRunView}.
 */
final class FirstRun {

    enum Mode {
        CHOOSE, FORM, ADDRESSES, SUMMARY, SANDBOX
    }

    /** What the first run ended with. */
    sealed interface Result permits Result.Lab, Result.WithoutLab, Result.Quit {
        record Lab(LabFile lab) implements Result {
        }

        record WithoutLab() implements Result {
        }

        record Quit() implements Result {
        }
    }

    static final int ADDRESS = 0;
    static final int USER = 1;
    static final int KEY = 2;
    static final int PORT = 3;

    /** How many lines of the sandbox's progress are kept (all the screen shows). */
    static final int SANDBOX_LINES = 12;

    /** Work under way, known by its id so that a late report of cancelled work is ignored. */
    record Job(long id, Work work) {
        enum Work {
            LOGIN, SANDBOX, WRITE
        }
    }

    /**
     * @param forms per role (course order): address, user, key, port as typed
     * @param tested the roles whose login was tried, in the order tried: empty when it worked, else why not
     * @param addresses the course's address variables (type ipv4: the VIP) and the values given them
     * @param looked whether the key and the sandbox's availability were looked at yet
     * @param sandboxProblem why the sandbox cannot be started here, if it cannot
     * @param field the field being edited: of the role's form, or of the addresses
     * @param log the sandbox's last progress lines
     */
    record State(Course course, Path labTarget, Mode mode, Map<String, List<String>> forms,
            Map<String, Optional<Text>> tested, Map<String, String> addresses, boolean looked,
            Optional<Text> sandboxProblem, int role, int field, Optional<Job> busy, long jobs, List<String> log,
            Optional<Text> message, Optional<Result> result) {

        List<String> roles() {
            return List.copyOf(course.roles().keySet());
        }

        boolean working() {
            return busy.isPresent();
        }

        /** The addresses of the hosts that logged in, else of every host given. */
        List<String> hostAddresses() {
            List<String> ok = tested.entrySet().stream().filter(e -> e.getValue().isEmpty())
                    .map(e -> forms.get(e.getKey()).get(ADDRESS).strip()).toList();
            return !ok.isEmpty() ? ok
                    : forms.values().stream().map(v -> v.get(ADDRESS).strip()).filter(a -> !a.isEmpty()).toList();
        }
    }

    sealed interface Event {
        record Key(KeyStroke key) implements Event {
        }

        /**
         * The learner's usual private key (the first of ~/.ssh/id_ed25519, id_ecdsa, id_rsa), and why the sandbox
         * cannot start here.
         */
        record LookedAround(Optional<String> key, Optional<Text> sandboxProblem) implements Event {
        }

        record LoginTried(long job, String role, Optional<Text> problem) implements Event {
        }

        record SandboxLine(long job, String line) implements Event {
        }

        /** The sandbox is up, or the lab file written: the lab to start with. */
        record LabReady(long job, LabFile lab) implements Event {
        }

        record Failed(long job, Text reason) implements Event {
        }
    }

    sealed interface Effect {
        record LookAround() implements Effect {
        }

        record TryLogin(long job, HostSpec host) implements Effect {
        }

        record StartSandbox(long job) implements Effect {
        }

        record WriteLab(long job, Map<String, HostSpec> hosts, Map<String, String> vars) implements Effect {
            public WriteLab {
                hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
                vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
            }
        }

        record Cancel(long job) implements Effect {
        }
    }

    record Transition(State state, List<Effect> effects) {
        Transition {
            effects = List.copyOf(effects);
        }
    }

    private FirstRun() {
    }

    /** The choice screen, and a look for the learner's key and at whether the sandbox can start here. */
    static Transition start(Course course, Path labTarget) {
        Map<String, List<String>> forms = new LinkedHashMap<>();
        course.roles().keySet().forEach(r -> forms.put(r, List.of("", "root", "", "22")));
        Map<String, String> addresses = new LinkedHashMap<>();
        course.vars().values().stream().filter(v -> v.type() == VarType.IPV4).forEach(v -> addresses.put(v.name(), ""));
        State s = new State(course, labTarget, Mode.CHOOSE, Collections.unmodifiableMap(forms), Map.of(),
                Collections.unmodifiableMap(addresses), false, Optional.empty(), 0, ADDRESS, Optional.empty(), 0,
                List.of(), Optional.empty(), Optional.empty());
        return new Transition(s, List.of(new Effect.LookAround()));
    }

    static Transition update(State s, Event e) {
        Edit edit = new Edit(s);
        edit.apply(e);
        return new Transition(edit.state(), edit.effects);
    }

    /** One update's working copy: the old state copied, changed in place, and frozen into the new one. */
    private static final class Edit {
        private final Course course;
        private final Path labTarget;
        private final List<String> roles;
        private final Map<String, String[]> values = new LinkedHashMap<>();
        private final Map<String, Optional<Text>> tested;
        private final Map<String, String> addresses;
        private final List<String> log;
        private final List<Effect> effects = new ArrayList<>();
        private Mode mode;
        private boolean looked;
        private Optional<Text> sandboxProblem;
        private int role;
        private int field;
        private Optional<Job> busy;
        private long jobs;
        private Optional<Text> message;
        private Optional<Result> result;

        Edit(State s) {
            course = s.course();
            labTarget = s.labTarget();
            roles = s.roles();
            s.forms().forEach((r, v) -> values.put(r, v.toArray(String[]::new)));
            mode = s.mode();
            role = s.role();
            field = s.field();
            tested = new LinkedHashMap<>(s.tested());
            addresses = new LinkedHashMap<>(s.addresses());
            looked = s.looked();
            sandboxProblem = s.sandboxProblem();
            log = new ArrayList<>(s.log());
            busy = s.busy();
            jobs = s.jobs();
            message = s.message();
            result = s.result();
        }

        State state() {
            Map<String, List<String>> forms = new LinkedHashMap<>();
            values.forEach((r, v) -> forms.put(r, List.of(v)));
            return new State(course, labTarget, mode, Collections.unmodifiableMap(forms),
                    Collections.unmodifiableMap(tested), Collections.unmodifiableMap(addresses), looked, sandboxProblem,
                    role, field, busy, jobs, List.copyOf(log), message, result);
        }

        void apply(Event e) {
            if (e instanceof Event.Key k) {
                key(k.key());
            } else if (e instanceof Event.LookedAround l) {
                looked = true;
                sandboxProblem = l.sandboxProblem();
                l.key().ifPresent(
                        key -> values.values().stream().filter(v -> v[KEY].isEmpty()).forEach(v -> v[KEY] = key));
            } else if (e instanceof Event.LoginTried t && ours(t.job())) {
                busy = Optional.empty();
                tested.put(t.role(), t.problem());
                if (t.problem().isEmpty()) {
                    message = Optional.of(Text.of(t.role() + " 登录成功", "logged in to " + t.role()));
                    nextRole();
                } else {
                    message = t.problem();
                }
            } else if (e instanceof Event.SandboxLine l && ours(l.job())) {
                log.add(l.line());
                if (log.size() > SANDBOX_LINES) {
                    log.remove(0);
                }
            } else if (e instanceof Event.LabReady r && ours(r.job())) {
                busy = Optional.empty();
                result = Optional.of(new Result.Lab(r.lab()));
            } else if (e instanceof Event.Failed f && ours(f.job())) {
                busy = Optional.empty();
                message = Optional.of(f.reason());
            }
        }

        private boolean ours(long job) {
            return busy.map(b -> b.id() == job).orElse(false);
        }

        private Job job(Job.Work work) {
            jobs++;
            Job j = new Job(jobs, work);
            busy = Optional.of(j);
            return j;
        }

        private void key(KeyStroke k) {
            if (k.getKeyType() == KeyType.EOF
                    || (k.getKeyType() == KeyType.Character && k.isCtrlDown() && k.getCharacter() == 'c')) {
                result = Optional.of(new Result.Quit());
                return;
            }
            if (busy.isPresent()) {
                if (k.getKeyType() == KeyType.Escape && busy.get().work() == Job.Work.LOGIN) {
                    effects.add(new Effect.Cancel(busy.get().id()));
                    busy = Optional.empty();
                    message = Optional.of(Text.of("已取消", "cancelled"));
                }
                return;
            }
            switch (mode) {
                case CHOOSE -> choose(k);
                case FORM -> form(k);
                case ADDRESSES -> addresses(k);
                case SUMMARY -> summary(k);
                case SANDBOX -> {
                    if (k.getKeyType() == KeyType.Escape) {
                        mode = Mode.CHOOSE;
                    }
                }
            }
        }

        private void choose(KeyStroke k) {
            Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
            if (c != null && c == '1') {
                mode = Mode.FORM;
                role = 0;
                field = ADDRESS;
                message = Optional.empty();
            } else if (c != null && c == '2' && looked) {
                if (sandboxProblem.isPresent()) {
                    message = sandboxProblem;
                    return;
                }
                mode = Mode.SANDBOX;
                log.clear();
                message = Optional.empty();
                effects.add(new Effect.StartSandbox(job(Job.Work.SANDBOX).id()));
            } else if (k.getKeyType() == KeyType.Escape) {
                result = Optional.of(new Result.WithoutLab());
            } else if (c != null && c == 'q') {
                result = Optional.of(new Result.Quit());
            }
        }

        private void form(KeyStroke k) {
            String[] v = values.get(roles.get(role));
            switch (k.getKeyType()) {
                case Escape -> mode = Mode.CHOOSE;
                case Tab, ArrowDown -> field = (field + 1) % 4;
                case ReverseTab, ArrowUp -> field = (field + 3) % 4;
                case PageDown -> nextRole();
                case PageUp -> role = Math.max(0, role - 1);
                case Backspace -> {
                    if (!v[field].isEmpty()) {
                        v[field] = v[field].substring(0, v[field].length() - 1);
                    }
                }
                case Enter -> test();
                case Character -> {
                    char c = k.getCharacter();
                    if (!Character.isISOControl(c) && v[field].length() < 200
                            && (field != PORT || Character.isDigit(c))) {
                        v[field] = v[field] + c;
                    }
                }
                default -> {
                }
            }
        }

        private void nextRole() {
            message = Optional.empty();
            field = ADDRESS;
            if (role + 1 < roles.size()) {
                role++;
            } else if (addresses.isEmpty()) {
                mode = Mode.SUMMARY;
            } else {
                mode = Mode.ADDRESSES;
                field = 0;
                String offer = LabSubnet.freeAddress(state().hostAddresses()).orElse("");
                addresses.replaceAll((name, v) -> v.isBlank()
                        ? offer.isEmpty() ? course.vars().get(name).defaultValue() : offer : v);
            }
        }

        /**
         * The VIP (and any other course address): an IPv4 address, offered in the hosts' subnet; Enter checks it and
         * goes on.
         */
        private void addresses(KeyStroke k) {
            List<String> names = List.copyOf(addresses.keySet());
            String name = names.get(field);
            String v = addresses.get(name);
            switch (k.getKeyType()) {
                case Escape, PageUp -> {
                    mode = Mode.FORM;
                    role = roles.size() - 1;
                    field = ADDRESS;
                    message = Optional.empty();
                }
                case Tab, ArrowDown -> field = (field + 1) % names.size();
                case ReverseTab, ArrowUp -> field = (field + names.size() - 1) % names.size();
                case Backspace -> addresses.put(name, v.isEmpty() ? v : v.substring(0, v.length() - 1));
                case Character -> {
                    char c = k.getCharacter();
                    if ((Character.isDigit(c) || c == '.') && v.length() < 15) {
                        addresses.put(name, v + c);
                    }
                }
                case Enter -> {
                    Optional<String> bad =
                            names.stream().filter(n -> !Ipv4.isValid(addresses.get(n).strip())).findFirst();
                    if (bad.isPresent()) {
                        field = names.indexOf(bad.get());
                        String example = LabSubnet.freeAddress(state().hostAddresses()).orElse("10.0.0.200");
                        message = Optional.of(Text.of(bad.get() + " 必须是 IPv4 地址，例如 " + example,
                                bad.get() + " must be an IPv4 address, e.g. " + example));
                        return;
                    }
                    message = Optional.empty();
                    mode = Mode.SUMMARY;
                }
                default -> {
                }
            }
        }

        /** Tries the login of the role being edited; on success moves on; an empty address skips the role. */
        private void test() {
            String r = roles.get(role);
            String[] v = values.get(r);
            if (v[ADDRESS].isBlank()) {
                tested.remove(r);
                nextRole();
                return;
            }
            HostSpec spec;
            try {
                spec = spec(r, Arrays.asList(v));
            } catch (IllegalArgumentException e) {
                message = Optional.of(Text.of("端口必须在 1 到 65535 之间", "the port must be between 1 and 65535"));
                return;
            }
            message = Optional.of(Text.of("正在尝试登录 " + r + "...", "trying to log in to " + r + "..."));
            effects.add(new Effect.TryLogin(job(Job.Work.LOGIN).id(), spec));
        }

        private void summary(KeyStroke k) {
            if (k.getKeyType() == KeyType.Escape || k.getKeyType() == KeyType.PageUp) {
                mode = addresses.isEmpty() ? Mode.FORM : Mode.ADDRESSES;
                role = roles.size() - 1;
                field = addresses.isEmpty() ? ADDRESS : 0;
                return;
            }
            if (k.getKeyType() != KeyType.Enter) {
                return;
            }
            Map<String, HostSpec> ok = new LinkedHashMap<>();
            tested.forEach((r, problem) -> {
                if (problem.isEmpty()) {
                    ok.put(r, spec(r, Arrays.asList(values.get(r))));
                }
            });
            if (ok.isEmpty()) {
                message = Optional
                        .of(Text.of("还没有一台主机登录成功；按 Esc 返回填写", "no host has logged in yet; Esc goes back to the form"));
                return;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            addresses.forEach((n, v) -> vars.put(n, v.strip()));
            effects.add(new Effect.WriteLab(job(Job.Work.WRITE).id(), ok, vars));
        }
    }

    static HostSpec spec(String role, List<String> v) {
        int port = Integer.parseInt(v.get(PORT).isBlank() ? "22" : v.get(PORT));
        String user = v.get(USER).isBlank() ? "root" : v.get(USER).strip();
        Optional<Path> key = v.get(KEY).isBlank() ? Optional.empty() : Optional.of(Path.of(v.get(KEY).strip()));
        return new HostSpec(role, v.get(ADDRESS).strip(), port, user, key, Optional.empty(), !"root".equals(user));
    }
}
