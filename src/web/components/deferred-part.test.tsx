import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { QueryClientProvider } from '@tanstack/react-query';
import { deferredModule } from './deferred-part';

/** A module the test hands over when it likes, and a form whose first field it replaces. */
function arrangement() {
  let arrive: (module: { label: string }) => void = () => undefined;
  const arrived = new Promise<{ label: string }>((resolve) => (arrive = resolve));
  const useModule = deferredModule(() => arrived);
  function Fields() {
    const { module, request } = useModule();
    // The same control before and after: a new element, found again by its id.
    return (
      <>
        <input
          key={module ? 'part' : 'placeholder'}
          id="skill"
          aria-label={module ? `Skill (${module.label})` : 'Skill'}
          onFocus={request}
        />
        <input id="agent" aria-label="Agent" />
      </>
    );
  }
  render(
    <QueryClientProvider client={createQueryClient()}>
      <Fields />
    </QueryClientProvider>,
  );
  return { arrive, arrived };
}

describe('a deferred part taking over its placeholder', () => {
  it('hands the focus to the new control when the swap took it away', async () => {
    const { arrive } = arrangement();
    screen.getByLabelText('Skill').focus();
    await act(async () => arrive({ label: 'combobox' }));
    await waitFor(() => expect(screen.getByLabelText('Skill (combobox)')).toHaveFocus());
  });

  it('leaves the focus where the user moved it between the arrival and the swap', async () => {
    const { arrive, arrived } = arrangement();
    screen.getByLabelText('Skill').focus();
    arrive({ label: 'combobox' });
    await arrived;
    // The module is here (a few promise steps on), React has not drawn it yet: the user goes on to the next field.
    for (let step = 0; step < 5; step += 1) await Promise.resolve();
    screen.getByLabelText('Agent').focus();
    await waitFor(() => expect(screen.getByLabelText('Skill (combobox)')).toBeInTheDocument());
    expect(screen.getByLabelText('Agent')).toHaveFocus();
  });

  it('hands the focus over when the user reached the stand-in between the arrival and the swap', async () => {
    const { arrive, arrived } = arrangement();
    // Asked for, and left.
    screen.getByLabelText('Skill').focus();
    screen.getByLabelText('Agent').focus();
    arrive({ label: 'combobox' });
    await arrived;
    for (let step = 0; step < 5; step += 1) await Promise.resolve();
    // The module is here, React has not drawn it yet: the user moves onto the control it is about to replace.
    screen.getByLabelText('Skill').focus();
    await waitFor(() => expect(screen.getByLabelText('Skill (combobox)')).toHaveFocus());
  });
});
