(function () {
  var banner = document.getElementById('banner');
  var error = document.getElementById('banner-error');
  var before = null;

  function choose(button, record) {
    error.textContent = '';
    record().then(function () {
      banner.hidden = true;
      (before && before !== document.body ? before : document.querySelector('main')).focus();
    }, function () {
      error.textContent = 'Your choice could not be saved. Please try again.';
      button.focus();
    });
  }

  cxp.consent.get().then(function (consent) {
    var purposes = consent.purposes || { tracking: consent.state };
    var unanswered = Object.keys(purposes).some(function (name) { return purposes[name] === 'UNSPECIFIED'; });
    if (unanswered) {
      before = document.activeElement;
      banner.hidden = false;
      banner.focus();
    }
  });
  document.getElementById('accept').addEventListener('click', function () { choose(this, cxp.consent.grant); });
  document.getElementById('decline').addEventListener('click', function () { choose(this, cxp.consent.deny); });
})();
