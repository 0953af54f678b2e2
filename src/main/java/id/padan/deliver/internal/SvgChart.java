package id.padan.deliver.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Horizontal stacked bar charts as inline SVG, drawn here so that a report needs no script, font or
 * network: one bar per label, one coloured segment per series, the total at the end of each bar and a
 * legend on top. Labels are escaped and masked like every other text of a report.
 */
final class SvgChart {
    /** One bar: its label and the value of each series (missing series count 0). */
    record Bar(String label, Map<String, Long> values) {
        long total() {
            return values.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final int WIDTH = 960;
    private static final int LABEL = 300;
    private static final int ROW = 22;
    private static final int TOP = 34;

    private SvgChart() {}

    static String stacked(String title, List<Bar> bars, List<String> series, Map<String, String> colors, Map<String, String> seriesLabels) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
        int plot = WIDTH - LABEL - 70;
        int height = TOP + bars.size() * ROW + 10;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" aria-label=\"%s\">",
                WIDTH, height, WIDTH, height, Html.h(title)));
        sb.append("<title>").append(Html.h(title)).append("</title>");
        int x = LABEL;
        for (String s : series) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, colors.getOrDefault(s, "#888")));
            String label = seriesLabels.getOrDefault(s, s);
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"12\">%s</text>", x + 16, Html.h(label)));
            x += 30 + label.length() * 8;
        }
        int y = TOP;
        for (Bar b : bars) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>", LABEL - 6, y + 15,
                    Html.h(shorten(b.label(), 44))));
            double bx = LABEL;
            for (String s : series) {
                long v = b.values().getOrDefault(s, 0L);
                if (v == 0) continue;
                double w = (double) v * plot / max;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %s: %,d</title></rect>",
                        bx, y + 3, Math.max(w, 1), ROW - 6, colors.getOrDefault(s, "#888"), Html.h(b.label()), Html.h(seriesLabels.getOrDefault(s, s)), v));
                bx += w;
            }
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" fill=\"#333\">%,d</text>", bx + 6, y + 15, b.total()));
            y += ROW;
        }
        return sb.append("</svg>").toString();
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
