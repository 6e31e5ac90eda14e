/*
 * The sample site's consent banner, built on the starter's script (window.cxp, from /cxp/cxp.js).
 * It shows while no choice is recorded, "Privacy settings" reopens it, and after a choice the page
 * reloads so that what the server shows follows the choice at once.
 */
(function () {
	'use strict';

	var banner = document.getElementById('cxp-banner');
	var error = document.getElementById('cxp-banner-error');
	var accept = document.getElementById('cxp-accept');
	var decline = document.getElementById('cxp-decline');
	var storageView = document.getElementById('cxp-local-storage');

	function show() {
		banner.hidden = false;
	}

	function choose(record) {
		accept.disabled = true;
		decline.disabled = true;
		error.hidden = true;
		record().then(function () {
			window.location.reload();
		}, function () {
			accept.disabled = false;
			decline.disabled = false;
			error.hidden = false;
		});
	}

	function showStorage() {
		var id = window.localStorage.getItem('PISession.Id');
		var previous = window.localStorage.getItem('PISession.Previous');
		storageView.textContent = (id === null && previous === null) ? 'nothing'
			: 'PISession.Id = ' + id + ', PISession.Previous = ' + previous;
	}

	accept.addEventListener('click', function () {
		choose(window.cxp.consent.grant);
	});
	decline.addEventListener('click', function () {
		choose(window.cxp.consent.deny);
	});
	document.getElementById('cxp-privacy-settings').addEventListener('click', function (event) {
		event.preventDefault();
		show();
	});

	// A choice is recorded when consent comes from the visitor's cookie, or from a header set upstream.
	var choice = window.cxp.consent.get().then(function (consent) {
		if (consent.source !== 'cookie' && consent.source !== 'header') {
			show();
		}
	}, show);
	var storage = window.cxp.ready.then(showStorage, showStorage);
	Promise.all([choice, storage]).then(function () {
		document.documentElement.setAttribute('data-cxp-ready', 'true');
	});
})();
