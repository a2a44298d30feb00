// The workbench's DRL editor: line numbers that follow the text as it is typed and
// scrolled, and a link to #line-N puts the cursor on that line. Progressive enhancement
// only: without this file the numbers are those of the saved text.
(function () {
	"use strict";
	var text = document.getElementById("editor-text");
	var gutter = document.getElementById("editor-gutter");
	if (!text || !gutter) {
		return;
	}
	function renumber() {
		var lines = text.value.split("\n").length;
		var items = gutter.children;
		while (items.length < lines) {
			var li = document.createElement("li");
			li.id = "gutter-" + (items.length + 1);
			li.textContent = String(items.length + 1);
			gutter.appendChild(li);
		}
		while (items.length > lines) {
			gutter.removeChild(gutter.lastElementChild);
		}
		text.rows = Math.max(lines + 2, 10);
	}
	function goTo(line) {
		var lines = text.value.split("\n");
		var start = 0;
		for (var i = 0; i < Math.min(line - 1, lines.length); i++) {
			start += lines[i].length + 1;
		}
		var end = start + (lines[line - 1] || "").length;
		text.focus();
		text.setSelectionRange(start, end);
		var row = document.getElementById("gutter-" + line);
		if (row) {
			row.scrollIntoView({ block: "center" });
		}
	}
	text.addEventListener("input", renumber);
	renumber();
	var wanted = /^#line-(\d+)$/.exec(window.location.hash);
	if (wanted) {
		goTo(parseInt(wanted[1], 10));
	}
})();
