package io.learnstream.app.dashboard.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.learnstream.app.dashboard.data.StudentRisk;
import io.learnstream.app.dashboard.names.StudentNames;
import io.learnstream.schemas.avro.Alert;
import java.util.Map;
import java.util.Objects;

/** The dashboard's jte templates (src/main/jte, compiled to classes at build time), rendered to strings. */
public final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final StudentNames names;

    /** @param names what the live fragments name students by (their pages decided who may see them) */
    public Views(StudentNames names) {
        this.names = Objects.requireNonNull(names, "names");
    }

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template + ".jte", params, out);
        return out.toString();
    }

    /** One alert of the inbox, as a live update adds it. */
    public String alertItem(Alert alert) {
        return render("alertItem", Map.of("alert", alert, "name", names.displayName(alert.getTenantId(), alert.getStudentKey())));
    }

    /** What removes an alert from any page showing it (an out-of-band delete of its item). */
    public String alertRemoval(String alertId) {
        return "<li id=\"" + Links.alertId(alertId) + "\" hx-swap-oob=\"delete\"></li>";
    }

    /** A class's row of the class list, replacing the one shown (out of band). */
    public String classRowUpdate(ClassRow row) {
        return render("classRow", Map.of("row", row, "oob", true));
    }

    /** A student's risk row of the class page, replacing the one shown (out of band). */
    public String riskRowUpdate(String tenantId, StudentRisk student) {
        return render("riskRow", Map.of("student", student, "name", names.displayName(tenantId, student.studentKey()), "oob", true));
    }
}
