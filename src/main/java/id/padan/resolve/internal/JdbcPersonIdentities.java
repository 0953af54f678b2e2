package id.padan.resolve.internal;

import id.padan.resolve.PersonIdentities;
import id.padan.store.CopyWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@link PersonIdentities} in {@code padan.person_identity}, inside the caller's transaction. */
public final class JdbcPersonIdentities implements PersonIdentities {
    private final Connection connection;

    public JdbcPersonIdentities(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Map<String, Long> lookup(Collection<String> keys) {
        Set<String> wanted = keys instanceof Set<String> s ? s : new HashSet<>(keys);
        Map<String, Long> found = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            st.setFetchSize(50_000);
            try (ResultSet rs = st.executeQuery("select identity_key, person_id from padan.person_identity")) {
                while (rs.next()) {
                    String k = rs.getString(1);
                    if (wanted.contains(k)) found.put(k, rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read person identities: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public long[] newIds(int count) {
        long[] ids = new long[count];
        if (count == 0) return ids;
        // In the caller's transaction: a resolve that is killed before it commits gives the ids back.
        try (var ps = connection.prepareStatement("update padan.person_id_counter set last_id = last_id + ? returning last_id")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                for (int i = 0; i < count; i++) ids[i] = last - count + 1 + i;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate person ids: " + e.getMessage(), e);
        }
        return ids;
    }

    /** New keys go straight in with COPY (the common case of a first run); keys in {@code existing} are updated. */
    @Override
    public void remember(Map<String, Long> keyToId, Set<String> existing) {
        Map<String, Long> changed = new HashMap<>();
        try (CopyWriter w = new CopyWriter(connection, "padan.person_identity", "identity_key, person_id")) {
            for (var e : keyToId.entrySet()) {
                if (existing.contains(e.getKey())) {
                    changed.put(e.getKey(), e.getValue());
                } else {
                    w.add(e.getKey()).add(e.getValue().longValue());
                    w.endRow();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot store person identities: " + e.getMessage(), e);
        }
        if (changed.isEmpty()) return;
        try (Statement st = connection.createStatement()) {
            st.execute("create temporary table if not exists identity_in (identity_key text, person_id bigint) on commit drop");
            st.execute("truncate identity_in");
            try (CopyWriter w = new CopyWriter(connection, "identity_in", "identity_key, person_id")) {
                for (var e : changed.entrySet()) {
                    w.add(e.getKey()).add(e.getValue().longValue());
                    w.endRow();
                }
            }
            st.execute("""
                    insert into padan.person_identity (identity_key, person_id)
                    select identity_key, person_id from identity_in
                    on conflict (identity_key) do update set person_id = excluded.person_id
                    where padan.person_identity.person_id <> excluded.person_id""");
        } catch (Exception e) {
            throw new IllegalStateException("cannot store person identities: " + e.getMessage(), e);
        }
    }
}
