package io.learnstream.app.privacy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The student an erasure is about, as every place knows them: their district, the roster user they are (if any), the
 * xAPI identifiers (IFIs, as the intake writes them: {@code mbox:mailto:…}, {@code account:<homePage>|<name>},
 * {@code openid:…}) and identity tokens ({@link io.learnstream.streams.roster.IdentityTokens}) statements name them by,
 * the pseudonymous student keys the analytics know them by, and the attachment data only their statements carry.
 *
 * @param tenantId     the district
 * @param rosterUser   the roster user's sourcedId, when the student is on the district's roster
 * @param identifiers  exact actor identifiers of the student
 * @param tokens       identity tokens ({@code email:…}, {@code id:…}) any of the student's identifiers has
 * @param studentKeys  every student key of the student (the roster user's, and each identifier's own)
 * @param attachments  SHA-2s of attachment data referenced by the student's statements and by no one else's
 */
public record ErasureSubject(String tenantId, Optional<String> rosterUser, Set<String> identifiers, Set<String> tokens,
        Set<String> studentKeys, Set<String> attachments) {
    public ErasureSubject {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(rosterUser, "rosterUser");
        identifiers = Set.copyOf(new TreeSet<>(identifiers));
        tokens = Set.copyOf(tokens);
        studentKeys = Set.copyOf(studentKeys);
        attachments = Set.copyOf(attachments);
        if (studentKeys.isEmpty()) throw new IllegalArgumentException("an erasure subject needs at least one student key");
    }

    /** This subject with more identifiers (seen in the archive), their student keys and the attachments only it references. */
    public ErasureSubject expandedBy(Set<String> moreIdentifiers, Set<String> moreKeys, Set<String> onlyItsAttachments) {
        Set<String> ids = new TreeSet<>(identifiers);
        ids.addAll(moreIdentifiers);
        Set<String> keys = new TreeSet<>(studentKeys);
        keys.addAll(moreKeys);
        Set<String> shas = new TreeSet<>(attachments);
        shas.addAll(onlyItsAttachments);
        return new ErasureSubject(tenantId, rosterUser, ids, tokens, keys, shas);
    }

    /** Never the identifiers themselves: a subject is personal data. */
    @Override
    public String toString() {
        return "ErasureSubject[tenant=" + tenantId + ", rosterUser=" + rosterUser.isPresent() + ", keys=" + studentKeys.size() + "]";
    }
}
