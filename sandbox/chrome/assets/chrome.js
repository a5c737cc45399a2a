/*
 * The sandbox chrome's behaviour: the top bar's switches (person, colour mode, language, licence),
 * the notifications drawer, the issue picker, modals for board and sprint actions, and the flags apps raise with
 * `showFlag`. Switching person, language or licence reloads the page, as logging in again would;
 * the colour mode changes live, in the chrome and in every themed iframe.
 */
(function chrome() {
  'use strict';
  var ONE_YEAR = 60 * 60 * 24 * 365;

  function setCookie(name, value) {
    document.cookie = name + '=' + encodeURIComponent(value) + '; path=/; max-age=' + ONE_YEAR + '; samesite=lax';
  }

  function on(id, event, handler) {
    var element = document.getElementById(id);
    if (element) element.addEventListener(event, handler);
  }

  on('user-switcher', 'change', function (event) {
    setCookie('gk-sandbox-user', event.target.value);
    window.location.reload();
  });

  on('locale-switcher', 'change', function (event) {
    setCookie('gk-sandbox-locale', event.target.value);
    window.location.reload();
  });

  on('theme-toggle', 'click', function (event) {
    var root = document.documentElement;
    var next = root.getAttribute('data-color-mode') === 'dark' ? 'light' : 'dark';
    root.setAttribute('data-color-mode', next);
    setCookie('gk-sandbox-theme', next);
    event.currentTarget.textContent = next === 'dark' ? '☾ Dark' : '☀ Light';
    event.currentTarget.setAttribute('aria-label', 'Colour mode: ' + next + '. Switch to ' + (next === 'dark' ? 'light' : 'dark'));
    window.dispatchEvent(new CustomEvent('sandbox:theme'));
  });

  on('licence-toggle', 'click', function (event) {
    var active = event.currentTarget.getAttribute('data-active') === 'true';
    fetch('/api/licence', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: !active }),
    }).then(function () {
      window.location.reload();
    });
  });

  on('issue-picker', 'change', function (event) {
    window.location.assign('/browse/' + encodeURIComponent(event.target.value));
  });

  on('reset-form', 'submit', function (event) {
    if (!window.confirm('Reset the sandbox to its seed? Proposals, settings and Jira changes made here are deleted.'))
      event.preventDefault();
  });

  /** Board and sprint actions open in a modal; the iframe is created on open and dropped on close. */
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-open-modal]');
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute('data-open-modal'));
      var body = dialog.querySelector('.modal-body');
      body.replaceChildren(dialog.querySelector('template').content.cloneNode(true));
      dialog.showModal();
      return;
    }
    var closer = event.target.closest('[data-close-modal]');
    if (closer) closer.closest('dialog').close();
  });
  document.addEventListener(
    'close',
    function (event) {
      if (event.target.matches && event.target.matches('dialog.modal')) event.target.querySelector('.modal-body').replaceChildren();
    },
    true,
  );

  /** The notifications drawer: what Jira mailed the person acting, read fresh each time it opens, shown as text. */
  function notificationItem(notification) {
    var item = document.createElement('li');
    item.className = 'notification';
    var subject = document.createElement('strong');
    subject.textContent = notification.subject;
    var meta = document.createElement('p');
    meta.className = 'subtle small';
    meta.textContent =
      'From ' +
      notification.from +
      ' · ' +
      new Date(notification.sentAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) +
      ' · ' +
      (notification.format === 'html' ? 'HTML email' : 'plain-text email');
    var body = document.createElement('p');
    body.className = 'notification-body';
    // An HTML email is shown as its text: the sandbox never renders markup it was sent.
    var holder = document.createElement('template');
    holder.innerHTML = notification.format === 'html' ? notification.body.replace(/<\/p>/g, '</p>\n\n') : '';
    // The email's own link points at Jira's site; the drawer offers the sandbox's link below instead.
    holder.content.querySelectorAll('a').forEach(function (anchor) {
      anchor.remove();
    });
    body.textContent = notification.format === 'html' ? holder.content.textContent.trim() : notification.body;
    var link = document.createElement('a');
    link.href = '/browse/' + encodeURIComponent(notification.issueKey);
    link.textContent = 'Open ' + notification.issueKey;
    item.append(subject, meta, body, link);
    return item;
  }

  on('notifications-toggle', 'click', function () {
    var drawer = document.getElementById('notifications-drawer');
    var list = document.getElementById('notifications-list');
    list.textContent = 'Loading…';
    drawer.showModal();
    fetch('/api/notifications', { headers: { accept: 'application/json' } })
      .then(function (response) {
        return response.json();
      })
      .then(function (notifications) {
        if (notifications.length === 0) {
          list.textContent = 'No notifications yet.';
          return;
        }
        var items = document.createElement('ol');
        items.className = 'notification-list';
        notifications.forEach(function (notification) {
          items.append(notificationItem(notification));
        });
        list.replaceChildren(items);
      })
      .catch(function () {
        list.textContent = 'Could not reach the sandbox; close and open the drawer again.';
      });
  });

  var flags = new Map();
  window.addEventListener('sandbox:flag', function (event) {
    var options = event.detail;
    var flag = document.createElement('div');
    flag.className = 'flag flag-' + (options.type || 'info');
    flag.setAttribute('role', options.type === 'error' ? 'alert' : 'status');
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    var description = document.createElement('p');
    description.textContent = options.description || '';
    var dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'button button-subtle';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', function () {
      flag.remove();
    });
    flag.append(title, description, dismiss);
    document.getElementById('flags').append(flag);
    flags.set(options.id, flag);
    if (options.isAutoDismiss)
      setTimeout(function () {
        flag.remove();
      }, 8000);
  });
  window.addEventListener('sandbox:close-flag', function (event) {
    var flag = flags.get(event.detail.id);
    if (flag) flag.remove();
  });
})();
