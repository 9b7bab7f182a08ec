package io.learnstream.ingest.identity;

/**
 * How a learner's identifier becomes the student key analytics carry: by default the district's
 * {@link PseudonymKey} of the identifier itself; the intake links identifiers a district's roster knows to the
 * roster user, so that one student seen by several tools has one key.
 */
@FunctionalInterface
public interface StudentKeys {
    /**
     * The student key of a learner.
     *
     * @param learnerIdentifier an xAPI actor's IFI ({@code mbox:mailto:a@b.org}, {@code account:<homePage>|<name>},
     *     {@code openid:<uri>}, {@code mbox_sha1sum:<hex>}) or a Caliper learner's id prefixed {@code caliper:}
     */
    String studentKey(String learnerIdentifier);
}
