package id.padan.deliver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.padan.deliver.MaskedNik;
import id.padan.deliver.ReviewText;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The cells of the rows needing a decision, written at once, are what the page's template wrote expression by
 * expression (kept under src/test/resources as it was, rendered here by Thymeleaf): every side present or absent,
 * a status, a NIK difference, a death date or none, markup-significant characters and long texts.
 */
public class DecisionRowHtmlTest {
    /** A group of rows as the template saw it. */
    public record Group(boolean candidates, List<DecisionRow> rows) {}

    private static DecisionRow.Side side(String nik, String name, String born, String died) {
        return new DecisionRow.Side(MaskedNik.of(nik), ReviewText.of(name), ReviewText.of(born), ReviewText.of("laki-laki"),
                ReviewText.of("3201010001 Desa <\"Satu\"> & 'Dua'"), ReviewText.of(died));
    }

    private static List<DecisionRow> rows() {
        String longWhy = "Menurut Dukcapil orang ini meninggal, tetapi masih tercatat sebagai penerima & <b>tidak</b> \"dicabut\"; ".repeat(3);
        DecisionRow.Side sent = side("3201014501900001", "SITI 'AMINAH' & <ANAK>", "05-01-1990", "");
        DecisionRow.Side registry = side("3201014501900002", "SITI AMINAH", "05-01-1990", "24-09-2025");
        DecisionRow.Side alive = side("3201014501900002", "SITI AMINAH", "05-01-1990", "");
        DecisionRow.Side candidate = side("3201014501900003", "SITI AMINA", "06-01-1990", "");
        List<DecisionRow> out = new ArrayList<>();
        int i = 0;
        for (DecisionRow.Side reg : List.of(registry, alive, DecisionRow.Side.NONE)) {
            for (DecisionRow.Side cand : List.of(candidate, DecisionRow.Side.NONE)) {
                for (String status : List.of("", "DIJELASKAN: PINDAH (pindah ke desa <lain>)")) {
                    for (String nikDiff : List.of("", "satu digit berbeda & \"tertukar\"")) {
                        i++;
                        out.add(new DecisionRow(i % 2 == 0 ? "DECEASED_BENEFICIARY" : "REVIEW_POSSIBLE_MATCH", "WARNING", ReviewText.id("PKH"),
                                ReviewText.key("KEY-" + i + "&<x>"), ReviewText.id("3201"), ReviewText.id("320101"),
                                i % 3 == 0 ? ReviewText.EMPTY : ReviewText.of("Kec \"A\" & B"), ReviewText.id("3201010001"), ReviewText.id("" + (1000 + i)),
                                sent, reg, cand, cand.isEmpty() ? ReviewText.EMPTY : ReviewText.id("" + (2000 + i)),
                                i % 4 == 0 ? Set.of() : Set.of("name", "nik", "region"), ReviewText.of(nikDiff),
                                ReviewText.of(i % 2 == 0 ? longWhy : "nama sama"), ReviewText.EMPTY, ReviewText.of("metode X; bobot +1,00 <tinggi>"),
                                ReviewText.of(status), ReviewText.EMPTY, ReviewText.EMPTY));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theCellsAreWhatTheTemplateWroteForEveryKindOfRow() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(getClass().getClassLoader());
        resolver.setPrefix("id/padan/deliver/internal/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        for (String lang : List.of("id", "en")) {
            Map<String, String> words = ReportText.of(lang).all();
            for (boolean candidates : List.of(true, false)) {
                List<DecisionRow> rows = rows();
                Context ctx = new Context(Locale.ROOT);
                ctx.setVariable("t", words);
                ctx.setVariable("fields", DecisionRow.FIELDS);
                ctx.setVariable("g", new Group(candidates, rows));
                StringWriter byExpression = new StringWriter();
                engine.process("decision-rows-by-expression", ctx, byExpression);

                StringBuilder atOnce = new StringBuilder("<tbody>\n");
                for (DecisionRow r : rows) {
                    atOnce.append("    <tr class=\"decision\" data-code=\"").append(r.code()).append("\">")
                            .append(new DecisionRowHtml(r, candidates, words).cells()).append("</tr>\n");
                }
                atOnce.append("    </tbody>\n");
                String expected = byExpression.toString().substring(byExpression.toString().indexOf("<tbody>"));
                assertThat(atOnce.toString()).as("%s, candidates %s", lang, candidates).isEqualTo(expected);
                assertThat(expected).contains("&lt;ANAK&gt;", "&quot;", "&#39;", "&amp;", "<dd class=\"diff\">", "<span>—</span>",
                        "<strong class=\"status\">", "<small>NIK: ");
            }
        }
    }
}
