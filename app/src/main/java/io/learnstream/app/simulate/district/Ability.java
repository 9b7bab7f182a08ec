package io.learnstream.app.simulate.district;

import java.util.Map;

/**
 * How likely a student is to answer a question right, per skill, and how fast that improves with practice.
 * A simple item-response model: {@code P(correct) = sigmoid(general + skillOffset - difficulty
 * + learningRate * ln(1 + practice))}, where practice counts the questions of that skill answered before.
 *
 * @param general overall ability in logits (0 is average)
 * @param skillOffsets per {@link Skill#id()}, how much better (or worse) than general the student is at that skill
 * @param learningRate gain in logits per unit of {@code ln(1 + practice)}
 */
public record Ability(double general, Map<String, Double> skillOffsets, double learningRate) {

    public Ability {
        skillOffsets = Map.copyOf(skillOffsets);
        if (learningRate < 0) {
            throw new IllegalArgumentException("learningRate must be >= 0, was " + learningRate);
        }
    }

    /** Probability of answering right a question of the given skill and difficulty after {@code practice} questions. */
    public double probabilityCorrect(Skill skill, double difficulty, int practice) {
        double logit = general + skillOffsets.getOrDefault(skill.id(), 0.0) - difficulty
                + learningRate * Math.log1p(Math.max(0, practice));
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}
