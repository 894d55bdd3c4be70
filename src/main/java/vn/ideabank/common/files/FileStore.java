package vn.ideabank.common.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live. The default keeps them on disk under the data directory; an object
 * store (S3, MinIO) implements the same three operations for the scale-out path.
 */
public interface FileStore {

	/** Stores the bytes and returns the key to find them again. */
	String put(InputStream content) throws IOException;

	InputStream open(String key) throws IOException;

	void delete(String key) throws IOException;
}
