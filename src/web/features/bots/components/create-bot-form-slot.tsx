import { deferredPart } from '../../../components/deferred-part';
import { fieldId } from '../../../components/form/field-id';

/* The bots page is usable once its bots are listed: the new-bot form (react-hook-form, zod) loads right after. */

const CreateBotFormPart = deferredPart<object>(
  () => import('./create-bot-form').then((module) => ({ default: module.CreateBotForm })),
  'the new-bot form',
);

export function CreateBotFormSlot() {
  const id = fieldId('name', 'new-bot');
  return (
    <CreateBotFormPart
      placeholder={
        <form className="create-bot" aria-label="Create a bot" aria-busy="true">
          <div className="field">
            <div className="field__label-row">
              <label className="field__label" htmlFor={id} id={`${id}-label`}>
                New bot
              </label>
            </div>
            <div className="create-bot__row">
              <input id={id} className="input" placeholder="Bot name, e.g. Billing Bot" autoComplete="off" disabled />
              <button type="submit" className="button button--primary" disabled>
                Create bot
              </button>
            </div>
          </div>
        </form>
      }
    />
  );
}
