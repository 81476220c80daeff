package dev.labtutor.cli;

import dev.labtutor.app.LearnerContext;
import dev.labtutor.app.SandboxLab;
import dev.labtutor.course.Course;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.sandbox.SandboxSpec;
import dev.labtutor.ssh.SshOptions;
import dev.labtutor.yaml.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which lab file and known_hosts to use. Lab file: {@code --lab}, or the lab file of the running sandbox
 * {@code --sandbox NAME}; else {@code ./lab.yaml}, else the default sandbox's while it is up, else
 * {@code ~/.config/labtutor/lab.yaml}.
 */
public final class LabOptions {

    @Option(names = "--lab", paramLabel = "FILE",
            description = "Lab file (default: ./lab.yaml, the sandbox's while it is up, ~/.config/labtutor/lab.yaml).")
    Path lab;

    @Option(names = "--sandbox", paramLabel = "NAME",
            description = "Use the lab file of the running sandbox NAME ('sandbox up --name NAME'; a sandbox with another --state-dir: --lab STATE_DIR/NAME/lab.yaml).")
    String sandbox;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "labtutor's known_hosts (default: ~/.config/labtutor/known_hosts).")
    Path knownHosts;

    @Option(names = "--ssh-config", paramLabel = "FILE",
            description = "ssh client config whose Host aliases the lab file may name (default: the lab file's ssh-config:, else ~/.ssh/config).")
    Path sshConfig;

    /** Candidate lab files in order of preference. */
    public static List<Path> candidates() {
        List<Path> c = new ArrayList<>();
        c.add(Path.of("lab.yaml"));
        SandboxLab.currentLabFile().ifPresent(c::add);
        c.add(SshOptions.defaultKnownHosts().resolveSibling("lab.yaml"));
        return c;
    }

    /** The first existing candidate lab file, if any. */
    public static Optional<Path> firstCandidate() {
        return candidates().stream().filter(Files::isRegularFile).findFirst();
    }

    /** The lab file to use: {@code --lab} (which must exist), else the first existing candidate. */
    public Optional<Path> find() {
        if (sandbox != null) {
            return Optional.of(sandboxLab());
        }
        if (lab != null) {
            if (!Files.isRegularFile(lab)) {
                throw new UserError("lab file " + lab + " does not exist");
            }
            return Optional.of(lab);
        }
        return firstCandidate();
    }

    private Path sandboxLab() {
        if (lab != null) {
            throw new UserError("--lab and --sandbox both name a lab file: give one of them");
        }
        SandboxSpec spec;
        try {
            spec = SandboxSpec.defaults().withName(sandbox);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return SandboxLab.labFile(sandbox)
                .orElseThrow(() -> new UserError("sandbox " + sandbox + " is not up (no lab file in " + spec.stateDir()
                        + "): start it with 'sudo labtutor sandbox up" + spec.whereOptions()
                        + "', or give a sandbox with another --state-dir as --lab STATE_DIR/" + sandbox + "/lab.yaml"));
    }

    /** The lab file, read; a missing or invalid one is a {@link UserError}. */
    public LabFile load() {
        return read(find().orElseThrow(() -> new UserError(
                "no lab file: write lab.yaml (see README: 'The lab file'), pass --lab FILE, or start the local sandbox with 'labtutor sandbox up'")));
    }

    /** The lab file when there is one (a given {@code --lab} must exist and be valid). */
    public Optional<LabFile> loadIfAny() {
        return find().map(this::read);
    }

    private LabFile read(Path p) {
        if (sshConfig != null && !Files.isRegularFile(sshConfig)) {
            throw new UserError("ssh config " + sshConfig + " does not exist");
        }
        try {
            return LabFileReader.forCurrentUser().withSshConfig(Optional.ofNullable(sshConfig)).readStrict(p);
        } catch (DataFileException e) {
            throw new UserError("the lab file is invalid:\n" + e.listing(20));
        }
    }

    public Path knownHosts(Optional<LabFile> labFile) {
        return LearnerContext.knownHosts(Optional.ofNullable(knownHosts), labFile);
    }

    /**
     * The course, the lab file and the learner's progress on it; {@code needLab} makes a missing lab file a
     * {@link UserError}.
     */
    public LearnerContext learner(CourseOptions courseOptions, boolean needLab) {
        Course course = courseOptions.loadCourse();
        Optional<LabFile> lab = needLab ? Optional.of(load()) : loadIfAny();
        return LearnerContext.of(course, lab, ProgressStore.standard());
    }
}
