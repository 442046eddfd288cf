// Injected before </body> of a copy of the report by tests/browser/run (the
// page's policy allows inline scripts): measures what a reader at this width
// sees and writes it into body's data-probe attribute, for --dump-dom:
// "SCROLLWIDTH CLIENTWIDTH BROKEN WORDS FIRST-BROKEN".  A word is broken when
// its letters and digits lie on more than one line although it would fit on
// one; breaks at hyphens and slashes are a text's own and do not count.
(function () {
	var broken = 0, words = 0, first = '';
	var places = document.querySelectorAll('td.text .para, .card .file, .card .role, .blocking li, .totals, .vhead, td.fnd .msg');
	places.forEach(function (el) {
		var width = el.clientWidth;
		if (!width)
			return;
		var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
		while ((node = walk.nextNode())) {
			var re = /[\p{L}\p{N}]+/gu, m;
			while ((m = re.exec(node.data))) {
				var r = document.createRange();
				r.setStart(node, m.index);
				r.setEnd(node, m.index + m[0].length);
				var rects = r.getClientRects();
				if (!rects.length)
					continue;
				words++;
				var w = 0;
				for (var i = 0; i < rects.length; i++)
					w += rects[i].width;
				if (rects.length > 1 && w < width) {
					broken++;
					if (!first)
						first = m[0];
				}
			}
		}
	});
	var d = document.documentElement;
	document.body.setAttribute('data-probe', d.scrollWidth + ' ' + d.clientWidth + ' ' + broken + ' ' + words + ' ' + first);
})();
