package io.learnstream.ingest.lrs;

import java.util.List;

/**
 * One page of a statement listing.
 *
 * @param statements the statements of the page, in the listing's order
 * @param more       whether statements matching the query follow the last one of this page
 */
public record StatementPage(List<ArchivedStatement> statements, boolean more) {
    public StatementPage {
        statements = List.copyOf(statements);
    }
}
