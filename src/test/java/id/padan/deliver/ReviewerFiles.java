package id.padan.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Scans every file meant for reviewers (HTML, CSV, XLSX cells) for a NIK or KK number with more than six digits
 * visible, in any shape: 14 or more digits (with single dots, slashes, spaces or dashes between them), Excel's
 * notation with more than six digits, or 12-13 digits that are not a record key of the run (a NOKA has 13).
 */
final class ReviewerFiles {
    private static final Pattern LONG = Pattern.compile("(?<![\\d.,])\\d(?:[./ -]?\\d){13,}(?!\\d)");
    /** 12-13 digits standing alone (not the tail of a key such as KPM32710000012-02). */
    private static final Pattern MEDIUM = Pattern.compile("(?<![\\w.,-])\\d(?:[./ -]?\\d){11,12}(?!\\d)");
    private static final Pattern EXCEL = Pattern.compile("(?<!\\d)\\d[.,]\\d{6,}[eE]\\+?\\d{1,2}");

    private ReviewerFiles() {}

    /** Fails naming the file and the number when any reviewer file under {@code reports} shows more than six digits of one. */
    static void assertNoNikVisible(Path reports, Set<String> recordKeys) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(reports)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            List<String> texts = new ArrayList<>();
            if (f.toString().endsWith(".xlsx")) texts.addAll(DeliverIT.xlsxCells(f));
            else texts.add(Files.readString(f, StandardCharsets.UTF_8));
            for (String text : texts) {
                Matcher m = LONG.matcher(text);
                assertThat(m.find() ? m.group() : null).as("a NIK-like number in %s", f).isNull();
                Matcher e = EXCEL.matcher(text);
                assertThat(e.find() ? e.group() : null).as("Excel notation with more than six digits in %s", f).isNull();
                Matcher k = MEDIUM.matcher(text);
                while (k.find()) assertThat(recordKeys).as("12-13 digits in %s that are no record key", f).contains(k.group());
            }
        }
    }
}
