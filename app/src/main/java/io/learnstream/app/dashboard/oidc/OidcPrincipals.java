package io.learnstream.app.dashboard.oidc;

import io.learnstream.app.dashboard.accounts.AccountStore;
import io.learnstream.app.dashboard.accounts.Role;
import io.learnstream.app.dashboard.accounts.RosterTeachers;
import io.learnstream.app.dashboard.authz.Principal;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.TopicTable;
import java.util.List;
import java.util.Optional;

/**
 * Who a district's provider vouched for, as the dashboard knows them: the district's data-team account of that name
 * first, else the one enabled roster teacher of the district whose {@link OidcDistrict#rosterField()} holds the value.
 * Anyone else is refused with the reason; no account is created.
 */
public final class OidcPrincipals {
    private final AccountStore accounts;
    private final TopicTable<String, RosterUser> rosterUsers;

    public OidcPrincipals(AccountStore accounts, TopicTable<String, RosterUser> rosterUsers) {
        this.accounts = accounts;
        this.rosterUsers = rosterUsers;
    }

    /** @throws OidcSignIn.Refused naming the district, the field and the value, when nobody of the district has it */
    public Principal resolve(OidcDistrict district, String value) {
        Optional<Principal> team = accounts.find(district.tenantId(), value).filter(p -> p.role() == Role.DISTRICT);
        if (team.isPresent()) return team.get();
        List<RosterUser> teachers = rosterUsers.values().stream()
                .filter(u -> u.getTenantId().equals(district.tenantId()) && u.getEnabledUser() && RosterTeachers.isTeacher(u)
                        && district.rosterField().matches(u, value))
                .toList();
        String who = district.rosterField().description() + " " + value + " in district " + district.tenantId();
        if (teachers.isEmpty()) throw new OidcSignIn.Refused("no roster teacher with " + who);
        if (teachers.size() > 1) throw new OidcSignIn.Refused("more than one roster teacher with " + who + "; ask the district to fix its roster");
        return new Principal(district.tenantId(), value, Role.TEACHER, Optional.of(teachers.getFirst().getSourcedId()));
    }
}
