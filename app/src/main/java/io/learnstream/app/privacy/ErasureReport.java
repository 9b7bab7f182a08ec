package io.learnstream.app.privacy;

import java.util.List;

/** What an erasure removed: per place, how many rows or keys. */
public record ErasureReport(String tenantId, int studentKeys, List<Removed> removed) {
    /** One place's count. */
    public record Removed(String place, long count) {}

    public ErasureReport {
        removed = List.copyOf(removed);
    }

    public long total() {
        return removed.stream().mapToLong(Removed::count).sum();
    }

    /** The report as the CLI prints it. */
    public String render() {
        StringBuilder out = new StringBuilder(String.format("erased the student (%d student key%s) of district '%s':%n",
                studentKeys, studentKeys == 1 ? "" : "s", tenantId));
        int width = removed.stream().mapToInt(r -> r.place().length()).max().orElse(0);
        for (Removed r : removed) out.append(String.format("  %-" + width + "s %,8d%n", r.place(), r.count()));
        return out.append(String.format("  %-" + width + "s %,8d%n", "total", total())).toString();
    }
}
