package io.learnstream.app.risk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small synthetic OULAD-shaped directory for the risk model's tests, written as plain CSV:
 * <ul>
 *   <li>{@code AAA-2014J} (70 days, from 2014-10-01) with VLE activity: assessments 1 (TMA, day 19), 2 (TMA, day 40)
 *       and 3 (an exam without a date). Students 1 to 20: the even ones pass (active every day to day 60, both TMAs a
 *       day early, scores 80 and 75), the odd ones fail (active on days 0 to 5 only, TMA 1 late on day 25 with 40, no
 *       TMA 2). Student 21 withdraws on day 30 (active on days 0 to 3); student 22 registers on day 10 and passes;
 *       student 23 has no registration date. The others register on day -10.</li>
 *   <li>{@code BBB-2014J} (70 days) without VLE activity: students 31 to 38, the even ones pass (both TMAs, 4 and 5,
 *       submitted on time with 85), the odd ones fail (TMA 4 on day 30 with 30, not 5); all register on day -5 and sit
 *       the exam 6 (no date) on day 62, with 70 or 20. (A class whose events stop is ticked no further on replay
 *       unless other classes' events move its task's stream time on: the exam keeps BBB's weeks going.)</li>
 * </ul>
 * Demographics: gender F for students up to 11 and 31 to 34, else M; age band 0-35 for even students, 35-55 for odd;
 * IMD band 10-20% (none for student 22); disability Y for students divisible by 5.
 */
public final class SyntheticOulad {
    public static final String AAA = "AAA-2014J";
    public static final String BBB = "BBB-2014J";
    static final int LENGTH = 70;

    private SyntheticOulad() {}

    public static Path write(Path dir) throws IOException {
        List<String> info = new ArrayList<>(List.of("code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,"
                + "num_of_prev_attempts,studied_credits,disability,final_result"));
        List<String> registration = new ArrayList<>(List.of("code_module,code_presentation,id_student,date_registration,date_unregistration"));
        List<String> submissions = new ArrayList<>(List.of("id_assessment,id_student,date_submitted,is_banked,score"));
        List<String> vle = new ArrayList<>(List.of("code_module,code_presentation,id_student,id_site,date,sum_click"));
        for (int s = 1; s <= 23; s++) {
            boolean pass = s % 2 == 0 || s == 23;
            String result = s == 21 ? "Withdrawn" : pass ? "Pass" : "Fail";
            info.add(info("AAA", s, result));
            registration.add("AAA,2014J," + s + "," + (s == 22 ? "10" : s == 23 ? "" : "-10") + "," + (s == 21 ? "30" : ""));
            int from = s == 22 ? 10 : 0;
            int to = s == 21 ? 3 : pass ? 60 : 5;
            for (int day = from; day <= to; day++) vle.add("AAA,2014J," + s + ",100," + day + ",2");
            if (s == 21) continue;
            if (pass) {
                submissions.add("1," + s + ",18,0,80");
                submissions.add("2," + s + ",39,0,75");
            } else {
                submissions.add("1," + s + ",25,0,40");
            }
        }
        for (int s = 31; s <= 38; s++) {
            boolean pass = s % 2 == 0;
            info.add(info("BBB", s, pass ? "Pass" : "Fail"));
            registration.add("BBB,2014J," + s + ",-5,");
            if (pass) {
                submissions.add("4," + s + ",18,0,85");
                submissions.add("5," + s + ",40,0,85");
            } else {
                submissions.add("4," + s + ",30,0,30");
            }
            submissions.add("6," + s + ",62,0," + (pass ? 70 : 20));
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("courses.csv"), List.of("code_module,code_presentation,module_presentation_length",
                "AAA,2014J," + LENGTH, "BBB,2014J," + LENGTH));
        Files.write(dir.resolve("assessments.csv"), List.of("code_module,code_presentation,id_assessment,assessment_type,date,weight",
                "AAA,2014J,1,TMA,19,25", "AAA,2014J,2,TMA,40,25", "AAA,2014J,3,Exam,,50",
                "BBB,2014J,4,TMA,19,25", "BBB,2014J,5,TMA,41,25", "BBB,2014J,6,Exam,,50"));
        Files.write(dir.resolve("vle.csv"), List.of("id_site,code_module,code_presentation,activity_type,week_from,week_to", "100,AAA,2014J,resource,,"));
        Files.write(dir.resolve("studentInfo.csv"), info);
        Files.write(dir.resolve("studentRegistration.csv"), registration);
        Files.write(dir.resolve("studentAssessment.csv"), submissions);
        Files.write(dir.resolve("studentVle.csv"), vle);
        return dir;
    }

    private static String info(String module, int s, String result) {
        String gender = s <= 11 || (s >= 31 && s <= 34) ? "F" : "M";
        String age = s % 2 == 0 ? "0-35" : "35-55";
        String imd = s == 22 ? "" : "10-20%";
        return module + ",2014J," + s + "," + gender + ",Wales,HE Qualification," + imd + "," + age + ",0,60," + (s % 5 == 0 ? "Y" : "N") + "," + result;
    }
}
