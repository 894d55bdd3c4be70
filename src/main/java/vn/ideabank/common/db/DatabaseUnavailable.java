package vn.ideabank.common.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means "the database cannot be reached right now" (down, restarting, no free
 * connection within the timeout) rather than a fault of the request or the code: such a request
 * answers 503 with a clear message, never a bare 500.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	public static boolean isCause(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransientDataAccessResourceException || t instanceof JDBCConnectionException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof ConnectException) {
				return true;
			}
			// 08: connection exception; 57P01-03: admin shutdown, crash shutdown, "cannot connect now" (starting up)
			if (t instanceof SQLException e && e.getSQLState() != null
					&& (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
				return true;
			}
			// Hikari's stand-in for a connection it evicted as broken, met by the rollback after the
			// failure (whose own exception Spring then only logs): it carries no SQLState
			if (t instanceof SQLException && t.getMessage() != null && t.getMessage().endsWith("Connection is closed")) {
				return true;
			}
		}
		return false;
	}
}
