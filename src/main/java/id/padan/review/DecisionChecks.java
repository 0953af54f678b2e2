package id.padan.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks every decision passes before it is stored, whether it comes from a file or the page: each refusal is a
 * reason a reviewer reads (Bahasa Indonesia). Set-based: one query per step for all decisions asked at once.
 */
final class DecisionChecks {
    private final String registrySource;
    private final ReviewSettings settings;

    DecisionChecks(String registrySource, ReviewSettings settings) {
        this.registrySource = registrySource;
        this.settings = settings;
    }

    /** A decision as asked: the item (program, record key, finding code), the candidate shown, the word and the reason. */
    record Asked(int lineNo, String source, String recordKey, String code, String candidate, String keputusan, String alasan) {}

    /** A decision that passed every check, ready to store. */
    record NewDecision(String reviewer, String role, Keputusan.Kind kind, String source, String recordKey, String code, String otherSource,
                       String otherKey, Keputusan keputusan, String newKey, String alasan, String fingerprint, long runId, String kabupaten,
                       String origin, boolean needsApproval) {}

    /** The decisions to store, the refused ones by line with their reason, and how many change nothing. */
    record Outcome(List<NewDecision> accepted, Map<Integer, String> refused, int unchanged) {}

    /** What the run says about an item. */
    private record Item(String kabupaten, String candidateSource, String candidateKey, Long candidatePerson, String registryKey) {}

    private static final class Pending {
        final Asked a;
        final Keputusan k;
        final Keputusan.Kind kind;
        String nik;
        Item item;
        String otherSource, otherKey, newKey, fingerprint;

        Pending(Asked a, Keputusan k) {
            this.a = a;
            this.k = k;
            this.kind = Keputusan.Kind.of(a.code());
        }

        String subject() {
            return a.source() + '\u0000' + a.recordKey() + '\u0000' + a.code() + (kind == Keputusan.Kind.PAIR ? '\u0000' + otherKey : "");
        }
    }

    Outcome check(Connection c, long run, List<Asked> asked, String reviewer, String role, String origin) throws SQLException {
        Map<Integer, String> refused = new TreeMap<>();
        List<Pending> ok = new ArrayList<>();
        for (Asked a : asked) {
            String why = wordProblem(a);
            if (why != null) {
                refused.put(a.lineNo(), why);
                continue;
            }
            Pending p = new Pending(a, Keputusan.parse(a.keputusan()));
            if (p.k == Keputusan.GANTI) p.nik = a.keputusan().substring(a.keputusan().indexOf(':') + 1).replaceAll("[\\s.\\-/]", "");
            ok.add(p);
        }
        items(c, run, ok);
        Map<String, String> nikRows = registryRows(c, run, ok);
        List<Pending> found = new ArrayList<>();
        for (Pending p : ok) {
            String why = itemProblem(p, run, nikRows);
            if (why != null) refused.put(p.a.lineNo(), why);
            else found.add(p);
        }
        fingerprints(c, run, found);
        Map<Pending, Latest> latest = latest(c, found);
        List<NewDecision> accepted = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int unchanged = 0;
        for (Pending p : found) {
            Integer earlier = firstLine.putIfAbsent(p.subject(), p.a.lineNo());
            if (earlier != null) {
                refused.put(p.a.lineNo(), "item ini sudah diputuskan di baris " + earlier + " file ini; satu keputusan per item");
                continue;
            }
            Latest l = latest.get(p);
            if (p.k == Keputusan.BATAL && (l == null || l.keputusan == Keputusan.BATAL)) {
                refused.put(p.a.lineNo(), "BATAL: belum ada keputusan untuk item ini yang dapat dibatalkan");
                continue;
            }
            if (l != null && l.keputusan == p.k && java.util.Objects.equals(l.newKey, p.newKey) && l.fingerprint.equals(p.fingerprint)) {
                unchanged++;
                continue;
            }
            accepted.add(new NewDecision(reviewer, role, p.kind, p.a.source(), p.a.recordKey(), p.a.code(), p.otherSource, p.otherKey, p.k, p.newKey,
                    p.a.alasan().isEmpty() ? null : p.a.alasan(), p.fingerprint, run, p.item.kabupaten(), (p.a.lineNo() > 0 ? origin + ":" + p.a.lineNo() : origin),
                    settings.needsApproval(p.a.code(), p.k)));
        }
        return new Outcome(accepted, refused, unchanged);
    }

