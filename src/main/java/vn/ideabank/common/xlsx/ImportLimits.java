package vn.ideabank.common.xlsx;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every .xlsx import.
 *
 * @param maxBytes largest accepted file ({@code ideabank.import.max-bytes}, default 5MB)
 * @param maxRows most data rows below the header ({@code ideabank.import.max-rows}, default 5,000)
 */
@ConfigurationProperties("ideabank.import")
public record ImportLimits(DataSize maxBytes, Integer maxRows) {

	public ImportLimits {
		maxBytes = maxBytes == null ? DataSize.ofMegabytes(5) : maxBytes;
		maxRows = maxRows == null ? 5_000 : maxRows;
	}
}
