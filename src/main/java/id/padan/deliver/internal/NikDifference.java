package id.padan.deliver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a submitted NIK differs from the registry's, in words instead of digits (which digit positions and which
 * part of the NIK, a swap, a digit too few or too many, Excel's notation, the family card number, a relative's or
 * another person's NIK), so that a reviewer can judge a correction without seeing either number.
 */
final class NikDifference {
    private static final Pattern EXCEL = Pattern.compile("^\\s*'?\\d[.,]\\d+[eE]\\+?\\d{1,2}\\s*$");
    private final ReportText text;

    NikDifference(ReportText text) {
        this.text = text;
    }

    /** What the submitted NIK's owner in the registry is, when the submitted value is a registry NIK. */
    enum Owner { NONE, THIS_PERSON, RELATIVE, OTHER_PERSON }

    /**
     * @param submitted   the NIK as sent (any shape, null or blank when missing)
     * @param registryNik the registry NIK of the person the row was linked to (null when not in the registry)
     * @param registryKk  that person's family card number (null when unknown)
     * @param owner       whose registry NIK the submitted value is
     * @return the difference in the report's language; empty when there is no registry NIK to compare with
     */
    String describe(String submitted, String registryNik, String registryKk, Owner owner) {
        if (registryNik == null || registryNik.isBlank()) return "";
        if (submitted == null || submitted.isBlank() || digits(submitted).isEmpty()) return text.t("nd.blank");
        if (EXCEL.matcher(submitted).matches()) return text.t("nd.excel");
        String s = digits(submitted);
        if (s.equals(registryNik)) return text.t(s.equals(submitted.strip()) ? "nd.same" : "nd.same_other_shape");
        if (registryKk != null && s.equals(registryKk)) return text.t("nd.kk");
        if (owner == Owner.RELATIVE) return text.t("nd.relative");
        if (owner == Owner.OTHER_PERSON) return text.t("nd.other_person");
        if (s.length() == registryNik.length()) {
            List<Integer> diff = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) if (s.charAt(i) != registryNik.charAt(i)) diff.add(i);
            if (diff.size() == 2 && diff.get(1) == diff.get(0) + 1 && s.charAt(diff.get(0)) == registryNik.charAt(diff.get(1))
                    && s.charAt(diff.get(1)) == registryNik.charAt(diff.get(0))) {
                return String.format(text.t("nd.swap"), diff.get(0) + 1, diff.get(1) + 1, part(diff.get(0)));
            }
            if (diff.size() == 1) return String.format(text.t("nd.one_digit"), diff.get(0) + 1, part(diff.get(0)));
            if (diff.size() <= 4) {
                List<String> at = new ArrayList<>();
                for (int i : diff) at.add(Integer.toString(i + 1));
                return String.format(text.t("nd.digits"), diff.size(), String.join(", ", at));
            }
            return String.format(text.t("nd.many"), diff.size());
        }
        if (s.length() == registryNik.length() - 1) {
            for (int i = 0; i < registryNik.length(); i++) {
                if ((registryNik.substring(0, i) + registryNik.substring(i + 1)).equals(s)) {
                    return String.format(text.t("nd.dropped"), i + 1, part(i));
                }
            }
        }
        if (s.length() == registryNik.length() + 1) {
            for (int i = 0; i < s.length(); i++) {
                if ((s.substring(0, i) + s.substring(i + 1)).equals(registryNik)) return String.format(text.t("nd.inserted"), i + 1, part(Math.min(i, 15)));
            }
        }
        return String.format(text.t("nd.length"), s.length());
    }

    /** The part of a NIK a 0-based digit position falls in: region, birth date or serial. */
    private String part(int position) {
        return text.t(position < 6 ? "nd.part.region" : position < 12 ? "nd.part.date" : "nd.part.serial");
    }

    static String digits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') sb.append(c);
        }
        return sb.toString();
    }
}
