package thidua.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure was the database going away (server stopped or killed, network cut):
 * a connection refused, broken or not obtained in time, however deep Spring or the job
 * repository wrapped it. Such a failure is said in one sentence; the trace is for the log.
 */
public final class DatabaseLost {
    private DatabaseLost() {
    }

    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof ConnectException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (the PostgreSQL driver's I/O errors, a closed connection).
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
