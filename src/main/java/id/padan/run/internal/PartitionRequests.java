package id.padan.run.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.MessageRowMapper;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.integration.support.converter.AllowListDeserializingConverter;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The channel on which a run hands the partitions of link's two partitioned steps (its exact-NIK partitions and the
 * parts of its search) to {@code padan worker} processes, kept in PostgreSQL itself
 * (Spring Integration's {@link JdbcChannelMessageStore}, table {@code INT_CHANNEL_MESSAGE}, migration V103): an
 * operator needs nothing but the database. The run sends one {@link StepExecutionRequest} per partition; a worker
 * takes each request with {@code DELETE ... FOR UPDATE SKIP LOCKED}, so a request goes to one worker.
 *
 * <p>Which worker runs a partition is settled by a PostgreSQL advisory lock, the partition's <em>claim</em>
 * ({@link #claim}): a worker holds it, on a connection of its own, from before it marks the partition's step execution
 * STARTED until it has recorded its end. PostgreSQL drops the lock with the worker's session, so a partition left
 * STARTED whose claim is free belongs to a worker that died, and the run hands it out again; so is a partition still
 * STARTING whose request is no longer {@link #waiting} on the channel and whose claim stays free (its worker took the
 * request and died before it started the partition).
 */
public final class PartitionRequests {
    /** The message group (the queue) of link's partition requests (of either step) in the store. */
    static final String GROUP = "padan.link-partition";
    /** The store's region for padan's messages. */
    static final String REGION = "PADAN";

    private PartitionRequests() {}

    /** A channel on the requests table of {@code dataSource}: sending stores a request, receiving takes one (or none). */
    static QueueChannel channel(DataSource dataSource) {
        return new QueueChannel(new MessageGroupQueue(store(dataSource), GROUP));
    }

    static JdbcChannelMessageStore store(DataSource dataSource) {
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion(REGION);
        store.addAllowedPatterns(ALLOWED);
        store.afterPropertiesSet();
        return store;
    }

    /** Requests are Java-serialised messages; only what one holds is read back (a list, once given, allows nothing else). */
    private static final String[] ALLOWED = {StepExecutionRequest.class.getName(), "org.springframework.messaging.support.GenericMessage",
            "org.springframework.messaging.MessageHeaders", "java.util.*", "java.lang.*"};

    /**
     * The step executions whose requests wait on the channel: sent and not taken by a worker (read, not taken, with the
     * store's own row mapper). A request being taken stays in this set until the worker's DELETE commits.
     */
    static Set<Long> waiting(DataSource dataSource) {
        AllowListDeserializingConverter converter = new AllowListDeserializingConverter();
        converter.addAllowedPatterns(ALLOWED);
        MessageRowMapper messages = new MessageRowMapper(converter);
        Set<Long> ids = new HashSet<>();
        new JdbcTemplate(dataSource).query("select MESSAGE_CONTENT from INT_CHANNEL_MESSAGE where REGION = ? and GROUP_KEY = ?", rs -> {
            if (messages.mapRow(rs, 0).getPayload() instanceof StepExecutionRequest r) ids.add(r.getStepExecutionId());
        }, REGION, UUIDConverter.getUUID(GROUP).toString());
        return ids;
    }

    /**
     * Takes the claim of a partition of a run (named by {@link id.padan.link.LinkStage#claimOf}) on {@code c}, waiting while
     * another worker holds it; held until {@link #release} or until the connection's session ends.
     */
    static void claim(Connection c, long runId, int partition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_lock(?, ?)")) {
            ps.setInt(1, (int) runId);
            ps.setInt(2, claimKey(partition));
            ps.executeQuery().close();
        }
    }

    /** Takes the claim only if nobody holds it; true when taken (then {@link #release} it). */
    static boolean tryClaim(Connection c, long runId, int partition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, (int) runId);
            ps.setInt(2, claimKey(partition));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static void release(Connection c, long runId, int partition) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, (int) runId);
            ps.setInt(2, claimKey(partition));
            ps.executeQuery().close();
        }
    }

    /** Claims use negative second keys; the link store's replace lock (run id, 1,000,000) is another key. */
    private static int claimKey(int partition) {
        return -1 - partition;
    }

    /** Who runs a partition, as kept in its step execution's context and shown by {@code padan history}. */
    public static final String WORKER = "padan.worker";
    /** Workers that took a partition and stopped before finishing it (they died); the partition was handed out again. */
    public static final String LOST_WORKERS = "padan.worker.lost";

    /** This process as a worker: host name and process id. */
    static String thisWorker() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