    /** What is wrong with the words of a line, without looking at the run; null when nothing. */
    static String wordProblem(Asked a) {
        if (a.source().isEmpty() || a.recordKey().isEmpty() || a.code().isEmpty()) return "program, kunci_baris atau kode_temuan kosong";
        if (a.recordKey().contains("*")) return "kunci_baris disamarkan (" + a.recordKey() + "): baris tidak dapat dikenali; putuskan di halaman pemeriksaan";
        Keputusan.Kind kind = Keputusan.Kind.of(a.code());
        Keputusan k = Keputusan.parse(a.keputusan());
        String allowed = String.join(", ", kind.answers().stream().map(w -> w == Keputusan.GANTI ? "GANTI:<NIK>" : w.name()).toList());
        if (k == null || !k.answers(kind)) {
            return "keputusan '" + a.keputusan() + "' tidak berlaku untuk " + a.code() + "; yang berlaku: " + allowed;
        }
        boolean hasValue = a.keputusan().contains(":");
        if (k == Keputusan.GANTI) {
            String nik = a.keputusan().substring(a.keputusan().indexOf(':') + 1).replaceAll("[\\s.\\-/]", "");
            if (!hasValue || !nik.matches("\\d{16}")) return "GANTI perlu NIK 16 digit yang benar, ditulis GANTI:<NIK>";
        } else if (hasValue) {
            return "keputusan '" + a.keputusan() + "': hanya GANTI yang diikuti nilai (GANTI:<NIK>)";
        }
        if (k == Keputusan.LAINNYA && a.alasan().isBlank()) return "LAINNYA perlu alasan (kolom alasan kosong)";
        return null;
    }

