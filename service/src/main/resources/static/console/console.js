// Progressive enhancement only: every page works without this file.
(function () {
	"use strict";

	// Lower case without diacritics, as the server filters: "son lo" finds "Sơn Lộ".
	function fold(text) {
		return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
	}

	// Filter a table's rows while typing (the form still filters on the server when submitted).
	document.querySelectorAll("input[data-filter-table]").forEach(function (input) {
		var table = document.getElementById(input.getAttribute("data-filter-table"));
		var status = document.getElementById("shown-count");
		if (!table) {
			return;
		}
		var rows = Array.prototype.slice.call(table.tBodies[0].rows);
		var template = status ? status.textContent : "";
		input.addEventListener("input", function () {
			var wanted = fold(input.value.trim());
			var shown = 0;
			rows.forEach(function (row) {
				var match = wanted === "" || fold(row.getAttribute("data-search") || "").indexOf(wanted) >= 0;
				row.hidden = !match;
				if (match) {
					shown++;
				}
			});
			if (status) {
				status.textContent = template.replace(/\d+/, String(shown));
			}
		});
	});

	// Say at once that a file is too large, instead of after uploading it.
	document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
		var max = Number(input.getAttribute("data-max-bytes"));
		var message = document.getElementById("file-too-big");
		input.addEventListener("change", function () {
			var tooBig = input.files.length > 0 && input.files[0].size > max;
			input.setCustomValidity(tooBig && message ? message.textContent : "");
			if (message) {
				message.hidden = !tooBig;
			}
		});
	});

	// A print button where JavaScript runs.
	document.querySelectorAll(".print-button").forEach(function (button) {
		button.hidden = false;
		button.addEventListener("click", function () {
			window.print();
		});
	});
})();
