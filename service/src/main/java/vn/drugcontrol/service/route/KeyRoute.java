package vn.drugcontrol.service.route;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An approved key route (tuyến trọng điểm phức tạp về ma túy, Art. 3): in force from
 * {@code firstPeriod} to {@code lastPeriod} (open when null), through its communes in
 * order.
 */
@Table("key_route")
public record KeyRoute(@Id Long id, String code, String name, RouteKind kind, String approvedBy, String decisionNumber,
		int firstPeriod, Integer lastPeriod, String createdBy, Instant createdAt,
		@MappedCollection(idColumn = "key_route_id", keyColumn = "position") List<RouteCommune> communes) {

	public boolean inForce(int period) {
		return firstPeriod <= period && (lastPeriod == null || period <= lastPeriod);
	}

	public boolean passesThrough(String communeCode) {
		return communes.stream().anyMatch(c -> c.communeCode().equals(communeCode));
	}

	public boolean touchesProvince(String provinceCode) {
		return communes.stream().anyMatch(c -> c.provinceCode().equals(provinceCode));
	}

	/** A commune on the route, with its province. */
	@Table("key_route_commune")
	public record RouteCommune(String communeCode, String provinceCode) {
	}

}
