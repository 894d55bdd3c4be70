package vn.ideabank.contest.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import vn.ideabank.contest.ContestCommands.CreateContest;
import vn.ideabank.contest.ContestKind;
import vn.ideabank.idea.SectorField;
import vn.ideabank.member.TargetGroup;

/**
 * The new-contest form; the service checks every rule and names the field at fault. Lengths and ranges
 * are also checked here, as the columns of {@code contest} allow them, so the field says why at once.
 */
class ContestForm {

	Long unitId;

	ContestKind kind = ContestKind.XET_CHON_KHCN;

	@Size(max = 300)
	String name;

	Integer year;

	Set<TargetGroup> targetGroups = EnumSet.noneOf(TargetGroup.class);

	@Min(0)
	@Max(120)
	Integer minAge;

	@Min(0)
	@Max(120)
	Integer maxAge;

	Set<SectorField> sectorFields = EnumSet.noneOf(SectorField.class);

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate nominationOpens;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	LocalDate nominationCloses;

	Integer defaultQuota = 3;

	CreateContest command() {
		// an empty choice binds as a null element: not a choice
		return new CreateContest(unitId == null ? 0 : unitId, kind, name, year == null ? 0 : year, chosen(targetGroups),
				minAge, maxAge, chosen(sectorFields), nominationOpens, nominationCloses, defaultQuota == null ? -1 : defaultQuota);
	}

	private static <E extends Enum<E>> Set<E> chosen(Set<E> values) {
		return values == null ? Set.of() : values.stream().filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	// bean accessors for data binding (th:field)
	public Long getUnitId() { return unitId; }
	public void setUnitId(Long v) { unitId = v; }
	public ContestKind getKind() { return kind; }
	public void setKind(ContestKind v) { kind = v; }
	public String getName() { return name; }
	public void setName(String v) { name = v; }
	public Integer getYear() { return year; }
	public void setYear(Integer v) { year = v; }
	public Set<TargetGroup> getTargetGroups() { return targetGroups; }
	public void setTargetGroups(Set<TargetGroup> v) { targetGroups = v; }
	public Integer getMinAge() { return minAge; }
	public void setMinAge(Integer v) { minAge = v; }
	public Integer getMaxAge() { return maxAge; }
	public void setMaxAge(Integer v) { maxAge = v; }
	public Set<SectorField> getSectorFields() { return sectorFields; }
	public void setSectorFields(Set<SectorField> v) { sectorFields = v; }
	public LocalDate getNominationOpens() { return nominationOpens; }
	public void setNominationOpens(LocalDate v) { nominationOpens = v; }
	public LocalDate getNominationCloses() { return nominationCloses; }
	public void setNominationCloses(LocalDate v) { nominationCloses = v; }
	public Integer getDefaultQuota() { return defaultQuota; }
	public void setDefaultQuota(Integer v) { defaultQuota = v; }
}
