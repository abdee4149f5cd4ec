import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { ReleasePlan } from '../../../../domain/releases';
import { ActionFailure } from '../../../components/action-failure';
import { useReturnFocus } from '../../../components/return-focus';
import { describeFailure } from '../../../lib/failure';
import { notify } from '../../../lib/notify';
import { usePlanRelease, useRelease, useReleaseChoices } from '../api/releases-api';
import { ChangeList, ProblemList } from './release-views';
import './releases.css';

/** Release… on a bot: pick the target and the integrations, see the plan and its problems, write a note, release. */
export function ReleaseButton({ botId, botName }: { botId: string; botName: string }) {
  const [open, setOpen] = useState(false);
  const onCloseAutoFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="button">
          Release…
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog__title">Release {botName}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Carries integrations into another bot as new revisions there; {'{$env.NAME}'} stays unresolved, each bot reads its own
            environment.
          </Dialog.Description>
          {open ? <ReleaseForm botId={botId} onDone={() => setOpen(false)} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ReleaseForm({ botId, onDone }: { botId: string; onDone: () => void }) {
  const choices = useReleaseChoices(botId, true);
  const planning = usePlanRelease(botId);
  const releasing = useRelease(botId);
  const [targetBotId, setTargetBotId] = useState('');
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [plan, setPlan] = useState<ReleasePlan | null>(null);
  const targets = (choices.bots.data ?? []).filter((bot) => bot.id !== botId);
  const integrations = choices.integrations.data ?? [];
  // Every one picked: the bot as a whole, which also carries what it deleted since releasing it.
  const request = () => ({
    targetBotId,
    integrationIds: excluded.size === 0 ? undefined : integrations.filter((item) => !excluded.has(item.id)).map((item) => item.id),
    note,
  });
  const errors = plan?.problems.filter((problem) => problem.severity === 'error').length ?? 0;
  const warnings = (plan?.problems.length ?? 0) - errors;
  const changed = () => setPlan(null);

  const showPlan = () => planning.mutate(request(), { onSuccess: setPlan });
  const release = () =>
    releasing.mutate(
      { ...request(), force: warnings > 0 },
      {
        onSuccess: (done) => {
          notify('success', `Released as release ${done.number}`);
          onDone();
        },
      },
    );

  return (
    <div className="release-form">
      <label className="field__label" htmlFor="release-target">
        Target bot
      </label>
      <select
        id="release-target"
        className="select"
        value={targetBotId}
        onChange={(event) => {
          setTargetBotId(event.target.value);
          changed();
        }}
      >
        <option value="">Pick a bot</option>
        {targets.map((bot) => (
          <option key={bot.id} value={bot.id}>
            {bot.name}
          </option>
        ))}
      </select>
      <fieldset className="release-form__integrations">
        <legend>Integrations</legend>
        {choices.integrations.isPending ? <p>Loading the integrations…</p> : null}
        {integrations.length === 0 && !choices.integrations.isPending ? <p>This bot has no integrations.</p> : null}
        {integrations.map((item) => (
          <label key={item.id} className="release-form__integration">
            <input
              type="checkbox"
              checked={!excluded.has(item.id)}
              onChange={(event) => {
                const next = new Set(excluded);
                if (event.target.checked) next.delete(item.id);
                else next.add(item.id);
                setExcluded(next);
                changed();
              }}
            />{' '}
            {item.name}
          </label>
        ))}
      </fieldset>
      <button type="button" className="button" disabled={!targetBotId || planning.isPending} onClick={showPlan}>
        {planning.isPending ? 'Planning…' : 'Show the plan'}
      </button>
      {planning.error ? <ActionFailure failure={describeFailure(planning.error, 'plan the release')} /> : null}
      {plan ? (
        <section aria-labelledby="release-plan-title" data-testid="release-plan">
          <h3 id="release-plan-title">Plan</h3>
          <ChangeList changes={plan.changes} />
          <h4>Problems</h4>
          <ProblemList problems={plan.problems} targetBotId={targetBotId} />
          <label className="field__label" htmlFor="release-note">
            Note
          </label>
          <textarea id="release-note" className="input" rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                Cancel
              </button>
            </Dialog.Close>
            <button type="button" className="button button--primary" disabled={errors > 0 || releasing.isPending} onClick={release}>
              {releasing.isPending ? 'Releasing…' : warnings > 0 ? 'Release anyway' : 'Release'}
            </button>
          </div>
          {errors > 0 ? <p role="status">Fix the errors above, then show the plan again.</p> : null}
          {releasing.error ? <ActionFailure failure={describeFailure(releasing.error, 'release')} /> : null}
        </section>
      ) : null}
    </div>
  );
}
