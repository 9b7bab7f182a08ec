package io.learnstream.app.dashboard.data;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A class's risk indicator on the class list: how many of its scored students (not withdrawn) are flagged, their mean
 * risk, and the factors flagging them most often.
 */
public record ClassRisk(String classId, int students, int flagged, double meanProbability, List<String> topFactors) {
    public static ClassRisk unscored(String classId) {
        return new ClassRisk(classId, 0, 0, 0, List.of());
    }

    /**
     * The indicator of the students' current scores, as {@link DashboardQueries#classRisk} computes it in ClickHouse:
     * withdrawn students left out, the mean risk of the others, and the three factors that flag most of the flagged
     * students (their reasons' first), most often first, then by name.
     */
    public static ClassRisk of(String classId, Collection<ScoredStudent> current) {
        List<ScoredStudent> counted = current.stream().filter(s -> !s.withdrawn()).toList();
        if (counted.isEmpty()) return unscored(classId);
        Map<String, Long> factors = counted.stream().filter(ScoredStudent::flagged).map(ScoredStudent::mainFactor).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> top = factors.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
        return new ClassRisk(classId, counted.size(), (int) counted.stream().filter(ScoredStudent::flagged).count(),
                counted.stream().mapToDouble(ScoredStudent::probability).average().orElse(0), top);
    }

    /**
     * {@code unscored} before any student has a score, {@code high} when a fifth or more of the scored students are
     * flagged, {@code some} when any is, else {@code low}.
     */
    public String level() {
        if (students == 0) return "unscored";
        if (flagged == 0) return "low";
        return flagged * 5 >= students ? "high" : "some";
    }
}
