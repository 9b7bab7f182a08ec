package io.learnstream.app.dashboard.web;

import io.learnstream.app.dashboard.data.ClassRisk;
import io.learnstream.schemas.avro.RosterClass;

/** One line of the class list: the roster class, its risk indicator and its open alerts. */
public record ClassRow(RosterClass rosterClass, ClassRisk risk, int openAlerts) {}
