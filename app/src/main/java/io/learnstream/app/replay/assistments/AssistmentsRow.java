package io.learnstream.app.replay.assistments;

import java.util.Objects;

/**
 * One row of an ASSISTments-shaped file: a student's answer to an item.
 *
 * @param line the row's line in its file (1 is the header), for messages
 * @param skillId the skill the item exercises as the file names it (a combined id such as {@code 10_13} is one
 *     skill, as Gervet et al. preprocessed it), or empty when it names none
 */
public record AssistmentsRow(long line, String userId, String itemId, boolean correct, String skillId) {
    public AssistmentsRow {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(skillId, "skillId");
    }
}
