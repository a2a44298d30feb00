package vn.drugcontrol.service.route;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsBatch.StatedRoute;
import vn.drugcontrol.service.facts.FactsRejectedException;
import vn.drugcontrol.service.facts.ImportProblem;
import vn.drugcontrol.service.system.ApiLimits;
import vn.drugcontrol.service.system.TextTooLongException;

/**
 * The key-route registry: registers routes, and gives a run its communes' route facts.
 * <p>
 * The registry governs a province once any route passing through one of its communes is
 * registered (whatever the periods): then each commune's route facts for a period are
 * derived from the routes in force in that period; a route column left empty takes the
 * derived value, and a value given that contradicts it rejects the batch. Provinces with
 * no route registered keep the route columns as given (empty = false).
 */
@Service
public class KeyRoutes {

	private final KeyRouteRepository routes;

	private final AdminUnits units;

	private final AuditTrail audit;

	private final Clock clock = Clock.systemUTC();

	KeyRoutes(KeyRouteRepository routes, AdminUnits units, AuditTrail audit) {
		this.routes = routes;
		this.units = units;
		this.audit = audit;
	}

	/** A route to register, as the API takes it. */
	@Schema(description = "A key route to register (an example from data-samples/cao-bang-routes.json).")
	public record NewRoute(
			@Schema(description = "the route's code", example = "CB-LT-02", requiredMode = RequiredMode.REQUIRED,
					minLength = 1, maxLength = 32) String code,
			@Schema(description = "its name", example = "Lý Quốc – Hạ Lang (đường mòn biên giới)",
					requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 255) String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) RouteKind kind,
			@Schema(description = "who approved it", example = "Bộ Công an", requiredMode = RequiredMode.REQUIRED,
					maxLength = 255) String approvedBy,
			@Schema(description = "the approving decision's number", example = "0002/QĐ-BCA",
					requiredMode = RequiredMode.REQUIRED, maxLength = 64) String decisionNumber,
			@Schema(description = "the first period it is in force", example = "2025",
					requiredMode = RequiredMode.REQUIRED, minimum = ApiLimits.FIRST_PERIOD,
					maximum = ApiLimits.LAST_PERIOD) Integer firstPeriod,
			@Schema(description = "the last period it is in force; null: still in force",
					minimum = ApiLimits.FIRST_PERIOD, maximum = ApiLimits.LAST_PERIOD) Integer lastPeriod,
			@ArraySchema(
					arraySchema = @Schema(description = "its communes' 5-digit codes, in order",
							requiredMode = RequiredMode.REQUIRED),
					minItems = 1, maxItems = 3321, schema = @Schema(pattern = ApiLimits.COMMUNE_CODE, maxLength = 5,
							example = "01537")) List<String> communes) {
	}

	/**
	 * Registers routes, all or none, each with its {@code ROUTE_REGISTERED} entry by
	 * {@code who} in the same transaction.
	 */
	@Transactional
	public List<KeyRoute> register(List<NewRoute> requests, String who) {
		List<String> problems = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		List<KeyRoute> valid = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			NewRoute r = requests.get(i);
			String at = (requests.size() > 1) ? "route " + (i + 1) + ": " : "";
			// the columns' lengths (V3), before anything is looked up or stored
			String field = (requests.size() > 1) ? "routes[" + i + "]." : "";
			TextTooLongException.check(field + "code", r.code(), 32);
			TextTooLongException.check(field + "name", r.name(), 255);
			TextTooLongException.check(field + "approvedBy", r.approvedBy(), 255);
			TextTooLongException.check(field + "decisionNumber", r.decisionNumber(), 64);
			int before = problems.size();
			if (blank(r.code())) {
				problems.add(at + "code is required");
			}
			else if (!codes.add(r.code()) || routes.existsByCode(r.code())) {
				throw new RouteExistsException("route " + r.code() + " is registered already");
			}
			if (blank(r.name())) {
				problems.add(at + "name is required");
			}
			if (r.kind() == null) {
				problems.add(at + "kind is required: INTRA_PROVINCIAL or INTER_PROVINCIAL");
			}
			if (blank(r.approvedBy())) {
				problems.add(at + "approvedBy (the approving authority) is required");
			}
			if (blank(r.decisionNumber())) {
				problems.add(at + "decisionNumber is required");
			}
			if (r.firstPeriod() == null) {
				problems.add(at + "firstPeriod is required");
			}
			else if (r.lastPeriod() != null && r.lastPeriod() < r.firstPeriod()) {
				problems.add(at + "lastPeriod " + r.lastPeriod() + " is before firstPeriod " + r.firstPeriod());
			}
			List<KeyRoute.RouteCommune> communes = new ArrayList<>();
			if (r.communes() == null || r.communes().isEmpty()) {
				problems.add(at + "communes: a route passes through at least one commune");
			}
			else {
				for (String code : new LinkedHashSet<>(r.communes())) {
					Optional<AdminUnit> unit = units.find(code);
					if (unit.isEmpty()) {
						problems.add(at + "communes: \"" + code + "\" is not a commune-level unit of the 2025 list");
					}
					else {
						communes.add(new KeyRoute.RouteCommune(code, unit.get().provinceCode()));
					}
				}
				Set<String> provinces = communes.stream()
					.map(KeyRoute.RouteCommune::provinceCode)
					.collect(Collectors.toSet());
				if (r.kind() == RouteKind.INTRA_PROVINCIAL && provinces.size() > 1) {
					problems.add(at + "an intra-provincial route lies in one province, but its communes are in "
							+ provinces.stream().sorted().collect(Collectors.joining(", ")));
				}
			}
			if (problems.size() == before) {
				valid.add(new KeyRoute(null, r.code().strip(), r.name().strip(), r.kind(), r.approvedBy().strip(),
						r.decisionNumber().strip(), r.firstPeriod(), r.lastPeriod(), who,
						clock.instant().truncatedTo(ChronoUnit.MILLIS), communes));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(
					"Route(s) rejected, nothing was registered: " + String.join("; ", problems));
		}
		List<KeyRoute> saved = routes.saveAll(valid);
		for (KeyRoute r : saved) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("name", r.name());
			details.put("kind", r.kind().name());
			details.put("approvedBy", r.approvedBy());
			details.put("decisionNumber", r.decisionNumber());
			details.put("firstPeriod", r.firstPeriod());
			details.put("lastPeriod", r.lastPeriod() == null ? "" : String.valueOf(r.lastPeriod()));
			details.put("communes", r.communes().stream().map(KeyRoute.RouteCommune::communeCode).toList());
			details.put("provinces",
					r.communes().stream().map(KeyRoute.RouteCommune::provinceCode).distinct().sorted().toList());
			audit.record(who, AuditTrail.Action.ROUTE_REGISTERED, "route:" + r.code(), details);
		}
		return saved;
	}

	public List<KeyRoute> list(String province, Integer period) {
		List<KeyRoute> all = (province == null) ? routes.findAllByOrderByCode() : routes.findTouchingProvince(province);
		return all.stream().filter(r -> period == null || r.inForce(period)).toList();
	}

	public Optional<KeyRoute> find(String code) {
		return routes.findByCode(code);
	}

	/**
	 * Whether the province lies on an inter-provincial route in force in the period (Art.
	 * 5.6); empty when the registry does not govern the province.
	 */
	public Optional<Boolean> provinceOnInterProvincialRoute(String province, int period) {
		List<KeyRoute> touching = routes.findTouchingProvince(province);
		if (touching.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(touching.stream().anyMatch(r -> r.kind() == RouteKind.INTER_PROVINCIAL && r.inForce(period)));
	}

	/**
	 * The batch with each commune's route facts from the registry.
	 * @throws FactsRejectedException naming row and column of every value given that
	 * contradicts the registry
	 */
	public FactsBatch derive(FactsBatch batch, String sourceName) {
		List<KeyRoute> touching = routes.findTouchingProvince(batch.provinceCode());
		if (touching.isEmpty()) {
			return batch;
		}
		List<KeyRoute> inForce = touching.stream().filter(r -> r.inForce(batch.period())).toList();
		List<ImportProblem> problems = new ArrayList<>();
		List<CommuneFacts> derived = new ArrayList<>(batch.communes().size());
		for (int i = 0; i < batch.communes().size(); i++) {
			CommuneFacts c = batch.communes().get(i);
			StatedRoute stated = batch.statedRoutes().get(i);
			List<KeyRoute> intra = on(inForce, c.communeCode(), RouteKind.INTRA_PROVINCIAL);
			List<KeyRoute> inter = on(inForce, c.communeCode(), RouteKind.INTER_PROVINCIAL);
			check(problems, sourceName, stated.row(), stated.intraColumn(), stated.onIntra(), intra, c, batch.period(),
					"intra-provincial");
			check(problems, sourceName, stated.row(), stated.interColumn(), stated.onInter(), inter, c, batch.period(),
					"inter-provincial");
			boolean onIntra = !intra.isEmpty();
			boolean onInter = !inter.isEmpty();
			derived.add(FactsColumn.facts((column) -> switch (column) {
				case ON_INTRA_PROVINCIAL_ROUTE -> onIntra;
				case ON_INTER_PROVINCIAL_ROUTE -> onInter;
				default -> column.valueOf(c);
			}));
		}
		if (!problems.isEmpty()) {
			throw new FactsRejectedException(sourceName, problems);
		}
		return new FactsBatch(batch.provinceCode(), batch.period(), derived, batch.statedRoutes());
	}

	private static void check(List<ImportProblem> problems, String file, Integer row, String column, Boolean given,
			List<KeyRoute> registered, CommuneFacts c, int period, String kind) {
		if (given == null || given == !registered.isEmpty()) {
			return;
		}
		String commune = c.communeCode() + " " + c.communeName();
		String reason = given
				? "is true, but the route registry has no " + kind + " route through " + commune
						+ " in force in period " + period + "; leave it empty to take the registry's value."
				: "is false, but " + commune + " lies on "
						+ registered.stream()
							.map(r -> r.code() + " (" + r.name() + ", " + r.decisionNumber() + ")")
							.collect(Collectors.joining(", "))
						+ " in period " + period
						+ " per the route registry; leave it empty to take the registry's value.";
		problems.add(new ImportProblem(file, row, column, reason));
	}

	private static List<KeyRoute> on(List<KeyRoute> routes, String commune, RouteKind kind) {
		return routes.stream().filter(r -> r.kind() == kind && r.passesThrough(commune)).toList();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
