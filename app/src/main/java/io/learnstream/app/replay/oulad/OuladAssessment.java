package io.learnstream.app.replay.oulad;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * An assessment of a presentation, the roster line item {@code <id>}.
 *
 * @param id {@code id_assessment}
 * @param type {@code TMA} (tutor-marked), {@code CMA} (computer-marked) or {@code Exam}
 * @param day the day it is due, relative to the presentation's start; empty for some exams
 * @param weight its weight in the final mark, in percent
 * @param dueDate the date it is due: the start plus {@code day}, or the presentation's last day when {@code day} is empty
 */
public record OuladAssessment(String id, String type, OptionalInt day, double weight, LocalDate dueDate) {}
