/*
 * cxp.js: the browser companion of the CXP Spring Boot starter.
 *
 * Keeps the visit session in the browser's local storage in step with consent, as the CXP web SDK does:
 * with consent, "PISession.Id" holds {"id":..., "start":..., "expiry":...} (times in epoch milliseconds)
 * and "PISession.Previous" the previous page of the session; without consent, both keys are removed on
 * load and right after a denial. The server decides consent and owns the _mspi cookie; this script only
 * mirrors the server's view, read from <base path>/visitor.
 *
 * API, every call returns a Promise:
 *   cxp.consent.get()    -> {state, source, effective, required, revision, purposes, region}
 *   cxp.consent.grant()  -> records a grant of every purpose, then refreshes local storage
 *   cxp.consent.deny()   -> records a denial of every purpose and clears local storage
 *   cxp.consent.set({analytics: true, ads: false})
 *                        -> records a choice per purpose (purposes not named keep their recorded state),
 *                           then refreshes or clears local storage as the tracking purpose now allows
 *   cxp.refresh()        -> re-reads <base path>/visitor and updates local storage; resolves to the visitor
 *   cxp.ready            -> settles after the first refresh on load (rejects if the server could not be asked)
 *
 * The base path follows the script's own address: load it from <base path>/cxp.js.
 */
(function (window, document) {
	'use strict';

	var SESSION_KEY = 'PISession.Id';
	var PREVIOUS_KEY = 'PISession.Previous';
	var SCRIPT_NAME = '/cxp.js';

	function basePath() {
		var script = document.currentScript;
		if (script && script.src) {
			var path = new URL(script.src, document.baseURI).pathname;
			if (path.slice(-SCRIPT_NAME.length) === SCRIPT_NAME) {
				return path.slice(0, -SCRIPT_NAME.length);
			}
		}
		return '/cxp';
	}

	var base = basePath();

	function storage() {
		try {
			return window.localStorage;
		}
		catch (e) {
			// Storage blocked by the browser: there is nothing to keep in step.
			return null;
		}
	}

	function clearStorage() {
		var store = storage();
		if (store) {
			store.removeItem(SESSION_KEY);
			store.removeItem(PREVIOUS_KEY);
		}
	}

	function writeStorage(session) {
		var store = storage();
		if (!store) {
			return;
		}
		store.setItem(SESSION_KEY, JSON.stringify({
			id: session.id,
			start: Date.parse(session.startedAt),
			expiry: Date.parse(session.expiresAt)
		}));
		if (session.previousPage) {
			store.setItem(PREVIOUS_KEY, session.previousPage);
		}
		else {
			store.removeItem(PREVIOUS_KEY);
		}
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
			return response.json();
		});
	}

	function refresh() {
		return call('GET', '/visitor').then(function (visitor) {
			if (visitor.consent && visitor.consent.effective && visitor.session) {
				writeStorage(visitor.session);
			}
			else {
				// No consent, or no live session on the server (none started yet, or it expired).
				clearStorage();
			}
			return visitor;
		});
	}

	function record(choice) {
		return call('PUT', '/consent', { consent: choice });
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
			return call('GET', '/consent');
		},
		set: function (choices) {
			return call('PUT', '/consent', { purposes: purposeChoices(choices) }).then(function (result) {
				if (!result.effective) {
					clearStorage();
					return result;
				}
				return refresh().then(function () {
					return result;
				});
			});
		},
		grant: function () {
			return record('granted').then(function (result) {
				return refresh().then(function () {
					return result;
				});
			});
		},
		deny: function () {
			// Clear first: whatever the server answers, nothing stays behind in this browser.
			clearStorage();
			return record('denied').then(function (result) {
				clearStorage();
				return result;
			});
		}
	};

	var ready = refresh();
	// A page that does not wait on cxp.ready should not see an unhandled rejection when the server is away.
	ready.catch(function () {
	});

	window.cxp = {
		basePath: base,
		consent: consent,
		refresh: refresh,
		ready: ready
	};
})(window, document);
