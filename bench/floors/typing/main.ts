// The floor of typing in the form (issue 32): the integrations list and an integration's form drawn by
// react and react-dom alone, every field a plain controlled input whose value lives in one component's
// state, so each keystroke renders the whole form: the custom data rows with the same labels, placeholder
// and "Dialogs use {Name.key}" line as the app's. A row click selects the row and loads its integration.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Row {
  id: string;
  name: string;
  type: string;
}
interface CustomDataRow {
  key: string;
  value: string;
}
type Integration = { name: string; responseDataVariable?: string; customDataFields?: CustomDataRow[] } & { [field: string]: unknown };

const params = new URLSearchParams(location.search);
const botId = params.get('bot') ?? '';
const base = `/api/bots/${encodeURIComponent(botId)}`;
const ROW_HEIGHT = 48;
const TEXT_FIELDS = ['url', 'postBody', 'agentSkillName', 'agentSkillId', 'agentId', 'messageToUser'];

async function api<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json, application/problem+json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

function Form({ integration }: { integration: Integration }) {
  const [values, setValues] = useState(integration);
  const set = (field: string, value: string) =>
    setValues((current) => ({
      ...current,
      [field]: value,
      ...(field === 'name' && current.responseDataVariable === current.name ? { responseDataVariable: value } : {}),
    }));
  const setRow = (index: number, part: keyof CustomDataRow, value: string) =>
    setValues((current) => ({
      ...current,
      customDataFields: (current.customDataFields ?? []).map((row, at) => (at === index ? { ...row, [part]: value } : row)),
    }));
  const variable = values.responseDataVariable || values.name;
  const text = (field: string, label: string) =>
    h(
      'div',
      { key: field, className: 'field' },
      h('label', { htmlFor: field, className: 'field__label' }, label),
      h('input', {
        id: field,
        name: field,
        className: 'input',
        autoComplete: 'off',
        value: String(values[field] ?? ''),
        onChange: (event: { target: { value: string } }) => set(field, event.target.value),
      }),
    );
  return h(
    'form',
    { className: 'integration-form', 'aria-labelledby': 'integration-form-title', noValidate: true },
    h(
      'header',
      { className: 'form-header' },
      h('h2', { id: 'integration-form-title', className: 'form-header__title' }, integration.name),
      h('button', { type: 'submit', className: 'button button--primary' }, 'Save'),
    ),
    h(
      'div',
      { className: 'form-grid' },
      text('name', 'Integration Name'),
      text('responseDataVariable', 'Response Data Variable Name'),
      TEXT_FIELDS.filter((field) => field in integration).map((field) => text(field, field)),
    ),
    h(
      'fieldset',
      { className: 'field cdf' },
      h('legend', { className: 'field__label' }, 'Custom Data Fields'),
      h(
        'ol',
        { className: 'cdf__rows' },
        (values.customDataFields ?? []).map((row, index) =>
          h(
            'li',
            { key: index, className: 'cdf__row' },
            h('span', { className: 'cdf__index', 'aria-hidden': true }, index + 1),
            h('input', {
              className: 'input cdf__key',
              'aria-label': `Key ${index + 1}`,
              placeholder: 'key',
              autoComplete: 'off',
              value: row.key,
              onChange: (event: { target: { value: string } }) => setRow(index, 'key', event.target.value),
            }),
            h('input', {
              className: 'input cdf__value',
              'aria-label': `Value ${index + 1}`,
              placeholder: `{$.api_${variable}.path}`,
              autoComplete: 'off',
              value: row.value,
              onChange: (event: { target: { value: string } }) => setRow(index, 'value', event.target.value),
            }),
            h(
              'div',
              { className: 'cdf__reference' },
              h('span', null, 'Dialogs use'),
              ' ',
              h('code', null, `{${values.name || 'IntegrationName'}.${row.key || 'key'}}`),
            ),
          ),
        ),
      ),
    ),
  );
}

function Panel({ integrations, first }: { integrations: Row[]; first: Integration | undefined }) {
  const [selected, setSelected] = useState(params.get('id'));
  const [integration, setIntegration] = useState(first);
  const open = (id: string) => {
    setSelected(id);
    setIntegration(undefined);
    void api<Integration>(`${base}/integrations/${encodeURIComponent(id)}`).then(setIntegration);
  };
  return h(
    'div',
    { className: 'panel__body' },
    h(
      'nav',
      { className: 'panel-list', 'aria-label': 'Integrations' },
      h(
        'div',
        { className: 'panel-list__scroller' },
        h(
          'ul',
          {
            className: 'panel-list__rows',
            style: { height: integrations.length * ROW_HEIGHT },
            'aria-label': `${integrations.length} integrations`,
          },
          integrations.map((row, index) =>
            h(
              'li',
              // Placed as the app places its rows (the stylesheet's rows are absolutely positioned), all of them drawn.
              {
                key: row.id,
                className: 'panel-list__row',
                style: { transform: `translateY(${index * ROW_HEIGHT}px)`, height: ROW_HEIGHT },
              },
              h(
                'a',
                {
                  href: `/bots/${botId}/integrations/${row.id}`,
                  className: 'integration-item__link',
                  'aria-current': row.id === selected ? 'page' : undefined,
                  onClick: (event: { preventDefault: () => void }) => {
                    event.preventDefault();
                    open(row.id);
                  },
                },
                h('span', { className: 'integration-item__name' }, row.name),
                h('span', { className: 'type-badge' }, row.type),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { className: 'panel__detail', 'aria-label': 'Integration details' },
      integration ? h(Form, { key: selected, integration }) : h('p', { role: 'status' }, 'Loading…'),
    ),
  );
}

const id = params.get('id');
const [page, first] = await Promise.all([
  api<{ items: Row[] }>(`${base}/integrations?limit=500`),
  id ? api<Integration>(`${base}/integrations/${encodeURIComponent(id)}`) : Promise.resolve(undefined),
]);
createRoot(document.getElementById('root')!).render(h('div', { className: 'panel' }, h(Panel, { integrations: page.items, first })));
