package io.learnstream.deploy.grafana;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PromQL expression of the dashboards reads: the learnstream metrics it selects with their label matchers, and
 * the labels it aggregates by. Enough of PromQL for the expressions a dashboard holds, not a parser of the language.
 */
record PromQlSelectors(List<Selector> selectors, List<String> groupingLabels) {
    private static final Pattern SELECTOR = Pattern.compile("\\b(learnstream_\\w+)(?:\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

    /** One selected metric and its label matchers. */
    record Selector(String metric, List<LabelMatcher> matchers) {
    }

    /** {@code label op "value"}, op one of {@code = != =~ !~}. */
    record LabelMatcher(String label, String operator, String value) {
    }

    static PromQlSelectors of(String expression) {
        List<Selector> selectors = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            List<LabelMatcher> matchers = new ArrayList<>();
            if (selector.group(2) != null) {
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) matchers.add(new LabelMatcher(matcher.group(1), matcher.group(2), matcher.group(3)));
            }
            selectors.add(new Selector(selector.group(1), List.copyOf(matchers)));
        }
        List<String> grouping = new ArrayList<>();
        Matcher by = GROUPING.matcher(expression);
        while (by.find()) {
            for (String label : by.group(1).split(",")) if (!label.isBlank()) grouping.add(label.trim());
        }
        return new PromQlSelectors(List.copyOf(selectors), List.copyOf(grouping));
    }
}
