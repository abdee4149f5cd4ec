/**
 * What the bot runtime would do with a LivePerson Agent Escalation integration (reference §3):
 * the resolved skill id and message, the transfer request body, and a checklist of the documented
 * failure causes. Pure: the web app runs it on every form change.
 */
import { BLANK_MESSAGE } from './integration-types';
import { POSITIVE_ID_PATTERN } from './variable-reference';

export interface EscalationFields {
  agentSkillName: string;
  agentSkillId: string;
  agentId: string;
  transferBotContext: boolean;
  messageToUser: string;
}

export interface PreviewVariable {
  key: string;
  value: string;
}

export interface DirectorySkill {
  id: string;
  name: string;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'info';

export interface TransferCheck {
  id: 'skill-id-numeric' | 'skill-id-known' | 'skill-name-matches' | 'message-present' | 'no-raw-newline' | 'catch-escalation-failed';
  status: CheckStatus;
  text: string;
}

interface TransferRequestBody {
  message: string;
  agentSkillName: string;
  agentSkillId: string;
  agentId?: string;
  transferBotContext?: true;
}

interface TransferPreview {
  skillId: string;
  /** transfer: the id is numeric; fallback: the platform sends the fallback message instead. */
  action: 'transfer' | 'fallback';
  skillName: string;
  agentId: string;
  /** The message as the user would see it (`\n` escapes as line breaks), or null for BLANK_MESSAGE. */
  message: string | null;
  messageText: string;
  requestBody: TransferRequestBody;
  /** References with no value in the given variables, e.g. `{$botContext.skillId}`. */
  unresolved: string[];
  checks: TransferCheck[];
}

const REFERENCE = /\{\$(botContext|env)\.([A-Za-z_][A-Za-z0-9_.]*)\}/g;
const NUMERIC = /^[0-9]+$/;

interface Resolution {
  text: string;
  unresolved: string[];
  /** References whose value holds a raw line break, which makes the integration fail (reference §2.4). */
  withNewLine: string[];
}

function resolve(template: string, botVariables: Map<string, string>, envVariables: Map<string, string>): Resolution {
  const unresolved: string[] = [];
  const withNewLine: string[] = [];
  const text = template.replace(REFERENCE, (reference, scope: string, name: string) => {
    const value = (scope === 'env' ? envVariables : botVariables).get(name);
    if (value === undefined) {
      unresolved.push(reference);
      return '';
    }
    if (/[\r\n]/.test(value)) withNewLine.push(reference);
    return value;
  });
  return { text, unresolved, withNewLine };
}

function toMap(rows: readonly PreviewVariable[]): Map<string, string> {
  return new Map(rows.map((row) => [row.key, row.value]));
}

/** The field's `\n` escape is a line break in what the user sees and in the body's message. */
function unescapeNewLines(text: string): string {
  return text.replace(/\\n/g, '\n');
}

function skillIdCheck(skillId: string, unresolved: boolean): TransferCheck {
  if (POSITIVE_ID_PATTERN.test(skillId))
    return { id: 'skill-id-numeric', status: 'pass', text: `Agent Skill Id ${skillId} is numeric: the platform transfers to it.` };
  if (NUMERIC.test(skillId)) {
    return {
      id: 'skill-id-numeric',
      status: 'warn',
      text: `Agent Skill Id "${skillId}" is numeric but not a valid Conversational Cloud skill id (a positive number without leading zeros).`,
    };
  }
  const shown = skillId === '' ? (unresolved ? 'has no value with these variables' : 'is empty') : `"${skillId}" is not numeric`;
  return {
    id: 'skill-id-numeric',
    status: 'fail',
    text: `Agent Skill Id ${shown}: the platform sends the fallback message instead of transferring.`,
  };
}

function directoryChecks(skillId: string, skillName: string, directory: readonly DirectorySkill[] | undefined): TransferCheck[] {
  if (!directory) {
    return [{ id: 'skill-id-known', status: 'info', text: 'No skill directory to check the skill id against.' }];
  }
  if (!NUMERIC.test(skillId)) {
    return [{ id: 'skill-id-known', status: 'info', text: 'The skill directory is not checked: the skill id is not numeric.' }];
  }
  const skill = directory.find((entry) => entry.id === skillId);
  if (!skill) {
    return [
      {
        id: 'skill-id-known',
        status: 'warn',
        text: `Skill ${skillId} is not in the skill directory: an incorrect Agent Skill Id is the most common cause of a failed transfer.`,
      },
    ];
  }
  const known: TransferCheck = {
    id: 'skill-id-known',
    status: 'pass',
    text: `Skill ${skillId} is in the skill directory ("${skill.name}").`,
  };
  if (skillName.trim() === '') {
    return [
      known,
      {
        id: 'skill-name-matches',
        status: 'info',
        text: `Agent Skill Name is empty; the directory calls skill ${skillId} "${skill.name}".`,
      },
    ];
  }
  if (skillName.trim() === skill.name) {
    return [known, { id: 'skill-name-matches', status: 'pass', text: `Agent Skill Name matches the directory ("${skill.name}").` }];
  }
  return [
    known,
    {
      id: 'skill-name-matches',
      status: 'warn',
      text: `Agent Skill Name "${skillName}" does not match the directory, which calls skill ${skillId} "${skill.name}": the name is display-only, so check which one you meant.`,
    },
  ];
}

function messageCheck(template: string, resolved: string, unresolved: boolean): TransferCheck {
  if (template.trim() === '') {
    return {
      id: 'message-present',
      status: 'fail',
      text: `Message to User is required: enter the text sent before the transfer, or ${BLANK_MESSAGE} to send none.`,
    };
  }
  if (resolved === BLANK_MESSAGE) {
    return {
      id: 'message-present',
      status: 'pass',
      text: `${BLANK_MESSAGE}: the transfer carries the required message, but none is sent to the user.`,
    };
  }
  if (resolved.trim() === '') {
    return {
      id: 'message-present',
      status: 'fail',
      text: `Message to User ${unresolved ? 'has no value with these variables' : 'is empty once resolved'}: a transfer without a message fails; set ${BLANK_MESSAGE} to send none.`,
    };
  }
  return { id: 'message-present', status: 'pass', text: 'A message is sent to the user before the transfer.' };
}

export function previewTransfer(
  fields: EscalationFields,
  variables: { botVariables?: readonly PreviewVariable[]; envVariables?: readonly PreviewVariable[] } = {},
  directory?: readonly DirectorySkill[],
): TransferPreview {
  const botVariables = toMap(variables.botVariables ?? []);
  const envVariables = toMap(variables.envVariables ?? []);
  const skillId = resolve(fields.agentSkillId.trim(), botVariables, envVariables);
  const skillName = resolve(fields.agentSkillName, botVariables, envVariables);
  const agentId = resolve(fields.agentId.trim(), botVariables, envVariables);
  const message = resolve(fields.messageToUser, botVariables, envVariables);
  const all = [skillId, skillName, agentId, message];
  const unresolved = [...new Set(all.flatMap((resolution) => resolution.unresolved))];
  const withNewLine = [...new Set(all.flatMap((resolution) => resolution.withNewLine))];

  const resolvedSkillId = skillId.text.trim();
  const isBlank = message.text.trim() === BLANK_MESSAGE;
  const shownMessage = isBlank ? null : unescapeNewLines(message.text);
  const requestBody: TransferRequestBody = {
    message: isBlank ? BLANK_MESSAGE : unescapeNewLines(message.text),
    agentSkillName: skillName.text,
    agentSkillId: resolvedSkillId,
    ...(agentId.text ? { agentId: agentId.text } : {}),
    ...(fields.transferBotContext ? { transferBotContext: true as const } : {}),
  };

  const checks: TransferCheck[] = [
    skillIdCheck(resolvedSkillId, skillId.unresolved.length > 0),
    ...directoryChecks(resolvedSkillId, skillName.text, directory),
    messageCheck(fields.messageToUser, isBlank ? BLANK_MESSAGE : message.text, message.unresolved.length > 0),
    withNewLine.length > 0
      ? {
          id: 'no-raw-newline',
          status: 'fail',
          text: `${withNewLine.join(', ')} ${withNewLine.length === 1 ? 'holds' : 'hold'} a raw line break: the platform refuses it (injection protection). Use the \\n escape in the field instead.`,
        }
      : { id: 'no-raw-newline', status: 'pass', text: 'No variable value holds a raw line break.' },
    {
      id: 'catch-escalation-failed',
      status: 'info',
      text: 'If the transfer fails later, the platform sends __agent_escalation_failed__ to the bot: catch it in a dialog, or it lands in the Fallback dialog.',
    },
  ];

  return {
    skillId: resolvedSkillId,
    action: NUMERIC.test(resolvedSkillId) ? 'transfer' : 'fallback',
    skillName: skillName.text,
    agentId: agentId.text,
    message: shownMessage,
    messageText: shownMessage ?? 'No message is sent (BLANK_MESSAGE).',
    requestBody,
    unresolved,
    checks,
  };
}
