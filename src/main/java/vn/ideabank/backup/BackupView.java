package vn.ideabank.backup;

import java.time.Instant;

/** A backup file in the backup directory. */
public record BackupView(String name, long sizeBytes, Instant createdAt) {
}
