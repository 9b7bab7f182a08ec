package io.learnstream.streams.risk.model;

import java.util.List;

/**
 * What the risk model knows of a class when it scores one of its students.
 *
 * @param start the class's first day (start of day, epoch millis)
 * @param lineItems the class's assignments with their due dates
 * @param activities distinct activities the class's students have touched so far (the coverage denominator)
 * @param distribution how the class's students were active in their last 7 days (for the percentile)
 * @param withActivityData whether the class's tools send activity beyond submissions (a class whose LMS sends no
 *     logs is scored by the model fitted for such classes)
 */
public record ClassContext(long start, List<LineItem> lineItems, int activities, ActivityDistribution distribution,
        boolean withActivityData) {

    /** An assignment: id and due time (epoch millis). */
    public record LineItem(String id, long due) {}

    public ClassContext {
        lineItems = List.copyOf(lineItems);
    }
}
