// The stack's own floor for the list and form screens: floor.js's page (the same API requests, the
// same list markup, the record's fields as plain inputs) drawn by React and react-dom, and nothing
// else (no router, no TanStack Query, no react-hook-form, none of the app's code). Not a budget's
// reference: it says how much of the app's time above the plain page is React's alone.
import { createElement as h, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

interface Row {
  id: string;
  name: string;
  type: string;
}
type Record = { [field: string]: unknown };

const params = new URLSearchParams(location.search);
const botId = params.get('bot') ?? '';
const integrationId = params.get('id');
const base = `/api/bots/${encodeURIComponent(botId)}`;

// floor.js's, so both pages draw the same controls.
const OPTIONS: { [field: string]: string[] } = {
  type: ['API', 'EMAIL', 'FILE', 'FAAS', 'KNOWLEDGE_AI', 'LIVEPERSON_AGENT_ESCALATION'],
  method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  mode: ['INTENTS', 'INTENTS_ONLY', 'TEXT'],
  threshold: ['VERY_GOOD', 'GOOD', 'FAIR_PLUS'],
};
const NOT_FIELDS = new Set(['id', 'botId', 'version', 'createdAt', 'updatedAt']);

async function api<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json, application/problem+json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

function List({ integrations }: { integrations: Row[] }) {
  return h(
    'nav',
    { className: 'panel-list', 'aria-label': 'Integrations' },
    h(
      'div',
      { className: 'panel-list__filter' },
      h('input', { id: 'integration-filter', className: 'input', type: 'search', placeholder: 'Filter by name' }),
    ),
    h(
      'ul',
      { className: 'panel-list__rows', 'aria-label': `${integrations.length} integrations` },
      integrations.map((integration) =>
        h(
          'li',
          { key: integration.id, className: 'panel-list__row' },
          h(
            'div',
            { className: 'integration-item' },
            h(
              'a',
              { href: `/bots/${botId}/integrations/${integration.id}`, className: 'integration-item__link' },
              h('span', { className: 'integration-item__name' }, integration.name),
              h('span', { className: 'type-badge' }, integration.type),
            ),
          ),
        ),
      ),
    ),
  );
}

function Control({ name, value }: { name: string; value: unknown }): ReactNode {
  if (Array.isArray(value)) {
    return h(
      'div',
      { role: 'group', id: name },
      (value as { key?: string; value?: string }[]).flatMap((row, index) => [
        h('input', {
          key: `k${index}`,
          className: 'input',
          name: `${name}.${index}.key`,
          'aria-label': `${name} ${index + 1} key`,
          defaultValue: row.key ?? '',
        }),
        h('input', {
          key: `v${index}`,
          className: 'input',
          name: `${name}.${index}.value`,
          'aria-label': `${name} ${index + 1} value`,
          defaultValue: row.value ?? '',
        }),
      ]),
    );
  }
  const options = OPTIONS[name];
  if (options) {
    return h(
      'select',
      { className: 'select', name, id: name, defaultValue: String(value) },
      options.map((option) => h('option', { key: option, value: option }, option)),
    );
  }
  if (typeof value === 'boolean') return h('input', { type: 'checkbox', name, id: name, defaultChecked: value });
  if (name === 'transformScript' || (typeof value === 'string' && value.length > 80)) {
    return h('textarea', { className: 'input input--multiline', name, id: name, rows: 3, defaultValue: String(value) });
  }
  return h('input', {
    className: 'input',
    name,
    id: name,
    type: typeof value === 'number' ? 'number' : 'text',
    autoComplete: 'off',
    defaultValue: value === null || value === undefined ? '' : String(value),
  });
}

function Form({ integration }: { integration: Record }) {
  return h(
    'form',
    { className: 'integration-form', 'aria-labelledby': 'integration-form-title', noValidate: true },
    h(
      'header',
      { className: 'form-header' },
      h('h2', { id: 'integration-form-title', className: 'form-header__title' }, String(integration.name)),
      h('button', { type: 'submit', className: 'button button--primary' }, 'Save'),
    ),
    h(
      'div',
      { className: 'form-grid' },
      Object.entries(integration)
        .filter(([name]) => !NOT_FIELDS.has(name))
        .map(([name, value]) =>
          h(
            'div',
            { key: name, className: 'field' },
            h('label', { htmlFor: name, className: 'field__label' }, name),
            h(Control, { name, value }),
          ),
        ),
    ),
  );
}

const requests: Promise<unknown>[] = [api(base), api(`${base}/integrations?limit=500`)];
if (integrationId) requests.push(api(`${base}/integrations/${encodeURIComponent(integrationId)}`), api('/api/skills'));
const root = createRoot(document.getElementById('root')!);
const [bot, page, integration] = (await Promise.all(requests)) as [{ name: string }, { items: Row[] }, Record | undefined];
root.render(
  h(
    'div',
    { className: 'panel' },
    h('div', { className: 'panel__header' }, h('p', null, bot.name), h('h1', { className: 'panel__title' }, 'Integrations')),
    h(
      'div',
      { className: 'panel__body' },
      h(List, { integrations: page.items }),
      h('section', { className: 'panel__detail', 'aria-label': 'Integration details' }, integration ? h(Form, { integration }) : null),
    ),
  ),
);
