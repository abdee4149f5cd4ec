import { Dialog } from 'radix-ui';
import { useId, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { ActionFailure } from '../../../components/action-failure';
import { returnFocusTo } from '../../../components/return-focus';
import { useNavigate } from '../../../lib/history-router';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { describeFailure } from '../../../lib/failure';
import { notify } from '../../../lib/notify';
import { planBotImport, useImportBot, type ImportPlan } from '../api/import-bot';
import { getBots } from '../api/get-bots';
import { comparableName, freeName } from './bot-names';
import { ImportPlanView } from './import-plan-view';
import { readImportFile } from './read-import-file';
import { paths } from '../../../../domain/screen-routes';

type Stage =
  | { kind: 'choose' }
  | { kind: 'failed'; fileName: string; title: string; detail: string; items: string[] }
  | { kind: 'planning'; fileName: string }
  | { kind: 'plan'; fileName: string; file: unknown; plan: ImportPlan; clash: NameClash | null };

/** The file's bot name is taken: the names like it that exist, and the one the import will give instead. */
interface NameClash {
  taken: string[];
  suggested: string;
}

/**
 * Asks for the bots whose names hold the file's bot name: a clash when one has it exactly. A plan with
 * problems imports nothing, so its name asks nothing either.
 */
async function nameClashOf(plan: ImportPlan): Promise<NameClash | null> {
  const name = plan.bot.values?.name;
  if (!name || !plan.valid) return null;
  const taken = (await getBots(null, undefined, name)).items.map((bot) => bot.name);
  if (!taken.some((each) => comparableName(each) === comparableName(name))) return null;
  return { taken, suggested: freeName(name, taken) };
}

function failure(fileName: string, error: unknown): Stage {
  if (isApiError(error)) {
    const items = Object.entries(error.fieldErrors).map(([path, message]) => (path ? `${path}: ${message}` : message));
    return { kind: 'failed', fileName, title: error.problem.title, detail: error.problem.detail, items };
  }
  return { kind: 'failed', fileName, title: 'The file could not be checked', detail: errorMessage(error), items: [] };
}

/** Loaded on the first click: the dialog's code stays out of the first page. */
interface ImportBotDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The Import button: the focus goes back to it on close. */
  opener?: RefObject<HTMLElement | null>;
}

