package id.padan.run.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A padan process's use of the embedded PostgreSQL of one {@code PADAN_HOME}: the server stays up while any padan process
 * uses it, and the last one out stops it.
 *
 * <p>Each process using the server holds a shared OS lock on {@code PADAN_HOME/embedded-server.users} for as long as it
 * uses it (the OS drops the lock when the process ends, however it ends). Joining and leaving happen one process at a
 * time, under an exclusive lock on {@code PADAN_HOME/embedded-server.lock}. A process joining finds the server running
 * (it connects) or not (it starts it); one leaving releases its shared lock and tries the exclusive one: granted means no
 * other process uses the server, so it stops it. A server still running while nobody holds the users lock was left by
 * processes that were killed: it is stopped, and started again, before anyone uses it.
 *
 * <p>Within one JVM (tests start several application contexts) the shared lock is held once and counted.
 */
final class EmbeddedServerLease implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServerLease.class);
    private static final Set<StandardOpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    private static final Map<Path, Share> SHARES = new HashMap<>();
    /**
     * Servers this JVM started and left running for other processes: the library still holds their data directory's
     * lock, which must be let go before this JVM can start a server there again.
     */
    private static final Map<Path, EmbeddedPostgres> LEFT_RUNNING = new HashMap<>();

    /** This JVM's hold on a home's server. */
    private static final class Share {
        final FileChannel users;
        final FileLock shared;
        EmbeddedPostgres startedHere;
        int count;

        Share(FileChannel users, FileLock shared) {
            this.users = users;
            this.shared = shared;
        }
    }

    private final Path home;
    private final int port;
    private boolean closed;

    private EmbeddedServerLease(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    int port() {
        return port;
    }

    /** Joins the server of {@code home}, starting it with {@code starter} when it is not running. */
    static EmbeddedServerLease acquire(Path home, Function<Path, EmbeddedPostgres> starter) {
        Path dataDir = home.resolve("pgdata");
        synchronized (SHARES) {
            try (FileChannel mutex = open(home, "embedded-server.lock"); FileLock ignored = mutex.lock()) {
                Share share = SHARES.get(home);
                if (share == null) {
                    FileChannel users = open(home, "embedded-server.users");
                    FileLock alone = users.tryLock();
                    if (alone != null) {
                        // Nobody uses the server: one still running was left by killed processes.
                        RunningEmbeddedServer.find(dataDir).ifPresent(orphan -> {
                            log.info("stopping the embedded PostgreSQL (pid {}) left running by a padan process that ended abruptly", orphan.pid());
                            orphan.stop();
                        });
                        alone.release();
                    }
                    share = new Share(users, users.lock(0, Long.MAX_VALUE, true));
                    SHARES.put(home, share);
                }
                int port;
                var running = RunningEmbeddedServer.find(dataDir);
                if (running.isPresent()) {
                    port = running.get().port();
                    if (share.startedHere == null) {
                        log.info("using the embedded PostgreSQL of another padan process (data in {}, port {})", dataDir, port);
                    }
                } else {
                    EmbeddedPostgres gone = share.startedHere != null ? share.startedHere : LEFT_RUNNING.remove(home);
                    if (gone != null) {
                        // A server this JVM started is no longer running (stopped by the last process out): release its
                        // data directory before starting it again.
                        try {
                            gone.close();
                        } catch (IOException stopped) {
                            // nothing left to stop
                        }
                    }
                    share.startedHere = starter.apply(home);
                    port = share.startedHere.getPort();
                }
                share.count++;
                return new EmbeddedServerLease(home, port);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + home + " to use its embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    /** Leaves the server; stops it when no other padan process uses it. */
    @Override
    public void close() {
        synchronized (SHARES) {
            if (closed) return;
            closed = true;
            Share share = SHARES.get(home);
            if (share == null || --share.count > 0) return;
            try (FileChannel mutex = open(home, "embedded-server.lock"); FileLock ignored = mutex.lock()) {
                SHARES.remove(home);
                share.shared.release();
                FileLock last = share.users.tryLock();
                if (last == null) {
                    log.info("leaving the embedded PostgreSQL running: another padan process uses it");
                    if (share.startedHere != null) LEFT_RUNNING.put(home, share.startedHere);
                } else {
                    try {
                        stop(share);
                    } finally {
                        last.release();
                    }
                }
                share.users.close();
            } catch (IOException e) {
                log.warn("could not leave the embedded PostgreSQL of {} cleanly: {}", home, e.getMessage());
            }
        }
    }

    private void stop(Share share) {
        if (share.startedHere != null) {
            try {
                share.startedHere.close();
            } catch (IOException e) {
                log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        } else {
            RunningEmbeddedServer.find(home.resolve("pgdata")).ifPresent(server -> {
                log.info("stopping the embedded PostgreSQL (pid {}): no other padan process uses it", server.pid());
                server.stop();
            });
        }
    }

    private static FileChannel open(Path home, String name) throws IOException {
        PrivateFiles.folder(home);
        return FileChannel.open(home.resolve(name), OPEN, PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
    }
}
