package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.Skill;

import java.util.HashMap;
import java.util.Map;

/** A student's state carried from day to day: practice per skill and progress per module; mutable. */
final class StudentProgress {

    private final Map<String, Integer> practice = new HashMap<>();
    private final Map<Module, ModuleProgress> modules = new HashMap<>();

    /** Number of questions of the skill answered so far. */
    int practice(Skill skill) {
        return practice.getOrDefault(skill.id(), 0);
    }

    void practised(Skill skill) {
        practice.merge(skill.id(), 1, Integer::sum);
    }

    ModuleProgress module(Module module) {
        return modules.computeIfAbsent(module, m -> new ModuleProgress());
    }

    boolean hasStarted(Module module) {
        return modules.containsKey(module);
    }
}
