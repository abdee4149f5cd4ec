import type { MouseEvent } from 'react';

export const INTEGRATION_DETAILS_ID = 'integration-details';

/**
 * First in the list, shown when focused: a long list is many Tab presses between the user and the form.
 * Focus is moved by hand: a "#…" address would be a navigation of its own in the app's history.
 */
export function SkipToForm() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const details = document.getElementById(INTEGRATION_DETAILS_ID);
    const firstField = details?.querySelector<HTMLElement>('form input:not([type="hidden"]):not([disabled])');
    (firstField ?? details)?.focus();
  };
  return (
    <a className="skip-to-form" href={`#${INTEGRATION_DETAILS_ID}`} onClick={skip}>
      Skip to the form
    </a>
  );
}
