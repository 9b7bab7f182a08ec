package io.learnstream.app.privacy;

import io.learnstream.sinks.lrs.SqlLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * The ClickHouse condition "this agent identifier of the archive's {@code agents} column is the subject": one of their
 * exact identifiers, or an identifier whose identity token ({@link io.learnstream.streams.roster.IdentityTokens#ofLearner},
 * written in SQL) is one of theirs.
 */
final class ArchiveAgents {
    private ArchiveAgents() {}

    /** A lambda body over {@code a}, for {@code arrayExists(a -> …, agents)} and {@code arrayFilter}. */
    static String isSubject(ErasureSubject subject) {
        List<String> alternatives = new ArrayList<>();
        if (!subject.identifiers().isEmpty()) alternatives.add("a IN " + SqlLiteral.stringList(subject.identifiers()));
        if (!subject.tokens().isEmpty()) {
            alternatives.add("multiIf(startsWith(a, 'mbox:mailto:'), concat('email:', lower(trim(substring(a, 13)))),"
                    + " startsWith(a, 'account:') AND position(a, '|') > 0, concat('id:', substring(a, position(a, '|') + 1)),"
                    + " startsWith(a, 'openid:'), concat('id:', substring(a, 8)),"
                    + " startsWith(a, 'caliper:'), concat('id:', substring(a, 9)), '') IN " + SqlLiteral.stringList(subject.tokens()));
        }
        return alternatives.isEmpty() ? "0" : "(" + String.join(" OR ", alternatives) + ")";
    }

    /** Rows of the subject's district whose actor or object agent is the subject. */
    static String statementsOf(ErasureSubject subject) {
        return "tenant_id = " + SqlLiteral.string(subject.tenantId()) + " AND arrayExists(a -> " + isSubject(subject) + ", agents)";
    }

    /** The SHA-2s of the attachments the statements of {@code where} declare. */
    static String attachmentsOf(String where) {
        return "SELECT DISTINCT arrayJoin(arrayMap(x -> JSONExtractString(x, 'sha2'), JSONExtractArrayRaw(statement, 'attachments'))) AS sha2"
                + " FROM xapi_statements WHERE " + where;
    }
}
