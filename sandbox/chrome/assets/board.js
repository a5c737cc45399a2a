/*
 * The backlog list: draws the board's open sprints and backlog from /api/boards/:id in rank
 * order, re-fetches every few seconds (only redrawing when Jira's data changed, so focus and open
 * menus survive), and offers "Move in Jira" — changes made directly in Jira as the current
 * person, bypassing Goalkeeper, the way a team member would drag an issue on the real board.
 */
(function board() {
  'use strict';
  var REFRESH_MS = 2500;
  var container = document.getElementById('board');
  if (!container) return;
  var boardId = container.getAttribute('data-board-id');
  var sprintActions = JSON.parse(container.getAttribute('data-sprint-actions') || '[]');
  var lastJson = '';

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') element.textContent = attributes.text;
      else element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child) element.append(child);
    });
    return element;
  }

  function formatDate(iso) {
    return iso ? new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }) : '';
  }

  function sumPoints(issues) {
    return issues.reduce(function (sum, issue) {
      return sum + (issue.points || 0);
    }, 0);
  }

  function act(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        if (response.ok) return null;
        return response.json().then(function (answer) {
          return (answer.errorMessages || []).concat(Object.values(answer.errors || {})).join(' ') || 'Jira refused the change.';
        });
      })
      .then(function (problem) {
        var status = document.getElementById('board-message');
        status.textContent = problem || '';
        status.hidden = !problem;
        return refresh(true);
      });
  }

  function actionButton(label, path, body) {
    var button = el('button', { type: 'button', class: 'menu-item', text: label });
    button.addEventListener('click', function () {
      act(path, body);
    });
    return button;
  }

  function moveMenu(issue, list, index, openSprints) {
    var key = encodeURIComponent(issue.key);
    var move = '/api/issues/' + key + '/move';
    var rank = '/api/issues/' + key + '/rank';
    var items = [];
    openSprints.forEach(function (sprint) {
      if (sprint.id !== issue.sprintId) items.push(actionButton('Move to ' + sprint.name, move, { sprintId: sprint.id }));
    });
    if (issue.sprintId !== null) items.push(actionButton('Move to backlog', move, { sprintId: null }));
    var first = list[0];
    var previous = list[index - 1];
    var next = list[index + 1];
    var last = list[list.length - 1];
    if (previous) items.push(actionButton('Rank to top', rank, { position: 'before', anchorKey: first.key }));
    if (previous) items.push(actionButton('Rank up', rank, { position: 'before', anchorKey: previous.key }));
    if (next) items.push(actionButton('Rank down', rank, { position: 'after', anchorKey: next.key }));
    if (next) items.push(actionButton('Rank to bottom', rank, { position: 'after', anchorKey: last.key }));
    return el('details', { class: 'row-menu' }, [
      el('summary', {}, [document.createTextNode('Move in Jira'), el('span', { class: 'visually-hidden', text: ' ' + issue.key })]),
      el('div', { class: 'menu', role: 'group', 'aria-label': 'Move ' + issue.key + ' in Jira' }, items),
    ]);
  }

  function issueRow(issue, list, index, openSprints) {
    var labels = el(
      'span',
      { class: 'row-labels' },
      issue.labels.map(function (label) {
        return el('span', { class: 'tag', text: label });
      }),
    );
    return el('li', { class: 'issue-row', 'data-issue-key': issue.key }, [
      el('span', { class: 'type-icon type-' + issue.type.toLowerCase().replace(/[^a-z]/g, ''), title: issue.type, 'aria-hidden': 'true' }),
      el('a', { class: 'issue-key', href: '/browse/' + encodeURIComponent(issue.key), text: issue.key }),
      el('a', { class: 'issue-row-summary', href: '/browse/' + encodeURIComponent(issue.key), text: issue.summary }),
      labels,
      issue.epicKey ? el('span', { class: 'epic', text: issue.epicKey }) : null,
      el('span', { class: 'lozenge lozenge-' + issue.statusCategory, text: issue.status }),
      el('span', { class: 'points', title: 'Story point estimate', text: issue.points === null ? '–' : String(issue.points) }),
      el('span', { class: 'assignee subtle', text: issue.assignee || 'Unassigned' }),
      moveMenu(issue, list, index, openSprints),
    ]);
  }

  function issueList(issues, openSprints) {
    var visible = issues.filter(function (issue) {
      return !issue.subtask;
    });
    if (visible.length === 0) return el('p', { class: 'subtle empty-list', text: 'No issues.' });
    return el(
      'ol',
      { class: 'issue-list' },
      visible.map(function (issue, index) {
        return issueRow(issue, visible, index, openSprints);
      }),
    );
  }

  function sprintSection(sprint, openSprints) {
    var visible = sprint.issues.filter(function (issue) {
      return !issue.subtask;
    });
    var actions = sprintActions.map(function (action) {
      return el('button', {
        type: 'button',
        class: 'button button-subtle',
        'data-open-modal': 'modal-' + action.key + '-' + sprint.id,
        text: action.title,
      });
    });
    return el('section', { class: 'sprint sprint-' + sprint.state, 'data-sprint-id': String(sprint.id), 'aria-label': sprint.name }, [
      el('header', { class: 'sprint-header' }, [
        el('h2', {}, [
          document.createTextNode(sprint.name + ' '),
          el('span', {
            class: 'lozenge ' + (sprint.state === 'active' ? 'lozenge-indeterminate' : 'lozenge-new'),
            text: sprint.state === 'active' ? 'Active' : 'Future',
          }),
        ]),
        el('span', {
          class: 'subtle',
          text:
            formatDate(sprint.startDate) +
            (sprint.endDate ? ' – ' + formatDate(sprint.endDate) : '') +
            ' · ' +
            visible.length +
            ' issues · ' +
            sumPoints(visible) +
            ' points',
        }),
        el('span', { class: 'sprint-actions' }, actions),
        sprint.goal
          ? el('p', { class: 'sprint-goal' }, [el('strong', { text: 'Sprint goal: ' }), document.createTextNode(sprint.goal)])
          : null,
      ]),
      issueList(sprint.issues, openSprints),
    ]);
  }

  function draw(data) {
    var openSprints = data.sprints.slice().sort(function (a, b) {
      return a.state === b.state ? a.id - b.id : a.state === 'active' ? -1 : 1;
    });
    var sections = openSprints.map(function (sprint) {
      return sprintSection(sprint, openSprints);
    });
    var backlogVisible = data.backlog.filter(function (issue) {
      return !issue.subtask;
    });
    sections.push(
      el('section', { class: 'sprint sprint-backlog', 'data-sprint-id': 'backlog', 'aria-label': 'Backlog' }, [
        el('header', { class: 'sprint-header' }, [
          el('h2', { text: 'Backlog' }),
          el('span', { class: 'subtle', text: backlogVisible.length + ' issues · ' + sumPoints(backlogVisible) + ' points' }),
        ]),
        issueList(data.backlog, openSprints),
      ]),
    );
    var message = el('p', { id: 'board-message', class: 'section-message section-message-error', role: 'alert' });
    message.hidden = true;
    var previous = document.getElementById('board-message');
    if (previous && !previous.hidden) {
      message.textContent = previous.textContent;
      message.hidden = false;
    }
    container.replaceChildren.apply(container, [message].concat(sections));
  }

  function refresh(force) {
    return fetch('/api/boards/' + encodeURIComponent(boardId))
      .then(function (response) {
        return response.text();
      })
      .then(function (text) {
        document.getElementById('board-updated').textContent = 'Checked ' + new Date().toLocaleTimeString();
        if (!force && text === lastJson) return;
        lastJson = text;
        draw(JSON.parse(text));
        container.setAttribute('data-loaded', 'true');
      })
      .catch(function () {
        document.getElementById('board-updated').textContent = 'Could not reach the sandbox; retrying.';
      });
  }

  refresh(true);
  // An issue created in the sandbox's Create dialog shows at once, not at the next refresh.
  window.addEventListener('sandbox:board-changed', function () {
    refresh(true);
  });
  setInterval(function () {
    if (!document.hidden && !container.querySelector('details[open]')) refresh(false);
  }, REFRESH_MS);
})();
