import { lazy, Suspense, useEffect, useState } from 'react';

const ScriptDiffEditor = lazy(() => import('./script-diff-editor'));

const HEIGHT = 260;

interface ScriptDiffProps {
  revisionVersion: number;
  currentVersion: number;
  original: string;
  modified: string;
  /** Configures Monaco from the bundle (never a CDN); must finish before the editor mounts. */
  loadMonaco: () => Promise<unknown>;
}

function Placeholder({ text }: { text: string }) {
  return (
    <div className="script-editor__placeholder" style={{ height: HEIGHT }} role="status">
      {text}
    </div>
  );
}

export function ScriptDiff({ revisionVersion, currentVersion, original, modified, loadMonaco }: ScriptDiffProps) {
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    loadMonaco().then(
      () => live && setState('ready'),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [loadMonaco]);

  const same = original === modified;
  return (
    <section aria-labelledby="script-diff-title">
      <h4 id="script-diff-title" className="field__label">
        Transform Result Script {same ? <span className="pill">No changes</span> : <span className="field-diff__badge">Changed</span>}
      </h4>
      <p className="script-diff__legend" aria-hidden="true">
        <span>Version {revisionVersion}</span>
        <span>Current (version {currentVersion})</span>
      </p>
      <div className="script-diff" data-testid="script-diff">
        {state === 'loading' ? <Placeholder text="Loading the diff…" /> : null}
        {state === 'failed' ? <Placeholder text="The diff editor could not be loaded. Reload the page to try again." /> : null}
        {state === 'ready' ? (
          <Suspense fallback={<Placeholder text="Loading the diff…" />}>
            <ScriptDiffEditor
              original={original}
              modified={modified}
              originalLabel={`Transform Result Script, version ${revisionVersion}`}
              modifiedLabel={`Transform Result Script, current version ${currentVersion}`}
              height={HEIGHT}
            />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