    private void items(Connection c, long run, List<Pending> ps) throws SQLException {
        if (ps.isEmpty()) return;
        List<Integer> ord = new ArrayList<>();
        List<String> src = new ArrayList<>(), key = new ArrayList<>(), code = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            ord.add(i);
            src.add(ps.get(i).a.source());
            key.add(ps.get(i).a.recordKey());
            code.add(ps.get(i).a.code());
        }
        try (PreparedStatement st = c.prepareStatement("""
                select distinct on (i.ord) i.ord, left(f.region_code, 4), f.detail_json->'candidate'->>'source', f.detail_json->'candidate'->>'record_key',
                       cs.person_id, reg.record_key
                from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as i(ord, source, record_key, code)
                join padan.finding f on f.run_id = ? and f.source = i.source and f.record_key = i.record_key and f.code = i.code
                left join padan.source_record cs on cs.run_id = f.run_id and cs.source = f.detail_json->'candidate'->>'source'
                     and cs.record_key = f.detail_json->'candidate'->>'record_key'
                left join lateral (select x.record_key from padan.source_record x where x.run_id = f.run_id and x.person_id = f.person_id
                                   and x.source = ? order by x.record_key limit 1) reg on true
                order by i.ord""")) {
            st.setArray(1, c.createArrayOf("integer", ord.toArray()));
            st.setArray(2, c.createArrayOf("text", src.toArray()));
            st.setArray(3, c.createArrayOf("text", key.toArray()));
            st.setArray(4, c.createArrayOf("text", code.toArray()));
            st.setLong(5, run);
            st.setString(6, registrySource);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ps.get(rs.getInt(1)).item = new Item(rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5), rs.getString(6));
                }
            }
        }
    }

    /** The registry row of each NIK a GANTI names, by NIK. */
    private Map<String, String> registryRows(Connection c, long run, List<Pending> ps) throws SQLException {
        List<String> niks = new ArrayList<>();
        for (Pending p : ps) if (p.nik != null) niks.add(p.nik);
        Map<String, String> out = new HashMap<>();
        if (niks.isEmpty()) return out;
        try (PreparedStatement st = c.prepareStatement("select nik, min(record_key) from padan.staged_row where run_id = ? and source = ? and nik = any(?) group by nik")) {
            st.setLong(1, run);
            st.setString(2, registrySource);
            st.setArray(3, c.createArrayOf("text", niks.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** What is wrong with the item a line decides, in the run; null when nothing (then the pair it judges is set). */
    private String itemProblem(Pending p, long run, Map<String, String> nikRows) {
        Asked a = p.a;
        if (p.item == null) {
            return "tidak ada temuan " + a.code() + " untuk " + a.source() + " kunci_baris " + a.recordKey() + " di run " + run
                    + " (file dari run lain, atau baris diubah)";
        }
        switch (p.kind) {
            case PAIR -> {
                if (p.item.candidateKey() == null || p.item.candidatePerson() == null) return "temuan ini tidak menyebut kandidat di run " + run;
                if (a.candidate().isEmpty()) return "kandidat_person_id kosong: salin baris dari decisions.csv tanpa mengubahnya";
                if (!a.candidate().equals(String.valueOf(p.item.candidatePerson()))) {
                    return "kandidat_person_id " + a.candidate() + " bukan kandidat baris ini di run " + run + " (kandidat: " + p.item.candidatePerson() + ")";
                }
                p.otherSource = p.item.candidateSource();
                p.otherKey = p.item.candidateKey();
            }
            case NIK -> {
                if (p.item.registryKey() == null) return "orang yang ditautkan tidak ada di Dukcapil pada run " + run;
                p.otherSource = registrySource;
                p.otherKey = p.item.registryKey();
                if (p.k == Keputusan.GANTI) {
                    String row = nikRows.get(p.nik);
                    if (row == null) return "GANTI: NIK " + id.padan.deliver.MaskedNik.of(p.nik) + " tidak ada di Dukcapil pada run " + run;
                    if (row.equals(p.otherKey)) return "GANTI: NIK itu adalah NIK yang diusulkan padan; tulis TERIMA";
                    p.newKey = row;
                }
            }
            case FINDING -> {
                p.otherSource = p.item.registryKey() == null ? null : registrySource;
                p.otherKey = p.item.registryKey();
            }
        }
        return null;
    }

    /**
     * The fingerprint of each decision's evidence. An item of the review page's queue carries its evidence (written by
     * the review step with the same {@code padan.row_evidence}), so a decision made on the page reads one indexed row;
     * the others (findings outside the queue, runs before it) are fingerprinted from the run's staged rows.
     */
    private void fingerprints(Connection c, long run, List<Pending> ps) throws SQLException {
        if (ps.isEmpty()) return;
        fingerprints(c, run, ps, FROM_QUEUE, 1);
        List<Pending> rest = ps.stream().filter(p -> p.fingerprint == null).toList();
        if (!rest.isEmpty()) fingerprints(c, run, rest, FROM_STAGED_ROWS, 2);
    }

    private static final String ASKED = """
             from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as i(ord, kind, code, source, record_key, other_source, other_key)
            """;

    /** From the queue item: the row's evidence, and the candidate's, the registry row's or none as the other row's. */
    private static final String FROM_QUEUE = """
            select i.ord, padan.evidence_fingerprint(i.kind, i.code, q.sent_evidence, i.other_key,
                       case when i.other_key is null then padan.row_evidence(null::padan.staged_row)
                            when i.other_source = q.cand_source and i.other_key = q.cand_key then q.cand_evidence else q.reg_evidence end)
            """ + ASKED + """
            join padan.review_queue_item q on q.run_id = ? and q.source = i.source and q.record_key = i.record_key and q.code = i.code
            where q.sent_evidence is not null
              and ((i.other_key is null and q.reg_key is null) or (i.other_source = q.cand_source and i.other_key = q.cand_key)
                   or (i.other_source = q.reg_source and i.other_key = q.reg_key))""";

    private static final String FROM_STAGED_ROWS = "select i.ord, " + DecisionStore.FINGERPRINT + ASKED + """
            left join padan.staged_row r on r.run_id = ? and r.source = i.source and r.record_key = i.record_key
            left join padan.staged_row o on o.run_id = ? and o.source = i.other_source and o.record_key = i.other_key""";

    /** Sets the fingerprint of each decision {@code sql} finds; {@code sql} takes the asked items and the run {@code runs} times. */
    private static void fingerprints(Connection c, long run, List<Pending> ps, String sql, int runs) throws SQLException {
        List<Integer> ord = new ArrayList<>();
        List<String> kind = new ArrayList<>(), code = new ArrayList<>(), src = new ArrayList<>(), key = new ArrayList<>(), os = new ArrayList<>(), ok = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Pending p = ps.get(i);
            ord.add(i);
            kind.add(p.kind.name());
            code.add(p.a.code());
            src.add(p.a.source());
            key.add(p.a.recordKey());
            os.add(p.otherSource);
            ok.add(p.otherKey);
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("integer", ord.toArray()));
            st.setArray(2, c.createArrayOf("text", kind.toArray()));
            st.setArray(3, c.createArrayOf("text", code.toArray()));
            st.setArray(4, c.createArrayOf("text", src.toArray()));
            st.setArray(5, c.createArrayOf("text", key.toArray()));
            st.setArray(6, c.createArrayOf("text", os.toArray()));
            st.setArray(7, c.createArrayOf("text", ok.toArray()));
            for (int r = 0; r < runs; r++) st.setLong(8 + r, run);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) ps.get(rs.getInt(1)).fingerprint = rs.getString(2);
            }
        }
    }

    private record Latest(Keputusan keputusan, String newKey, String fingerprint) {}

    /** The decision standing on each item now (the newest on its subject), if any. */
    private static Map<Pending, Latest> latest(Connection c, List<Pending> ps) throws SQLException {
        Map<Pending, Latest> out = new java.util.IdentityHashMap<>();
        if (ps.isEmpty()) return out;
        List<Integer> ord = new ArrayList<>();
        List<String> src = new ArrayList<>(), key = new ArrayList<>(), code = new ArrayList<>(), pairOther = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Pending p = ps.get(i);
            ord.add(i);
            src.add(p.a.source());
            key.add(p.a.recordKey());
            code.add(p.a.code());
            pairOther.add(p.kind == Keputusan.Kind.PAIR ? p.otherKey : null);
        }
        try (PreparedStatement st = c.prepareStatement("""
                select i.ord, d.keputusan, d.new_key, d.fingerprint
                from unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[]) as i(ord, source, record_key, code, pair_other)
                join lateral (select d.keputusan, d.new_key, d.fingerprint from padan.review_decision d
                              where d.source = i.source and d.record_key = i.record_key and d.code = i.code
                                and (i.pair_other is null or d.other_key = i.pair_other)
                              order by d.decision_id desc limit 1) d on true""")) {
            st.setArray(1, c.createArrayOf("integer", ord.toArray()));
            st.setArray(2, c.createArrayOf("text", src.toArray()));
            st.setArray(3, c.createArrayOf("text", key.toArray()));
            st.setArray(4, c.createArrayOf("text", code.toArray()));
            st.setArray(5, c.createArrayOf("text", pairOther.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.put(ps.get(rs.getInt(1)), new Latest(Keputusan.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }
}
