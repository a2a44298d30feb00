package vn.drugcontrol.service.route;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.route.KeyRoutes.NewRoute;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.ProblemType;
import vn.drugcontrol.service.system.Requester;

/**
 * The key-route registry: register routes (one object, or an array registered all or
 * none), list them by province and period, read one.
 */
@RestController
@RequestMapping("/api/v1/routes")
class RouteController {

	private final KeyRoutes routes;

	private final AdminUnits units;

	private final ObjectMapper json;

	RouteController(KeyRoutes routes, AdminUnits units, ObjectMapper json) {
		this.routes = routes;
		this.units = units;
		this.json = json;
	}

	record CommuneView(String communeCode, String communeName, String provinceCode) {
	}

	record RouteView(String code, String name, RouteKind kind, String approvedBy, String decisionNumber,
			int firstPeriod, Integer lastPeriod, List<CommuneView> communes, String createdBy, Instant createdAt) {
	}

	@PostMapping
	ResponseEntity<Object> register(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "routes registered all or none (one route object alone is taken too)",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = NewRoute.class), minItems = 1,
					maxItems = 1000))) @RequestBody JsonNode body,
			HttpServletRequest request) {
		List<NewRoute> requests = new ArrayList<>();
		if (body.isArray()) {
			body.forEach(node -> requests.add(json.treeToValue(node, NewRoute.class)));
		}
		else {
			requests.add(json.treeToValue(body, NewRoute.class));
		}
		List<RouteView> saved = routes.register(requests, Requester.of(request)).stream().map(this::view).toList();
		return ResponseEntity.created(URI.create("/api/v1/routes/" + saved.get(0).code()))
			.body(body.isArray() ? saved : saved.get(0));
	}

	@GetMapping
	List<RouteView> list(@RequestParam(required = false) String province,
			@RequestParam(required = false) Integer period) {
		return routes.list(province, period).stream().map(this::view).toList();
	}

	@GetMapping("/{code}")
	RouteView get(@PathVariable String code) {
		return view(routes.find(code).orElseThrow(() -> new NotFoundException("no route " + code)));
	}

	@ExceptionHandler
	ProblemDetail exists(RouteExistsException ex) {
		ProblemDetail problem = ProblemType.ALREADY_EXISTS.problem(ex.getMessage() + "; nothing was registered");
		problem.setTitle("Route exists");
		return problem;
	}

	private RouteView view(KeyRoute r) {
		return new RouteView(r.code(), r.name(), r.kind(), r.approvedBy(), r.decisionNumber(), r.firstPeriod(),
				r.lastPeriod(),
				r.communes()
					.stream()
					.map(c -> new CommuneView(c.communeCode(),
							units.find(c.communeCode()).map(u -> u.name()).orElse("?"), c.provinceCode()))
					.toList(),
				r.createdBy(), r.createdAt());
	}

}
