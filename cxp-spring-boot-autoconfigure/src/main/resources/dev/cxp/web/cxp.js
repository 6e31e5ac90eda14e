/*
 * cxp.js: the browser companion of the CXP Spring Boot starter.
 *
 * Keeps the visit session in the browser's local storage in step with consent, as the CXP web SDK does:
 * with consent, "PISession.Id" holds {"id":..., "start":..., "expiry":...} (times in epoch milliseconds)
 * and "PISession.Previous" the previous page of the session; without consent, both keys are removed on
 * load and right after a denial. The server decides consent and owns the _mspi cookie; this script only
 * mirrors the server's view, read from <base path>/visitor. When that view cannot be read (no answer, an
 * error status, or something other than its JSON), both keys are removed: nothing is kept on a guess.
 *
 * API, every call returns a Promise:
 *   cxp.consent.get()    -> {state, source, effective, required, revision, purposes, region[, googleConsentMode]}
 *   cxp.consent.grant()  -> records a grant of every purpose, then refreshes local storage
 *   cxp.consent.deny()   -> records a denial of every purpose and clears local storage
 *   cxp.consent.set({analytics: true, ads: false})
 *                        -> records a choice per purpose (purposes not named keep their recorded state),
 *                           then refreshes or clears local storage as the tracking purpose now allows
 *   cxp.refresh()        -> re-reads <base path>/visitor and updates local storage; resolves to the visitor
 *   cxp.ready            -> settles after the first refresh on load (rejects if the server could not be
 *                           asked or answered something unreadable)
 * grant(), deny() and set() resolve to the recorded consent once the server recorded it, whatever local
 * storage does afterwards; they reject only when the choice may not have been recorded. Local storage
 * trouble (full, or blocked by the browser) never rejects anything: it is reported in cxp.storageProblem
 * ({operation: "write"|"clear", name: "QuotaExceededError"|"SecurityError"|...}, null while storage works)
 * and by a "cxp:storageproblem" event on window whose detail is the same object.
 *
 * Calls are ordered: a choice waits for the previous one, and an answer from <base path>/visitor that was
 * asked for before a choice never writes local storage after it (the read is made again).
 *
 * Google Consent Mode: when the server's answer to a choice carries "googleConsentMode" (the state of each
 * Consent Mode type, such as {"analytics_storage":"granted","ad_storage":"denied"}), the script tells the
 * page's Google tags right after the choice is recorded, with gtag('consent', 'update', {...}) where the page
 * defines gtag, or by pushing the same arguments onto window.dataLayer, as gtag does, where the page only has
 * a dataLayer. A page without either, or an answer without the member, gets nothing. The default comes from
 * the server too, without a request: a page's template puts the request attribute "cxpConsentMode" on the
 * script element as data-consent-mode='{"analytics_storage":"denied",...}', and the script, loaded before any
 * Google tag, sends gtag('consent', 'default', {...}) as it loads (creating window.dataLayer when the page
 * has none yet).
 *
 * The base path is the script's own directory: load it from <base path>/cxp.js, or name the base path
 * with a data-cxp-base-path attribute on the script element (needed when the script is served from
 * another address).
 */
