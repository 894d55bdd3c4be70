package vn.ideabank.common.files;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where uploaded files live. The default keeps them on disk under the data directory; an object
 * store (S3, MinIO) implements the same three operations for the scale-out path.
 */
public interface FileStore {

	/** Stores the bytes and returns the key to find them again. */
	String put(InputStream content) throws IOException;

	InputStream open(String key) throws IOException;

	void delete(String key) throws IOException;

	/** A file just stored for a row of this transaction: deleted again if the transaction rolls back. */
	default void deleteIfRolledBack(String key) {
		deleteAfter(key, false);
	}

	/** A file whose row this transaction removes or replaces: deleted once the transaction commits. */
	default void deleteOnCommit(String key) {
		deleteAfter(key, true);
	}

	private void deleteAfter(String key, boolean committed) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if ((status == STATUS_COMMITTED) == committed) {
					try {
						delete(key);
					}
					catch (IOException ignored) {
						// an orphan file is harmless; the row is what counts
					}
				}
			}
		});
	}
}
