// The floor of the list and form screens: the same API requests as the app's screen, the same list
// and the same form fields as plain inputs, written with the DOM and nothing else. Whatever the app
// takes beyond this page's time is the cost of its own code.
const params = new URLSearchParams(location.search);
const botId = params.get('bot') ?? '';
const integrationId = params.get('id');
const base = `/api/bots/${encodeURIComponent(botId)}`;

const OPTIONS = {
  type: ['API', 'EMAIL', 'FILE', 'FAAS', 'KNOWLEDGE_AI', 'LIVEPERSON_AGENT_ESCALATION'],
  method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  mode: ['INTENTS', 'INTENTS_ONLY', 'TEXT'],
  threshold: ['VERY_GOOD', 'GOOD', 'FAIR_PLUS'],
};
// Stored alongside the fields, never edited in the form.
const NOT_FIELDS = new Set(['id', 'botId', 'version', 'createdAt', 'updatedAt']);

async function api(path) {
  const response = await fetch(path, { headers: { accept: 'application/json, application/problem+json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

function list(integrations) {
  const rows = element('ul', { class: 'panel-list__rows', 'aria-label': `${integrations.length} integrations` });
  for (const integration of integrations) {
    const link = element(
      'a',
      { href: `/bots/${botId}/integrations/${integration.id}`, class: 'integration-item__link' },
      element('span', { class: 'integration-item__name' }, integration.name),
      element('span', { class: 'type-badge' }, integration.type),
    );
    rows.append(element('li', { class: 'panel-list__row' }, element('div', { class: 'integration-item' }, link)));
  }
  const filter = element('input', { id: 'integration-filter', class: 'input', type: 'search', placeholder: 'Filter by name' });
  return element(
    'nav',
    { class: 'panel-list', 'aria-label': 'Integrations' },
    element('div', { class: 'panel-list__filter' }, filter),
    rows,
  );
}

function control(name, value) {
  if (Array.isArray(value)) {
    const group = element('div', { role: 'group', id: name });
    value.forEach((row, index) => {
      group.append(
        element('input', { class: 'input', name: `${name}.${index}.key`, 'aria-label': `${name} ${index + 1} key`, value: row.key ?? '' }),
        element('input', {
          class: 'input',
          name: `${name}.${index}.value`,
          'aria-label': `${name} ${index + 1} value`,
          value: row.value ?? '',
        }),
      );
    });
    return group;
  }
  if (OPTIONS[name]) {
    const select = element('select', { class: 'select', name, id: name });
    for (const option of OPTIONS[name]) select.append(element('option', { value: option }, option));
    select.value = String(value);
    return select;
  }
  if (typeof value === 'boolean') {
    const box = element('input', { type: 'checkbox', name, id: name });
    box.checked = value;
    return box;
  }
  if (name === 'transformScript' || (typeof value === 'string' && value.length > 80)) {
    const area = element('textarea', { class: 'input input--multiline', name, id: name, rows: 3 });
    area.value = value;
    return area;
  }
  const input = element('input', {
    class: 'input',
    name,
    id: name,
    type: typeof value === 'number' ? 'number' : 'text',
    autocomplete: 'off',
  });
  input.value = value === null || value === undefined ? '' : String(value);
  return input;
}

function form(integration) {
  const fields = element('div', { class: 'form-grid' });
  for (const [name, value] of Object.entries(integration)) {
    if (NOT_FIELDS.has(name)) continue;
    fields.append(element('div', { class: 'field' }, element('label', { for: name, class: 'field__label' }, name), control(name, value)));
  }
  const header = element(
    'header',
    { class: 'form-header' },
    element('h2', { id: 'integration-form-title', class: 'form-header__title' }, integration.name),
    element('button', { type: 'submit', class: 'button button--primary' }, 'Save'),
  );
  return element('form', { class: 'integration-form', 'aria-labelledby': 'integration-form-title', novalidate: '' }, header, fields);
}

async function main() {
  const requests = [api(base), api(`${base}/integrations?limit=500`)];
  // The form screen also reads the record and the skill directory its Agent Skill fields check against.
  if (integrationId) requests.push(api(`${base}/integrations/${encodeURIComponent(integrationId)}`), api('/api/skills'));
  const [bot, page, integration] = await Promise.all(requests);
  const detail = element('section', { class: 'panel__detail', 'aria-label': 'Integration details' });
  if (integration) detail.append(form(integration));
  const panel = element(
    'div',
    { class: 'panel' },
    element('div', { class: 'panel__header' }, element('p', {}, bot.name), element('h1', { class: 'panel__title' }, 'Integrations')),
    element('div', { class: 'panel__body' }, list(page.items), detail),
  );
  document.getElementById('root').replaceChildren(panel);
}

void main();
