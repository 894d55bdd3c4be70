package vn.ideabank.contest;

/** A unit's quota in a contest and how many entries it has nominated. */
public record QuotaView(long unitId, String unitName, int quota, boolean overridden, long used) {
}
