/*
 * The product side of the Forge bridge, running in the sandbox's Jira pages. It answers what
 * bridge-shim.js posts from each Custom UI iframe, the way Jira's host does: the iframe only says
 * *what* it wants; *who* asks and *where* (user, site, issue, gadget) comes from the page that
 * mounted it (`data-forge-mount`) and from the server session, never from the app. Calls are
 * logged in `window.__sandboxBridgeLog` so end-to-end tests can see the round trips.
 */
(function installBridgeHost() {
  'use strict';
  var CHANNEL = 'goalkeeper-sandbox-bridge';
  var themed = new Set();
  var subscriptions = new Map();
  window.__sandboxBridgeLog = [];

  function mountOf(frame) {
    return JSON.parse(frame.getAttribute('data-forge-mount'));
  }

  function frameOf(source) {
    var frames = document.querySelectorAll('iframe[data-forge-mount]');
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  function send(frame, message) {
    message.channel = CHANNEL;
    if (frame.contentWindow) frame.contentWindow.postMessage(message, '*');
  }

  function currentTheme() {
    return { colorMode: document.documentElement.getAttribute('data-color-mode') || 'light' };
  }

  function postJson(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
      function (response) {
        return response.json().then(function (answer) {
          if (!answer.ok) throw new Error(answer.error);
          return answer.value;
        });
      },
    );
  }

  function isEditView(mount) {
    return mount.placement.kind === 'gadget' && mount.placement.entryPoint === 'edit';
  }

  /** Leaves the gadget's edit view for its view, as Jira does after save or cancel. */
  function leaveEditView() {
    setTimeout(function () {
      var url = new URL(window.location.href);
      url.searchParams.delete('edit');
      window.location.assign(url.toString());
    }, 0);
  }

  /** Where a router location leads in this sandbox (Jira's own paths where the sandbox has the page). */
  function urlOf(location) {
    if (typeof location === 'string') return new URL(location, window.location.href).toString();
    var base = window.location.origin;
    switch (location.target) {
      case 'issue':
        return base + '/browse/' + encodeURIComponent(location.issueKey);
      case 'dashboard':
        return base + '/jira/dashboards/' + encodeURIComponent(location.dashboardId);
      case 'projectSettingsDetails':
        return base + '/jira/software/projects/' + encodeURIComponent(location.projectKey) + '/settings/apps';
      case 'module':
        return (
          base +
          '/__forge/module/' +
          encodeURIComponent(location.moduleKey) +
          (location.projectKey ? '?projectKey=' + encodeURIComponent(location.projectKey) : '')
        );
      default:
        throw new Error('The sandbox has no page for router target "' + location.target + '" (Confluence targets do not exist in Jira).');
    }
  }

  function navigate(location) {
    var url = urlOf(location.url !== undefined ? location.url : location);
    if (location.type === 'new-tab') window.open(url, '_blank', 'noopener');
    else window.location.assign(url);
  }

  function broadcast(event, payload) {
    subscriptions.forEach(function (subscription, subscriptionId) {
      if (subscription.event === event) send(subscription.frame, { kind: 'event', subscriptionId: subscriptionId, payload: payload });
    });
  }

  var handlers = {
    getContext: function (mount) {
      return postJson('/__forge/context', { mount: mount });
    },
    invoke: function (mount, payload) {
      return postJson('/__forge/invoke', { mount: mount, functionKey: payload.functionKey, payload: payload.payload });
    },
    enableTheming: function (mount, payload, frame) {
      themed.add(frame);
      send(frame, { kind: 'theme', theme: currentTheme() });
    },
    submit: function (mount, payload) {
      if (!isEditView(mount)) return false;
      return postJson('/__forge/gadget-configuration', { mount: mount, configuration: payload }).then(function () {
        leaveEditView();
        return true;
      });
    },
    close: function (mount, payload, frame) {
      var dialog = frame.closest('dialog');
      if (dialog) {
        setTimeout(function () {
          dialog.close();
        }, 0);
        return true;
      }
      if (!isEditView(mount)) return false;
      leaveEditView();
      return true;
    },
    navigate: function (mount, payload) {
      navigate(payload);
    },
    getUrl: function (mount, payload) {
      return urlOf(payload);
    },
    reload: function () {
      window.location.reload();
    },
    refresh: function (mount, payload, frame) {
      frame.contentWindow.location.reload();
      return true;
    },
    getFrameId: function (mount) {
      return mount.localId;
    },
    emitReadyEvent: function () {},
    changeWindowTitle: function (mount, title) {
      document.title = title;
    },
    emit: function (mount, payload) {
      broadcast(payload.event, payload.payload);
    },
    emitPublic: function (mount, payload) {
      broadcast(payload.event, payload.payload);
    },
    on: function (mount, payload, frame) {
      subscriptions.set(payload.subscriptionId, { event: payload.event, frame: frame });
    },
    onPublic: function (mount, payload, frame) {
      subscriptions.set(payload.subscriptionId, { event: payload.event, frame: frame });
    },
    unsubscribe: function (mount, payload) {
      subscriptions.delete(payload.subscriptionId);
    },
    showFlag: function (mount, payload) {
      window.dispatchEvent(new CustomEvent('sandbox:flag', { detail: payload }));
    },
    closeFlag: function (mount, payload) {
      window.dispatchEvent(new CustomEvent('sandbox:close-flag', { detail: payload }));
    },
  };

  function answer(frame, mount, message) {
    var handler = handlers[message.name];
    var entry = { moduleKey: mount.moduleKey, name: message.name, payload: message.payload };
    window.__sandboxBridgeLog.push(entry);
    var result = handler
      ? Promise.resolve().then(function () {
          return handler(mount, message.payload, frame);
        })
      : Promise.reject(new Error('The Goalkeeper sandbox does not host the bridge call "' + message.name + '".'));
    result.then(
      function (value) {
        entry.ok = true;
        entry.value = value;
        send(frame, { kind: 'result', id: message.id, ok: true, value: value });
      },
      function (error) {
        entry.ok = false;
        entry.error = error.message;
        send(frame, { kind: 'result', id: message.id, ok: false, error: error.message });
      },
    );
  }

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || message.channel !== CHANNEL) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    if (message.kind === 'resize') frame.style.height = Math.max(message.height, 40) + 'px';
    else if (message.kind === 'call') answer(frame, mountOf(frame), message);
  });

  window.addEventListener('sandbox:theme', function () {
    themed.forEach(function (frame) {
      send(frame, { kind: 'theme', theme: currentTheme() });
    });
  });
})();
