package io.learnstream.sinks.lrs;

import io.learnstream.ingest.lrs.StatementQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * The content filters of a GET statements query as SQL conditions on one row of {@code xapi_statements}, one per
 * parameter given (agent, verb, activity, registration), each answerable from a skip index (bloom filters on the
 * identifier arrays and on registration, a set index on the verb). Every value is a {@link SqlLiteral}.
 */
final class StatementConditions {
    private StatementConditions() {}

    /** One condition per content filter of {@code query}, in parameter order; none when it filters only on time. */
    static List<String> of(StatementQuery query) {
        List<String> conditions = new ArrayList<>(4);
        query.agent().ifPresent(ifi -> conditions.add(
                "has(" + (query.relatedAgents() ? "related_agents" : "agents") + ", " + SqlLiteral.string(ifi) + ")"));
        query.verb().ifPresent(verb -> conditions.add("verb_id = " + SqlLiteral.string(verb)));
        query.activity().ifPresent(activity -> conditions.add(
                "has(" + (query.relatedActivities() ? "related_activities" : "activities") + ", " + SqlLiteral.string(activity) + ")"));
        query.registration().ifPresent(registration -> conditions.add("registration = " + SqlLiteral.string(registration)));
        return conditions;
    }
}
