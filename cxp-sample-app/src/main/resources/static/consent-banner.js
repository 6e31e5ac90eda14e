/*
 * The sample site's consent banner, built on the starter's script (window.cxp, from /cxp/cxp.js).
 * It shows while no complete choice is recorded: on a first visit, and again when the privacy policy's
 * revision changed (a grant given under another revision reads as unspecified). "Customize" offers one
 * switch per purpose the server names; "Privacy settings" reopens the banner. After a choice the page
 * reloads so that what the server shows follows the choice at once.
 */
(function () {
	'use strict';

	var banner = document.getElementById('cxp-banner');
	var error = document.getElementById('cxp-banner-error');
	var accept = document.getElementById('cxp-accept');
	var decline = document.getElementById('cxp-decline');
	var customize = document.getElementById('cxp-customize');
	var customizeView = document.getElementById('cxp-customize-view');
	var purposeList = document.getElementById('cxp-purposes');
	var save = document.getElementById('cxp-save');
	var storageView = document.getElementById('cxp-local-storage');
	var buttons = [accept, decline, customize, save];
	var current = null;

	function show() {
		banner.hidden = false;
	}

	function choose(record) {
		buttons.forEach(function (button) {
			button.disabled = true;
		});
		error.hidden = true;
		record().then(function () {
			window.location.reload();
		}, function () {
			buttons.forEach(function (button) {
				button.disabled = false;
			});
			error.hidden = false;
		});
	}

	function showCustomize() {
		purposeList.textContent = '';
		var purposes = (current && current.purposes) || {};
		Object.keys(purposes).forEach(function (name) {
			var item = document.createElement('li');
			var label = document.createElement('label');
			var box = document.createElement('input');
			box.type = 'checkbox';
			box.id = 'cxp-purpose-' + name;
			box.setAttribute('data-purpose', name);
			box.checked = purposes[name] === 'GRANTED';
			label.appendChild(box);
			label.appendChild(document.createTextNode(' ' + name));
			item.appendChild(label);
			purposeList.appendChild(item);
		});
		customizeView.hidden = false;
	}

	function chosenPurposes() {
		var choices = {};
		purposeList.querySelectorAll('input[data-purpose]').forEach(function (box) {
			choices[box.getAttribute('data-purpose')] = box.checked;
		});
		return choices;
	}

	// A choice is complete when it came from the visitor's cookie (or a header set upstream) and states every
	// purpose: a grant from an older policy revision, or a purpose added since, reads as UNSPECIFIED.
	function isComplete(consent) {
		if (consent.source !== 'cookie' && consent.source !== 'header') {
			return false;
		}
		return Object.keys(consent.purposes || {}).every(function (name) {
			return consent.purposes[name] !== 'UNSPECIFIED';
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
	customize.addEventListener('click', showCustomize);
	save.addEventListener('click', function () {
		var choices = chosenPurposes();
		choose(function () {
			return window.cxp.consent.set(choices);
		});
	});
	document.getElementById('cxp-privacy-settings').addEventListener('click', function (event) {
		event.preventDefault();
		show();
	});

	var choice = window.cxp.consent.get().then(function (consent) {
		current = consent;
		if (!isComplete(consent)) {
			show();
		}
	}, show);
	var storage = window.cxp.ready.then(showStorage, showStorage);
	Promise.all([choice, storage]).then(function () {
		document.documentElement.setAttribute('data-cxp-ready', 'true');
	});
})();
