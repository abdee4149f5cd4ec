import { useEffect, useState } from 'react';
import { retryableLazy } from './lazy-part';
import { setAdminTokenAsker, type OpenTokenQuestion } from '../lib/admin-token';

// The dialog (and the dialog library under it) loads only on a 401: most servers never ask.
const AdminTokenDialog = retryableLazy(() => import('./admin-token-dialog'), 'the admin token dialog');
const SignInDialog = retryableLazy(() => import('./sign-in-dialog'), 'the sign-in dialog');

/** Answers the API client's call for the ADMIN_TOKEN by showing the dialog that asks for it. */
export function AdminTokenHost() {
  const [question, setQuestion] = useState<OpenTokenQuestion | null>(null);

  useEffect(() => {
    setAdminTokenAsker((asked) => new Promise<string>((answer) => setQuestion({ ...asked, answer })));
    return () => setAdminTokenAsker(null);
  }, []);

  if (!question) return null;
  if (question.signIn) return <SignInDialog question={question} onAnswered={() => setQuestion(null)} />;
  return <AdminTokenDialog question={question} onAnswered={() => setQuestion(null)} />;
}
