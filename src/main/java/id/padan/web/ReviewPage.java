package id.padan.web;

import id.padan.deliver.MaskedNik;
import id.padan.deliver.ReviewText;
import id.padan.review.Keputusan;
import id.padan.review.ReviewApprovals;
import id.padan.review.ReviewImport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The review page: a queue per reviewer (their kabupaten × programs, most harmful first, 50 a page), each item side
 * by side with the registry person it was linked to and the candidate of a possible match, differences marked, the
 * evidence in Bahasa Indonesia, decided by keyboard; approvals for the approver role. Everything a reviewer reads comes
 * through {@link WebDatabase} (row-level security: an item of another kabupaten is not found, 404). NIKs and KK
 * numbers are masked; an approver or admin may reveal them on one item, and every reveal is audited.
 */
@Controller
@ConditionalOnWebApplication
public class ReviewPage {
    static final int PAGE = 50;
    /** The words a bulk decision offers (a NIK replacement is typed per item); the checks refuse a word that does not answer an item. */
    static final List<String> BULK_WORDS = java.util.Arrays.stream(Keputusan.values()).filter(k -> k != Keputusan.GANTI).map(Enum::name).toList();
    private final WebDatabase web;
    private final DataSource owner;
    private final ReviewImport decisions;
    private final ReviewApprovals approvals;
    private final Pages pages = new Pages();

    /** The operator's OpenID Connect providers the login page offers (none unless configured), as id and name. */
    private final List<Map<String, String>> providers = new ArrayList<>();

    /** Whether the login form's names and passwords are also checked against the operator's LDAP directory. */
    private final boolean ldap;

