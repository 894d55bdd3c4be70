/**
 * Backup and restore of everything the application keeps: a consistent logical copy of the database
 * (every application table's rows through {@code COPY}, taken in one repeatable-read snapshot while
 * the application runs) and of the stored files, in one .zip with a manifest; restored into an empty
 * database at start ({@code IDEABANK_RESTORE}). Works on the embedded and on an external PostgreSQL
 * and needs no {@code pg_dump}. See docs/operations.md.
 * Public surface: {@link vn.ideabank.backup.BackupService}, {@link vn.ideabank.backup.BackupView}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup", allowedDependencies = "common")
package vn.ideabank.backup;
