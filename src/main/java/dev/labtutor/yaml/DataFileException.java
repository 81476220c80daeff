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

    /** Every problem, one per line (at most {@code max}, then a count of the rest). */
    public String listing(int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < problems.size() && i < max; i++) {
            sb.append(i == 0 ? "" : "\n").append(problems.get(i));
        }
        if (problems.size() > max) {
            sb.append("\n(and ").append(problems.size() - max).append(" more)");
        }
        return sb.toString();
    }

    public List<Problem> problems() {
        return problems;
    }
}
