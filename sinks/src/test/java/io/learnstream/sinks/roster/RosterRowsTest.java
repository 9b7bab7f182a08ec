package io.learnstream.sinks.roster;

import static io.learnstream.sinks.roster.RosterRecords.SINK_CLOCK;
import static io.learnstream.sinks.roster.RosterRecords.rosterClass;
import static io.learnstream.sinks.roster.RosterRecords.school;
import static io.learnstream.sinks.roster.RosterRecords.teacher;
import static io.learnstream.sinks.roster.RosterRecords.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.sinks.clickhouse.chdb.FreshChdbStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The roster topics' records and tombstones as rows of the {@code roster_*} tables, on chDB. */
@Timeout(120)
class RosterRowsTest extends FreshChdbStore {
    final RosterRows<RosterOrg> orgs = RosterRows.orgs(SINK_CLOCK);
    final RosterRows<RosterClass> classes = RosterRows.classes(SINK_CLOCK);
    final RosterRows<RosterEnrollment> enrollments = RosterRows.enrollments(SINK_CLOCK);

    @BeforeEach
    void applyTheSchema() {
        ClickHouseSchema.apply(store);
    }

    @Test
    void shouldWriteAClassWithItsSchoolAndGrades() {
        write(store, classes, "district-7/math-7a", rosterClass("district-7", "math-7a", "Mathematics 7, section A", "northside",
                List.of("07", "08")), 3);

        assertThat(store.query("SELECT tenant_id, class_id, title, course_id, school_id, term_ids, grades, imported_time, updated_at"
                + " FROM roster_classes").rows()).containsExactly(List.of("district-7", "math-7a", "Mathematics 7, section A", "course-math-7a",
                "northside", "[\"term-2026-08-24\"]", "[\"07\",\"08\"]", "2026-08-20 06:00:00.000", "2026-08-20 06:00:01.000"));
    }

    @Test
    void shouldShowTheLatestVersionOfARecordOnce() {
        write(store, orgs, "district-7/northside", school("district-7", "northside", "Northside Middle"), 1);
        write(store, orgs, "district-7/northside", school("district-7", "northside", "Northside Middle School"), 7);
        write(store, orgs, "district-7/northside", school("district-7", "northside", "Northside Middle School"), 7); // a replay

        assertThat(store.query("SELECT sourced_id, name, type, parent_sourced_id FROM roster_orgs").rows())
                .containsExactly(List.of("northside", "Northside Middle School", "school", "district-7"));
    }

    @Test
    void shouldLeaveOutARecordTheRosterRemoved() {
        write(store, enrollments, "district-7/e-1", teacher("district-7", "e-1", "math-7a", "t-rivera", "northside", true), 1);
        write(store, enrollments, "district-7/e-2", teacher("district-7", "e-2", "math-7a", "t-okafor", "northside", false), 2);
        write(store, enrollments, "district-7/e-2", null, 5);

        assertThat(store.query("SELECT sourced_id, class_id, user_sourced_id, role, is_primary, begin_date FROM roster_enrollments").rows())
                .containsExactly(Arrays.asList("e-1", "math-7a", "t-rivera", "teacher", "1", null));
        store.execute("OPTIMIZE TABLE roster_enrollments_versions FINAL");
        assertThat(store.query("SELECT sourced_id FROM roster_enrollments").column("sourced_id")).containsExactly("e-1");
    }

    @Test
    void shouldBringBackARecordImportedAgainAfterItsRemoval() {
        write(store, classes, "district-7/art-6", rosterClass("district-7", "art-6", "Art 6", "northside", List.of("06")), 1);
        write(store, classes, "district-7/art-6", null, 2);
        write(store, classes, "district-7/art-6", rosterClass("district-7", "art-6", "Art 6", "southside", List.of("06")), 3);

        assertThat(store.query("SELECT class_id, school_id FROM roster_classes").rows()).containsExactly(List.of("art-6", "southside"));
    }

    @Test
    void shouldKeepTheSameIdOfTwoDistrictsApart() {
        write(store, orgs, "district-7/northside", school("district-7", "northside", "Northside Middle School"), 1);
        write(store, orgs, "district-8/northside", school("district-8", "northside", "Northside High"), 1);
        write(store, orgs, "district-8/northside", null, 2);

        assertThat(store.query("SELECT tenant_id, name FROM roster_orgs").rows()).containsExactly(List.of("district-7", "Northside Middle School"));
    }

    @Test
    void aTombstoneWhoseKeyNamesNoDistrictIsRejectedForTheDeadLetterTopic() {
        assertThatThrownBy(() -> orgs.tombstone("northside", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a tombstone of roster_orgs_versions needs the key <tenant>/<sourcedId>, was 'northside'");
    }
}
