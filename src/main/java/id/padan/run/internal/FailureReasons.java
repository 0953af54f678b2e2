package id.padan.run.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** One line an operator can act on, from an exception: the database going away is named as such. */
public final class FailureReasons {
    private FailureReasons() {}

    public static String describe(Throwable t) {
        Throwable root = t;
        boolean connectionLost = false;
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            root = e;
            if (e instanceof SQLTransientConnectionException) connectionLost = true; // the pool could not get a connection
            if (e instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) connectionLost = true;
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        msg = msg.lines().findFirst().orElse(msg);
        return connectionLost ? "lost the connection to the database (" + msg + ")" : msg;
    }

    /** True when the cause is the database going away (connection refused, terminated, timed out). */
    public static boolean isConnectionLoss(Throwable t) {
        return describe(t).startsWith("lost the connection to the database");
    }
}
