package id.padan.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A filled-in {@code report.xlsx}, read by Apache POI: the sheet whose first row has a {@code keputusan} column (the
 * rows needing a decision), each row numbered as the spreadsheet numbers it. Cells are read as the spreadsheet shows
 * them (a formula's cached value, never evaluated).
 */
final class DecisionWorkbook {
    private DecisionWorkbook() {}

    static List<DecisionFile.Line> read(Path file) throws IOException {
        DataFormatter shown = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                Row first = sheet.getRow(sheet.getFirstRowNum());
                if (first == null) continue;
                String[] header = cells(first, shown, first.getLastCellNum());
                boolean decisions = false;
                for (String h : header) decisions |= h.strip().equalsIgnoreCase("keputusan");
                if (!decisions) continue;
                Map<DecisionFile.Column, Integer> at = DecisionFile.columns(Path.of(file + " [" + sheet.getSheetName() + "]"), header);
                List<DecisionFile.Line> lines = new ArrayList<>();
                for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) continue;
                    String[] v = cells(row, shown, header.length);
                    boolean blank = true;
                    for (String s : v) blank &= s.isBlank();
                    if (blank) continue;
                    Map<DecisionFile.Column, String> cells = new HashMap<>();
                    for (var e : at.entrySet()) cells.put(e.getKey(), v[e.getValue()]);
                    lines.add(new DecisionFile.Line(r + 1, cells));
                }
                return lines;
            }
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new IllegalArgumentException(file + ": not an XLSX workbook (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(file + ": no sheet with a keputusan column (import the report.xlsx padan delivered)");
    }

    private static String[] cells(Row row, DataFormatter shown, int count) {
        String[] v = new String[Math.max(count, 0)];
        for (int c = 0; c < v.length; c++) v[c] = row.getCell(c) == null ? "" : shown.formatCellValue(row.getCell(c));
        return v;
    }
}
