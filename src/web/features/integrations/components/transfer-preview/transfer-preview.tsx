import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { previewTransfer, type CheckStatus, type PreviewVariable } from '../../../../../domain/transfer-preview';
import { useDirectoryList } from '../../../../components/directory-pickers/directories-context';

interface TransferPreviewProps {
  /** Sample bot variables ({$botContext.name}); the Test panel supplies them. */
  botVariables: readonly PreviewVariable[];
  envVariables: readonly PreviewVariable[];
}

// An icon and a word for each status: colour alone says nothing to many people.
const STATUS: Record<CheckStatus, { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'Pass' },
  warn: { icon: '⚠', word: 'Warning' },
  fail: { icon: '✕', word: 'Fail' },
  info: { icon: 'ℹ', word: 'Note' },
};

/** What the bot runtime would do with the Agent Escalation as it stands in the form (reference §3). */
export function TransferPreview({ botVariables, envVariables }: TransferPreviewProps) {
  const [agentSkillName, agentSkillId, agentId, transferBotContext, messageToUser] = useWatch({
    name: ['agentSkillName', 'agentSkillId', 'agentId', 'transferBotContext', 'messageToUser'],
  }) as [string | undefined, string | undefined, string | undefined, boolean | undefined, string | undefined];
  const { items: skills } = useDirectoryList('skills');
  const preview = useMemo(
    () =>
      previewTransfer(
        {
          agentSkillName: agentSkillName ?? '',
          agentSkillId: agentSkillId ?? '',
          agentId: agentId ?? '',
          transferBotContext: Boolean(transferBotContext),
          messageToUser: messageToUser ?? '',
        },
        { botVariables, envVariables },
        skills,
      ),
    [agentSkillName, agentSkillId, agentId, transferBotContext, messageToUser, botVariables, envVariables, skills],
  );

  return (
    <div className="transfer-preview" data-testid="transfer-preview">
      <dl className="transfer-preview__facts">
        <div>
          <dt>Agent Skill Id, resolved</dt>
          <dd>
            <code data-testid="preview-skill-id">{preview.skillId || '(empty)'}</code>{' '}
            <span className={`transfer-preview__action transfer-preview__action--${preview.action}`} data-testid="preview-action">
              {preview.action === 'transfer'
                ? 'Numeric: the platform transfers the conversation to this skill.'
                : 'Not numeric: the platform sends the fallback message instead of transferring.'}
            </span>
          </dd>
        </div>
        <div>
          <dt>Message to User, resolved</dt>
          <dd>
            <p
              className={
                preview.message === null ? 'transfer-preview__message transfer-preview__message--none' : 'transfer-preview__message'
              }
              data-testid="preview-message"
            >
              {preview.message === null ? 'No message is sent (BLANK_MESSAGE).' : preview.message || '(empty)'}
            </p>
          </dd>
        </div>
        {preview.unresolved.length > 0 ? (
          <div>
            <dt>Variables without a sample value</dt>
            <dd data-testid="preview-unresolved">
              {preview.unresolved.map((reference) => (
                <code key={reference}>{reference}</code>
              ))}
              <span className="transfer-preview__hint"> resolve to nothing here; enter sample values to see them filled in.</span>
            </dd>
          </div>
        ) : null}
      </dl>
      <h4 className="transfer-preview__heading" id="transfer-preview-body">
        Transfer request body
      </h4>
      <pre className="transfer-preview__json" aria-labelledby="transfer-preview-body" data-testid="preview-body" tabIndex={0}>
        <code>{JSON.stringify(preview.requestBody, null, 2)}</code>
      </pre>
      <h4 className="transfer-preview__heading" id="transfer-preview-checks">
        Checklist
      </h4>
      <ul className="transfer-checks" aria-labelledby="transfer-preview-checks" data-testid="preview-checks">
        {preview.checks.map((check) => (
          <li key={check.id} className={`transfer-check transfer-check--${check.status}`} data-status={check.status}>
            <span className="transfer-check__icon" aria-hidden="true">
              {STATUS[check.status].icon}
            </span>
            <span className="transfer-check__status">{STATUS[check.status].word}</span>
            <span className="transfer-check__text">{check.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
