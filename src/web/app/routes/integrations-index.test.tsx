import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anIntegrationSummary } from '../../../domain/samples';
import { BOT } from '../../testing/demo-records';
import { fakeApi } from '../../testing/fake-api';
import { renderApp } from '../../testing/render-app';

function botWith(items: ReturnType<typeof anIntegrationSummary>[]) {
  fakeApi({
    [`GET /api/bots/${BOT.id}`]: () => ({ status: 200, body: BOT }),
    [`GET /api/bots/${BOT.id}/integrations`]: () => ({ status: 200, body: { items, nextCursor: null } }),
    [`GET /api/bots/${BOT.id}/checks`]: () => ({ status: 200, body: { items: [] } }),
  });
  renderApp(`/bots/${BOT.id}/integrations`);
}

describe("the panel's own page", () => {
  it('asks to pick an integration from the list, wherever the list is (beside the form, or above it on a phone)', async () => {
    botWith([anIntegrationSummary()]);
    expect(await screen.findByText('Select an integration in the list, or add one.')).toBeInTheDocument();
    expect(screen.queryByText(/on the left/)).toBeNull();
  });

  it('asks a bot without integrations for its first one, instead of asking to select one', async () => {
    botWith([]);
    expect(await screen.findByText("Add this bot's first integration.")).toBeInTheDocument();
    expect(screen.queryByText(/^Select an integration/)).toBeNull();
  });
});
