package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON facts: an array of commune objects, or a batch object
 * {@code {"provinceCode": "04", "period": 2025, "communes": [...]}} whose communes may
 * leave out the province and period it states.
 */
final class JsonFacts {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonFacts() {
	}

	static void read(InputStream in, Problems problems, CommuneRows rows) {
		JsonNode root = null;
		try {
			root = MAPPER.readTree(in);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			String where = (at != null && at.getLineNr() > 0)
					? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : "";
			problems.file("The file is not valid JSON" + where + ": " + ex.getOriginalMessage());
			problems.throwIfAny();
		}
		if (root == null || root.isMissingNode()) {
			problems.file("The file is empty.");
			problems.throwIfAny();
		}
		read(root, problems, rows);
	}

	static void read(JsonNode root, Problems problems, CommuneRows rows) {
		JsonNode communes = null;
		Cell province = null;
		Cell period = null;
		if (root == null || root.isMissingNode() || root.isNull()) {
			problems.file("No communes were given.");
		}
		else if (root.isArray()) {
			communes = root;
		}
		else if (root.isObject()) {
			for (Map.Entry<String, JsonNode> field : root.properties()) {
				switch (field.getKey()) {
					case "provinceCode" -> province = cell(field.getValue());
					case "period" -> period = cell(field.getValue());
					case "communes" -> communes = field.getValue();
					default -> problems.add(null, field.getKey(),
							"is not a field of a facts batch, which has provinceCode, period and communes.");
				}
			}
			if (province != null) {
				rows.batchProvince(province);
			}
			if (period != null) {
				rows.batchPeriod(period);
			}
			if (communes == null) {
				problems.add(null, "communes",
						"is missing: the object must hold the communes in a \"communes\" array.");
			}
			else if (!communes.isArray()) {
				problems.add(null, "communes", "must be an array of commune objects, got " + kind(communes) + ".");
				communes = null;
			}
		}
		else {
			problems.file("The JSON must be an array of communes, or an object with a \"communes\" array; got "
					+ kind(root) + ".");
		}
		if (communes == null) {
			problems.throwIfAny();
			return;
		}
		int item = 0;
		for (JsonNode commune : communes) {
			item++;
			if (!commune.isObject()) {
				problems.add(item, (String) null,
						"must be an object with the commune's facts, got " + kind(commune) + ".");
				rows.notACommune();
				continue;
			}
			Map<FactsColumn, Cell> cells = new EnumMap<>(FactsColumn.class);
			for (Map.Entry<String, JsonNode> field : commune.properties()) {
				Optional<FactsColumn> column = FactsColumns.byField(field.getKey());
				if (column.isPresent()) {
					cells.put(column.get(), cell(field.getValue()));
				}
				else {
					problems.add(item, field.getKey(),
							"is not a field of the facts contract" + FactsColumns.guess(field.getKey())
								.map((c) -> "; did you mean \"" + c.field() + "\"?")
								.orElse("."));
				}
			}
			if (province != null) {
				cells.putIfAbsent(FactsColumn.PROVINCE_CODE, province);
			}
			if (period != null) {
				cells.putIfAbsent(FactsColumn.PERIOD, period);
			}
			rows.add(item, cells);
		}
	}

	private static Cell cell(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return Cell.EMPTY;
		}
		if (value.isString()) {
			return Cell.text(value.asString());
		}
		if (value.isNumber()) {
			return new Cell.Numeric(value.decimalValue());
		}
		if (value.isBoolean()) {
			return new Cell.Flag(value.booleanValue());
		}
		return new Cell.Invalid("must be a single value, got " + kind(value) + ".");
	}

	private static String kind(JsonNode node) {
		if (node.isArray()) {
			return "an array";
		}
		if (node.isObject()) {
			return "an object";
		}
		if (node.isString()) {
			return "a string";
		}
		if (node.isNumber()) {
			return "a number";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		return "null";
	}

}
