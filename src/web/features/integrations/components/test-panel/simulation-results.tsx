import type { CustomDataFieldResult, SimulationError, SimulationOutput } from '../../../../../domain/simulation';
import type { ScriptEditorHandle } from '../script-editor/script-editor-bridge';

const ERROR_TITLES: Record<SimulationError['kind'], string> = {
  script: 'The script threw an error',
  // A limit the script caught, or that only rejected a promise, did not stop it: the message says which.
  timeout: 'Time limit reached',
  memory: 'Memory limit reached',
  result: 'The result could not be read',
  sandbox: 'The sandbox failed',
  output: 'Output limit reached: what is shown was cut',
};

function describePosition(error: SimulationError): string | null {
  if (error.line === null) return null;
  return error.column === null ? `Line ${error.line}` : `Line ${error.line}, column ${error.column}`;
}

function SimulationErrorBox({ error, editor }: { error: SimulationError; editor: ScriptEditorHandle | null }) {
  const position = describePosition(error);
  return (
    <div className="test-panel__error" data-testid="test-error">
      <p className="test-panel__error-title">{ERROR_TITLES[error.kind]}</p>
      {position ? <p data-testid="test-error-position">{position}</p> : null}
      <p className="test-panel__error-message">{error.message}</p>
      {error.line !== null && editor ? (
        <button type="button" className="button button--small" onClick={() => editor.revealLine(error.line ?? 1, error.column)}>
          Show line {error.line} in the editor
        </button>
      ) : null}
    </div>
  );
}

function FieldValue({ field }: { field: CustomDataFieldResult }) {
  if (field.value === null) return <span className="test-panel__none">no value</span>;
  if (Array.isArray(field.value)) {
    if (field.value.length === 0) return <span className="test-panel__none">empty list</span>;
    return (
      <ol className="test-panel__list" aria-label={`${field.key}: ${field.value.length} values`}>
        {field.value.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ol>
    );
  }
  return (
    <span className="test-panel__value">{field.value === '' ? <span className="test-panel__none">empty text</span> : field.value}</span>
  );
}

function CustomDataTable({ fields }: { fields: CustomDataFieldResult[] }) {
  return (
    <section className="test-panel__section" aria-labelledby="test-custom-data-title" data-testid="test-custom-data">
      <h4 id="test-custom-data-title">Custom data fields</h4>
      {fields.length === 0 ? (
        <p className="kv__empty">The integration has no custom data fields.</p>
      ) : (
        <table className="test-panel__table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field, index) => (
              <tr key={index} title={field.expression}>
                <th scope="row">{field.key}</th>
                <td>
                  <FieldValue field={field} />
                  {field.note ? <p className="test-panel__note">{field.note}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function VariablesTable({ variables }: { variables: SimulationOutput['botVariables'] }) {
  return (
    <section className="test-panel__section" aria-labelledby="test-bot-variables-title" data-testid="test-bot-variables">
      <h4 id="test-bot-variables-title">Bot variables set by the script</h4>
      {variables.length === 0 ? (
        <p className="kv__empty">The script set no variable.</p>
      ) : (
        <table className="test-panel__table">
          <thead>
            <tr>
              <th scope="col">Variable</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {variables.map((variable) => (
              <tr key={variable.key}>
                <th scope="row">{variable.key}</th>
                <td className="test-panel__value">{variable.value ?? <span className="test-panel__none">null</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function LinesSection({ title, lines, empty, testId }: { title: string; lines: string[]; empty: string; testId: string }) {
  const titleId = `${testId}-title`;
  return (
    <section className="test-panel__section" aria-labelledby={titleId} data-testid={testId}>
      <h4 id={titleId}>{title}</h4>
      {lines.length === 0 ? (
        <p className="kv__empty">{empty}</p>
      ) : (
        <ol className="test-panel__log">
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What one test run produced: the error first, then what Custom Data Fields and dialogs would see. */
export function SimulationResults({ output, editor }: { output: SimulationOutput; editor: ScriptEditorHandle | null }) {
  return (
    <div className="test-panel__results" data-testid="test-results">
      {output.error ? <SimulationErrorBox error={output.error} editor={editor} /> : null}
      <CustomDataTable fields={output.customDataFields} />
      <VariablesTable variables={output.botVariables} />
      <LinesSection title="Debug log" lines={output.debugLog} empty="No debug messages." testId="test-debug-log" />
      {output.messages.length > 0 ? (
        <LinesSection title="Messages sent to the user" lines={output.messages} empty="" testId="test-messages" />
      ) : null}
      {output.warnings.length > 0 ? <LinesSection title="Warnings" lines={output.warnings} empty="" testId="test-warnings" /> : null}
    </div>
  );
}
