import { useEffect, useState } from 'react';
import { retryableLazy } from './lazy-part';
import { setAdminTokenAsker, type OpenTokenQuestion } from '../lib/admin-token';

// The dialog (and the dialog library under it) loads only on a 401: most servers never ask.
const CredentialsDialog = retryableLazy(() => import('./credentials-dialog'), 'the sign-in dialog');

/** Answers the API client's call for credentials (a sign-in, or the ADMIN_TOKEN) by showing the prompt. */
export function AdminTokenHost() {
  const [question, setQuestion] = useState<OpenTokenQuestion | null>(null);

  useEffect(() => {
    setAdminTokenAsker((asked) => new Promise<string>((answer) => setQuestion({ ...asked, answer })));
    return () => setAdminTokenAsker(null);
  }, []);

  if (!question) return null;
  return <CredentialsDialog question={question} onAnswered={() => setQuestion(null)} />;
}