export default function ImportBotDialog({ open, onOpenChange, opener }: ImportBotDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" onCloseAutoFocus={returnFocusTo(opener)}>
          <Dialog.Title className="dialog__title">Import bot</Dialog.Title>
          <Dialog.Description className="dialog__description">
            A Conversation Builder bot export, or a file this panel exported. You see the plan before anything is created.
          </Dialog.Description>
          {open ? <ImportFlow onDone={() => onOpenChange(false)} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ImportFlow({ onDone }: { onDone: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [dragging, setDragging] = useState(false);
  const attempt = useRef(0);
  const inputId = useId();
  const summaryId = useId();
  const importing = useImportBot();
  const navigate = useNavigate();
  // The name the new bot gets when the file's is taken (the suggestion, as the user edits it).
  const [newName, setNewName] = useState('');
  const newNameId = useId();

  const take = async (file: File | undefined) => {
    if (!file) return;
    const current = ++attempt.current;
    importing.reset();
    setStage({ kind: 'planning', fileName: file.name });
    const read = await readImportFile(file);
    if (current !== attempt.current) return;
    if (!read.ok) {
      setStage({ kind: 'failed', fileName: file.name, title: 'Not a JSON file', detail: read.message, items: [] });
      return;
    }
    try {
      const plan = await planBotImport(read.json);
      const clash = await nameClashOf(plan);
      if (current !== attempt.current) return;
      setNewName(clash?.suggested ?? '');
      setStage({ kind: 'plan', fileName: file.name, file: read.json, plan, clash });
    } catch (error) {
      if (current === attempt.current) setStage(failure(file.name, error));
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void take(event.dataTransfer.files[0]);
  };

  const runImport = () => {
    if (stage.kind !== 'plan') return;
    importing.mutate(stage.clash ? { file: stage.file, name: newName.trim() } : { file: stage.file }, {
      onSuccess: ({ bot, integrations }) => {
        notify(
          'success',
          `Imported ${bot.name} with ${integrations.length === 1 ? '1 integration' : `${integrations.length} integrations`}`,
        );
        onDone();
        void navigate(paths.integrations(bot.id));
      },
      onError: (error) => notify('error', describeFailure(error, 'import the bot').title),
    });
  };

  const importError = importing.error ? failure(stage.kind === 'plan' ? stage.fileName : '', importing.error) : null;
  const clash = stage.kind === 'plan' ? stage.clash : null;
  const newNameTaken = clash !== null && clash.taken.some((each) => comparableName(each) === comparableName(newName));
  const canImport =
    stage.kind === 'plan' && stage.plan.valid && !importing.isPending && (!clash || (newName.trim() !== '' && !newNameTaken));

  return (
    <div className="import-flow">
      <div
        className="drop-zone"
        data-dragging={dragging || undefined}
        data-testid="import-drop-zone"
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="drop-zone__text">{dragging ? 'Drop the file to check it' : 'Drag a .json export here, or'}</p>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="visually-hidden drop-zone__input"
          onChange={(event) => {
            void take(event.target.files?.[0]);
            // Choosing the same file again (after fixing it) must fire again.
            event.target.value = '';
          }}
        />
        <label htmlFor={inputId} className="button drop-zone__button">
          {stage.kind === 'choose' ? 'Choose a file' : 'Choose another file'}
        </label>
      </div>

      {stage.kind === 'planning' ? (
        <div className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Checking {stage.fileName}…
        </div>
      ) : null}
      {stage.kind === 'failed' ? (
        <div className="form-problem" role="alert" data-testid="import-error">
          <p className="form-problem__title">{stage.title}</p>
          <p>{stage.detail}</p>
          {stage.items.length > 0 ? (
            <ul>
              {stage.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {stage.kind === 'plan' ? <ImportPlanView plan={stage.plan} fileName={stage.fileName} summaryId={summaryId} /> : null}
      {clash && stage.kind === 'plan' ? (
        <div className="form-problem import-clash" role="group" aria-labelledby={`${newNameId}-title`} data-testid="import-name-clash">
          <p className="form-problem__title" id={`${newNameId}-title`}>
            A bot named “{stage.plan.bot.values?.name}” already exists
          </p>
          <p>Import this one as a new bot under another name, or cancel. The bot that exists stays as it is.</p>
          <label htmlFor={newNameId} className="field__label">
            Name of the new bot
          </label>
          <input
            id={newNameId}
            className="input"
            value={newName}
            maxLength={100}
            autoComplete="off"
            aria-invalid={newNameTaken || newName.trim() === ''}
            aria-describedby={newNameTaken || newName.trim() === '' ? `${newNameId}-error` : undefined}
            onChange={(event) => setNewName(event.target.value)}
          />
          {newNameTaken || newName.trim() === '' ? (
            <p className="field__error" id={`${newNameId}-error`}>
              {newNameTaken ? 'A bot of this name exists too: choose another.' : 'The new bot needs a name.'}
            </p>
          ) : null}
        </div>
      ) : null}
      {importError?.kind === 'failed' && importing.error ? (
        <ImportFailure error={importing.error} shown={importError} retrying={importing.isPending} onRetry={runImport} />
      ) : null}

      <div className="dialog__actions">
        <Dialog.Close className="button" type="button">
          Cancel
        </Dialog.Close>
        <button
          type="button"
          className="button button--primary"
          disabled={!canImport}
          aria-describedby={stage.kind === 'plan' ? summaryId : undefined}
          onClick={runImport}
        >
          {importing.isPending ? 'Importing…' : clash ? 'Import as a new bot' : 'Import'}
        </button>
      </div>
    </div>
  );
}

interface ImportFailureProps {
  error: Error;
  /** The refusal as the dialog words it (title, detail and the problems the server listed). */
  shown: { title: string; detail: string; items: string[] };
  retrying: boolean;
  onRetry: () => void;
}

/**
 * A failed import, above the Import button, with the focus on it: a network or server failure offers
 * Retry; a refusal of the file lists its problems, which no retry changes.
 */
function ImportFailure({ error, shown, retrying, onRetry }: ImportFailureProps) {
  const failure = useMemo(() => {
    const described = describeFailure(error, 'import the bot');
    return described.kind === 'request' ? { ...described, title: `Nothing was imported: ${shown.title}`, detail: shown.detail } : described;
  }, [error, shown.title, shown.detail]);
  return (
    <ActionFailure failure={failure} testId="import-error" retrying={retrying} onRetry={failure.kind === 'request' ? undefined : onRetry}>
      {failure.kind === 'request' && shown.items.length > 0 ? (
        <ul>
          {shown.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </ActionFailure>
  );
}