    public ReviewPage(WebDatabase web, DataSource owner, ReviewImport decisions, ReviewApprovals approvals,
                      org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> oidc,
                      LdapLogin ldap) {
        this.ldap = ldap.configured();
        if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) r;
                providers.add(Map.of("id", registration.getRegistrationId(), "name", registration.getClientName()));
            }
        }
        this.web = web;
        this.owner = owner;
        this.decisions = decisions;
        this.approvals = approvals;
    }

    /** Why a login was refused, by the reason {@link WebSecurity#loginRefused} gives ({@code ?error=...}). */
    static final Map<String, String> LOGIN_REFUSED = Map.of(
            "", "Nama pengguna atau kata sandi salah.",
            "bukan-pengguna", "Direktori atau penyedia login kantor mengenali Anda, tetapi Anda belum terdaftar sebagai pengguna halaman pemeriksaan"
                    + " padan. Minta admin padan menambahkan Anda.",
            "direktori", "Direktori LDAP kantor tidak dapat dihubungi, jadi akun direktori belum dapat masuk. Coba lagi nanti; akun dengan kata"
                    + " sandi padan tetap dapat masuk.");

    @GetMapping("/login")
    @ResponseBody
    public ResponseEntity<String> login(HttpServletRequest request) {
        String error = request.getParameter("error");
        return html(HttpStatus.OK, "login", Map.of("csrf", csrf(request), "refused", error != null,
                "error", error == null ? "" : LOGIN_REFUSED.getOrDefault(error, LOGIN_REFUSED.get("")),
                "out", request.getParameter("keluar") != null, "providers", providers, "ldap", ldap));
    }

    /**
     * A page of the queue: the first 50 open items, or the 50 after the item named by {@code kab}, {@code harm},
     * {@code src}, {@code key} (keyset paging along the queue's index, so a late page costs what the first does).
     */
    @GetMapping({"/", "/review"})
    @ResponseBody
    public ResponseEntity<String> queue(Authentication auth, HttpServletRequest request, @RequestParam(required = false) String kab,
                                        @RequestParam(required = false) Integer harm, @RequestParam(required = false) String src,
                                        @RequestParam(required = false) String key) throws SQLException {
        long run = currentRun();
        boolean after = kab != null && harm != null && src != null && key != null;
        List<Map<String, Object>> items;
        long open;
        try (Connection c = web.as(auth.getName())) {
            items = openItems(c, run, after ? new Object[] {kab, harm, src, key} : null, PAGE);
            try (PreparedStatement ps = c.prepareStatement(OPEN_COUNT)) {
                ps.setLong(1, run);
                ps.setLong(2, run);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    open = rs.getLong(1);
                }
            }
            c.commit();
        }
        for (Map<String, Object> i : items) {
            i.put("sent_name", ReviewText.of((String) i.get("sent_name")).toString());
            i.put("what", Words.code((String) i.get("code")));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", auth.getName());
        m.put("role", role(auth));
        m.put("items", items);
        m.put("open", open);
        m.put("first", !after);
        m.put("canDecide", !role(auth).equals("NATIONAL_VIEWER"));
        m.put("bulkWords", BULK_WORDS);
        m.put("next", items.size() < PAGE ? "" : "/review?kab=" + enc(items.get(items.size() - 1).get("kabupaten")) + "&harm="
                + items.get(items.size() - 1).get("harm") + "&src=" + enc(items.get(items.size() - 1).get("source")) + "&key="
                + enc(items.get(items.size() - 1).get("record_key")));
        m.put("run", run);
        m.put("csrf", csrf(request));
        return html(HttpStatus.OK, "queue", m);
    }

    /**
     * Up to {@code limit} open items the connection's user may see, in queue order, after the item at {@code after}
     * (its kabupaten, harm, source and record key; null: from the start). One indexed query: a keyset along
     * {@code review_queue_item_order}, from the user's kabupaten when they review one.
     */
    private static List<Map<String, Object>> openItems(Connection c, long run, Object[] after, int limit) throws SQLException {
        String only = oneKabupaten(c);
        try (PreparedStatement ps = c.prepareStatement(QUEUE + (only != null ? " and q.kabupaten = ?" : "")
                + (after != null ? " and (q.kabupaten, q.harm, q.source, q.record_key) > (?, ?, ?, ?)" : "") + QUEUE_ORDER + " limit ?")) {
            int i = 1;
            ps.setLong(i++, run);
            if (only != null) ps.setString(i++, only);
            if (after != null) {
                ps.setString(i++, (String) after[0]);
                ps.setInt(i++, ((Number) after[1]).intValue());
                ps.setString(i++, (String) after[2]);
                ps.setString(i++, (String) after[3]);
            }
            ps.setInt(i, limit);
            return rows(ps);
        }
    }

    /** The user's one kabupaten when they review exactly one (the queue's index is then read from that kabupaten on), else null. */
    private static String oneKabupaten(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select padan.web_everything(), padan.web_kabupaten()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) return null;
            String[] kab = (String[]) rs.getArray(2).getArray();
            return kab.length == 1 ? kab[0] : null;
        }
    }

    @GetMapping("/review/item")
    @ResponseBody
    public ResponseEntity<String> item(Authentication auth, HttpServletRequest request, @RequestParam long run, @RequestParam String source,
                                       @RequestParam("key") String recordKey, @RequestParam String code) throws SQLException {
        return showItem(auth, request, run, source, recordKey, code, false, null, HttpStatus.OK);
    }

    @PostMapping("/review/item/reveal")
    @ResponseBody
    public ResponseEntity<String> reveal(Authentication auth, HttpServletRequest request, @RequestParam long run, @RequestParam String source,
                                         @RequestParam("key") String recordKey, @RequestParam String code) throws SQLException {
        if (!entitled(auth)) return html(HttpStatus.FORBIDDEN, "message", Map.of("text", "Peran Anda tidak berhak melihat NIK lengkap."));
        return showItem(auth, request, run, source, recordKey, code, true, null, HttpStatus.OK);
    }

    @PostMapping("/review/item")
    @ResponseBody
    public ResponseEntity<String> decide(Authentication auth, HttpServletRequest request, @RequestParam long run, @RequestParam String source,
                                         @RequestParam("key") String recordKey, @RequestParam String code, @RequestParam String keputusan,
                                         @RequestParam(defaultValue = "") String alasan, @RequestParam(defaultValue = "") String ganti) throws Exception {
        String role = role(auth);
        if (keputusan.equals("GANTI")) keputusan = "GANTI:" + ganti.strip();
        if (role.equals("NATIONAL_VIEWER")) return html(HttpStatus.FORBIDDEN, "message", Map.of("text", "Peran Anda hanya dapat melihat."));
        Map<String, Object> item = find(auth, run, source, recordKey, code);
        if (item == null) return notFound();
        Object cand = item.get("candidate_person_id");
        ReviewImport.Outcome out = decisions.decide(run, new ReviewImport.Asked(source, recordKey, code, cand == null ? "" : cand.toString(),
                keputusan, alasan), auth.getName(), role, "page");
        if (out.refused() != null) return showItem(auth, request, run, source, recordKey, code, false, out.refused(), HttpStatus.UNPROCESSABLE_ENTITY);
        // the next open item of the queue after this one, else the first open one (items skipped earlier)
        try (Connection c = web.as(auth.getName())) {
            List<Map<String, Object>> next = openItems(c, run, new Object[] {item.get("kabupaten"), item.get("harm"), source, recordKey}, 1);
            if (next.isEmpty()) next = openItems(c, run, null, 1);
            c.commit();
            String to = next.isEmpty() ? "/review" : itemUrl(next.get(0));
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", to).build();
        }
    }

    /**
     * A bulk decision: one word (and reason) for the items ticked on the queue page, each given as
     * {@code SOURCE/CODE/RECORD_KEY}. Only items the user may see (row-level security) are decided; each goes through the
     * same checks as a file's line, and the page lists what became of every one.
     */
    @PostMapping("/review/bulk")
    @ResponseBody
    public ResponseEntity<String> bulk(Authentication auth, HttpServletRequest request, @RequestParam long run,
                                       @RequestParam(name = "item", required = false) List<String> picked, @RequestParam String keputusan,
                                       @RequestParam(defaultValue = "") String alasan) throws Exception {
        String role = role(auth);
        if (role.equals("NATIONAL_VIEWER")) return html(HttpStatus.FORBIDDEN, "message", Map.of("text", "Peran Anda hanya dapat melihat."));
        if (picked == null || picked.isEmpty()) return html(HttpStatus.BAD_REQUEST, "message", Map.of("text", "Tidak ada item yang dipilih."));
        List<String[]> asked = new ArrayList<>();
        for (String p : picked) {
            String[] part = p.split("/", 3);
            if (part.length == 3) asked.add(part);
        }
        // what the user may see of them, with the candidate each showed
        Map<String, Object> candidates = new java.util.HashMap<>();
        try (Connection c = web.as(auth.getName()); PreparedStatement ps = c.prepareStatement("""
                select q.source || '/' || q.code || '/' || q.record_key, q.candidate_person_id
                from unnest(?::text[], ?::text[], ?::text[]) as i(source, code, record_key)
                join padan.review_queue_item q on q.run_id = ? and q.source = i.source and q.record_key = i.record_key and q.code = i.code""")) {
            ps.setArray(1, c.createArrayOf("text", asked.stream().map(a -> a[0]).toArray()));
            ps.setArray(2, c.createArrayOf("text", asked.stream().map(a -> a[1]).toArray()));
            ps.setArray(3, c.createArrayOf("text", asked.stream().map(a -> a[2]).toArray()));
            ps.setLong(4, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) candidates.put(rs.getString(1), rs.getObject(2));
            }
            c.commit();
        }
        List<ReviewImport.Asked> visible = new ArrayList<>();
        for (String[] a : asked) {
            String id = a[0] + "/" + a[1] + "/" + a[2];
            if (!candidates.containsKey(id)) continue;
            Object cand = candidates.get(id);
            visible.add(new ReviewImport.Asked(a[0], a[2], a[1], cand == null ? "" : cand.toString(), keputusan, alasan));
        }
        List<ReviewImport.Outcome> outcomes = visible.isEmpty() ? List.of()
                : decisions.decideAll(run, visible, auth.getName(), role, "page (bulk)").each();
        List<Map<String, Object>> lines = new ArrayList<>();
        int stored = 0;
        for (int i = 0; i < visible.size(); i++) {
            ReviewImport.Asked a = visible.get(i);
            ReviewImport.Outcome o = outcomes.get(i);
            if (o.stored()) stored++;
            lines.add(Map.of("source", a.source(), "key", a.recordKey(), "code", a.code(),
                    "result", o.refused() != null ? "ditolak: " + o.refused()
                            : o.stored() ? (o.needsApproval() ? "dicatat, menunggu persetujuan" : "dicatat") : "tidak berubah (keputusan yang sama sudah ada)"));
        }
        for (String[] a : asked) {
            if (!candidates.containsKey(a[0] + "/" + a[1] + "/" + a[2])) {
                lines.add(Map.of("source", a[0], "key", a[2], "code", a[1], "result", "ditolak: item tidak ditemukan"));
            }
        }
        return html(HttpStatus.OK, "bulk", Map.of("user", auth.getName(), "role", role, "keputusan", keputusan, "lines", lines, "stored", stored,
                "asked", asked.size()));
    }

    /**
     * A filled-in decisions file uploaded on the queue page ({@code decisions.csv} or {@code report.xlsx} as padan
     * delivered it): imported like {@code padan review import} on the current run, as the user's decisions, with every
     * check of a file's line; a line naming an item the user may not see (row-level security) is refused as not found.
     * The page lists the counts and every refused line with its reason.
     */
    @PostMapping("/review/upload")
    @ResponseBody
    public ResponseEntity<String> upload(Authentication auth, @RequestParam("berkas") MultipartFile berkas) throws Exception {
        String role = role(auth);
        if (role.equals("NATIONAL_VIEWER")) return html(HttpStatus.FORBIDDEN, "message", Map.of("text", "Peran Anda hanya dapat melihat."));
        String sent = berkas.getOriginalFilename() == null ? "" : berkas.getOriginalFilename().replace('\\', '/');
        String original = sent.substring(sent.lastIndexOf('/') + 1);
        String lower = original.toLowerCase(Locale.ROOT);
        if (berkas.isEmpty() || !(lower.endsWith(".csv") || lower.endsWith(".xlsx"))) {
            return html(HttpStatus.BAD_REQUEST, "message", Map.of("text", "Unggah decisions.csv atau report.xlsx yang sudah diisi (berkas .csv atau .xlsx)."));
        }
        long run = currentRun();
        Path tmp = Files.createTempFile("padan-unggah-", lower.endsWith(".csv") ? ".csv" : ".xlsx");
        ReviewImport.Report report;
        try {
            berkas.transferTo(tmp);
            report = decisions.importFile(tmp, Path.of(original), auth.getName(), role, run, named -> visible(auth, run, named),
                    "page (upload " + original + ")");
        } catch (IllegalArgumentException e) {
            return html(HttpStatus.BAD_REQUEST, "message", Map.of("text", "Berkas tidak dapat dibaca: " + e.getMessage().replace(tmp.toString(), original)));
        } finally {
            Files.deleteIfExists(tmp);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", auth.getName());
        m.put("role", role);
        m.put("file", original);
        m.put("report", report);
        return html(report.refused().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, "upload", m);
    }

    /** The items among {@code named} the user may see in the run (row-level security: the page's database role). */
    private Set<ReviewImport.Item> visible(Authentication auth, long run, List<ReviewImport.Item> named) {
        Set<ReviewImport.Item> out = new HashSet<>();
        try (Connection c = web.as(auth.getName()); PreparedStatement ps = c.prepareStatement("""
                select q.source, q.record_key, q.code
                from unnest(?::text[], ?::text[], ?::text[]) as i(source, record_key, code)
                join padan.review_queue_item q on q.run_id = ? and q.source = i.source and q.record_key = i.record_key and q.code = i.code""")) {
            ps.setArray(1, c.createArrayOf("text", named.stream().map(ReviewImport.Item::source).toArray()));
            ps.setArray(2, c.createArrayOf("text", named.stream().map(ReviewImport.Item::recordKey).toArray()));
            ps.setArray(3, c.createArrayOf("text", named.stream().map(ReviewImport.Item::code).toArray()));
            ps.setLong(4, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new ReviewImport.Item(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the items of run " + run + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * What the decisions did in the latest run: each decision the user may see (their own, or with {@code semua} every
     * one of their kabupaten) with its state in the run and, in words, its effect; for a pair decision also whether the
     * link model alone would have done the same, so a reviewer sees what their decision changed.
     */
    @GetMapping("/review/changes")
    @ResponseBody
    public ResponseEntity<String> changes(Authentication auth, HttpServletRequest request) throws SQLException {
        long run = currentRun();
        boolean all = request.getParameter("semua") != null;
        List<Map<String, Object>> rows;
        try (Connection c = web.as(auth.getName()); PreparedStatement ps = c.prepareStatement("""
                select d.decision_id, d.source, d.record_key, d.code, d.kind, d.keputusan, d.alasan, d.reviewer, d.decided_at, e.state, e.model_same
                from padan.review_effect e join padan.review_decision d using (decision_id)
                where e.run_id = ? and (? or d.reviewer = ?)
                order by d.decision_id desc limit 1000""")) {
            ps.setLong(1, run);
            ps.setBoolean(2, all);
            ps.setString(3, auth.getName());
            rows = rows(ps);
            c.commit();
        }
        int changed = 0;
        for (Map<String, Object> r : rows) {
            Effect e = Effect.of((String) r.get("kind"), (String) r.get("keputusan"), (String) r.get("state"), (Boolean) r.get("model_same"));
            r.put("effect", e.words());
            r.put("changed", e.changed());
            if (e.changed()) changed++;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", auth.getName());
        m.put("role", role(auth));
        m.put("run", run);
        m.put("all", all);
        m.put("rows", rows);
        m.put("changed", changed);
        return html(HttpStatus.OK, "changes", m);
    }

    /** A decision's effect in a run, in words, and whether it made the run differ from what padan alone would have done. */
    record Effect(String words, boolean changed) {
        static Effect of(String kind, String keputusan, String state, Boolean modelSame) {
            return switch (state) {
                case "HELD" -> switch (kind) {
                    case "PAIR" -> keputusan.equals("SAMA")
                            ? new Effect(Boolean.TRUE.equals(modelSame) ? "ditautkan ke kandidat (padan juga menautkannya)"
                                    : "ditautkan ke kandidat karena keputusan ini (padan sendiri tidak menautkannya)", !Boolean.TRUE.equals(modelSame))
                            : new Effect(Boolean.TRUE.equals(modelSame) ? "dipisahkan dari kandidat karena keputusan ini (padan sendiri menautkannya)"
                                    : "tetap terpisah dari kandidat (padan juga tidak menautkannya)", Boolean.TRUE.equals(modelSame));
                    case "NIK" -> switch (keputusan) {
                        case "TERIMA" -> new Effect("NIK usulan padan diterima: baris ditautkan ke pemilik NIK itu", false);
                        case "TOLAK" -> new Effect("NIK usulan padan ditolak: baris tidak ditautkan ke pemilik NIK itu", true);
                        case "GANTI" -> new Effect("baris ditautkan ke pemilik NIK yang diberikan pemeriksa", true);
                        default -> new Effect("keputusan dibatalkan: item kembali ke antrean", false);
                    };
                    default -> keputusan.equals("BENAR") ? new Effect("temuan dikonfirmasi: tidak ditanyakan lagi", true)
                            : keputusan.equals("BATAL") ? new Effect("keputusan dibatalkan: item kembali ke antrean", false)
                            : new Effect("temuan dijelaskan (" + keputusan + "): tidak ditanyakan lagi", true);
                };
                case "STALE" -> new Effect("tidak diterapkan: data berubah sejak diputuskan; item kembali ke antrean", false);
                case "CONFLICT" -> new Effect("tidak diterapkan: bertentangan dengan keputusan lain (antrean konflik)", false);
                case "PENDING_APPROVAL" -> new Effect("belum diterapkan: menunggu persetujuan", false);
                case "REFUSED_APPROVAL" -> new Effect("tidak diterapkan: persetujuan ditolak", false);
                case "WITHDRAWN" -> new Effect("dibatalkan (BATAL)", false);
                case "GONE" -> new Effect("baris tidak ada lagi di run ini", false);
                default -> new Effect(state, false);
            };
        }
    }

    @GetMapping("/review/approvals")
    @ResponseBody
    public ResponseEntity<String> approvalList(Authentication auth, HttpServletRequest request) throws SQLException {
        List<Map<String, Object>> pending;
        try (Connection c = web.as(auth.getName()); PreparedStatement ps = c.prepareStatement("""
                select d.decision_id, d.reviewer, d.decided_at, d.source, d.record_key, d.code, d.keputusan, d.alasan, d.kabupaten
                from padan.review_decision d
                where d.needs_approval and not exists (select 1 from padan.review_approval a where a.decision_id = d.decision_id)
                  and d.decision_id = (select max(x.decision_id) from padan.review_decision x where x.source = d.source and x.record_key = d.record_key
                                       and x.code = d.code)
                order by d.decision_id""")) {
            pending = rows(ps);
            c.commit();
        }
        return html(HttpStatus.OK, "approvals", Map.of("user", auth.getName(), "role", role(auth), "items", pending, "csrf", csrf(request),
                "message", Objects.requireNonNullElse(request.getParameter("pesan"), "")));
    }

    @PostMapping("/review/approvals")
    @ResponseBody
    public ResponseEntity<String> approve(Authentication auth, HttpServletRequest request, @RequestParam long decision,
                                          @RequestParam(defaultValue = "SETUJU") String verdict) throws SQLException {
        try (Connection c = web.as(auth.getName()); PreparedStatement ps = c.prepareStatement("select 1 from padan.review_decision where decision_id = ?")) {
            ps.setLong(1, decision);
            boolean visible = !rows(ps).isEmpty();
            c.commit();
            if (!visible) return notFound();
        }
        try {
            approvals.approve(decision, auth.getName(), !"TOLAK".equals(verdict), null);
        } catch (IllegalArgumentException e) {
            return html(HttpStatus.FORBIDDEN, "message", Map.of("text", "Tidak dicatat: " + e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/review/approvals").build();
    }

    private ResponseEntity<String> showItem(Authentication auth, HttpServletRequest request, long run, String source, String recordKey, String code,
                                            boolean reveal, String refused, HttpStatus status) throws SQLException {
        Map<String, Object> item = find(auth, run, source, recordKey, code);
        if (item == null) return notFound();
        if (reveal) {
            try (Connection c = owner.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "insert into padan.review_audit (actor, action, subject, detail) values (?, 'REVEAL', ?, ?)")) {
                ps.setString(1, auth.getName());
                ps.setString(2, source + "/" + recordKey + " " + code);
                ps.setString(3, "NIK and KK shown in full, run " + run);
                ps.executeUpdate();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", auth.getName());
        m.put("role", role(auth));
        m.put("item", item);
        m.put("what", Words.code(code));
        m.put("sides", Sides.of(item, reveal));
        m.put("detail", reveal ? String.valueOf(Objects.requireNonNullElse(item.get("detail"), "")) : ReviewText.of((String) item.get("detail")).toString());
        m.put("answers", answers(code));
        m.put("entitled", entitled(auth) && !reveal);
        m.put("canDecide", !role(auth).equals("NATIONAL_VIEWER"));
        m.put("refused", refused == null ? "" : refused);
        m.put("csrf", csrf(request));
        return html(status, "item", m);
    }

    private Map<String, Object> find(Authentication auth, long run, String source, String recordKey, String code) throws SQLException {
        try (Connection c = web.as(auth.getName()); PreparedStatement ps = c.prepareStatement(ITEM)) {
            ps.setLong(1, run);
            ps.setString(2, source);
            ps.setString(3, recordKey);
            ps.setString(4, code);
            List<Map<String, Object>> r = rows(ps);
            c.commit();
            return r.isEmpty() ? null : r.get(0);
        }
    }

    /** The words that answer an item, each with the key that gives it on the page. */
    static List<Map<String, String>> answers(String code) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Keputusan k : Keputusan.Kind.of(code).answers()) {
            if (k == Keputusan.GANTI) continue; // GANTI:<NIK> is typed in the field
            out.add(Map.of("word", k.name(), "key", Words.key(k)));
        }
        return out;
    }

    private static boolean entitled(Authentication auth) {
        String r = role(auth);
        return r.equals("APPROVER") || r.equals("ADMIN");
    }

    static String role(Authentication auth) {
        return auth.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).findFirst().orElse("");
    }

    private long currentRun() throws SQLException {
        try (Connection c = owner.getConnection(); PreparedStatement ps = c.prepareStatement("select run_id from reconciled.current_run");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1;
        }
    }

    static String itemUrl(Map<String, Object> i) {
        return "/review/item?run=" + i.get("run_id") + "&source=" + enc(i.get("source")) + "&key=" + enc(i.get("record_key")) + "&code=" + enc(i.get("code"));
    }

    private static String enc(Object v) {
        return java.net.URLEncoder.encode(String.valueOf(v), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, String> csrf(HttpServletRequest request) {
        CsrfToken t = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return t == null ? Map.of("name", "_csrf", "value", "") : Map.of("name", t.getParameterName(), "value", t.getToken());
    }

    /** The page without its database role (see {@link WebDatabase}): 503 with the reason. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalStateException.class)
    @ResponseBody
    public ResponseEntity<String> unavailable(IllegalStateException e) {
        return html(HttpStatus.SERVICE_UNAVAILABLE, "message", Map.of("text", "Halaman pemeriksaan belum dapat dipakai: " + e.getMessage()));
    }

    private ResponseEntity<String> notFound() {
        return html(HttpStatus.NOT_FOUND, "message", Map.of("text", "Item tidak ditemukan."));
    }

    private ResponseEntity<String> html(HttpStatus status, String template, Map<String, Object> model) {
        return ResponseEntity.status(status).contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(pages.render(template, model));
    }

    static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                row.put("url", row.containsKey("run_id") && row.containsKey("code") ? itemUrl(row) : null);
                out.add(row);
            }
        }
        return out;
    }

    /** The newest decision on an item, for a possible match the one about its candidate. */
    private static final String LATEST = """
            left join lateral (select d.decision_id, d.keputusan, d.alasan, d.reviewer, d.decided_at from padan.review_decision d
                               where d.source = q.source and d.record_key = q.record_key and d.code = q.code
                                 and (q.code <> 'REVIEW_POSSIBLE_MATCH' or d.other_key = q.cand_key)
                               order by d.decision_id desc limit 1) d on true
            left join padan.review_effect e on e.run_id = q.run_id and e.decision_id = d.decision_id
            """;

    /** The open items of a run the user may see (row-level security): no decision, a withdrawn one, or a stale one. */
    static final String QUEUE = """
            select q.run_id, q.source, q.record_key, q.code, q.kabupaten, q.harm, q.severity, q.sent_name, d.keputusan as old_keputusan, e.state
            from padan.review_queue_item q
            """ + LATEST + """
            where q.run_id = ? and (d.decision_id is null or d.keputusan = 'BATAL' or e.state in ('STALE', 'WITHDRAWN', 'GONE'))""";

    /** The queue's order, which is its index's ({@code review_queue_item_order}). */
    private static final String QUEUE_ORDER = " order by q.kabupaten, q.harm, q.source, q.record_key";

    /**
     * How many items of the run the user may see are open: the run's items per kabupaten and program the user may see
     * (a few rows, {@code padan.review_queue_count}) less those whose newest decision takes them out (counted from the
     * decisions, which are few beside the items).
     */
    private static final String OPEN_COUNT = """
            select (select coalesce(sum(n.items), 0) from padan.review_queue_count n where n.run_id = ?) - (
                select count(*) from padan.review_queue_item q
                join (select distinct on (d.source, d.record_key, d.code, case when d.kind = 'PAIR' then d.other_key end)
                             d.decision_id, d.source, d.record_key, d.code, d.other_key, d.keputusan
                      from padan.review_decision d
                      order by d.source, d.record_key, d.code, case when d.kind = 'PAIR' then d.other_key end, d.decision_id desc) d
                  on d.source = q.source and d.record_key = q.record_key and d.code = q.code
                     and (q.code <> 'REVIEW_POSSIBLE_MATCH' or d.other_key = q.cand_key)
                left join padan.review_effect e on e.run_id = q.run_id and e.decision_id = d.decision_id
                where q.run_id = ? and d.keputusan <> 'BATAL' and (e.state is null or e.state not in ('STALE', 'WITHDRAWN', 'GONE')))""";

    private static final String ITEM = "select q.*, d.decision_id, d.keputusan, d.alasan, d.reviewer, d.decided_at, e.state from padan.review_queue_item q "
            + LATEST + " where q.run_id = ? and q.source = ? and q.record_key = ? and q.code = ?";

    /** The three sides of an item, field by field, masked unless revealed; a field differing from what was sent is marked. */
    record Sides(List<Map<String, Object>> fields, boolean candidate, boolean registry) {
        static Sides of(Map<String, Object> i, boolean reveal) {
            List<Map<String, Object>> f = new ArrayList<>();
            String[][] rows = {{"NIK", "nik"}, {"Nama", "name"}, {"Tanggal lahir", "birth"}, {"Jenis kelamin", "sex"}, {"Wilayah", "region"},
                    {"Tanggal meninggal", "death"}, {"Nomor KK", "kk"}};
            for (String[] r : rows) {
                Object sent = i.get("sent_" + r[1]), reg = i.get("reg_" + r[1]), cand = i.get("cand_" + r[1]);
                boolean id = r[1].equals("nik") || r[1].equals("kk");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", r[0]);
                m.put("sent", show(sent, id, reveal));
                m.put("registry", show(reg, id, reveal));
                m.put("candidate", show(cand, id, reveal));
                m.put("registryDiffers", differs(r[1], sent, reg));
                m.put("candidateDiffers", differs(r[1], sent, cand));
                f.add(m);
            }
            return new Sides(f, i.get("cand_key") != null, i.get("reg_name") != null || i.get("reg_nik") != null);
        }

        /** Whether a value differs from what was sent; a region sent to the kecamatan only is not another region of its desa. */
        static boolean differs(String field, Object sent, Object other) {
            if (sent == null || other == null) return false;
            String a = String.valueOf(sent), b = String.valueOf(other);
            if (field.equals("region")) return !(a.startsWith(b) || b.startsWith(a));
            return !a.equals(b);
        }

        private static String show(Object v, boolean identifier, boolean reveal) {
            if (v == null) return "";
            if (identifier) return reveal ? v.toString() : MaskedNik.of(v.toString()).toString();
            return ReviewText.of(v.toString()).toString();
        }
    }
}
