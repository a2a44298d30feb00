package vn.drugcontrol.service.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * A commune's classes across periods, newest first, each linking to its decision.
 */
@Controller
class CommunePages {

	private final RunQueries queries;

	private final AdminUnits units;

	CommunePages(RunQueries queries, AdminUnits units) {
		this.queries = queries;
		this.units = units;
	}

	/** The look-up form on the home page: by 5-digit code. */
	@GetMapping("/communes")
	String find(@RequestParam(required = false) String code) {
		String c = (code == null) ? "" : code.strip();
		return "redirect:/communes/"
				+ UriUtils.encodePathSegment(c.isEmpty() ? "-" : c, java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/communes/{code}")
	String history(@PathVariable String code, Model model) {
		AdminUnit unit = units.find(code)
			.orElseThrow(() -> new NotFoundException("no commune-level unit " + code + " in the 2025 list"));
		model.addAttribute("unit", unit);
		model.addAttribute("history", queries.historyOf(unit.code(), null));
		return "commune";
	}

}
