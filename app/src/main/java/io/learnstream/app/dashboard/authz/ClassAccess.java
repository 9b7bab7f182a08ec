package io.learnstream.app.dashboard.authz;

import io.learnstream.app.dashboard.accounts.Role;
import io.learnstream.schemas.avro.RosterClass;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which classes a principal may see: a teacher those the roster names them a teacher of (primary or co-teacher), a
 * district account every class of its district; never a class of another district. The one place the dashboard
 * decides it: pages, API routes and live updates all ask here.
 */
public final class ClassAccess {
    private final RosterClasses roster;

    public ClassAccess(RosterClasses roster) {
        this.roster = Objects.requireNonNull(roster, "roster");
    }

    public boolean maySee(Principal principal, String tenantId, String classId) {
        if (!principal.tenantId().equals(tenantId) || roster.find(tenantId, classId).isEmpty()) return false;
        return principal.role() == Role.DISTRICT || roster.teaches(tenantId, classId, principal.teacherSourcedId().orElseThrow());
    }

    /**
     * The class {@code classId} of the principal's district.
     *
     * @throws AccessDenied when the principal may not see it (whether or not it exists, so nothing is told of others' classes)
     */
    public RosterClass require(Principal principal, String classId) {
        if (!maySee(principal, principal.tenantId(), classId)) throw new AccessDenied("class '" + classId + "' is not one of yours");
        return roster.find(principal.tenantId(), classId).orElseThrow(() -> new AccessDenied("class '" + classId + "' is not one of yours"));
    }

    /** The classes the principal sees, by title. */
    public List<RosterClass> visible(Principal principal) {
        return roster.ofDistrict(principal.tenantId()).filter(c -> maySee(principal, c.getTenantId(), c.getSourcedId()))
                .sorted(Comparator.comparing(RosterClass::getTitle).thenComparing(RosterClass::getSourcedId)).toList();
    }

    /** A request for data the principal may not see: answered 403. */
    public static final class AccessDenied extends RuntimeException {
        public AccessDenied(String message) {
            super(message);
        }
    }
}
