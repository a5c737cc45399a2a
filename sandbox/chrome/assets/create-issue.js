/*
 * The backlog's "Create issue" dialog: sends summary, type, priority and estimate to /api/issues,
 * which creates the issue through the stand-in's REST API as the person acting. Jira's field
 * errors are shown next to their fields; on success the dialog closes, a flag links the new issue
 * and the backlog redraws with it at the bottom.
 */
(function createIssue() {
  'use strict';
  var dialog = document.getElementById('create-issue-dialog');
  var form = document.getElementById('create-issue-form');
  var opener = document.getElementById('create-issue-open');
  if (!dialog || !form || !opener) return;
  var message = document.getElementById('create-issue-message');
  var POINTS_FIELD = /^customfield_/;

  function clearErrors() {
    form.querySelectorAll('[data-error-for]').forEach(function (element) {
      element.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (element) {
      element.removeAttribute('aria-invalid');
    });
    message.hidden = true;
    message.textContent = '';
  }

  function showErrors(answer) {
    var errors = answer.errors || {};
    var unplaced = (answer.errorMessages || []).slice();
    Object.keys(errors).forEach(function (field) {
      var name = POINTS_FIELD.test(field) ? 'estimate' : field;
      var slot = form.querySelector('[data-error-for="' + name + '"]');
      var input = form.elements[name === 'issuetype' ? 'type' : name];
      if (slot) slot.textContent = errors[field];
      else unplaced.push(errors[field]);
      if (input) input.setAttribute('aria-invalid', 'true');
    });
    if (unplaced.length > 0) {
      message.textContent = unplaced.join(' ');
      message.hidden = false;
    }
    var firstInvalid = form.querySelector('[aria-invalid="true"]');
    if (firstInvalid) firstInvalid.focus();
  }

  opener.addEventListener('click', function () {
    form.reset();
    clearErrors();
    dialog.showModal();
    form.elements.summary.focus();
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors();
    var submit = form.querySelector('[type="submit"]');
    submit.disabled = true;
    var body = {
      projectKey: form.getAttribute('data-project-key'),
      summary: form.elements.summary.value,
      type: form.elements.type.value,
      priority: form.elements.priority.value,
      estimate: form.elements.estimate.value,
    };
    fetch('/api/issues', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (answer) {
          return { ok: response.ok, answer: answer };
        });
      })
      .then(function (result) {
        if (!result.ok) return showErrors(result.answer);
        dialog.close();
        window.dispatchEvent(
          new CustomEvent('sandbox:flag', {
            detail: {
              id: 'created-' + result.answer.key,
              type: 'success',
              title: 'Created ' + result.answer.key,
              description: body.summary,
              isAutoDismiss: true,
            },
          }),
        );
        var link = document.createElement('a');
        link.href = '/browse/' + encodeURIComponent(result.answer.key);
        link.textContent = 'Open ' + result.answer.key;
        link.id = 'created-issue-link';
        var flag = document.querySelector('#flags .flag:last-child');
        if (flag) flag.insertBefore(link, flag.lastChild);
        window.dispatchEvent(new CustomEvent('sandbox:board-changed'));
      })
      .catch(function () {
        message.textContent = 'Could not reach the sandbox. Try again.';
        message.hidden = false;
      })
      .finally(function () {
        submit.disabled = false;
      });
  });
})();
