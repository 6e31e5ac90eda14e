/*
 * The sample site's consent banner, built on the starter's script (window.cxp, from /cxp/cxp.js).
 *
 * It opens while a purpose has no recorded state: on a first visit, when a purpose was added, and when the
 * privacy policy's revision changed (a grant given under another revision reads as unspecified). Any
 * source of the answer counts: the consent cookie, a header set upstream, a consent management platform, a
 * site's own source, or the browser's Global Privacy Control. "Privacy settings" opens it at any time.
 *
 * It is a labelled, non-modal dialog: it takes focus when it opens (unless the visitor is already busy
 * elsewhere on the page), Escape closes it, and after a choice focus goes back to where it came from.
 * Failures are announced in a live region, with focus left on the button just used. A choice does not
 * reload the page: the banner closes and the page's panel is brought in step from /api/visitor.
 *
 * Everything from the server or from local storage goes into the page as text, never as HTML.
 */
(function (window, document) {
	'use strict';

	var cxp = window.cxp;

	function byId(id) {
		return document.getElementById(id);
	}

	var banner = byId('cxp-banner');
	var error = byId('cxp-banner-error');
	var status = byId('cxp-choice-status');
	var accept = byId('cxp-accept');
	var decline = byId('cxp-decline');
	var customize = byId('cxp-customize');
	var customizeView = byId('cxp-customize-view');
	var save = byId('cxp-save');
	var settings = byId('cxp-privacy-settings');
	var content = byId('content');
	var choiceButtons = [accept, decline, save];
	// The consent as the server last told it.
	var current = null;
	// Where focus goes back when the banner closes.
	var opener = null;
	var busy = false;
	var choicesShown = 0;

	// --- The dialog -----------------------------------------------------------------------------------------

	function open(from, takeFocus) {
		opener = from;
		error.textContent = '';
		banner.hidden = false;
		if (takeFocus) {
			banner.focus();
		}
	}

	function close() {
		banner.hidden = true;
		collapseCustomize();
		var target = opener || (status.textContent ? status : content);
		opener = null;
		target.focus();
	}

	// A choice is recorded when every purpose has a state: a purpose added since, or a grant given under an
	// older policy revision, reads as UNSPECIFIED and is asked again.
	function isRecorded(consent) {
		var purposes = consent.purposes;
		if (!purposes || typeof purposes !== 'object') {
			return consent.state !== 'UNSPECIFIED';
		}
		return Object.keys(purposes).every(function (name) {
			return purposes[name] !== 'UNSPECIFIED';
		});
	}

	function boxes() {
		return Array.prototype.slice.call(customizeView.querySelectorAll('input[data-purpose]'));
	}

	function expandCustomize() {
		var purposes = (current && current.purposes) || {};
		boxes().forEach(function (box) {
			box.checked = purposes[box.getAttribute('data-purpose')] === 'GRANTED';
		});
		customizeView.hidden = false;
		customize.setAttribute('aria-expanded', 'true');
		var first = boxes()[0];
		(first || save).focus();
	}

	function collapseCustomize() {
		customizeView.hidden = true;
		customize.setAttribute('aria-expanded', 'false');
	}

	function chosenPurposes() {
		var choices = {};
		boxes().forEach(function (box) {
			choices[box.getAttribute('data-purpose')] = box.checked;
		});
		return choices;
	}

	// The buttons stay enabled while a choice travels (a disabled button loses focus); they only ignore clicks.
	function setBusy(value) {
		busy = value;
		choiceButtons.forEach(function (button) {
			if (value) {
				button.setAttribute('aria-disabled', 'true');
			}
			else {
				button.removeAttribute('aria-disabled');
			}
		});
		if (value) {
			banner.setAttribute('aria-busy', 'true');
		}
		else {
			banner.removeAttribute('aria-busy');
		}
	}

	function choose(button, record) {
		if (busy) {
			return;
		}
		setBusy(true);
		error.textContent = '';
		record().then(function (consent) {
			current = consent;
			setBusy(false);
			status.textContent = 'Your choice is saved. You can change it at any time under "Privacy settings".';
			close();
			return showVisitor();
		}, function () {
			setBusy(false);
			error.textContent = 'Your choice could not be saved. Please try again.';
			button.focus();
		}).then(function () {
			choicesShown += 1;
			document.documentElement.setAttribute('data-cxp-choices', String(choicesShown));
		});
	}

	// --- The panel: what the site knows, always as text --------------------------------------------------

	function setText(id, text) {
		var element = byId(id);
		if (element) {
			element.textContent = text;
		}
	}

	function describePurposes(purposes) {
		var list = byId('cxp-purpose-states');
		var names = Object.keys(purposes || {});
		list.textContent = '';
		names.forEach(function (name, index) {
			var purpose = purposes[name] || {};
			var item = document.createElement('span');
			item.id = 'cxp-purpose-state-' + name;
			item.textContent = name + ': ' + purpose.state + ', ' + (purpose.allowed ? 'allowed' : 'not allowed')
					+ (index < names.length - 1 ? '; ' : '');
			list.appendChild(item);
		});
	}

	function describe(visitor) {
		var consent = visitor.consent || {};
		var session = visitor.session;
		setText('cxp-visitor-id', visitor.visitorId || 'none (no consent)');
		setText('cxp-consent', consent.state + ' (source: ' + consent.source + ', effective: ' + consent.effective + ')');
		describePurposes(visitor.purposes);
		setText('cxp-region', visitor.region || 'unknown');
		setText('cxp-session', session ? session.id + ', started ' + session.startedAt + ', expires ' + session.expiresAt
				: 'none');
		setText('cxp-previous-page', (session && session.previousPage) || 'none');
	}

	function showVisitor() {
		return window.fetch('/api/visitor', {
			credentials: 'same-origin',
			cache: 'no-store',
			headers: { 'Accept': 'application/json' }
		}).then(function (response) {
			if (!response.ok) {
				throw new Error('/api/visitor answered ' + response.status);
			}
			return response.json();
		}).then(describe).catch(function () {
			setText('cxp-visitor-id', 'unknown: the site could not be asked; reload the page');
		}).then(showStorage);
	}

	function showStorage() {
		var text;
		try {
			var id = window.localStorage.getItem('PISession.Id');
			var previous = window.localStorage.getItem('PISession.Previous');
			text = (id === null && previous === null) ? 'nothing'
				: 'PISession.Id = ' + id + ', PISession.Previous = ' + previous;
		}
		catch (e) {
			text = 'not available: this browser blocks the site\'s storage (' + e.name + ')';
		}
		var problem = cxp.storageProblem;
		if (problem && problem.operation === 'write') {
			text += ' (this browser refused to keep the visit session: ' + problem.name + ')';
		}
		setText('cxp-local-storage', text);
	}

	// --- Wiring ------------------------------------------------------------------------------------------

	accept.addEventListener('click', function () {
		choose(accept, cxp.consent.grant);
	});
	decline.addEventListener('click', function () {
		choose(decline, cxp.consent.deny);
	});
	save.addEventListener('click', function () {
		var choices = chosenPurposes();
		choose(save, function () {
			return cxp.consent.set(choices);
		});
	});
	customize.addEventListener('click', function () {
		if (customizeView.hidden) {
			expandCustomize();
		}
		else {
			collapseCustomize();
		}
	});
	banner.addEventListener('keydown', function (event) {
		if (event.key === 'Escape' && !busy) {
			event.preventDefault();
			close();
		}
	});
	settings.addEventListener('click', function () {
		if (banner.hidden) {
			open(settings, true);
		}
		else {
			opener = settings;
			banner.focus();
		}
	});
	window.addEventListener('cxp:storageproblem', showStorage);

	var asked = cxp.consent.get().then(function (consent) {
		current = consent;
		return isRecorded(consent);
	}, function () {
		return false;
	}).then(function (recorded) {
		if (!recorded) {
			// Opened by the page itself: take focus only if the visitor is not busy elsewhere yet.
			var idle = !document.activeElement || document.activeElement === document.body;
			open(null, idle);
		}
	});
	var stored = cxp.ready.then(showStorage, showStorage);
	Promise.all([asked, stored]).then(function () {
		document.documentElement.setAttribute('data-cxp-ready', 'true');
	});
})(window, document);
