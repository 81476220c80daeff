package dev.labtutor.yaml;

import java.util.List;

/** A data file (lab file, course, checks) is wrong; the message is the first problem as file:line:col. */
public final class DataFileException extends RuntimeException {

    private final List<Problem> problems;

    public DataFileException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid data file" : problems.get(0).toString()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
