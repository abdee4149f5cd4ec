import { useEffect, useId, useRef, useState } from 'react';

/**
 * A secret or a link shown once (an API key, an invite link): selected and focused so it can be copied at once,
 * with a Copy button that says when it worked. The text stays in a read-only field for a person to copy by hand
 * where the clipboard is refused.
 */
export function CopyOnce({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState<'yes' | 'refused' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [value]);
  return (
    <div className="copy-once">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p className="field__help" id={`${id}-note`}>
        {note}
      </p>
      <div className="copy-once__row">
        <input
          ref={input}
          id={id}
          className="input copy-once__value"
          readOnly
          value={value}
          spellCheck={false}
          aria-describedby={`${id}-note`}
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className="button"
          onClick={() =>
            void navigator.clipboard.writeText(value).then(
              () => setCopied('yes'),
              () => setCopied('refused'),
            )
          }
        >
          Copy
        </button>
      </div>
      <p className="copy-once__status" role="status">
        {copied === 'yes' ? 'Copied.' : copied === 'refused' ? 'The browser refused the clipboard: select the text and copy it.' : ''}
      </p>
    </div>
  );
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function When({ at, never = '—' }: { at: string | null | undefined; never?: string }) {
  if (!at) return <>{never}</>;
  return <time dateTime={at}>{dateTime.format(new Date(at))}</time>;
}