(function (window, document) {
	'use strict';

	var SESSION_KEY = 'PISession.Id';
	var PREVIOUS_KEY = 'PISession.Previous';
	var SCRIPT_NAME = '/cxp.js';
	var BASE_PATH_ATTRIBUTE = 'data-cxp-base-path';
	var DEFAULT_BASE_PATH = '/cxp';
	var STORAGE_PROBLEM_EVENT = 'cxp:storageproblem';
	// Epoch seconds below this (the year 5138) are seconds; epoch milliseconds are far above it (after 1973).
	var LARGEST_EPOCH_SECONDS = 1e11;

	// --- Where the server's endpoints are ---------------------------------------------------------------

	function pathOf(address) {
		try {
			return new URL(address, document.baseURI).pathname;
		}
		catch (e) {
			return null;
		}
	}

	// Module scripts have no document.currentScript: look for the element by its attribute or its address.
	function ownScript() {
		if (document.currentScript) {
			return document.currentScript;
		}
		var marked = document.querySelector('script[' + BASE_PATH_ATTRIBUTE + ']');
		if (marked) {
			return marked;
		}
		var scripts = document.getElementsByTagName('script');
		for (var i = scripts.length - 1; i >= 0; i--) {
			var path = scripts[i].src ? pathOf(scripts[i].src) : null;
			if (path && path.slice(-SCRIPT_NAME.length) === SCRIPT_NAME) {
				return scripts[i];
			}
		}
		return null;
	}

	function basePath() {
		var script = ownScript();
		if (!script) {
			return DEFAULT_BASE_PATH;
		}
		var configured = script.getAttribute(BASE_PATH_ATTRIBUTE);
		// Only a path of this site: the endpoints read this site's cookies.
		if (configured !== null && /^\/(?![\/\\])/.test(configured)) {
			return configured.replace(/\/+$/, '');
		}
		var path = script.src ? pathOf(script.src) : null;
		if (path && path.slice(-SCRIPT_NAME.length) === SCRIPT_NAME) {
			return path.slice(0, -SCRIPT_NAME.length);
		}
		return DEFAULT_BASE_PATH;
	}

	var base = basePath();

	function unreadable(method, path) {
		return new Error('cxp: ' + method + ' ' + path + ' answered something other than its JSON');
	}

	function call(method, path, body) {
		var init = {
			method: method,
			credentials: 'same-origin',
			cache: 'no-store',
			headers: { 'Accept': 'application/json' }
		};
		if (body !== undefined) {
			init.headers['Content-Type'] = 'application/json';
			init.body = JSON.stringify(body);
		}
		return window.fetch(base + path, init).then(function (response) {
			if (!response.ok) {
				throw new Error('cxp: ' + method + ' ' + path + ' answered ' + response.status);
			}
			return response.json().then(function (answer) {
				if (answer === null || typeof answer !== 'object') {
					throw unreadable(method, path);
				}
				return answer;
			}, function () {
				throw unreadable(method, path);
			});
		});
	}

	// --- Local storage, every operation guarded -----------------------------------------------------------

	var storageProblem = null;

	function problemOf(operation, error) {
		return Object.freeze({ operation: operation, name: (error && error.name) || 'Error' });
	}

	function reportStorage(problem) {
		storageProblem = problem;
		if (problem) {
			try {
				window.dispatchEvent(new CustomEvent(STORAGE_PROBLEM_EVENT, { detail: problem }));
			}
			catch (e) {
				// A browser without CustomEvent still has the property.
			}
		}
	}

	// Runs an action on local storage; returns the problem it met, or null.
	function onStorage(operation, action) {
		try {
			// Reading the property throws a SecurityError where the browser blocks the site's data.
			var store = window.localStorage;
			if (!store) {
				return problemOf(operation, { name: 'NotSupportedError' });
			}
			action(store);
			return null;
		}
		catch (error) {
			return problemOf(operation, error);
		}
	}

	function removeKeys(store) {
		store.removeItem(SESSION_KEY);
		store.removeItem(PREVIOUS_KEY);
	}

	function clearStorage() {
		reportStorage(onStorage('clear', removeKeys));
	}

	function writeStorage(session) {
		var problem = onStorage('write', function (store) {
			store.setItem(SESSION_KEY, JSON.stringify({ id: session.id, start: session.start, expiry: session.expiry }));
			if (session.previousPage) {
				store.setItem(PREVIOUS_KEY, session.previousPage);
			}
			else {
				store.removeItem(PREVIOUS_KEY);
			}
		});
		if (problem) {
			// A full storage still allows removals: never leave an older session, or half of this one, behind.
			onStorage('clear', removeKeys);
		}
		reportStorage(problem);
	}

	// --- The server's view of the visitor ----------------------------------------------------------------

	// An Instant as the application's JSON mapper writes it: ISO-8601 text, or epoch seconds (with a
	// fraction) or epoch milliseconds when it writes dates as numbers.
	function epochMillis(value) {
		if (typeof value === 'number' && isFinite(value)) {
			return Math.floor(Math.abs(value) < LARGEST_EPOCH_SECONDS ? value * 1000 : value);
		}
		if (typeof value === 'string') {
			// Date.parse is only required to read milliseconds; Java writes up to nanoseconds.
			var millis = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
			return isNaN(millis) ? null : millis;
		}
		return null;
	}

	function readSession(session) {
		if (session === null || session === undefined) {
			return null;
		}
		var start = epochMillis(session.startedAt);
		var expiry = epochMillis(session.expiresAt);
		var previous = session.previousPage;
		if (typeof session.id !== 'string' || !session.id || start === null || expiry === null
				|| (previous !== null && previous !== undefined && typeof previous !== 'string')) {
			throw new Error('cxp: the visitor\'s session could not be read');
		}
		return { id: session.id, start: start, expiry: expiry, previousPage: previous || null };
	}

	function keepInStep(visitor) {
		if (!visitor.consent || typeof visitor.consent !== 'object' || typeof visitor.consent.effective !== 'boolean') {
			throw unreadable('GET', '/visitor');
		}
		var session = visitor.consent.effective ? readSession(visitor.session) : null;
		if (session) {
			writeStorage(session);
		}
		else {
			// No consent, or no live session on the server (none started yet, or it expired).
			clearStorage();
		}
	}

	// --- Google Consent Mode: the page's Google tags hear every recorded choice -----------------------------

	var CONSENT_MODE_TYPE = /^[a-z_]{1,64}$/;
	var CONSENT_MODE_ATTRIBUTE = 'data-consent-mode';

	// The signals of a server's answer, such as {analytics_storage: 'granted'}, or null.
	function consentModeSignals(types) {
		if (!types || typeof types !== 'object') {
			return null;
		}
		var signals = null;
		Object.keys(types).forEach(function (type) {
			var state = types[type];
			if (CONSENT_MODE_TYPE.test(type) && (state === 'granted' || state === 'denied')) {
				signals = signals || {};
				signals[type] = state;
			}
		});
		return signals;
	}

	// Google's pattern: gtag() pushes its arguments object onto window.dataLayer, which Google's tags read.
	function pushOntoDataLayer() {
		window.dataLayer.push(arguments);
	}

	// Tells the page's Google tags: through gtag where the page defines it, else onto the dataLayer.
	function tellGoogleTags(command, signals, createDataLayer) {
		if (!signals) {
			return;
		}
		try {
			if (typeof window.gtag === 'function') {
				window.gtag('consent', command, signals);
				return;
			}
			if (createDataLayer) {
				window.dataLayer = window.dataLayer || [];
			}
			if (window.dataLayer && typeof window.dataLayer.push === 'function') {
				pushOntoDataLayer('consent', command, signals);
			}
		}
		catch (e) {
			// A tag of the page that throws does not stop the script, nor make a recorded choice look unrecorded.
		}
	}

	// The server's decision for this page, put on the script element by the page's template: the default
	// Google's tags start with, before any of them runs, without a request of its own.
	function consentModeDefault() {
		var script = ownScript();
		var json = script ? script.getAttribute(CONSENT_MODE_ATTRIBUTE) : null;
		if (!json) {
			return;
		}
		try {
			tellGoogleTags('default', consentModeSignals(JSON.parse(json)), true);
		}
		catch (e) {
			// Not JSON: no default is better than a wrong one; the tags keep their own.
		}
	}

	function updateConsentMode(answer) {
		tellGoogleTags('update', consentModeSignals(answer.googleConsentMode), false);
	}

	// --- Ordering: choices one after another, and no stale answer written after a choice -----------------

	// Counts the choices started; an answer asked for under an older count is stale.
	var choicesStarted = 0;
	// Settles when the latest choice is done (recorded or failed).
	var choicesDone = Promise.resolve();

	function noop() {
	}

	// Reads the visitor, asked for while the choices started numbered `started`; keeps local storage in step
	// unless another choice started meanwhile.
	function readVisitor(started) {
		return call('GET', '/visitor').then(function (visitor) {
			var current = started === choicesStarted;
			if (current) {
				try {
					keepInStep(visitor);
				}
				catch (error) {
					clearStorage();
					throw error;
				}
			}
			return { visitor: visitor, current: current };
		}, function (error) {
			if (started === choicesStarted) {
				// The server's view is unknown: keep nothing on a guess.
				clearStorage();
				throw error;
			}
			return { visitor: null, current: false };
		});
	}

	function refresh() {
		return choicesDone.then(function () {
			return readVisitor(choicesStarted);
		}).then(function (read) {
			// A choice started while the answer travelled: ask again once it is recorded.
			return read.current ? read.visitor : refresh();
		});
	}

	function recordedConsent(consent) {
		if (typeof consent.state !== 'string' || typeof consent.effective !== 'boolean') {
			throw unreadable('PUT', '/consent');
		}
		return consent;
	}

	function choose(body) {
		var started = ++choicesStarted;
		var recorded = choicesDone.then(function () {
			return call('PUT', '/consent', body);
		}).then(recordedConsent).then(function (consent) {
			updateConsentMode(consent);
			// Recorded: from here on local storage or the read may fail, the choice stands.
			if (!consent.effective) {
				clearStorage();
				return consent;
			}
			return readVisitor(started).then(function () {
				return consent;
			}, function () {
				return consent;
			});
		});
		choicesDone = recorded.then(noop, noop);
		return recorded;
	}

	function purposeChoices(choices) {
		var purposes = {};
		Object.keys(choices || {}).forEach(function (name) {
			purposes[name] = choices[name] ? 'granted' : 'denied';
		});
		return purposes;
	}

	var consent = {
		get: function () {
			return choicesDone.then(function () {
				return call('GET', '/consent');
			});
		},
		set: function (choices) {
			return choose({ purposes: purposeChoices(choices) });
		},
		grant: function () {
			return choose({ consent: 'granted' });
		},
		deny: function () {
			// Clear first: whatever the server answers, nothing stays behind in this browser.
			clearStorage();
			return choose({ consent: 'denied' });
		}
	};

	consentModeDefault();
	var ready = refresh();
	// A page that does not wait on cxp.ready should not see an unhandled rejection when the server is away.
	ready.catch(noop);

	window.cxp = {
		basePath: base,
		consent: consent,
		refresh: refresh,
		ready: ready
	};
	Object.defineProperty(window.cxp, 'storageProblem', {
		enumerable: true,
		get: function () {
			return storageProblem;
		}
	});
})(window, document);
